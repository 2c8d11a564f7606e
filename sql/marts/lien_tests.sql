-- clause: indenture-1996/4.11(a)
-- clause: indenture-1996/4.11(b)(i)
-- clause: indenture-1996/4.11(b)(ii)
-- clause: indenture-1996/4.11(b)(ix)
-- clause: indenture-1996/4.11(b)(ix)-180-days
-- clause: indenture-1996/4.11(b)(xi)
-- transactions of: incurrences, liens
-- One row per 4.11 test the lien register calls for (amount form), each sub-clause in the CTE below its words.
with liens as (
    select * from stg_liens
),

msa as (
    select * from maximum_secured_amount
),

-- (b)(i): "Liens on the Permitted Collateral securing outstanding Indebtedness ... in an aggregate principal amount not
-- to exceed the Maximum Secured Amount at the time such Indebtedness is Incurred" [Indenture § 4.11(b)(i)]: on each
-- creation of a (b)(i) or (viii)(a) Lien on Permitted Collateral and each Incurrence such a Lien secures, the aggregate
-- principal secured by those Liens then outstanding against the Maximum Secured Amount on that day (R-I38:
-- incurrence-time test). Each fiscal quarter end adds an information row, with a warning when the aggregate exceeds the
-- current MSA.
msa_liens as (
    select *
    from liens
    where permitted_clause in ('4.11(b)(i)', '4.11(b)(viii)(a)') and is_permitted_collateral
),

msa_events as (
    select created_on as test_date, 'transaction' as test_kind, lien_id as transaction_id, 'creation of Lien ' || lien_id as event
    from msa_liens
    union all
    select incurrence_date, 'transaction', transaction_id, 'Incurrence ' || transaction_id || ' of ' || instrument_id
    from secured_incurrences(stg_incurrences, msa_liens)
    union all
    select quarter_end, 'information', null, 'fiscal quarter end'
    from fiscal_quarters
    where quarter_end >= date '1996-12-23'
),

msa_tests as (
    select
        e.test_date,
        e.test_kind,
        e.transaction_id,
        e.event,
        coalesce(sum(l.principal_secured), 0) as aggregate_secured,
        string_agg(l.lien_id || ' ' || l.principal_secured, ', ' order by l.lien_id) as liens_counted
    from msa_events as e
    left join msa_liens as l
        on l.created_on <= e.test_date and (l.released_on is null or e.test_date < l.released_on)
    group by e.test_date, e.test_kind, e.transaction_id, e.event
),

clause_i as (
    select
        'indenture-1996/4.11(b)(i)' as clause_id,
        t.test_date,
        t.test_kind,
        t.transaction_id,
        cast(null as date) as period_start,
        cast(null as date) as period_end,
        cast(t.aggregate_secured as decimal(38, 2)) as actual,
        case when len(m.missing_inputs) = 0 then m.maximum_secured_amount end as threshold,
        json_object(
            'event', json_object('value', t.event, 'clause_id', 'indenture-1996/4.11(b)(i)'),
            'aggregate_principal_secured_by_permitted_collateral', json_object('value', t.aggregate_secured::varchar, 'liens', coalesce(t.liens_counted, ''), 'clause_id', 'indenture-1996/4.11(b)(i)'),
            'maximum_secured_amount', json_object('value', m.maximum_secured_amount::varchar, 'clause_id', 'indenture-1996/def/MaximumSecuredAmount'),
            'maximum_secured_amount_base', json_object('value', m.base_amount::varchar, 'clause_id', 'indenture-1996/def/MaximumSecuredAmount'),
            'net_betterments', json_object('value', m.net_betterments::varchar, 'clause_id', 'indenture-1996/def/NetBetterments'),
            'carifa_financing_addition', json_object('value', m.carifa_financing_addition::varchar, 'clause_id', 'indenture-1996/def/CARIFAFinancing'),
            'maximum_secured_amount_deductions', json_object('value', m.deductions::varchar, 'clause_id', 'indenture-1996/def/MaximumSecuredAmount')
        ) as inputs,
        m.missing_inputs,
        case when t.test_kind = 'information' and len(m.missing_inputs) = 0 and t.aggregate_secured > m.maximum_secured_amount then
            ['R-I38: Indebtedness secured by Permitted Collateral (' || t.aggregate_secured || ') exceeds the current Maximum Secured Amount ('
             || m.maximum_secured_amount || '); 4.11(b)(i) tests the cap when Indebtedness is Incurred, so existing Liens stay permitted, '
             || 'but no further Indebtedness may be Incurred under (b)(i) until the Maximum Secured Amount exceeds the aggregate']
        else [] end as warnings
    from msa_tests as t
    join msa as m on m.test_date = t.test_date
),

