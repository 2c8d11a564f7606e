-- clause: indenture-1996/def/ConsolidatedNetIncome
-- clause: ppca-2002/def/AdjustedNetEarningsFromOperations
-- Monthly activity of the consolidated group's members. Rows between two members with the same restricted status
-- cancel on consolidation and are dropped; rows between a restricted member and an Unrestricted Subsidiary are kept
-- (the indenture treats Unrestricted Subsidiaries as outside the Company and its Subsidiaries) and flagged, since their
-- two sides still cancel in the group's total net income.
select
    a.entity_id,
    a.period_end,
    a.quarter_end,
    a.fiscal_year,
    a.account_id,
    a.counterparty_entity_id,
    a.statement,
    a.line_item,
    a.activity,
    g.is_unrestricted_subsidiary,
    cp.entity_id is not null as counterparty_in_group
from stg_trial_balance_activity as a
join consolidated_group as g
    on g.entity_id = a.entity_id and g.period_end = a.period_end
left join consolidated_group as cp
    on cp.entity_id = a.counterparty_entity_id and cp.period_end = a.period_end
where cp.entity_id is null
    or cp.is_unrestricted_subsidiary <> g.is_unrestricted_subsidiary
