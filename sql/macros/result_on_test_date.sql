-- clause: indenture-1996/4.10(a)
-- The columns every amount-form mart begins with, for results measured on their test date alone (a transaction, or a
-- default on the day it is tested): the period is that day, the figure is money to the cent, and no amount reduces the
-- threshold. `result_rows` gives clause_id, test_date, test_kind, transaction_id and actual, then the mart's own
-- columns (threshold, inputs, missing_inputs, ...) in the order the mart publishes them.
create or replace macro result_on_test_date(result_rows) as table
    select
        clause_id,
        test_date,
        test_kind,
        transaction_id,
        test_date as period_start,
        test_date as period_end,
        cast(actual as decimal(38, 2)) as actual,
        cast(0 as decimal(38, 2)) as threshold_reduction,
        * exclude (clause_id, test_date, test_kind, transaction_id, actual)
    from query_table(result_rows);
