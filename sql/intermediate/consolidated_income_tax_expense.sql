-- clause: indenture-1996/def/ConsolidatedIncomeTaxExpense
-- Consolidated Income Tax Expense per fiscal quarter: "the aggregate of the income tax expense (net of applicable
-- credits) of such Person and its Subsidiaries" [Indenture § 1.01, “Consolidated Income Tax Expense”]; Unrestricted
-- Subsidiaries are not Subsidiaries [Indenture § 1.01, “Subsidiary”].
with quarters as (
    select quarter_end from fiscal_quarters
),

tax as (
    select quarter_end, sum(activity) as income_tax_expense
    from consolidated_ledger
    where line_item = 'income_tax_expense' and not is_unrestricted_subsidiary
    group by quarter_end
)

select
    q.quarter_end,
    cast(coalesce(t.income_tax_expense, 0) as decimal(38, 2)) as consolidated_income_tax_expense,
    []::varchar[] as missing_inputs
from quarters as q
left join tax as t on t.quarter_end = q.quarter_end
