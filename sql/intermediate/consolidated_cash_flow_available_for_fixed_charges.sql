-- clause: indenture-1996/def/ConsolidatedCashFlowAvailableForFixedCharges
-- Consolidated Cash Flow Available for Fixed Charges per fiscal quarter
-- [Indenture § 1.01, “Consolidated Cash Flow Available for Fixed Charges”]: CNI + CFC + income tax (other than tax on
-- items of Net Income not in CNI) + depreciation + amortization + non-cash charges - non-cash credits. The Asset Sale
-- adjustment (x) and the acquisition adjustment (y) depend on the four-quarter period tested, so
-- fixed_charge_coverage_tests applies them (y: acquisitions extract, attested ccfafc_of_acquired_business per quarter).
with quarters as (
    select quarter_end from fiscal_quarters
),

-- (vi) "any other non-cash items reducing Consolidated Net Income, minus any non-cash items increasing" it.
-- Non-cash items: other_non_cash_charges, non_cash_pension_expense and the line items for the charges the ppca-2002
-- ANEO excludes within caps (LIFO, Kaiser Center disposition, special pension, impairment, non-U.S. inventory
-- write-down charges and the pre-petition accruals for BPA rejection, labor claims, PBGC, asbestos and other
-- liabilities) are all "non-cash items reducing Consolidated Net Income" and are added back in full: the indenture has
-- no caps, and the ANEO caps and the (o) OLV exception do not apply here. The impairment and (q) accrual line items are
-- non-cash by the contract's definition of them (an impairment writes down book value; an accrual of a pre-petition
-- liability records a liability, and any later payment is a balance-sheet movement, not a charge to CNI); a credit on
-- any of these lines (a reversal) reduces the add-back, as it increased CNI without cash.
non_cash as (
    select
        quarter_end,
        sum(activity) filter (where line_item = 'other_non_cash_charges') as other_non_cash_charges,
        sum(activity) filter (where line_item = 'non_cash_pension_expense') as non_cash_pension_expense,
        sum(activity) filter (where line_item = 'lifo_inventory_charges') as lifo_inventory_charges,
        sum(activity) filter (where line_item = 'kaiser_center_disposition_charges') as kaiser_center_disposition_charges,
        sum(activity) filter (where line_item = 'pension_special_charges') as pension_special_charges,
        sum(activity) filter (where line_item = 'impairment_charges') as impairment_charges,
        sum(activity) filter (where line_item = 'foreign_inventory_writedowns') as foreign_inventory_writedowns,
        sum(activity) filter (where line_item = 'prepetition_bpa_rejection_accruals') as prepetition_bpa_rejection_accruals,
        sum(activity) filter (where line_item = 'prepetition_labor_claims_accruals') as prepetition_labor_claims_accruals,
        sum(activity) filter (where line_item = 'prepetition_pbgc_accruals') as prepetition_pbgc_accruals,
        sum(activity) filter (where line_item = 'asbestos_claims_accruals') as asbestos_claims_accruals,
        sum(activity) filter (where line_item = 'other_prepetition_accruals') as other_prepetition_accruals,
        -sum(activity) filter (where line_item = 'other_non_cash_credits') as other_non_cash_credits
    from consolidated_ledger
    where not is_unrestricted_subsidiary
        and line_item in ('other_non_cash_charges', 'non_cash_pension_expense', 'other_non_cash_credits',
                          'lifo_inventory_charges', 'kaiser_center_disposition_charges', 'pension_special_charges',
                          'impairment_charges', 'foreign_inventory_writedowns', 'prepetition_bpa_rejection_accruals',
                          'prepetition_labor_claims_accruals', 'prepetition_pbgc_accruals', 'asbestos_claims_accruals',
                          'other_prepetition_accruals')
    group by quarter_end
),

