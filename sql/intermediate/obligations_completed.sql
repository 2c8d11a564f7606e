-- clause: indenture-1996/4.06
-- clause: indenture-1996/5.03(d)
-- clause: indenture-1996/3.05
-- When each dated obligation was performed, from the attestations (subject obligation_completed_on): the clause id of
-- the deadline, the date it concerns (its trigger date; for 5.03(d) the delivery itself) and the date performed. A
-- value that is not a date stays null, and the deadline then shows no completion.
select
    reference_id as clause_id,
    period_end as trigger_date,
    try_cast(trim(value) as date) as completed_on,
    attestation_id,
    document
from current_attestations
where subject = 'obligation_completed_on'
