-- clause: indenture-1996/4.14(b)-(c)
-- clause: indenture-1996/4.14(d)
-- clause: indenture-1996/4.14(e)
-- The dated obligations of 4.14, in calendar days as the clause counts them from the receipt of the Net Cash Proceeds
-- (day 145 is on time, day 146 late).

-- Reinvestment commitment within 140 days, per receipt [Indenture § 4.14(d); § 4.14(e)(ii)]. The commitment is an
-- option, not an obligation (is_option): the Company "shall have no obligation to make an Asset Sale Offer ... if, and
-- to the extent, the Company ... commits within 140 days" [Indenture § 4.14(d)]; not committing sends the proceeds to
-- the offer pool, it breaches nothing, so the calendar says `lapsed`, never `missed` (R-I72).
select
    case when is_4_14_e then 'indenture-1996/4.14(e)' else 'indenture-1996/4.14(d)' end as clause_id,
    'commit to reinvest the Net Cash Proceeds' as obligation,
    receipt_id as reference_id,
    receipt_date as trigger_date,
    commitment_due as due_date,
    'none' as business_day_convention,
    'commits within 140 days of the receipt of such Net Cash Proceeds to reinvest [Indenture § 4.14(d)]; what is not committed goes to the Asset Sale Offer pool' as rule,
    case when committed_in_time > 0 then first_committed_on end as completed_on,
    to_json(missing_inputs)::varchar as missing_inputs,
    true as is_option
from asset_sale_reinvestments

union all

-- Offer notice within 145 days [Indenture § 4.14(c)] and the Asset Sale Purchase Date, a Business Day no later than day
-- 175 (convention preceding) [Indenture § 4.14(b)(B)], per day an offer became due (R-I19: the pool's threshold
-- crossing).
select
    'indenture-1996/4.14(b)-(c)',
    k.obligation,
    coalesce(o.offer_id, 'due-' || o.trigger_date),
    o.trigger_date,
    case k.days when 145 then o.notice_due_on else o.purchase_due_on end,
    k.convention,
    k.rule,
    case k.days when 145 then o.notice_mailed_on else o.purchase_completed_on end,
    to_json(coalesce(o.pool_missing, []::varchar[]))::varchar,
    false
from asset_sale_offer_obligations as o
cross join (
    values
        ('mail notice of the Asset Sale Offer', 145, 'none',
         'notice mailed within 145 days of the receipt of such Net Cash Proceeds [Indenture § 4.14(c)]; clock from the pool first exceeding $25,000,000 (R-I19)'),
        ('purchase the Notes tendered on the Asset Sale Purchase Date', 175, 'preceding',
         'on any Business Day occurring no later than 175 days after the receipt ... of such Net Cash Proceeds [Indenture § 4.14(b)(B)]')
) as k (obligation, days, convention, rule)

union all

-- The offer open at least twenty-four days from mailing [Indenture § 4.14(c)]: due_date is the earliest day it may
-- close, and completed_on the last Business Day before the purchase date (business_days).
select
    'indenture-1996/4.14(b)-(c)',
    'keep the Asset Sale Offer open at least twenty-four days',
    offer_id,
    notice_mailed_on,
    cast(notice_mailed_on + interval 24 day as date),
    'none',
    'open from the time of mailing until the last Business Day before the Asset Sale Purchase Date, but in no event for a period less than twenty-four days [Indenture § 4.14(c)]; the due date is the earliest close',
    offer_closes_on,
    '[]',
    false
from asset_sale_offer_obligations
where offer_id is not null

union all

-- Use of committed proceeds by the last day of the 12th (24th) month after the month of receipt [Indenture § 4.14(d)].
select
    clause_id,
    'substantially utilise the committed Net Cash Proceeds',
    transaction_id,
    period_start,
    period_end,
    'none',
    'substantially so utilized no later than the last day of the twelfth (twenty-fourth if over $200,000,000) consecutive month following the month of receipt [Indenture § 4.14(d)]',
    case when actual >= threshold then (json_extract_string(inputs, '$.utilised_as_of.value'))::date end,
    missing_inputs,
    false
from asset_sale_reinvestment_tests
