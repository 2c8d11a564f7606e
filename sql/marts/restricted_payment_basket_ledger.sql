-- clause: indenture-1996/4.09(a)(C)
-- clause: indenture-1996/4.09(a)-maxxam-cap
-- clause: indenture-1996/4.09(b)(VII)
-- clause: indenture-1996/4.09(b)(VIII)
-- clause: indenture-1996/4.09(b)(VIII)-maxxam
-- transactions of: attestations, equity_issuances, restricted_payments
-- The 4.09 baskets as ledgers (the shared basket-ledger columns): the 4.09(a)(C) builder basket (every payment, return,
-- equity issuance and Consolidated Net Income quarter that moves usage or capacity), and, from the tests mart, each
-- payment under the MAXXAM calendar-year cap ($75,000,000), (VII) per fiscal year ($300,000), (VIII) ($50,000,000)
-- and its MAXXAM sub-cap ($20,000,000), with running usage and capacity left.
with builder as (
    select
        'indenture-1996/4.09(a)(C)' as clause_id,
        '4.09(a)(C) builder basket' as basket,
        'cumulative' as measure,
        entry_date,
        transaction_id,
        entry_kind || ': ' || description as description,
        used_change as amount,
        used_after as usage_after,
        case when len(missing_inputs) = 0 then capacity end as capacity,
        json_object(
            'capacity_i', capacity_i::varchar, 'capacity_ii', capacity_ii::varchar, 'capacity_iii', capacity_iii::varchar,
            'cni_quarter_end', cni_quarter_end::varchar, 'missing_inputs', missing_inputs
        ) as inputs,
        sequence
    from restricted_payment_builder_basket
),

capped as (
    select
        t.clause_id,
        case t.clause_id
            when 'indenture-1996/4.09(a)-maxxam-cap' then '4.09(a) MAXXAM calendar-year cap'
            when 'indenture-1996/4.09(b)(VII)' then '4.09(b)(VII) KAC expenses'
            when 'indenture-1996/4.09(b)(VIII)' then '4.09(b)(VIII) general basket'
            else '4.09(b)(VIII) MAXXAM sub-cap'
        end as basket,
        case t.clause_id
            when 'indenture-1996/4.09(a)-maxxam-cap' then 'per_calendar_year'
            when 'indenture-1996/4.09(b)(VII)' then 'per_fiscal_year'
            else 'cumulative'
        end as measure,
        t.test_date as entry_date,
        t.transaction_id,
        i.description,
        t.actual - coalesce(lag(t.actual) over (
            partition by t.clause_id,
                case when t.clause_id in ('indenture-1996/4.09(a)-maxxam-cap', 'indenture-1996/4.09(b)(VII)') then year(t.test_date) end
            order by t.test_date, t.transaction_id
        ), case t.clause_id
            when 'indenture-1996/4.09(b)(VIII)' then (select value_amount from restricted_payment_opening_balances where subject = 'basket_4_09_b_viii_opening')
            when 'indenture-1996/4.09(b)(VIII)-maxxam' then (select value_amount from restricted_payment_opening_balances where subject = 'basket_4_09_b_viii_maxxam_opening')
            else 0
        end) as amount,
        t.actual as usage_after,
        cast(parameter('indenture-1996', case t.clause_id
            when 'indenture-1996/4.09(a)-maxxam-cap' then 'maxxam_restricted_payments_calendar_year_cap'
            when 'indenture-1996/4.09(b)(VII)' then 'kac_expenses_fiscal_year_cap'
            when 'indenture-1996/4.09(b)(VIII)' then 'general_restricted_payments_cap'
            else 'general_restricted_payments_maxxam_cap'
        end, greatest(t.test_date, date '1996-12-23')) as decimal(38, 2)) as capacity,
        t.inputs,
        2 as sequence
    from restricted_payment_tests as t
    join restricted_payment_items as i using (transaction_id)
    where t.clause_id in (
        'indenture-1996/4.09(a)-maxxam-cap', 'indenture-1996/4.09(b)(VII)',
        'indenture-1996/4.09(b)(VIII)', 'indenture-1996/4.09(b)(VIII)-maxxam'
    )
),

ledger as (
    select * from builder
    union all
    select * from capped
),

ledger_rows as (
    select * exclude (sequence) replace (cast(inputs as varchar) as inputs)
    from ledger
    order by clause_id, entry_date, sequence, transaction_id
)

select * from basket_ledger_rows(ledger_rows)
