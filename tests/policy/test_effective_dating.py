"""Rules through time: every test date of the sample is governed by exactly one rule of its clause (a period without
threshold, the exception, or else the threshold value in force), every parameter a governed date reads resolves
exactly once, and a policy set that would leave the engine to choose between two rules is refused, naming the files."""

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pytest
from pydantic import ValidationError

from pipelines.layout import POLICIES_DIR
from pipelines.policy import strict_yaml
from pipelines.policy.evaluation import evaluate_all, read_marts
from pipelines.policy.loading import PolicyError, load_policies
from pipelines.policy.schema import Covenant, NoThresholdPeriod, Parameter


@pytest.fixture(scope="module")
def test_dates(policies, sample_database) -> dict[str, set[date]]:
    """Each covenant's test dates in the sample's marts (its prepared database, tests/conftest.py)."""
    con = duckdb.connect(str(sample_database), read_only=True)
    read = read_marts(con, {c.figure.mart for c in policies.covenants})
    con.close()
    return {c.clause_id: {row["test_date"] for row in read[c.figure.mart].get(c.clause_id, [])} for c in policies.covenants}


def rules_on(covenant: Covenant, day: date) -> list[str]:
    """What governs `day` under the covenant's policy file, as a reader of the file would list it: a period without
    threshold is an exception to the values and governs its days (docs/policies.md)."""
    periods = [f"no threshold from {p.from_date} to {p.until_date}" for p in covenant.periods_without_threshold if p.from_date <= day <= p.until_date]
    if periods:
        return periods
    threshold = covenant.threshold
    if threshold.computed is not None:
        return ["the threshold the mart computes"]
    values = [f"the value for {v.test_date}" for v in threshold.by_test_date if v.test_date == day]
    in_force = [v.effective_from for v in threshold.by_effective_date if v.effective_from <= day]
    return values + ([f"the value in force from {max(in_force)}"] if in_force else [])


def test_every_test_date_of_the_sample_is_governed_by_exactly_one_rule(policies, test_dates):
    ungoverned = {
        (c.clause_id, day, tuple(rules_on(c, day)))
        for c in policies.covenants
        for day in test_dates[c.clause_id]
        if len(rules_on(c, day)) != 1
    }
    assert ungoverned == set()
    assert sum(len(days) for days in test_dates.values()) > 500  # the walk saw the sample: 575 (clause, date) pairs today


def test_the_indentures_coverage_tests_before_its_date_say_why_nothing_governs_them(policies, test_dates):
    # the sample's marts compute 4.10(a) for 1996Q1 to Q3; the indenture is dated December 23, 1996
    [coverage] = [c for c in policies.covenants if c.clause_id == "indenture-1996/4.10(a)"]
    assert rules_on(coverage, date(1996, 12, 22)) == ["no threshold from 1900-01-01 to 1996-12-22"]
    assert rules_on(coverage, date(1996, 12, 23)) == ["the value in force from 1996-12-23"]
    assert {date(1996, 9, 30), date(1996, 12, 31)} <= test_dates["indenture-1996/4.10(a)"]


def test_every_parameter_resolves_once_on_every_date_its_clause_is_governed_by_a_value(policies, test_dates):
    by_clause = {c.clause_id: c for c in policies.covenants}
    unresolved = set()
    for parameter in policies.parameters:
        covenant = by_clause.get(parameter.clause_id)
        if covenant is None:
            continue  # a defined term's parameter: its clause is no covenant of its own
        for day in test_dates[covenant.clause_id]:
            governed_by_value = not any(p.from_date <= day <= p.until_date for p in covenant.periods_without_threshold)
            if governed_by_value and sum(1 for v in parameter.values if v.effective_from <= day) == 0:
                unresolved.add((parameter.name, day))
    assert unresolved == set()


# ---- what the loader refuses -------------------------------------------------------------------------------------

def covenant_data(name: str = "4.10-a.yaml") -> dict:
    return strict_yaml.load((POLICIES_DIR / "indenture-1996" / "covenants" / name).read_text())


def refusal(model, data) -> str:
    with pytest.raises(ValidationError) as raised:
        model.model_validate(data)
    return str(raised.value)


