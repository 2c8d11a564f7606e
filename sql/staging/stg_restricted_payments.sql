-- clause: indenture-1996/4.09(a)
-- Restricted Payments, Restricted Investments and Unrestricted Subsidiary Investments with the 4.09 clause relied on.
-- Renamed and typed only; an empty investment_form is cash.
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
    nullif(trim(unrestricted_subsidiary_id), '') as unrestricted_subsidiary_id,
    nullif(trim(returns_transaction_id), '') as returns_transaction_id,
    kac_pass_through_date,
    cast(kac_pass_through_amount as decimal(38, 2)) as kac_pass_through_amount,
    ca1994_clause,
    coalesce(nullif(trim(investment_form), ''), 'cash') as investment_form,
    nullif(trim(retired_instrument_id), '') as retired_instrument_id,
    cast(principal_retired as decimal(38, 2)) as principal_retired,
    cast(net_book_value as decimal(38, 2)) as net_book_value,
    cast(fair_market_value as decimal(38, 2)) as fair_market_value,
    _row
from raw_restricted_payments
