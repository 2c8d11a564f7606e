-- clause: indenture-1996/4.06(b)
-- The fiscal quarters the trial balances cover: calendar quarters (the indenture's fiscal year is the calendar year,
-- 4.06(b); the same default for ppca-2002, R-X07), from the quarter of the first month reported through the last
-- quarter whose end month is reported.
with bounds as (
    select min(period_end) as first_month, max(period_end) as last_month
    from raw_trial_balances
),

quarter_starts as (
    select cast(q.quarter_start as date) as quarter_start, b.last_month
    from bounds as b,
        generate_series(
            cast(date_trunc('quarter', b.first_month) as timestamp),
            cast(b.last_month as timestamp),
            interval 3 month
        ) as q (quarter_start)
)

select
    quarter_start,
    cast(quarter_start + interval 3 month as date) - 1 as quarter_end,
    year(quarter_start) as fiscal_year,
    quarter(quarter_start) as fiscal_quarter
from quarter_starts
where cast(quarter_start + interval 3 month as date) - 1 <= last_month
