-- clause: indenture-1996/4.14(b)-(c)
-- clause: indenture-1996/4.14(e)
-- The pool of Net Cash Proceeds "so to be applied pursuant to this Section 4.14" [Indenture § 4.14(c)]: every receipt's
-- NCP not committed in time to reinvestment, less the NCP each Asset Sale Offer applied (on its notice date). The pool
-- is cumulative (R-I19).
with events as (
    select
        receipt_date as event_date,
        1 as event_order,
        receipt_id as event_id,
        'receipt' as event_kind,
        transaction_id,
        is_4_14_e,
        net_cash_proceeds - committed_in_time as amount,
        missing_inputs
    from asset_sale_reinvestments
    -- "any Net Cash Proceeds received after the date of this Indenture" [Indenture § 4.14(b)]
    where net_cash_proceeds - committed_in_time > 0 and receipt_date > date '1996-12-23'
    union all
    -- an offer applies its NCP from the day its notice is mailed, before that day's receipts (the balances are taken
    -- at the close of the day before)
    select notice_mailed_on, 0, offer_id, 'offer', null, false, -net_cash_proceeds, []::varchar[]
    from stg_asset_sale_offers
    union all
    -- Committed NCP not substantially used by the 4.14(d)/(e) deadline lose the exemption ("if, and to the extent"
    -- [Indenture § 4.14(d)]) and return to the pool the day after the deadline
    -- (asset_sale_reinvestment_utilisation.lapsed_on), after that day's receipts. The text sets no new clock for them;
    -- read with R-I19, an offer they make due runs its 145/175 days from that day, as from any other day the pool first
    -- exceeds the threshold (LEGAL: the clocks count from "receipt").
    select lapsed_on, 2, 'lapse-' || transaction_id, 'reinvestment_lapse', transaction_id, is_4_14_e, returned_to_pool, utilisation_missing
    from asset_sale_reinvestment_utilisation
    where returned_to_pool > 0 and first_receipt_date > date '1996-12-23'
),

running as (
    select
        e.*,
        sum(e.amount) over (order by e.event_date, e.event_order, e.event_id rows unbounded preceding) as pool_after,
        cast(parameter('indenture-1996', 'asset_sale_offer_threshold', e.event_date) as decimal(38, 2)) as threshold,
        cast(parameter('indenture-1996', 'asset_sale_offer_clock_from_pool_crossing', e.event_date) as integer) as clock_from_pool_crossing
    from events as e
)

-- An offer becomes due when the pool first "exceeds $25,000,000" (> the parameter asset_sale_offer_threshold: exactly
-- $25,000,000 does not) or, "without regard to the Twenty-Five Million Threshold", when uncommitted NCP of a 4.14(e)
-- asset (Gramercy, Nevada micromill, later non-Permitted-Collateral U.S. Fixed Assets) is received
-- [Indenture § 4.14(e)(ii)]. R-I19 (parameter asset_sale_offer_clock_from_pool_crossing, default 1): the 145/175-day
-- clocks run for the whole pool from that day.
select
    event_date,
    event_order,
    event_id,
    event_kind,
    transaction_id,
    is_4_14_e,
    cast(amount as decimal(38, 2)) as amount,
    cast(pool_after - amount as decimal(38, 2)) as pool_before,
    cast(pool_after as decimal(38, 2)) as pool_after,
    threshold,
    clock_from_pool_crossing,
    event_order > 0 and (
        (pool_after > threshold and pool_after - amount <= threshold)
        or (is_4_14_e and pool_after - amount <= threshold)
    ) as triggers_offer,
    missing_inputs
from running
