-- clause: ca-1994/9.2.2(a)(iii)
-- clause: ca-1994/9.2.2(b)(i)(A)
-- transactions of: incurrences, restricted_payments
-- The two 9.2.2 debt baskets restated by the Eleventh Amendment (October 20, 1997, R-C10) whose measure is in the
-- base Credit Agreement, not available (R-X02): always indeterminate, naming what is missing, with the part the
-- available texts let us compute shown in the inputs.

-- 9.2.2(a)(iii) [Eleventh Amendment § 1.3, item C (Credit Agreement § 9.2.2(a)(iii))]: "Indebtedness existing as of the
-- Effective Date which is identified in Item 4 ("Ongoing Indebtedness") of the Disclosure Schedule; provided, however,
-- that if the Company shall redeem or retire any Subordinated Debt, then the aggregate principal amount of Ongoing
-- Indebtedness permitted by this clause shall be reduced by an amount equal to the amount of such Subordinated Debt
-- redeemed or retired" [Eleventh Amendment § 1.3, item C (Credit Agreement § 9.2.2(a)(iii))]. Both the cap and which
-- debt is Ongoing Indebtedness come from Item 4, so actual and threshold are null; the step-down (principal only, R-C09
-- default) is the principal of every Subordinated Debt redeemed or retired, however paid for: a payment in
-- restricted_payments naming the instrument it retires (cash, repurchase or redemption), and the proceeds of an
-- Incurrence applied to Subordinated Debt. A redemption recorded both ways (the payment and the proceeds applied to the
-- same instrument on the same day) is one redemption, counted once from the payment (R-C61). Counted from the Eleventh
-- Amendment (the text before it is absent). One maintenance row on October 20, 1997 and one transaction row per
-- retirement.
with paid_retirements as (
    select p.payment_date as retired_on, p.transaction_id, p.retired_instrument_id as instrument_id,
        p.principal_retired
    from stg_restricted_payments as p
    join stg_debt_instruments as d on d.instrument_id = p.retired_instrument_id
    where d.ca1994_debt_class = 'subordinated_debt' and p.principal_retired > 0
        and p.payment_date >= date '1997-10-20'
),

retirements as (
    select retired_on, transaction_id, principal_retired from paid_retirements
    union all
    select i.incurrence_date, i.transaction_id, i.proceeds_applied_amount
    from stg_incurrences as i
    join stg_debt_instruments as d on d.instrument_id = i.proceeds_applied_to_instrument_id
    where d.ca1994_debt_class = 'subordinated_debt' and i.proceeds_applied_amount > 0
        and i.incurrence_date >= date '1997-10-20'
        and not exists (
            select 1 from paid_retirements as r
            where r.instrument_id = i.proceeds_applied_to_instrument_id and r.retired_on = i.incurrence_date)
),

ongoing_indebtedness_dates as (
    select date '1997-10-20' as test_date, 'maintenance' as test_kind, cast(null as varchar) as transaction_id,
        cast(0 as decimal(38, 2)) as principal_retired
    union all
    select retired_on, 'transaction', transaction_id, principal_retired from retirements
),

ongoing_indebtedness as (
    select
        'ca-1994/9.2.2(a)(iii)' as clause_id,
        o.test_date,
        o.test_kind,
        o.transaction_id,
        cast(null as decimal(38, 2)) as actual,
        cast(json_object(
            'subordinated_debt_retired', json_object('value', o.principal_retired::varchar, 'clause_id', 'ca-1994/9.2.2(a)(iii)'),
            'cumulative_subordinated_debt_retired', json_object('value', coalesce((
                select sum(r.principal_retired) from retirements as r where r.retired_on <= o.test_date), 0)::varchar,
                'clause_id', 'ca-1994/9.2.2(a)(iii)')
        ) as varchar) as inputs,
        ['Disclosure Schedule item 4 (Ongoing Indebtedness), not available'] as missing_inputs
    from ongoing_indebtedness_dates as o
),

-- 9.2.2(b)(i)(A) [Eleventh Amendment § 1.3, item D (Credit Agreement § 9.2.2(b)(i)(A))]: "Indebtedness of the Company
-- in respect of (A) the Senior Debt": no amount or condition stated; what the Senior Debt is (and whether the base text
-- limits it) is defined in the base Credit Agreement. Actual = principal outstanding of the instruments counsel classes
-- senior_debt (R-X04): the latest month-end balance on or before the test date plus what was incurred after that month
-- end. One maintenance row on October 20, 1997 and one transaction row per later incurrence of Senior Debt.
senior_debt_dates as (
    select date '1997-10-20' as test_date, 'maintenance' as test_kind, cast(null as varchar) as transaction_id
    union all
    select i.incurrence_date, 'transaction', i.transaction_id
    from stg_incurrences as i
    join stg_debt_instruments as d on d.instrument_id = i.instrument_id
    where d.ca1994_debt_class = 'senior_debt' and i.incurrence_date >= date '1997-10-20'
),

senior_debt_outstanding as (
    select
        t.*,
        coalesce((
            select sum(b.principal_outstanding) from stg_debt_balances as b
            join stg_debt_instruments as d on d.instrument_id = b.instrument_id
            where d.ca1994_debt_class = 'senior_debt'
                and b.period_end = (select max(b2.period_end) from stg_debt_balances as b2
                                    where b2.instrument_id = b.instrument_id and b2.period_end <= t.test_date)
        ), 0) as balance_at_month_end,
        coalesce((
            select sum(i.amount) from stg_incurrences as i
            join stg_debt_instruments as d on d.instrument_id = i.instrument_id
            where d.ca1994_debt_class = 'senior_debt'
                and i.incurrence_date > last_day(t.test_date - interval 1 month) and i.incurrence_date <= t.test_date
        ), 0) as incurred_since_month_end
    from senior_debt_dates as t
),

senior_debt as (
    select
        'ca-1994/9.2.2(b)(i)(A)' as clause_id,
        test_date,
        test_kind,
        transaction_id,
        cast(balance_at_month_end + incurred_since_month_end as decimal(38, 2)) as actual,
        cast(json_object(
            'senior_debt_month_end_balance', json_object('value', balance_at_month_end::varchar, 'clause_id', 'ca-1994/9.2.2(b)(i)(A)'),
            'senior_debt_incurred_since_month_end', json_object('value', incurred_since_month_end::varchar, 'clause_id', 'ca-1994/9.2.2(b)(i)(A)')
        ) as varchar) as inputs,
        ['definition of Senior Debt (and the Senior Indenture) in the Credit Agreement of February 15, 1994, not available (R-X02): 9.2.2(b)(i)(A) as restated states no amount or condition'] as missing_inputs
    from senior_debt_outstanding
),

tests as (
    select * from ongoing_indebtedness
    union all
    select * from senior_debt
),

result_rows as (
    select
        clause_id, test_date, test_kind, transaction_id, actual,
        cast(null as decimal(38, 2)) as threshold,
        inputs,
        cast(to_json(missing_inputs) as varchar) as missing_inputs
    from tests
)

select * from result_on_test_date(result_rows)
