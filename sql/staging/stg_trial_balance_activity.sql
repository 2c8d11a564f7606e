-- clause: indenture-1996/def/ConsolidatedNetIncome
-- clause: ppca-2002/def/AdjustedNetEarningsFromOperations
-- Monthly activity per entity, account and counterparty, from the trial balances (debit positive; income = -activity).
-- Income-statement balances are fiscal-year-to-date, so activity(m) = YTD(m) - YTD(previous month) in the same fiscal
-- year (January = its YTD); balance-sheet accounts give the movement closing(m) - closing(previous month). A missing
-- row is a zero balance. "Previous month" is the entity's previous reported month; in an entity's first reported month
-- a balance-sheet movement is 0 (its opening balance is unknown). Fiscal quarters are calendar quarters (4.06(b), R-X07).
with entity_months as (
    select
        entity_id,
        period_end,
        lag(period_end) over (partition by entity_id order by period_end) as previous_period_end,
        lead(period_end) over (partition by entity_id order by period_end) as next_period_end
    from (select distinct entity_id, period_end from raw_trial_balances) as periods
),

-- each balance beside the same account's rows before and after it: one sort, where pairing every balance with the
-- previous month's by a join would hold both sides of the trial balance in memory at once; the sort carries the
-- trial balance's own columns only, the chart's and the entity's months being joined to its rows after it
account_rows as (
    select
        entity_id,
        period_end,
        account_id,
        coalesce(counterparty_entity_id, '') as counterparty_key,
        balance,
        _row,
        lag(period_end) over same_account as row_before_period_end,
        lag(balance) over same_account as row_before_balance,
        lag(_row) over same_account as row_before,
        lead(period_end) over same_account as row_after_period_end
    from raw_trial_balances
    window same_account as (partition by entity_id, account_id, coalesce(counterparty_entity_id, '') order by period_end)
),

balances as (
    select
        tb.entity_id,
        tb.period_end,
        tb.account_id,
        tb.counterparty_key,
        tb.balance,
        tb._row,
        coa.statement,
        coa.line_item,
        m.previous_period_end,
        m.next_period_end,
        tb.row_before_period_end,
        tb.row_before_balance,
        tb.row_before,
        tb.row_after_period_end
    from account_rows as tb
    join raw_chart_of_accounts as coa on coa.account_id = tb.account_id
    join entity_months as m on m.entity_id = tb.entity_id and m.period_end = tb.period_end
),

-- a reported balance, opened by the account's balance of the entity's previous reported month when it has one there
reported as (
    select
        entity_id,
        period_end,
        account_id,
        counterparty_key,
        statement,
        line_item,
        balance,
        _row,
        previous_period_end,
        case when row_before_period_end = previous_period_end then row_before_period_end end as opening_period_end,
        case when row_before_period_end = previous_period_end then row_before_balance end as opening_balance,
        case when row_before_period_end = previous_period_end then row_before end as opening_row
    from balances
),

-- an account with no row in the entity's next reported month has a zero balance there, opened by this one
closed as (
    select
        entity_id,
        next_period_end as period_end,
        account_id,
        counterparty_key,
        statement,
        line_item,
        0 as balance,
        null as _row,
        period_end as previous_period_end,
        period_end as opening_period_end,
        balance as opening_balance,
        _row as opening_row
    from balances
    where next_period_end is not null and row_after_period_end is distinct from next_period_end
),

measured as (
    select
        *,
        case
            -- income statement: a new fiscal year starts from zero
            when statement = 'income_statement' and year(opening_period_end) = year(period_end) then opening_balance
            when statement = 'balance_sheet' then opening_balance
        end as prior_balance
    from (select * from reported union all by name select * from closed) as reported_and_closed
)

select
    entity_id,
    period_end,
    last_day(make_date(year(period_end), quarter(period_end) * 3, 1)) as quarter_end,
    year(period_end) as fiscal_year,
    account_id,
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
    ) as activity,
    list_filter([_row, case when prior_balance is not null then opening_row end], lambda r: r is not null) as source_rows
from measured
where _row is not null or coalesce(prior_balance, 0) <> 0
