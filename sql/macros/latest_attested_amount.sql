-- clause: indenture-1996/def/GAAP
-- The amount a person attested for a subject and a reference, from the attestation with the latest period_end whose
-- value is an amount (at most two decimals); null when none is. `attestations` as in latest_attested_flag.
create or replace macro latest_attested_amount(attestations, of_subject, reference) as (
    select max_by(a.value_amount, a.period_end)
    from query_table(attestations) as a
    where a.subject = of_subject and a.reference_id = reference and a.value_amount is not null
);
