-- clause: indenture-1996/def/Subsidiary
-- The consolidated group on each day of `days` (a relation passed by the model, its column `on_day`): the entities
-- whose register row (`entities`, passed by the model) valid on that day is consolidated ('full', or 'proportional' at
-- the Company's share already) with role company, subsidiary or joint_venture. An Unrestricted Subsidiary stays in the
-- group (GAAP consolidates it) and is flagged: "no Unrestricted Subsidiary shall be deemed to be a Subsidiary"
-- [Indenture § 1.01, “Subsidiary”], so the indenture's terms separate it.
create or replace macro consolidated_entities(entities, days) as table
    select d.on_day, e.*
    from query_table(days) as d
    join query_table(entities) as e
        on e.valid_from <= d.on_day
        and (e.valid_to is null or d.on_day <= e.valid_to)
    where e.consolidation_method in ('full', 'proportional')
        and e.role in ('company', 'subsidiary', 'joint_venture');
