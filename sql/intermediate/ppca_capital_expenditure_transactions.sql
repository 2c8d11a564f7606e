-- clause: ppca-2002/9.2.7(i)
-- clause: ppca-2002/9.2.7(ii)
-- A single capital expenditure (a capital_expenditures row with an expenditure_id, as `covenants check` proposes one)
-- tested on the day it is made, after giving effect to it [Sixth Amendment § 1.5 (Credit Agreement § 9.2.7)], from
-- February 12, 2002 to the end of Fiscal Year 2004, the last the amended clause names; ppca_capital_expenditure_tests
-- appends these rows.
with expenditures as (
    select
        c.*,
        year(c.expenditure_date) as fiscal_year,
        (select a.value_amount from current_attestations as a
         where a.subject = 'ppca_adjusted_capital_expenditures_to_date' and a.reference_id = c.expenditure_id and a.period_end <= c.expenditure_date
         order by a.period_end desc limit 1) as adjusted_before,
        (select a.value_amount from current_attestations as a
         where a.subject = 'ppca_alpart_capital_expenditures_financed_to_date' and a.reference_id = c.expenditure_id and a.period_end <= c.expenditure_date
         order by a.period_end desc limit 1) as alpart_before,
        (select sum(a.value_amount) from current_attestations as a
         where a.subject = 'ppca_alpart_capital_expenditures_financed' and year(a.period_end) between 2002 and year(c.expenditure_date) - 1)
            as alpart_earlier_years,
        (select list(distinct year(a.period_end)) from current_attestations as a
         where a.subject = 'ppca_alpart_capital_expenditures_financed' and year(a.period_end) between 2002 and year(c.expenditure_date) - 1)
            as alpart_years_attested
    from raw_capital_expenditures as c
    -- from the Post-Petition Credit Agreement's date to the end of the last Fiscal Year the amended clause names
    where c.expenditure_id is not null and c.expenditure_date between date '2002-02-12' and date '2004-12-31'
)

-- (i) Adjusted Capital Expenditures for its Fiscal Year: those made in the Fiscal Year before it, attested
-- (ppca_adjusted_capital_expenditures_to_date, reference_id = the expenditure_id; the term is defined only in the
-- agreement as signed, R-X60), plus its amount, which counts in full (R-X60), against the Fiscal Year's Base Amount
-- plus Carryover Amount (ppca_capital_expenditure_limit).
select
    'ppca-2002/9.2.7(i)' as clause_id,
    e.expenditure_date as test_date,
    'transaction' as test_kind,
    e.expenditure_id as transaction_id,
    make_date(e.fiscal_year, 1, 1) as period_start,
    e.expenditure_date as period_end,
    cast(e.adjusted_before + e.amount as decimal(38, 2)) as actual,
    cast(0 as decimal(38, 2)) as threshold_reduction,
    cast(json_object(
        'capital_expenditure', json_object('value', e.amount::varchar, 'clause_id', 'ppca-2002/9.2.7(i)'),
        'adjusted_capital_expenditures_before', json_object('value', e.adjusted_before::varchar, 'clause_id', 'ppca-2002/9.2.7(i)'),
        'base_amount', json_object('value', l.base_amount::varchar, 'clause_id', 'ppca-2002/9.2.7(i)'),
        'carryover_amount', json_object('value', l.carryover_amount::varchar, 'clause_id', 'ppca-2002/9.2.7(i)')
    ) as varchar) as inputs,
    cast(to_json(list_sort(list_concat(
        case when e.adjusted_before is null
            then ['ppca_adjusted_capital_expenditures_to_date for ' || e.expenditure_id || ': Adjusted Capital Expenditures made in Fiscal Year '
                  || e.fiscal_year || ' before it (R-X60)'] end,
        l.limit_missing_inputs
    ))) as varchar) as missing_inputs,
    l.limit_amount as threshold,
    cast(to_json(l.limits) as varchar) as limits
from expenditures as e
join ppca_capital_expenditure_limit as l on l.fiscal_year = e.fiscal_year

union all

-- (ii) an expenditure "in respect of ALPART" (entity ALPART) that the Obligors "finance, directly or fund indirectly"
-- (financed_by_obligors): "not more than $49,000,000 in the aggregate of Capital Expenditures in respect of ALPART
-- during Fiscal Years 2002 through 2004" = the attested Fiscal Years before its own
-- (ppca_alpart_capital_expenditures_financed, R-P17) + those of its own Fiscal Year made before it
-- (ppca_alpart_capital_expenditures_financed_to_date, R-X61) + its amount; the threshold is the policy's.
select
    'ppca-2002/9.2.7(ii)',
    e.expenditure_date,
    'transaction',
    e.expenditure_id,
    date '2002-01-01',
    e.expenditure_date,
    cast(coalesce(e.alpart_earlier_years, 0) + e.alpart_before + e.amount as decimal(38, 2)),
    cast(0 as decimal(38, 2)),
    cast(json_object(
        'capital_expenditure', json_object('value', e.amount::varchar, 'clause_id', 'ppca-2002/9.2.7(ii)'),
        'alpart_capital_expenditures_financed_earlier_years', json_object('value', cast(coalesce(e.alpart_earlier_years, 0) as decimal(38, 2))::varchar, 'clause_id', 'ppca-2002/9.2.7(ii)'),
        'alpart_capital_expenditures_financed_before', json_object('value', e.alpart_before::varchar, 'clause_id', 'ppca-2002/9.2.7(ii)')
    ) as varchar),
    cast(to_json(list_concat(
        list_transform(
            list_filter(range(2002, e.fiscal_year), lambda y: not list_contains(coalesce(e.alpart_years_attested, []), y)),
            lambda y: 'ppca_alpart_capital_expenditures_financed for Fiscal Year ' || y || ' (R-P17)'
        ),
        case when e.alpart_before is null
            then ['ppca_alpart_capital_expenditures_financed_to_date for ' || e.expenditure_id || ': ALPART Capital Expenditures financed by the Obligors in Fiscal Year '
                  || e.fiscal_year || ' before it (R-X61)'] end
    )) as varchar),
    cast(null as decimal(38, 2)),
    cast(null as varchar)
from expenditures as e
where e.entity_id = 'ALPART' and e.financed_by_obligors
