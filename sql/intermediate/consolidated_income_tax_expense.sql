-- clause: indenture-1996/def/ConsolidatedIncomeTaxExpense
-- Consolidated Income Tax Expense per fiscal quarter: "the aggregate of the income tax expense (net of applicable
-- credits) of such Person and its Subsidiaries" [Indenture § 1.01, “Consolidated Income Tax Expense”]; Unrestricted
-- Subsidiaries are not Subsidiaries [Indenture § 1.01, “Subsidiary”].
select
    quarter_end,
    cast(group_activity(consolidated_ledger, 'income_tax_expense', quarter_end) as decimal(38, 2)) as consolidated_income_tax_expense,
    []::varchar[] as missing_inputs
from fiscal_quarters
