-- clause: indenture-1996/4.10(c)
-- clause: indenture-1996/4.12(c)
-- clause: indenture-1996/15.05
-- The guarantee register as delivered: guarantees of Indebtedness of the Company and the Subsidiary Guarantors, the
-- Subsidiary Guarantors' guarantees of the Notes among them. Renamed and typed only.
select
    guarantee_id,
    guarantor_entity_id,
    guaranteed_obligor_entity_id,
    guaranteed_instrument_id,
    guaranteed_debt,
    guaranteed_debt_subordination,
    guarantee_ranking,
    given_on,
    released_on,
    release_basis,
    release_reference,
    existed_when_guarantor_acquired,
    refinances_guarantee_id,
    maximum_liability,
    description,
    _row
from raw_guarantees
