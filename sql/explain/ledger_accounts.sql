-- The trial-balance accounts behind a figure measured over a period: each account's activity per entity of the
-- consolidated group from $period_start to $period_end (month ends), for the line items named in $line_items (every
-- income-statement line item when it is empty), with the rows of the trial balances file the activity comes from
-- (a month's balance, and the balance it is measured from: income-statement balances are fiscal-year-to-date).
-- Income is shown as the agreements read it: credits positive for income, debits positive for charges, by statement
-- line. $period_start, $period_end and $line_items are bound by the caller.
select
    l.account_id,
    c.account_name,
    l.line_item,
    l.entity_id,
    e.entity_name,
    cast(sum(l.activity) as decimal(38, 2)) as activity,
    list_sort(list_distinct(flatten(list(l.source_rows)))) as source_rows
from consolidated_ledger as l
join raw_chart_of_accounts as c on c.account_id = l.account_id
join (select entity_id, any_value(entity_name) as entity_name from raw_entities group by entity_id) as e
    on e.entity_id = l.entity_id
where l.period_end between $period_start and $period_end
    and l.statement = 'income_statement'
    and (len($line_items) = 0 or list_contains($line_items, l.line_item))
group by l.account_id, c.account_name, l.line_item, l.entity_id, e.entity_name
having sum(l.activity) <> 0
order by l.account_id, l.entity_id
