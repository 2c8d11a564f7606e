-- clause: indenture-1996/def/ConsolidatedDepreciationExpense
-- Consolidated Depreciation Expense per fiscal quarter: "the depreciation and depletion expense (including without
-- limitation the amortization expense associated with Capitalized Lease Obligations)"
-- [Indenture § 1.01, “Consolidated Depreciation Expense”] of the Company and its Subsidiaries (not Unrestricted
-- Subsidiaries).
with quarters as (
    select quarter_end from fiscal_quarters
),

depreciation as (
    select
        quarter_end,
        sum(activity) filter (where line_item = 'depreciation_and_depletion') as depreciation_and_depletion,
        sum(activity) filter (where line_item = 'capital_lease_amortization') as capital_lease_amortization
    from consolidated_ledger
    where line_item in ('depreciation_and_depletion', 'capital_lease_amortization') and not is_unrestricted_subsidiary
    group by quarter_end
)

select
    q.quarter_end,
    cast(coalesce(d.depreciation_and_depletion, 0) + coalesce(d.capital_lease_amortization, 0) as decimal(38, 2)) as consolidated_depreciation_expense,
    cast(coalesce(d.depreciation_and_depletion, 0) as decimal(38, 2)) as depreciation_and_depletion,
    cast(coalesce(d.capital_lease_amortization, 0) as decimal(38, 2)) as capital_lease_amortization,
    []::varchar[] as missing_inputs
from quarters as q
left join depreciation as d on d.quarter_end = q.quarter_end
