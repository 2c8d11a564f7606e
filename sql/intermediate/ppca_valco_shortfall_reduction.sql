-- clause: ppca-2002/9.2.4(c)
-- VALCO shortfall reduction of the minimum EBITDA (quarterly test) [Sixth Amendment § 1.4
-- (Credit Agreement § 9.2.4(c))]. Each quarter's months and caps are kept for ppca_valco_shortfall_credit_limits.

-- For each Fiscal Quarter u ending 2003-09-30 .. 2004-12-31:
with unit_ends as (
    select cast(u as date) as unit_end
    from (values ('2003-09-30'), ('2003-12-31'), ('2004-03-31'), ('2004-06-30'), ('2004-09-30'), ('2004-12-31')) as units (u)
),

valco as (
    select
        quarter_end,
        sum(forecast_valco_ebitda) as forecast_valco_ebitda,
        sum(actual_valco_ebitda) as actual_valco_ebitda,
        count(distinct period_end) filter (where forecast_valco_ebitda is not null) as months_reported,
        list(_row order by _row) as source_rows,
        list(period_end order by period_end) as months
    from stg_valco_ebitda
    group by quarter_end
),

-- Shortfall(u) = max(0, Forecast - Actual VALCO EBITDA over its months).
credits as (
    select
        u.unit_end,
        v.forecast_valco_ebitda,
        v.actual_valco_ebitda,
        coalesce(v.months_reported, 0) as months_reported,
        v.source_rows,
        v.months,
        greatest(0, coalesce(v.forecast_valco_ebitda, 0) - coalesce(v.actual_valco_ebitda, 0)) as shortfall,
        cast(parameter('ppca-2002', 'valco_shortfall_cap_per_quarter', u.unit_end) as decimal(38, 2)) as cap_per_quarter,
        cast(parameter('ppca-2002', 'valco_shortfall_cap_aggregate', u.unit_end) as decimal(38, 2)) as cap_aggregate,
        parameter_source('ppca-2002', 'valco_shortfall_cap_per_quarter', u.unit_end) as cap_per_quarter_source,
        parameter_source('ppca-2002', 'valco_shortfall_cap_aggregate', u.unit_end) as cap_aggregate_source
    from unit_ends as u
    left join valco as v on v.quarter_end = u.unit_end
),

-- Credit(u) = min(Shortfall, $20,000,000 "in respect of any Fiscal Quarter"); "$60,000,000 in the aggregate for all
-- Fiscal Quarters ... ending on or prior to December 31, 2004" allocated in date order (R-P08 default: once used, later
-- quarters get 0).
capped as (
    select
        *,
        least(shortfall, coalesce(cap_per_quarter, 0)) as credit,
        least(
            coalesce(cap_aggregate, 0),
            sum(least(shortfall, coalesce(cap_per_quarter, 0))) over (order by unit_end rows between unbounded preceding and current row)
        ) as allocated_to_date
    from credits
),

allocated as (
    select
        *,
        allocated_to_date - coalesce(lag(allocated_to_date) over (order by unit_end), 0) as credit_allocated,
        list_concat(
            case when months_reported < 3
                then ['valco_ebitda for the Fiscal Quarter ending ' || unit_end || ' (' || months_reported || ' of 3 months)'] end,
            case when cap_per_quarter is null then ['parameter valco_shortfall_cap_per_quarter on ' || unit_end] end,
            case when cap_aggregate is null then ['parameter valco_shortfall_cap_aggregate on ' || unit_end] end
        ) as unit_missing
    from capped
)

-- AdjC for the 4 quarters ending E = the allocated credits of the quarters in that window "commencing with the Fiscal
-- Quarter ... ending September 30, 2003"; 0 before. Example E12: credits 20/20/20/0/0; AdjC(2004-09-30) = 40,000,000.
select
    q.quarter_end,
    u.forecast_valco_ebitda,
    u.actual_valco_ebitda,
    cast(u.shortfall as decimal(38, 2)) as shortfall,
    cast(u.credit as decimal(38, 2)) as credit,
    cast(u.credit_allocated as decimal(38, 2)) as credit_allocated,
    cast(coalesce((
        select sum(w.credit_allocated) from allocated as w
        where w.unit_end <= q.quarter_end and w.unit_end > cast(q.quarter_end - interval 12 month as date)
    ), 0) as decimal(38, 2)) as valco_shortfall_reduction,
    u.source_rows,
    u.months,
    u.cap_per_quarter,
    u.cap_per_quarter_source,
    u.cap_aggregate,
    u.cap_aggregate_source,
    -- the aggregate allocation depends on every unit up to E, so a gap in any of them leaves AdjC(E) undetermined
    coalesce(list_sort(list_distinct(flatten((
        select list(w.unit_missing) from allocated as w
        where w.unit_end <= q.quarter_end and w.unit_missing is not null
    )))), []::varchar[]) as missing_inputs
from fiscal_quarters as q
left join allocated as u on u.unit_end = q.quarter_end
