-- clause: ppca-2002/def/EBITDA
-- clause: ppca-2002/9.2.4(a)
-- EBITDA per fiscal month (the tests add up the months of their period) = Adjusted Net Earnings from Operations (before (d), applied per test period) + interest
-- expense + income tax expense + depreciation and depletion + capital lease amortization + amortization, of the
-- consolidated group.
with months as (
    select period_end, quarter_end from ppca_adjusted_net_earnings_from_operations
),

-- Interest expense is interest_expense plus the joint-venture partners' share booked on its own line
-- (interest_expense_borne_by_jv_partners): both are consolidated interest expense deducted in net income.
add_backs as (
    select
        period_end,
        sum(activity) filter (where line_item in ('interest_expense', 'interest_expense_borne_by_jv_partners')) as interest_expense,
        sum(activity) filter (where line_item = 'income_tax_expense') as income_tax_expense,
        sum(activity) filter (where line_item = 'depreciation_and_depletion') as depreciation_and_depletion,
        sum(activity) filter (where line_item = 'capital_lease_amortization') as capital_lease_amortization,
        sum(activity) filter (where line_item = 'amortization') as amortization
    from consolidated_ledger
    where not counterparty_in_group
        and line_item in ('interest_expense', 'interest_expense_borne_by_jv_partners', 'income_tax_expense',
                          'depreciation_and_depletion', 'capital_lease_amortization', 'amortization')
    group by period_end
),

-- The base agreement's definition is not available (R-P02): the Company's attestation ppca_ebitda_definition, dated
-- (period_end) on or before the month end, must say this is the definition applied.
assembled as (
    select
        q.period_end,
        q.quarter_end,
        a.adjusted_net_earnings_before_d,
        coalesce(b.interest_expense, 0) as interest_expense,
        coalesce(b.income_tax_expense, 0) as income_tax_expense,
        coalesce(b.depreciation_and_depletion, 0) as depreciation_and_depletion,
        coalesce(b.capital_lease_amortization, 0) as capital_lease_amortization,
        coalesce(b.amortization, 0) as amortization,
        (
            select d.attestation_id
            from current_attestations as d
            where d.subject = 'ppca_ebitda_definition'
                and d.period_end <= q.period_end
                and d.value_flag is distinct from false
            order by d.period_end desc, d.attested_on desc, d.attestation_id desc
            limit 1
        ) as definition_attestation_id,
        a.missing_inputs
    from months as q
    join ppca_adjusted_net_earnings_from_operations as a on a.period_end = q.period_end
    left join add_backs as b on b.period_end = q.period_end
)

select
    period_end,
    quarter_end,
    cast(
        adjusted_net_earnings_before_d + interest_expense + income_tax_expense + depreciation_and_depletion
        + capital_lease_amortization + amortization
        as decimal(38, 2)
    ) as ebitda_before_d,
    adjusted_net_earnings_before_d,
    cast(interest_expense as decimal(38, 2)) as interest_expense,
    cast(income_tax_expense as decimal(38, 2)) as income_tax_expense,
    cast(depreciation_and_depletion as decimal(38, 2)) as depreciation_and_depletion,
    cast(capital_lease_amortization as decimal(38, 2)) as capital_lease_amortization,
    cast(amortization as decimal(38, 2)) as amortization,
    definition_attestation_id,
    list_sort(list_distinct(list_concat(
        missing_inputs,
        case when definition_attestation_id is null
            then ['ppca_ebitda_definition (R-P02) dated on or before ' || period_end] end
    ))) as missing_inputs
from assembled
