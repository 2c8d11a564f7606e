-- clause: indenture-1996/def/Indebtedness
-- clause: indenture-1996/def/RedeemableStock
-- clause: indenture-1996/def/CapitalizedLeaseObligations
-- Indebtedness per obligor, instrument and month end, "without duplication" [Indenture § 1.01, “Indebtedness”].
-- One row per item of the definition's clauses (a) to (h), with the amount its exclusions (A) to (E) take out.
with months as (
    select distinct period_end from stg_debt_balances
),

-- Principal of borrowed money and notes is clause (a); Capitalized Lease Obligations (instrument_kind capital_lease)
-- clause (c). Clauses (d)-(g) from the debt register:
-- (d) "all Indebtedness of others secured by a Lien on any asset of such Person" [Indenture § 1.01, “Indebtedness”
-- (d)] (obligor_relationship lien_for_third_party);
-- (e) "preferred stock ... that is Redeemable Stock (... equal to the aggregate liquidation value thereof)"
-- [Indenture § 1.01, “Indebtedness” (e)]: instrument_kind preferred_stock whose maturity_date (the first date it
-- matures, is mandatorily or holder redeemable or exchangeable into Indebtedness) is "on or prior to the scheduled
-- maturity date of the Notes" [Indenture § 1.01, “Redeemable Stock”], October 15, 2006; debt_balances principal is the
-- aggregate liquidation value. Other preferred stock is not Indebtedness and has no row;
-- (f) "all Indebtedness of others guaranteed by such Person" [Indenture § 1.01, “Indebtedness” (f)]
-- (obligor_relationship guarantee_of_third_party), at "the maximum liability of any such contingent obligations"
-- [Indenture § 1.01, “Indebtedness”], which debt_balances records;
-- (g) Assumed Pension Obligations [Indenture § 1.01, “Indebtedness” (g)].
principal as (
    select
        b.period_end,
        i.obligor_entity_id,
        i.instrument_id,
        case
            when i.obligor_relationship = 'lien_for_third_party' then 'd'
            when i.obligor_relationship = 'guarantee_of_third_party' then 'f'
            when i.instrument_kind = 'preferred_stock' then 'e'
            when i.instrument_kind = 'assumed_pension_obligations' then 'g'
            when i.instrument_kind = 'capital_lease' then 'c'
            else 'a'
        end as indebtedness_clause,
        i.indebtedness_exclusion,
        b.principal_outstanding as recorded,
        b._row as source_row
    from stg_debt_balances as b
    join stg_debt_instruments as i on i.instrument_id = b.instrument_id
    where i.indenture_basket <> 'not-indebtedness'
        -- preferred stock is Indebtedness only when it is Redeemable Stock [Indenture § 1.01, “Redeemable Stock”]
        and (i.instrument_kind <> 'preferred_stock' or i.maturity_date <= date '2006-10-15')
),

-- (d) at "the lesser of the fair market value at such date of any asset subject to any Lien ... and the amount of the
-- Indebtedness secured" [Indenture § 1.01, “Indebtedness”]: the FMV is attested (encumbered_asset_fair_market_value,
-- the latest on or before the month end, R-I11); without it the secured amount stands and the row is missing an input.
-- (g) at "the amount determined by the Company in good faith as evidenced by a certificate of the Chief Financial
-- Officer ... delivered to the Trustee" [Indenture § 1.01, “Indebtedness”] (attestation
-- assumed_pension_obligations_cfo_certificate, the latest on or before the month end); without it the register's
-- balance is shown and the row is missing an input.
attested as (
    select
        p.*,
        (
            select a.value_amount from current_attestations as a
            where a.subject = case p.indebtedness_clause
                    when 'd' then 'encumbered_asset_fair_market_value'
                    else 'assumed_pension_obligations_cfo_certificate' end
                and a.reference_id = p.instrument_id and a.period_end <= p.period_end and a.value_amount is not null
            order by a.period_end desc, a.attested_on desc, a.attestation_id desc
            limit 1
        ) as attested_amount
    from principal as p
    where p.indebtedness_clause in ('d', 'g')
),

