-- clause: indenture-1996/4.09(a)(C)
-- clause: indenture-1996/4.09(b)(I)
-- clause: indenture-1996/4.09(b)(VIII)
-- The 4.09(a)(C) basket as a ledger: one entry per item that moves usage or capacity, in date order, with running Used
-- and Capacity.

-- Each ledger is rolled forward from its attested opening balance at its cut-over date (R-I06).
with openings as (
    select * from restricted_payment_opening_balances
),

cut_over as (
    select
        (select cut_over_date from openings where subject = 'restricted_payments_opening') as restricted_payments,
        (select cut_over_date from openings where subject = 'restricted_investments_opening') as restricted_investments,
        (select cut_over_date from openings where subject = 'equity_proceeds_opening') as equity_proceeds
),

-- Used = (x) "the aggregate amount expended for all Restricted Payments after December 31, 1992" + (y) Restricted
-- Investments "after the date of the 9 7/8% Note Indenture" (February 17, 1994) less those "returned in cash" + (z)
-- "the aggregate amount of Unrestricted Subsidiary Investments Outstanding" [Indenture § 4.09(a)(C)]. Items under
-- 4.09(b)(I) and (VIII) count; items under (II)-(VII) and (IX) do not [Indenture § 4.09].
entries as (
    select o.cut_over_date as entry_date, 0 as sequence, 'opening' as entry_kind, o.attestation_id as transaction_id,
        'Attested ' || o.subject || ' at the cut-over (R-I06)' as description,
        case when o.subject in ('restricted_payments_opening', 'restricted_investments_opening') then o.value_amount else 0 end as used_change,
        case when o.subject = 'equity_proceeds_opening' then o.value_amount else 0 end as capacity_ii_change,
        cast(0 as decimal(38, 3)) as capacity_iii_change
    from openings as o
    where o.subject in ('restricted_payments_opening', 'restricted_investments_opening', 'equity_proceeds_opening')

    -- (x) Restricted Payments and (y) Restricted Investments, net of returns, under 4.09(a), (b)(I) and (b)(VIII)
    union all
    select i.payment_date, 2, i.item_kind, i.transaction_id,
        i.description || case when not i.return_qualifies
            then ' (returned as ' || i.investment_form || ': not a reduction under 4.09(a)(C)(y))' else '' end,
        i.signed_amount, 0, 0
    from restricted_payment_items as i, cut_over as c
    where i.reduces_4_09_a
        and (
            (i.item_kind = 'restricted_payment' and i.payment_date > date '1992-12-31'
                and i.payment_date > coalesce(c.restricted_payments, date '1992-12-31'))
            or (i.item_kind in ('restricted_investment', 'restricted_investment_return') and i.payment_date > date '1994-02-17'
                and i.payment_date > coalesce(c.restricted_investments, date '1994-02-17'))
        )

    -- Capacity (III): 50% of Unrestricted Subsidiary cash distributions after December 23, 1996 not needed to bring
    -- USIO to zero.
    -- (z) the change in Unrestricted Subsidiary Investments Outstanding, and (III) half of a distribution's excess
    union all
    select u.entry_date, 2, 'unrestricted_subsidiary_investments_outstanding', u.transaction_id,
        'USIO of ' || u.unrestricted_subsidiary_id || ' ' || u.usio_before || ' -> ' || u.usio_after
            || case when u.excess_distribution > 0 then '; excess distribution ' || u.excess_distribution else '' end,
        case when u.basket in ('4.09(a)', '4.09(b)(I)', '4.09(b)(VIII)') then u.usio_change else 0 end,
        0,
        cast(u.excess_distribution
            * cast(parameter('indenture-1996', 'builder_basket_distribution_fraction', greatest(u.entry_date, date '1996-12-23')) as decimal(9, 6))
            as decimal(38, 3))
    from unrestricted_subsidiary_investments_outstanding as u

    -- Capacity (II): net proceeds of Capital Stock (not Redeemable Stock, not sold to a Subsidiary) and capital
    -- contributions after December 31, 1992, less proceeds used under 4.09(b)(II) and (V) ("shall be excluded",
    -- [Indenture § 4.09(b)(II); § 4.09(b)(V)]) and conversions under (b)(IV).
    -- (II) equity proceeds received by the Company
    union all
    select q.issue_date, 1, 'equity_proceeds', q.transaction_id,
        q.issuance_kind || ' ' || q.net_proceeds || ' from ' || q.purchaser_kind
            || case when q.excluded_from_4_09_a_ii > 0 then ' less ' || q.excluded_from_4_09_a_ii || ' (4.09(b)(IV) conversion)' else '' end,
        0,
        q.net_proceeds - q.excluded_from_4_09_a_ii,
        0
    from stg_equity_issuances as q
    join stg_entities as e
        on e.entity_id = q.issuer_entity_id and e.role = 'company'
        and e.valid_from <= q.issue_date and (e.valid_to is null or q.issue_date <= e.valid_to),
        cut_over as c
    where not q.is_redeemable
        -- "(other than to a Non-Affiliate Joint Venture or to a Subsidiary or an Unrestricted Subsidiary of the Company)"
        -- [Indenture § 4.09(a)(C)(II)]
        and q.purchaser_kind not in ('subsidiary', 'non_affiliate_joint_venture', 'unrestricted_subsidiary')
        and q.issue_date > date '1992-12-31'
        and q.issue_date > coalesce(c.equity_proceeds, date '1992-12-31')

    -- proceeds used under 4.09(b)(II) and (V) leave (II)
    union all
    select i.payment_date, 2, 'proceeds_used_' || i.named_basket, i.transaction_id, i.description, 0, -i.amount, 0
    from restricted_payment_items as i, cut_over as c
    where i.named_basket in ('4.09(b)(II)', '4.09(b)(V)')
        and i.payment_date > coalesce(c.equity_proceeds, date '1992-12-31')
),

