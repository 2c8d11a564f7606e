-- clause: indenture-1996/2.03
-- clause: indenture-1996/14.06
-- The Notes' interest schedule. Additional interest under the Registration Rights Agreement is not available (R-I35).

-- "The Notes shall bear interest at the rate per annum of 10 7/8%, payable semi-annually on April 15 and October 15,
-- shall mature on October 15, 2006" [Indenture § 2.03]: every April 15 and October 15 from April 15, 1997 to October
-- 15, 2006.
with payment_dates as (
    select cast(d as date) as payment_date
    from generate_series(timestamp '1997-04-15', timestamp '2006-10-15', interval 6 month) as g (d)
),

-- Interest accrues "from the most recent date to which interest has been paid or duly provided for or, if no interest
-- has been paid ..., from December 23, 1996" [Indenture § 2.03]: the first period runs from December 23, 1996, each
-- later one from the payment date before.
-- Record date: "the close of business on the April 1 or October 1 ... next preceding such interest payment date,
-- whether or not such April 1 or October 1 is a Business Day" [Indenture § 2.03]: never adjusted.
periods as (
    select
        payment_date,
        make_date(year(payment_date), month(payment_date), 1) as record_date,
        coalesce(lag(payment_date) over (order by payment_date), date '1996-12-23') as accrual_start
    from payment_dates
),

-- Day count: "a 360-day year comprised of twelve 30-day months" [Indenture § 2.03], read as the bond basis (a 31st
-- counts as the 30th; the indenture says no more). interest = principal x rate x days_30_360 / 360.
counted as (
    select p.*, days_30_360(p.accrual_start, p.payment_date) as days_30_360
    from periods as p
),

-- 14.06: a payment date that is not a Business Day "may be made on the next succeeding Business Day with the same force
-- and effect ... and no interest shall accrue on or after such original date" [Indenture § 14.06]:
-- payment_date_adjusted is the next Business Day (business_days), the accrual stays unadjusted.
-- Principal: the Notes' principal outstanding at the month end just before the record date (the day before April 1 or
-- October 1); indeterminate when the debt register has no such month end.
priced as (
    select
        c.*,
        next_business_day(c.payment_date) as payment_date_adjusted,
        rb.is_business_day as record_date_is_business_day,
        r.rate,
        n.principal_outstanding,
        n.principal_outstanding * r.rate * c.days_30_360 as interest_times_360
    from counted as c
    cross join lateral (select cast(parameter('indenture-1996', 'notes_interest_rate', c.accrual_start) as decimal(12, 8)) as rate) as r
    left join business_days as rb on rb.day = c.record_date
    left join notes_principal_outstanding as n on n.period_end = c.record_date - 1
)

-- Rounding: the indenture names none. interest_times_360 is exact; interest is that over 360 to 10 decimal places
-- (1/360 has no finite decimal expansion; the 11th decimal onward is dropped), never rounded to the cent here.
select
    payment_date,
    payment_date_adjusted,
    record_date,
    record_date_is_business_day,
    accrual_start,
    payment_date as accrual_end,
    days_30_360,
    rate,
    principal_outstanding,
    interest_times_360,
    over_360_days(interest_times_360) as interest,
    cast(to_json(list_concat(
        case when principal_outstanding is null then ['principal outstanding of the Notes at ' || (record_date - 1) || ' (debt_balances), the month end before the record date ' || record_date] end,
        case when payment_date_adjusted is null then ['the Business Day calendar after ' || payment_date] end,
        []::varchar[]
    )) as varchar) as missing_inputs
from priced
