-- clause: indenture-1996/def/NetCashProceeds
-- Cash received from each disposition, "only as and when, and to the extent, received"
-- [Indenture § 1.01, “Net Cash Proceeds”]. Typed only.
select
    receipt_id,
    transaction_id,
    receipt_date,
    kind,
    cast(amount as decimal(38, 2)) as amount,
    _row
from raw_asset_sale_receipts
