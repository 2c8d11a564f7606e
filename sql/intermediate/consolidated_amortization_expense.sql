-- clause: indenture-1996/def/ConsolidatedAmortizationExpense
-- Consolidated Amortization Expense per fiscal quarter: "the amortization expense (including without limitation
-- goodwill, deferred financing charges and other intangible items)"
-- [Indenture § 1.01, “Consolidated Amortization Expense”]. The ledger's amortization line only: debt discount
-- amortization is a fixed charge (CFC (iv)) and the Credit Agreement deferred financing write-off is already
-- disregarded in CNI (proviso (1)(b)), so neither is counted again here.
with quarters as (
    select quarter_end from fiscal_quarters
),

amortization as (
    select quarter_end, sum(activity) as amortization
    from consolidated_ledger
    where line_item = 'amortization' and not is_unrestricted_subsidiary
    group by quarter_end
)

select
    q.quarter_end,
    cast(coalesce(a.amortization, 0) as decimal(38, 2)) as consolidated_amortization_expense,
    []::varchar[] as missing_inputs
from quarters as q
left join amortization as a on a.quarter_end = q.quarter_end
