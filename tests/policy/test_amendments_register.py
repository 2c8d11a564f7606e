"""The amendments register (policies/<instrument>/amendments/): what it holds, and the loader refusing a value, a
clause or a waiver that names an amendment the register does not define."""

import shutil
from datetime import date

import pytest

from pipelines.layout import POLICIES_DIR
from pipelines.policy.loading import PolicyError, load_policies


def test_the_register_holds_the_amendments_the_sources_give(policies):
    # Sixth Amendment "dated as of August 1, 2003"; Eleventh Amendment and Limited Waivers, October 20, 1997; Thirteenth
    # Amendment, July 20, 1998 (each effective on the date as of which it is made: R-P01, R-C10)
    assert {(a.amendment_id, a.signed_on, a.effective) for a in policies.amendments} == {
        ("ppca-2002/amend6", date(2003, 8, 1), date(2003, 8, 1)),
        ("ca-1994/amend11", date(1997, 10, 20), date(1997, 10, 20)),
        ("ca-1994/amend13", date(1998, 7, 20), date(1998, 7, 20)),
    }
    # none of the texts they replaced is held
    assert not any(a.earlier_text.held for a in policies.amendments)


def test_every_amended_clause_names_its_amendment_by_id(policies):
    named = {c.clause_id: [a.amendment for a in c.amended_by] for c in policies.covenants if c.amended_by}
    assert named["ppca-2002/9.2.4(a)"] == ["ppca-2002/amend6"]
    assert named["ca-1994/9.2.6(b)"] == ["ca-1994/amend11"]
    assert named["ca-1994/9.2.5(u)"] == ["ca-1994/amend13"]
    # the prose stays beside the reference, and is what a result's `amendments` shows
    [amended] = next(c for c in policies.covenants if c.clause_id == "ppca-2002/9.2.4(a)").amended_by
    assert amended.note == "ppca-2002/amend6 section 1.4: Sixth Amendment dated as of August 1, 2003 replaced Section 9.2.4 in its entirety"


@pytest.fixture
def copied(tmp_path):
    root = tmp_path / "policies"
    shutil.copytree(POLICIES_DIR, root)
    return root


def _edit(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_a_value_naming_an_unknown_amendment_is_refused(copied):
    path = copied / "ppca-2002/covenants/9.2.4-a.yaml"
    _edit(path, "    - test_date: 2003-06-30\n      amendment: ppca-2002/amend6", "    - test_date: 2003-06-30\n      amendment: ppca-2002/amend5")
    with pytest.raises(PolicyError, match=r"9\.2\.4-a\.yaml: names amendment ppca-2002/amend5, which no file of the amendments register defines"):
        load_policies(copied)


def test_a_parameter_value_naming_an_unknown_amendment_is_refused(copied):
    path = copied / "ppca-2002/parameters/capital_expenditures_carryover_cap.yaml"
    _edit(path, "amendment: ppca-2002/amend6", "amendment: ppca-2002/amend7")
    with pytest.raises(PolicyError, match=r"capital_expenditures_carryover_cap\.yaml: names amendment ppca-2002/amend7"):
        load_policies(copied)


def test_a_waiver_naming_an_unknown_amendment_is_refused(copied):
    path = copied / "ca-1994/waivers/1997-10-20-amend11-waiver-1-maxxam.yaml"
    _edit(path, "amendment: ca-1994/amend11", "amendment: ca-1994/amend12")
    with pytest.raises(PolicyError, match=r"waiver-1-maxxam\.yaml: names amendment ca-1994/amend12"):
        load_policies(copied)


def test_without_its_register_file_the_amendments_names_are_refused(copied):
    (copied / "ca-1994/amendments/1998-07-20-thirteenth-amendment.yaml").unlink()
    with pytest.raises(PolicyError, match=r"names amendment ca-1994/amend13"):
        load_policies(copied)


def test_a_clause_the_amendment_does_not_list_is_refused(copied):
    # 9.2.14 was not changed by the Eleventh Amendment (its waiver 1 waives it): naming it as the clause's amendment
    path = copied / "ca-1994/covenants/9.2.14.yaml"
    _edit(path, "amended_by: []", "amended_by:\n  - amendment: ca-1994/amend11\n    note: the Eleventh Amendment restated 9.2.14")
    with pytest.raises(PolicyError, match=r"9\.2\.14\.yaml: ca-1994/amend11 does not list ca-1994/9\.2\.14 among the clauses it changed"):
        load_policies(copied)


def test_free_text_amended_by_is_refused(copied):
    path = copied / "ca-1994/covenants/9.2.14.yaml"
    _edit(path, "amended_by: []", "amended_by:\n  - 'ca-1994/amend11: the Eleventh Amendment'")
    with pytest.raises(PolicyError, match=r"9\.2\.14\.yaml: amended_by\.0"):
        load_policies(copied)


def test_an_amendment_of_another_instrument_is_refused(copied):
    path = copied / "ppca-2002/parameters/capital_expenditures_carryover_cap.yaml"
    _edit(path, "amendment: ppca-2002/amend6", "amendment: ca-1994/amend11")
    with pytest.raises(PolicyError, match=r"capital_expenditures_carryover_cap\.yaml: names amendment ca-1994/amend11 of another instrument than ppca-2002"):
        load_policies(copied)
