-- clause: indenture-1996/4.10(b)
-- clause: indenture-1996/4.10(d)
-- Every change in the Indebtedness each 4.10 basket carries, dated. Each kind (entry_kind) is described above its
-- branch of movements.
with instruments as (
    select * from stg_debt_instruments
),

months as (
    select distinct period_end from stg_debt_balances
),

-- each instrument from its first reported month end to the last month end of the extracts; no row = zero principal
grid as (
    select i.instrument_id, m.period_end
    from instruments as i
    join (select instrument_id, min(period_end) as first_month from stg_debt_balances group by instrument_id) as f
        on f.instrument_id = i.instrument_id
    join months as m on m.period_end >= f.first_month
),

balances as (
    select
        g.instrument_id,
        g.period_end,
        coalesce(b.principal_outstanding, 0) as principal,
        lag(g.period_end) over (partition by g.instrument_id order by g.period_end) as previous_end,
        coalesce(lag(coalesce(b.principal_outstanding, 0)) over (partition by g.instrument_id order by g.period_end), 0) as previous_principal
    from grid as g
    left join stg_debt_balances as b on b.instrument_id = g.instrument_id and b.period_end = g.period_end
),

explained as (
    select
        b.instrument_id,
        b.period_end,
        b.principal - b.previous_principal
            - coalesce((select sum(n.amount) from stg_incurrences as n
                where n.instrument_id = b.instrument_id
                    and n.incurrence_date <= b.period_end
                    and (b.previous_end is null or n.incurrence_date > b.previous_end)), 0)
            + coalesce((select sum(n.proceeds_applied_amount) from stg_incurrences as n
                where n.proceeds_applied_to_instrument_id = b.instrument_id
                    and n.incurrence_date <= b.period_end
                    and (b.previous_end is null or n.incurrence_date > b.previous_end)), 0) as amount,
        b.previous_end is null as is_opening
    from balances as b
),

