-- clause: indenture-1996/4.12(b)(J)
-- clause: indenture-1996/def/ConsolidatedNetWorth
-- transactions of: asset_transfers
-- The 4.12(b)(J) "other transfers" basket as a ledger.

-- Cumulative from the effective_from of parameter asset_transfer_basket_cumulative (default December 23, 1996, R-I27).
with period as (
    select min(effective_from) filter (where cast(value as integer) = 1) as basket_start
    from parameter_history('indenture-1996', 'asset_transfer_basket_cumulative')
),

entries as (
    select
        t.transfer_id,
        t.transfer_date,
        t.description,
        case when t.is_return then -t.fair_market_value else t.fair_market_value end as amount,
        t.is_return
    from stg_asset_transfers as t
    cross join period as p
    where t.exemption_clause = 'J' and t.transfer_date >= p.basket_start
),

-- Consolidated Net Worth after giving effect to the transfer is attested per transfer
-- (pro_forma_consolidated_net_worth, R-I27); without it the capacity is null (the greater of two figures, one unknown).
running as (
    select
        e.*,
        sum(e.amount) over (order by e.transfer_date, e.transfer_id rows unbounded preceding) as usage_after,
        (select a.value_amount from current_attestations as a
            where a.subject = 'pro_forma_consolidated_net_worth' and a.reference_id = e.transfer_id
            order by a.attested_on desc, a.period_end desc, a.attestation_id desc limit 1) as pro_forma_consolidated_net_worth
    from entries as e
)

-- "the aggregate amount thereof (if other than cash, ... the Fair Market Value of such asset at the time of such
-- transfer), less the aggregate amount of such assets returned to the Company or any Subsidiary Guarantor ..., does not
-- exceed, in the aggregate, the greater of (i) $25,000,000 or (ii) 5% of the Company's Consolidated Net Worth,
-- calculated after giving effect to such transfers and returns" [Indenture § 4.12(b)(I)-(J)]. 5% of CNW is truncated to
-- the cent (a capacity never larger than the clause gives); the cap is computed per entry.
select
    'indenture-1996/4.12(b)(J)' as clause_id,
    'Other transfers of assets to Subsidiaries and Non-Affiliate Joint Ventures' as basket,
    'cumulative' as measure,
    transfer_date as entry_date,
    transfer_id as transaction_id,
    description,
    cast(amount as decimal(38, 2)) as amount,
    cast(usage_after as decimal(38, 2)) as usage_after,
    -- greatest() skips nulls, so an unattested CNW is kept null explicitly
    cast(case when pro_forma_consolidated_net_worth is not null then c.capacity end as decimal(38, 2)) as capacity,
    cast(case when pro_forma_consolidated_net_worth is not null then c.capacity - usage_after end as decimal(38, 2)) as remaining,
    json_object(
        'is_return', is_return,
        'pro_forma_consolidated_net_worth', cast(pro_forma_consolidated_net_worth as varchar)
    )::varchar as inputs
from running
-- the greater of the fixed amount and the share of the attested Consolidated Net Worth, truncated to the cent
cross join lateral (
    select greatest(
        cast(parameter('indenture-1996', 'asset_transfer_basket_floor', transfer_date) as decimal(38, 2)),
        trunc(pro_forma_consolidated_net_worth
            * cast(parameter('indenture-1996', 'asset_transfer_basket_net_worth_fraction', transfer_date) as decimal(9, 6)), 2)
    ) as capacity
) as c
order by transfer_date, transfer_id
