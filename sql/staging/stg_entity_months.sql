-- clause: indenture-1996/def/ConsolidatedNetIncome
-- clause: ppca-2002/def/AdjustedNetEarningsFromOperations
-- The months each entity reported a trial balance, with the reported months before and after each. Income-statement
-- balances are fiscal-year-to-date, and a fiscal year is a calendar year (4.06(b), R-X07): a month's year-to-date
-- balances are measured from the entity's previous reported month in the same year; a fiscal year's first reported
-- month is measured from zero (year_to_date_opening_period_end null). Balance-sheet balances are measured from the
-- previous reported month, whatever its year.
with periods as (
    select distinct entity_id, period_end from raw_trial_balances
),

neighbours as (
    select
        entity_id,
        period_end,
        lag(period_end) over entity_months as previous_period_end,
        lead(period_end) over entity_months as next_period_end
    from periods
    window entity_months as (partition by entity_id order by period_end)
)

select
    entity_id,
    period_end,
    previous_period_end,
    next_period_end,
    case when year(previous_period_end) = year(period_end) then previous_period_end end as year_to_date_opening_period_end
from neighbours
