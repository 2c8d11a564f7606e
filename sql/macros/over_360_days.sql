-- clause: indenture-1996/2.03
-- An amount x days over a 360-day year [Indenture § 2.03]: (amount x rate x days) / 360 truncated to 10 decimal places
-- by integer division (exact; decimal / decimal is DOUBLE in DuckDB). The indenture names no rounding, so the ten
-- places are kept and a figure is rounded only where a clause says.
create or replace macro over_360_days(amount_times_days) as
    cast(cast(cast(amount_times_days * 10000000000 as hugeint) // 360 as decimal(38, 0)) * 0.0000000001 as decimal(38, 10));
