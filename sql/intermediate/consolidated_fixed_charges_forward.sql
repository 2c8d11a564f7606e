-- clause: indenture-1996/def/ConsolidatedFixedChargeCoverageRatio
-- clause: indenture-1996/def/ConsolidatedFixedCharges
-- clause: indenture-1996/4.10(a)
-- clause: indenture-1996/def/Indebtedness
-- clause: indenture-1996/11.01(a)
-- clause: indenture-1996/15.03(b)
-- For each coverage test: Consolidated Fixed Charges "to be accrued" over FQ(TD) and the next three quarters "based upon
-- the pro forma amount of Indebtedness to be outstanding on the Transaction Date"
-- [Indenture § 1.01, “Consolidated Fixed Charge Coverage Ratio” (ii)], with the 4.10(b)(ii) headroom deemed drawn
-- where the test requires it. Every amount is carried multiplied by 26280.
with tests as (
    select * from coverage_ratio_tests
),

-- Division is not exact in SQL, so every amount is carried multiplied by 26280 = lcm(360, 365): 30/360 accrues principal
-- x rate x 26280 (360/360 of a year); actual/360 principal x rate x days x 73; actual/365 principal x rate x days x 72,
-- where days runs from the first day of FQ(TD) to the last day of FQ(TD)+3. Debt incurred during FQ(TD) counts from its
-- first day ("as if ... incurred on the first day of the fiscal quarter", [Indenture § 1.01, “Consolidated Fixed Charge
-- Coverage Ratio” (ii)]), and all TD debt for the whole year. Letter of credit fees use the same fraction.
debt as (
    select
        t.clause_id,
        t.test_kind,
        t.transaction_id,
        t.test_date,
        d.instrument_id,
        d.indenture_basket,
        d.principal,
        d.missing_inputs,
        case d.day_count
            when '30/360' then d.principal * d.rate * 26280
            when 'actual/360' then d.principal * d.rate * t.forward_days * 73
            when 'actual/365' then d.principal * d.rate * t.forward_days * 72
        end as interest_x26280,
        case d.day_count
            when '30/360' then d.letters_of_credit_outstanding * coalesce(d.letter_of_credit_fee_rate, 0) * 26280
            when 'actual/360' then d.letters_of_credit_outstanding * coalesce(d.letter_of_credit_fee_rate, 0) * t.forward_days * 73
            when 'actual/365' then d.letters_of_credit_outstanding * coalesce(d.letter_of_credit_fee_rate, 0) * t.forward_days * 72
        end as letter_of_credit_fees_x26280
    from tests as t
    join pro_forma_indebtedness as d on d.transaction_date = t.transaction_date
),

debt_totals as (
    select
        clause_id,
        test_kind,
        transaction_id,
        test_date,
        sum(coalesce(interest_x26280, 0)) as interest_x26280,
        sum(coalesce(letter_of_credit_fees_x26280, 0)) as letter_of_credit_fees_x26280,
        sum(principal) filter (where indenture_basket = '4.10(b)(ii)') as credit_agreement_principal,
        sum(interest_x26280) filter (where indenture_basket = '4.10(b)(ii)' and principal > 0) as credit_agreement_interest_x26280,
        sum(principal) filter (where indenture_basket = '4.10(b)(ii)' and principal > 0) as credit_agreement_weighting_principal,
        flatten(list(missing_inputs order by instrument_id) filter (where missing_inputs is not null)) as missing_inputs
    from debt
    group by clause_id, test_kind, transaction_id, test_date
),

