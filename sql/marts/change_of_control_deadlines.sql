-- clause: indenture-1996/3.05
-- clause: indenture-1996/def/BusinessDay
-- The 3.05 deadlines of the first Change of Control.

-- The first Change of Control ("Following a Change of Control, the Company shall not be obligated ... with respect to
-- any subsequent Change of Control" [Indenture § 3.05(a)]): the first attested test date on which
-- change_of_control_tests finds one, or a change_of_control event, whichever is earlier.
with occurrences as (
    select test_date as occurred_on, 'change-of-control ' || test_date as reference_id
    from change_of_control_tests
    where actual > 0
    union all
    select event_date as occurred_on, event_id as reference_id
    from stg_default_events
    where kind = 'change_of_control'
),

first_occurrence as (
    select occurred_on, reference_id
    from occurrences
    order by occurred_on, reference_id
    limit 1
),

-- "Within ten Business Days after the occurrence of a Change of Control, the Company shall mail a written notice"
-- [Indenture § 3.05(b)]; the Change of Control Purchase Date is "the date that is thirty Business Days after the
-- occurrence" [Indenture § 3.05(a)].
obligations as (
    select
        'indenture-1996/3.05(b)' as clause_id,
        'mail the written notice of Change of Control to the Trustee and each holder, and publish it' as obligation,
        10 as business_days,
        'within ten Business Days after the occurrence of a Change of Control [Indenture § 3.05(b)]' as rule
    union all
    select
        'indenture-1996/3.05(a)',
        'purchase the Notes tendered at 101% plus accrued interest on the Change of Control Purchase Date (deposit under 3.07)',
        30,
        'the date that is thirty Business Days after the occurrence of the Change of Control [Indenture § 3.05(a)]'
),

-- The n-th Business Day after a day is the Business Day whose running count is n more than that day's, so the count
-- starts the day after the trigger whether or not the trigger is itself a Business Day. Both dates are Business Days
-- already (convention none).
scheduled as (
    select
        o.clause_id,
        o.obligation,
        f.reference_id,
        f.occurred_on as trigger_date,
        (
            select later.day
            from business_days as start_day
            join business_days as later
                on later.business_day_count = start_day.business_day_count + o.business_days and later.is_business_day
            where start_day.day = f.occurred_on
        ) as due_date,
        o.rule
    from first_occurrence as f
    cross join obligations as o
)

select
    s.clause_id,
    s.obligation,
    s.reference_id,
    s.trigger_date,
    s.due_date,
    'none' as business_day_convention,
    s.rule,
    c.completed_on,
    cast(to_json(case when s.due_date is null
        then ['the Business Day calendar (business_days) covering ' || s.trigger_date || ' and the days after it'] else []::varchar[] end) as varchar) as missing_inputs
from scheduled as s
left join obligations_completed as c on c.clause_id = s.clause_id and c.trigger_date = s.trigger_date
