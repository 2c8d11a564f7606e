-- clause: indenture-1996/4.11(b)(i)
-- clause: indenture-1996/4.11(b)(xi)
-- clause: indenture-1996/def/MaximumSecuredAmount
-- transactions of: liens
-- The two 4.11 baskets as running ledgers, one entry per creation (+ principal secured) and release (- principal) of a
-- Lien: (b)(i) (with (viii)(a), on Permitted Collateral) against the Maximum Secured Amount on the entry date (null when
-- an input of it is missing), and (b)(xi) against $10,000,000 (parameter lien_general_basket). Both are "at any one
-- time outstanding" measures: a release gives the capacity back, and on a day with both, releases come first (a
-- Refinancing replaces the released Lien).
with entries as (
    select
        'indenture-1996/4.11(b)(i)' as clause_id,
        'Liens on Permitted Collateral up to the Maximum Secured Amount' as basket,
        created_on as entry_date,
        lien_id as transaction_id,
        'Lien ' || lien_id || ' created (' || permitted_clause || ') on ' || asset_description || ', securing ' || instrument_id as description,
        principal_secured as amount
    from stg_liens
    where permitted_clause in ('4.11(b)(i)', '4.11(b)(viii)(a)') and is_permitted_collateral
    union all
    select
        'indenture-1996/4.11(b)(i)',
        'Liens on Permitted Collateral up to the Maximum Secured Amount',
        released_on,
        lien_id,
        'Lien ' || lien_id || ' released',
        -principal_secured
    from stg_liens
    where permitted_clause in ('4.11(b)(i)', '4.11(b)(viii)(a)') and is_permitted_collateral and released_on is not null
    union all
    select
        'indenture-1996/4.11(b)(xi)',
        'General lien basket',
        created_on,
        lien_id,
        'Lien ' || lien_id || ' created on ' || asset_description || ', securing ' || instrument_id,
        principal_secured
    from stg_liens
    where permitted_clause = '4.11(b)(xi)'
    union all
    select
        'indenture-1996/4.11(b)(xi)',
        'General lien basket',
        released_on,
        lien_id,
        'Lien ' || lien_id || ' released',
        -principal_secured
    from stg_liens
    where permitted_clause = '4.11(b)(xi)' and released_on is not null
),

running as (
    select
        *,
        sum(amount) over (partition by clause_id order by entry_date, amount >= 0, transaction_id rows unbounded preceding) as usage_after
    from entries
),

capacities as (
    select
        r.*,
        case r.clause_id
            when 'indenture-1996/4.11(b)(i)' then (case when len(m.missing_inputs) = 0 then m.maximum_secured_amount end)
            else cast(parameter('indenture-1996', 'lien_general_basket', r.entry_date) as decimal(38, 2))
        end as capacity,
        m.maximum_secured_amount,
        m.net_betterments,
        m.carifa_financing_addition,
        m.deductions,
        m.missing_inputs
    from running as r
    left join maximum_secured_amount as m
        on r.clause_id = 'indenture-1996/4.11(b)(i)' and m.test_date = r.entry_date
),

ledger_rows as (
    select
        clause_id, basket, 'at_any_one_time_outstanding' as measure, entry_date, transaction_id, description,
        amount, usage_after, capacity,
        cast(case when clause_id = 'indenture-1996/4.11(b)(i)' then json_object(
            'maximum_secured_amount', maximum_secured_amount::varchar,
            'net_betterments', net_betterments::varchar,
            'carifa_financing_addition', carifa_financing_addition::varchar,
            'deductions', deductions::varchar,
            'missing_inputs', missing_inputs
        ) else json_object('general_basket', capacity::varchar) end as varchar) as inputs
    from capacities
    order by clause_id, entry_date, amount >= 0, transaction_id
)

select * from basket_ledger_rows(ledger_rows)
