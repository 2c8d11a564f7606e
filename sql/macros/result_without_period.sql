-- clause: indenture-1996/4.09(a)(A)
-- The columns every amount-form mart begins with, for transaction results that measure no period (a Restricted
-- Payment's conditions, an Affiliate transaction, a merger's conditions): the period columns are null, the figure is
-- money to the cent, and no amount reduces the threshold. `result_rows` as in result_on_test_date.
create or replace macro result_without_period(result_rows) as table
    select
        clause_id,
        test_date,
        test_kind,
        transaction_id,
        cast(null as date) as period_start,
        cast(null as date) as period_end,
        cast(actual as decimal(38, 2)) as actual,
        cast(0 as decimal(38, 2)) as threshold_reduction,
        * exclude (clause_id, test_date, test_kind, transaction_id, actual)
    from query_table(result_rows);
