-- clause: indenture-1996/11.01(a)
-- clause: indenture-1996/15.03(b)
-- clause: indenture-1996/4.05
-- Consolidations, mergers, transfers of all or substantially all property, liquidations, dissolutions and
-- discontinuances. Renamed and typed only.
select
    merger_id,
    effective_date,
    entity_id,
    event_kind,
    counterparty,
    counterparty_role,
    survivor,
    survivor_role,
    survivor_organized_in_us,
    supplemental_indenture_date,
    wholly_owned_directly_by_company_or_guarantors,
    document,
    _row
from raw_mergers
