-- clause: indenture-1996/2.01
-- The Notes' principal month by month (notes_instruments). principal_outstanding sums the Notes' instruments at
-- each month end; principal_issued sums every
-- increase of that balance since the first month: a redemption or purchase does not restore what may be
-- authenticated under 2.01, and an exchange of Initial for Exchange Notes nets to no increase.
with months as (
    select b.period_end, sum(b.principal_outstanding) as principal_outstanding, string_agg(distinct b.instrument_id, ', ' order by b.instrument_id) as instrument_ids
    from stg_debt_balances as b
    join notes_instruments as n on n.instrument_id = b.instrument_id
    group by b.period_end
),

changes as (
    select
        *,
        principal_outstanding - coalesce(lag(principal_outstanding) over (order by period_end), 0) as change
    from months
)

select
    period_end,
    instrument_ids,
    principal_outstanding,
    cast(sum(greatest(change, 0)) over (order by period_end) as decimal(38, 2)) as principal_issued
from changes
