-- clause: indenture-1996/4.09(a)(A)
-- clause: indenture-1996/4.09(a)(C)
-- clause: indenture-1996/4.09(a)-maxxam-cap
-- clause: indenture-1996/4.09(b)
-- clause: indenture-1996/4.09(b)(I)
-- clause: indenture-1996/4.09(b)(IV)
-- clause: indenture-1996/4.09(b)(VI)
-- clause: indenture-1996/4.09(b)(VII)
-- clause: indenture-1996/4.09(b)(VIII)
-- clause: indenture-1996/4.09(b)(VIII)-maxxam
-- transactions of: restricted_payments
-- One row per payment and condition of the basket it names (amount form). 4.09(a)(B), the coverage ratio, is in
-- fixed_charge_coverage_tests. A return of an investment is not tested under 4.09(a) (it is none of the payments the
-- section conditions).
with items as (
    select * from restricted_payment_items where item_kind <> 'unmatched_return'
),

openings as (
    select * from restricted_payment_opening_balances
),

no_default as (
    select
        i.transaction_id,
        attested_flag(current_attestations, 'no_default', i.transaction_id, coalesce(i.declared_on, i.payment_date)) as no_default
    from items as i
),

condition_a as (
    select
        'indenture-1996/4.09(a)(A)' as clause_id,
        case when i.named_basket = '4.09(b)(I)' then i.declared_on else i.payment_date end as test_date,
        i.transaction_id,
        case when d.no_default then 0 when not d.no_default then 1 end as actual,
        cast(null as decimal(38, 2)) as threshold,
        json_object('no_default', json_object('value', coalesce(d.no_default::varchar, 'not attested'), 'clause_id', 'indenture-1996/4.09(a)(A)')) as inputs,
        case when d.no_default is null
            then ['no_default attestation for ' || i.transaction_id || ' on ' || coalesce(i.declared_on, i.payment_date)]
            else []::varchar[] end as missing_inputs
    from items as i
    join no_default as d using (transaction_id)
    where i.named_basket in ('4.09(a)', '4.09(b)(I)', '4.09(b)(VII)', '4.09(b)(VIII)')
        and i.item_kind not in ('restricted_investment_return', 'unrestricted_subsidiary_return')
),

basket_at_payment as (
    select
        i.transaction_id,
        i.payment_date as test_date,
        b.used_after as used,
        b.capacity,
        b.capacity_i,
        b.capacity_ii,
        b.capacity_iii,
        b.missing_inputs
    from items as i
    join restricted_payment_builder_basket as b on b.transaction_id = i.transaction_id
    -- a return is not a payment or investment 4.09(a) conditions: it moves the basket but is not tested
    where i.named_basket = '4.09(a)' and i.item_kind not in ('restricted_investment_return', 'unrestricted_subsidiary_return')
    qualify row_number() over (partition by i.transaction_id order by b.entry_date desc, b.sequence desc) = 1
),

