-- clause: indenture-1996/4.10(b)(ii)
-- clause: indenture-1996/4.10(a)
-- The amount of 4.10(b)(ii) from each day it changes. A day is governed by the latest row with effective_from on or
-- before it.

-- "not to exceed $400,000,000, as reduced from time to time by any permanent reduction in such amount as set forth in a
-- Board Resolution" [Indenture § 4.10(b)(ii)]. The $400,000,000 is the agreement's own figure (parameter
-- permitted_credit_agreement_amount).
with base as (
    select effective_from, cast(value as decimal(38, 2)) as base_amount
    from parameter_history('indenture-1996', 'permitted_credit_agreement_amount')
),

-- Each Board Resolution of subject credit_agreement_amount_reduction lowers it by its amount, cumulatively
-- ("permanent"), from the day it takes effect (R-I60), never below zero. reduced_by names each resolution counted with
-- its row in the board_resolutions file, so a result using the amount cites it.
reductions as (
    select resolution_id, takes_effect_on, amount, _row
    from stg_board_resolutions
    where subject = 'credit_agreement_amount_reduction'
),

change_dates as (
    select effective_from from base
    union
    select takes_effect_on from reductions
)

select
    d.effective_from,
    any_value(b.base_amount) as base_amount,
    cast(coalesce(sum(r.amount), 0) as decimal(38, 2)) as reductions,
    cast(greatest(0, any_value(b.base_amount) - coalesce(sum(r.amount), 0)) as decimal(38, 2)) as amount,
    coalesce(
        list(r.resolution_id || ' (board_resolutions row ' || r._row || '): ' || r.amount order by r.takes_effect_on, r.resolution_id)
            filter (where r.resolution_id is not null),
        []::varchar[]
    ) as reduced_by
from change_dates as d
left join base as b on b.effective_from = (select max(x.effective_from) from base as x where x.effective_from <= d.effective_from)
left join reductions as r on r.takes_effect_on <= d.effective_from
group by d.effective_from
