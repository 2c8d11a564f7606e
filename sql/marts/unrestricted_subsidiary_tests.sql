-- clause: indenture-1996/4.15(i)
-- clause: indenture-1996/4.15(ii)
-- clause: indenture-1996/4.15(iii)
-- transactions of: entities
-- Yes/no rules of 4.15 [Indenture § 4.15(i)] as counts of what is out of line, each tested against 0 with <=.
-- A missing attestation or an Unrestricted Subsidiary with no officer records is a missing input (indeterminate).
with quarters as (
    select e.entity_id, q.quarter_end
    from fiscal_quarters as q
    join stg_entities as e
        on e.is_unrestricted_subsidiary
        and e.valid_from <= q.quarter_end
        and (e.valid_to is null or q.quarter_end <= e.valid_to)
    where q.quarter_end >= date '1996-12-23'
),

-- (i) per Unrestricted Subsidiary and fiscal quarter end: 1 if the attestation unrestricted_subsidiary_no_credit_support
-- is false, plus each Lien it granted that secures Indebtedness of another obligor (credit support in the register)
credit_support_liens as (
    select q.entity_id, q.quarter_end, count(l.lien_id) as liens, string_agg(l.lien_id, ', ' order by l.lien_id) as lien_ids
    from quarters as q
    join stg_liens as l
        on l.entity_id = q.entity_id
        and l.created_on <= q.quarter_end
        and (l.released_on is null or q.quarter_end < l.released_on)
    join stg_debt_instruments as d
        on d.instrument_id = l.instrument_id and d.obligor_entity_id <> q.entity_id
    group by q.entity_id, q.quarter_end
),

clause_i as (
    select
        'indenture-1996/4.15(i)' as clause_id,
        q.quarter_end as test_date,
        'maintenance' as test_kind,
        q.entity_id as transaction_id,
        cast(coalesce(case when a.value_flag = false then 1 else 0 end, 0) + coalesce(s.liens, 0) as decimal(38, 2)) as actual,
        json_object(
            'unrestricted_subsidiary', json_object('value', q.entity_id, 'clause_id', 'indenture-1996/def/UnrestrictedSubsidiary'),
            'no_credit_support_attested', json_object('value', a.value, 'document', a.document, 'clause_id', 'indenture-1996/4.15(i)'),
            'liens_securing_other_obligors', json_object('value', coalesce(s.lien_ids, ''), 'clause_id', 'indenture-1996/4.15(i)')
        ) as inputs,
        case when a.value_flag is null then ['unrestricted_subsidiary_no_credit_support for ' || q.entity_id || ' at ' || q.quarter_end] else [] end as missing_inputs
    from quarters as q
    left join current_attestations as a
        on a.subject = 'unrestricted_subsidiary_no_credit_support' and a.reference_id = q.entity_id and a.period_end = q.quarter_end
    left join credit_support_liens as s on s.entity_id = q.entity_id and s.quarter_end = q.quarter_end
),

-- (ii) per Unrestricted Subsidiary and fiscal quarter end: 1 if unrestricted_subsidiary_lender_notice is false
clause_ii as (
    select
        'indenture-1996/4.15(ii)' as clause_id,
        q.quarter_end as test_date,
        'maintenance' as test_kind,
        q.entity_id as transaction_id,
        cast(case when a.value_flag = false then 1 else 0 end as decimal(38, 2)) as actual,
        json_object(
            'unrestricted_subsidiary', json_object('value', q.entity_id, 'clause_id', 'indenture-1996/def/UnrestrictedSubsidiary'),
            'lender_notice_attested', json_object('value', a.value, 'document', a.document, 'clause_id', 'indenture-1996/4.15(ii)')
        ) as inputs,
        case when a.value_flag is null then ['unrestricted_subsidiary_lender_notice for ' || q.entity_id || ' at ' || q.quarter_end] else [] end as missing_inputs
    from quarters as q
    left join current_attestations as a
        on a.subject = 'unrestricted_subsidiary_lender_notice' and a.reference_id = q.entity_id and a.period_end = q.quarter_end
),

