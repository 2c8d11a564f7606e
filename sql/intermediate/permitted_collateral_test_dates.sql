-- clause: indenture-1996/4.11(b)(i)
-- clause: indenture-1996/def/MaximumSecuredAmount
-- The dates on which the Maximum Secured Amount is needed: each creation and release of a Lien on Permitted Collateral
-- counted under 4.11(b)(i) or (viii)(a), each Incurrence of Indebtedness such a Lien secures (R-I07: each borrowing is
-- an Incurrence, since (b)(i) tests "at the time such Indebtedness is Incurred" [Indenture § 4.11(b)(i)]), each
-- deduction (iv)/(v), and each fiscal quarter end from the Indenture's date (December 23, 1996).
with maximum_secured_amount_liens as (
    select *
    from stg_liens
    where permitted_clause in ('4.11(b)(i)', '4.11(b)(viii)(a)')
),

dates as (
    select created_on as test_date from maximum_secured_amount_liens
    union all
    select released_on from maximum_secured_amount_liens where released_on is not null
    union all
    select incurrence_date from secured_incurrences(stg_incurrences, maximum_secured_amount_liens)
    union all
    select period_end from current_attestations where subject = 'maximum_secured_amount_deduction'
    union all
    select quarter_end from fiscal_quarters where quarter_end >= date '1996-12-23'
)

select distinct test_date
from dates
where test_date >= date '1996-12-23'
