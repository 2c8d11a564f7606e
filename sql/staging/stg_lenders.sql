-- clause: ppca-2002/2.1.1(b)
-- The register of Lenders: each Lender's Revolving Commitment from its effective date to the day before the Lender's
-- next row ("The amount of each Lender's Revolving Commitment as of the effective date of the Sixth Amendment is as set
-- forth on Schedule A" [Sixth Amendment § 1.2 (Credit Agreement § 2.1.1(b))]; later assignments change it). Typed, with
-- the day each row stops applying.
select
    lender_id,
    lender_name,
    effective_date,
    lead(effective_date) over (partition by lender_id order by effective_date) - 1 as valid_to,
    cast(revolving_commitment as decimal(38, 2)) as revolving_commitment,
    document,
    _row
from raw_lenders
