-- clause: indenture-1996/def/ConsolidatedDepreciationExpense
-- Consolidated Depreciation Expense per fiscal quarter: "the depreciation and depletion expense (including without
-- limitation the amortization expense associated with Capitalized Lease Obligations)"
-- [Indenture § 1.01, “Consolidated Depreciation Expense”] of the Company and its Subsidiaries (not Unrestricted
-- Subsidiaries).
with depreciation as (
    select
        quarter_end,
        group_activity(consolidated_ledger, 'depreciation_and_depletion', quarter_end) as depreciation_and_depletion,
        group_activity(consolidated_ledger, 'capital_lease_amortization', quarter_end) as capital_lease_amortization
    from fiscal_quarters
)

select
    quarter_end,
    cast(depreciation_and_depletion + capital_lease_amortization as decimal(38, 2)) as consolidated_depreciation_expense,
    cast(depreciation_and_depletion as decimal(38, 2)) as depreciation_and_depletion,
    cast(capital_lease_amortization as decimal(38, 2)) as capital_lease_amortization,
    []::varchar[] as missing_inputs
from depreciation
