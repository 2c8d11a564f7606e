-- clause: ppca-2002/9.2.7(i)
-- clause: ppca-2002/9.2.7(ii)
-- transactions of: attestations
-- Capital expenditure baskets of Section 9.2.7 as amended by the Sixth Amendment
-- [Sixth Amendment § 1.5 (Credit Agreement § 9.2.7)], one entry per attested Fiscal Year: (ii) ALPART, cumulative over
-- Fiscal Years 2002-2004, capacity $49,000,000 (parameter alpart_capital_expenditures_limit; attestation
-- ppca_alpart_capital_expenditures_financed, R-P17); (i) Fiscal Year 2004, per Fiscal Year, capacity the $75,000,000
-- Base Amount plus the Carryover Amount "not [to] exceed $10,000,000", = min($10,000,000, Base Amount FY2003 - Adjusted
-- Capital Expenditures FY2003) with no floor at zero (R-P15). The FY2003 Base Amount is in the base agreement's chart,
-- not available, so the FY2004 capacity is null.
with alpart as (
    select period_end, value_amount, attestation_id
    from current_attestations
    where subject = 'ppca_alpart_capital_expenditures_financed' and year(period_end) between 2002 and 2004
),

adjusted as (
    select period_end, value_amount, attestation_id
    from current_attestations
    where subject = 'ppca_adjusted_capital_expenditures' and year(period_end) = 2004
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
left join policy_parameters as l on l.instrument = 'ppca-2002' and l.name = 'alpart_capital_expenditures_limit'

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
    cast(null as decimal(38, 2)) as capacity,
    cast(null as decimal(38, 2)) as remaining,
    cast(json_object('attestation_id', attestation_id, 'base_amount_fy2004', '75000000.00',
        'missing', 'Base Amount for Fiscal Year 2003 (Section 9.2.7 chart of the base agreement, not available) for the Carryover Amount') as varchar) as inputs
from adjusted
