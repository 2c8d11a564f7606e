-- clause: indenture-1996/4.09(a)(A)
-- clause: indenture-1996/15.05
-- A fact attested for one transaction or, failing that, for a day: the flag attested for the reference (its latest,
-- latest_attested_flag), else the one attested with no reference for that day. "no Default or Event of Default shall
-- have occurred and be continuing" at the time of a Restricted Payment [Indenture § 4.09(a)(A)] or of a Subsidiary
-- Guarantor's release [Indenture § 15.05] is attested either way. Null when neither is attested.
create or replace macro attested_flag(attestations, of_subject, reference, on_day) as
    coalesce(
        latest_attested_flag(attestations, of_subject, reference),
        (select any_value(a.value_flag)
         from query_table(attestations) as a
         where a.subject = of_subject and a.reference_id is null and a.period_end = on_day and a.value_flag is not null)
    );
