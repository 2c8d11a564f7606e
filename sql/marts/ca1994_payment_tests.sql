-- clause: ca-1994/9.2.6(b)
-- clause: ca-1994/9.2.14
-- clause: ca-1994/9.2.11
-- transactions of: asset_sales, restricted_payments
-- Payments and sales the available waivers show a ca-1994 covenant restricts, each tested as an amount (or count) of what
-- is restricted against 0. The base text of 9.2.6, 9.2.11 and 9.2.14 is not available (R-X02); a result is `fail`
-- (pending a waiver) only where a text available itself establishes the restriction, otherwise indeterminate naming the
-- missing section.

-- 9.2.6(b)(i) as restated by the Eleventh Amendment [Eleventh Amendment § 1.3, item E (Credit Agreement § 9.2.6(b)(i))]:
-- the Company shall not "make any payment or prepayment of principal of ... any Subordinated Debt or any New
-- Subordinated Debt": every retirement of Subordinated Debt.
-- 9.2.14: the Eleventh Amendment waives it "to the extent necessary to permit the payment by the Company to MAXXAM of
-- $11,438,000 plus interest from June 30, 1997, under the Tax Allocation Agreement" [Eleventh Amendment § 2, item 1], so
-- 9.2.14 restricts tax-sharing payments to MAXXAM; other payments tagged 9.2.14 are indeterminate.
with payments as (
    select
        'ca-1994/' || ca1994_clause as clause_id,
        payment_date as test_date,
        transaction_id,
        amount as restricted,
        case
            when ca1994_clause = '9.2.6(b)' and payment_kind = 'subordinated_debt_retirement' then true
            when ca1994_clause = '9.2.14' and payment_kind = 'tax_sharing_payment' and recipient_kind = 'maxxam' then true
            else false
        end as established
    from stg_restricted_payments
    where ca1994_clause in ('9.2.6(b)', '9.2.14')
),

-- 9.2.11: the Limited Waiver of August 18, 2000 waives it "to the extent, and only to the extent, necessary to permit the
-- sale of the Center for Technology" [Limited Waiver Regarding Sale of Center for Technology, second paragraph], so
-- 9.2.11 restricts that sale (count 1); every other sale by the group while the agreement was in force (February 15,
-- 1994 to February 11, 2002) is indeterminate.
sales as (
    select
        'ca-1994/9.2.11' as clause_id,
        sale_date as test_date,
        transaction_id,
        1 as restricted,
        seller_entity_id = 'KACC' and asset_description like 'Center for Technology%' as established
    from stg_asset_sales
    where sale_date between date '1994-02-15' and date '2002-02-11'
),

tests as (
    select * from payments
    union all
    select * from sales
),

result_rows as (
    select
        clause_id, test_date, 'transaction' as test_kind, transaction_id,
        case when established then restricted end as actual,
        cast(json_object(
            'restricted', json_object('value', restricted::varchar, 'clause_id', clause_id),
            'restriction_established_by_text_held', json_object('value', established::varchar, 'clause_id', clause_id)
        ) as varchar) as inputs,
        cast(to_json(case when established then []::varchar[] else [
            'Section ' || replace(clause_id, 'ca-1994/', '') || ' of the Credit Agreement of February 15, 1994 (base text not available, R-X02): whether it restricts ' || transaction_id
        ] end) as varchar) as missing_inputs
    from tests
)

select * from result_on_test_date(result_rows)
