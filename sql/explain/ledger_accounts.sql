-- The trial-balance accounts behind figures measured over periods: for each request in $requests (a list of
-- {request, period_start, period_end, line_items}), each account's activity per entity of the consolidated group over
-- the request's months, for its line items (every income-statement line item when the list is empty), with the rows
-- of the trial balances file the activity comes from (a month's balance, and the balance it is measured from:
-- income-statement balances are fiscal-year-to-date). Activity is debit positive. With $accounts_shown (null: every
-- account), a request lists its first $accounts_shown accounts by account id, then one row (no account, with
-- more_accounts) of how many accounts there are beyond them and what they add up to. Both are bound by the caller.
with requests as (
    select unnest($requests, recursive := true)
),

entities as (
    select entity_id, any_value(entity_name) as entity_name from raw_entities group by entity_id
),

by_entity as (
    select
        q.request,
        l.account_id,
        c.account_name,
        l.entity_id,
        e.entity_name,
        cast(sum(l.activity) as decimal(38, 2)) as activity,
        list(l.source_rows) as source_rows
    from requests as q
    join consolidated_ledger as l
        on l.period_end between q.period_start and q.period_end
        and l.statement = 'income_statement'
        and (len(q.line_items) = 0 or list_contains(q.line_items, l.line_item))
    join raw_chart_of_accounts as c on c.account_id = l.account_id
    join entities as e on e.entity_id = l.entity_id
    group by q.request, l.account_id, c.account_name, l.entity_id, e.entity_name
    having sum(l.activity) <> 0
),

ranked as (
    select
        *,
        $accounts_shown is null or dense_rank() over (partition by request order by account_id) <= $accounts_shown as shown
    from by_entity
)

select
    request,
    account_id,
    account_name,
    entity_id,
    entity_name,
    activity,
    list_sort(list_distinct(flatten(source_rows))) as source_rows,
    null::bigint as more_accounts
from ranked
where shown
union all
select
    request,
    null as account_id,
    null as account_name,
    null as entity_id,
    null as entity_name,
    cast(sum(activity) as decimal(38, 2)) as activity,
    null as source_rows,
    count(distinct account_id) as more_accounts
from ranked
where not shown
group by request
order by request, account_id nulls last, entity_id
