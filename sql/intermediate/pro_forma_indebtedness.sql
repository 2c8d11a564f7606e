-- clause: indenture-1996/def/ConsolidatedFixedChargeCoverageRatio
-- clause: indenture-1996/def/Indebtedness
-- "the pro forma amount of Indebtedness to be outstanding on the Transaction Date" [Indenture § 1.01, “Consolidated
-- Fixed Charge Coverage Ratio” (ii)], per instrument and Transaction Date. Debt of Unrestricted Subsidiaries and
-- 'not-indebtedness' instruments are left out. Interest Hedging Obligations have no extract yet.
with dates as (
    select distinct transaction_date from coverage_ratio_tests
),

instruments as (
    select * from stg_debt_instruments where indenture_basket <> 'not-indebtedness'
),

-- The amount: the latest month-end balance before TD, plus incurrences after that month end up to and including TD,
-- minus principal repaid from their proceeds.
base as (
    select
        d.transaction_date,
        i.instrument_id,
        b.period_end as balance_period_end,
        b.principal_outstanding,
        b.letters_of_credit_outstanding,
        b._row as balance_row
    from dates as d
    cross join instruments as i
    left join stg_debt_balances as b
        on b.instrument_id = i.instrument_id and b.period_end < d.transaction_date
    qualify row_number() over (partition by d.transaction_date, i.instrument_id order by b.period_end desc nulls last) = 1
),

-- the Incurrences of each instrument after its last month-end balance up to the Transaction Date, and the principal
-- repaid from Incurrences' proceeds in that time
since_balance as (
    select
        b.transaction_date,
        b.instrument_id,
        sum(n.amount) filter (where n.instrument_id = b.instrument_id) as incurred,
        list(n._row order by n._row) filter (where n.instrument_id = b.instrument_id) as incurred_rows,
        sum(n.proceeds_applied_amount) filter (where n.proceeds_applied_to_instrument_id = b.instrument_id) as repaid,
        list(n._row order by n._row) filter (where n.proceeds_applied_to_instrument_id = b.instrument_id) as repaid_rows
    from base as b
    join stg_incurrences as n
        on b.instrument_id in (n.instrument_id, n.proceeds_applied_to_instrument_id)
        and n.incurrence_date > coalesce(b.balance_period_end, date '0001-01-01')
        and n.incurrence_date <= b.transaction_date
    group by b.transaction_date, b.instrument_id
),

transaction_days as (
    select transaction_date as on_day from dates
),

obligors as (
    select on_day as transaction_date, entity_id, is_unrestricted_subsidiary
    from consolidated_entities(stg_entities, transaction_days)
),

indices as (
    select series, period_start, period_end, value, _row from stg_market_data
),

-- Rate: fixed_rate, or for floating debt "such rates in effect on the Transaction Date" [Indenture § 1.01,
-- “Consolidated Fixed Charge Coverage Ratio” (ii)] (the index value whose period contains TD, plus the spread).
priced as (
    select
        b.transaction_date,
        i.instrument_id,
        i.indenture_basket,
        i.rate_kind,
        i.day_count,
        i.floating_index,
        b.balance_period_end,
        coalesce(b.principal_outstanding, 0) + coalesce(s.incurred, 0) - coalesce(s.repaid, 0) as principal,
        coalesce(b.letters_of_credit_outstanding, 0) as letters_of_credit_outstanding,
        i.letter_of_credit_fee_rate,
        case
            when i.rate_kind = 'fixed' then cast(i.fixed_rate as decimal(38, 8))
            else cast((
                select x.value from indices as x
                where x.series = i.floating_index
                    and x.period_start <= b.transaction_date
                    and b.transaction_date <= x.period_end
                order by x.period_start desc, x.period_end desc
                limit 1
            ) + i.spread as decimal(38, 8))
        end as rate,
        o.entity_id is not null and not o.is_unrestricted_subsidiary as obligor_is_restricted,
        list_concat(
            case when b.balance_row is not null then [b.balance_row] end,
            s.incurred_rows,
            s.repaid_rows
        ) as source_rows
    from base as b
    join instruments as i on i.instrument_id = b.instrument_id
    left join since_balance as s on s.transaction_date = b.transaction_date and s.instrument_id = b.instrument_id
    left join obligors as o on o.transaction_date = b.transaction_date and o.entity_id = i.obligor_entity_id
)

select
    transaction_date,
    instrument_id,
    indenture_basket,
    rate_kind,
    day_count,
    cast(principal as decimal(38, 2)) as principal,
    cast(letters_of_credit_outstanding as decimal(38, 2)) as letters_of_credit_outstanding,
    rate,
    cast(letter_of_credit_fee_rate as decimal(38, 8)) as letter_of_credit_fee_rate,
    obligor_is_restricted,
    balance_period_end,
    source_rows,
    list_concat(
        case when principal <> 0 and rate is null
            then ['market_data ' || coalesce(floating_index, '(no index)') || ' in effect on ' || transaction_date || ' for ' || instrument_id] end,
        case when letters_of_credit_outstanding <> 0 and letter_of_credit_fee_rate is null
            then ['letter_of_credit_fee_rate for ' || instrument_id] end
    ) as missing_inputs
from priced
where obligor_is_restricted and (principal <> 0 or letters_of_credit_outstanding <> 0)