-- (b)(I): the basket on the declaration date, with the payment added to what was used by then. A (b)(I) payment is
-- tested under 4.09(a)(A), (B), (C) and the MAXXAM cap on its declaration date ("if at said date of declaration ...
-- would have complied with Section 4.09(a)" [Indenture § 4.09(b)(I)]).
basket_at_declaration as (
    select
        i.transaction_id,
        i.declared_on as test_date,
        coalesce(b.used_after, 0) + i.amount as used,
        b.capacity,
        b.capacity_i,
        b.capacity_ii,
        b.capacity_iii,
        coalesce(b.missing_inputs, ['the 4.09(a)(C) basket on ' || i.declared_on]) as missing_inputs
    from items as i
    left join restricted_payment_builder_basket as b on b.entry_date <= i.declared_on
    where i.named_basket = '4.09(b)(I)' and i.declared_on is not null
    qualify row_number() over (partition by i.transaction_id order by b.entry_date desc nulls last, b.sequence desc, b.transaction_id desc) = 1
),

condition_c as (
    select
        'indenture-1996/4.09(a)(C)' as clause_id,
        test_date,
        transaction_id,
        used as actual,
        capacity as threshold,
        json_object(
            'used', json_object('value', used::varchar, 'clause_id', 'indenture-1996/4.09(a)(C)'),
            'capacity_i_consolidated_net_income', json_object('value', capacity_i::varchar, 'clause_id', 'indenture-1996/4.09(a)(C)'),
            'capacity_ii_equity_proceeds', json_object('value', capacity_ii::varchar, 'clause_id', 'indenture-1996/4.09(a)(C)'),
            'capacity_iii_unrestricted_subsidiary_distributions', json_object('value', capacity_iii::varchar, 'clause_id', 'indenture-1996/4.09(a)(C)')
        ) as inputs,
        missing_inputs
    from (select * from basket_at_payment union all select * from basket_at_declaration) as tested
),

rating as (
    select reference_id as transaction_id, bool_or(value_flag) as investment_grade
    from current_attestations
    where subject = 'senior_debt_rating_investment_grade'
    group by reference_id
),

-- proviso 1: "in any calendar year to or in MAXXAM or any Affiliate of MAXXAM, less ... made to or in KAC in such
-- calendar year which are distributed or paid within thirty days thereafter by KAC to its holders of Common Stock
-- other than MAXXAM" [Indenture § 4.09(a), proviso]; proviso 2 lifts the cap for a payment with an attested Baa3/BBB
-- pro forma rating (R-I24: conditions (A)-(C) still apply), so that payment has no cap row (it still counts in the
-- year's sum). A 4.09(b)(I) payment "would have complied with Section 4.09(a)" on its declaration date
-- [Indenture § 4.09(b)(I)], the proviso included: it is tested, and counts, in the calendar year of its declaration (as
-- if paid then).
maxxam_year as (
    select
        i.*,
        sum(i.signed_amount - i.kac_pass_through_counted) over (
            partition by year(m_date) order by m_date, i.transaction_id
            rows between unbounded preceding and current row
        ) as year_total
    from (
        select *, case when basket = '4.09(b)(I)' then coalesce(declared_on, payment_date) else payment_date end as m_date
        from items
    ) as i
    where i.basket in ('4.09(a)', '4.09(b)(I)') and i.is_maxxam_related
        and i.item_kind in ('restricted_payment', 'restricted_investment', 'restricted_investment_return')
),

maxxam_cap as (
    select
        'indenture-1996/4.09(a)-maxxam-cap' as clause_id,
        m.m_date as test_date,
        m.transaction_id,
        m.year_total as actual,
        cast(null as decimal(38, 2)) as threshold,
        json_object(
            'calendar_year_total', json_object('value', m.year_total::varchar, 'clause_id', 'indenture-1996/4.09(a)-maxxam-cap'),
            'kac_pass_through_counted', json_object('value', m.kac_pass_through_counted::varchar, 'clause_id', 'indenture-1996/4.09(a)-maxxam-cap')
        ) as inputs,
        case when m.named_basket = '4.09(b)(I)' and m.declared_on is null
            then ['declared_on (declaration or redemption-notice date) of ' || m.transaction_id] else []::varchar[] end as missing_inputs
    from maxxam_year as m
    left join rating as r using (transaction_id)
    where m.named_basket in ('4.09(a)', '4.09(b)(I)') and m.item_kind <> 'restricted_investment_return'
        and not coalesce(r.investment_grade, false)
),

declaration_days as (
    select
        'indenture-1996/4.09(b)(I)' as clause_id,
        i.payment_date as test_date,
        i.transaction_id,
        cast(i.payment_date - i.declared_on as decimal(38, 2)) as actual,
        cast(null as decimal(38, 2)) as threshold,
        json_object('declared_on', json_object('value', coalesce(i.declared_on::varchar, 'unknown'), 'clause_id', 'indenture-1996/4.09(b)(I)')) as inputs,
        case when i.declared_on is null then ['declared_on (declaration or redemption-notice date) of ' || i.transaction_id] else []::varchar[] end as missing_inputs
    from items as i
    where i.named_basket = '4.09(b)(I)'
),

-- (b)(IV): retirements since February 17, 1994 against subordinated-debt proceeds since then, from the cut-over
subordinated_proceeds as (
    select n.incurrence_date, n.amount
    from stg_incurrences as n
    join stg_debt_instruments as d on d.instrument_id = n.instrument_id
    where d.is_subordinated and n.incurrence_date > date '1994-02-17'
        and n.incurrence_date > coalesce((select cut_over_date from openings where subject = 'subordinated_debt_proceeds_opening'), date '1994-02-17')
),

subordinated_retirements as (
    select
        i.*,
        sum(i.amount) over (order by i.payment_date, i.transaction_id rows between unbounded preceding and current row) as retired_since_cut_over
    from items as i
    where i.named_basket = '4.09(b)(IV)' and i.payment_date > date '1994-02-17'
        and i.payment_date > coalesce((select cut_over_date from openings where subject = 'subordinated_debt_retirements_opening'), date '1994-02-17')
),

subordinated_test as (
    select
        'indenture-1996/4.09(b)(IV)' as clause_id,
        r.payment_date as test_date,
        r.transaction_id,
        (select value_amount from openings where subject = 'subordinated_debt_retirements_opening') + r.retired_since_cut_over as actual,
        (select value_amount from openings where subject = 'subordinated_debt_proceeds_opening')
            + coalesce((select sum(p.amount) from subordinated_proceeds as p where p.incurrence_date <= r.payment_date), 0) as threshold,
        json_object('retired_since_cut_over', json_object('value', r.retired_since_cut_over::varchar, 'clause_id', 'indenture-1996/4.09(b)(IV)')) as inputs,
        list_concat(
            case when not exists (select 1 from openings where subject = 'subordinated_debt_retirements_opening')
                then ['subordinated_debt_retirements_opening (R-I06)'] else []::varchar[] end,
            case when not exists (select 1 from openings where subject = 'subordinated_debt_proceeds_opening')
                then ['subordinated_debt_proceeds_opening (R-I06)'] else []::varchar[] end
        ) as missing_inputs
    from subordinated_retirements as r
),

affiliate_test as (
    select
        'indenture-1996/4.09(b)(VI)' as clause_id,
        i.payment_date as test_date,
        i.transaction_id,
        case when i.recipient_kind in ('kac', 'maxxam', 'maxxam_affiliate') then i.amount else 0 end as actual,
        cast(null as decimal(38, 2)) as threshold,
        json_object('recipient_kind', json_object('value', i.recipient_kind, 'clause_id', 'indenture-1996/4.09(b)(VI)')) as inputs,
        []::varchar[] as missing_inputs
    from items as i
    where i.named_basket = '4.09(b)(VI)'
),

-- (VII): "not to exceed $300,000 in any fiscal year" (the calendar year, 4.06(b))
kac_expenses as (
    select
        'indenture-1996/4.09(b)(VII)' as clause_id,
        i.payment_date as test_date,
        i.transaction_id,
        sum(i.amount) over (partition by year(i.payment_date) order by i.payment_date, i.transaction_id
                            rows between unbounded preceding and current row) as actual,
        cast(null as decimal(38, 2)) as threshold,
        json_object('payment', json_object('value', i.amount::varchar, 'clause_id', 'indenture-1996/4.09(b)(VII)')) as inputs,
        []::varchar[] as missing_inputs
    from items as i
    where i.named_basket = '4.09(b)(VII)'
),

-- (VIII): cumulative from February 1, 1993, net of returns, plus the USIO made under (VIII)
viii_items as (
    select
        i.transaction_id,
        i.payment_date,
        i.named_basket,
        i.item_kind,
        i.is_maxxam_related,
        case when i.item_kind in ('unrestricted_subsidiary_investment', 'unrestricted_subsidiary_return')
            then coalesce((select sum(u.usio_change) from unrestricted_subsidiary_investments_outstanding as u where u.transaction_id = i.transaction_id), 0)
            else i.signed_amount end as usage_change,
        i.kac_pass_through_counted
    from items as i
    where i.basket = '4.09(b)(VIII)' and i.payment_date > date '1993-02-01'
),

viii_running as (
    select
        v.*,
        sum(v.usage_change) over w as used_since_cut_over,
        sum(case when v.is_maxxam_related then v.usage_change - v.kac_pass_through_counted else 0 end) over w as maxxam_since_cut_over
    from viii_items as v
    where v.payment_date > coalesce((select cut_over_date from openings where subject = 'basket_4_09_b_viii_opening'), date '1993-02-01')
    window w as (order by v.payment_date, v.transaction_id rows between unbounded preceding and current row)
),

viii_test as (
    select
        'indenture-1996/4.09(b)(VIII)' as clause_id,
        v.payment_date as test_date,
        v.transaction_id,
        (select value_amount from openings where subject = 'basket_4_09_b_viii_opening') + v.used_since_cut_over as actual,
        cast(null as decimal(38, 2)) as threshold,
        json_object('used_since_cut_over', json_object('value', v.used_since_cut_over::varchar, 'clause_id', 'indenture-1996/4.09(b)(VIII)')) as inputs,
        case when not exists (select 1 from openings where subject = 'basket_4_09_b_viii_opening')
            then ['basket_4_09_b_viii_opening (R-I06)'] else []::varchar[] end as missing_inputs
    from viii_running as v
    where v.named_basket = '4.09(b)(VIII)'
    union all
    select
        'indenture-1996/4.09(b)(VIII)-maxxam',
        v.payment_date,
        v.transaction_id,
        (select value_amount from openings where subject = 'basket_4_09_b_viii_maxxam_opening') + v.maxxam_since_cut_over,
        cast(null as decimal(38, 2)),
        json_object('maxxam_since_cut_over', json_object('value', v.maxxam_since_cut_over::varchar, 'clause_id', 'indenture-1996/4.09(b)(VIII)-maxxam')),
        case when not exists (select 1 from openings where subject = 'basket_4_09_b_viii_maxxam_opening')
            then ['basket_4_09_b_viii_maxxam_opening (R-I06, R-I23)'] else []::varchar[] end
    from viii_running as v
    where v.named_basket = '4.09(b)(VIII)' and v.is_maxxam_related
),

-- 4.09(b): a payment claimed under a clause whose kind of payment it is not; the figure is its amount (a yes/no rule
-- tested as an amount against 0)
basket_kind as (
    select
        'indenture-1996/4.09(b)' as clause_id,
        i.payment_date as test_date,
        i.transaction_id,
        case
            when i.named_basket = '4.09(b)(I)' and i.payment_kind not in ('dividend', 'stock_repurchase', 'subordinated_debt_retirement') then i.amount
            when i.named_basket = '4.09(b)(II)' and i.payment_kind <> 'stock_repurchase' then i.amount
            when i.named_basket in ('4.09(b)(IV)', '4.09(b)(V)') and i.payment_kind <> 'subordinated_debt_retirement' then i.amount
            when i.named_basket = '4.09(b)(VI)' and i.payment_kind not in ('dividend', 'stock_repurchase') then i.amount
            when i.named_basket = '4.09(b)(VII)' and i.recipient_kind <> 'kac' then i.amount
            when i.named_basket = '4.09(b)(VIII)' and i.payment_date <= date '1993-02-01' then i.amount
            else 0
        end as actual,
        cast(null as decimal(38, 2)) as threshold,
        json_object('basket', json_object('value', i.named_basket, 'clause_id', 'indenture-1996/4.09(b)'),
                    'payment_kind', json_object('value', i.payment_kind, 'clause_id', 'indenture-1996/4.09(b)'),
                    'recipient_kind', json_object('value', i.recipient_kind, 'clause_id', 'indenture-1996/4.09(b)')) as inputs,
        []::varchar[] as missing_inputs
    from items as i
    where i.named_basket like '4.09(b)%' and i.item_kind not in ('restricted_investment_return', 'unrestricted_subsidiary_return')
),

tests as (
    select * from condition_a
    union all select * from condition_c
    union all select * from maxxam_cap
    union all select * from declaration_days
    union all select * from subordinated_test
    union all select * from affiliate_test
    union all select * from kac_expenses
    union all select * from viii_test
    union all select * from basket_kind
),

result_rows as (
    select
        clause_id, test_date, 'transaction' as test_kind, transaction_id, actual,
        -- a payment in property or a designation names the value it counts at (R-I65)
        cast(json_merge_patch(t.inputs, coalesce(v.valued, '{}'::json)) as varchar) as inputs,
        cast(to_json(coalesce(list_sort(list_distinct(missing_inputs)), []::varchar[])) as varchar) as missing_inputs,
        cast(threshold as decimal(38, 2)) as threshold
    from tests as t
    left join (
        select
            transaction_id,
            json_object('amount_counted', json_merge_patch(
                json_object(
                    'value', amount::varchar,
                    'clause_id', case when investment_form = 'designation' then 'indenture-1996/4.09-designation' else 'indenture-1996/4.09(a)(C)' end,
                    'recorded_amount', recorded_amount::varchar
                ),
                -- a value not given is left out (a null in a merge patch removes its key)
                json_object('net_book_value', net_book_value::varchar, 'fair_market_value', fair_market_value::varchar)
            )) as valued
        from items
        where investment_form in ('property', 'designation')
    ) as v using (transaction_id)
)

select * from result_without_period(result_rows)
