-- clause: indenture-1996/4.12
-- Transfers of property or assets by the Company or a Subsidiary Guarantor to a Subsidiary or Non-Affiliate Joint
-- Venture, and returns of such assets, with the 4.12(b) exemption claimed. Renamed and typed only.
select
    transfer_id,
    transfer_date,
    transferor_entity_id,
    transferee_entity_id,
    cast(fair_market_value as decimal(38, 2)) as fair_market_value,
    exemption_clause,
    is_return,
    description,
    _row
from raw_asset_transfers
