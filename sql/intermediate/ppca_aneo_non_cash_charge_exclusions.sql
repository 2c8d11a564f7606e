-- clause: ppca-2002/def/AdjustedNetEarningsFromOperations
-- The ledger of the non-cash charges Adjusted Net Earnings from Operations excludes within caps, (k)-(q)
-- [Sixth Amendment § 1.1(b), “Adjusted Net Earnings from Operations” (k)-(q)], one row per exclusion and fiscal month;
-- ppca_adjusted_net_earnings_from_operations sums it per Fiscal Quarter.

--   (k) lifo_inventory_charges             <= $20,000,000 aggregate      (l) kaiser_center_disposition_charges <= $25,000,000
--   (m) non_cash_pension_expense           per named Fiscal Year (FY2003 $48,000,000, FY2004 $68,000,000, else $0, R-P31)
--   (n) pension_special_charges            <= $25,000,000 in any Fiscal Year, commencing with FY2003 ($0 before, R-P31)
--   (o) impairment_charges                 <= $300,000,000 aggregate, less the attested part below OLV In-Place Value
--   (p) foreign_inventory_writedowns       <= $50,000,000 aggregate
--   (q) accruals "non-cash during the term of this Agreement" arising "solely out of pre-petition liabilities":
--       (i) prepetition_bpa_rejection_accruals <= $80,000,000; (ii) prepetition_labor_claims_accruals <= $250,000,000;
--       (iii) prepetition_pbgc_accruals <= $200,000,000; (iv) asbestos_claims_accruals, no cap;
--       (v) other_prepetition_accruals <= $50,000,000 (aggregate caps).
-- Each cap is the parameter <line item>_exclusion_cap (non_cash_pension_exclusion_cap for (m)) in force at the month end.
with exclusions as (
    select *
    from (values
        ('k', '(k)', 'lifo_inventory_charges', 'lifo_inventory_charges_exclusion_cap', 'agreement'),
        ('l', '(l)', 'kaiser_center_disposition_charges', 'kaiser_center_disposition_charges_exclusion_cap', 'agreement'),
        ('m', '(m)', 'non_cash_pension_expense', 'non_cash_pension_exclusion_cap', 'fiscal_year'),
        ('n', '(n)', 'pension_special_charges', 'pension_special_charges_exclusion_cap', 'fiscal_year'),
        ('o', '(o)', 'impairment_charges', 'impairment_charges_exclusion_cap', 'agreement'),
        ('p', '(p)', 'foreign_inventory_writedowns', 'foreign_inventory_writedowns_exclusion_cap', 'agreement'),
        ('q_i', '(q)(i)', 'prepetition_bpa_rejection_accruals', 'prepetition_bpa_rejection_accruals_exclusion_cap', 'agreement'),
        ('q_ii', '(q)(ii)', 'prepetition_labor_claims_accruals', 'prepetition_labor_claims_accruals_exclusion_cap', 'agreement'),
        ('q_iii', '(q)(iii)', 'prepetition_pbgc_accruals', 'prepetition_pbgc_accruals_exclusion_cap', 'agreement'),
        ('q_iv', '(q)(iv)', 'asbestos_claims_accruals', null, 'none'),
        ('q_v', '(q)(v)', 'other_prepetition_accruals', 'other_prepetition_accruals_exclusion_cap', 'agreement')
    ) as e (exclusion, clause, line_item, cap_parameter, cap_period)
),

-- The line items are non-cash by the contract's definition of them; the (q) line items hold only accruals arising
-- solely from pre-petition liabilities that stay non-cash during the term (R-P25: attested by the classification; if
-- one later becomes cash, the periods must be re-run).
months as (
    select
        q.quarter_end,
        q.fiscal_year,
        cast(last_day(q.quarter_start + to_months(cast(g.n as integer))) as date) as period_end
    from fiscal_quarters as q, generate_series(0, 2) as g (n)
),

first_reported_fiscal_year as (
    select min(fiscal_year) as fiscal_year from fiscal_quarters
),

