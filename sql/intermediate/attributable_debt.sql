-- clause: indenture-1996/def/AttributableDebt
-- clause: indenture-1996/def/RefinancingSaleAndLeasebackTransaction
-- Attributable Debt of each sale and leaseback, "as of the date of consummation of such transaction, the greater of (a)
-- the Fair Market Value of the property ... and (b) the present value (discounted at the interest rate borne by the
-- Notes, compounded semi-annually) of the total obligations of the lessee for rental payments during the remaining term
-- of the lease ... (including any period for which such lease has been extended)"
-- [Indenture § 1.01, “Attributable Debt”]. Rentals are level and paid in arrears (sale_leasebacks extract).

-- The Notes bear 10 7/8% (2.01, parameter notes_interest_rate), so a half-year discounts by 1 / (1 + 0.10875 / 2) =
-- 1600 / 1687; an annual rental period by (1600 / 1687)^2. Other rental frequencies would need a fractional power of
-- that factor and are left indeterminate (missing input).
with recursive leases as (
    select
        s.*,
        -- discount factor of one rental period, to 18 places
        case s.payments_per_year
            when 2 then h.half_year
            when 1 then round(h.half_year * h.half_year, 18)
        end as period_discount
    from stg_sale_leasebacks as s
    -- 1 / (1 + r / 2) = 2 / (2 + r) for the Notes' rate r (at most 8 decimals), truncated to 18 places by integer
    -- division; a lease before the Indenture is discounted at the rate the Notes bear from its date
    cross join lateral (
        select cast(
            cast(2 as hugeint) * cast(100000000000000000000000000 as hugeint)
                // cast((2 + cast(parameter('indenture-1996', 'notes_interest_rate', greatest(s.transaction_date, date '1996-12-23'))
                    as decimal(12, 8))) * 100000000 as hugeint)
            as decimal(38, 0)) * 0.000000000000000001 as half_year
    ) as h
),

discount_factors (transaction_id, k, factor) as (
    select transaction_id, 1, cast(period_discount as decimal(38, 18))
    from leases
    where period_discount is not null and number_of_payments >= 1
    union all
    select f.transaction_id, f.k + 1, cast(round(f.factor * l.period_discount, 18) as decimal(38, 18))
    from discount_factors as f
    join leases as l on l.transaction_id = f.transaction_id
    where f.k < l.number_of_payments
),

-- Exact arithmetic (decimal / decimal is DOUBLE in DuckDB): 2 / (2 + r) is truncated to 18 decimal places by integer
-- division, each power v^k is rounded to 18 places, and the present value P x sum(v^k) is rounded to the cent once, at
-- the end. The error before that rounding is below P x n^2 x 1e-18 (under $0.001 for P = $100,000,000 and n = 100).
present_values as (
    select
        l.transaction_id,
        cast(round(l.periodic_rental * coalesce(sum(f.factor), 0), 2) as decimal(38, 2)) as present_value_of_rentals
    from leases as l
    left join discount_factors as f on f.transaction_id = l.transaction_id
    where l.period_discount is not null
    group by l.transaction_id, l.periodic_rental
),

-- A sale and leaseback is a Refinancing Sale and Leaseback Transaction iff "the Attributable Debt is at least
-- $100,000,000, and [it] is designated by the Company as a Refinancing Sale and Leaseback Transaction in a notice to the
-- Trustee" [Indenture § 1.01, “Refinancing Sale and Leaseback Transaction”]: >= $100,000,000 and designated with a
-- notice date. It then is not an Asset Sale [Indenture § 1.01, “Asset Sale”] and its obligations are Indebtedness (h)
-- in the amount of its Attributable Debt [Indenture § 1.01, “Indebtedness” (h); § 1.01, “Indebtedness”], until the
-- lease term ends.
valued as (
    select
        l.*,
        p.present_value_of_rentals,
        case when p.present_value_of_rentals is not null
            then cast(greatest(l.fair_market_value, p.present_value_of_rentals) as decimal(38, 2)) end as attributable_debt,
        cast(parameter('indenture-1996', 'refinancing_sale_and_leaseback_minimum_attributable_debt', l.transaction_date) as decimal(38, 2))
            as minimum_attributable_debt
    from leases as l
    left join present_values as p on p.transaction_id = l.transaction_id
)

select
    transaction_id,
    transaction_date,
    seller_entity_id,
    property,
    cast(fair_market_value as decimal(38, 2)) as fair_market_value,
    periodic_rental,
    payments_per_year,
    number_of_payments,
    present_value_of_rentals,
    attributable_debt,
    designated_as_rslt,
    trustee_notice_date,
    minimum_attributable_debt,
    coalesce(attributable_debt >= minimum_attributable_debt and designated_as_rslt and trustee_notice_date is not null, false)
        as is_refinancing_sale_and_leaseback,
    cast(transaction_date + to_months(lease_term_months) as date) as lease_ends_on,
    case when attributable_debt is null
        then ['present value of the rentals of ' || transaction_id || ' paid ' || payments_per_year
            || ' times a year (only semi-annual or annual rentals discount exactly at the Notes'' semi-annual rate)']
        else []::varchar[] end as missing_inputs
from valued
