-- clause: indenture-1996/11.01(a)
-- clause: indenture-1996/11.01(b)
-- clause: indenture-1996/15.03(b)
-- clause: indenture-1996/4.05
-- Each event of the mergers extract with the clause that governs it.

-- The entity's status is the one "immediately prior to such transaction" [Indenture § 11.01(a)(v)]: the entity
-- register's row in force on the day before the effective date.
with events as (
    select
        m.*,
        case
            when e.role = 'company' then 'company'
            when e.is_subsidiary_guarantor then 'subsidiary_guarantor'
            when e.is_subsidiary then 'subsidiary'
            else 'other'
        end as entity_status,
        m.event_kind in ('consolidation', 'merger', 'transfer_of_all_property') as is_combination
    from stg_mergers as m
    left join stg_entities as e
        on e.entity_id = m.entity_id
        and e.valid_from <= m.effective_date - 1
        and (e.valid_to is null or m.effective_date - 1 <= e.valid_to)
),

-- governing_clause:
--   11.01(a)     the Company consolidates, merges or transfers all or substantially all its property
--                [Indenture § 11.01(a)];
--   11.01(b)     ... with or into, or to, KAC or a Subsidiary Guarantor: only the assumption is required
--                [Indenture § 11.01(b)];
--   15.03(a)     a Subsidiary Guarantor with or into, or to, the Company or another Subsidiary Guarantor
--                [Indenture § 15.03];
--   15.03(b)     a Subsidiary Guarantor with any other corporation [Indenture § 15.03(b)]: (i) when the surviving
--                corporation is a Subsidiary of the Company, (ii) when it is not.
governed as (
    select
        *,
        case
            when entity_status = 'company' and is_combination and counterparty_role in ('kac', 'subsidiary_guarantor') then '11.01(b)'
            when entity_status = 'company' and is_combination then '11.01(a)'
            when entity_status = 'subsidiary_guarantor' and is_combination and counterparty_role in ('company', 'subsidiary_guarantor') then '15.03(a)'
            when entity_status = 'subsidiary_guarantor' and is_combination and survivor_role in ('subsidiary_guarantor', 'subsidiary') then '15.03(b)(i)'
            when entity_status = 'subsidiary_guarantor' and is_combination then '15.03(b)(ii)'
        end as governing_clause
    from events
)

-- existence_ends, 4.05: the entity's corporate existence ends (a liquidation, dissolution or discontinuance, or a
-- merger the entity does not survive): 4.05 then asks whether its existence could be discontinued [Indenture § 4.05].
-- coverage_clause_id names the ratio test computed from the Company's own figures: 11.01(a)(iii) when the Company is
-- the surviving corporation; 15.03(b)(i)(C) always ("the Company could incur", [Indenture § 15.03(b)(i)(C)]).
select
    *,
    survivor <> 'entity' and not (entity_status = 'company' and is_combination) as existence_ends,
    -- why 11.01(a)'s conditions do not apply to an event 11.01(b) governs, for every mart that tests one of them
    case when governing_clause = '11.01(b)' then '11.01(b): a consolidation, merger or transfer of the Company with or into, or to, '
        || case counterparty_role when 'kac' then 'KAC' else 'a Subsidiary Guarantor' end
        || ' needs only the assumption by supplemental indenture, "notwithstanding the foregoing Section 11.01(a)" '
        || '[Indenture § 11.01(b)]; the assumption is tested under indenture-1996/11.01(b).' end as exempt_because,
    case
        when governing_clause = '11.01(a)' and survivor_role = 'company' then 'indenture-1996/11.01(a)(iii)'
        when governing_clause = '15.03(b)(i)' then 'indenture-1996/15.03(b)(i)(C)'
    end as coverage_clause_id
from governed
