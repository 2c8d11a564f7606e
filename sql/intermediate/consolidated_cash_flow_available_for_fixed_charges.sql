-- clause: indenture-1996/def/ConsolidatedCashFlowAvailableForFixedCharges
-- Consolidated Cash Flow Available for Fixed Charges per fiscal quarter [IND L1334-1364]: CNI + CFC + income tax (other
-- than tax on items of Net Income not in CNI) + depreciation + amortization + non-cash charges - non-cash credits.
-- The Asset Sale adjustment (x) depends on the four-quarter period tested, so fixed_charge_coverage_tests applies it;
-- (y), material acquisitions pro forma, has no extract yet and is not applied.
with quarters as (
    select quarter_end from fiscal_quarters
),

-- (vi) "any other non-cash items reducing Consolidated Net Income, minus any non-cash items increasing" it
non_cash as (
    select
        quarter_end,
        sum(activity) filter (where line_item = 'other_non_cash_charges') as other_non_cash_charges,
        sum(activity) filter (where line_item = 'non_cash_pension_expense') as non_cash_pension_expense,
        -sum(activity) filter (where line_item = 'other_non_cash_credits') as other_non_cash_credits
    from consolidated_ledger
    where not is_unrestricted_subsidiary
        and line_item in ('other_non_cash_charges', 'non_cash_pension_expense', 'other_non_cash_credits')
    group by quarter_end
),

assembled as (
    select
        q.quarter_end,
        cni.consolidated_net_income,
        cfc.consolidated_fixed_charges,
        tax.consolidated_income_tax_expense,
        -- (iii) "(other than income taxes (including credits) with respect to items of Net Income not included in the
        -- definition of Consolidated Net Income)": the tax on Asset Sale gains that CNI (v) excluded
        cni.tax_on_excluded_asset_sale_gain as tax_on_items_not_in_consolidated_net_income,
        dep.consolidated_depreciation_expense,
        amo.consolidated_amortization_expense,
        coalesce(n.other_non_cash_charges, 0) as other_non_cash_charges,
        coalesce(n.non_cash_pension_expense, 0) as non_cash_pension_expense,
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
    cast(other_non_cash_credits as decimal(38, 2)) as other_non_cash_credits,
    list_sort(list_distinct(missing_inputs)) as missing_inputs
from assembled
