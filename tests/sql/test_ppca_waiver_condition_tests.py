"""ppca-2002 limited waiver of March 24, 2003, condition (ii): "the Company and its Subsidiaries shall maintain a minimum
EBITDA (inclusive of non-cash pension expenses incurred beginning January 1, 2003) of not less than ($120,000,000) for
the Measurement Period" (the 4 Fiscal Quarters ending March 31, 2003). The mart's figure, built from trial balances,
and the engine's reading of it against the letter's floor."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from raw_tables import attest, build, rows, tb

from pipelines.policy.evaluation import evaluate_all
from pipelines.policy.loading import load_policies

CONDITION = "ppca-2002/waiver-2003-03-24-minimum-ebitda/condition-ii"


def measurement_period(con, cost_q1_2003):
    """Fiscal Year 2002 (year to date): net sales 10,000,000 a quarter from Q2, 30,000,000 by December, and a non-cash
    pension expense of 5,000,000 in Q4 2002, incurred before January 1, 2003, so never excluded (the FY2002 cap of
    (m) is $0). Q1 2003: cost of products sold `cost_q1_2003` and non-cash pension expense 30,000,000, all excluded by
    (m) (under the FY2003 cap of 48,000,000). Q2 2003 repeats March's year to date: no activity."""
    for quarter_end, sales, pension in (("2002-06-30", "10000000.00", "0.00"), ("2002-09-30", "20000000.00", "0.00"),
                                        ("2002-12-31", "30000000.00", "5000000.00")):
        tb(con, quarter_end, "net_sales", f"-{sales}")
        tb(con, quarter_end, "non_cash_pension_expense", pension)
    for quarter_end in ("2003-03-31", "2003-06-30"):
        tb(con, quarter_end, "cost_of_products_sold", cost_q1_2003)
        tb(con, quarter_end, "non_cash_pension_expense", "30000000.00")
    attest(con, "ppca_ebitda_definition", "2003-03-31", "ANEO + interest + taxes + depreciation + amortization")


def test_the_figure_is_ebitda_with_the_excluded_2003_pension_expense_put_back(con):
    measurement_period(con, "115000000.00")
    build(con, "ppca_waiver_condition_tests")
    [row] = rows(con, "select * from ppca_waiver_condition_tests")
    assert (row["clause_id"], row["test_kind"], row["transaction_id"]) == (CONDITION, "maintenance", None)
    # the Measurement Period alone: minimum_ebitda_tests also has 2002-12-31 and 2003-06-30
    assert (row["test_date"], row["period_start"], row["period_end"]) == (date(2003, 3, 31), date(2002, 4, 1), date(2003, 3, 31))
    # 9.2.4(a) EBITDA: 30,000,000 sales - 5,000,000 (2002 pension) - 115,000,000 cost - 30,000,000 pension
    # + 30,000,000 excluded by (m) = -90,000,000; inclusive of the 2003 pension expense: -90,000,000 - 30,000,000
    assert row["actual"] == Decimal("-120000000.00")
    assert (row["threshold"], row["threshold_reduction"]) == (None, Decimal("0.00"))
    assert row["inputs"] == ('{"ebitda":{"value":"-90000000.00","clause_id":"ppca-2002/def/EBITDA"},'
                             '"non_cash_pension_expense_excluded":{"value":"30000000.00","clause_id":"ppca-2002/def/AdjustedNetEarningsFromOperations"}}')
    assert row["missing_inputs"] == "[]"


@pytest.mark.parametrize(("cost", "figure"), [
    # -5,000,000 - cost (see measurement_period): "not less than ($120,000,000)" holds at exactly (120,000,000.00)
    ("115000000.00", "(120,000,000.00), is at least (120,000,000.00)"),
    ("115000000.01", "(120,000,000.01), is not at least (120,000,000.00)"),
])
def test_condition_ii_each_side_of_minus_120_million(con, cost, figure):
    measurement_period(con, cost)
    build(con, "minimum_ebitda_tests", "ppca_waiver_condition_tests")
    policies = load_policies()
    mine = tuple(c for c in policies.covenants if c.clause_id == "ppca-2002/9.2.4(a)")
    [result] = [r for r in evaluate_all(con, replace(policies, covenants=mine)) if r.test_date == date(2003, 3, 31)]
    # 9.2.4(a) has no threshold before the Sixth Amendment, and condition (i) needs it: the result stays undetermined on
    # either side, and the explanation says whether condition (ii) holds
    assert (result.status, result.waiver_id) == ("indeterminate", None)
    assert figure in result.explanation
