-- clause: ppca-2002/2.1.1(b)
-- The Revolving Commitment Amount on each day of the Borrowing Base's span. Each day names its source rows by their
-- keys, which the results cite (a row number would change with the file's order).
with days as (
    select day from ppca_business_days
),

-- From the data: the commitment of the debt instrument marked credit_agreement = 'ppca-2002' (several marked: their
-- sum), as dated in facility_commitments (a row covering the day wins, the latest valid_from first), else its
-- debt_instruments commitment from its issue_date.
facilities as (
    select instrument_id, commitment, issue_date
    from raw_debt_instruments
    where credit_agreement = 'ppca-2002'
),

per_facility as (
    select
        d.day,
        f.instrument_id,
        coalesce(c.commitment, case when d.day >= f.issue_date then f.commitment end) as commitment,
        case
            when c.commitment is not null
                then 'facility_commitments ' || f.instrument_id || ' from ' || c.valid_from || ' (' || c.document || ')'
            when d.day >= f.issue_date and f.commitment is not null
                then 'debt_instruments ' || f.instrument_id
        end as source
    from days as d
    cross join facilities as f
    left join lateral (
        select x.commitment, x.valid_from, x.document
        from raw_facility_commitments as x
        where x.instrument_id = f.instrument_id and x.valid_from <= d.day and (x.valid_to is null or d.day <= x.valid_to)
        order by x.valid_from desc
        limit 1
    ) as c on true
),

from_data as (
    select day, sum(commitment) as commitment, string_agg(source, '; ' order by instrument_id) as source
    from per_facility
    where commitment is not null
    group by day
),

-- Only when no marked facility gives an amount on the day is the parameter revolving_commitment_amount taken: the Sixth
-- Amendment's own number [Sixth Amendment § 1.2 (Credit Agreement § 2.1.1(b))] "delete the reference to "$300,000,000"
-- in clause (x) thereof and to replace it with "$285,000,000"", in force from 2003-08-01.
default_parameter as (
    select
        d.day,
        cast(parameter('ppca-2002', 'revolving_commitment_amount', d.day) as decimal(38, 2)) as commitment,
        'parameter revolving_commitment_amount (' || parameter_source('ppca-2002', 'revolving_commitment_amount', d.day) || ')' as source
    from days as d
    where parameter('ppca-2002', 'revolving_commitment_amount', d.day) is not null
)

select
    d.day,
    cast(coalesce(f.commitment, p.commitment) as decimal(38, 2)) as revolving_commitment_amount,
    coalesce(f.source, p.source) as source
from days as d
left join from_data as f on f.day = d.day
left join default_parameter as p on p.day = d.day