-- (b)(ii): Liens "in existence on the date of this Indenture" [Indenture § 4.11(b)(ii)]; one securing more than
-- $5,000,000 must be on Schedule A, which is printed blank in the Indenture, so it is indeterminate (R-I32). Actual = 1
-- if created after Dec 23, 1996. A Lien created before the Indenture is tested on the Indenture's date (as is 4.11(a)).
clause_ii as (
    select
        'indenture-1996/4.11(b)(ii)' as clause_id,
        greatest(l.created_on, date '1996-12-23') as test_date,
        'transaction' as test_kind,
        l.lien_id as transaction_id,
        cast(null as date) as period_start,
        cast(null as date) as period_end,
        cast(case when l.created_on > date '1996-12-23' then 1 else 0 end as decimal(38, 2)) as actual,
        cast(null as decimal(38, 2)) as threshold,
        json_object(
            'created_on', json_object('value', l.created_on::varchar, 'clause_id', 'indenture-1996/4.11(b)(ii)'),
            'principal_secured', json_object('value', l.principal_secured::varchar, 'clause_id', 'indenture-1996/4.11(b)(ii)'),
            'schedule_a_threshold', json_object('value', s.threshold::varchar, 'clause_id', 'indenture-1996/4.11(b)(ii)')
        ) as inputs,
        case when l.principal_secured > s.threshold then
            ['Schedule A of the Indenture (Liens existing on December 23, 1996 securing more than ' || s.threshold
             || '), printed blank in the Indenture, to show that Lien ' || l.lien_id || ' securing ' || l.principal_secured || ' is listed (R-I32)']
        else [] end as missing_inputs,
        []::varchar[] as warnings
    from liens as l
    -- Schedule A lists the Liens existing on the date of the Indenture: the threshold in force that day
    cross join (
        select cast(parameter('indenture-1996', 'existing_lien_schedule_a_threshold', date '1996-12-23') as decimal(38, 2)) as threshold
    ) as s
    where l.permitted_clause = '4.11(b)(ii)'
),

-- (b)(ix): purchase-money Liens securing "an amount not in excess of the original purchase price or the original cost"
-- (actual = principal secured, threshold = cost) and "incurred no later than 180 days after the acquisition or final
-- completion" [Indenture § 4.11(b)(ix)] (actual = days from acquisition or completion to the Lien's creation; threshold
-- 180).
purchase_money as (
    select *
    from liens
    where permitted_clause = '4.11(b)(ix)'
),

clause_ix_amount as (
    select
        'indenture-1996/4.11(b)(ix)' as clause_id,
        created_on as test_date,
        'transaction' as test_kind,
        lien_id as transaction_id,
        cast(null as date) as period_start,
        cast(null as date) as period_end,
        cast(principal_secured as decimal(38, 2)) as actual,
        cast(asset_cost as decimal(38, 2)) as threshold,
        json_object(
            'principal_secured', json_object('value', principal_secured::varchar, 'clause_id', 'indenture-1996/4.11(b)(ix)'),
            'asset_cost', json_object('value', asset_cost::varchar, 'clause_id', 'indenture-1996/4.11(b)(ix)')
        ) as inputs,
        case when asset_cost is null then ['liens.asset_cost (original purchase price or cost) of ' || lien_id] else [] end as missing_inputs,
        []::varchar[] as warnings
    from purchase_money
),

clause_ix_days as (
    select
        'indenture-1996/4.11(b)(ix)-180-days' as clause_id,
        created_on as test_date,
        'transaction' as test_kind,
        lien_id as transaction_id,
        asset_acquired_or_completed_on as period_start,
        created_on as period_end,
        cast(created_on - asset_acquired_or_completed_on as decimal(38, 2)) as actual,
        cast(null as decimal(38, 2)) as threshold,
        json_object(
            'asset_acquired_or_completed_on', json_object('value', asset_acquired_or_completed_on::varchar, 'clause_id', 'indenture-1996/4.11(b)(ix)'),
            'indebtedness_incurred_on', json_object('value', created_on::varchar, 'clause_id', 'indenture-1996/4.11(b)(ix)')
        ) as inputs,
        case when asset_acquired_or_completed_on is null then
            ['liens.asset_acquired_or_completed_on (acquisition or final completion) of ' || lien_id] else [] end as missing_inputs,
        []::varchar[] as warnings
    from purchase_money
),

