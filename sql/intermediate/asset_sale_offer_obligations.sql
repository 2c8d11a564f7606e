-- clause: indenture-1996/4.14(b)-(c)
-- clause: indenture-1996/4.14(e)
-- One row per day an Asset Sale Offer became due (asset_sale_offer_pool.triggers_offer), with the first offer whose
-- notice was mailed on or after that day and what is wrong with it (defect_list), the Asset Sale Offer Amount the
-- offer had to reach, and limb (A)'s prepayment shares.
with triggers as (
    select
        t.event_date as trigger_date,
        t.event_id,
        t.event_kind,
        t.transaction_id,
        t.is_4_14_e,
        t.clock_from_pool_crossing,
        (select flatten(list(p.missing_inputs order by p.event_date, p.event_order, p.event_id)) from asset_sale_offer_pool as p
         where p.event_date <= t.event_date) as pool_missing,
        (select s.sale_date from asset_sales as s where s.transaction_id = t.transaction_id) as asset_sale_date
    from asset_sale_offer_pool as t
    where t.triggers_offer
),

answered as (
    select
        t.*,
        o.offer_id,
        o.notice_mailed_on,
        o.asset_sale_purchase_date,
        o.offer_amount,
        o.notes_outstanding,
        o.credit_agreement_principal,
        o.credit_agreement_letters_of_credit,
        o.specified_pari_passu_indebtedness,
        o.purchase_completed_on,
        o.notes_credited,
        o.notes_credited_retired_on,
        o.credit_agreement_prepayment_declined,
        o.specified_pari_passu_prepayment_declined,
        cast(parameter('indenture-1996', 'asset_sale_offer_include_undrawn_letters_of_credit', coalesce(o.notice_mailed_on, t.trigger_date)) as integer) as include_letters_of_credit,
        -- the pool at the close of business on the day before the notice: events before the notice date
        (
            select coalesce(sum(p.amount), 0) from asset_sale_offer_pool as p
            where p.event_date < o.notice_mailed_on
        ) as pool_at_d0
    from triggers as t
    left join lateral (
        select * from stg_asset_sale_offers as o
        where o.notice_mailed_on >= t.trigger_date
        order by o.notice_mailed_on, o.offer_id
        limit 1
    ) as o on true
),

-- Asset Sale Purchase Date "on any Business Day occurring no later than 175 days after the receipt"
-- [Indenture § 4.14(b)(B)] (the indenture's Business Day calendar, business_days: weekends, the Federal Reserve
-- holidays of New York, Houston and San Francisco, and the dated closures); the offer open "from the time of mailing
-- until the last Business Day before the Asset Sale Purchase Date, but in no event for a period less than twenty-four
-- days" [Indenture § 4.14(c)], from mailing to that last Business Day.
-- The Asset Sale Offer Amount: "the Net Cash Proceeds (rounded down to the nearest $1,000) ... multiplied by a
-- fraction, the numerator of which is the principal amount of the Notes outstanding ... and the denominator of which
-- is the principal amount of the Notes outstanding plus the aggregate principal amount of Indebtedness under the Credit
-- Agreement and the Specified Pari Passu Indebtedness outstanding (determined as of the close of business on the day
-- immediately preceding the date notice ... is mailed)" [Indenture § 4.14(b)(B)]. The NCP is the pool at that close;
-- it is floored before the fraction (R-I18). Undrawn letters of credit count in the Credit Agreement when
-- asset_sale_offer_include_undrawn_letters_of_credit is 1 (R-I45, default).
amounts as (
    select
        a.*,
        cast(cast(floor(a.pool_at_d0 * 0.001) as decimal(38, 0)) * 1000 as decimal(38, 2)) as ncp_rounded_down,
        a.credit_agreement_principal + case when a.include_letters_of_credit = 1 then a.credit_agreement_letters_of_credit else 0 end
            as credit_agreement_indebtedness,
        last_business_day_before(a.asset_sale_purchase_date) as offer_closes_on,
        (select b.is_business_day from business_days as b where b.day = a.asset_sale_purchase_date) as purchase_on_business_day
    from answered as a
),

