-- clause: ppca-2002/12.1(vii)
-- Each request for the Lenders' consent on one subject, from the lender consents (`consents`, passed by the model):
-- the request's first date and the number of dates its rows carry (more than one is a defect the marts name).
create or replace macro consent_requests(consents, of_subject) as table
    select request_id, min(request_date) as request_date, count(distinct request_date) as dates
    from query_table(consents)
    where subject = of_subject
    group by request_id;