-- What is outstanding under (b)(ii) is Indebtedness, not principal alone: def/Indebtedness (a) includes "reimbursement
-- obligations on letters of credit", contingent ones at their maximum liability [Indenture § 1.01, “Indebtedness” (a);
-- § 1.01, “Indebtedness”], less exclusion (D) "letters of credit to the extent collateralized by cash or Cash
-- Equivalents". The letters of credit are read from indebtedness_basket_movements, the movements the 4.10(b)(ii) basket
-- ledger runs on (issued on issue_date, gone the day after expiry_date, (D) applied), so the ratio deems exactly what
-- the ledger shows as remaining. So is the Attributable Debt of a Refinancing Sale and Leaseback Transaction:
-- Indebtedness (h) [Indenture § 1.01, “Indebtedness” (h); § 1.01, “Indebtedness”] Incurred "in connection with
-- Refinancing Sale and Leaseback Transactions" under (b)(ii) [Indenture § 4.10(b)(ii)], from consummation to the end of
-- the lease term, as the ledger carries it; it bears no interest here (its rentals are not Indebtedness interest) and so
-- does not weight the rate.
-- (b)(ii) letters of credit outstanding on each Transaction Date and not cash-collateralised (def/Indebtedness (a), (D)),
-- and the Attributable Debt of Refinancing Sale and Leaseback Transactions under (b)(ii) (def/Indebtedness (h))
credit_agreement_movements as (
    select
        d.transaction_date,
        sum(m.amount) filter (where m.entry_kind in ('letter_of_credit_issued', 'letter_of_credit_expired')) as letters_of_credit,
        sum(m.amount) filter (where m.entry_kind in ('refinancing_sale_and_leaseback', 'sale_and_leaseback_ended')) as attributable_debt
    from (select distinct transaction_date from tests) as d
    join indebtedness_basket_movements as m
        on m.basket = '4.10(b)(ii)'
        and m.entry_kind in ('letter_of_credit_issued', 'letter_of_credit_expired', 'refinancing_sale_and_leaseback', 'sale_and_leaseback_ended')
        and m.entry_date <= d.transaction_date
    group by d.transaction_date
),

-- Preferred dividends, hedging costs and discount amortization to be accrued are the attested
-- projected_other_fixed_charges for the test (R-I02).
projections as (
    select reference_id, period_end, value_amount, attestation_id
    from current_attestations
    where subject = 'projected_other_fixed_charges'
),

fallback_rates as (
    select reference_id, period_end, value_rate, attestation_id, attested_on
    from current_attestations
    where subject = 'credit_agreement_fallback_rate' and value_rate is not null
),

assembled as (
    select
        t.*,
        coalesce(dt.interest_x26280, 0) as interest_x26280,
        coalesce(dt.letter_of_credit_fees_x26280, 0) as letter_of_credit_fees_x26280,
        coalesce(dt.credit_agreement_principal, 0) as credit_agreement_principal,
        coalesce(cm.letters_of_credit, 0) as credit_agreement_letters_of_credit,
        coalesce(cm.attributable_debt, 0) as credit_agreement_attributable_debt,
        dt.credit_agreement_interest_x26280,
        dt.credit_agreement_weighting_principal,
        dt.missing_inputs as debt_missing_inputs,
        (
            select p.value_amount from projections as p
            where p.reference_id = t.projection_reference_id
                and (t.test_kind = 'transaction' or p.period_end = t.test_date)
            order by p.period_end desc
            limit 1
        ) as projected_other_fixed_charges,
        -- "after taking into account any reduction in such amount as set forth in such Section 4.10(b)(ii)"
        -- [Indenture § 4.10(a)]: the amount on the Transaction Date, as reduced by Board Resolutions (R-I60)
        case when t.clause_id in ('indenture-1996/4.10(a)', 'indenture-1996/11.01(a)(iii)', 'indenture-1996/15.03(b)(i)(C)')
            then c.amount end as permitted_credit_agreement_amount,
        c.reduced_by as permitted_credit_agreement_reduced_by,
        -- the rate attested for this transaction, else the latest attested on or before the Transaction Date
        (
            select f.value_rate from fallback_rates as f
            where f.period_end <= t.transaction_date
            order by (f.reference_id is not distinct from t.transaction_id) desc, f.period_end desc, f.attested_on desc, f.attestation_id desc
            limit 1
        ) as credit_agreement_fallback_rate
    from tests as t
    left join debt_totals as dt
        on dt.clause_id = t.clause_id
        and dt.test_kind = t.test_kind
        and dt.transaction_id is not distinct from t.transaction_id
        and dt.test_date = t.test_date
    left join credit_agreement_movements as cm on cm.transaction_date = t.transaction_date
    left join permitted_credit_agreement_amount as c
        on c.effective_from = (select max(x.effective_from) from permitted_credit_agreement_amount as x where x.effective_from <= t.transaction_date)
),

