-- clause: indenture-1996/3.01
-- transactions of: note_redemptions
-- Each optional redemption of the Notes tested against 3.01 and 3.02; actual counts what is out of line (the policy
-- tests actual <= 0).

-- The price, the accrued interest to but excluding the date fixed for redemption and the redemption amount are those
-- of notes_purchase_prices (the printed table's price for the 12-month period beginning October 15, R-I34; 30/360
-- interest from the schedule's last payment date, none on an interest payment date [Indenture § 3.03]; 10 places).
with tested as (
    select
        r.*,
        p.price,
        p.accrued_days_30_360,
        p.accrued_interest,
        p.price_amount as redemption_price_amount,
        cast(r.redemption_date - r.notice_mailed_on as integer) as notice_days
    from stg_note_redemptions as r
    left join notes_purchase_prices as p on p.purchase_kind = 'redemption' and p.reference_id = r.redemption_id
),

-- - "The Company, however, shall not have the right to redeem any of the Notes prior to October 15, 2001"
--   [Indenture § 3.01], and only "on any date prior to maturity" [Indenture § 3.01] (October 15, 2006);
-- - notice mailed "not less than fifteen nor more than sixty days prior to the date fixed for redemption"
--   [Indenture § 3.02], calendar days: 15 and 60 days are in time, 14 and 61 are not;
-- - a portion redeemed "shall be $1,000 or an integral multiple thereof" [Indenture § 3.02].
breached as (
    select
        *,
        list_concat(
            case when price is null then ['redemption before October 15, 2001 is not permitted [Indenture § 3.01]'] end,
            case when redemption_date >= date '2006-10-15' then ['redemption only on a date prior to maturity, October 15, 2006 [Indenture § 3.01]'] end,
            case when notice_days < 15 then ['notice mailed ' || notice_days || ' days before: less than fifteen [Indenture § 3.02]'] end,
            case when notice_days > 60 then ['notice mailed ' || notice_days || ' days before: more than sixty [Indenture § 3.02]'] end,
            case when principal_amount % 1000 <> 0 then ['principal ' || principal_amount || ' is not $1,000 or an integral multiple [Indenture § 3.02]'] end,
            []::varchar[]
        ) as breaches
    from tested
)

select
    'indenture-1996/3.01' as clause_id,
    redemption_date as test_date,
    'transaction' as test_kind,
    redemption_id as transaction_id,
    notice_mailed_on as period_start,
    redemption_date as period_end,
    cast(len(breaches) as decimal(38, 2)) as actual,
    cast(0 as decimal(38, 2)) as threshold_reduction,
    cast(json_object(
        'principal_amount', json_object('value', principal_amount::varchar, 'clause_id', 'indenture-1996/3.01'),
        'redemption_price', json_object('value', coalesce(price::varchar, 'none: not redeemable'), 'clause_id', 'indenture-1996/3.01'),
        'notice_days', json_object('value', notice_days::varchar, 'clause_id', 'indenture-1996/3.01'),
        'redemption_price_amount', json_object('value', coalesce(redemption_price_amount::varchar, 'none'), 'clause_id', 'indenture-1996/3.01'),
        'accrued_days_30_360', json_object('value', coalesce(accrued_days_30_360::varchar, 'none'), 'clause_id', 'indenture-1996/2.03'),
        'accrued_interest', json_object('value', coalesce(accrued_interest::varchar, 'none'), 'clause_id', 'indenture-1996/2.03'),
        'redemption_amount', json_object('value', coalesce((redemption_price_amount + accrued_interest)::varchar, 'none'), 'clause_id', 'indenture-1996/3.01'),
        'breaches', json_object('value', coalesce(nullif(array_to_string(breaches, '; '), ''), 'none'), 'clause_id', 'indenture-1996/3.01')
    ) as varchar) as inputs,
    '[]' as missing_inputs
from breached
