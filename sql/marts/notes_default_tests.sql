-- clause: indenture-1996/6.01(a)
-- clause: indenture-1996/6.01(b)
-- clause: indenture-1996/6.01(c)
-- clause: indenture-1996/6.01(h)
-- transactions of: default_events
-- Events of Default on the Notes, the Indenture's other covenants and the Guarantees. actual counts the Events of
-- Default (1 or 0); the policies test actual <= 0. A majority's waiver (6.06) never clears a row (R-I15; for counsel):
-- only cured_on counts, and only where the clause gives a grace period.

-- (a) "default in the payment of any installment of interest ... and continuance of such default for a period of
-- thirty days" [Indenture § 6.01(a)]: tested on the 30th day after the due date; paid on or before that day is not an
-- Event of Default, paid on the 31st day or later (or never) is.
-- (c) failure "to observe or perform in any material respect any other of the covenants ... for a period of sixty days
-- after" a written Notice of Default [Indenture § 6.01(c)]: tested on the 60th day after the notice; remedied on or
-- before that day is not an Event of Default.
with graced as (
    select
        e.*,
        case e.kind when 'interest_payment_default' then 'indenture-1996/6.01(a)' else 'indenture-1996/6.01(c)' end as clause_id,
        case e.kind when 'interest_payment_default' then 30 else 60 end as grace_days,
        cast(e.event_date + (case e.kind when 'interest_payment_default' then 30 else 60 end) * interval 1 day as date) as grace_end
    from stg_default_events as e
    where e.kind in ('interest_payment_default', 'notice_of_default')
),

-- (c): whether the failure is material is attested (covenant_failure_material, R-I30): false is no Event of Default;
-- unattested leaves a failure that outlasted the sixty days indeterminate (a failure remedied in time is no Event of
-- Default either way).
graced_tests as (
    select
        g.clause_id,
        g.event_id,
        g.grace_end as test_date,
        g.cured_on is null or g.cured_on > g.grace_end as outlasted_grace,
        case when g.kind = 'notice_of_default' then m.value_flag end as material,
        g.kind = 'notice_of_default' and m.value_flag is null as materiality_unattested,
        g.grace_days,
        g.cured_on,
        g.document
    from graced as g
    left join current_attestations as m on m.subject = 'covenant_failure_material' and m.reference_id = g.event_id
),

tests as (
    select
        clause_id,
        event_id,
        test_date,
        case
            when not outlasted_grace then 0
            when materiality_unattested then null
            when material = false then 0
            else 1
        end as event_of_default,
        case
            when not outlasted_grace then 'cured on ' || cured_on || ', within the ' || grace_days || ' days'
            when materiality_unattested then 'not cured within the sixty days; materiality of the failure unattested'
            when material = false then 'not cured within the sixty days, but the failure is attested not material'
            else 'not cured within the ' || grace_days || ' days: Event of Default'
        end as finding,
        outlasted_grace and materiality_unattested as materiality_missing,
        document
    from graced_tests
    union all
    -- (b) "default in the payment of the principal of, Change of Control Purchase Price, Asset Sale Purchase Price, or
    -- premium" [Indenture § 6.01(b)]: no grace period, an Event of Default on the due date whatever happens after.
    -- (h) a Subsidiary Guarantor's Guarantee "held to be unenforceable or invalid by a final non-appealable order ... or
    -- shall cease for any reason to be in full force and effect ... or any Subsidiary Guarantor ... shall deny or
    -- disaffirm its obligations" [Indenture § 6.01(h)]: no grace period, an Event of Default on the event's date. A
    -- release under Section 15.05 is not such an event and is not recorded as one.
    select
        case kind when 'principal_payment_default' then 'indenture-1996/6.01(b)' else 'indenture-1996/6.01(h)' end,
        event_id,
        event_date,
        1,
        case kind
            when 'principal_payment_default' then 'principal, purchase price or premium unpaid when due: Event of Default, no grace period'
            else 'Guarantee held unenforceable, ceased to be in full force or denied: Event of Default, no grace period'
        end,
        false,
        document
    from stg_default_events
    where kind in ('principal_payment_default', 'guarantee_ceased')
),

result_rows as (
    select
        clause_id, test_date, 'maintenance' as test_kind, event_id as transaction_id, event_of_default as actual,
        cast(json_object(
            'events_of_default', json_object('value', coalesce(event_of_default::varchar, 'unknown'), 'clause_id', clause_id),
            'finding', json_object('value', finding, 'clause_id', clause_id),
            'document', json_object('value', document, 'clause_id', clause_id)
        ) as varchar) as inputs,
        cast(to_json(list_concat(
            case when materiality_missing then ['covenant_failure_material attested for ' || event_id] end,
            []::varchar[]
        )) as varchar) as missing_inputs
    from tests
)

select * from result_on_test_date(result_rows)
