-- clause: ppca-2002/9.1.18
-- Inventory appraisal dates [Sixth Amendment § 1.3 (Credit Agreement § 9.1.18)].
with daily as (
    select
        b.day,
        r.revolving_commitment_availability as availability,
        r.inventory_net_recovery_pct as net_recovery_pct,
        lag(r.inventory_net_recovery_pct) over (order by b.day) as previous_net_recovery_pct,
        count(*) filter (where not coalesce(r.revolving_commitment_availability > t.appraisal_threshold, false))
            over three_months = 0 as three_months_above_75000000,
        count(*) filter (where not coalesce(r.revolving_commitment_availability > t.discontinuance_threshold, false))
            over three_months = 0 as three_months_above_175000000,
        t.appraisal_threshold,
        min(b.day) over () as first_day
    from ppca_business_days as b
    left join raw_borrowing_base as r on r.as_of_date = b.day
    -- the Sixth Amendment's amounts; a day before August 1, 2003 (within the three months a test looks back over) is
    -- measured against them too
    cross join lateral (
        select
            cast(parameter('ppca-2002', 'appraisal_availability_threshold', greatest(b.day, date '2003-08-01')) as decimal(38, 2))
                as appraisal_threshold,
            cast(parameter('ppca-2002', 'appraisal_discontinuance_availability', greatest(b.day, date '2003-08-01')) as decimal(38, 2))
                as discontinuance_threshold
    ) as t
    where b.is_business_day
    window three_months as (order by b.day range between interval 3 month preceding and current row)
),

-- "Thereafter" the Agent may require similar appraisals "at least once in every 180 day period" (R-P14: at most one per
-- 180 days), but (b) "no more than once in every twelve month period" after three consecutive months of availability
-- above $75,000,000 on each Business Day, and (c) none after three months above $175,000,000 (R-P13: Revolving Credit
-- Availability read as the same measure, the Agent's reported availability). Each appraisal received (a new Net
-- Recovery Percentage in the borrowing_base extract) opens the next period, by the mode on its date; (a) and (b)/(c)
-- depend on Event of Default / Event of Cash Dominion status, which the extracts do not carry, so (b) and (c) name it
-- as missing. The "$65,000,000 on any day" and three-Business-Day re-triggers change the mode on later days; this mart
-- keeps the mode on the appraisal date.
appraisals as (
    select
        day as received_on,
        lead(day) over (order by day) as next_received_on,
        case
            when first_day > cast(day - interval 3 month as date) then '180 days'
            when three_months_above_175000000 then 'none'
            when three_months_above_75000000 then 'twelve months'
            else '180 days'
        end as frequency
    from daily
    where net_recovery_pct is not null
        and (previous_net_recovery_pct is null or net_recovery_pct <> previous_net_recovery_pct)
),

-- "If at any time Revolving Commitment Availability is less than $75,000,000, the Agent shall engage an appraiser ...
-- to appraise the orderly liquidation value of Eligible Inventory" [Sixth Amendment § 1.3 (Credit Agreement § 9.1.18)]
-- (no period stated: due_date null, completed by the first appraisal received on or after it).
first_trigger as (
    select min(day) as triggered_on
    from daily
    where day >= date '2003-08-01' and availability < appraisal_threshold
)

select
    'ppca-2002/9.1.18' as clause_id,
    'Agent engages an appraiser to appraise the orderly liquidation value of Eligible Inventory of the Company, KAII and Kaiser Bellwood' as obligation,
    'availability below $75,000,000 on ' || t.triggered_on as reference_id,
    t.triggered_on as trigger_date,
    cast(null as date) as due_date,
    'none' as business_day_convention,
    'If at any time Revolving Commitment Availability is less than $75,000,000 the Agent shall engage an appraiser; no period stated [Sixth Amendment § 1.3 (Credit Agreement § 9.1.18)]' as rule,
    (select min(a.received_on) from appraisals as a where a.received_on >= t.triggered_on) as completed_on,
    '[]' as missing_inputs
from first_trigger as t
where t.triggered_on is not null

union all

select
    'ppca-2002/9.1.18' as clause_id,
    'next inventory appraisal the Agent may require (' || frequency || ')' as obligation,
    'appraisal received ' || received_on as reference_id,
    received_on as trigger_date,
    case frequency
        when '180 days' then received_on + 180
        when 'twelve months' then cast(received_on + interval 12 month as date)
    end as due_date,
    'none' as business_day_convention,
    case frequency
        when '180 days' then 'similar appraisals at least once in every 180 day period (R-P14: at most one per 180 days) [Sixth Amendment § 1.3 (Credit Agreement § 9.1.18)]'
        when 'twelve months' then '(b) no more than once in every twelve month period after three consecutive months above $75,000,000 [Sixth Amendment § 1.3 (Credit Agreement § 9.1.18)]'
        else '(c) no further appraisal required after three consecutive months above $175,000,000 [Sixth Amendment § 1.3 (Credit Agreement § 9.1.18)]'
    end as rule,
    next_received_on as completed_on,
    case when frequency = '180 days' then '[]'
        else cast(to_json(['no Event of Default or Event of Cash Dominion in the three months before ' || received_on || ' (not in the extracts)']) as varchar)
    end as missing_inputs
from appraisals
