-- clause: indenture-1996/4.09(a)
-- Restricted Payments, Restricted Investments and Unrestricted Subsidiary Investments with the 4.09 clause relied on.
-- Renamed and typed only.
select
    transaction_id,
    payment_date,
    payer_entity_id,
    payment_kind,
    recipient_kind,
    cast(amount as decimal(38, 2)) as amount,
    basket,
    declared_on,
    description,
    ca1994_clause,
    _row
from raw_restricted_payments
