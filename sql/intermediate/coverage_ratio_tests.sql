-- clause: indenture-1996/def/ConsolidatedFixedChargeCoverageRatio
-- clause: indenture-1996/4.10(a)
-- clause: indenture-1996/4.09(a)(B)
-- clause: indenture-1996/11.01(a)
-- clause: indenture-1996/15.03(b)
-- Every Consolidated Fixed Charge Coverage Ratio test and its periods.

-- Transaction tests: each incurrence under 4.10(a) and each Restricted Payment under 4.09(a), Transaction Date = its
-- date (a 4.09(b)(I) payment: its declaration date), and each merger tested under 11.01(a)(iii) or 15.03(b)(i)(C) on
-- its effective date.
with transactions as (
    select
        'indenture-1996/4.10(a)' as clause_id,
        'transaction' as test_kind,
        transaction_id,
        incurrence_date as test_date,
        incurrence_date as transaction_date,
        transaction_id as projection_reference_id
    from stg_incurrences
    where basket = '4.10(a)'
    union all
    -- a return of an investment is not a Restricted Payment, Restricted Investment or Unrestricted Subsidiary
    -- Investment, so it is not tested; a 4.09(b)(I) payment is tested on its declaration (or redemption-notice) date:
    -- "if at said date of declaration ... [it] would have complied with Section 4.09(a)" [Indenture § 4.09(b)(I)], (B)
    -- included
    select
        'indenture-1996/4.09(a)(B)',
        'transaction',
        transaction_id,
        case when basket = '4.09(b)(I)' then declared_on else payment_date end,
        case when basket = '4.09(b)(I)' then declared_on else payment_date end,
        transaction_id
    from stg_restricted_payments
    where payment_kind <> 'return_of_investment'
        and (basket = '4.09(a)' or (basket = '4.09(b)(I)' and declared_on is not null))
    union all
    -- 11.01(a)(iii), 15.03(b)(i)(C): "immediately after giving effect to such consolidation, merger, sale or conveyance,
    -- the [surviving corporation / Company] could incur $1.00 of Indebtedness pursuant to Section 4.10(a)"
    -- [Indenture § 11.01(a)(iii); § 15.03(b)(i)(C)]: a 4.10(a) test on the effective date, where the Company's own
    -- figures are the survivor's
    select
        coverage_clause_id,
        'transaction',
        merger_id,
        effective_date,
        effective_date,
        merger_id
    from merger_events
    where coverage_clause_id is not null
),

-- Information tests: each fiscal quarter end Q, priced as a transaction on Q + 1 day with Q's own figures treated as
-- available.
information as (
    select
        c.clause_id,
        'information' as test_kind,
        cast(null as varchar) as transaction_id,
        q.quarter_end as test_date,
        q.quarter_end + 1 as transaction_date,
        'quarter-end' as projection_reference_id
    from fiscal_quarters as q
    cross join (values ('indenture-1996/4.10(a)'), ('indenture-1996/4.09(a)(B)')) as c (clause_id)
),

tests as (
    select * from transactions
    union all
    select * from information
),

-- The numerator covers "the four fiscal quarters immediately prior to the Transaction Date for which financial
-- information ... is available" [Indenture § 1.01, “Consolidated Fixed Charge Coverage Ratio” (i)]: the four quarters
-- ending on the latest quarter end before TD whose statements were available on TD (financial_statements_available: the
-- recorded day, else quarter end + 45 days + 1, R-I02, R-I61).
-- the latest quarter ended before TD whose statements were available on TD; a quarter in between whose day is unknown
-- (no row and no lag parameter) is named, since it might have been the one
available as (
    select
        t.clause_id,
        t.test_kind,
        t.transaction_id,
        t.test_date,
        max(a.quarter_end) filter (where a.available_on <= t.transaction_date) as latest_available,
        list(a.quarter_end order by a.quarter_end) filter (where a.available_on is null) as unknown_quarters
    from tests as t
    join financial_statements_available as a on a.quarter_end < t.transaction_date
    group by t.clause_id, t.test_kind, t.transaction_id, t.test_date
),

-- The denominator covers "the fiscal quarter in which the Transaction Date occurs and the three ... subsequent"
-- [Indenture § 1.01, “Consolidated Fixed Charge Coverage Ratio” (ii)].
periods as (
    select
        t.*,
        case when t.test_kind = 'information' then t.test_date else a.latest_available end as period_end,
        cast(date_trunc('quarter', t.transaction_date) as date) as forward_start,
        list_filter(coalesce(a.unknown_quarters, []::date[]), lambda q: q > coalesce(a.latest_available, date '1900-01-01')) as unknown_quarters
    from tests as t
    left join available as a
        on a.clause_id = t.clause_id and a.test_kind = t.test_kind
        and a.transaction_id is not distinct from t.transaction_id and a.test_date = t.test_date
)

select
    clause_id, test_kind, transaction_id, test_date, transaction_date,
    projection_reference_id,
    f.available_on as statements_available_on,
    f.source as statements_available_source,
    cast(period_end - interval 12 month as date) + 1 as period_start,
    period_end,
    forward_start,
    cast(forward_start + interval 12 month as date) - 1 as forward_end,
    (cast(forward_start + interval 12 month as date) - 1) - forward_start + 1 as forward_days,
    case when test_kind <> 'information' and len(unknown_quarters) > 0
        then ['the day the financial statements for the fiscal quarter ending ' || unknown_quarters[-1]
            || ' became available (financial_statements, R-I61)'] else []::varchar[] end as missing_inputs
from periods
left join financial_statements_available as f on f.quarter_end = period_end
