"""A missing input leaves a result indeterminate only when its value could change the status: the mart bounds what the
missing facts can move (its optional `bounds` column), and where every case within the bounds gives the same status
the engine gives it, naming the missing facts as cautions. The covenants are minimal stand-ins built here, so the
engine rule is tested apart from any real clause (the Maximum Letter of Credit Amount case is in tests/sql/test_ca1994.py)."""

import json
from dataclasses import replace
from decimal import Decimal

import pytest

from pipelines.outputs.results_files import plain_row, record
from pipelines.policy.evaluation import evaluate_all
from pipelines.policy.schema import Covenant

PHASE = "attestation venezuela_bid_bond_obligation_terminated: decides between $235,000,000 and $200,000,000"


def _covenant(mart, form, operator, threshold):
    return Covenant.model_validate(
        {
            "clause_id": "ca-1994/2.1.3(b)(i)(A)",
            "instrument": "ca-1994",
            "title": "Stand-in",
            "kind": "incurrence",
            "clause_text": "the figure shall not exceed the threshold",
            "citations": [{"reference": "Thirteenth Amendment § 1.2", "quote": "would exceed"}],
            "figure": {"name": "Letter of Credit Outstandings", "clause_id": "ca-1994/2.1.3(b)", "mart": mart, "form": form},
            "operator": operator,
            "threshold": threshold,
            "determination": {"days_after_quarter_end": 0, "days_after_fiscal_year_end": 0, "source": "at the time"},
        }
    )


CAPPED = _covenant("stand_in_amounts", "amount", "<=", {"computed": {"clause_id": "ca-1994/def/MaximumLetterOfCreditAmount", "description": "the Maximum Letter of Credit Amount"}})
FIXED = _covenant("stand_in_amounts", "amount", "<=", {"by_effective_date": [{"effective_from": "1990-01-01", "value": "100", "source": "fixed"}]})
SHARE = _covenant("stand_in_ratios", "ratio", ">=", {"by_effective_date": [{"effective_from": "1990-01-01", "value": "0.86", "source": "86%"}]})


@pytest.fixture
def stand_in(con):
    con.execute("create table stand_in_amounts as select *, cast(null as varchar) as bounds from minimum_ebitda_tests limit 0")
    con.execute("create table stand_in_ratios as select *, cast(null as varchar) as bounds from fixed_charge_coverage_tests limit 0")
    return con


def _amount(con, actual, threshold, bounds, missing=(PHASE,)):
    con.execute(
        "insert into stand_in_amounts values ('ca-1994/2.1.3(b)(i)(A)', date '1998-09-01', 'transaction', 'LC-1', null, null, ?, 0, '{}', ?, ?, ?)",
        [actual, json.dumps(list(missing)), threshold, None if bounds is None else json.dumps(bounds)],
    )


def _one(con, policies, covenant):
    [result] = evaluate_all(con, replace(policies, covenants=(covenant,), waivers=(), extensions=()))
    return result


PHASES = {"threshold": ["200000000.00", "235000000.00"]}  # b(i) $235,000,000 or b(ii) $200,000,000


@pytest.mark.parametrize(
    ("outstandings", "status", "threshold", "headroom"),
    [
        # over both caps: fails whatever the date of termination; the least shortfall is against the higher cap
        ("240000000.00", "fail", "235000000.00", "-5000000.00"),
        ("235000000.01", "fail", "235000000.00", "-0.01"),  # one cent over the higher cap
        # within both caps: passes whatever the date; the least headroom is against the lower cap
        ("150000000.00", "pass", "200000000.00", "50000000.00"),
        ("200000000.00", "pass", "200000000.00", "0.00"),  # "would exceed": equal to the lower cap is within both
        # between the caps: the date decides, so the result waits for it
        ("200000000.01", "indeterminate", None, None),
        ("235000000.00", "indeterminate", None, None),
    ],
)
def test_a_threshold_known_only_within_bounds(stand_in, policies, outstandings, status, threshold, headroom):
    _amount(stand_in, outstandings, None, PHASES)
    result = _one(stand_in, policies, CAPPED)
    assert (result.status, result.threshold, result.headroom) == (status, threshold and Decimal(threshold), headroom and Decimal(headroom))
    if status == "indeterminate":
        assert result.cautions == () and "Cannot be determined" in result.explanation and PHASE in result.explanation
    else:
        assert result.cautions == (PHASE,)
        assert f"Caution: {PHASE}." in result.explanation
        assert "the threshold lies between 200,000,000.00 and 235,000,000.00" in result.explanation


def test_without_bounds_a_missing_input_stays_indeterminate(stand_in, policies):
    # the same figures as the failing case above, but the mart does not say the missing fact moves only the threshold
    _amount(stand_in, "240000000.00", None, None)
    assert _one(stand_in, policies, CAPPED).status == "indeterminate"


def test_a_figure_bounded_below_only(stand_in, policies):
    # the figure is at least 101 (the unknown part can only add to it): more than 100 whatever it is
    _amount(stand_in, None, None, {"actual": ["101.00", None]})
    result = _one(stand_in, policies, FIXED)
    assert (result.status, result.actual, result.headroom) == ("fail", Decimal("101.00"), Decimal("-1.00"))
    assert "the figure is at least 101 and the threshold is 100" in result.explanation


def test_a_figure_bounded_below_within_the_threshold_is_not_a_pass(stand_in, policies):
    # at least 100: within "not to exceed 100" at 100, over it above: depends on the missing fact
    _amount(stand_in, None, None, {"actual": ["100.00", None]})
    assert _one(stand_in, policies, FIXED).status == "indeterminate"


def test_a_known_figure_with_bounds_that_cannot_matter(stand_in, policies):
    # the mart says the missing fact moves neither the figure nor the threshold: the status is the comparison's
    _amount(stand_in, "99.00", None, {})
    result = _one(stand_in, policies, FIXED)
    assert (result.status, result.cautions) == ("pass", (PHASE,))


@pytest.mark.parametrize(
    ("high", "status"),
    [
        ("245/285", "fail"),  # 85.96% at most: short of 86% whatever the missing Lender holds
        ("86/100", "indeterminate"),  # 86% at most: reached only if the missing Lender holds nothing
        ("246/285", "indeterminate"),  # 86.32% at most: reached or not depending on the missing Lender
    ],
)
def test_a_ratio_bounded_above(stand_in, policies, high, status):
    stand_in.execute(
        "insert into stand_in_ratios values ('ca-1994/2.1.3(b)(i)(A)', date '1998-09-01', 'transaction', 'REQ-1', null, null, null, null,"
        " null, null, 1, '{}', ?, ?)",
        [json.dumps(["outstanding principal of Lender X"]), json.dumps({"actual": ["0", high]})],
    )
    result = _one(stand_in, policies, SHARE)
    assert result.status == status
    if status == "fail":
        # the figure shown is the greatest the missing fact allows, 245/285 = 0.859649...
        assert (result.actual, result.threshold) == (Decimal("0.859649"), Decimal("0.86"))


def test_cautions_are_in_the_records(stand_in, policies):
    _amount(stand_in, "240000000.00", None, PHASES)
    rec = record(_one(stand_in, policies, CAPPED))
    assert rec["cautions"] == [PHASE]
    assert plain_row(rec)["cautions"] == PHASE
