-- clause: indenture-1996/def/GAAP
-- clause: ppca-2002/9.2.4(a)
-- Facts only a person can supply. The text value is also parsed as an amount (at most two decimals), a rate (at most
-- eight decimals) and a boolean; a value that does not parse stays null there, and the model using it reports it missing.
select
    attestation_id,
    subject,
    nullif(trim(reference_id), '') as reference_id,
    period_end,
    value,
    case when regexp_full_match(trim(value), '-?[0-9]{1,30}(\.[0-9]{1,2})?') then cast(trim(value) as decimal(38, 2)) end as value_amount,
    case when regexp_full_match(trim(value), '-?[0-9]{1,4}(\.[0-9]{1,8})?') then cast(trim(value) as decimal(38, 8)) end as value_rate,
    case lower(trim(value)) when 'true' then true when 'false' then false end as value_flag,
    attested_by,
    role,
    attested_on,
    document,
    _row
from raw_attestations