-- (b)(xi): "aggregate principal amount not to exceed $10,000,000" [Indenture § 4.11(b)(xi)]: on each creation of a
-- (b)(xi) Lien, the principal secured by all outstanding (b)(xi) Liens.
general_basket as (
    select *
    from liens
    where permitted_clause = '4.11(b)(xi)'
),

clause_xi as (
    select
        'indenture-1996/4.11(b)(xi)' as clause_id,
        g.created_on as test_date,
        'transaction' as test_kind,
        g.lien_id as transaction_id,
        cast(null as date) as period_start,
        cast(null as date) as period_end,
        cast(sum(o.principal_secured) as decimal(38, 2)) as actual,
        cast(any_value(b.capacity) as decimal(38, 2)) as threshold,
        json_object(
            'aggregate_principal_secured', json_object('value', sum(o.principal_secured)::varchar,
                'liens', string_agg(o.lien_id || ' ' || o.principal_secured, ', ' order by o.lien_id), 'clause_id', 'indenture-1996/4.11(b)(xi)'),
            'general_basket', json_object('value', any_value(b.capacity)::varchar, 'clause_id', 'indenture-1996/4.11(b)(xi)')
        ) as inputs,
        []::varchar[] as missing_inputs,
        []::varchar[] as warnings
    from general_basket as g
    join general_basket as o
        on o.created_on <= g.created_on and (o.released_on is null or g.created_on < o.released_on)
    cross join lateral (
        select cast(parameter('indenture-1996', 'lien_general_basket', g.created_on) as decimal(38, 2)) as capacity
    ) as b
    group by g.created_on, g.lien_id
),

-- (a): each Lien on U.S. Fixed Assets is out of line (actual 1) when it relies on no clause of 4.11(b), or on (b)(i) or
-- (viii)(a) without being on Permitted Collateral, and the Notes are not equally and ratably secured
-- [Indenture § 4.11(a)].
clause_a as (
    select
        'indenture-1996/4.11(a)' as clause_id,
        greatest(created_on, date '1996-12-23') as test_date,
        'transaction' as test_kind,
        lien_id as transaction_id,
        cast(null as date) as period_start,
        cast(null as date) as period_end,
        cast(case
            when notes_equally_and_ratably_secured then 0
            when permitted_clause = 'none' then 1
            when permitted_clause in ('4.11(b)(i)', '4.11(b)(viii)(a)') and not is_permitted_collateral then 1
            else 0
        end as decimal(38, 2)) as actual,
        cast(null as decimal(38, 2)) as threshold,
        json_object(
            'permitted_clause', json_object('value', permitted_clause, 'clause_id', 'indenture-1996/4.11(b)'),
            'is_permitted_collateral', json_object('value', is_permitted_collateral::varchar, 'clause_id', 'indenture-1996/def/PermittedCollateral'),
            'notes_equally_and_ratably_secured', json_object('value', notes_equally_and_ratably_secured::varchar, 'clause_id', 'indenture-1996/4.11(a)'),
            'asset_description', json_object('value', asset_description, 'clause_id', 'indenture-1996/def/USFixedAssets')
        ) as inputs,
        []::varchar[] as missing_inputs,
        []::varchar[] as warnings
    from liens
    where is_us_fixed_asset
),

all_tests as (
    select * from clause_i
    union all by name select * from clause_ii
    union all by name select * from clause_ix_amount
    union all by name select * from clause_ix_days
    union all by name select * from clause_xi
    union all by name select * from clause_a
)

select
    clause_id, test_date, test_kind, transaction_id, period_start, period_end, actual,
    cast(0 as decimal(38, 2)) as threshold_reduction,
    cast(inputs as varchar) as inputs,
    cast(to_json(coalesce(list_sort(list_distinct(missing_inputs)), []::varchar[])) as varchar) as missing_inputs,
    threshold,
    cast(to_json(warnings) as varchar) as warnings
from all_tests
