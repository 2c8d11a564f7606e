-- clause: indenture-1996/def/BoardResolution
-- clause: indenture-1996/4.10(b)(ii)
-- Board Resolutions of the Company, with the day each takes effect: "a copy of a resolution certified by the
-- Secretary or an Assistant Secretary ... and delivered to the Trustee" [Indenture § 1.01, “Board Resolution”] is a
-- Board Resolution from its delivery, and a reduction "as set forth in" it [Indenture § 4.10(b)(ii)] applies from the
-- later of that day and the effective date it sets (R-I60).
select
    resolution_id,
    subject,
    adopted_on,
    delivered_to_trustee_on,
    effective_date,
    greatest(delivered_to_trustee_on, coalesce(effective_date, delivered_to_trustee_on)) as takes_effect_on,
    cast(amount as decimal(38, 2)) as amount,
    document,
    _row
from raw_board_resolutions
