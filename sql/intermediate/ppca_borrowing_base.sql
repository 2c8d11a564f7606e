-- clause: ppca-2002/def/BorrowingBase(b)
-- clause: ppca-2002/def/NetRecoveryPercentage
-- clause: ppca-2002/def/BorrowingBase(c)
-- clause: ppca-2002/def/PPESubcomponentReduction
-- clause: ppca-2002/def/VALCOPPEReduction
-- clause: ppca-2002/def/AvailabilityReserve
-- The Borrowing Base components the Sixth Amendment replaced, per ppca-2002 Business Day, from the borrowing_base
-- extract and the dated parameters (all effective 2003-08-01; before it the base agreement's clauses, not held,
-- governed and the day names them as missing).
with days as (
    select d.day, d.month_end, b.as_of_date is not null as reported, b.eligible_inventory,
        b.inventory_net_recovery_pct as net_recovery_pct, b.olv_in_place_value, b.revolving_commitment_availability
    from ppca_business_days as d
    left join raw_borrowing_base as b on b.as_of_date = d.day
    where d.is_business_day
),

parameters as (
    select
        d.day,
        cast(parameter('ppca-2002', 'borrowing_base_inventory_cap', d.day) as decimal(38, 6)) as inventory_cap,
        cast(parameter('ppca-2002', 'borrowing_base_inventory_advance_rate', d.day) as decimal(38, 6)) as inventory_rate,
        cast(parameter('ppca-2002', 'borrowing_base_net_recovery_advance_rate', d.day) as decimal(38, 6)) as net_recovery_rate,
        cast(parameter('ppca-2002', 'borrowing_base_appraisal_release_availability', d.day) as decimal(38, 6)) as release_availability,
        cast(parameter('ppca-2002', 'ppe_subcomponent_initial_amount', d.day) as decimal(38, 6)) as ppe_initial,
        cast(parameter('ppca-2002', 'ppe_subcomponent_monthly_amortization', d.day) as decimal(38, 6)) as ppe_monthly,
        cast(parameter('ppca-2002', 'ppe_subcomponent_olv_advance_rate', d.day) as decimal(38, 6)) as ppe_olv_rate,
        cast(parameter('ppca-2002', 'availability_reserve_cap', d.day) as decimal(38, 6)) as reserve_cap,
        cast(parameter('ppca-2002', 'availability_reserve_commitment_rate', d.day) as decimal(38, 6)) as reserve_rate,
        cast(parameter('ppca-2002', 'availability_reserve_floor', d.day) as decimal(38, 6)) as reserve_floor
    from days as d
),

-- (b) [Sixth Amendment § 1.1(d), “Borrowing Base” (b)] "(i) the lesser of (A) $175,000,000 and (B) 65% of all Eligible
-- Inventory as at such time or (ii) following Agent's receipt of a satisfactory appraisal pursuant to Section 9.1.18,
-- the least of (A) $175,000,000, (B) 65% of all Eligible Inventory ... and (C) 85% of the Net Recovery Percentage of
-- Eligible Inventory". An appraisal is received on the first day the extract carries a Net Recovery Percentage.
appraisal_mode as (
    select
        d.*,
        p.* exclude (day),
        min(d.day) filter (where d.net_recovery_pct is not null) over (order by d.day rows between unbounded preceding and current row)
            as appraisal_received_on,
        count(*) filter (where not coalesce(d.revolving_commitment_availability > p.release_availability, false))
            over (order by d.day range between interval 3 month preceding and current row) = 0 as three_months_above,
        count(*) filter (where d.revolving_commitment_availability < p.release_availability)
            over (order by d.day rows between 2 preceding and current row) = 3 as three_days_below,
        min(d.day) over () as first_day
    from days as d
    join parameters as p on p.day = d.day
),

-- (ii) stops applying once, after an appraisal, Revolving Commitment Availability was above $175,000,000 on each
-- Business Day of three consecutive months (R-P18 default: any rolling window ending that day), and applies again after
-- three consecutive Business Days below it. The release also needs "no Event of Default or Event of Cash Dominion";
-- their status is not in the extracts, so a released day names it as missing. Availability is the Agent's reported
-- figure (the base definition is not available).
released as (
    select
        *,
        max(day) filter (where three_months_above and appraisal_received_on <= cast(day - interval 3 month as date)
                          and first_day <= cast(day - interval 3 month as date))
            over (order by day rows between unbounded preceding and current row) as last_release,
        max(day) filter (where three_days_below) over (order by day rows between unbounded preceding and current row) as last_reimposition
    from appraisal_mode
),

-- PPE Subcomponent Reductions: ppca_ppe_subcomponent_reductions, each dated when the proceeds were received (R-P21); a
-- disposition it cannot classify is a missing input from its sale date.
ppe_reductions as (
    select
        r.day,
        coalesce((select sum(x.reduction) from ppca_ppe_subcomponent_reductions as x where x.event_date <= r.day), 0)
            as cumulative_ppe_subcomponent_reductions,
        (select string_agg(x.transaction_id || ' ' || x.event_date || ' ' || x.reduction || ' (' || x.source || ')', '; '
                           order by x.event_date, x.proceeds_id)
         from ppca_ppe_subcomponent_reductions as x where x.event_date <= r.day and x.proceeds_id is not null)
            as ppe_subcomponent_reduction_sources,
        coalesce((select sum(v.valco_ppe_reduction) from ppca_valco_ppe_reductions as v where v.quarter_end <= r.day), 0)
            as cumulative_valco_ppe_reductions,
        coalesce((select flatten(list(x.missing_inputs order by x.event_date, x.transaction_id))
                  from ppca_ppe_subcomponent_reductions as x where x.event_date <= r.day),
                 []::varchar[]) as disposition_missing,
        coalesce((select flatten(list(v.missing_inputs order by v.quarter_end)) from ppca_valco_ppe_reductions as v where v.quarter_end <= r.day),
                 []::varchar[]) as valco_missing
    from released as r
),

