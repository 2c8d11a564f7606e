"""OpenFisca-style YAML cases in cases/: a period, the mart figures and the expected result, per covenant clause.
Every expected value is written by hand from the clause text; the derivations sit in each file's comments and names."""

from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from mart_rows import add_amount, add_ebitda, add_ratio

from pipelines.policy.evaluation import evaluate_all

CASES = [
    (path.stem, case)
    for path in sorted((Path(__file__).parent / "cases").glob("*.yaml"))
    for case in (lambda doc: [dict(c, clause_id=doc["clause_id"], **({"mart": doc["mart"]} if "mart" in doc else {})) for c in doc["cases"]])(
        yaml.safe_load(path.read_text())
    )
]


def _expected(value, test_date: date):
    if isinstance(value, str) and "+" in value and value.split("+")[0] == test_date.isoformat():
        return test_date + timedelta(days=int(value.split("+")[1]))
    return value


@pytest.mark.parametrize(("file", "case"), CASES, ids=[f"{f}: {c['name']}" for f, c in CASES])
def test_case(file, case, con, policies):
    missing = case.get("missing_inputs", ())
    if "numerator" in case:
        add_ratio(con, case["clause_id"], case["test_date"], case["numerator"], case["denominator"], missing=missing, mart=case.get("mart", "fixed_charge_coverage_tests"))
    elif "mart" in case:
        add_amount(con, case["mart"], case["clause_id"], case["test_date"], case.get("actual"), case.get("threshold"), kind=case.get("test_kind", "transaction"), missing=missing)
    else:
        add_ebitda(con, case["test_date"], case["actual"], reduction=case.get("threshold_reduction", "0"), missing=missing)
    [result] = [r for r in evaluate_all(con, policies, case.get("as_of")) if r.clause_id == case["clause_id"]]
    for field, expected in case["expect"].items():
        actual = getattr(result, field)
        shown = str(actual) if actual is not None and not isinstance(actual, date) else actual
        assert shown == _expected(expected, case["test_date"]), f"{field}: {result.explanation}"
