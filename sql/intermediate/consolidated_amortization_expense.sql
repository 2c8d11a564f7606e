-- clause: indenture-1996/def/ConsolidatedAmortizationExpense
-- Consolidated Amortization Expense per fiscal quarter: "the amortization expense (including without limitation
-- goodwill, deferred financing charges and other intangible items)"
-- [Indenture § 1.01, “Consolidated Amortization Expense”]. The ledger's amortization line only: debt discount
-- amortization is a fixed charge (CFC (iv)) and the Credit Agreement deferred financing write-off is already
-- disregarded in CNI (proviso (1)(b)), so neither is counted again here.
select
    quarter_end,
    cast(group_activity(consolidated_ledger, 'amortization', quarter_end) as decimal(38, 2)) as consolidated_amortization_expense,
    []::varchar[] as missing_inputs
from fiscal_quarters