components as (
    select
        r.*,
        e.cumulative_ppe_subcomponent_reductions,
        e.ppe_subcomponent_reduction_sources,
        e.cumulative_valco_ppe_reductions,
        e.disposition_missing,
        e.valco_missing,
        r.net_recovery_pct is not null
            and (r.last_release is null or (r.last_reimposition is not null and r.last_reimposition > r.last_release)) as appraisal_cap_applies,
        case when r.day >= date '2003-10-01' then (year(r.day) - 2003) * 12 + month(r.day) - 9 else 0 end as amortization_months
    from released as r
    join ppe_reductions as e on e.day = r.day
),

-- (c) [Sixth Amendment § 1.1(d), “Borrowing Base” (c)] "the lesser of (i) $100,000,000, reducing each month by
-- $1,190,476 ... commencing in October 2003 and (ii) 50% of the OLV In-Place Value of Eligible Fixed Assets" (R-P07:
-- each reduction on the first of the month, n = 1 on 2003-10-01; the last takes the leg to 0), "permanently reduced" by
-- the PPE Subcomponent Reductions and VALCO PPE Reductions, whose "combined effect ... shall not be additive"
-- [Sixth Amendment § 1.1(d), “Borrowing Base” (c)]: cumulative PPE Subcomponent Reductions are reduced (not below zero)
-- by cumulative VALCO PPE Reductions, so the total is the greater of the two (E9), taken off the lesser-of result
-- (R-P06 default), never below zero.
-- Availability Reserve [Sixth Amendment § 1.1(c), “Availability Reserve”]: "the lesser of (i) $30,000,000 and (ii) ten
-- percent (10%) of the Revolving Commitment Amount, but in any event not less than $25,000,000" (E1: $285,000,000 ->
-- $28,500,000), with the day's Revolving Commitment Amount from ppca_revolving_commitment_amount (the data, else the
-- documented default).
figures as (
    select
        *,
        least(inventory_cap, inventory_rate * eligible_inventory,
              case when appraisal_cap_applies then net_recovery_rate * net_recovery_pct * eligible_inventory end) as inventory_component,
        -- 84 x 1,190,476 = 99,999,984 leaves $16 (E6); R-P07 default: the 84th reduction takes the leg to zero
        case when ppe_initial is not null
            then case when amortization_months >= 84 then 0 else ppe_initial - amortization_months * ppe_monthly end
        end as ppe_amortized_amount,
        ppe_olv_rate * olv_in_place_value as ppe_olv_amount,
        greatest(cumulative_ppe_subcomponent_reductions, cumulative_valco_ppe_reductions) as ppe_total_reduction,
        case when c.revolving_commitment_amount is not null
            then greatest(reserve_floor, least(reserve_cap, reserve_rate * c.revolving_commitment_amount)) end as availability_reserve,
        c.revolving_commitment_amount,
        c.source as revolving_commitment_source
    from components
    left join ppca_revolving_commitment_amount as c using (day)
)

select
    day,
    month_end,
    cast(eligible_inventory as decimal(38, 2)) as eligible_inventory,
    net_recovery_pct,
    appraisal_received_on,
    appraisal_cap_applies,
    cast(inventory_component as decimal(38, 2)) as inventory_component,
    amortization_months,
    cast(ppe_amortized_amount as decimal(38, 2)) as ppe_amortized_amount,
    cast(ppe_olv_amount as decimal(38, 2)) as ppe_olv_amount,
    cast(cumulative_ppe_subcomponent_reductions as decimal(38, 2)) as cumulative_ppe_subcomponent_reductions,
    ppe_subcomponent_reduction_sources,
    cast(cumulative_valco_ppe_reductions as decimal(38, 2)) as cumulative_valco_ppe_reductions,
    cast(ppe_total_reduction as decimal(38, 2)) as ppe_total_reduction,
    cast(case when ppe_initial is not null
        then greatest(0, least(ppe_amortized_amount, ppe_olv_amount) - ppe_total_reduction) end as decimal(38, 2)) as ppe_subcomponent,
    revolving_commitment_amount,
    revolving_commitment_source,
    cast(availability_reserve as decimal(38, 2)) as availability_reserve,
    cast(revolving_commitment_availability as decimal(38, 2)) as reported_revolving_commitment_availability,
    list_sort(list_distinct(list_concat(
        case when not reported then ['borrowing_base row for Business Day ' || day] end,
        case when ppe_initial is null then [
            'Borrowing Base clauses (b) and (c) and Availability Reserve as in force before '
            || 'the Sixth Amendment (Post-Petition Credit Agreement of February 12, 2002, as amended before August 1, '
            || '2003; not available)'] end,
        case when ppe_initial is not null and revolving_commitment_amount is null then [
            'Revolving Commitment Amount on ' || day || ' (debt_instruments credit_agreement ppca-2002, facility_commitments)'] end,
        case when net_recovery_pct is not null and not appraisal_cap_applies then [
            'no Event of Default or Event of Cash Dominion during the three months before ' || last_release
            || ' (Borrowing Base (b)(ii) release; status not in the extracts)'] end,
        disposition_missing,
        valco_missing
    ))) as missing_inputs
from figures
