-- clause: indenture-1996/6.01(e)
-- transactions of: default_events
-- 6.01(e), one row per judgment, tested on the 30th day after its entry (or after a stay expired: the event's date).

-- "a final judgment which, together with other outstanding final judgments against the Company and its Significant
-- Subsidiaries, exceeds an aggregate of $25,000,000 (to the extent such judgments are not covered by valid and
-- collectible insurance from solvent unaffiliated insurers) ... and (i) within 30 days after entry thereof ... shall
-- not have been discharged, settled or bonded or execution thereof stayed" [Indenture § 6.01(e)]. Insurance counts
-- only where attested valid and collectible (judgment_insurance_valid, R-I30); an insured amount without that
-- attestation leaves the result indeterminate.
with judgments as (
    select
        j.event_id,
        j.event_date,
        cast(j.event_date + interval 30 day as date) as window_end,
        j.cured_on,
        j.amount,
        coalesce(j.insured_amount, 0) as insured_amount,
        a.value_flag as insurance_valid,
        j.amount - case when a.value_flag then coalesce(j.insured_amount, 0) else 0 end as uninsured_amount,
        coalesce(j.insured_amount, 0) > 0 and a.value_flag is null as insurance_unattested
    from stg_default_events as j
    left join current_attestations as a on a.subject = 'judgment_insurance_valid' and a.reference_id = j.event_id
    where j.kind = 'judgment'
),

tests as (
    select event_id as tested_judgment, window_end as test_date
    from judgments
),

-- actual is the aggregate, net of insurance, of the judgments entered at least 30 days before that day and not
-- discharged within their 30 days nor by that day. Every judgment in the extract is counted (whether a Subsidiary is
-- Significant is R-I40); an enforcement proceeding (clause (ii)) is not modelled.
measured as (
    select
        t.tested_judgment,
        t.test_date,
        coalesce(sum(j.uninsured_amount), 0) as aggregate_uninsured,
        coalesce(bool_or(j.insurance_unattested), false) as insurance_unattested,
        coalesce(bool_or(j.event_id is not null and j.amount is null), false) as amount_missing,
        string_agg(j.event_id || ' ' || coalesce(j.uninsured_amount::varchar, '?'), '; ' order by j.event_id) as counted
    from tests as t
    left join judgments as j
        on j.window_end <= t.test_date
        and (j.cured_on is null or j.cured_on > j.window_end)
        and (j.cured_on is null or j.cured_on > t.test_date)
    group by t.tested_judgment, t.test_date
),

result_rows as (
    select
        'indenture-1996/6.01(e)' as clause_id, test_date, 'maintenance' as test_kind, tested_judgment as transaction_id,
        aggregate_uninsured as actual,
        cast(json_object(
            'undischarged_judgments_net_of_insurance', json_object('value', aggregate_uninsured::varchar, 'clause_id', 'indenture-1996/6.01(e)'),
            'judgments_counted', json_object('value', coalesce(counted, 'none: discharged, settled, bonded or stayed within 30 days'), 'clause_id', 'indenture-1996/6.01(e)')
        ) as varchar) as inputs,
        cast(to_json(list_concat(
            case when insurance_unattested then ['judgment_insurance_valid attested for each insured judgment counted on ' || test_date] end,
            case when amount_missing then ['amount of each judgment counted on ' || test_date] end,
            []::varchar[]
        )) as varchar) as missing_inputs
    from measured
)

select * from result_on_test_date(result_rows)
