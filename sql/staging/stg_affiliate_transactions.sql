-- clause: indenture-1996/4.08
-- Transactions with Affiliates and Unrestricted Subsidiaries, with the 4.08(b) exemption claimed and the documents
-- that evidence the Board's approval and the fairness opinion. Blank document references become null.
select
    transaction_id,
    transaction_date,
    entity_id,
    counterparty,
    counterparty_kind,
    amount,
    principal_products_amount,
    exemption,
    coalesce(nullif(trim(series_id), ''), transaction_id) as series_id,
    nullif(trim(board_resolution_document), '') as board_resolution_document,
    nullif(trim(fairness_opinion_document), '') as fairness_opinion_document,
    description,
    _row
from raw_affiliate_transactions
