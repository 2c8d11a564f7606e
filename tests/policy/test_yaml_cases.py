"""OpenFisca-style YAML cases in cases/: a period, the mart figures and the expected result, per covenant clause.
Every expected value is written by hand from the clause text; the derivations sit in each file's comments and names.

A case may also give its `transaction_id` (default T1, for a waiver scoped to one transaction), `rows` (further rows of
other marts on the same test date, e.g. the figure a waiver's condition reads), `denominator_divisor` (a ratio's), and
`explains` (words the result's explanation must hold: which rule governs a day whose status two rules share), and
`finding`: the case states what the clause says but the code does not do it yet, so it is a strict expected failure
that names the disagreement (it fails the suite once the code agrees, and the marker is then removed)."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from mart_rows import add_amount, add_ebitda, add_ratio

from pipelines.policy.evaluation import evaluate_all
from pipelines.policy.loading import load_policies
from pipelines.policy.strict_yaml import load as load_yaml  # libyaml, and a key written twice refused

CASES_DIR = Path(__file__).parent / "cases"
CASES = [
    (path.stem, case)
    for path in sorted(CASES_DIR.glob("*.yaml"))
    for case in (lambda doc: [dict(c, clause_id=doc["clause_id"], **({"mart": doc["mart"]} if "mart" in doc else {})) for c in doc["cases"]])(
        load_yaml(path.read_text())
    )
]


def _expected(value, test_date: date):
    if isinstance(value, str) and "+" in value and value.split("+")[0] == test_date.isoformat():
        return test_date + timedelta(days=int(value.split("+")[1]))
    return value


def _param(file, case):
    marks = [pytest.mark.xfail(strict=True, reason=case["finding"])] if "finding" in case else []
    return pytest.param(file, case, id=f"{file}: {case['name']}", marks=marks)


@pytest.mark.parametrize(("file", "case"), [_param(f, c) for f, c in CASES])
def test_case(file, case, con, policies):
    missing = case.get("missing_inputs", ())
    transaction_id = case.get("transaction_id", "T1")
    if "numerator" in case:
        add_ratio(
            con, case["clause_id"], case["test_date"], case["numerator"], case["denominator"], transaction_id=transaction_id, missing=missing,
            mart=case.get("mart", "fixed_charge_coverage_tests"), divisor=case.get("denominator_divisor", 26280),
        )
    elif "mart" in case:
        add_amount(
            con, case["mart"], case["clause_id"], case["test_date"], case.get("actual"), case.get("threshold"),
            kind=case.get("test_kind", "transaction"), transaction_id=transaction_id, missing=missing,
        )
    else:
        add_ebitda(con, case["test_date"], case["actual"], reduction=case.get("threshold_reduction", "0"), missing=missing)
    for row in case.get("rows", ()):
        add_amount(
            con, row["mart"], row["clause_id"], row.get("test_date", case["test_date"]), row.get("actual"), row.get("threshold"),
            transaction_id=row.get("transaction_id", transaction_id), missing=row.get("missing_inputs", ()),
        )
    [result] = [r for r in evaluate_all(con, policies, case.get("as_of")) if r.clause_id == case["clause_id"]]
    for field, expected in case["expect"].items():
        actual = getattr(result, field)
        shown = str(actual) if actual is not None and not isinstance(actual, date) else actual
        assert shown == _expected(expected, case["test_date"]), f"{field}: {result.explanation}"
    assert case.get("explains", "") in result.explanation, result.explanation


def test_every_covenant_policy_has_a_case_file():
    """Every covenant policy under policies/ has YAML cases here, named by its clause_id, and every case file
    names a covenant policy."""
    covered = {load_yaml(path.read_text())["clause_id"] for path in CASES_DIR.glob("*.yaml")}
    known = {c.clause_id for c in load_policies().covenants}
    assert not known - covered, f"covenant policies without a case file in {CASES_DIR}: {', '.join(sorted(known - covered))}"
    assert not covered - known, f"case files naming no covenant policy: {', '.join(sorted(covered - known))}"
