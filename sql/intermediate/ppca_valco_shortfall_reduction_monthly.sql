-- clause: ppca-2002/9.2.4(c)
-- VALCO shortfall reduction of the monthly minimum EBITDA (9.2.4(b) tests)
-- [Sixth Amendment § 1.4 (Credit Agreement § 9.2.4(c))]: AdjC_M(E) = the allocated credits of the units
-- (ppca_valco_shortfall_units: the 3-month period ending 2003-09-30, then each month, R-P09) wholly inside the 12 months
-- ending E. A month whose forecast is a third of a quarterly schedule figure (R-P10 default, stg_valco_ebitda) is
-- flagged: its unit says so, and forecast_from_quarterly_schedule is true for every E whose window counts such a unit.
with allocated as (
    select * from ppca_valco_shortfall_units
),

test_months as (
    select last_day(cast(g as date)) as month_end
    from generate_series(timestamp '2003-06-01', timestamp '2005-01-01', interval 1 month) as s (g)
)

select
    t.month_end,
    cast(t.month_end - interval 12 month as date) + 1 as window_start,
    cast(coalesce((
        select sum(a.credit_allocated) from allocated as a
        where a.unit_end <= t.month_end and a.unit_start >= cast(t.month_end - interval 12 month as date) + 1
    ), 0) as decimal(38, 2)) as valco_shortfall_reduction,
    coalesce((
        select list(a.unit_start || ' to ' || a.unit_end || ': shortfall ' || cast(a.shortfall as decimal(38, 2))
                    || ', credit ' || cast(a.credit_allocated as decimal(38, 2))
                    || case when a.forecast_from_quarterly_schedule then ' (forecast: a third of the quarterly schedule, R-P10)' else '' end
                    order by a.unit_end)
        from allocated as a
        where a.unit_end <= t.month_end and a.unit_start >= cast(t.month_end - interval 12 month as date) + 1
    ), []::varchar[]) as units_counted,
    coalesce((
        select bool_or(a.forecast_from_quarterly_schedule) from allocated as a
        where a.unit_end <= t.month_end and a.unit_start >= cast(t.month_end - interval 12 month as date) + 1
    ), false) as forecast_from_quarterly_schedule,
    -- the aggregate allocation depends on every unit up to E, so a gap in any of them leaves AdjC_M(E) undetermined
    coalesce(list_sort(list_distinct(flatten((
        select list(a.unit_missing) from allocated as a
        where a.unit_end <= t.month_end and a.unit_missing is not null
    )))), []::varchar[]) as missing_inputs
from test_months as t
