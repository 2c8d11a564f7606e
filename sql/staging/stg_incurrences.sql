-- clause: indenture-1996/4.10(a)
-- clause: indenture-1996/def/ConsolidatedFixedChargeCoverageRatio
-- clause: indenture-1996/4.10(b)
-- Each Incurrence of Indebtedness with the basket relied on and the debt repaid from its proceeds. Renamed and typed only.
select
    transaction_id,
    incurrence_date,
    instrument_id,
    cast(amount as decimal(38, 2)) as amount,
    basket,
    proceeds_applied_to_instrument_id,
    cast(proceeds_applied_amount as decimal(38, 2)) as proceeds_applied_amount,
    description,
    basket_detail,
    cast(premium_and_fees as decimal(38, 2)) as premium_and_fees,
    cast(accrued_interest_refinanced as decimal(38, 2)) as accrued_interest_refinanced,
    _row
from raw_incurrences
