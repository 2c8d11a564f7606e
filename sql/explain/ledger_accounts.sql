-- The trial-balance accounts behind figures measured over periods: for each request in $requests (a list of
-- {request, period_start, period_end, line_items}), each account's activity per entity of the consolidated group over
-- the request's months, for its line items (every income-statement line item when the list is empty), with the rows
-- of the trial balances file the activity comes from (a month's balance, and the balance it is measured from:
-- income-statement balances are fiscal-year-to-date). Activity is debit positive. With $accounts_shown (null: every
-- account), a request lists its first $accounts_shown accounts by account id, then one row (no account, with
-- more_accounts) of how many accounts there are beyond them and what they add up to. Both are bound by the caller.
-- The models add the accounts of a line item up before pairing months (stg_trial_balance_activity); here each account
-- is measured as they measure the line item, for the requests' months only.
with requests as (
    select unnest($requests, recursive := true)
),

entities as (
    select entity_id, any_value(entity_name) as entity_name from raw_entities group by entity_id
),

-- each entity month a request spans, with the month its year-to-date balances are measured from
months as (
    select m.entity_id, m.period_end, m.year_to_date_opening_period_end as opening_period_end
    from stg_entity_months as m
    semi join requests as q on m.period_end between q.period_start and q.period_end
),

income_statement_accounts as (
    select account_id, account_name, line_item from raw_chart_of_accounts where statement = 'income_statement'
),

-- the entity months whose balances the requests read: their own, and those they are measured from
read_months as (
    select entity_id, period_end from months
    union
    select entity_id, opening_period_end from months where opening_period_end is not null
),

-- the income-statement rows of those months only: a scaled trial balance has millions of rows in other months
account_rows as (
    select
        tb.entity_id,
        tb.period_end,
        tb.account_id,
        coalesce(tb.counterparty_entity_id, '') as counterparty_key,
        tb.balance,
        tb._row
    from raw_trial_balances as tb
    semi join read_months as m on m.entity_id = tb.entity_id and m.period_end = tb.period_end
    semi join income_statement_accounts as c on c.account_id = tb.account_id
),

month_rows as (
    select m.entity_id, m.period_end, r.account_id, r.counterparty_key, r.balance, r._row
    from months as m
    join account_rows as r on r.entity_id = m.entity_id and r.period_end = m.period_end
),

opening_rows as (
    select m.entity_id, m.period_end, r.account_id, r.counterparty_key, r.balance, r._row
    from months as m
    join account_rows as r on r.entity_id = m.entity_id and r.period_end = m.opening_period_end
),

-- an account's activity in a month: its balance less its balance of the opening month, a missing row a zero balance
account_activity as (
    select
        coalesce(r.entity_id, o.entity_id) as entity_id,
        coalesce(r.period_end, o.period_end) as period_end,
        coalesce(r.account_id, o.account_id) as account_id,
        coalesce(r.counterparty_key, o.counterparty_key) as counterparty_key,
        coalesce(r.balance, 0) - coalesce(o.balance, 0) as activity,
        list_filter([r._row, o._row], lambda x: x is not null) as source_rows
    from month_rows as r
    full join opening_rows as o
        on o.entity_id = r.entity_id and o.period_end = r.period_end
        and o.account_id = r.account_id and o.counterparty_key = r.counterparty_key
),

-- the accounts of the consolidated ledger's rows: an entity of the group that month, with a counterparty outside it
-- (or of the other restricted status), as consolidated_ledger keeps them
consolidated_accounts as (
    select a.*
    from account_activity as a
    semi join consolidated_ledger as l
        on l.entity_id = a.entity_id and l.period_end = a.period_end
        and coalesce(l.counterparty_entity_id, '') = a.counterparty_key
),

-- the periods asked for (twelve months to each quarter's end, a quarter, a fiscal year...), each once however many
-- inputs measure over it
periods as (
    select distinct period_start, period_end from requests
),

-- each account's amount per entity over each period, where it is not zero: summed once per period, not once per input
period_amounts as (
    select
        p.period_start,
        p.period_end,
        a.account_id,
        a.entity_id,
        cast(sum(a.activity) as decimal(38, 2)) as activity
    from periods as p
    join consolidated_accounts as a on a.period_end between p.period_start and p.period_end
    group by p.period_start, p.period_end, a.account_id, a.entity_id
    having sum(a.activity) <> 0
),

-- each period's accounts with an amount for some entity, and what their amounts add up to
period_accounts as (
    select period_start, period_end, account_id, sum(activity) as activity
    from period_amounts
    group by period_start, period_end, account_id
),

-- each request's accounts (those of its line items, or every income-statement account when it names none) that have
-- an amount over its period, numbered by account id
ranked as (
    select
        q.request,
        q.period_start,
        q.period_end,
        a.account_id,
        a.activity,
        $accounts_shown is null or row_number() over (partition by q.request order by a.account_id) <= $accounts_shown as shown
    from requests as q
    join income_statement_accounts as c on len(q.line_items) = 0 or list_contains(q.line_items, c.line_item)
    join period_accounts as a on a.period_start = q.period_start and a.period_end = q.period_end and a.account_id = c.account_id
),

-- the accounts listed, each entity's amount with the rows it comes from: a scaled trial balance has hundreds of
-- thousands of accounts, each with a row a month
shown_rows as (
    select
        r.request,
        r.account_id,
        m.entity_id,
        m.activity,
        list_sort(list_distinct(flatten(list(a.source_rows)))) as source_rows
    from ranked as r
    join period_amounts as m on m.period_start = r.period_start and m.period_end = r.period_end and m.account_id = r.account_id
    join consolidated_accounts as a
        on a.account_id = m.account_id and a.entity_id = m.entity_id and a.period_end between r.period_start and r.period_end
    where r.shown
    group by r.request, r.account_id, m.entity_id, m.activity
)

select
    s.request,
    s.account_id,
    c.account_name,
    s.entity_id,
    e.entity_name,
    s.activity,
    s.source_rows,
    null::bigint as more_accounts
from shown_rows as s
join income_statement_accounts as c on c.account_id = s.account_id
join entities as e on e.entity_id = s.entity_id
union all
select
    request,
    null as account_id,
    null as account_name,
    null as entity_id,
    null as entity_name,
    cast(sum(activity) as decimal(38, 2)) as activity,
    null as source_rows,
    count(*) as more_accounts
from ranked
where not shown
group by request
order by request, account_id nulls last, entity_id
