"""Results come in one order whatever order the mart rows were read in: two rows of one clause, test date and
transaction (one incurrence tested against two limits) are ordered by their content, not by the mart's row order."""

from dataclasses import replace
from decimal import Decimal

import pytest
from mart_rows import add_amount
from test_computed_threshold import BASKET

from pipelines.policy.evaluation import evaluate_all


@pytest.mark.parametrize("actuals", [("10.00", "20.00"), ("20.00", "10.00")])
def test_rows_the_reading_key_cannot_tell_apart_are_ordered_by_content(con, policies, actuals):
    con.execute("create table stand_in_basket as select * from minimum_ebitda_tests limit 0")
    for actual in actuals:
        add_amount(con, "stand_in_basket", BASKET.clause_id, "2003-12-31", actual, threshold="15.00", transaction_id="INC-1")
    results = evaluate_all(con, replace(policies, covenants=(BASKET,), waivers=(), extensions=()))
    # the records differ first (keys in alphabetical order) in `actual`: "10.00" sorts before "20.00"
    assert [(r.actual, r.status) for r in results] == [(Decimal("10.00"), "pass"), (Decimal("20.00"), "fail")]
