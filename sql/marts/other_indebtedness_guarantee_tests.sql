-- clause: indenture-1996/4.10(c)
-- transactions of: guarantees
-- 4.10(c), a yes/no rule tested per guarantee in the register, on the day it was given (or December 23, 1996 for one
-- given before), as the number of things out of line, against 0 with <=.

-- "no Subsidiary of the Company shall assume, guarantee or in any other manner become liable with respect to any
-- Indebtedness of the Company or a Subsidiary Guarantor (other than such Subsidiary) ("Other Indebtedness") which is
-- subordinated (pursuant to its terms) in right and priority of payment to any other Indebtedness ... unless such
-- Subsidiary also ... guarantees ... the Notes on a substantially similar basis for so long as such Subsidiary is liable
-- with respect to such Other Indebtedness" [Indenture § 4.10(c)]
with became_subsidiary as (
    select entity_id, min(valid_from) as on_date
    from stg_entities
    where is_subsidiary
    group by entity_id
),

-- tested when the guarantor is first liable as a Subsidiary under the Indenture: the latest of the day it gave the
-- guarantee, the day it became a Subsidiary and December 23, 1996
register as (
    select g.*, greatest(g.given_on, coalesce(b.on_date, g.given_on), date '1996-12-23') as test_date
    from stg_guarantees as g
    left join became_subsidiary as b on b.entity_id = g.guarantor_entity_id
    where g.released_on is null or g.released_on >= date '1996-12-23'
),

in_scope as (
    select g.*
    from register as g
    where g.guaranteed_debt <> 'notes'
        and g.guaranteed_debt_subordination <> 'senior'
        and g.guarantor_entity_id <> g.guaranteed_obligor_entity_id
        and exists (
            select 1 from stg_entities as e
            where e.entity_id = g.guarantor_entity_id and e.is_subsidiary
                and e.valid_from <= g.test_date and (e.valid_to is null or g.test_date <= e.valid_to)
        )
        and exists (
            select 1 from stg_entities as e
            where e.entity_id = g.guaranteed_obligor_entity_id and (e.role = 'company' or e.is_subsidiary_guarantor)
                and e.valid_from <= g.test_date and (e.valid_to is null or g.test_date <= e.valid_to)
        )
),

-- Exempt (0) [Indenture § 4.10(c)]: a guarantee that existed when its guarantor became a Subsidiary (flag, checked
-- against the entity register: given on or before the first day the guarantor is a Subsidiary), and a guarantee of
-- Refinancing Indebtedness complying with 4.10(b)(vi) that replaces such a guarantee "on substantially the same terms"
-- (refinancing_guarantee_same_terms, LEGAL; not attested leaves the row indeterminate).
acquired_exempt as (
    select g.guarantee_id, g.existed_when_guarantor_acquired and g.given_on <= b.on_date as exempt
    from stg_guarantees as g
    left join became_subsidiary as b on b.entity_id = g.guarantor_entity_id
),

-- 1 if the guarantor has no guarantee of the Notes in the register given by then and lasting at least as long;
-- 1 if the Other Indebtedness is subordinated to the Notes and the guarantee of it is not subordinated to the
-- guarantor's guarantee of the Notes ("to the same extent" [Indenture § 4.10(c)]);
-- 1 if counsel attests the Note guarantee is not on a substantially similar basis (note_guarantee_substantially_similar,
-- LEGAL); not attested leaves the row indeterminate.
assessed as (
    select
        g.*,
        (
            select string_agg(n.guarantee_id, ', ' order by n.guarantee_id) from stg_guarantees as n
            where n.guarantor_entity_id = g.guarantor_entity_id and n.guaranteed_debt = 'notes' and n.given_on <= g.test_date
                and (n.released_on is null or (g.released_on is not null and n.released_on >= g.released_on))
        ) as note_guarantees,
        x.exempt as acquired_exempt,
        g.refinances_guarantee_id is not null and r.exempt and d.indenture_basket = '4.10(b)(vi)' as refinancing_claimed,
        sim.value_flag as substantially_similar,
        same_terms.value_flag as same_terms
    from in_scope as g
    join acquired_exempt as x on x.guarantee_id = g.guarantee_id
    left join acquired_exempt as r on r.guarantee_id = g.refinances_guarantee_id
    left join stg_debt_instruments as d on d.instrument_id = g.guaranteed_instrument_id
    left join current_attestations as sim
        on sim.subject = 'note_guarantee_substantially_similar' and sim.reference_id = g.guarantee_id
    left join current_attestations as same_terms
        on same_terms.subject = 'refinancing_guarantee_same_terms' and same_terms.reference_id = g.guarantee_id
),

tested as (
    select
        *,
        case
            when acquired_exempt then 'existed when the guarantor became a Subsidiary'
            when refinancing_claimed and same_terms then 'guarantee of conforming Refinancing Indebtedness'
            else 'none'
        end as exemption,
        (case when note_guarantees is null then 1 else 0 end)
        + (case when guaranteed_debt_subordination = 'subordinated_to_notes' and guarantee_ranking <> 'subordinated_to_note_guarantee' then 1 else 0 end)
        + (case when note_guarantees is not null and substantially_similar = false then 1 else 0 end) as out_of_line
    from assessed
),

result_rows as (
    select
        'indenture-1996/4.10(c)' as clause_id, test_date, 'transaction' as test_kind, guarantee_id as transaction_id,
        case when exemption <> 'none' then 0 else out_of_line end as actual,
        json_object(
            'guarantor', json_object('value', guarantor_entity_id, 'clause_id', 'indenture-1996/4.10(c)'),
            'other_indebtedness', json_object('value', guaranteed_instrument_id || ' of ' || guaranteed_obligor_entity_id, 'clause_id', 'indenture-1996/4.10(c)'),
            'other_indebtedness_subordination', json_object('value', guaranteed_debt_subordination, 'clause_id', 'indenture-1996/4.10(c)'),
            'guarantee_ranking', json_object('value', guarantee_ranking, 'clause_id', 'indenture-1996/4.10(c)'),
            'note_guarantees', json_object('value', coalesce(note_guarantees, 'none'), 'clause_id', 'indenture-1996/4.10(c)'),
            'note_guarantee_substantially_similar', json_object('value', coalesce(substantially_similar::varchar, 'not attested'), 'clause_id', 'indenture-1996/4.10(c)'),
            'exemption', json_object('value', exemption, 'clause_id', 'indenture-1996/4.10(c)')
        )::varchar as inputs,
        to_json(
            case
                when exemption <> 'none' then []::varchar[]
                when out_of_line > 0 and refinancing_claimed and same_terms is null
                    then ['refinancing_guarantee_same_terms attestation for ' || guarantee_id || ' (4.10(c) proviso, requires legal review)']
                when out_of_line = 0 and substantially_similar is null
                    then ['note_guarantee_substantially_similar attestation for ' || guarantee_id || ' (requires legal review)']
                else []::varchar[]
            end
        )::varchar as missing_inputs
    from tested
)

select * from result_on_test_date(result_rows)
