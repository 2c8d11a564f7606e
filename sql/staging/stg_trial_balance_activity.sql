-- clause: indenture-1996/def/ConsolidatedNetIncome
-- clause: ppca-2002/def/AdjustedNetEarningsFromOperations
-- Monthly activity per entity, account and counterparty, from the trial balances (debit positive; income = -activity).
-- Income-statement balances are fiscal-year-to-date, so activity(m) = YTD(m) - YTD(previous month) in the same fiscal
-- year (January = its YTD); balance-sheet accounts give the movement closing(m) - closing(previous month). A missing
-- row is a zero balance. "Previous month" is the entity's previous reported month; in an entity's first reported month
-- a balance-sheet movement is 0 (its opening balance is unknown). Fiscal quarters are calendar quarters (4.06(b), R-X07).
with balances as (
    select
        tb.entity_id,
        tb.period_end,
        tb.account_id,
        coalesce(tb.counterparty_entity_id, '') as counterparty_key,
        tb.balance,
        tb._row,
        coa.statement,
        coa.line_item
    from raw_trial_balances as tb
    join raw_chart_of_accounts as coa on coa.account_id = tb.account_id
),

entity_months as (
    select
        entity_id,
        period_end,
        lag(period_end) over (partition by entity_id order by period_end) as previous_period_end,
        lead(period_end) over (partition by entity_id order by period_end) as next_period_end
    from (select distinct entity_id, period_end from raw_trial_balances)
),

-- each balance carried to the entity's next reported month, where it is the opening figure
carried as (
    select
        b.entity_id,
        m.next_period_end as period_end,
        b.account_id,
        b.counterparty_key,
        b.statement,
        b.line_item,
        b.period_end as opening_period_end,
        b.balance as opening_balance,
        b._row as opening_row
    from balances as b
    join entity_months as m on m.entity_id = b.entity_id and m.period_end = b.period_end
    where m.next_period_end is not null
),

paired as (
    select
        coalesce(b.entity_id, c.entity_id) as entity_id,
        coalesce(b.period_end, c.period_end) as period_end,
        coalesce(b.account_id, c.account_id) as account_id,
        coalesce(b.counterparty_key, c.counterparty_key) as counterparty_key,
        coalesce(b.statement, c.statement) as statement,
        coalesce(b.line_item, c.line_item) as line_item,
        coalesce(b.balance, 0) as balance,
        b._row,
        c.opening_period_end,
        c.opening_balance,
        c.opening_row
    from balances as b
    full join carried as c
        on c.entity_id = b.entity_id
        and c.period_end = b.period_end
        and c.account_id = b.account_id
        and c.counterparty_key = b.counterparty_key
),

measured as (
    select
        p.*,
        m.previous_period_end,
        case
            -- income statement: a new fiscal year starts from zero
            when p.statement = 'income_statement' and year(p.opening_period_end) = year(p.period_end) then p.opening_balance
            when p.statement = 'balance_sheet' then p.opening_balance
        end as prior_balance
    from paired as p
    join entity_months as m on m.entity_id = p.entity_id and m.period_end = p.period_end
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
