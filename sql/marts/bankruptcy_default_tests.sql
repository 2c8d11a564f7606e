-- clause: indenture-1996/6.01(f)
-- clause: indenture-1996/6.01(g)
-- transactions of: default_events
-- Bankruptcy Events of Default of the Company, 6.01(f) and (g). actual counts the Events of Default (1 or 0); the
-- policies test actual <= 0. Only events of the Company (role 'company' in the entity register) count: the clauses
-- name the Company.
with company as (
    select distinct entity_id
    from stg_entities
    where role = 'company'
),

filings as (
    -- (g) "the Company shall have commenced a voluntary case under any applicable bankruptcy ... law"
    -- [Indenture § 6.01(g)]: an Event of Default on the filing's date, with no grace period, and acceleration is
    -- automatic ("ipso facto become and be immediately due and payable", [Indenture § 6.01]).
    select
        'indenture-1996/6.01(g)' as clause_id,
        e.event_id,
        e.event_date as test_date,
        1 as event_of_default,
        'voluntary case commenced: Event of Default on filing, acceleration automatic' as finding,
        e.document
    from stg_default_events as e
    join company as c on c.entity_id = e.entity_id
    where e.kind = 'bankruptcy_filing'
    union all
    -- (f) a decree or order for relief against the Company in an involuntary case that has "remained unstayed and in
    -- effect for a period of ninety consecutive days" [Indenture § 6.01(f)]: tested on the 90th day after entry, an
    -- Event of Default unless stayed or dismissed (cured_on) by that day.
    select
        'indenture-1996/6.01(f)',
        e.event_id,
        cast(e.event_date + interval 90 day as date),
        case when e.cured_on is null or e.cured_on > e.event_date + interval 90 day then 1 else 0 end,
        case when e.cured_on is null or e.cured_on > e.event_date + interval 90 day
            then 'order unstayed and in effect for ninety consecutive days: Event of Default, acceleration automatic'
            else 'order stayed or dismissed on ' || e.cured_on || ', within ninety days' end,
        e.document
    from stg_default_events as e
    join company as c on c.entity_id = e.entity_id
    where e.kind = 'involuntary_bankruptcy_order'
),

result_rows as (
    select
        clause_id, test_date, 'maintenance' as test_kind, event_id as transaction_id, event_of_default as actual,
        cast(json_object(
            'events_of_default', json_object('value', event_of_default::varchar, 'clause_id', clause_id),
            'finding', json_object('value', finding, 'clause_id', clause_id),
            'document', json_object('value', document, 'clause_id', clause_id)
        ) as varchar) as inputs,
        '[]' as missing_inputs
    from filings
)

select * from result_on_test_date(result_rows)
