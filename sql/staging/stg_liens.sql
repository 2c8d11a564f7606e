-- clause: indenture-1996/4.11
-- clause: indenture-1996/def/PermittedCollateral
-- clause: indenture-1996/def/USFixedAssets
-- The lien register as delivered: one row per Lien securing Indebtedness, with the 4.11(b) clause the Company relies
-- on ('none' = none; then only the Notes being equally and ratably secured, 4.11(a), keeps it permitted). Typed only.
select
    lien_id,
    entity_id,
    asset_description,
    facility,
    is_us_fixed_asset,
    is_permitted_collateral,
    instrument_id,
    principal_secured,
    created_on,
    asset_acquired_or_completed_on,
    asset_cost,
    permitted_clause,
    is_carifa_financing,
    notes_equally_and_ratably_secured,
    released_on,
    _row
from raw_liens
