-- clause: ppca-2002/9.2.4(c)
-- The units of the monthly VALCO shortfall reduction (9.2.4(b) tests) and each unit's credit [Sixth Amendment § 1.4
-- (Credit Agreement § 9.2.4(c))]. One row per unit, with its caps' sources and its valco_ebitda months, so a result can
-- list each credit it counts (ppca_valco_shortfall_reduction_monthly adds them up).

-- The minimum "shall be reduced ... for the Fiscal Quarter (or 3-month period) ending on such date" by the VALCO
-- shortfall, which "will not exceed $20,000,000 in respect of any Fiscal Quarter (or $6,666,667 for any month) and
-- $60,000,000 in the aggregate for all Fiscal Quarters (or all months) ending on or prior to December 31, 2004"
-- [Sixth Amendment § 1.4 (Credit Agreement § 9.2.4(c))]. Correction R-P09 default: the first unit is the 3-month period
-- ending 2003-09-30, capped at $20,000,000 (parameter valco_shortfall_cap_per_quarter); each month from October 2003 is
-- a unit capped at $6,666,667 (valco_shortfall_cap_per_month).
with unit_months as (
    select cast(m as date) as unit_end,
        case when cast(m as date) = date '2003-09-30' then date '2003-07-01' else cast(date_trunc('month', cast(m as date)) as date) end as unit_start,
        case when cast(m as date) = date '2003-09-30' then 'valco_shortfall_cap_per_quarter' else 'valco_shortfall_cap_per_month' end as cap_parameter
    from (select last_day(cast(g as date)) as m
          from generate_series(timestamp '2003-09-01', timestamp '2005-01-01', interval 1 month) as s (g)) as months
),

units as (
    select
        u.unit_end,
        u.unit_start,
        u.cap_parameter,
        u.unit_end <= date '2004-12-31' as within_aggregate,
        sum(v.forecast_valco_ebitda) as forecast_valco_ebitda,
        sum(v.actual_valco_ebitda) as actual_valco_ebitda,
        count(v.forecast_valco_ebitda) as months_reported,
        coalesce(bool_or(v.forecast_from_quarterly_schedule), false) as forecast_from_quarterly_schedule,
        (date_diff('month', u.unit_start, u.unit_end) + 1) as months_required,
        list(v.period_end order by v.period_end) filter (where v.period_end is not null) as months
    from unit_months as u
    left join stg_valco_ebitda as v on v.period_end between u.unit_start and u.unit_end
    group by u.unit_end, u.unit_start, u.cap_parameter
),

capped as (
    select
        units.*,
        cast(parameter('ppca-2002', units.cap_parameter, units.unit_end) as decimal(38, 2)) as unit_cap,
        parameter_source('ppca-2002', units.cap_parameter, units.unit_end) as unit_cap_source,
        cast(parameter('ppca-2002', 'valco_shortfall_cap_aggregate', units.unit_end) as decimal(38, 2)) as cap_aggregate,
        parameter_source('ppca-2002', 'valco_shortfall_cap_aggregate', units.unit_end) as cap_aggregate_source
    from units
),

credited as (
    select
        *,
        greatest(0, coalesce(forecast_valco_ebitda, 0) - coalesce(actual_valco_ebitda, 0)) as shortfall,
        least(greatest(0, coalesce(forecast_valco_ebitda, 0) - coalesce(actual_valco_ebitda, 0)), coalesce(unit_cap, 0)) as credit
    from capped
)

-- The $60,000,000 aggregate (valco_shortfall_cap_aggregate) is allocated in date order to units ending on or before
-- 2004-12-31 (R-P08 default); January 2005 is credited within its monthly cap but outside the aggregate.
select
    *,
    case when within_aggregate
        then least(coalesce(cap_aggregate, 0), sum(credit) filter (where within_aggregate) over by_date)
             - least(coalesce(cap_aggregate, 0), coalesce(sum(credit) filter (where within_aggregate) over before, 0))
        else credit
    end as credit_allocated,
    list_concat(
        case when months_reported < months_required
            then ['valco_ebitda for the period ' || unit_start || ' to ' || unit_end || ' (' || months_reported || ' of ' || months_required || ' months)'] end,
        case when unit_cap is null then ['parameter ' || cap_parameter || ' on ' || unit_end] end,
        case when cap_aggregate is null and within_aggregate then ['parameter valco_shortfall_cap_aggregate on ' || unit_end] end
    ) as unit_missing
from credited
window by_date as (order by unit_end rows between unbounded preceding and current row),
    before as (order by unit_end rows between unbounded preceding and 1 preceding)
