-- clause: ppca-2002/amend6/effectiveness(c)
-- Fees paid to the Agent for the ratable benefit of the Lenders. Renamed and typed only.
select
    fee_id,
    fee_kind,
    paid_on,
    cast(amount as decimal(38, 2)) as amount,
    document,
    _row
from raw_lender_fees
