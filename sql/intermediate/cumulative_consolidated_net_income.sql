-- clause: indenture-1996/4.09(a)(C)
-- clause: indenture-1996/def/ConsolidatedNetIncome
-- Consolidated Net Income "accrued on a cumulative basis for the period (taken as one accounting period) from January 1,
-- 1993 to the end of the Company's most recently ended fiscal quarter" [Indenture § 4.09(a)(C)(I)], per fiscal quarter
-- end, and capacity_i, 4.09(a)(C)(I).

-- The attested cumulative figure at the cut-over date (R-I06) plus the quarterly consolidated_net_income of each
-- quarter after it; the cut-over must be a fiscal quarter end.
with opening as (
    select cut_over_date, value_amount, attestation_id
    from restricted_payment_opening_balances
    where subject = 'cumulative_consolidated_net_income_opening'
),

rolled as (
    select
        q.quarter_end,
        o.cut_over_date,
        o.value_amount as opening,
        o.attestation_id,
        sum(c.consolidated_net_income) as since_cut_over,
        count(c.quarter_end) as quarters_found,
        -- the quarters whose ends fall in (cut-over, quarter_end]
        cast(datediff('month', o.cut_over_date, q.quarter_end) / 3 as integer) as quarters_needed,
        flatten(list(c.missing_inputs order by c.quarter_end) filter (where c.missing_inputs is not null)) as cni_missing
    from fiscal_quarters as q
    left join opening as o on true
    left join consolidated_net_income as c
        on c.quarter_end > o.cut_over_date and c.quarter_end <= q.quarter_end
    group by q.quarter_end, o.cut_over_date, o.value_amount, o.attestation_id
)

-- capacity_i is 4.09(a)(C)(I): "50% of the Consolidated Net Income ... (or, if the aggregate Consolidated Net Income ...
-- shall be a deficit, minus 100% of such deficit)" [Indenture § 4.09(a)(C)(I)]: half of a surplus, all of a deficit. No
-- attestation, a quarter missing between the cut-over and the quarter, or a quarter whose CNI lacks an input:
-- missing_inputs names it and capacity_i is null. capacity_i keeps the half cent (three decimals).
select
    quarter_end,
    cut_over_date,
    attestation_id,
    cast(opening as decimal(38, 2)) as opening,
    cast(opening + coalesce(since_cut_over, 0) as decimal(38, 2)) as cumulative_consolidated_net_income,
    case
        when opening is null or quarters_found <> quarters_needed or len(cni_missing) > 0 then null
        when opening + coalesce(since_cut_over, 0) >= 0 then cast((opening + coalesce(since_cut_over, 0))
            -- a quarter before the Indenture counts (from January 1, 1993) at the share the Indenture fixes on its date
            * cast(parameter('indenture-1996', 'builder_basket_net_income_fraction', greatest(quarter_end, date '1996-12-23')) as decimal(9, 6))
            as decimal(38, 3))
        else cast(opening + coalesce(since_cut_over, 0) as decimal(38, 3))
    end as capacity_i,
    list_sort(list_distinct(list_concat(
        case when opening is null then ['cumulative_consolidated_net_income_opening (R-I06): Consolidated Net Income from January 1, 1993 to a cut-over date'] else []::varchar[] end,
        case when opening is not null and quarters_found <> quarters_needed
            then ['consolidated_net_income for ' || (quarters_needed - quarters_found) || ' fiscal quarter(s) between ' || cut_over_date || ' and ' || quarter_end]
            else []::varchar[] end,
        coalesce(cni_missing, []::varchar[])
    ))) as missing_inputs
from rolled
where cut_over_date is null or quarter_end >= cut_over_date
