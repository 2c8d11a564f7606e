-- clause: indenture-1996/def/GAAP
-- clause: ppca-2002/9.2.4(a)
-- The attestation in force for each subject, reference and date: a later-signed attestation of the same subject,
-- reference and period_end supersedes an earlier one (latest attested_on, then attestation_id).
select *
from stg_attestations
qualify row_number() over (
    partition by subject, coalesce(reference_id, ''), period_end
    order by attested_on desc, attestation_id desc
) = 1
