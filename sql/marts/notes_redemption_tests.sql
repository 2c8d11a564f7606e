-- clause: indenture-1996/3.01
-- transactions of: note_redemptions
-- Each optional redemption of the Notes tested against 3.01 and 3.02; actual counts what is out of line (the policy
-- tests actual <= 0):
-- - "The Company, however, shall not have the right to redeem any of the Notes prior to October 15, 2001"
--   [Indenture § 3.01], and only "on any date prior to maturity" [Indenture § 3.01] (October 15, 2006);
-- - notice mailed "not less than fifteen nor more than sixty days prior to the date fixed for redemption"
-- [Indenture § 3.02],
--   calendar days: 15 and 60 days are in time, 14 and 61 are not;
-- - a portion redeemed "shall be $1,000 or an integral multiple thereof" [Indenture § 3.02].
-- The price is the printed table's for the 12-month period beginning October 15 in which the redemption date falls
-- (notes_redemption_price, R-I34); amount = principal x price + accrued interest "to but excluding the date fixed
-- for redemption" [Indenture § 3.01] at the Notes' rate on 30/360, from the schedule's last payment date (interest
-- taken as paid to it); none when the date fixed is an interest payment date: "such payment shall not include accrued
-- interest, which interest shall be paid in the usual manner" [Indenture § 3.03]. Accrued interest is carried to 10
-- places, never rounded to the cent (the indenture names no rounding).
with priced as (
    select
        r.*,
        (
            select cast(p.value as decimal(12, 5)) from policy_parameters as p
            where p.instrument = 'indenture-1996' and p.name = 'notes_redemption_price' and p.effective_from <= r.redemption_date
            order by p.effective_from desc
            limit 1
        ) as price,
        cast(r.redemption_date - r.notice_mailed_on as integer) as notice_days,
        s.accrual_start,
        s.rate
    from stg_note_redemptions as r
    left join notes_interest_schedule as s on s.accrual_start <= r.redemption_date and r.redemption_date < s.accrual_end
),

counted as (
    select
        *,
        (year(redemption_date) - year(accrual_start)) * 360
            + (month(redemption_date) - month(accrual_start)) * 30
            + (case when day(redemption_date) = 31 and least(day(accrual_start), 30) = 30 then 30 else day(redemption_date) end)
            - least(day(accrual_start), 30) as accrued_days_30_360
    from priced
),

tested as (
    select
        *,
        principal_amount * price as redemption_price_amount,
        principal_amount * rate * accrued_days_30_360 as accrued_interest_times_360,
        list_concat(
            case when price is null then ['redemption before October 15, 2001 is not permitted [Indenture § 3.01]'] end,
            case when redemption_date >= date '2006-10-15' then ['redemption only on a date prior to maturity, October 15, 2006 [Indenture § 3.01]'] end,
            case when notice_days < 15 then ['notice mailed ' || notice_days || ' days before: less than fifteen [Indenture § 3.02]'] end,
            case when notice_days > 60 then ['notice mailed ' || notice_days || ' days before: more than sixty [Indenture § 3.02]'] end,
            case when principal_amount % 1000 <> 0 then ['principal ' || principal_amount || ' is not $1,000 or an integral multiple [Indenture § 3.02]'] end,
            []::varchar[]
        ) as breaches
    from counted
),

amounts as (
    select
        *,
        cast(cast(cast(accrued_interest_times_360 * 10000000000 as hugeint) // 360 as decimal(38, 0)) * 0.0000000001 as decimal(38, 10)) as accrued_interest
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
from amounts