def test_two_threshold_values_taking_effect_on_one_day_are_refused():
    data = covenant_data()
    value = data["threshold"]["by_effective_date"][0]
    data["threshold"]["by_effective_date"].append({**value, "value": "2.5"})
    assert "two values take effect on 1996-12-23" in refusal(Covenant, data)


def test_two_parameter_values_taking_effect_on_one_day_are_refused():
    data = strict_yaml.load((POLICIES_DIR / "ppca-2002" / "parameters" / "capital_expenditures_base_amount.yaml").read_text())
    data["values"].append({**data["values"][0], "value": "80000000.00"})
    assert "two values take effect on 2004-01-01" in refusal(Parameter, data)


def test_a_period_without_threshold_governs_its_days_over_the_value_in_force(policies, con):
    # an agreement ended on 2000-01-01 while its ratio still has a value in force: the period is the exception
    from mart_rows import add_ratio

    [coverage] = [c for c in policies.covenants if c.clause_id == "indenture-1996/4.10(a)"]
    ended = coverage.model_copy(update={"periods_without_threshold": coverage.periods_without_threshold + (
        NoThresholdPeriod(from_date=date(2000, 1, 1), until_date=date(9999, 12, 31), status="not_applicable", explanation="Ended on January 1, 2000 (a test)."),
    )})
    assert rules_on(ended, date(1999, 12, 31)) == ["the value in force from 1996-12-23"]
    assert rules_on(ended, date(2000, 1, 1)) == ["no threshold from 2000-01-01 to 9999-12-31"]
    # 300,000,000 / (2,628,000,000,000 / 26280) = 3.0 to 1 passes "greater than 2.0 to 1" on December 31, 1999; the
    # same figures a day later are not tested
    add_ratio(con, "indenture-1996/4.10(a)", "1999-12-31", "300000000.00", "2628000000000", transaction_id="T1")
    add_ratio(con, "indenture-1996/4.10(a)", "2000-01-01", "300000000.00", "2628000000000", transaction_id="T2")
    swapped = replace(policies, covenants=tuple(ended if c is coverage else c for c in policies.covenants))
    found = {r.transaction_id: (r.status, r.explanation) for r in evaluate_all(con, swapped) if r.clause_id == "indenture-1996/4.10(a)"}
    assert found["T1"][0] == "pass" and "3.0" in found["T1"][1]
    assert found["T2"] == ("not_applicable", "Ended on January 1, 2000 (a test).")


def test_a_period_without_threshold_must_end_after_it_starts():
    data = covenant_data()
    data["periods_without_threshold"] = [{**data["periods_without_threshold"][0], "from_date": "1996-12-22", "until_date": "1996-12-01"}]
    assert "ends before it starts" in refusal(Covenant, data)


def test_two_periods_without_threshold_must_not_overlap():
    data = covenant_data()
    first = {**data["periods_without_threshold"][0], "from_date": "1900-01-01", "until_date": "1995-12-31"}
    second = {**first, "from_date": "1995-12-31", "until_date": "1996-12-22"}
    data["periods_without_threshold"] = [first, second]
    assert "periods without threshold overlap: 1900-01-01 to 1995-12-31 and 1995-12-31 to 1996-12-22" in refusal(Covenant, data)
    data["periods_without_threshold"] = [first, {**second, "from_date": "1996-01-01"}]  # the day after: accepted
    assert len(Covenant.model_validate(data).periods_without_threshold) == 2


def test_two_waivers_of_one_result_are_refused_naming_both_files(tmp_path):
    tree = Path(shutil.copytree(POLICIES_DIR, tmp_path / "policies"))
    waivers = tree / "ppca-2002" / "waivers"
    original = waivers / "2004-03-29-minimum-ebitda.yaml"
    copy = waivers / "2004-03-30-minimum-ebitda-again.yaml"
    copy.write_text(original.read_text().replace("waiver-2004-03-29-minimum-ebitda", "waiver-2004-03-30-minimum-ebitda-again"))
    with pytest.raises(PolicyError) as raised:
        load_policies(tree)
    message = str(raised.value)
    assert str(copy) in message and str(original) in message
    assert "ppca-2002/waiver-2004-03-29-minimum-ebitda" in message and "ppca-2002/waiver-2004-03-30-minimum-ebitda-again" in message
    assert "neither file says which governs" in message
