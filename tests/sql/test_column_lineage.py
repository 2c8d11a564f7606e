"""Column lineage of the SQL models (pipelines/models/column_lineage.py) on the tables the pipeline loads: every model's
columns as DuckDB builds them, and the figures' columns traced down to the extracts' columns."""

from raw_tables import build

from pipelines.models.column_lineage import leaf_columns, lineage, paths_to_extracts
from pipelines.models.sql_models import discover


def test_every_model_has_the_columns_duckdb_builds_it_with(con):
    # the columns are read from the SQL alone, stars expanded from the columns of the tables read; DuckDB is the judge
    found = lineage(discover(), leaf_columns(con))
    build(con)
    for model, columns in found.items():
        assert list(columns) == [c for (c,) in con.execute(f'select column_name from (describe "{model}")').fetchall()], model


def test_the_4_10_a_ratio_reaches_the_trial_balances_balance(con):
    found = lineage(discover(), leaf_columns(con))
    # 4.10(a) tests the Consolidated Fixed Charge Coverage Ratio: fixed_charge_coverage_tests.numerator is the sum of
    # Consolidated Cash Flow Available for Fixed Charges over four quarters, which is Consolidated Net Income plus the
    # ledger's add-backs; Consolidated Net Income sums each quarter's trial-balance activity (stg_trial_balance_activity),
    # the movement of the trial balances' balances
    paths = paths_to_extracts(found, ("fixed_charge_coverage_tests", "numerator"))
    balance = ("raw_trial_balances", "balance")
    assert balance in paths
    assert paths[balance][0] == ("fixed_charge_coverage_tests", "numerator") and paths[balance][-1] == balance
    assert ("consolidated_cash_flow_available_for_fixed_charges", "consolidated_cash_flow_available_for_fixed_charges") in paths[balance]
    cni = paths_to_extracts(found, ("consolidated_net_income", "consolidated_net_income"))
    assert balance in cni
    assert cni[balance] == [("consolidated_net_income", "consolidated_net_income"), ("stg_trial_balance_activity", "activity"), balance]
    # each step of a path is a column its successor is made from
    for later, earlier in zip(paths[balance][1:], paths[balance]):
        assert later in found[earlier[0]][earlier[1]]


def test_a_column_made_from_no_table_reaches_no_extract(con):
    found = lineage(discover(), leaf_columns(con))
    # the ledger's measure is the literal 'at_any_one_time_outstanding'
    assert paths_to_extracts(found, ("permitted_indebtedness_basket_ledger", "measure")) == {}
