-- clause: ca-1994/9.2.2(b)(i)(B)
-- clause: ca-1994/9.2.2(b)(i)(C)
-- clause: ca-1994/9.2.2(b)(i)(D)
-- clause: ca-1994/9.2.5(u)
-- clause: ca-1994/9.2.3(y)
-- transactions of: attestations, incurrences, restricted_payments
-- The ca-1994 baskets as a ledger (the ledger columns). Each cap is the amount in force on the day its text takes
-- effect (cap_from): before it the capacity is null.

-- 9.2.2(b)(i) as restated by the Eleventh Amendment (October 20, 1997, R-C10) [Eleventh Amendment § 1.3, item D
-- (Credit Agreement § 9.2.2(b)(i))]: New Senior Debt "does not exceed $200,000,000", Additional New Senior Debt "does
-- not exceed $50,000,000", New Subordinated Debt "does not exceed $450,000,000": principal issued less principal
-- repaid; before the Eleventh Amendment the clause's text is not available, so the capacity is null (R-X02).
with debt_classes as (
    select debt_class, clause_id, basket, cast(parameter('ca-1994', cap_parameter, date '1997-10-20') as decimal(38, 0)) as cap
    from (values
        ('new_senior_debt', 'ca-1994/9.2.2(b)(i)(B)', 'New Senior Debt', 'new_senior_debt_cap'),
        ('additional_new_senior_debt', 'ca-1994/9.2.2(b)(i)(C)', 'Additional New Senior Debt', 'additional_new_senior_debt_cap'),
        ('new_subordinated_debt', 'ca-1994/9.2.2(b)(i)(D)', 'New Subordinated Debt', 'new_subordinated_debt_cap')
    ) as c (debt_class, clause_id, basket, cap_parameter)
),

debt_entries as (
    select c.clause_id, c.basket, c.cap, date '1997-10-20' as cap_from, i.incurrence_date as entry_date,
        i.transaction_id, i.description, i.amount
    from stg_incurrences as i
    join stg_debt_instruments as d on d.instrument_id = i.instrument_id
    join debt_classes as c on c.debt_class = d.ca1994_debt_class
    union all
    select c.clause_id, c.basket, c.cap, date '1997-10-20', i.incurrence_date, i.transaction_id,
        'Repaid from the proceeds of ' || i.transaction_id, -i.proceeds_applied_amount
    from stg_incurrences as i
    join stg_debt_instruments as d on d.instrument_id = i.proceeds_applied_to_instrument_id
    join debt_classes as c on c.debt_class = d.ca1994_debt_class
    where i.proceeds_applied_amount > 0
),

-- 9.2.5(u) [Thirteenth Amendment § 1.5, item E (Credit Agreement § 9.2.5(u))]: Investments in Venezuela Aluminum
-- Partners and/or CAVSA "not to exceed $210,000,000 in the aggregate at any one time outstanding" (net of returns,
-- R-C06 default), from the Thirteenth Amendment (July 20, 1998).
venezuela_entries as (
    select 'ca-1994/9.2.5(u)' as clause_id, 'Venezuela Investments' as basket,
        cast(parameter('ca-1994', 'venezuela_investments_cap', date '1998-07-20') as decimal(38, 0)) as cap,
        date '1998-07-20' as cap_from, payment_date as entry_date, transaction_id, description,
        case when payment_kind = 'return_of_investment' then -amount else amount end as amount
    from stg_restricted_payments
    where ca1994_clause = '9.2.5(u)'
    union all
    -- 9.2.3(y) [Thirteenth Amendment § 1.5, item B (Credit Agreement § 9.2.3(y))]: Liens on Venezuela Pledged Cash "not
    -- to exceed $100,000,000 at any one time outstanding".
    select 'ca-1994/9.2.3(y)', 'Liens on Venezuela Pledged Cash',
        cast(parameter('ca-1994', 'venezuela_pledged_cash_liens_cap', date '1998-07-20') as decimal(38, 0)), date '1998-07-20', period_end,
        attestation_id, 'Venezuela Pledged Cash attested: ' || value,
        cast(value as decimal(38, 2)) - coalesce(lag(cast(value as decimal(38, 2))) over (order by period_end), 0)
    from current_attestations
    where subject = 'venezuela_pledged_cash' and reference_id is null
),

entries as (
    select * from debt_entries
    union all
    select * from venezuela_entries
),

running as (
    select
        *,
        sum(amount) over (partition by clause_id order by entry_date, transaction_id rows unbounded preceding) as usage,
        case when entry_date >= cap_from then cap end as capacity_in_force
    from entries
),

ledger_rows as (
    select
        clause_id, basket, 'at_any_one_time_outstanding' as measure, entry_date, transaction_id, description,
        amount, usage as usage_after, capacity_in_force as capacity,
        cast(json_object(
            'capacity_from', json_object('value', cap_from::varchar, 'clause_id', clause_id),
            'cap', json_object('value', cap::varchar, 'clause_id', clause_id)
        ) as varchar) as inputs
    from running
)

select * from basket_ledger_rows(ledger_rows)
