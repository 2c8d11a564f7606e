-- clause: indenture-1996/def/ConsolidatedNetIncome
-- clause: ppca-2002/def/AdjustedNetEarningsFromOperations
-- Monthly activity per entity, line item and counterparty from the trial balances (debit positive; income = -activity).
-- Income-statement balances are fiscal-year-to-date: activity(m) = YTD(m) - YTD(previous month) in the same fiscal year
-- (January = its YTD); balance-sheet accounts give the movement closing(m) - closing(previous month). A missing row is
-- a zero balance. The months, and the month each is measured from, are stg_entity_months'; in an entity's first
-- reported month a balance-sheet movement is 0 (opening unknown). Fiscal quarters are calendar quarters (R-X07).

-- the accounts of non_recurring_transaction_gain each hold one transaction, tested against a threshold account by
-- account (Adjusted Net Earnings from Operations (g)): they are kept apart, every other account is added up
with chart as (
    select
        account_id,
        statement,
        line_item,
        case when line_item = 'non_recurring_transaction_gain' then account_id else '' end as account_key
    from raw_chart_of_accounts
),

-- an account's activity is its balance less its own balance before, so a line item's is its accounts' summed balance
-- less their summed balance before: the accounts are added up first, in one pass with no sort, and only the sums are
-- paired month to month (sql/explain/ledger_accounts.sql measures each account, for the months a person asks about)
line_item_balances as (
    select
        tb.entity_id,
        tb.period_end,
        coa.statement,
        coa.line_item,
        coa.account_key,
        coalesce(tb.counterparty_entity_id, '') as counterparty_key,
        sum(tb.balance) as balance
    from raw_trial_balances as tb
    join chart as coa on coa.account_id = tb.account_id
    group by tb.entity_id, tb.period_end, coa.statement, coa.line_item, coa.account_key, coalesce(tb.counterparty_entity_id, '')
),

-- each line item's balance beside its balances of the months before and after it
balances as (
    select
        b.*,
        m.previous_period_end,
        m.next_period_end,
        lag(b.period_end) over same_line as row_before_period_end,
        lag(b.balance) over same_line as row_before_balance,
        lead(b.period_end) over same_line as row_after_period_end
    from line_item_balances as b
    join stg_entity_months as m on m.entity_id = b.entity_id and m.period_end = b.period_end
    window same_line as (partition by b.entity_id, b.statement, b.line_item, b.account_key, b.counterparty_key order by b.period_end)
),

-- a reported balance, opened by the line item's balance of the entity's previous reported month when it has one there
reported as (
    select
        entity_id,
        period_end,
        statement,
        line_item,
        account_key,
        counterparty_key,
        balance,
        previous_period_end,
        case when row_before_period_end = previous_period_end then row_before_period_end end as opening_period_end,
        case when row_before_period_end = previous_period_end then row_before_balance end as opening_balance
    from balances
),

-- a line item with no row in the entity's next reported month has a zero balance there, opened by this one
closed as (
    select
        entity_id,
        next_period_end as period_end,
        statement,
        line_item,
        account_key,
        counterparty_key,
        0 as balance,
        period_end as previous_period_end,
        period_end as opening_period_end,
        balance as opening_balance
    from balances
    where next_period_end is not null and row_after_period_end is distinct from next_period_end
),

-- year-to-date income-statement balances are opened only within a fiscal year
measured as (
    select
        b.*,
        case
            when b.statement = 'income_statement' and b.opening_period_end = m.year_to_date_opening_period_end then b.opening_balance
            when b.statement = 'balance_sheet' then b.opening_balance
        end as prior_balance
    from (select * from reported union all by name select * from closed) as b
    join stg_entity_months as m on m.entity_id = b.entity_id and m.period_end = b.period_end
)

select
    entity_id,
    period_end,
    last_day(make_date(year(period_end), quarter(period_end) * 3, 1)) as quarter_end,
    year(period_end) as fiscal_year,
    nullif(account_key, '') as account_id,
    nullif(counterparty_key, '') as counterparty_entity_id,
    statement,
    line_item,
    cast(balance as decimal(38, 2)) as balance,
    cast(coalesce(prior_balance, 0) as decimal(38, 2)) as prior_balance,
    cast(
        case
            when statement = 'balance_sheet' and previous_period_end is null then 0
            else balance - coalesce(prior_balance, 0)
        end as decimal(38, 2)
    ) as activity
from measured
