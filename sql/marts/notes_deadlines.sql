-- clause: indenture-1996/2.03
-- clause: indenture-1996/5.01
-- clause: indenture-1996/5.03(a)
-- The Notes' payment dates and the lists and reports Article Five times by them. The coupons and the noteholder lists
-- are the Notes' own: none is listed when the debt register holds no Notes (notes_instruments); a deadline about an
-- instrument that is not in the register is not an obligation of the run.

-- Paid on: the date attested (obligation_completed_on, reference_id indenture-1996/2.03, period_end the payment date),
-- else the cured_on of an interest_payment_default recorded for that date; neither: null.
with coupon_completions as (
    select s.payment_date, coalesce(c.completed_on, e.cured_on) as completed_on
    from notes_interest_schedule as s
    left join obligations_completed as c on c.clause_id = 'indenture-1996/2.03' and c.trigger_date = s.payment_date
    left join (
        select event_date, min(cured_on) as cured_on
        from stg_default_events
        where kind = 'interest_payment_default'
            and instrument_id in (select instrument_id from notes_instruments)
        group by event_date
    ) as e on e.event_date = s.payment_date
),

-- 2.03: each installment of interest is due on its April 15 or October 15 (notes_interest_schedule), convention
-- `following` because 14.06 lets it be paid on the next succeeding Business Day "with the same force and effect"
-- [Indenture § 14.06]. Triggered on its record date (the day the payees are fixed).
coupons as (
    select
        'indenture-1996/2.03' as clause_id,
        'pay the installment of interest on the Notes: '
            || coalesce(
                cast(s.interest as varchar) || ' (' || rtrim(rtrim(cast(cast(s.rate * 100 as decimal(12, 3)) as varchar), '0'), '.')
                    || '% a year on ' || cast(s.principal_outstanding as varchar) || ' for ' || s.days_30_360 || ' days of a 360-day year)',
                'amount unknown'
            ) as obligation,
        'coupon ' || s.payment_date as reference_id,
        s.record_date as trigger_date,
        s.payment_date as due_date,
        'following' as business_day_convention,
        'semi-annually on April 15 and October 15 [Indenture § 2.03], interest from ' || s.accrual_start || ' on a 360-day year of twelve 30-day months [Indenture § 2.03]; record date '
            || s.record_date || ' whether or not a Business Day [Indenture § 2.03]; if not a Business Day, the next succeeding Business Day, no further interest [Indenture § 14.06]' as rule,
        c.completed_on,
        s.missing_inputs
    from notes_interest_schedule as s
    join coupon_completions as c on c.payment_date = s.payment_date
    where exists (select 1 from notes_instruments)
),

-- 5.01(a): a list of noteholders "semi-annually, not more than fifteen days after each record date for the payment of
-- interest" [Indenture § 5.01(a)], in calendar days; "provided, however, that so long as the Trustee is the Note
-- registrar, no such list shall be required" [Indenture § 5.01, proviso]: attested (trustee_is_note_registrar, the
-- latest on or before the record date): true, no row; false, the list is due; unattested, indeterminate.
registrar as (
    select
        s.record_date,
        (
            select a.value_flag
            from current_attestations as a
            where a.subject = 'trustee_is_note_registrar' and a.period_end <= s.record_date
            order by a.period_end desc, a.attested_on desc, a.attestation_id desc
            limit 1
        ) as trustee_is_registrar
    from notes_interest_schedule as s
),

noteholder_lists as (
    select
        'indenture-1996/5.01' as clause_id,
        'furnish the Trustee a list of the names and addresses of the noteholders as of the record date' as obligation,
        'noteholder list ' || r.record_date as reference_id,
        r.record_date as trigger_date,
        cast(r.record_date + interval 15 day as date) as due_date,
        'none' as business_day_convention,
        'semi-annually, not more than fifteen days after each record date for the payment of interest [Indenture § 5.01(a)]; not required while the Trustee is the Note registrar [Indenture § 5.01, proviso]' as rule,
        c.completed_on,
        cast(to_json(list_concat(
            case when r.trustee_is_registrar is null then ['trustee_is_note_registrar attested on or before ' || r.record_date || ' (no list is required while the Trustee is the Note registrar)'] end,
            []::varchar[]
        )) as varchar) as missing_inputs
    from registrar as r
    left join obligations_completed as c on c.clause_id = 'indenture-1996/5.01' and c.trigger_date = r.record_date
    where r.trustee_is_registrar is distinct from true and exists (select 1 from notes_instruments)
),

-- 5.03(a): copies of the reports under Sections 13 or 15(d) of the Exchange Act "within fifteen days after the Company
-- is required to file the same with the Commission" [Indenture § 5.03(a)]: when that is depends on the Company's filer
-- status and the SEC's rules at the time, which neither the available agreements nor the extracts give (R-I36): one row
-- per fiscal quarter the trial balances cover, indeterminate.
reports as (
    select
        'indenture-1996/5.03(a)' as clause_id,
        'file with the Trustee copies of the ' || case q.fiscal_quarter when 4 then 'annual report' else 'quarterly report' end || ' filed with the Commission for the quarter ended ' || q.quarter_end as obligation,
        'report ' || q.quarter_end as reference_id,
        q.quarter_end as trigger_date,
        cast(null as date) as due_date,
        'none' as business_day_convention,
        'within fifteen days after the Company is required to file the same with the Commission [Indenture § 5.03(a)]' as rule,
        c.completed_on,
        cast(to_json(['the date the Company was required to file its Exchange Act report for the quarter ended ' || q.quarter_end
            || ' with the Commission (depends on filer status and SEC rules; in neither the available agreements nor the extracts, R-I36)']) as varchar) as missing_inputs
    from fiscal_quarters as q
    left join obligations_completed as c on c.clause_id = 'indenture-1996/5.03(a)' and c.trigger_date = q.quarter_end
    where q.quarter_end >= date '1996-12-31'
)

select * from coupons
union all
select * from noteholder_lists
union all
select * from reports
