"""ppca-2002 Permitted QAL Investment Amount [Sixth Amendment § 1.1(i)]: $102,000,000 in aggregate for Fiscal Years
2002 through 2004 of cash Investments in and Contingent Liabilities for QAL by the Company and/or KAAC, each ratable
with the other participants by ownership interest. Literal rows, evaluated by the engine; figures derived beside them."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from raw_tables import add, build

from pipelines.policy.evaluation import evaluate_all
from pipelines.policy.loading import load_policies

D = Decimal
AMOUNT = "ppca-2002/def/PermittedQALInvestmentAmount"
RATABLE = "ppca-2002/def/PermittedQALInvestmentAmount/ratable"


def invest(con, investment_id, made_on, amount, participants, kind="cash_investment", investor="kaac", ownership="0.283000"):
    add(con, "qal_investments", investment_id=investment_id, made_on=made_on, investor=investor, investment_kind=kind,
        amount=amount, participants_amount=participants, ownership_interest=ownership)


def results(con, clause_id):
    policies = load_policies()
    build(con, "ppca_qal_investment_tests")
    mine = tuple(c for c in policies.covenants if c.figure.mart == "ppca_qal_investment_tests")
    return {r.transaction_id: r for r in evaluate_all(con, replace(policies, covenants=mine)) if r.clause_id == clause_id}


@pytest.mark.parametrize(("last", "status", "headroom"), [("2000000.00", "pass", "0.00"), ("2000000.01", "fail", "-0.01")])
def test_the_aggregate_amount_each_side_of_102_million(con, last, status, headroom):
    # Q0 2001-12-31 (Fiscal Year 2001: not counted); Q1 2002-06-30 40,000,000 cash; Q2 2003-08-14 60,000,000 guarantee;
    # Q3 2004-12-31 the last: 40,000,000 + 60,000,000 + 2,000,000 = 102,000,000 "an aggregate amount of $102,000,000"
    invest(con, "Q0", "2001-12-31", "9000000.00", "9000000.00", ownership="1.000000")
    invest(con, "Q1", "2002-06-30", "40000000.00", "40000000.00", ownership="1.000000")
    invest(con, "Q2", "2003-08-14", "60000000.00", "60000000.00", kind="contingent_liability", investor="company", ownership="1.000000")
    invest(con, "Q3", "2004-12-31", last, last, ownership="1.000000")
    found = results(con, AMOUNT)
    # 40,000,000 + 60,000,000 = 100,000,000 <= 102,000,000 on 2003-08-14
    assert (found["Q2"].status, found["Q2"].actual) == ("pass", D("100000000.00"))
    assert (found["Q3"].status, found["Q3"].headroom) == (status, D(headroom))
    # before the Sixth Amendment the definition it replaced governs (not available)
    assert found["Q1"].status == "indeterminate"


def test_an_investment_after_fiscal_year_2004_is_outside_the_amount(con):
    invest(con, "Q5", "2005-01-03", "1.00", "1.00", ownership="1.000000")
    found = results(con, AMOUNT)
    assert found["Q5"].status == "indeterminate" and "Fiscal Years 2002 through 2004" in found["Q5"].explanation


def test_an_investment_before_fiscal_year_2002_has_nothing_in_the_amount(con):
    # Q0 of 2001-12-31 is made in Fiscal Year 2001, before "Fiscal Years 2002 through 2004": no investment of those
    # years is made by its date, so the aggregate shown is 0.00 of no rows.
    invest(con, "Q0", "2001-12-31", "9000000.00", "9000000.00", ownership="1.000000")
    found = results(con, AMOUNT)["Q0"]
    assert found.inputs["qal_investments_fiscal_years_2002_to_2004"] == {
        "value": "0.00", "clause_id": AMOUNT, "rows": "qal_investments rows none"}

@pytest.mark.parametrize(
    ("amount", "status", "difference"),
    [
        # 28.3% of 151,943,462.90 = 42,999,999.99970 -> 43,000,000.00 to the cent: ratable
        ("43000000.00", "pass", "0.00"),
        ("43000000.01", "fail", "0.01"),  # one cent more than its share
        ("42999999.99", "fail", "0.01"),  # one cent less: not ratable either
    ],
)
def test_ratable_with_the_other_participants(con, amount, status, difference):
    invest(con, "QAL-2003-08", "2003-08-14", amount, "151943462.90", kind="contingent_liability")
    found = results(con, RATABLE)["QAL-2003-08"]
    assert (found.status, found.actual) == (status, D(difference))
    assert found.inputs["ratable_amount"]["value"] == "43000000.00"
    assert found.test_date == date(2003, 8, 14)
