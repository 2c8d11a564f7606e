-- clause: indenture-1996/3.01
-- clause: indenture-1996/3.05(a)
-- clause: indenture-1996/4.14(b)-(c)
-- clause: indenture-1996/2.03
-- What the Company pays for Notes it redeems or purchases: one row per optional redemption, per Asset Sale Offer and
-- day it answers (asset_sale_offer_obligations) and for the first Change of Control, with the price per $1,000
-- principal and for the principal concerned.

-- price x principal + interest accrued to, but not including, the purchase date. arose_on: the day the offer became due
-- (an Asset Sale Offer answering two such days has a row for each), or the day of the Change of Control.
with purchases as (
    -- redemption: the printed price for the 12-month period beginning October 15 (notes_redemption_price, R-I34),
    -- "together with interest accrued to (but not including) the date fixed for redemption" [Indenture § 3.03];
    -- principal is the amount redeemed.
    select 'redemption' as purchase_kind, redemption_id as reference_id, redemption_date as purchase_date,
        principal_amount, cast(null as date) as principal_as_of, cast(null as date) as arose_on, 'notes_redemption_price' as price_parameter
    from stg_note_redemptions
    union all
    -- Asset Sale Offer: "at a price (the "Asset Sale Purchase Price") equal to 100% of the principal amount thereof
    -- together with accrued and unpaid interest, if any, to but not including the Asset Sale Purchase Date"
    -- [Indenture § 4.14(b)] (asset_sale_purchase_price); principal is the amount the Company must offer
    -- (asset_sale_offer_obligations).
    select 'asset_sale_offer', offer_id, asset_sale_purchase_date, required_offer_amount, null, trigger_date, 'asset_sale_purchase_price'
    from asset_sale_offer_obligations
    where offer_id is not null
    union all
    -- Change of Control: "a purchase price in cash equal to 101% of the principal amount thereof plus accrued and
    -- unpaid interest to (but not including) the Change of Control Purchase Date" [Indenture § 3.05(a)]
    -- (change_of_control_purchase_price), on the date thirty Business Days after (change_of_control_deadlines);
    -- principal is the Notes outstanding at the last month end on or before the Change of Control (every Note may be
    -- tendered).
    select 'change_of_control', d.reference_id, d.due_date, n.principal_outstanding, n.period_end, d.trigger_date, 'change_of_control_purchase_price'
    from change_of_control_deadlines as d
    left join notes_principal_outstanding as n
        on n.period_end = (select max(m.period_end) from notes_principal_outstanding as m where m.period_end <= d.trigger_date)
    where d.clause_id = 'indenture-1996/3.05(a)'
),

-- Interest accrues at the Notes' rate on "a 360-day year comprised of twelve 30-day months" [Indenture § 2.03] (bond
-- basis) from the interest schedule's last payment date before the purchase date, interest being taken as paid to it
-- (R-I71: an unpaid coupon is a 6.01(a) default of its own, not part of the price). On an interest payment date no
-- interest accrues: "such payment shall not include accrued interest, which interest shall be paid in the usual manner"
-- [Indenture § 3.03], read for 3.05 and 4.14 too (R-I71).
priced as (
    select
        p.*,
        cast(parameter('indenture-1996', p.price_parameter, p.purchase_date) as decimal(12, 5)) as price,
        s.accrual_start,
        s.rate
    from purchases as p
    left join notes_interest_schedule as s on s.accrual_start <= p.purchase_date and p.purchase_date < s.accrual_end
),

counted as (
    select *, days_30_360(accrual_start, purchase_date) as accrued_days_30_360
    from priced
),

-- Accrued interest is carried to 10 places, never rounded to the cent (the indenture names no rounding).
amounts as (
    select
        *,
        principal_amount * price as price_amount,
        over_360_days(principal_amount * rate * accrued_days_30_360) as accrued_interest,
        1000 * price as price_per_1000,
        over_360_days(1000 * rate * accrued_days_30_360) as accrued_interest_per_1000
    from counted
)

select
    purchase_kind,
    reference_id,
    purchase_date,
    price_parameter,
    price,
    accrual_start,
    rate,
    accrued_days_30_360,
    principal_amount,
    principal_as_of,
    arose_on,
    price_amount,
    accrued_interest,
    price_amount + accrued_interest as purchase_price_amount,
    price_per_1000,
    accrued_interest_per_1000,
    price_per_1000 + accrued_interest_per_1000 as purchase_price_per_1000,
    cast(to_json(list_concat(
        case when principal_amount is null and purchase_kind = 'change_of_control'
            then ['principal outstanding of the Notes at a month end on or before ' || arose_on || ' (debt_balances)'] end,
        case when price is null and purchase_kind <> 'redemption'
            then ['parameter ' || price_parameter || ' in force on ' || purchase_date] end,
        case when purchase_date is null then ['the purchase date of ' || reference_id] end,
        case when purchase_date is not null and accrual_start is null
            then ['the Notes'' interest schedule does not cover ' || purchase_date || ' (December 23, 1996 to October 15, 2006)'] end,
        []::varchar[]
    )) as varchar) as missing_inputs
from amounts
