"""`covenants impact FILE` on the sample: every test date replayed with and without one policy file. Each expected
change is read off the clause and the sample by hand (docs/time-and-scenarios.md)."""

from collections import Counter
from datetime import date
from decimal import Decimal

import pytest

from pipelines.cli import main
from pipelines.impact.command import impact, report
from pipelines.layout import POLICIES_DIR, SAMPLE_EXTRACTS_DIR
from pipelines.policy.loading import PolicyError


@pytest.fixture(scope="module")
def cache(prepared_cache):
    """The module's cache folder, the sample's prepared database in it (tests/conftest.py)."""
    return prepared_cache


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
    assert "not a covenant, waiver, waiver extension, parameter or amendment file" in capsys.readouterr().err


def test_the_command_prints_the_table(cache, capsys):
    assert main(["impact", str(POLICIES_DIR / "ca-1994/waivers/2000-08-18-center-for-technology.yaml"), "--cache", str(cache)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == "1 of 610 results change."
    assert out[-1].split() == ["2000-08-25", "ca-1994/9.2.11", "AS-2000-CFT", "waived", "fail", "1", "1", "0", "0", "ca-1994/waiver-2000-08-18-cft-sale"]


def test_without_the_sixth_amendment_its_minimum_ebitda_tables_and_borrowing_base_are_in_a_text_not_held(cache):
    # Every test date replayed without what the Sixth Amendment (August 1, 2003) introduced: 9.2.4 was replaced in its
    # entirety, clauses (b) and (c) of the Borrowing Base and the Availability Reserve too, 9.2.7 extended; the texts
    # they replaced (the agreement as signed and its First to Fifth Amendments) are not held, so each of those results
    # is indeterminate without it; its own conditions of effectiveness (§ 3) do not exist without it
    found = impact(SAMPLE_EXTRACTS_DIR, POLICIES_DIR / "ppca-2002/amendments/2003-08-01-sixth-amendment.yaml", cache)
    assert found.kind == "amendments" and found.results == 610
    assert Counter(c.clause_id for c in found.changes) == {
        "ppca-2002/9.2.4(a)": 7, "ppca-2002/9.2.4(b)": 17, "ppca-2002/def/BorrowingBase": 35, "ppca-2002/9.2.7(i)": 1,
        "ppca-2002/9.2.7(ii)": 2, "ppca-2002/amend6/effectiveness(a)": 1, "ppca-2002/amend6/effectiveness(c)": 1,
        "ppca-2002/def/PermittedQALInvestmentAmount": 1, "ppca-2002/def/PermittedQALInvestmentAmount/ratable": 1,
    }
    # the quarterly table of § 1.4, each amount less the 9.2.4(c) VALCO and 9.2.4(d) natural gas reductions:
    # 6/30/03 (135,000,000) - 0 - 0; 9/30/03 (114,000,000) - 9,000,000 - 6,750,000 = (129,750,000); 12/31/03
    # (92,000,000) - 21,000,000 - 10,000,000 = (123,000,000), failed by (135,000,000) and waived (March 29, 2004);
    # 3/31/04 (45,000,000) - 33,000,000 - 10,000,000 = (88,000,000), failed by (95,000,000) and waived; 6/30/04
    # 9,000,000 - 45,000,000 - 10,000,000 = (46,000,000); 9/30/04 54,000,000 - 48,000,000 - 3,250,000 = 2,750,000;
    # 12/31/04 101,000,000 - 39,000,000 - 0 = 62,000,000
    quarterly = [(c.test_date, c.before.status, c.before.actual, c.before.threshold, c.after.status, c.after.threshold)
                 for c in found.changes if c.clause_id == "ppca-2002/9.2.4(a)"]
    assert quarterly == [
        (date(2003, 6, 30), "pass", Decimal("-125000000.00"), Decimal("-135000000"), "indeterminate", None),
        (date(2003, 9, 30), "pass", Decimal("-120000000.00"), Decimal("-129750000.00"), "indeterminate", None),
        (date(2003, 12, 31), "waived", Decimal("-135000000.00"), Decimal("-123000000.00"), "indeterminate", None),
        (date(2004, 3, 31), "waived", Decimal("-95000000.00"), Decimal("-88000000.00"), "indeterminate", None),
        (date(2004, 6, 30), "pass", Decimal("11000000.00"), Decimal("-46000000.00"), "indeterminate", None),
        (date(2004, 9, 30), "pass", Decimal("58000000.00"), Decimal("2750000.00"), "indeterminate", None),
        (date(2004, 12, 31), "pass", Decimal("111000000.00"), Decimal("62000000.00"), "indeterminate", None),
    ]
    june = next(c for c in found.changes if c.clause_id == "ppca-2002/9.2.4(a)")
    assert "the Post-Petition Credit Agreement as signed (February 12, 2002) and its First to Fifth Amendments: not held" in june.after.explanation
    # the Borrowing Base: each month end indeterminate either way (the overadvance rule is in the base agreement);
    # with the amendment the availability >= 0 reading is in force, without it no threshold is
    borrowing_base = [c for c in found.changes if c.clause_id == "ppca-2002/def/BorrowingBase"]
    assert {(c.before.status, c.before.threshold, c.after.status, c.after.threshold) for c in borrowing_base} == {("indeterminate", Decimal("0"), "indeterminate", None)}
    assert (borrowing_base[0].test_date, borrowing_base[-1].test_date) == (date(2002, 2, 28), date(2004, 12, 31))
    effectiveness = next(c for c in found.changes if c.clause_id == "ppca-2002/amend6/effectiveness(c)")
    assert (effectiveness.before.status, effectiveness.after.status) == ("pass", "not_applicable")


def test_without_the_eleventh_amendment_its_waivers_and_restated_baskets_go(cache):
    # Without the Eleventh Amendment (October 20, 1997): waiver 1 goes, so the MAXXAM payment of 11,781,140.00
    # (restricted by 9.2.14: against 0) fails; 9.2.2(b)(i) and 9.2.6(b)(i) stand in the text it restated, not held,
    # so the baskets it set (New Senior Debt 175,000,000 <= 200,000,000; Additional New Senior Debt 50,000,000 <=
    # 50,000,000; New Subordinated Debt 50,000,000 <= 450,000,000 and its conditions) and the 1998 retirement waived
    # under waiver A (48,750,000 against 0) cannot be determined
    found = impact(SAMPLE_EXTRACTS_DIR, POLICIES_DIR / "ca-1994/amendments/1997-10-20-eleventh-amendment.yaml", cache)
    assert [(c.clause_id, c.test_date, c.transaction_id, c.before.status, c.before.actual, c.before.threshold, c.after.status) for c in found.changes] == [
        ("ca-1994/9.2.14", date(1997, 11, 14), "RP-1997-11-MAXXAM-TAX", "waived", Decimal("11781140.00"), Decimal("0"), "fail"),
        ("ca-1994/9.2.2(b)(i)(B)", date(1997, 10, 20), None, "pass", Decimal("175000000.00"), Decimal("200000000.00"), "indeterminate"),
        ("ca-1994/9.2.2(b)(i)(C)", date(1997, 10, 20), None, "pass", Decimal("50000000.00"), Decimal("50000000.00"), "indeterminate"),
        ("ca-1994/9.2.2(b)(i)(D)", date(1998, 1, 15), "INC-1998-01-NSD", "pass", Decimal("50000000.00"), Decimal("450000000.00"), "indeterminate"),
        ("ca-1994/9.2.2(b)(i)(D)/conditions", date(1998, 1, 15), "INC-1998-01-NSD", "pass", Decimal("0"), Decimal("0"), "indeterminate"),
        ("ca-1994/9.2.6(b)", date(1998, 1, 15), "RP-1998-01-SUB-1275", "waived", Decimal("48750000.00"), Decimal("0"), "indeterminate"),
    ]
    maxxam = found.changes[0]
    assert (maxxam.before.waiver_id, maxxam.after.waiver_id, maxxam.after.actual) == ("ca-1994/waiver-amend11-1-maxxam", None, Decimal("11781140.00"))
    assert "Without it: what it introduced" in report(found)