measured as (
    select
        p.period_end,
        p.obligor_entity_id,
        p.instrument_id,
        p.indebtedness_clause,
        p.indebtedness_exclusion,
        case p.indebtedness_clause
            when 'd' then least(p.recorded, coalesce(a.attested_amount, p.recorded))
            when 'g' then coalesce(a.attested_amount, p.recorded)
            else p.recorded
        end as amount,
        p.source_row,
        case
            when p.indebtedness_clause = 'd' and a.attested_amount is null
                then ['encumbered_asset_fair_market_value of ' || p.instrument_id || ' on ' || p.period_end
                    || ' (def/Indebtedness (d): the lesser of that value and the amount secured, R-I11)']
            when p.indebtedness_clause = 'g' and a.attested_amount is null
                then ['assumed_pension_obligations_cfo_certificate of ' || p.instrument_id || ' on ' || p.period_end
                    || ' (def/Indebtedness (g): the CFO certificate to the Trustee, R-I11)']
            else []::varchar[]
        end as missing_inputs
    from principal as p
    left join attested as a on a.period_end = p.period_end and a.instrument_id = p.instrument_id
),

-- reimbursement obligations on letters of credit [Indenture § 1.01, “Indebtedness” (a)] are (a) at their stated amount
-- while the letter is outstanding (the maximum liability of a contingent obligation); exclusion (D): "letters of credit
-- to the extent collateralized by cash or Cash Equivalents" (letters_of_credit.cash_collateralized)
letters as (
    select
        m.period_end,
        i.obligor_entity_id,
        l.lc_id as instrument_id,
        'a' as indebtedness_clause,
        case when l.cash_collateralized then 'D' else i.indebtedness_exclusion end as indebtedness_exclusion,
        cast(l.stated_amount as decimal(38, 2)) as amount,
        l._row as source_row,
        []::varchar[] as missing_inputs
    from months as m
    join raw_letters_of_credit as l on l.issue_date <= m.period_end and m.period_end <= l.expiry_date
    join stg_debt_instruments as i on i.instrument_id = l.facility_instrument_id
),

-- (h): "all obligations under Refinancing Sale and Leaseback Transactions" [Indenture § 1.01, “Indebtedness” (h)] at
-- their Attributable Debt [Indenture § 1.01, “Indebtedness”], at each month end from consummation until the lease term
-- ends (attributable_debt)
refinancing_sale_and_leasebacks as (
    select
        m.period_end,
        a.seller_entity_id as obligor_entity_id,
        a.transaction_id as instrument_id,
        'h' as indebtedness_clause,
        cast(null as varchar) as indebtedness_exclusion,
        a.attributable_debt as amount,
        s._row as source_row,
        []::varchar[] as missing_inputs
    from months as m
    join attributable_debt as a on a.transaction_date <= m.period_end and m.period_end < a.lease_ends_on
    join stg_sale_leasebacks as s on s.transaction_id = a.transaction_id
    where a.is_refinancing_sale_and_leaseback
),

items as (
    select * from measured
    union all
    select * from letters
    union all
    select * from refinancing_sale_and_leasebacks
),

-- Exclusions: an instrument tagged A-ordinary-course, B, C, D or E is excluded whole; an instrument tagged A-nrmc is
-- excluded only within "an aggregate principal amount at any time outstanding not exceeding $7,500,000"
-- [Indenture § 1.01, “Indebtedness” (A)] (parameter nrmc_indebtedness_exclusion_cap, R-I13: the cap reads on the NRMC
-- limb only), allocated to the NRMC instruments in instrument_id order.
nrmc_cap as (
    select
        m.period_end,
        cast(parameter('indenture-1996', 'nrmc_indebtedness_exclusion_cap', m.period_end) as decimal(38, 2)) as cap
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
    t.source_row,
    t.missing_inputs
from items as t
left join nrmc_allocated as n on n.period_end = t.period_end and n.instrument_id = t.instrument_id
left join nrmc_cap as c on c.period_end = t.period_end
