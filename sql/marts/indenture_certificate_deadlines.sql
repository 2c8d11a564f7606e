-- clause: indenture-1996/4.06
-- clause: indenture-1996/5.03(d)
-- The Company's certificates and notices to the Trustee, with the dates performed (obligations_completed).
with fiscal_year_ends as (
    select quarter_end as fiscal_year_end
    from fiscal_quarters
    where fiscal_quarter = 4 and quarter_end >= date '1996-12-31'
),

-- 4.06(b) "within one hundred and twenty days after the end of each fiscal year", the first "ending December 31, 1996"
-- [Indenture § 4.06(b)] (calendar days: 1997-04-30 for FY1996, 2000-04-29 for FY1999, a leap year), one row per fiscal
-- year end the trial balances cover.
annual_statements as (
    select
        'indenture-1996/4.06(b)' as clause_id,
        'deliver the annual statement as to compliance (Officers'' Certificate) to the Trustee' as obligation,
        'FY' || year(fiscal_year_end) as reference_id,
        fiscal_year_end as trigger_date,
        cast(fiscal_year_end + interval 120 day as date) as due_date,
        'within one hundred and twenty days after the end of each fiscal year [Indenture § 4.06(b)]' as rule,
        []::varchar[] as missing
    from fiscal_year_ends
),

-- 5.03(d) a certificate "not less often than annually" [Indenture § 5.03(d)], a separate obligation (R-I37): each one
-- due a year after the one before, the first a year after the indenture's date, December 23, 1996.
annual_certificate_deliveries as (
    select completed_on, row_number() over (order by completed_on) as delivery
    from obligations_completed
    where clause_id = 'indenture-1996/5.03(d)' and completed_on is not null
),

annual_certificate_periods as (
    select
        coalesce(lag(completed_on) over (order by delivery), date '1996-12-23') as trigger_date,
        completed_on
    from annual_certificate_deliveries
    union all
    select coalesce(max(completed_on), date '1996-12-23'), cast(null as date)
    from annual_certificate_deliveries
),

annual_certificates as (
    select
        'indenture-1996/5.03(d)' as clause_id,
        'furnish the brief certificate of compliance of the principal executive, financial or accounting officer' as obligation,
        'annual certificate after ' || trigger_date as reference_id,
        trigger_date,
        cast(trigger_date + interval 1 year as date) as due_date,
        'not less often than annually, without regard to grace periods [Indenture § 5.03(d)]; due a year after the previous one (R-I37)' as rule,
        []::varchar[] as missing,
        completed_on
    from annual_certificate_periods
),

-- 4.06(c) written notice of an acceleration of other debt "within five days after" becoming aware of it, awareness
-- taken as the event's date.
acceleration_notices as (
    select
        'indenture-1996/4.06(c)' as clause_id,
        'give the Trustee written notice of the acceleration of ' || coalesce(instrument_id, 'other indebtedness') as obligation,
        event_id as reference_id,
        event_date as trigger_date,
        cast(event_date + interval 5 day as date) as due_date,
        'within five days after becoming aware of an acceleration that could become an Event of Default under 6.01(d) [Indenture § 4.06(c)]; awareness taken as the event date' as rule,
        []::varchar[] as missing
    from stg_default_events
    where kind = 'other_debt_acceleration'
),

-- 4.06(a) an Officers' Certificate "promptly" upon becoming aware of a default: no fixed day, so its due date is null
-- and its status indeterminate (whether it was prompt needs a person's judgement).
default_certificates as (
    select
        'indenture-1996/4.06(a)' as clause_id,
        'deliver an Officers'' Certificate specifying the ' || replace(kind, '_', ' ') || ' and what the Company proposes to do' as obligation,
        event_id as reference_id,
        event_date as trigger_date,
        cast(null as date) as due_date,
        'promptly upon becoming aware of any Event of Default or event that with notice or lapse of time would be one [Indenture § 4.06(a)]; no fixed day' as rule,
        ['a due date: 4.06(a) says "promptly", which fixes no day; whether delivery was prompt requires review'] as missing
    from stg_default_events
    where kind <> 'change_of_control'
),

event_deadlines as (
    select * from annual_statements
    union all by name
    select * from acceleration_notices
    union all by name
    select * from default_certificates
)

select
    d.clause_id,
    d.obligation,
    d.reference_id,
    d.trigger_date,
    d.due_date,
    'none' as business_day_convention,
    d.rule,
    c.completed_on,
    cast(to_json(d.missing) as varchar) as missing_inputs
from event_deadlines as d
left join obligations_completed as c on c.clause_id = d.clause_id and c.trigger_date = d.trigger_date
union all
select
    clause_id,
    obligation,
    reference_id,
    trigger_date,
    due_date,
    'none',
    rule,
    completed_on,
    cast(to_json(missing) as varchar)
from annual_certificates
