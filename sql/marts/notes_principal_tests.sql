-- clause: indenture-1996/2.01
-- transactions of: none
-- "The aggregate principal amount of Notes authorized by this Indenture is limited to fifty million dollars
-- ($50,000,000)" [Indenture § 2.01]. Principal authenticated is not in the extracts; the debt register's principal
-- issued (every increase of the Notes' balance, notes_principal_outstanding) stands for it: replacements under 2.07 and
-- exchanges of Initial for Exchange Notes do not change the balance, and a redemption does not restore capacity.
-- Tested at each fiscal quarter end the debt register reports (the policy: actual <= 50,000,000).
select
    'indenture-1996/2.01' as clause_id,
    period_end as test_date,
    'maintenance' as test_kind,
    cast(null as varchar) as transaction_id,
    cast(date_trunc('quarter', period_end) as date) as period_start,
    period_end,
    principal_issued as actual,
    cast(0 as decimal(38, 2)) as threshold_reduction,
    cast(json_object(
        'principal_issued', json_object('value', principal_issued::varchar, 'clause_id', 'indenture-1996/2.01'),
        'principal_outstanding', json_object('value', principal_outstanding::varchar, 'clause_id', 'indenture-1996/2.01'),
        'instruments', json_object('value', instrument_ids, 'clause_id', 'indenture-1996/2.01')
    ) as varchar) as inputs,
    '[]' as missing_inputs
from notes_principal_outstanding
where month(period_end) in (3, 6, 9, 12)
