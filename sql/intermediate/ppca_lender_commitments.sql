-- clause: ppca-2002/2.1.1(b)
-- clause: ppca-2002/12.1(vii)
-- clause: ppca-2002/amend6/effectiveness(c)
-- Each Lender's Revolving Commitment and its share of all of them, on each date a ppca-2002 rule counts the Lenders.

-- The dates: the Sixth Amendment's effective date (2003-08-01, R-P01) and the date of each request for a consent.
with dates as (
    select date '2003-08-01' as as_of
    union
    select request_date from stg_lender_consents
),

-- A Lender is counted on a date when its register row then in force gives it a Revolving Commitment above zero.
held as (
    select d.as_of, l.lender_id, l.lender_name, l.revolving_commitment, l._row
    from dates as d
    join stg_lenders as l
        on l.effective_date <= d.as_of and (l.valid_to is null or d.as_of <= l.valid_to)
    where l.revolving_commitment > 0
)

-- The share is kept exact as two integers of cents (R-P16: "commitment/285,000,000 at full precision") and shown to
-- twelve places; the Revolving Commitment Amount is the sum of the commitments ([Sixth Amendment § 1.2 (Credit
-- Agreement § 2.1.1(b))]: "The amount of each Lender's Revolving Commitment as of the effective date of the Sixth
-- Amendment is as set forth on Schedule A").
select
    as_of,
    lender_id,
    lender_name,
    revolving_commitment,
    sum(revolving_commitment) over (partition by as_of) as revolving_commitment_amount,
    cast(revolving_commitment * 100 as hugeint) as commitment_cents,
    cast(sum(revolving_commitment) over (partition by as_of) * 100 as hugeint) as commitment_amount_cents,
    cast(revolving_commitment / sum(revolving_commitment) over (partition by as_of) as decimal(38, 12)) as commitment_share,
    _row
from held