assembled as (
    select
        q.quarter_end,
        cni.consolidated_net_income,
        cfc.consolidated_fixed_charges,
        tax.consolidated_income_tax_expense,
        -- (iii) "(other than income taxes (including credits) with respect to items of Net Income not included in the
        -- definition of Consolidated Net Income)"
        -- [Indenture § 1.01, “Consolidated Cash Flow Available for Fixed Charges” (ii)]: the tax on Asset Sale gains
        -- that CNI (v) excluded and the tax inside the Net Income of the non-Subsidiaries that CNI (ii) excluded.
        -- Depreciation (iv), amortization (v) and Consolidated Fixed Charges stay the GAAP consolidated figures "of
        -- such Person and its Subsidiaries ... on a consolidated basis", which hold the proportional share of those
        -- non-Subsidiaries: only CNI carves their Net Income out (docs/audit-defined-terms.md, D1)
        cni.tax_on_items_not_in_consolidated_net_income,
        dep.consolidated_depreciation_expense,
        amo.consolidated_amortization_expense,
        coalesce(n.other_non_cash_charges, 0) as other_non_cash_charges,
        coalesce(n.non_cash_pension_expense, 0) as non_cash_pension_expense,
        coalesce(n.lifo_inventory_charges, 0) as lifo_inventory_charges,
        coalesce(n.kaiser_center_disposition_charges, 0) as kaiser_center_disposition_charges,
        coalesce(n.pension_special_charges, 0) as pension_special_charges,
        coalesce(n.impairment_charges, 0) as impairment_charges,
        coalesce(n.foreign_inventory_writedowns, 0) as foreign_inventory_writedowns,
        coalesce(n.prepetition_bpa_rejection_accruals, 0) as prepetition_bpa_rejection_accruals,
        coalesce(n.prepetition_labor_claims_accruals, 0) as prepetition_labor_claims_accruals,
        coalesce(n.prepetition_pbgc_accruals, 0) as prepetition_pbgc_accruals,
        coalesce(n.asbestos_claims_accruals, 0) as asbestos_claims_accruals,
        coalesce(n.other_prepetition_accruals, 0) as other_prepetition_accruals,
        -- the non-cash charges booked on their own line items (the ones ppca-2002 ANEO (k)-(q) names)
        coalesce(n.lifo_inventory_charges, 0)
            + coalesce(n.kaiser_center_disposition_charges, 0)
            + coalesce(n.pension_special_charges, 0)
            + coalesce(n.impairment_charges, 0)
            + coalesce(n.foreign_inventory_writedowns, 0)
            + coalesce(n.prepetition_bpa_rejection_accruals, 0)
            + coalesce(n.prepetition_labor_claims_accruals, 0)
            + coalesce(n.prepetition_pbgc_accruals, 0)
            + coalesce(n.asbestos_claims_accruals, 0)
            + coalesce(n.other_prepetition_accruals, 0) as specific_non_cash_charges,
        coalesce(n.other_non_cash_credits, 0) as other_non_cash_credits,
        list_concat(cni.missing_inputs, cfc.missing_inputs, tax.missing_inputs, dep.missing_inputs, amo.missing_inputs) as missing_inputs
    from quarters as q
    join consolidated_net_income as cni on cni.quarter_end = q.quarter_end
    join consolidated_fixed_charges as cfc on cfc.quarter_end = q.quarter_end
    join consolidated_income_tax_expense as tax on tax.quarter_end = q.quarter_end
    join consolidated_depreciation_expense as dep on dep.quarter_end = q.quarter_end
    join consolidated_amortization_expense as amo on amo.quarter_end = q.quarter_end
    left join non_cash as n on n.quarter_end = q.quarter_end
)

select
    quarter_end,
    cast(
        consolidated_net_income
        + consolidated_fixed_charges
        + (consolidated_income_tax_expense - tax_on_items_not_in_consolidated_net_income)
        + consolidated_depreciation_expense
        + consolidated_amortization_expense
        + other_non_cash_charges
        + non_cash_pension_expense
        + specific_non_cash_charges
        - other_non_cash_credits
        as decimal(38, 2)
    ) as consolidated_cash_flow_available_for_fixed_charges,
    consolidated_net_income,
    consolidated_fixed_charges,
    consolidated_income_tax_expense,
    cast(tax_on_items_not_in_consolidated_net_income as decimal(38, 2)) as tax_on_items_not_in_consolidated_net_income,
    consolidated_depreciation_expense,
    consolidated_amortization_expense,
    cast(other_non_cash_charges as decimal(38, 2)) as other_non_cash_charges,
    cast(non_cash_pension_expense as decimal(38, 2)) as non_cash_pension_expense,
    cast(specific_non_cash_charges as decimal(38, 2)) as specific_non_cash_charges,
    cast(lifo_inventory_charges as decimal(38, 2)) as lifo_inventory_charges,
    cast(kaiser_center_disposition_charges as decimal(38, 2)) as kaiser_center_disposition_charges,
    cast(pension_special_charges as decimal(38, 2)) as pension_special_charges,
    cast(impairment_charges as decimal(38, 2)) as impairment_charges,
    cast(foreign_inventory_writedowns as decimal(38, 2)) as foreign_inventory_writedowns,
    cast(prepetition_bpa_rejection_accruals as decimal(38, 2)) as prepetition_bpa_rejection_accruals,
    cast(prepetition_labor_claims_accruals as decimal(38, 2)) as prepetition_labor_claims_accruals,
    cast(prepetition_pbgc_accruals as decimal(38, 2)) as prepetition_pbgc_accruals,
    cast(asbestos_claims_accruals as decimal(38, 2)) as asbestos_claims_accruals,
    cast(other_prepetition_accruals as decimal(38, 2)) as other_prepetition_accruals,
    cast(other_non_cash_credits as decimal(38, 2)) as other_non_cash_credits,
    list_sort(list_distinct(missing_inputs)) as missing_inputs
from assembled