cents as (
    select
        a.*,
        a.notes_outstanding + a.credit_agreement_indebtedness + a.specified_pari_passu_indebtedness as denominator,
        cast(a.ncp_rounded_down * 100 as hugeint) as ncp_cents,
        cast((a.notes_outstanding + a.credit_agreement_indebtedness + a.specified_pari_passu_indebtedness) * 100 as hugeint) as denominator_cents
    from amounts as a
),

-- The product is rounded up to the cent, so an offer of whole cents passes exactly when it is at least the exact
-- product (E13: 15,030,750).
-- limb (A): "the prepayment of Indebtedness in respect of or under the Credit Agreement and any other Indebtedness of
-- the Company (other than the Notes) entitled to receive payment pursuant to the terms thereof ... (the "Specified Pari
-- Passu Indebtedness"), unless the holders thereof elect not to receive such prepayment" [Indenture § 4.14(b)]: each
-- creditor class's share is the same fraction with its own principal as numerator, rounded down to the cent (R-I70:
-- the most limb (A) may apply to it; with the Notes' share rounded up the three never exceed the NCP), and never more
-- than that principal.
required as (
    select
        a.*,
        -- exact integer arithmetic in cents, all amounts positive: ceil(a / b) = (a + b - 1) // b
        case when a.denominator_cents > 0 then
            cast((a.ncp_cents * cast(a.notes_outstanding * 100 as hugeint) + a.denominator_cents - 1) // a.denominator_cents as decimal(38, 0)) * 0.01
        end as asset_sale_offer_amount,
        case when a.notes_credited_retired_on > a.asset_sale_date then a.notes_credited else 0 end as notes_credit_allowed,
        -- limb (A): floor(NCP x principal / denominator) in integer cents, and never more than the principal ((z))
        case when a.denominator_cents > 0 then cast(least(a.credit_agreement_indebtedness,
            cast(a.ncp_cents * cast(a.credit_agreement_indebtedness * 100 as hugeint) // a.denominator_cents as decimal(38, 0)) * 0.01) as decimal(38, 2))
        end as credit_agreement_prepayment_share,
        case when a.denominator_cents > 0 then cast(least(a.specified_pari_passu_indebtedness,
            cast(a.ncp_cents * cast(a.specified_pari_passu_indebtedness * 100 as hugeint) // a.denominator_cents as decimal(38, 0)) * 0.01) as decimal(38, 2))
        end as specified_pari_passu_prepayment_share
    from cents as a
),

-- "If (x) no Indebtedness is outstanding ... or (y) the holders of such Indebtedness entitled to receive payment elect
-- not to receive the payments ..., or (z) the application of such Net Cash Proceeds results in the complete prepayment
-- of such Indebtedness, then in each case any remaining portion of such Net Cash Proceeds will be required to be
-- applied to an Asset Sale Offer to purchase the Notes" [Indenture § 4.14(b)]: (x) is the fraction itself (no other
-- principal: the Notes' share is the whole); (y) the prepayment declined (the offer's *_prepayment_declined, at most
-- the share) is added to the Notes' offer; (z) what is left once both are prepaid in full (NCP - Credit Agreement -
-- Specified Pari Passu Indebtedness, above the Notes' share) is added too.
applied as (
    select
        r.*,
        -- at most the share (least() would skip a share that cannot be computed: none then)
        case when r.credit_agreement_prepayment_share is not null
            then cast(least(r.credit_agreement_prepayment_declined, r.credit_agreement_prepayment_share) as decimal(38, 2)) end as credit_agreement_declined,
        case when r.specified_pari_passu_prepayment_share is not null
            then cast(least(r.specified_pari_passu_prepayment_declined, r.specified_pari_passu_prepayment_share) as decimal(38, 2)) end as specified_pari_passu_declined,
        -- (z): what both limb (A) classes cannot take once prepaid in full, above the Notes' share (0 unless the NCP
        -- exceed the denominator)
        cast(greatest(0, r.ncp_rounded_down - r.credit_agreement_indebtedness - r.specified_pari_passu_indebtedness - r.asset_sale_offer_amount)
            as decimal(38, 2)) as remaining_after_complete_prepayment
    from required as r
),

-- The offer is at most the Notes outstanding ("the then outstanding Notes"), less the credit: "The Company may credit
-- against its obligation to offer to repurchase Notes ... the principal amount of Notes acquired or held by the Company
-- subsequent to the date of the Asset Sale giving rise to such Asset Sale Offer and surrendered for cancellation or
-- redeemed or called for redemption subsequent to such date and not previously used to satisfy any obligation of the
-- Company to redeem or offer to purchase Notes" [Indenture § 4.14(c)]: the offer's notes_credited counts when
-- notes_credited_retired_on is after the sale date of the Asset Sale whose receipt (or lapsed commitment) made the
-- offer due (the pool reading of R-I19); "not previously used" is the Company's record. The text gives this credit for
-- Notes only: Credit Agreement and Specified Pari Passu Indebtedness repaid are limb (A)'s own application, not a
-- credit against the offer.
credited as (
    select
        r.*,
        cast(r.credit_agreement_prepayment_share - r.credit_agreement_declined as decimal(38, 2)) as credit_agreement_prepayment,
        cast(r.specified_pari_passu_prepayment_share - r.specified_pari_passu_declined as decimal(38, 2)) as specified_pari_passu_prepayment,
        cast(least(r.notes_outstanding,
            r.asset_sale_offer_amount + r.credit_agreement_declined + r.specified_pari_passu_declined + r.remaining_after_complete_prepayment)
            as decimal(38, 2)) as notes_offer_amount,
        cast(greatest(0, least(r.notes_outstanding,
            r.asset_sale_offer_amount + r.credit_agreement_declined + r.specified_pari_passu_declined + r.remaining_after_complete_prepayment)
            - r.notes_credit_allowed) as decimal(38, 2)) as required_offer_amount,
        -- the two clocks, counted from the day the offer became due (R-I19) [Indenture § 4.14(b)(B); § 4.14(c)]
        cast(r.trigger_date + interval 145 day as date) as notice_due_on,
        cast(r.trigger_date + interval 175 day as date) as purchase_due_on
    from applied as r
),

-- notice "mailed ... within 145 days of the receipt" [Indenture § 4.14(c)] (day 145 on time, day 146 late); the
-- Purchase Date and the offer period as above; an offer amount at least the Asset Sale Offer Amount; the purchase
-- completed on or before the Asset Sale Purchase Date.
defects as (
    select
        r.*,
        list_concat(
            case when r.offer_id is null then ['no Asset Sale Offer mailed on or after ' || r.trigger_date] end,
            case when r.notice_mailed_on > r.notice_due_on
                then ['notice mailed ' || r.notice_mailed_on || ', after day 145 (' || r.notice_due_on || ')'] end,
            case when r.asset_sale_purchase_date > r.purchase_due_on
                then ['Asset Sale Purchase Date ' || r.asset_sale_purchase_date || ' after day 175 (' || r.purchase_due_on || ')'] end,
            case when not r.purchase_on_business_day
                then ['Asset Sale Purchase Date ' || r.asset_sale_purchase_date || ' is not a Business Day'] end,
            case when r.offer_closes_on - r.notice_mailed_on < 24
                then ['offer open ' || (r.offer_closes_on - r.notice_mailed_on) || ' days, less than twenty-four'] end,
            case when r.offer_amount < r.required_offer_amount
                then ['offer amount ' || r.offer_amount || ' below the Asset Sale Offer Amount ' || r.asset_sale_offer_amount
                    || case when r.notes_offer_amount <> r.asset_sale_offer_amount then
                        case when r.credit_agreement_declined + r.specified_pari_passu_declined > 0
                            then ' plus prepayments declined ' || (r.credit_agreement_declined + r.specified_pari_passu_declined) else '' end
                        || case when r.remaining_after_complete_prepayment > 0
                            then ' plus Net Cash Proceeds left after complete prepayment ' || r.remaining_after_complete_prepayment else '' end
                        || case when r.notes_offer_amount = r.notes_outstanding then ', at most the Notes outstanding' else '' end
                        || ' = ' || r.notes_offer_amount else '' end
                    || case when r.notes_credit_allowed > 0 then ' less Notes credited ' || r.notes_credit_allowed || ' = ' || r.required_offer_amount else '' end] end,
            case when r.offer_id is not null and (r.purchase_completed_on is null or r.purchase_completed_on > r.asset_sale_purchase_date)
                then ['purchase not completed by the Asset Sale Purchase Date ' || r.asset_sale_purchase_date] end
        ) as defect_list
    from credited as r
)

select * from defects
