-- clause: ca-1994/amend11/waiver-1/amount
-- clause: ca-1994/amend11/waiver-A/cap
-- transactions of: restricted_payments
-- The figures the Eleventh Amendment's limited waivers make conditions, one row per payment they may cover.

-- waiver-1 [Eleventh Amendment § 2, item 1]: the payment to MAXXAM of "$11,438,000 plus interest from June 30, 1997,
-- under the Tax Allocation Agreement": the payment against $11,438,000 plus the attested interest
-- (maxxam_tax_allocation_interest); the rate is in the Tax Allocation Agreement, not available (R-C02), so without the
-- attestation a payment above $11,438,000 cannot be checked.
with maxxam as (
    select
        'ca-1994/amend11/waiver-1/amount' as clause_id,
        p.payment_date as test_date,
        p.transaction_id,
        p.amount as actual,
        i.interest,
        case
            when i.interest is not null then w.payment + i.interest
            when p.amount <= w.payment then w.payment
        end as threshold
    from stg_restricted_payments as p
    left join lateral (
        select cast(a.value as decimal(38, 2)) as interest from current_attestations as a
        where a.subject = 'maxxam_tax_allocation_interest' and a.reference_id = p.transaction_id
        order by a.period_end desc limit 1
    ) as i on true
    cross join lateral (select cast(parameter('ca-1994', 'maxxam_tax_allocation_payment', p.payment_date) as decimal(38, 0)) as payment) as w
    where p.ca1994_clause = '9.2.14'
),

-- waiver-A [Eleventh Amendment § 2, item A]: "the sum of (a) the aggregate principal amount of any Subordinated Debt
-- redeemed, retired, repurchased or defeased by the Company pursuant to this waiver and (b) the aggregate amount of any
-- premium" shall not exceed the net proceeds of New Subordinated Debt plus the net proceeds of Parent Guarantor
-- offerings "consummated after the Eleventh Amendment Effective Date and prior to December 31, 1998" loaned or
-- contributed to the Company. The payment amount is principal plus premium (accrued interest and costs are not
-- counted).
retirements as (
    select
        transaction_id,
        payment_date,
        sum(amount) over (order by payment_date, transaction_id rows unbounded preceding) as retired_to_date
    from stg_restricted_payments
    where ca1994_clause = '9.2.6(b)' and payment_kind = 'subordinated_debt_retirement'
),

new_subordinated_debt as (
    select
        i.transaction_id,
        i.incurrence_date,
        i.amount - (select cast(a.value as decimal(38, 2)) from current_attestations as a
                     where a.subject = 'new_subordinated_debt_issue_costs' and a.reference_id = i.transaction_id
                     order by a.period_end desc limit 1) as net_proceeds
    from stg_incurrences as i
    join stg_debt_instruments as d on d.instrument_id = i.instrument_id
    where d.ca1994_debt_class = 'new_subordinated_debt'
),

-- A Parent Guarantor offering is read from the Company's equity_issuances purchased by KAC, dated when the proceeds
-- reached the Company (the window is exclusive at both ends: after October 20, 1997, before December 31, 1998, R-C10).
cap as (
    select
        r.transaction_id,
        r.payment_date,
        r.retired_to_date,
        (select sum(n.net_proceeds) from new_subordinated_debt as n where n.incurrence_date <= r.payment_date) as debt_proceeds,
        (select count(*) from new_subordinated_debt as n where n.incurrence_date <= r.payment_date and n.net_proceeds is null)
            as debt_proceeds_missing,
        (select coalesce(sum(e.net_proceeds), 0) from raw_equity_issuances as e
         where e.issuer_entity_id = 'KACC' and e.purchaser_kind = 'kac'
             and e.issue_date > date '1997-10-20' and e.issue_date < date '1998-12-31'
             and e.issue_date <= r.payment_date) as parent_offering_proceeds
    from retirements as r
),

rows_ as (
    select clause_id, test_date, transaction_id, actual, threshold,
        json_object('interest_attested', json_object('value', interest::varchar, 'clause_id', clause_id)) as inputs,
        case when threshold is null then ['attestation maxxam_tax_allocation_interest for ' || transaction_id || ': interest from June 30, 1997 under the Tax Allocation Agreement (not available, R-C02)'] else []::varchar[] end as missing
    from maxxam
    union all
    select 'ca-1994/amend11/waiver-A/cap', payment_date, transaction_id, retired_to_date,
        coalesce(debt_proceeds, 0) + parent_offering_proceeds,
        json_object(
            'new_subordinated_debt_net_proceeds', json_object('value', coalesce(debt_proceeds, 0)::varchar, 'clause_id', 'ca-1994/def/NewSubordinatedDebt'),
            'parent_guarantor_offering_net_proceeds', json_object('value', parent_offering_proceeds::varchar, 'clause_id', 'ca-1994/amend11/waiver-A')
        ),
        case when debt_proceeds_missing > 0 then ['attestation new_subordinated_debt_issue_costs for every New Subordinated Debt incurrence on or before ' || payment_date] else []::varchar[] end
    from cap
),

result_rows as (
    select
        clause_id, test_date, 'transaction' as test_kind, transaction_id, actual,
        cast(threshold as decimal(38, 2)) as threshold,
        cast(inputs as varchar) as inputs,
        cast(to_json(missing) as varchar) as missing_inputs
    from rows_
)

select * from result_on_test_date(result_rows)
