-- clause: ppca-2002/def/VALCOPPEReduction
-- VALCO PPE Reduction per Fiscal Quarter [Sixth Amendment § 1.1(m), “VALCO PPE Reduction”]. Each quarter's reduction
-- and the maximum are also given as limits (pipelines.policy.limits) for the Borrowing Base results that take them off
-- the PPE Subcomponent.
with quarters as (
    select cast(q as date) as quarter_end
    from (select last_day(cast(g as date)) as q
          from generate_series(timestamp '2004-03-01', timestamp '2004-12-01', interval 3 month) as s (g)) as ends
),

-- A quarter needs its three months.
valco as (
    select
        q.quarter_end,
        sum(v.actual_valco_ebitda) as actual_valco_ebitda,
        sum(v.forecast_valco_ebitda) as forecast_valco_ebitda,
        bool_or(v.primary_aluminum_produced) as primary_aluminum_produced,
        count(v.period_end) as months_reported,
        list(v.period_end order by v.period_end) filter (where v.period_end is not null) as months,
        cast(parameter('ppca-2002', 'valco_ppe_reduction_maximum', q.quarter_end) as decimal(38, 2)) as maximum,
        parameter_source('ppca-2002', 'valco_ppe_reduction_maximum', q.quarter_end) as maximum_source
    from quarters as q
    left join stg_valco_ebitda as v on v.quarter_end = q.quarter_end
    group by q.quarter_end
),

-- "the amount, if any, by which the PPE Subcomponent shall be reduced on the last day of each Fiscal Quarter commencing
-- March 31, 2004": (A) $10,000,000 (parameter valco_ppe_reduction_maximum) if VALCO "does not produce primary aluminum
-- during such Fiscal Quarter" (no month of the quarter with primary_aluminum_produced, R-P23) or the Actual VALCO
-- EBITDA Amount is zero or less; (B) if it is positive but below the Forecast VALCO EBITDA Amount, $10,000,000 x
-- (Forecast - Actual) / Forecast, in cents rounded half up (E7: 10,000,000 x 2,000,000 / 8,000,000 = 2,500,000); (C)
-- otherwise 0.
reductions as (
    select
        *,
        cast(case
            when months_reported < 3 or maximum is null then null
            when not primary_aluminum_produced or actual_valco_ebitda <= 0 then maximum
            when actual_valco_ebitda < forecast_valco_ebitda
                then cast((2 * cast(maximum * 100 as hugeint) * cast((forecast_valco_ebitda - actual_valco_ebitda) * 100 as hugeint)
                           + cast(forecast_valco_ebitda * 100 as hugeint))
                          // (2 * cast(forecast_valco_ebitda * 100 as hugeint)) as decimal(38, 0)) * 0.01
            else 0
        end as decimal(38, 2)) as valco_ppe_reduction
    from valco
)

select
    quarter_end,
    actual_valco_ebitda,
    forecast_valco_ebitda,
    primary_aluminum_produced,
    valco_ppe_reduction,
    json_object(
        'kind', 'reduction', 'name', 'VALCO PPE Reduction', 'value', valco_ppe_reduction::varchar,
        'clause_id', 'ppca-2002/def/VALCOPPEReduction',
        'source', 'valco_ebitda for ' || coalesce(array_to_string(months, ', '), 'no month') || ': Actual VALCO EBITDA '
            || coalesce(actual_valco_ebitda::varchar, 'missing') || ', Forecast ' || coalesce(forecast_valco_ebitda::varchar, 'missing')
            || ', primary aluminum produced ' || coalesce(primary_aluminum_produced::varchar, 'missing')
            || ': the maximum without production or with an Actual of zero or less, the maximum x (Forecast - Actual) / Forecast below the Forecast, else 0',
        'applies_to', 'cumulative_valco_ppe_reductions',
        'period_start', cast(date_trunc('quarter', quarter_end) as date)::varchar, 'period_end', quarter_end::varchar
    ) as reduction_limit,
    json_object(
        'kind', 'cap', 'name', 'valco_ppe_reduction_maximum', 'value', maximum::varchar, 'clause_id', 'ppca-2002/def/VALCOPPEReduction',
        'source', maximum_source, 'applies_to', 'VALCO PPE Reduction'
    ) as maximum_limit,
    coalesce(list_concat(
        case when months_reported < 3
            then ['valco_ebitda for the Fiscal Quarter ending ' || quarter_end || ' (' || months_reported || ' of 3 months)'] end,
        case when maximum is null then ['parameter valco_ppe_reduction_maximum on ' || quarter_end] end
    ), []::varchar[]) as missing_inputs
from reductions
