"""A threshold the mart computes on each row: a basket's capacity that grows or shrinks with the ledger behind it.
The covenant here is a minimal stand-in built in the test, so the engine rule is tested apart from any real clause."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from mart_rows import add_amount

from pipelines.policy.evaluation import evaluate_all
from pipelines.policy.schema import Covenant

BASKET = Covenant.model_validate(
    {
        "clause_id": "indenture-1996/4.09(a)(C)",
        "instrument": "indenture-1996",
        "title": "Stand-in basket",
        "kind": "incurrence",
        "clause_text": "the sum of all payments shall not exceed the capacity computed by the mart",
        "citations": [{"reference": "Indenture § 4.09(a)(C)", "quote": "the sum of"}],
        "figure": {"name": "Used", "clause_id": "indenture-1996/4.09(a)(C)", "mart": "stand_in_basket", "form": "amount"},
        "operator": "<=",
        "threshold": {"computed": {"clause_id": "indenture-1996/4.09(a)(C)", "description": "capacity from the ledger"}},
        "determination": {"days_after_quarter_end": 0, "days_after_fiscal_year_end": 0, "source": "[Indenture § 4.09(a)] at the time"},
    }
)


@pytest.fixture
def basket(con, policies):
    con.execute("create table stand_in_basket as select * from minimum_ebitda_tests limit 0")
    return replace(policies, covenants=(BASKET,), waivers=(), extensions=())


def one(con, policies):
    [result] = evaluate_all(con, policies)
    return result


@pytest.mark.parametrize(
    ("used", "capacity", "status", "headroom"),
    [
        ("90000000.00", "100000000.00", "pass", "10000000.00"),  # 100,000,000 - 90,000,000 = 10,000,000 left
        ("100000000.00", "100000000.00", "pass", "0.00"),  # "not exceed": equal is within
        ("100000000.01", "100000000.00", "fail", "-0.01"),  # one cent over
    ],
)
def test_the_row_threshold_is_compared_with_the_policy_operator(con, basket, used, capacity, status, headroom):
    add_amount(con, "stand_in_basket", BASKET.clause_id, date(1997, 6, 30), used, capacity)
    result = one(con, basket)
    assert (result.status, result.threshold, result.headroom) == (status, Decimal(capacity), Decimal(headroom))


def test_a_threshold_the_mart_could_not_compute_is_indeterminate(con, basket):
    add_amount(con, "stand_in_basket", BASKET.clause_id, date(1997, 6, 30), "1.00", None, missing=("opening balance not attested",))
    result = one(con, basket)
    assert result.status == "indeterminate"
    assert "opening balance not attested" in result.explanation


def test_a_policy_gives_exactly_one_form_of_threshold():
    both = BASKET.model_dump(mode="json")
    both["threshold"]["by_effective_date"] = [{"effective_from": "1996-12-23", "value": "1", "source": "Indenture § 4.09(a)(C)"}]
    with pytest.raises(ValueError, match="exactly one"):
        Covenant.model_validate(both)