-- (iii) per vacancy of an independent seat (unrestricted_subsidiary_vacancies): 0 if filled by the end of the grace,
-- else 1, tested on the day it was filled or on the first day after the grace
vacancy_tests as (
    select
        'indenture-1996/4.15(iii)' as clause_id,
        cast(case when v.filled_on is not null and v.filled_on <= v.replace_by then v.filled_on else v.replace_by + 1 end as date) as test_date,
        'transaction' as test_kind,
        v.entity_id || ' ' || v.position || ' vacated ' || v.ceased_on as transaction_id,
        cast(case when v.filled_on is not null and v.filled_on <= v.replace_by then 0 else 1 end as decimal(38, 2)) as actual,
        json_object(
            'vacated_by', json_object('value', v.person_name || ' (' || coalesce(v.cessation_reason, 'reason not given') || ')', 'clause_id', 'indenture-1996/4.15(iii)'),
            'ceased_on', json_object('value', v.ceased_on::varchar, 'clause_id', 'indenture-1996/4.15(iii)'),
            'grace_days', json_object('value', v.grace_days::varchar, 'clause_id', 'indenture-1996/4.15(iii)'),
            'filled_on', json_object('value', coalesce(v.filled_on::varchar, 'not filled'), 'clause_id', 'indenture-1996/4.15(iii)'),
            'days_vacant', json_object('value', coalesce((v.filled_on - v.ceased_on)::varchar, 'open'), 'clause_id', 'indenture-1996/4.15(iii)')
        ) as inputs,
        []::varchar[] as missing_inputs
    from unrestricted_subsidiary_vacancies as v
),

-- (iii) and per Unrestricted Subsidiary and fiscal quarter end, the seats (director, executive officer) without an
-- independent holder outside a grace period
seats as (
    select q.entity_id, q.quarter_end, p.position
    from quarters as q
    cross join (values ('director'), ('executive_officer')) as p (position)
),

seat_status as (
    select
        s.entity_id,
        s.quarter_end,
        s.position,
        exists(
            select 1 from stg_unrestricted_subsidiary_officers as o
            where o.entity_id = s.entity_id and o.position = s.position and o.is_independent
                and o.appointed_on <= s.quarter_end and (o.ceased_on is null or s.quarter_end < o.ceased_on)
        ) as held,
        exists(
            select 1 from unrestricted_subsidiary_vacancies as v
            where v.entity_id = s.entity_id and v.position = s.position
                and v.ceased_on <= s.quarter_end and s.quarter_end <= v.replace_by
        ) as in_grace,
        exists(select 1 from stg_unrestricted_subsidiary_officers as o where o.entity_id = s.entity_id) as has_records
    from seats as s
),

clause_iii as (
    select
        'indenture-1996/4.15(iii)' as clause_id,
        quarter_end as test_date,
        'maintenance' as test_kind,
        entity_id as transaction_id,
        cast(count(*) filter (where not held and not in_grace) as decimal(38, 2)) as actual,
        json_object(
            'unrestricted_subsidiary', json_object('value', entity_id, 'clause_id', 'indenture-1996/def/UnrestrictedSubsidiary'),
            'seats_without_independent_holder', json_object('value',
                coalesce(string_agg(position, ', ' order by position) filter (where not held and not in_grace), ''), 'clause_id', 'indenture-1996/4.15(iii)'),
            'seats_in_grace_period', json_object('value',
                coalesce(string_agg(position, ', ' order by position) filter (where not held and in_grace), ''), 'clause_id', 'indenture-1996/4.15(iii)')
        ) as inputs,
        case when not bool_or(has_records) then
            ['unrestricted_subsidiary_officers records (directors and executive officers) of ' || entity_id] else [] end as missing_inputs
    from seat_status
    group by entity_id, quarter_end
),

all_tests as (
    select * from clause_i
    union all by name select * from clause_ii
    union all by name select * from vacancy_tests
    union all by name select * from clause_iii
),

result_rows as (
    select
        clause_id, test_date, test_kind, transaction_id, actual,
        cast(inputs as varchar) as inputs,
        cast(to_json(missing_inputs) as varchar) as missing_inputs
    from all_tests
)

select * from result_without_period(result_rows)
