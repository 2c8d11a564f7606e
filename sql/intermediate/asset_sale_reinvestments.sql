-- clause: indenture-1996/4.14(d)
-- clause: indenture-1996/4.14(e)
-- Net Cash Proceeds per receipt, split into the part the Company committed to reinvest in time and the rest, which is
-- "so to be applied" to prepayment and an Asset Sale Offer.

-- The NCP of a series is summed over the recorded related_group_id; a transaction's commitments cover its receipts in
-- date order.
with ncp as (
    select
        n.*,
        coalesce(n.asset_class in ('gramercy_refinery', 'nevada_micromill', 'us_fixed_assets_not_permitted_collateral_acquired_after_issue'), false)
            as is_4_14_e,
        sum(n.net_cash_proceeds) over (partition by n.transaction_id order by n.receipt_date, n.receipt_id rows between unbounded preceding and 1 preceding)
            as ncp_before,
        sum(n.net_cash_proceeds) over (partition by n.group_id) as group_net_cash_proceeds,
        cast(parameter('indenture-1996', 'asset_sale_reinvestment_long_period_threshold', n.receipt_date) as decimal(38, 2)) as long_period_threshold,
        cast(parameter('indenture-1996', 'asset_sale_reinvestment_utilisation_fraction', n.receipt_date) as decimal(9, 6)) as utilisation_fraction
    from net_cash_proceeds as n
    where n.net_cash_proceeds > 0
),

-- A commitment counts for a receipt if made "within 140 days of the receipt of such Net Cash Proceeds"
-- [Indenture § 4.14(d)] (attested, R-I20: asset_sale_reinvestment_commitment, or for 4.14(e) assets only
-- asset_sale_reinvestment_commitment_us_fixed_assets, "in U.S. Fixed Assets (other than Permitted Collateral)"
-- [Indenture § 4.14(e)(ii)]).
commitments as (
    select
        reference_id as transaction_id,
        subject,
        period_end as committed_on,
        value_amount as amount
    from current_attestations
    where subject in ('asset_sale_reinvestment_commitment', 'asset_sale_reinvestment_commitment_us_fixed_assets')
),

utilised as (
    select reference_id as transaction_id, period_end as utilised_on, value_amount as cumulative_utilised
    from current_attestations
    where subject = 'asset_sale_reinvestment_utilised'
)

-- The use deadline is "the last day of the twelfth consecutive month (or ... exceeds $200,000,000, the twenty-fourth
-- ...) following the month in which such Net Cash Proceeds are received" [Indenture § 4.14(d)].
select
    n.receipt_id,
    n.transaction_id,
    n.group_id,
    n.sale_date,
    n.receipt_date,
    n.kind,
    n.asset_class,
    n.is_4_14_e,
    n.net_cash_proceeds,
    n.group_net_cash_proceeds,
    cast(n.receipt_date + interval 140 day as date) as commitment_due,
    (select min(c.committed_on) from commitments as c where c.transaction_id = n.transaction_id
        and (not n.is_4_14_e or c.subject = 'asset_sale_reinvestment_commitment_us_fixed_assets')) as first_committed_on,
    cast(least(n.net_cash_proceeds, greatest(0, coalesce((
        select sum(c.amount) from commitments as c
        where c.transaction_id = n.transaction_id
            and c.committed_on <= n.receipt_date + interval 140 day
            and (not n.is_4_14_e or c.subject = 'asset_sale_reinvestment_commitment_us_fixed_assets')
    ), 0) - coalesce(n.ncp_before, 0))) as decimal(38, 2)) as committed_in_time,
    n.utilisation_fraction,
    n.long_period_threshold,
    n.group_net_cash_proceeds > n.long_period_threshold as has_24_months,
    (select max(u.utilised_on) filter (where u.cumulative_utilised is not null) from utilised as u where u.transaction_id = n.transaction_id) as last_utilised_on,
    last_day(cast(date_trunc('month', n.receipt_date) + case when n.group_net_cash_proceeds > n.long_period_threshold
        then interval 24 month else interval 12 month end as date)) as utilisation_due,
    n.missing_inputs
from ncp as n
