-- clause: indenture-1996/def/ConsolidatedCashFlowAvailableForFixedCharges
-- Acquisitions of assets or Capital Stock, for the pro forma adjustment (y). Renamed and typed only.
select
    transaction_id,
    acquisition_date,
    acquirer_entity_id,
    description,
    cast(consideration as decimal(38, 2)) as consideration,
    is_material_out_of_ordinary_course,
    _row
from raw_acquisitions
