-- clause: indenture-1996/def/Indebtedness
-- clause: indenture-1996/4.10(b)
-- Debt instruments with the indenture basket each was Incurred under and its pricing. Renamed and typed only.
select
    instrument_id,
    instrument_name,
    obligor_entity_id,
    instrument_kind,
    indenture_basket,
    rate_kind,
    fixed_rate,
    floating_index,
    coalesce(spread, 0) as spread,
    day_count,
    letter_of_credit_fee_rate,
    cast(commitment as decimal(38, 2)) as commitment,
    issue_date,
    maturity_date,
    is_subordinated,
    is_secured,
    indebtedness_exclusion,
    ca1994_debt_class,
    obligor_relationship,
    permitted_indebtedness_clause,
    related_disposition_id,
    _row
from raw_debt_instruments
