-- clause: indenture-1996/4.14(d)
-- clause: indenture-1996/4.14(e)
-- One row per Asset Sale whose Net Cash Proceeds were committed in time to reinvestment (asset_sale_reinvestments),
-- with the use the proviso asks for.

-- Deadlines use the first receipt carrying a commitment.
with committed as (
    select
        transaction_id,
        bool_or(is_4_14_e) as is_4_14_e,
        min(receipt_date) as first_receipt_date,
        min(utilisation_due) as utilisation_due,
        min(first_committed_on) as committed_on,
        bool_or(has_24_months) as has_24_months,
        sum(committed_in_time) as committed_in_time,
        max(utilisation_fraction) as utilisation_fraction,
        flatten(list(missing_inputs order by receipt_date, receipt_id)) as missing_inputs
    from asset_sale_reinvestments
    where committed_in_time > 0
    group by transaction_id
),

-- The proviso: "provided that such Net Cash Proceeds are substantially so utilized no later than the last day of the
-- twelfth consecutive month (or ... $200,000,000, the twenty-fourth consecutive month) following the month in which
-- such Net Cash Proceeds are received" [Indenture § 4.14(d); § 4.14(e)(ii)]. The use is the cumulative amount attested
-- (asset_sale_reinvestment_utilised, R-I20) on the latest date no later than the deadline; "substantially" is the
-- parameter asset_sale_reinvestment_utilisation_fraction (default 100%) of the committed NCP, rounded up to the cent.
used as (
    select
        c.*,
        u.value_amount as utilised_by_deadline,
        u.period_end as utilised_as_of,
        cast(cast(ceil(c.utilisation_fraction * c.committed_in_time * 100) as decimal(38, 0)) * 0.01 as decimal(38, 2)) as required_use
    from committed as c
    left join lateral (
        select a.value_amount, a.period_end from current_attestations as a
        where a.subject = 'asset_sale_reinvestment_utilised' and a.reference_id = c.transaction_id and a.period_end <= c.utilisation_due
        order by a.period_end desc limit 1
    ) as u on true
)

-- The exemption holds only "if, and to the extent" [Indenture § 4.14(d)] the proviso is met. When it is not, the
-- committed NCP not used by the deadline are NCP "so to be applied pursuant to this Section 4.14" [Indenture § 4.14(c)]
-- again: they return to the Asset Sale Offer pool on lapsed_on, the day after the deadline (use on the deadline itself
-- is in time). With no use attested by the deadline the whole commitment is taken to return, and the attestation is a
-- missing input.
select
    *,
    cast(utilisation_due + interval 1 day as date) as lapsed_on,
    cast(case
        when utilised_by_deadline is null then committed_in_time
        when utilised_by_deadline >= required_use then 0
        else greatest(0, committed_in_time - utilised_by_deadline)
    end as decimal(38, 2)) as returned_to_pool,
    case when utilised_by_deadline is null
        then ['asset_sale_reinvestment_utilised (R-I20) for ' || transaction_id || ' by ' || utilisation_due]
        else []::varchar[]
    end as utilisation_missing
from used
