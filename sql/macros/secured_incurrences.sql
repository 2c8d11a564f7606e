-- clause: indenture-1996/4.11(b)(i)
-- The Incurrences (`incurrences`, passed by the model) of Indebtedness that one of `liens` secures on the day it is
-- Incurred: the Lien created on or before that day and not yet released. Each borrowing is an Incurrence (R-I07), so
-- each is a date the Maximum Secured Amount is tested on.
create or replace macro secured_incurrences(incurrences, liens) as table
    select i.*
    from query_table(incurrences) as i
    where exists (
        select 1
        from query_table(liens) as l
        where l.instrument_id = i.instrument_id
            and l.created_on <= i.incurrence_date
            and (l.released_on is null or i.incurrence_date < l.released_on)
    );
