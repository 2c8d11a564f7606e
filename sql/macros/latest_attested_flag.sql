-- clause: indenture-1996/def/GAAP
-- The true/false a person attested for a subject and a reference (a transaction, a guarantee, a merger), from the
-- attestation with the latest period_end whose value is a boolean; null when none is. `attestations` is the relation
-- to read (current_attestations: a later-signed attestation supersedes an earlier one), passed by the model so that
-- the model names what it reads.
create or replace macro latest_attested_flag(attestations, of_subject, reference) as (
    select max_by(a.value_flag, a.period_end)
    from query_table(attestations) as a
    where a.subject = of_subject and a.reference_id = reference and a.value_flag is not null
);
