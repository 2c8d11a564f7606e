-- clause: indenture-1996/def/ConsolidatedNetIncome
-- clause: indenture-1996/def/Subsidiary
-- The consolidated group for each reported month (consolidated_entities on the month end).
with months as (
    select distinct period_end as on_day from raw_trial_balances
)

select
    e.on_day as period_end,
    last_day(make_date(year(e.on_day), quarter(e.on_day) * 3, 1)) as quarter_end,
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
from consolidated_entities(stg_entities, months) as e
