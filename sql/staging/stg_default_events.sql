-- clause: indenture-1996/6.01
-- clause: indenture-1996/3.05(a)-definition
-- Defaults, accelerations, judgments, bankruptcy events and Changes of Control. Renamed and typed only; empty
-- instrument ids become null.
select
    event_id,
    kind,
    event_date,
    entity_id,
    nullif(trim(instrument_id), '') as instrument_id,
    cast(amount as decimal(38, 2)) as amount,
    cast(insured_amount as decimal(38, 2)) as insured_amount,
    cured_on,
    document,
    _row
from raw_default_events