-- 4.10(a) only, and the tests of whether one "could incur $1.00 of Indebtedness pursuant to Section 4.10(a)"
-- (11.01(a)(iii), 15.03(b)(i)(C)): "the full amount ... under Section 4.10(b)(ii)" is deemed Incurred
-- [Indenture § 4.10(a)]. R-I41 ( 0.4.1): "Deem headroom = cap_(b)(ii) - outstanding_(b)(ii) Incurred on the Transaction
-- Date at the weighted-average rate of the (b)(ii) Indebtedness then outstanding." So headroom = permitted amount -
-- ((b)(ii) principal on TD + (b)(ii) letters of credit outstanding on TD that are not cash-collateralised), floor 0.
deemed as (
    select
        *,
        case when clause_id in ('indenture-1996/4.10(a)', 'indenture-1996/11.01(a)(iii)', 'indenture-1996/15.03(b)(i)(C)')
            then greatest(0, coalesce(permitted_credit_agreement_amount, 0)
                - (credit_agreement_principal + credit_agreement_letters_of_credit + credit_agreement_attributable_debt))
        end as deemed_draw_principal
    from assembled
),

-- The rate is the principal-weighted average of the (b)(ii) instruments' forward cost (letters of credit carry no
-- interest; their own fees stay in letter_of_credit_fees_x26280 and are not re-priced): headroom x sum(interest_x26280
-- of (b)(ii)) / sum(principal of (b)(ii)). That quotient is kept exactly as deemed_draw_interest_numerator /
-- deemed_draw_interest_divisor. No (b)(ii) principal outstanding (nothing, or letters of credit only): the attested
-- credit_agreement_fallback_rate (R-I04) for a full year (the test's own attestation, else the latest before TD).
deemed_rational as (
    select
        *,
        case
            when deemed_draw_principal is null or deemed_draw_principal = 0 then 0
            when credit_agreement_weighting_principal > 0
                then cast(deemed_draw_principal * 100 as hugeint) * cast(credit_agreement_interest_x26280 * 10000000000 as hugeint)
            else cast(deemed_draw_principal * coalesce(credit_agreement_fallback_rate, 0) * 26280 * 10000000000 as hugeint) * 100
        end as deemed_numerator_units,  -- in units of 1e-12 (x26280 dollars)
        case
            when credit_agreement_weighting_principal > 0 and coalesce(deemed_draw_principal, 0) > 0
                then cast(credit_agreement_weighting_principal * 100 as hugeint)
            else cast(100 as hugeint)
        end as deemed_divisor_units  -- in cents
    from deemed
),

-- deemed_draw_interest_x26280 is the quotient rounded UP at the tenth decimal (exact whenever the division is, e.g. one
-- (b)(ii) instrument or equal rates), so a rounded ratio can only be lower, never a false pass of "greater than 2.0".
deemed_interest as (
    select
        *,
        -- ceiling of numerator / divisor, in units of 1e-10 (hugeint // truncates toward zero; the amounts are >= 0)
        deemed_numerator_units // deemed_divisor_units
            + case when deemed_numerator_units % deemed_divisor_units > 0 then 1 else 0 end as deemed_quotient_units
    from deemed_rational
),

totals as (
    select
        *,
        cast(cast(deemed_quotient_units as decimal(38, 0)) * 0.0000000001 as decimal(38, 10)) as deemed_draw_interest_x26280,
        cast(coalesce(projected_other_fixed_charges, 0) * 26280 as decimal(38, 10)) as projected_other_fixed_charges_x26280
    from deemed_interest
)

select
    clause_id, test_kind, transaction_id, test_date, transaction_date,
    forward_start, forward_end, forward_days,
    cast(interest_x26280 as decimal(38, 10)) as interest_x26280,
    cast(letter_of_credit_fees_x26280 as decimal(38, 10)) as letter_of_credit_fees_x26280,
    projected_other_fixed_charges,
    projected_other_fixed_charges_x26280,
    permitted_credit_agreement_amount,
    permitted_credit_agreement_reduced_by,
    cast(credit_agreement_principal as decimal(38, 2)) as credit_agreement_principal,
    cast(credit_agreement_letters_of_credit as decimal(38, 2)) as credit_agreement_letters_of_credit,
    cast(credit_agreement_attributable_debt as decimal(38, 2)) as credit_agreement_attributable_debt,
    cast(credit_agreement_principal + credit_agreement_letters_of_credit + credit_agreement_attributable_debt as decimal(38, 2))
        as credit_agreement_indebtedness,
    cast(deemed_draw_principal as decimal(38, 2)) as deemed_draw_principal,
    case when coalesce(deemed_draw_principal, 0) > 0 and coalesce(credit_agreement_weighting_principal, 0) = 0
        then credit_agreement_fallback_rate end as credit_agreement_fallback_rate,
    -- the exact deemed-draw interest x 26280 is deemed_draw_interest_numerator / deemed_draw_interest_divisor
    cast(cast(deemed_numerator_units as decimal(38, 0)) * 0.000000000001 as decimal(38, 12)) as deemed_draw_interest_numerator,
    cast(cast(deemed_divisor_units as decimal(38, 0)) * 0.01 as decimal(38, 2)) as deemed_draw_interest_divisor,
    deemed_draw_interest_x26280,
    deemed_numerator_units % deemed_divisor_units = 0 as deemed_draw_interest_exact,
    cast(interest_x26280 + letter_of_credit_fees_x26280 + projected_other_fixed_charges_x26280 + deemed_draw_interest_x26280
        as decimal(38, 10)) as consolidated_fixed_charges_forward_x26280,
    26280 as divisor,
    -- to the cent, for reading only (exact: the x26280 amount / 26280): integer arithmetic, half away from zero
    cast(cast(sign(cast(interest_x26280 * 10000000000 as hugeint))
        * ((abs(cast(interest_x26280 * 10000000000 as hugeint)) + 1314000000000) // 2628000000000) as decimal(38, 0)) * 0.01
        as decimal(38, 2)) as interest_to_the_cent,
    cast(cast(sign(cast(letter_of_credit_fees_x26280 * 10000000000 as hugeint))
        * ((abs(cast(letter_of_credit_fees_x26280 * 10000000000 as hugeint)) + 1314000000000) // 2628000000000) as decimal(38, 0)) * 0.01
        as decimal(38, 2)) as letter_of_credit_fees_to_the_cent,
    cast(cast(sign(cast(deemed_draw_interest_x26280 * 10000000000 as hugeint))
        * ((abs(cast(deemed_draw_interest_x26280 * 10000000000 as hugeint)) + 1314000000000) // 2628000000000) as decimal(38, 0)) * 0.01
        as decimal(38, 2)) as deemed_draw_interest_to_the_cent,
    list_sort(list_distinct(list_concat(
        missing_inputs,
        debt_missing_inputs,
        case when projected_other_fixed_charges is null then
            ['projected_other_fixed_charges (R-I02) for ' || case when test_kind = 'transaction' then transaction_id else 'quarter-end ' || test_date end] end,
        case when clause_id in ('indenture-1996/4.10(a)', 'indenture-1996/11.01(a)(iii)', 'indenture-1996/15.03(b)(i)(C)') and permitted_credit_agreement_amount is null
            then ['the amount of 4.10(b)(ii) (parameter permitted_credit_agreement_amount) on ' || transaction_date] end,
        case when coalesce(deemed_draw_principal, 0) > 0 and coalesce(credit_agreement_weighting_principal, 0) = 0
                and credit_agreement_fallback_rate is null
            then ['credit_agreement_fallback_rate (R-I04) on ' || transaction_date] end
    ))) as missing_inputs
from totals