-- (I) moves on the day a quarter's financial statements become available
cni_entries as (
    select
        a.available_on as entry_date,
        1 as sequence,
        'consolidated_net_income' as entry_kind,
        'CNI-' || n.quarter_end as transaction_id,
        'Cumulative Consolidated Net Income to ' || n.quarter_end || ': ' || n.cumulative_consolidated_net_income as description,
        0 as used_change,
        0 as capacity_ii_change,
        cast(0 as decimal(38, 3)) as capacity_iii_change
    from cumulative_consolidated_net_income as n
    join financial_statements_available as a on a.quarter_end = n.quarter_end
),

ledger as (
    select * from entries
    union all
    select * from cni_entries
),

running as (
    select
        *,
        sum(used_change) over w as used_after,
        sum(capacity_ii_change) over w as capacity_ii,
        sum(capacity_iii_change) over w as capacity_iii
    from ledger
    window w as (order by entry_date, sequence, transaction_id rows between unbounded preceding and current row)
),

-- Capacity = (I) 50% of cumulative Consolidated Net Income (all of a deficit) to the most recent quarter with financial
-- statements available (financial_statements_available: available on or before the date, as in coverage_ratio_tests) +
-- (II) + (III).
with_cni as (
    select
        r.*,
        n.quarter_end as cni_quarter_end,
        n.capacity_i,
        n.missing_inputs as cni_missing
    from running as r
    left join cumulative_consolidated_net_income as n
        on n.quarter_end = (
            select max(m.quarter_end) from cumulative_consolidated_net_income as m
            join financial_statements_available as a on a.quarter_end = m.quarter_end
            where a.available_on <= r.entry_date and m.quarter_end < r.entry_date
        )
)

select
    entry_date,
    sequence,
    entry_kind,
    transaction_id,
    description,
    cast(used_change as decimal(38, 2)) as used_change,
    cast(used_after as decimal(38, 2)) as used_after,
    cni_quarter_end,
    capacity_i,
    cast(capacity_ii as decimal(38, 2)) as capacity_ii,
    cast(capacity_iii as decimal(38, 3)) as capacity_iii,
    -- a half cent cannot be paid: capacity to the cent, rounded down
    cast(cast(floor((capacity_i + capacity_ii + capacity_iii) * 100) as decimal(38, 0)) * 0.01 as decimal(38, 2)) as capacity,
    list_sort(list_distinct(list_concat(
        case when cni_quarter_end is null then ['Consolidated Net Income for a fiscal quarter ended before ' || entry_date || ' with financial statements available'] else []::varchar[] end,
        coalesce(cni_missing, []::varchar[]),
        coalesce((
            select list(v.subject || ' (R-I06): the attested opening balance at a cut-over date')
            from (values ('restricted_payments_opening'), ('restricted_investments_opening'), ('equity_proceeds_opening')) as v (subject)
            where v.subject not in (select o.subject from openings as o)
        ), []::varchar[])
    ))) as missing_inputs
from with_cni
