-- clause: ppca-2002/9.2.4(b)
-- Trigger Events per month [Sixth Amendment § 1.4 (Credit Agreement § 9.2.4(b))].
with business_days as (
    select day, month_end, row_number() over (order by day) as day_number
    from ppca_business_days
    where is_business_day
),

-- Thresholds: the parameters trigger_event_outstandings_threshold and trigger_event_availability_threshold in force on
-- each day (from the Sixth Amendment, 2003-08-01; before it the day tests nothing and the month's result is for the
-- policy to decide).
daily as (
    select
        d.day,
        d.month_end,
        d.day_number,
        b.as_of_date is not null as reported,
        b.revolving_credit_outstandings,
        b.revolving_commitment_availability,
        cast(parameter('ppca-2002', 'trigger_event_outstandings_threshold', d.day) as decimal(38, 2)) as outstandings_threshold,
        cast(parameter('ppca-2002', 'trigger_event_availability_threshold', d.day) as decimal(38, 2)) as availability_threshold
    from business_days as d
    left join raw_borrowing_base as b on b.as_of_date = d.day
),

-- "If at any time during any month for a period of three (3) consecutive Business Days (i) the Revolving Credit
-- Outstandings exceed $125,000,000 or (ii) Revolving Commitment Availability is less than $75,000,000 (each condition
-- in clause (i) and (ii), a "Trigger Event")" [Sixth Amendment § 1.4 (Credit Agreement § 9.2.4(b))].
conditions as (
    select
        *,
        coalesce(revolving_credit_outstandings > outstandings_threshold, false) as outstandings_exceeded,
        coalesce(revolving_commitment_availability < availability_threshold, false) as availability_short
    from daily
),

-- R-P19: each condition needs its own run of three consecutive Business Days (a run mixing (i) and (ii) days is not a
-- Trigger Event).
runs as (
    select
        *,
        -- the day is the third (or later) of a run of three consecutive Business Days with the same condition
        count(*) filter (where outstandings_exceeded) over last_three = 3 as outstandings_run_ends,
        count(*) filter (where availability_short) over last_three = 3 as availability_run_ends,
        list(day) filter (where not reported) over last_three as unreported_in_window
    from conditions
    window last_three as (order by day_number rows between 2 preceding and current row)
),

-- R-P19 default: a run counts in the month its third Business Day falls in.
months as (
    select
        month_end,
        min(day) filter (where outstandings_run_ends) as outstandings_trigger_on,
        min(day) filter (where availability_run_ends) as availability_trigger_on,
        count(*) as business_days,
        list_sort(list_distinct(flatten(list(unreported_in_window)))) as unreported_days,
        bool_and(outstandings_threshold is not null and availability_threshold is not null) as thresholds_in_force
    from runs
    group by month_end
)

-- A Business Day (ppca_business_days) without a borrowing_base row breaks no run silently: a month with no Trigger
-- Event whose run window (its Business Days and the two before) lacks a row names the missing days.
select
    month_end,
    outstandings_trigger_on is not null or availability_trigger_on is not null as trigger_event,
    outstandings_trigger_on,
    availability_trigger_on,
    business_days,
    thresholds_in_force,
    case when outstandings_trigger_on is null and availability_trigger_on is null
        then list_transform(unreported_days, lambda d: 'borrowing_base row for Business Day ' || d)
        else []::varchar[]
    end as missing_inputs
from months
