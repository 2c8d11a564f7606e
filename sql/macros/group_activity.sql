-- clause: indenture-1996/def/Subsidiary
-- The activity of one line item in one fiscal quarter of the Company and its Subsidiaries, from the consolidated
-- ledger (`ledger`, passed by the model), zero when none is booked: Unrestricted Subsidiaries are not Subsidiaries
-- [Indenture § 1.01, “Subsidiary”], so their rows are left out of every "consolidated" figure.
create or replace macro group_activity(ledger, item, of_quarter_end) as coalesce((
    select sum(l.activity)
    from query_table(ledger) as l
    where l.line_item = item and l.quarter_end = of_quarter_end and not l.is_unrestricted_subsidiary
), 0);
