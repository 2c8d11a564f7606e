-- clause: indenture-1996/4.14(d)
-- clause: indenture-1996/4.14(e)
-- transactions of: asset_sales
-- One row per Asset Sale whose Net Cash Proceeds were committed in time to reinvestment
-- (asset_sale_reinvestment_utilisation), tested at its utilisation deadline. Rows of 4.14(e) assets carry clause 4.14(e)
-- (commitments in U.S. Fixed Assets other than Permitted Collateral); the rest 4.14(d).

-- The exemption holds "provided that such Net Cash Proceeds are substantially so utilized no later than the last day of
-- the twelfth consecutive month (or ... $200,000,000, the twenty-fourth consecutive month) following the month in which
-- such Net Cash Proceeds are received" [Indenture § 4.14(d); § 4.14(e)(ii)]. The figure is the cumulative amount
-- utilised as attested on the latest date no later than the deadline; the computed threshold is the utilisation
-- fraction of the committed NCP. NCP not committed in time go to the offer pool, and so do committed NCP left unused at
-- the deadline (asset_sale_offer_pool).
select
    case when is_4_14_e then 'indenture-1996/4.14(e)' else 'indenture-1996/4.14(d)' end as clause_id,
    utilisation_due as test_date,
    'transaction' as test_kind,
    transaction_id,
    first_receipt_date as period_start,
    utilisation_due as period_end,
    utilised_by_deadline as actual,
    cast(0 as decimal(38, 2)) as threshold_reduction,
    json_object(
        'committed_in_time', json_object('value', committed_in_time::varchar, 'clause_id', case when is_4_14_e then 'indenture-1996/4.14(e)' else 'indenture-1996/4.14(d)' end),
        'committed_on', json_object('value', committed_on::varchar, 'clause_id', 'indenture-1996/4.14(d)'),
        'ncp_received', json_object('value', first_receipt_date::varchar, 'clause_id', 'indenture-1996/def/NetCashProceeds'),
        'utilisation_due', json_object('value', utilisation_due::varchar || case when has_24_months then ' (24th month: NCP over the long-period threshold)' else ' (12th month)' end, 'clause_id', 'indenture-1996/4.14(d)'),
        'utilised_as_of', json_object('value', coalesce(utilised_as_of::varchar, 'none'), 'clause_id', 'indenture-1996/4.14(d)'),
        'utilisation_fraction', json_object('value', utilisation_fraction::varchar, 'clause_id', 'indenture-1996/4.14(d)'),
        'unused_returned_to_offer_pool', json_object('value', returned_to_pool::varchar || ' on ' || lapsed_on::varchar, 'clause_id', 'indenture-1996/4.14(b)-(c)')
    )::varchar as inputs,
    to_json(list_concat(
        missing_inputs,
        utilisation_missing,
        case when utilisation_fraction is null then ['parameter asset_sale_reinvestment_utilisation_fraction'] end
    ))::varchar as missing_inputs,
    required_use as threshold
from asset_sale_reinvestment_utilisation
