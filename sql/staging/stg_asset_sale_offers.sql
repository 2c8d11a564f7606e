-- clause: indenture-1996/4.14(b)-(c)
-- Asset Sale Offers made, with the balances "as of the close of business on the day immediately preceding the date
-- notice of such Asset Sale Offer is mailed" [Indenture § 4.14(b)(B)]. Typed only; no Notes credited is 0, and no
-- limb (A) prepayment declined [Indenture § 4.14(b)] is 0.
select
    offer_id,
    notice_mailed_on,
    asset_sale_purchase_date,
    cast(net_cash_proceeds as decimal(38, 2)) as net_cash_proceeds,
    cast(offer_amount as decimal(38, 2)) as offer_amount,
    cast(notes_outstanding as decimal(38, 2)) as notes_outstanding,
    cast(credit_agreement_principal as decimal(38, 2)) as credit_agreement_principal,
    cast(credit_agreement_letters_of_credit as decimal(38, 2)) as credit_agreement_letters_of_credit,
    cast(specified_pari_passu_indebtedness as decimal(38, 2)) as specified_pari_passu_indebtedness,
    purchase_completed_on,
    cast(coalesce(notes_credited, 0) as decimal(38, 2)) as notes_credited,
    notes_credited_retired_on,
    cast(coalesce(credit_agreement_prepayment_declined, 0) as decimal(38, 2)) as credit_agreement_prepayment_declined,
    cast(coalesce(specified_pari_passu_prepayment_declined, 0) as decimal(38, 2)) as specified_pari_passu_prepayment_declined,
    _row
from raw_asset_sale_offers
