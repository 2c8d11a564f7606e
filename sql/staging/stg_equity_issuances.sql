-- clause: indenture-1996/4.09(a)
-- Issuances of Capital Stock and capital contributions received by the Company. Renamed and typed only.
select
    transaction_id,
    issue_date,
    issuer_entity_id,
    issuance_kind,
    purchaser_kind,
    cast(net_proceeds as decimal(38, 2)) as net_proceeds,
    is_redeemable,
    cast(coalesce(excluded_from_4_09_a_ii, 0) as decimal(38, 2)) as excluded_from_4_09_a_ii,
    _row
from raw_equity_issuances
