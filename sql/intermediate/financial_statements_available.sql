-- clause: indenture-1996/def/ConsolidatedFixedChargeCoverageRatio
-- clause: indenture-1996/4.09(a)(C)
-- The first day on which each fiscal quarter's financial statements were available.

-- Every quarter from the instruments' first to their last testable day (1988-10-28 to 2006-10-15, instrument.yaml), so
-- a test on any date finds its quarter whether or not the trial balances reach it.
with quarter_ends as (
    select cast(q.quarter_start + interval 3 month as date) - 1 as quarter_end
    from generate_series(timestamp '1988-10-01', timestamp '2006-10-01', interval 3 month) as q (quarter_start)
),

lag as (
    select effective_from, cast(value as integer) as lag_days
    from parameter_history('indenture-1996', 'financial_information_available_lag_days')
)

-- The coverage ratio reads "the four fiscal quarters immediately prior to the Transaction Date for which financial
-- information in respect thereof is available" [Indenture § 1.01, “Consolidated Fixed Charge Coverage Ratio”] and
-- 4.09(a)(C)(I) runs to "the end of the Company's most recently ended fiscal quarter for which financial statements are
-- available at the time such Restricted Payment ... is being made" [Indenture § 4.09(a)(C)(I)]. The day is the one the
-- financial_statements extract gives for the quarter (R-I61); for a quarter it does not list, the day after quarter end
-- + financial_information_available_lag_days (45 days, R-I02).
select
    q.quarter_end,
    coalesce(s.available_on, q.quarter_end + l.lag_days + 1) as available_on,
    s.available_on is not null as is_recorded,
    case
        when s.available_on is not null
            then 'financial_statements row ' || s._row || coalesce(': ' || s.document, '')
        when l.lag_days is not null
            then 'quarter end + ' || l.lag_days || ' days (parameter financial_information_available_lag_days)'
    end as source
from quarter_ends as q
left join stg_financial_statements as s on s.quarter_end = q.quarter_end
-- the lag in force at the quarter end; before its first value (the indenture's date), that first value, so that the
-- quarters before the indenture, which the 4.09(a)(C)(I) cumulative period reaches, have a day too
left join lag as l on l.effective_from = coalesce(
    (select max(x.effective_from) from lag as x where x.effective_from <= q.quarter_end),
    (select min(x.effective_from) from lag as x)
)
