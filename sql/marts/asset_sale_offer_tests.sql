-- clause: indenture-1996/4.14(b)-(c)
-- clause: indenture-1996/4.14(e)
-- transactions of: asset_sale_offers
-- One result per day an Asset Sale Offer became due (asset_sale_offer_obligations): the figure is the number of
-- defects in the offer that answers it (notice by day 145, purchase by day 175 on a Business Day, open at least
-- twenty-four days, at least the amount required, purchase completed), which must be 0 (<= 0).

-- The amounts and dates are in the inputs: limb (A)'s shares for the Credit Agreement and the Specified Pari Passu
-- Indebtedness with what their holders declined [Indenture § 4.14(b)] (R-I70), and the Asset Sale Purchase Price per
-- $1,000 and for the amount required (notes_purchase_prices) [Indenture § 4.14(b)].
select
    'indenture-1996/4.14(b)-(c)' as clause_id,
    trigger_date as test_date,
    'transaction' as test_kind,
    coalesce(offer_id, 'due-' || trigger_date) as transaction_id,
    trigger_date as period_start,
    cast(trigger_date + interval 175 day as date) as period_end,
    cast(coalesce(len(defect_list), 0) as decimal(38, 2)) as actual,
    cast(0 as decimal(38, 2)) as threshold_reduction,
    json_object(
        'offer_due_from', json_object('value', trigger_date::varchar || case
            when event_kind = 'reinvestment_lapse' then ' (committed Net Cash Proceeds of ' || transaction_id || ' not used by the 4.14(d)/(e) deadline return to the pool'
                || case when is_4_14_e then ', 4.14(e), no threshold)' else ')' end
            when is_4_14_e then ' (4.14(e) receipt ' || event_id || ', no threshold)'
            else ' (pool first exceeds the threshold, receipt ' || event_id || ')' end, 'clause_id', 'indenture-1996/4.14(b)-(c)'),
        'net_cash_proceeds_at_d0', json_object('value', cast(pool_at_d0 as decimal(38, 2))::varchar, 'clause_id', 'indenture-1996/def/NetCashProceeds'),
        'net_cash_proceeds_rounded_down', json_object('value', cast(ncp_rounded_down as decimal(38, 2))::varchar, 'clause_id', 'indenture-1996/4.14(b)-(c)'),
        'notes_outstanding', json_object('value', notes_outstanding::varchar, 'clause_id', 'indenture-1996/4.14(b)-(c)'),
        'credit_agreement_indebtedness', json_object('value', cast(credit_agreement_indebtedness as decimal(38, 2))::varchar, 'clause_id', 'indenture-1996/4.14(b)-(c)'),
        'of_which_undrawn_letters_of_credit', json_object('value', case when include_letters_of_credit = 1 then credit_agreement_letters_of_credit else 0 end::varchar, 'clause_id', 'indenture-1996/4.14(b)-(c)'),
        'specified_pari_passu_indebtedness', json_object('value', specified_pari_passu_indebtedness::varchar, 'clause_id', 'indenture-1996/4.14(b)-(c)'),
        'asset_sale_offer_amount', json_object('value', cast(asset_sale_offer_amount as decimal(38, 2))::varchar, 'clause_id', 'indenture-1996/4.14(b)-(c)'),
        'notes_credited', json_object('value', coalesce(notes_credited, 0)::varchar || case
            when notes_credited > 0 and notes_credit_allowed = 0 then ' (not allowed: retired ' || coalesce(notes_credited_retired_on::varchar, 'on an unrecorded date') || ', not after the Asset Sale of ' || asset_sale_date || ')'
            else '' end, 'clause_id', 'indenture-1996/4.14(b)-(c)'),
        'offer_amount_required', json_object('value', cast(required_offer_amount as decimal(38, 2))::varchar, 'clause_id', 'indenture-1996/4.14(b)-(c)'),
        'offer_amount_stated', json_object('value', offer_amount::varchar, 'clause_id', 'indenture-1996/4.14(b)-(c)'),
        'notice_mailed_on', json_object('value', coalesce(notice_mailed_on::varchar, 'none'), 'clause_id', 'indenture-1996/4.14(b)-(c)'),
        'asset_sale_purchase_date', json_object('value', coalesce(asset_sale_purchase_date::varchar, 'none'), 'clause_id', 'indenture-1996/4.14(b)-(c)'),
        'credit_agreement_prepayment_share', json_object('value', coalesce(credit_agreement_prepayment_share::varchar, 'none'), 'clause_id', 'indenture-1996/4.14(b)-(c)'),
        'credit_agreement_prepayment_declined', json_object('value', coalesce(credit_agreement_declined::varchar, 'none'), 'clause_id', 'indenture-1996/4.14(b)-(c)'),
        'specified_pari_passu_prepayment_share', json_object('value', coalesce(specified_pari_passu_prepayment_share::varchar, 'none'), 'clause_id', 'indenture-1996/4.14(b)-(c)'),
        'specified_pari_passu_prepayment_declined', json_object('value', coalesce(specified_pari_passu_declined::varchar, 'none'), 'clause_id', 'indenture-1996/4.14(b)-(c)'),
        'remaining_after_complete_prepayment', json_object('value', coalesce(remaining_after_complete_prepayment::varchar, 'none'), 'clause_id', 'indenture-1996/4.14(b)-(c)'),
        'notes_offer_amount', json_object('value', coalesce(notes_offer_amount::varchar, 'none'), 'clause_id', 'indenture-1996/4.14(b)-(c)'),
        'asset_sale_purchase_price_per_1000', json_object('value', coalesce(p.purchase_price_per_1000::varchar, 'none'), 'clause_id', 'indenture-1996/4.14(b)-(c)'),
        'accrued_days_30_360', json_object('value', coalesce(p.accrued_days_30_360::varchar, 'none'), 'clause_id', 'indenture-1996/2.03'),
        'asset_sale_purchase_price_amount', json_object('value', coalesce(p.purchase_price_amount::varchar, 'none'), 'clause_id', 'indenture-1996/4.14(b)-(c)'),
        'defects', json_object('value', coalesce(nullif(array_to_string(defect_list, '; '), ''), 'none'), 'clause_id', 'indenture-1996/4.14(b)-(c)')
    )::varchar as inputs,
    to_json(list_concat(
        pool_missing,
        case when clock_from_pool_crossing is distinct from 1
            then ['R-I19: parameter asset_sale_offer_clock_from_pool_crossing must be 1 (the per-receipt reading is not implemented)'] end,
        case when offer_id is not null and include_letters_of_credit is null
            then ['parameter asset_sale_offer_include_undrawn_letters_of_credit on ' || notice_mailed_on] end,
        case when offer_id is not null and (purchase_on_business_day is null or offer_closes_on is null)
            then ['the Business Day calendar (business_days) covering ' || asset_sale_purchase_date] end,
        case when notes_credited > 0 and notes_credited_retired_on is null
            then ['notes_credited_retired_on for ' || offer_id || ': when the credited Notes were retired'] end,
        case when offer_id is not null and asset_sale_offer_amount is null
            then ['Asset Sale Offer Amount: no Notes, Credit Agreement or Specified Pari Passu Indebtedness outstanding'] end
    ))::varchar as missing_inputs
from asset_sale_offer_obligations as o
left join notes_purchase_prices as p on p.purchase_kind = 'asset_sale_offer' and p.reference_id = o.offer_id and p.arose_on = o.trigger_date