movements as (
    -- incurrence: each Incurrence, on its date, under its basket. 4.10(d): "Indebtedness permitted ... under more than
    -- one clause ... need be included under only one such clause and shall not use up any other clause"
    -- [Indenture § 4.10(d)], so an Incurrence counts under the one clause the incurrences extract names, and nowhere
    -- else.
    select
        n.incurrence_date as entry_date,
        1 as entry_order,
        n.transaction_id,
        n.instrument_id,
        n.basket,
        n.basket_detail,
        'incurrence' as entry_kind,
        n.amount,
        n.description,
        null as obligor_entity_id,
        null as letter_of_credit_clause
    from stg_incurrences as n

    union all

    -- proceeds_repaid: principal repaid from an Incurrence's proceeds, under the repaid instrument's basket, the same
    -- day.
    select
        n.incurrence_date,
        2,
        n.transaction_id || '/repaid',
        n.proceeds_applied_to_instrument_id,
        i.indenture_basket,
        null,
        'proceeds_repaid',
        -n.proceeds_applied_amount,
        'Principal of ' || n.proceeds_applied_to_instrument_id || ' repaid from the proceeds of ' || n.transaction_id,
        null,
        null
    from stg_incurrences as n
    join instruments as i on i.instrument_id = n.proceeds_applied_to_instrument_id
    where n.proceeds_applied_amount <> 0

    union all

    -- balance_change: the rest of each month's movement in an instrument's month-end principal (scheduled repayments,
    -- revolving borrowings and repayments not recorded as Incurrences), at the month end, under the instrument's
    -- basket; an instrument's first month end carries its opening balance.
    select
        e.period_end,
        3,
        e.instrument_id || '/' || strftime(e.period_end, '%Y-%m'),
        e.instrument_id,
        i.indenture_basket,
        null,
        'balance_change',
        e.amount,
        case when e.is_opening then 'Opening principal of ' else 'Month-end principal movement of ' end || e.instrument_id
            || ' not recorded as an Incurrence',
        null,
        null
    from explained as e
    join instruments as i on i.instrument_id = e.instrument_id
    where e.amount <> 0

    union all

    -- letter_of_credit_issued / letter_of_credit_expired: letters of credit not collateralised by cash (Indebtedness
    -- exclusion (D)) under their facility's basket, the day issued and the day after expiry. A letter of credit with a
    -- permitted_indebtedness_clause is Permitted Indebtedness under 4.10(b)(xii) (e.g. (h), self-insurance letters of
    -- credit) and counts there only, not under its facility's basket (4.10(d)).
    select l.issue_date, 0, l.lc_id, l.facility_instrument_id,
        case when l.permitted_indebtedness_clause is not null then '4.10(b)(xii)' else i.indenture_basket end, null,
        'letter_of_credit_issued', cast(l.stated_amount as decimal(38, 2)),
        'Letter of credit ' || l.lc_id || ' issued for ' || l.beneficiary, null, l.permitted_indebtedness_clause
    from raw_letters_of_credit as l
    join instruments as i on i.instrument_id = l.facility_instrument_id
    where not l.cash_collateralized

    union all

    select l.expiry_date + 1, 0, l.lc_id || '/expired', l.facility_instrument_id,
        case when l.permitted_indebtedness_clause is not null then '4.10(b)(xii)' else i.indenture_basket end, null,
        'letter_of_credit_expired', -cast(l.stated_amount as decimal(38, 2)), 'Letter of credit ' || l.lc_id || ' expired', null,
        l.permitted_indebtedness_clause
    from raw_letters_of_credit as l
    join instruments as i on i.instrument_id = l.facility_instrument_id
    where not l.cash_collateralized

    union all

    -- refinancing_sale_and_leaseback / sale_and_leaseback_ended: a Refinancing Sale and Leaseback Transaction's
    -- Attributable Debt (Indebtedness (h) [Indenture § 1.01, “Indebtedness” (h); § 1.01, “Indebtedness”]) under
    -- 4.10(b)(ii), "in connection with Refinancing Sale and Leaseback Transactions" [Indenture § 4.10(b)(ii)], from
    -- consummation to the end of the lease term (attributable_debt); it has no debt instrument, its obligor is the
    -- seller-lessee.
    select a.transaction_date, 1, a.transaction_id, null, '4.10(b)(ii)', null, 'refinancing_sale_and_leaseback',
        a.attributable_debt, 'Attributable Debt of the Refinancing Sale and Leaseback Transaction ' || a.transaction_id
            || ' (' || a.property || ')', a.seller_entity_id, null
    from attributable_debt as a
    where a.is_refinancing_sale_and_leaseback

    union all

    select a.lease_ends_on, 2, a.transaction_id || '/lease_ended', null, '4.10(b)(ii)', null, 'sale_and_leaseback_ended',
        -a.attributable_debt, 'Lease term of the Refinancing Sale and Leaseback Transaction ' || a.transaction_id || ' ended',
        a.seller_entity_id, null
    from attributable_debt as a
    where a.is_refinancing_sale_and_leaseback
)

-- permitted_indebtedness_clause: the clause (a)-(j) of def/PermittedIndebtedness a 4.10(b)(xii) movement is classified
-- in (the letter of credit's own, else the instrument's); null when unknown.
select
    m.entry_date,
    m.entry_order,
    m.transaction_id,
    m.instrument_id,
    coalesce(i.obligor_entity_id, m.obligor_entity_id) as obligor_entity_id,
    coalesce(i.instrument_kind, 'refinancing_sale_and_leaseback') as instrument_kind,
    m.basket,
    m.basket_detail,
    m.entry_kind,
    cast(m.amount as decimal(38, 2)) as amount,
    m.description,
    year(m.entry_date) as fiscal_year,
    case when m.basket = '4.10(b)(xii)'
        then coalesce(m.letter_of_credit_clause, i.permitted_indebtedness_clause) end as permitted_indebtedness_clause
from movements as m
left join instruments as i on i.instrument_id = m.instrument_id
