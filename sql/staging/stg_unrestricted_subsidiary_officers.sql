-- clause: indenture-1996/4.15(iii)
-- Directors and executive officers of the Unrestricted Subsidiaries; is_independent = "not a director or executive
-- officer of the Company or any of its Subsidiaries" [Indenture § 4.15(iii)]. Typed only.
select
    entity_id,
    person_name,
    position,
    is_independent,
    appointed_on,
    ceased_on,
    cessation_reason,
    _row
from raw_unrestricted_subsidiary_officers
