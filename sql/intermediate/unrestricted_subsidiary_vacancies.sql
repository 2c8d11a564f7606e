-- clause: indenture-1996/4.15(iii)
-- Each time an independent director or executive officer of an Unrestricted Subsidiary ceased to serve while no other
-- independent person held the same kind of seat: the vacancy, when it was filled (the first independent appointment on
-- or after that day), and the grace the clause gives.
with officers as (
    select * from stg_unrestricted_subsidiary_officers
),

cessations as (
    select o.*
    from officers as o
    join stg_entities as e
        on e.entity_id = o.entity_id
        and e.is_unrestricted_subsidiary
        and e.valid_from <= o.ceased_on
        and (e.valid_to is null or o.ceased_on <= e.valid_to)
    where o.is_independent and o.ceased_on is not null
        and not exists (
            select 1
            from officers as other
            where other.entity_id = o.entity_id
                and other.position = o.position
                and other.is_independent
                and other.person_name <> o.person_name
                and other.appointed_on <= o.ceased_on
                and (other.ceased_on is null or o.ceased_on < other.ceased_on)
        )
)

-- "except for any period not exceeding 30 days following the death or resignation of any such director or executive
-- officer" [Indenture § 4.15(iii)]. A replacement on day 30 is in time, on day 31 late (parameter
-- unrestricted_subsidiary_vacancy_grace_days); a removal or other cessation has no grace.
select
    c.entity_id,
    c.position,
    c.person_name,
    c.ceased_on,
    c.cessation_reason,
    case when c.cessation_reason in ('death', 'resignation') then g.days else 0 end as grace_days,
    cast(c.ceased_on + case when c.cessation_reason in ('death', 'resignation') then g.days else 0 end as date) as replace_by,
    (
        select min(r.appointed_on)
        from officers as r
        where r.entity_id = c.entity_id
            and r.position = c.position
            and r.is_independent
            and r.appointed_on >= c.ceased_on
            and not (r.person_name = c.person_name and r.appointed_on = c.appointed_on)
    ) as filled_on
from cessations as c
cross join lateral (
    select cast(parameter('indenture-1996', 'unrestricted_subsidiary_vacancy_grace_days', c.ceased_on) as integer) as days
) as g
