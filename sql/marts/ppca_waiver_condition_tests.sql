-- clause: ppca-2002/waiver-2003-03-24-minimum-ebitda/condition-ii
-- transactions of: none
-- The March 24, 2003 limited waiver [limited waiver letter of March 24, 2003], condition (ii): "the Company and its Subsidiaries shall
-- maintain a minimum EBITDA (inclusive of non-cash pension expenses incurred beginning January 1, 2003) of not less than
-- ($120,000,000) for the Measurement Period". EBITDA of the 9.2.4(a) test plus back the non-cash pension expense that
-- Adjusted Net Earnings from Operations (m) excluded (nothing is excludable before Fiscal Year 2003, R-P31), so the figure
-- includes all non-cash pension expense from January 1, 2003.
select
    'ppca-2002/waiver-2003-03-24-minimum-ebitda/condition-ii' as clause_id,
    t.test_date,
    'maintenance' as test_kind,
    cast(null as varchar) as transaction_id,
    t.period_start,
    t.period_end,
    cast(t.actual - cast(json_extract_string(t.inputs, '$.aneo_m_non_cash_pension_expense_excluded.value') as decimal(38, 2))
        as decimal(38, 2)) as actual,
    cast(0 as decimal(38, 2)) as threshold_reduction,
    cast(null as decimal(38, 2)) as threshold,
    cast(json_object(
        'ebitda', json_object('value', t.actual::varchar, 'clause_id', 'ppca-2002/def/EBITDA'),
        'non_cash_pension_expense_excluded', json_object('value', json_extract_string(t.inputs, '$.aneo_m_non_cash_pension_expense_excluded.value'), 'clause_id', 'ppca-2002/def/AdjustedNetEarningsFromOperations')
    ) as varchar) as inputs,
    t.missing_inputs
from minimum_ebitda_tests as t
where t.test_date = date '2003-03-31'
