"""`covenants impact FILE` on the sample: every test date replayed with and without one policy file. Each expected
change is read off the clause and the sample by hand (docs/time-and-scenarios.md)."""

from datetime import date
from decimal import Decimal

import pytest

from pipelines.cli import main
from pipelines.impact.command import impact, report
from pipelines.layout import POLICIES_DIR, SAMPLE_EXTRACTS_DIR
from pipelines.policy.loading import PolicyError


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")


def changed(found):
    return [(c.clause_id, c.test_date, c.transaction_id, c.before and c.before.status, c.after and c.after.status) for c in found.changes]


def test_without_the_center_for_technology_waiver_its_sale_fails_9_2_11(cache):
    # 9.2.11 restricts the sale (1 sale against 0 permitted by the text available); the Lenders waived it for this one
    # sale only ("limited precisely as written"): without the letter that sale fails, and the 2001 parcel sale, which
    # it never covered, fails either way, so it does not change
    found = impact(SAMPLE_EXTRACTS_DIR, POLICIES_DIR / "ca-1994/waivers/2000-08-18-center-for-technology.yaml", cache)
    assert changed(found) == [("ca-1994/9.2.11", date(2000, 8, 25), "AS-2000-CFT", "waived", "fail")]
    [change] = found.changes
    assert (change.before.actual, change.before.threshold) == (change.after.actual, change.after.threshold) == (Decimal("1.00"), Decimal("0"))
    assert change.before.waiver_id == "ca-1994/waiver-2000-08-18-cft-sale" and change.after.waiver_id is None


def test_without_the_eleventh_amendments_waiver_a_the_1998_retirement_fails(cache):
    # 9.2.6(b)(i) as restated: no Subordinated Debt retired (threshold 0); the 12 3/4% notes retirement of January 15,
    # 1998 (48,750,000.00) was waived by Waiver A within its cap
    found = impact(SAMPLE_EXTRACTS_DIR, POLICIES_DIR / "ca-1994/waivers/1997-10-20-amend11-waiver-A-subordinated-debt.yaml", cache)
    assert changed(found) == [("ca-1994/9.2.6(b)", date(1998, 1, 15), "RP-1998-01-SUB-1275", "waived", "fail")]
    assert found.changes[0].after.actual == Decimal("48750000.00")


def test_a_waiver_goes_with_its_extensions(cache):
    found = impact(SAMPLE_EXTRACTS_DIR, POLICIES_DIR / "ppca-2002/waivers/2004-05-21-minimum-ebitda.yaml", cache)
    assert {p.relative_to(POLICIES_DIR).as_posix() for p in found.removed} == {
        "ppca-2002/waivers/2004-05-21-minimum-ebitda.yaml", "ppca-2002/waiver-extensions/2004-07-29-minimum-ebitda.yaml"}
    assert "Without it also: " in report(found) and "(extensions of the waiver)" in report(found)


def test_without_a_parameter_the_models_are_rebuilt(cache):
    # the FY2004 9.2.7(i) limit is 75,000,000 + min(10,000,000 cap, 70,000,000 - 56,400,000) = 85,000,000 and
    # 61,000,000 passes; without the cap the Carryover Amount, so the limit, cannot be computed
    found = impact(SAMPLE_EXTRACTS_DIR, POLICIES_DIR / "ppca-2002/parameters/capital_expenditures_carryover_cap.yaml", cache)
    assert changed(found) == [("ppca-2002/9.2.7(i)", date(2004, 12, 31), None, "pass", "indeterminate")]
    assert (found.changes[0].before.threshold, found.changes[0].after.threshold) == (Decimal("85000000.00"), None)


def test_without_a_covenants_policy_its_results_are_not_tested(cache):
    found = impact(SAMPLE_EXTRACTS_DIR, POLICIES_DIR / "ca-1994/covenants/9.2.11.yaml", cache)
    assert {c.clause_id for c in found.changes} == {"ca-1994/9.2.11"}
    assert all(c.after is None for c in found.changes)
    assert ("ca-1994/9.2.11", date(2000, 8, 25), "AS-2000-CFT", "waived", None) in changed(found)


def test_a_file_outside_the_policies_is_refused(tmp_path, capsys):
    with pytest.raises(PolicyError, match="not a file of the policies folder"):
        impact(SAMPLE_EXTRACTS_DIR, tmp_path / "waiver.yaml", tmp_path)
    assert main(["impact", str(POLICIES_DIR / "ca-1994" / "instrument.yaml"), "--cache", str(tmp_path)]) == 3
    assert "not a covenant, waiver, waiver extension or parameter file" in capsys.readouterr().err


def test_the_command_prints_the_table(cache, capsys):
    assert main(["impact", str(POLICIES_DIR / "ca-1994/waivers/2000-08-18-center-for-technology.yaml"), "--cache", str(cache)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == "1 of 610 results change."
    assert out[-1].split() == ["2000-08-25", "ca-1994/9.2.11", "AS-2000-CFT", "waived", "fail", "1", "1", "0", "0", "ca-1994/waiver-2000-08-18-cft-sale"]
