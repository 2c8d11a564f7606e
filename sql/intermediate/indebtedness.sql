-- clause: indenture-1996/def/Indebtedness
-- Indebtedness per obligor, instrument and month end, "without duplication" [IND L1640]. Principal of borrowed money
-- and notes is clause (a); Capitalized Lease Obligations (instrument_kind capital_lease) clause (c); reimbursement
-- obligations on letters of credit [IND L1645] are (a) at their stated amount while the letter is outstanding (the
-- maximum liability of a contingent obligation). Exclusions: (D) "letters of credit to the extent collateralized by cash
-- or Cash Equivalents" (letters_of_credit.cash_collateralized); an instrument tagged A-ordinary-course, B, C, D or E is
-- excluded whole; an instrument tagged A-nrmc is excluded only within "an aggregate principal amount at any time
-- outstanding not exceeding $7,500,000" [IND L1705-1708] (parameter nrmc_indebtedness_exclusion_cap, AMB-I13: the cap
-- reads on the NRMC limb only), allocated to the NRMC instruments in instrument_id order. Clause (h): "all obligations
-- under Refinancing Sale and Leaseback Transactions" [IND L1677] at their Attributable Debt [IND L1697], at each month
-- end from consummation until the lease term ends (attributable_debt).
with months as (
    select distinct period_end from stg_debt_balances
),

principal as (
    select
        b.period_end,
        i.obligor_entity_id,
        i.instrument_id,
        case when i.instrument_kind = 'capital_lease' then 'c' else 'a' end as indebtedness_clause,
        i.indebtedness_exclusion,
        b.principal_outstanding as amount,
        b._row as source_row
    from stg_debt_balances as b
    join stg_debt_instruments as i on i.instrument_id = b.instrument_id
    where i.indenture_basket <> 'not-indebtedness'
),

letters as (
    select
        m.period_end,
        i.obligor_entity_id,
        l.lc_id as instrument_id,
        'a' as indebtedness_clause,
        case when l.cash_collateralized then 'D' else i.indebtedness_exclusion end as indebtedness_exclusion,
        cast(l.stated_amount as decimal(38, 2)) as amount,
        l._row as source_row
    from months as m
    join raw_letters_of_credit as l on l.issue_date <= m.period_end and m.period_end <= l.expiry_date
    join stg_debt_instruments as i on i.instrument_id = l.facility_instrument_id
),

refinancing_sale_and_leasebacks as (
    select
        m.period_end,
        a.seller_entity_id as obligor_entity_id,
        a.transaction_id as instrument_id,
        'h' as indebtedness_clause,
        cast(null as varchar) as indebtedness_exclusion,
        a.attributable_debt as amount,
        s._row as source_row
    from months as m
    join attributable_debt as a on a.transaction_date <= m.period_end and m.period_end < a.lease_ends_on
    join stg_sale_leasebacks as s on s.transaction_id = a.transaction_id
    where a.is_refinancing_sale_and_leaseback
),

items as (
    select * from principal
    union all
    select * from letters
    union all
    select * from refinancing_sale_and_leasebacks
),

nrmc_cap as (
    select
        m.period_end,
        (
            select cast(p.value as decimal(38, 2)) from policy_parameters as p
            where p.instrument = 'indenture-1996' and p.name = 'nrmc_indebtedness_exclusion_cap' and p.effective_from <= m.period_end
            order by p.effective_from desc
            limit 1
        ) as cap
    from months as m
),

nrmc_allocated as (
    select
        t.*,
        coalesce(sum(t.amount) over (
            partition by t.period_end order by t.instrument_id rows between unbounded preceding and 1 preceding
        ), 0) as nrmc_before
    from items as t
    where t.indebtedness_exclusion = 'A-nrmc'
)

select
    t.period_end,
    t.obligor_entity_id,
    t.instrument_id,
    t.indebtedness_clause,
    t.indebtedness_exclusion,
    t.amount as gross_amount,
    cast(case
        when t.indebtedness_exclusion is null then 0
        when t.indebtedness_exclusion = 'A-nrmc' then least(t.amount, greatest(c.cap - n.nrmc_before, 0))
        else t.amount
    end as decimal(38, 2)) as excluded_amount,
    cast(t.amount - case
        when t.indebtedness_exclusion is null then 0
        when t.indebtedness_exclusion = 'A-nrmc' then least(t.amount, greatest(c.cap - n.nrmc_before, 0))
        else t.amount
    end as decimal(38, 2)) as indebtedness,
    t.source_row
from items as t
left join nrmc_allocated as n on n.period_end = t.period_end and n.instrument_id = t.instrument_id
left join nrmc_cap as c on c.period_end = t.period_end
