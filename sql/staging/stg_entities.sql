-- clause: indenture-1996/def/Subsidiary
-- clause: indenture-1996/def/UnrestrictedSubsidiary
-- clause: indenture-1996/def/SpecifiedParties
-- The entity register as delivered: one row per entity and period over which its status did not change
-- (valid_to empty while current). Renamed and typed only.
select
    entity_id,
    entity_name,
    valid_from,
    valid_to,
    parent_entity_id,
    role,
    is_subsidiary,
    is_unrestricted_subsidiary,
    is_subsidiary_guarantor,
    is_bank_guarantor,
    is_specified_party,
    is_foreign,
    is_joint_venture,
    ownership_pct,
    consolidation_method,
    _row
from raw_entities