-- The charge of a month is the group's net activity on the line item that month.
charges as (
    select period_end, line_item, sum(activity) as charge
    from consolidated_ledger
    where not counterparty_in_group
        and line_item in ('lifo_inventory_charges', 'kaiser_center_disposition_charges', 'non_cash_pension_expense',
                          'pension_special_charges', 'impairment_charges', 'foreign_inventory_writedowns',
                          'prepetition_bpa_rejection_accruals', 'prepetition_labor_claims_accruals',
                          'prepetition_pbgc_accruals', 'asbestos_claims_accruals', 'other_prepetition_accruals')
    group by period_end, line_item
),

grid as (
    select
        e.*,
        m.quarter_end,
        m.fiscal_year,
        m.period_end,
        coalesce(c.charge, 0) as charge,
        cast(parameter('ppca-2002', e.cap_parameter, m.period_end) as decimal(38, 2)) as cap,
        (select min(h.effective_from) from parameter_history('ppca-2002', e.cap_parameter) as h) as cap_first_effective
    from exclusions as e
    cross join months as m
    left join charges as c on c.line_item = e.line_item and c.period_end = m.period_end
),

in_force as (
    select
        *,
        cap_period = 'none' or cap is not null as exclusion_in_force,
        -- the (o) charges the OLV attestation concerns: positive charges of months with the cap in force
        case when exclusion = 'o' and cap is not null then greatest(0, charge) else 0 end as olv_relevant_charge
    from grid
),

-- (o) "except for any such charges which reduce the book value of any Eligible Fixed Asset to an amount less than the
-- OLV In-Place Value ... (such exception to apply only to the amount by which the book value ... is less than such OLV
-- In-Place Value as a result of such charges)"
-- (o) OLV exception (R-P24): the Company attests per Fiscal Quarter end, as impairment_below_olv_in_place_value (one
-- row, or one per asset with reference_id, added up), the part of the quarter's impairment charges "which reduce the
-- book value of any Eligible Fixed Asset to an amount less than the OLV In-Place Value", which (o) does not exclude. It
-- is set against the quarter's charges in month order.
olv_attestations as (
    select
        period_end as quarter_end,
        sum(value_amount) as below_olv,
        bool_or(value_amount is null or value_amount < 0) as has_unusable_value,
        list(attestation_id order by attestation_id) as attestation_ids
    from current_attestations
    where subject = 'impairment_below_olv_in_place_value'
    group by period_end
),

olv_quarters as (
    select
        i.quarter_end,
        sum(i.olv_relevant_charge) as quarter_charges,
        any_value(a.below_olv) as below_olv,
        any_value(a.has_unusable_value) as has_unusable_value,
        any_value(a.attestation_ids) as attestation_ids
    from in_force as i
    left join olv_attestations as a on a.quarter_end = i.quarter_end
    where i.exclusion = 'o'
    group by i.quarter_end
),

