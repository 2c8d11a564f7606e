-- clause: indenture-1996/def/ConsolidatedNetIncome
-- clause: indenture-1996/def/Subsidiary
-- The consolidated group for each reported month: entities whose register row valid on the month end is consolidated
-- ('full', or 'proportional' at the Company's share already) with role company, subsidiary or joint_venture. An
-- Unrestricted Subsidiary stays in the group (GAAP consolidates it) and is flagged: "no Unrestricted Subsidiary shall
-- be deemed to be a Subsidiary" [Indenture § 1.01, “Subsidiary”], so the indenture's terms separate it.
with months as (
    select distinct period_end from raw_trial_balances
)

select
    m.period_end,
    last_day(make_date(year(m.period_end), quarter(m.period_end) * 3, 1)) as quarter_end,
    e.entity_id,
    e.role,
    e.consolidation_method,
    e.ownership_pct,
    e.is_unrestricted_subsidiary,
    e.is_specified_party,
    e._row as entity_row,
    -- "Subsidiary" as the indenture defines it [Indenture § 1.01, “Subsidiary”]; a proportionally consolidated joint
    -- venture that is not one is still in the GAAP group, and CNI (ii) takes its Net Income out
    -- [Indenture § 1.01, “Consolidated Net Income” (ii)]
    e.is_subsidiary
from months as m
join stg_entities as e
    on e.valid_from <= m.period_end
    and (e.valid_to is null or m.period_end <= e.valid_to)
where e.consolidation_method in ('full', 'proportional')
    and e.role in ('company', 'subsidiary', 'joint_venture')
