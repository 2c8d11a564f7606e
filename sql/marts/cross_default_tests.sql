-- clause: indenture-1996/6.01(d)
-- transactions of: none
-- 6.01(d): one row per date a default starts to count, actual the principal of the defaulted indebtedness counting on
-- that date. The policy tests actual <= $25,000,000: exactly $25,000,000 is not "exceeding".

-- "a default under any ... instrument ... evidencing any indebtedness for money borrowed by the Company or any
-- Subsidiary ... in an aggregate principal amount exceeding $25,000,000, which default (a) in the case of a failure to
-- make payment ... shall not have been waived, cured or otherwise ceased to exist within 30 days thereafter, or (b)
-- ... shall have resulted in such indebtedness becoming or being declared due and payable" [Indenture § 6.01(d)].
-- A payment default counts from the 31st day after it while uncured; an acceleration from its date while not
-- rescinded (cured_on).
with counted_events as (
    select
        event_id,
        coalesce(instrument_id, event_id) as debt,
        kind,
        amount,
        case when kind = 'other_debt_payment_default' then cast(event_date + interval 31 day as date) else event_date end as counts_from,
        cured_on
    from stg_default_events
    where kind in ('other_debt_payment_default', 'other_debt_acceleration')
),

tests as (
    select distinct counts_from as test_date
    from counted_events
),

-- one amount per instrument (the largest of its events)
by_debt as (
    select
        t.test_date,
        e.debt,
        max(e.amount) as principal,
        bool_or(e.amount is null) as amount_missing,
        string_agg(e.event_id, ', ' order by e.event_id) as events
    from tests as t
    join counted_events as e on e.counts_from <= t.test_date and (e.cured_on is null or e.cured_on > t.test_date)
    group by t.test_date, e.debt
),

-- added across instruments or the largest single one as parameter cross_default_aggregation says (R-I29)
aggregation as (
    select
        t.test_date,
        cast(parameter('indenture-1996', 'cross_default_aggregation', t.test_date) as integer) as aggregate_across_instruments
    from tests as t
),

measured as (
    select
        a.test_date,
        a.aggregate_across_instruments,
        coalesce(case when a.aggregate_across_instruments = 1 then sum(d.principal) else max(d.principal) end, 0) as defaulted_principal,
        coalesce(bool_or(d.amount_missing), false) as amount_missing,
        string_agg(d.debt || ' ' || coalesce(d.principal::varchar, '?') || ' (' || d.events || ')', '; ' order by d.debt) as defaulted_debts
    from aggregation as a
    left join by_debt as d on d.test_date = a.test_date
    group by a.test_date, a.aggregate_across_instruments
),

result_rows as (
    select
        'indenture-1996/6.01(d)' as clause_id, test_date, 'maintenance' as test_kind, cast(null as varchar) as transaction_id,
        defaulted_principal as actual,
        cast(json_object(
            'defaulted_principal', json_object('value', defaulted_principal::varchar, 'clause_id', 'indenture-1996/6.01(d)'),
            'defaulted_debts', json_object('value', coalesce(defaulted_debts, 'none counting on this date'), 'clause_id', 'indenture-1996/6.01(d)'),
            'cross_default_aggregation', json_object('value', aggregate_across_instruments::varchar, 'clause_id', 'indenture-1996/6.01(d)')
        ) as varchar) as inputs,
        cast(to_json(list_concat(
            case when amount_missing then ['principal amount of a defaulted instrument counting on ' || test_date] end,
            case when aggregate_across_instruments is null then ['parameter cross_default_aggregation on ' || test_date] end,
            []::varchar[]
        )) as varchar) as missing_inputs
    from measured
)

select * from result_on_test_date(result_rows)
