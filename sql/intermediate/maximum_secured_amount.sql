-- clause: indenture-1996/def/MaximumSecuredAmount
-- clause: indenture-1996/def/CARIFAFinancing
-- The Maximum Secured Amount [Indenture § 1.01, “Maximum Secured Amount”] on each day it may change: the base amount,
-- plus Net Betterments and the CARIFA Financing, less the attested deductions.

-- "at any time (i) $400,000,000, plus (ii) Net Betterments at such time, plus (iii) the outstanding amount of
-- Indebtedness relating to the CARIFA Financing, secured by a Lien on Permitted Collateral, but in no event more than
-- $43,000,000, minus (iv) ... minus (v) ..." [Indenture § 1.01, “Maximum Secured Amount”]
with parameters as (
    select
        d.test_date,
        cast(parameter('indenture-1996', 'maximum_secured_amount_base', d.test_date) as decimal(38, 2)) as base_amount,
        cast(parameter('indenture-1996', 'carifa_financing_msa_cap', d.test_date) as decimal(38, 2)) as carifa_cap,
        cast(parameter('indenture-1996', 'maximum_secured_amount_deductions_cumulative', d.test_date) as integer) as deductions_cumulative
    from permitted_collateral_test_dates as d
),

-- (iii) CARIFA Financing outstanding = principal secured by the register's unreleased CARIFA Liens on Permitted
-- Collateral
carifa as (
    select
        d.test_date,
        coalesce(sum(l.principal_secured), 0) as carifa_financing_secured
    from parameters as d
    left join stg_liens as l
        on l.is_carifa_financing
        and l.is_permitted_collateral
        and l.created_on <= d.test_date
        and (l.released_on is null or d.test_date < l.released_on)
    group by d.test_date
),

-- Deductions (iv) and (v) are attested amounts (maximum_secured_amount_deduction, dated the sale or Refinancing),
-- cumulative and permanent from their date unless the parameter maximum_secured_amount_deductions_cumulative is 0
-- (R-I07).
deductions as (
    select
        d.test_date,
        coalesce(sum(a.value_amount), 0) as deductions,
        list('maximum_secured_amount_deduction ' || coalesce(a.reference_id, a.attestation_id) || ' is not an amount' order by a.attestation_id)
            filter (where a.attestation_id is not null and a.value_amount is null) as missing
    from parameters as d
    left join current_attestations as a
        on a.subject = 'maximum_secured_amount_deduction'
        and a.period_end <= d.test_date
        and (d.deductions_cumulative = 1 or a.period_end = d.test_date)
    group by d.test_date
)

select
    p.test_date,
    p.base_amount,
    n.net_betterments,
    c.carifa_financing_secured,
    cast(least(p.carifa_cap, c.carifa_financing_secured) as decimal(38, 2)) as carifa_financing_addition,
    cast(x.deductions as decimal(38, 2)) as deductions,
    cast(p.base_amount + n.net_betterments + least(p.carifa_cap, c.carifa_financing_secured) - x.deductions as decimal(38, 2))
        as maximum_secured_amount,
    list_filter(list_concat(n.missing_inputs, x.missing), lambda m: m is not null) as missing_inputs
from parameters as p
join net_betterments as n on n.test_date = p.test_date
join carifa as c on c.test_date = p.test_date
join deductions as x on x.test_date = p.test_date
