-- clause: ppca-2002/9.2.7(i)
-- clause: ppca-2002/9.2.7(ii)
-- transactions of: attestations
-- Capital expenditure baskets of Section 9.2.7 as amended by the Sixth Amendment
-- [Sixth Amendment § 1.5 (Credit Agreement § 9.2.7)], one entry per attested Fiscal Year: (ii) ALPART, cumulative over
-- Fiscal Years 2002-2004, capacity $49,000,000 (parameter alpart_capital_expenditures_limit; attestation
-- ppca_alpart_capital_expenditures_financed, R-P17); (i) Fiscal Year 2004, per Fiscal Year, capacity its Base Amount
-- plus the Carryover Amount (ppca_capital_expenditure_limit, R-P64, R-P15); null while an input of it is missing.
with alpart as (
    select period_end, value_amount, attestation_id
    from current_attestations
    where subject = 'ppca_alpart_capital_expenditures_financed' and year(period_end) between 2002 and 2004
),

adjusted as (
    select a.period_end, a.value_amount, a.attestation_id, l.limit_amount as capital_expenditure_limit, l.base_amount, l.carryover_amount
    from current_attestations as a
    join ppca_capital_expenditure_limit as l on l.fiscal_year = 2004
    where a.subject = 'ppca_adjusted_capital_expenditures' and year(a.period_end) = 2004
)

select
    'ppca-2002/9.2.7(ii)' as clause_id,
    'ALPART capital expenditures FY2002-2004' as basket,
    'cumulative' as measure,
    period_end as entry_date,
    attestation_id as transaction_id,
    'Capital Expenditures in respect of ALPART financed or funded by the Obligors, Fiscal Year ' || year(period_end) as description,
    value_amount as amount,
    cast(sum(value_amount) over (order by period_end) as decimal(38, 2)) as usage_after,
    cast(l.value as decimal(38, 2)) as capacity,
    cast(cast(l.value as decimal(38, 2)) - sum(value_amount) over (order by period_end) as decimal(38, 2)) as remaining,
    cast(json_object('attestation_id', attestation_id, 'limit_source', l.source) as varchar) as inputs
from alpart
-- one limit for Fiscal Years 2002 to 2004 together: the value in force at the end of the last of them
cross join lateral (
    select
        parameter('ppca-2002', 'alpart_capital_expenditures_limit', date '2004-12-31') as value,
        parameter_source('ppca-2002', 'alpart_capital_expenditures_limit', date '2004-12-31') as source
) as l

union all

select
    'ppca-2002/9.2.7(i)' as clause_id,
    'Capital Expenditures Fiscal Year 2004' as basket,
    'per_fiscal_year' as measure,
    period_end as entry_date,
    attestation_id as transaction_id,
    'Adjusted Capital Expenditures, Fiscal Year 2004' as description,
    value_amount as amount,
    value_amount as usage_after,
    capital_expenditure_limit as capacity,
    cast(capital_expenditure_limit - value_amount as decimal(38, 2)) as remaining,
    cast(json_object('attestation_id', attestation_id, 'base_amount', base_amount::varchar,
        'carryover_amount', carryover_amount::varchar) as varchar) as inputs
from adjusted
