-- The row of a transaction, an instrument or another keyed record in its extract file: a result's transaction_id
-- is the key of one of these extracts, so a reader can open the file at that row. $transaction_id is bound by the caller.
select 'debt_instruments' as extract, _row from raw_debt_instruments where instrument_id = $transaction_id
union all
select 'asset_sales' as extract, _row from raw_asset_sales where transaction_id = $transaction_id
union all
select 'restricted_payments' as extract, _row from raw_restricted_payments where transaction_id = $transaction_id
union all
select 'incurrences' as extract, _row from raw_incurrences where transaction_id = $transaction_id
union all
select 'equity_issuances' as extract, _row from raw_equity_issuances where transaction_id = $transaction_id
union all
select 'letters_of_credit' as extract, _row from raw_letters_of_credit where lc_id = $transaction_id
union all
select 'attestations' as extract, _row from raw_attestations where attestation_id = $transaction_id
union all
select 'asset_transfers' as extract, _row from raw_asset_transfers where transfer_id = $transaction_id
union all
select 'default_events' as extract, _row from raw_default_events where event_id = $transaction_id
union all
select 'asset_sale_receipts' as extract, _row from raw_asset_sale_receipts where receipt_id = $transaction_id
union all
select 'asset_sale_offers' as extract, _row from raw_asset_sale_offers where offer_id = $transaction_id
union all
select 'liens' as extract, _row from raw_liens where lien_id = $transaction_id
union all
select 'affiliate_transactions' as extract, _row from raw_affiliate_transactions where transaction_id = $transaction_id
union all
select 'sale_leasebacks' as extract, _row from raw_sale_leasebacks where transaction_id = $transaction_id
union all
select 'acquisitions' as extract, _row from raw_acquisitions where transaction_id = $transaction_id
union all
select 'guarantees' as extract, _row from raw_guarantees where guarantee_id = $transaction_id
union all
select 'note_redemptions' as extract, _row from raw_note_redemptions where redemption_id = $transaction_id
union all
select 'mergers' as extract, _row from raw_mergers where merger_id = $transaction_id
union all
select 'qal_investments' as extract, _row from raw_qal_investments where investment_id = $transaction_id
union all
select 'lender_consents' as extract, _row from raw_lender_consents where request_id = $transaction_id
union all
select 'board_resolutions' as extract, _row from raw_board_resolutions where resolution_id = $transaction_id
order by extract, _row
