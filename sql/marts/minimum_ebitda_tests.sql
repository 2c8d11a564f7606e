-- clause: ppca-2002/9.2.4(a)
-- clause: ppca-2002/def/EBITDA
-- clause: ppca-2002/9.2.4(c)
-- clause: ppca-2002/9.2.4(d)
-- transactions of: none
-- One row per Fiscal Quarter end E from 2002-03-31: EBITDA "for the 4 Fiscal Quarters ending" E
-- [Sixth Amendment § 1.4 (Credit Agreement § 9.2.4(a))] (ppca_ebitda_twelve_months) and the reduction of the minimum,
-- AdjC (9.2.4(c)) + AdjD (9.2.4(d)). `limits` lists the two reductions, the credits that make them up (each Fiscal
-- Quarter's VALCO shortfall credit in the window; R1 and R2 where this quarter applies them) and the caps they are held
-- to, so the threshold is the table's minimum less the reductions, figure by figure (pipelines.policy.limits).
with tests as (
    select w.*, c.valco_shortfall_reduction, c.actual_valco_ebitda, c.forecast_valco_ebitda, c.shortfall as valco_shortfall,
        c.missing_inputs as c_missing, l.credit_limits, l.cap_limits, g.natural_gas_reduction, g.p3, g.p4,
        g.missing_inputs as d_missing, g.credit_limits as gas_credits, g.parameter_limits
    from ppca_ebitda_twelve_months as w
    join fiscal_quarters as q on q.quarter_end = w.test_date
    left join ppca_valco_shortfall_reduction as c on c.quarter_end = w.test_date
    left join ppca_valco_shortfall_credit_limits as l on l.schedule = 'quarterly' and l.window_end = w.test_date
    left join ppca_natural_gas_reduction as g on g.quarter_end = w.test_date
)

select
    'ppca-2002/9.2.4(a)' as clause_id,
    test_date,
    'maintenance' as test_kind,
    cast(null as varchar) as transaction_id,
    period_start,
    test_date as period_end,
    ebitda as actual,
    cast(coalesce(valco_shortfall_reduction, 0) + coalesce(natural_gas_reduction, 0) as decimal(38, 2)) as threshold_reduction,
    cast(json_merge_patch(ebitda_inputs, json_object(
        'valco_shortfall_reduction', json_object('value', valco_shortfall_reduction::varchar, 'clause_id', 'ppca-2002/9.2.4(c)'),
        -- "shown in reasonable detail in each Compliance Certificate"
        -- [Sixth Amendment § 1.1(a), “Actual VALCO EBITDA Amount”]: the quarter's Actual and Forecast
        'actual_valco_ebitda_amount', json_object('value', actual_valco_ebitda::varchar, 'clause_id', 'ppca-2002/def/ActualVALCOEBITDAAmount'),
        'forecast_valco_ebitda_amount', json_object('value', forecast_valco_ebitda::varchar, 'clause_id', 'ppca-2002/def/ForecastVALCOEBITDAAmount'),
        'valco_shortfall', json_object('value', valco_shortfall::varchar, 'clause_id', 'ppca-2002/9.2.4(c)'),
        'natural_gas_reduction', json_object('value', natural_gas_reduction::varchar, 'clause_id', 'ppca-2002/9.2.4(d)'),
        'natural_gas_price_p3', json_object('value', p3::varchar, 'clause_id', 'ppca-2002/9.2.4(d)'),
        'natural_gas_price_p4', json_object('value', p4::varchar, 'clause_id', 'ppca-2002/9.2.4(d)')
    )) as varchar) as inputs,
    cast(to_json(list_sort(list_distinct(list_concat(
        ebitda_missing_inputs,
        case when quarters_found < 4
            then ['EBITDA for the 4 Fiscal Quarters ' || period_start || ' to ' || test_date || ' (' || quarters_found || ' of 4 in the trial balances)'] end,
        c_missing,
        d_missing
    )))) as varchar) as missing_inputs,
    cast(to_json(minimum_ebitda_reduction_limits(
        valco_shortfall_reduction, 'the credits of the Fiscal Quarters from the one ending September 30, 2003 in the 4 Fiscal Quarters (R-P08)',
        credit_limits, cap_limits,
        natural_gas_reduction, 'R1 for the Fiscal Quarter ending 9/30/03, R1 + R2 for those ending 12/31/03, 3/31/04 and 6/30/04, R2 for the one ending 9/30/04',
        test_date between date '2003-09-30' and date '2004-06-30', test_date between date '2003-12-31' and date '2004-09-30',
        gas_credits, parameter_limits
    )) as varchar) as limits
from tests
