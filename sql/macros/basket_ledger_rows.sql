-- clause: indenture-1996/4.10(b)
-- The columns of every basket ledger: each movement with the usage after it, the capacity in force and what is left
-- (capacity less usage; null where the capacity is), money to the cent. `ledger_rows` gives clause_id, basket,
-- measure, entry_date, transaction_id, description, amount, usage_after and capacity, then the ledger's inputs.
create or replace macro basket_ledger_rows(ledger_rows) as table
    select
        clause_id,
        basket,
        measure,
        entry_date,
        transaction_id,
        description,
        cast(amount as decimal(38, 2)) as amount, cast(usage_after as decimal(38, 2)) as usage_after,
        cast(capacity as decimal(38, 2)) as capacity, cast(capacity - usage_after as decimal(38, 2)) as remaining,
        * exclude (clause_id, basket, measure, entry_date, transaction_id, description, amount, usage_after, capacity)
    from query_table(ledger_rows);
