"""Policy files are data, checked against a schema: no unknown keys, no floats for exact values, no value without a
source, no parameter without its unit (which types its values), and no YAML tag can run code."""

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from pipelines.layout import POLICIES_DIR
from pipelines.policy.loading import PolicyError, load_policies

COVENANT = "indenture-1996/covenants/4.10-a.yaml"
GRACE = "indenture-1996/parameters/unrestricted_subsidiary_vacancy_grace_days.yaml"
RATE = "ppca-2002/parameters/availability_reserve_commitment_rate.yaml"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    shutil.copytree(POLICIES_DIR, tmp_path / "policies")
    return tmp_path / "policies"


def edit(tree: Path, relative: str, old: str, new: str) -> None:
    path = tree / relative
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_the_repository_policies_load():
    policies = load_policies()
    assert {c.clause_id for c in policies.covenants} >= {"indenture-1996/4.10(a)", "indenture-1996/4.09(a)(B)", "ppca-2002/9.2.4(a)"}
    assert {w.waiver_id for w in policies.waivers} == {
        "ca-1994/waiver-amend11-1-maxxam",
        "ca-1994/waiver-amend11-A-subordinated-debt",
        "ca-1994/waiver-2000-08-18-cft-sale",
        "ppca-2002/waiver-2003-03-24-minimum-ebitda",
        "ppca-2002/waiver-2004-03-29-minimum-ebitda",
        "ppca-2002/waiver-2004-05-21",
    }
    assert [e.extension_id for e in policies.extensions] == ["ppca-2002/waiver-2004-07-29-extension"]


def test_unknown_key_is_refused_with_the_file_named(tree):
    edit(tree, COVENANT, "kind: incurrence", "kind: incurrence\nseverity: low")
    with pytest.raises(PolicyError, match=r"4.10-a.yaml: severity: Extra inputs are not permitted"):
        load_policies(tree)


def test_unquoted_threshold_is_refused_because_yaml_reads_it_as_a_float(tree):
    edit(tree, COVENANT, 'value: "2.0"', "value: 2.0")
    with pytest.raises(PolicyError, match="write exact values as quoted strings"):
        load_policies(tree)


def test_a_value_without_a_source_is_refused(tree):
    edit(tree, COVENANT, '      source: "[Indenture § 4.10(a)] greater than 2.0 to 1 (strict: exactly 2.0 fails, R-I05)"\n', "")
    with pytest.raises(PolicyError, match="source: Field required"):
        load_policies(tree)


def test_yaml_tags_cannot_construct_python_objects(tree):
    edit(tree, COVENANT, "kind: incurrence", "kind: !!python/object/apply:os.system ['echo owned']")
    with pytest.raises(PolicyError, match="not valid YAML"):
        load_policies(tree)


def test_two_files_for_one_clause_are_refused(tree):
    shutil.copy(tree / COVENANT, tree / "indenture-1996/covenants/copy.yaml")
    with pytest.raises(PolicyError, match=r"copy.yaml: clause indenture-1996/4.10\(a\) is already defined in .*4.10-a.yaml"):
        load_policies(tree)


def test_a_waiver_extension_must_name_an_existing_waiver(tree):
    (tree / "ppca-2002/waiver-extensions").mkdir(exist_ok=True)
    (tree / "ppca-2002/waiver-extensions/x.yaml").write_text(
        "extension_id: ppca-2002/waiver-x\nextends: ppca-2002/waiver-nope\ndated: 2004-07-29\n"
        "source: N53 letter\ntext: the Waiver Termination Date shall be extended\neffective_through: 2004-09-30\n"
    )
    with pytest.raises(PolicyError, match="x.yaml: ppca-2002/waiver-x extends unknown waiver ppca-2002/waiver-nope"):
        load_policies(tree)


def test_a_policy_set_loaded_again_is_the_one_parsed_until_a_file_changes(tree):
    first = load_policies(tree)
    assert load_policies(tree) is first  # the same bytes: parsed once per process
    edit(tree, COVENANT, "kind: incurrence", "kind: incurrence\nunknown_key: 1")
    with pytest.raises(PolicyError, match="unknown_key"):  # a changed file is read again, and refused
        load_policies(tree)
    with pytest.raises(PolicyError, match="unknown_key"):  # and refused again: nothing refused is kept
        load_policies(tree)
    edit(tree, COVENANT, "kind: incurrence\nunknown_key: 1", "kind: incurrence")
    (tree / "ppca-2002/covenants/new-clause.yaml").write_text((tree / "ppca-2002/covenants/9.2.4-a.yaml").read_text().replace("ppca-2002/9.2.4(a)", "ppca-2002/9.2.4(z)"))
    again = load_policies(tree)
    assert again is not first and {c.clause_id for c in again.covenants} == {c.clause_id for c in first.covenants} | {"ppca-2002/9.2.4(z)"}


def by_name(name: str):
    return next(p for p in load_policies().parameters if p.name == name)


def test_the_loader_types_each_value_by_its_unit():
    # "within 60 days after the end of each fiscal quarter" [Indenture § 4.08]: a whole number of days
    days = by_name("affiliate_transaction_certificate_days").in_force(date(2000, 1, 1))
    assert days == 60 and type(days) is int
    # "ten percent (10%) of the Revolving Commitment Amount" [Sixth Amendment § 1.1(c)]: a fraction, exact
    assert by_name("availability_reserve_commitment_rate").in_force(date(2004, 1, 1)) == Decimal("0.10")
    # "$25,000,000 at any one time outstanding" [Indenture § 4.10(b)(v)], from December 23, 1996; none before
    valco = by_name("valco_indebtedness_cap")
    assert valco.in_force(date(2001, 7, 16)) == Decimal("25000000.00") and valco.in_force(date(1996, 12, 22)) is None


def test_a_parameter_without_a_unit_is_refused(tree):
    edit(tree, GRACE, "unit: days\n", "")
    with pytest.raises(PolicyError, match=r"unrestricted_subsidiary_vacancy_grace_days.yaml: unit: Field required"):
        load_policies(tree)


def test_a_day_count_with_decimals_is_refused(tree):
    edit(tree, GRACE, 'value: "30"', 'value: "30.5"')
    with pytest.raises(PolicyError, match="a value in days is a whole number, not 30.5"):
        load_policies(tree)


def test_a_fraction_above_one_is_refused(tree):
    edit(tree, RATE, 'value: "0.10"', 'value: "10"')
    with pytest.raises(PolicyError, match="a fraction lies between 0 and 1, not 10"):
        load_policies(tree)


def test_money_below_the_cent_is_refused(tree):
    edit(tree, "indenture-1996/parameters/valco_indebtedness_cap.yaml", 'value: "25000000.00"', 'value: "25000000.005"')
    with pytest.raises(PolicyError, match="at most two decimals"):
        load_policies(tree)


def test_an_unknown_unit_is_refused(tree):
    edit(tree, GRACE, "unit: days", "unit: weeks")
    with pytest.raises(PolicyError, match="unit: Input should be"):
        load_policies(tree)