-- Without a usable attestation (missing, not an amount, negative, or more than the quarter's charges) the whole
-- quarter's charge is treated as not excludable and the attestation is a missing input of that quarter and of every
-- later quarter with impairment charges, whose cap room depends on it.
olv_checked as (
    select
        *,
        quarter_charges > 0 as attestation_required,
        below_olv is not null and not has_unusable_value and below_olv <= quarter_charges as attestation_usable
    from olv_quarters
),

olv_placed as (
    select
        i.*,
        o.attestation_ids as olv_attestation_ids,
        case
            when i.exclusion <> 'o' or not o.attestation_required then 0
            when o.attestation_usable then o.below_olv
            else o.quarter_charges
        end as quarter_not_excludable,
        sum(i.olv_relevant_charge) over (
            partition by i.exclusion, i.quarter_end order by i.period_end rows between unbounded preceding and current row
        ) as quarter_charges_to_date,
        case when i.exclusion = 'o' and o.attestation_required and not o.attestation_usable then [
            'impairment_below_olv_in_place_value (R-P24) for the Fiscal Quarter ending ' || i.quarter_end
            || case
                when o.below_olv is null and not coalesce(o.has_unusable_value, false) then ''
                when coalesce(o.has_unusable_value, false) then ': not a non-negative amount'
                else ': ' || o.below_olv || ' exceeds the quarter''s impairment charges of ' || o.quarter_charges
            end
        ] end as olv_missing
    from in_force as i
    left join olv_checked as o on i.exclusion = 'o' and o.quarter_end = i.quarter_end
),

eligible as (
    select
        *,
        -- the quarter's non-excludable amount set against its charges in month order
        least(quarter_charges_to_date, quarter_not_excludable)
            - least(quarter_charges_to_date - olv_relevant_charge, quarter_not_excludable) as not_excludable,
        case when cap is not null then charge
            - (least(quarter_charges_to_date, quarter_not_excludable)
               - least(quarter_charges_to_date - olv_relevant_charge, quarter_not_excludable))
            else 0 end as counted
    from olv_placed
),

-- R-P05 default: a cap with no stated period is cumulative from the agreement's inception, the parameter's first
-- effective date (2002-02-12); (m) and (n) restart each Fiscal Year. Excluded to date = least(cap, greatest(0, charges
-- to date)).
ledger as (
    select
        *,
        case when cap is not null then least(cap, greatest(0, sum(counted) over (
            partition by exclusion, case when cap_period = 'fiscal_year' then fiscal_year end
            order by period_end rows between unbounded preceding and current row
        ))) end as excluded_to_date,
        -- every (o) attestation problem so far, since each one moves the cap room left for later charges
        flatten(list(olv_missing) filter (where olv_missing is not null) over (
            partition by exclusion order by period_end rows between unbounded preceding and current row
        )) as olv_missing_to_date
    from eligible
),

-- A month's excluded amount is fixed when recorded: a month excludes the increase of the excluded to date, so a later
-- credit (a reversal) is excluded only while it brings the ledger back under the cap, and it never reopens an earlier
-- month. A month before the cap's first effective date excludes nothing and uses nothing (like (m) for FY2002); (q)(iv)
-- has no cap and is excluded whenever recorded.
measured as (
    select
        *,
        case
            when cap_period = 'none' then charge
            when cap is null then 0
            else excluded_to_date - coalesce(lag(excluded_to_date) over (
                partition by exclusion, case when cap_period = 'fiscal_year' then fiscal_year end
                order by period_end
            ), 0)
        end as excluded
    from ledger
)

-- The aggregate caps need every month since the inception: when the trial balances start in a Fiscal Year after the
-- cap's first effective date (a first month's year-to-date balance covers its Fiscal Year), a month with a charge names
-- the missing history.
select
    m.exclusion,
    m.clause,
    m.line_item,
    m.period_end,
    m.quarter_end,
    m.fiscal_year,
    m.cap_parameter,
    m.cap_period,
    cast(m.cap as decimal(38, 2)) as cap,
    m.exclusion_in_force,
    cast(m.charge as decimal(38, 2)) as charge,
    cast(m.not_excludable as decimal(38, 2)) as not_excludable,
    cast(m.excluded as decimal(38, 2)) as excluded,
    cast(m.excluded_to_date as decimal(38, 2)) as cap_used_to_date,
    cast(m.cap - m.excluded_to_date as decimal(38, 2)) as cap_remaining,
    m.olv_attestation_ids,
    case when m.charge <> 0 and m.cap is not null then list_distinct(list_concat(
        m.olv_missing_to_date,
        case when m.cap_period = 'agreement' and f.fiscal_year > year(m.cap_first_effective) then [
            'trial balances from Fiscal Year ' || year(m.cap_first_effective) || ': the ANEO ' || m.clause
            || ' cap is cumulative from ' || m.cap_first_effective || ' (R-P05) and its use before Fiscal Year '
            || f.fiscal_year || ' is unknown'
        ] end
    )) else []::varchar[] end as missing_inputs
from measured as m
cross join first_reported_fiscal_year as f
