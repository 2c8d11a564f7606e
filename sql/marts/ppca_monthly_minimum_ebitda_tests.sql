-- clause: ppca-2002/9.2.4(b)
-- clause: ppca-2002/9.2.4(c)
-- clause: ppca-2002/9.2.4(d)
-- transactions of: none
-- The monthly minimum EBITDA test [Sixth Amendment § 1.4 (Credit Agreement § 9.2.4(b))], one row per month. `limits`
-- lists the two reductions, the credits that make them up (each VALCO unit's credit in the 12 months; R1 and R2 where
-- the month applies them) and the caps they are held to (pipelines.policy.limits).

-- AdjD_M [Sixth Amendment § 1.4 (Credit Agreement § 9.2.4(d))], R-P11 default: R1 for the 12-month periods ending
-- September 2003 to June 2004, R2 for those ending October 2003 to September 2004.
with gas as (
    -- these columns are the same on every quarter's row (one set of reductions), so any row will do
    select p3, p4, r1, r2, credit_limits as gas_credits, parameter_limits from ppca_natural_gas_reduction limit 1  -- noqa: AM09
),

-- "If at any time during any month for a period of three (3) consecutive Business Days" a Trigger Event occurs
-- (ppca_trigger_events, R-P19), "then for that month and each month thereafter in which a Trigger Event occurs" EBITDA
-- "for the 12 months ending on the last day of such month" must be at least the table's minimum (policy 9.2.4-b), less
-- AdjC_M (ppca_valco_shortfall_reduction_monthly) and AdjD_M. A month with no Trigger Event is not_applicable (R-P19:
-- only months with one).
months as (
    select
        t.*,
        w.period_start,
        w.months_found,
        w.ebitda,
        w.ebitda_inputs,
        w.ebitda_missing_inputs,
        c.valco_shortfall_reduction,
        c.units_counted,
        c.forecast_from_quarterly_schedule,
        c.missing_inputs as c_missing,
        l.credit_limits,
        l.cap_limits,
        g.p3,
        g.p4,
        g.gas_credits,
        g.parameter_limits,
        case when t.month_end between date '2003-09-30' and date '2004-06-30' then g.r1 else 0 end as r1_applied,
        case when t.month_end between date '2003-10-31' and date '2004-09-30' then g.r2 else 0 end as r2_applied,
        list_concat(
            case when t.month_end between date '2003-09-30' and date '2004-09-30' and g.p3 is null
                then ['market_data natural_gas_price_paid for the Fiscal Quarter ending 2003-09-30 (P3)'] end,
            case when t.month_end between date '2003-10-31' and date '2004-09-30' and g.p4 is null
                then ['market_data natural_gas_price_paid for the Fiscal Quarter ending 2003-12-31 (P4)'] end
        ) as d_missing
    from ppca_trigger_events as t
    left join ppca_ebitda_twelve_months as w on w.test_date = t.month_end
    left join ppca_valco_shortfall_reduction_monthly as c on c.month_end = t.month_end
    left join ppca_valco_shortfall_credit_limits as l on l.schedule = 'monthly' and l.window_end = t.month_end
    left join gas as g on true
)

select
    'ppca-2002/9.2.4(b)' as clause_id,
    month_end as test_date,
    'maintenance' as test_kind,
    cast(null as varchar) as transaction_id,
    coalesce(period_start, cast(month_end - interval 12 month as date) + 1) as period_start,
    month_end as period_end,
    ebitda as actual,
    cast(coalesce(valco_shortfall_reduction, 0) + coalesce(r1_applied, 0) + coalesce(r2_applied, 0) as decimal(38, 2)) as threshold_reduction,
    cast(json_merge_patch(coalesce(ebitda_inputs, '{}'), json_object(
        'trigger_event_outstandings_on', json_object('value', outstandings_trigger_on::varchar, 'clause_id', 'ppca-2002/9.2.4(b)'),
        'trigger_event_availability_on', json_object('value', availability_trigger_on::varchar, 'clause_id', 'ppca-2002/9.2.4(b)'),
        'valco_shortfall_reduction', json_object('value', valco_shortfall_reduction::varchar, 'clause_id', 'ppca-2002/9.2.4(c)'),
        'valco_shortfall_units', json_object('value', array_to_string(units_counted, '; '), 'clause_id', 'ppca-2002/9.2.4(c)'),
        'forecast_valco_ebitda_quarterly_fallback', json_object('value', coalesce(forecast_from_quarterly_schedule, false)::varchar, 'clause_id', 'ppca-2002/def/ForecastVALCOEBITDAAmount'),
        'natural_gas_reduction', json_object('value', cast(coalesce(r1_applied, 0) + coalesce(r2_applied, 0) as decimal(38, 2))::varchar, 'clause_id', 'ppca-2002/9.2.4(d)'),
        'natural_gas_price_p3', json_object('value', p3::varchar, 'clause_id', 'ppca-2002/9.2.4(d)'),
        'natural_gas_price_p4', json_object('value', p4::varchar, 'clause_id', 'ppca-2002/9.2.4(d)')
    )) as varchar) as inputs,
    cast(to_json(list_sort(list_distinct(list_concat(
        missing_inputs,
        case when trigger_event then list_concat(
            ebitda_missing_inputs,
            case when coalesce(months_found, 0) < 12
                then ['EBITDA for the 12 months ending ' || month_end || ' (' || coalesce(months_found, 0) || ' of 12 in the trial balances)'] end,
            c_missing,
            d_missing
        ) end
    )))) as varchar) as missing_inputs,
    cast(to_json(minimum_ebitda_reduction_limits(
        valco_shortfall_reduction, 'the credits of the units wholly inside the 12 months (R-P09)',
        credit_limits, cap_limits,
        coalesce(r1_applied, 0) + coalesce(r2_applied, 0),
        'R1 for the 12 months ending September 2003 to June 2004, R2 for those ending October 2003 to September 2004 (R-P11)',
        month_end between date '2003-09-30' and date '2004-06-30', month_end between date '2003-10-31' and date '2004-09-30',
        gas_credits, parameter_limits
    )) as varchar) as limits,
    case when thresholds_in_force and not trigger_event and len(missing_inputs) = 0
        then 'No Trigger Event in ' || strftime(month_end, '%B %Y') || ': Revolving Credit Outstandings did not exceed '
            || '$125,000,000, and Revolving Commitment Availability was not less than $75,000,000, for three consecutive '
            || 'Business Days [Sixth Amendment § 1.4 (Credit Agreement § 9.2.4(b))]; the monthly test applies only to a month in which a Trigger Event occurs (R-P19).'
    end as not_applicable_because
from months
