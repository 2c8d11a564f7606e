"""The guarantees register: 4.10(c) (other_indebtedness_guarantee_tests), 15.05 (subsidiary_guarantor_release_tests) and
4.12(c) guarantors of Credit Agreement debt (subsidiary_guarantee_tests), on literal register rows."""

import json
from decimal import Decimal

import pytest
from raw_tables import add, attest, build, rows

M = Decimal


def _by_id(con, mart: str) -> dict[str, dict]:
    return {r["transaction_id"]: r for r in rows(con, f"select * from {mart}")}


def _c_group(con) -> None:
    """SG: a Subsidiary Guarantor; SUB, SUB2: Subsidiaries; ACQ becomes a Subsidiary on 1998-01-01. SUBNOTES: the Company's
    debt subordinated to the Notes; JUNIOR: the Company's debt subordinated to other debt only."""
    add(con, "entities", entity_id="SG", is_subsidiary_guarantor="true")
    add(con, "entities", entity_id="SUB")
    add(con, "entities", entity_id="SUB2")
    add(con, "entities", entity_id="ACQ", valid_from="1998-01-01")
    add(con, "debt_instruments", instrument_id="NOTES", indenture_basket="4.10(b)(i)")
    add(con, "debt_instruments", instrument_id="SUBNOTES", is_subordinated="true")
    add(con, "debt_instruments", instrument_id="JUNIOR")
    add(con, "debt_instruments", instrument_id="REFI", indenture_basket="4.10(b)(vi)")
    for guarantor, given, released in (("SG", "1996-12-23", None), ("SUB2", "1997-01-31", "1998-06-30")):
        add(con, "guarantees", guarantee_id=f"N-{guarantor}", guarantor_entity_id=guarantor, guaranteed_instrument_id="NOTES",
            guaranteed_debt="notes", given_on=given, released_on=released, release_basis="15.05(a)" if released else None)


def _subordinated(con, guarantee_id: str, guarantor: str, **values) -> None:
    row = {"guaranteed_instrument_id": "SUBNOTES", "guaranteed_debt_subordination": "subordinated_to_notes",
           "guarantee_ranking": "subordinated_to_note_guarantee"}
    add(con, "guarantees", guarantee_id=guarantee_id, guarantor_entity_id=guarantor, **{**row, **values})


def test_subordinated_other_indebtedness_needs_a_note_guarantee_on_a_similar_basis(con):
    _c_group(con)
    _subordinated(con, "G1", "SG")  # Note guarantee since 1996-12-23, subordinated to it, attested similar: 0
    attest(con, "note_guarantee_substantially_similar", "1997-06-30", "true", reference_id="G1")
    _subordinated(con, "G2", "SUB")  # no guarantee of the Notes: 1
    add(con, "guarantees", guarantee_id="G3", guarantor_entity_id="SG", guaranteed_instrument_id="JUNIOR",
        guaranteed_debt_subordination="subordinated_to_other_indebtedness")  # senior ranking is right; basis not attested
    _subordinated(con, "G4", "SG", guarantee_ranking="senior")  # debt subordinated to the Notes, guarantee not: 1
    attest(con, "note_guarantee_substantially_similar", "1997-06-30", "true", reference_id="G4")
    _subordinated(con, "G5", "SG")  # counsel: not substantially similar: 1
    attest(con, "note_guarantee_substantially_similar", "1997-06-30", "false", reference_id="G5")
    _subordinated(con, "G6", "SUB2")  # its Note guarantee was released on 1998-06-30 while G6 runs on: 1
    _subordinated(con, "G7", "SUB2", released_on="1998-06-30")  # boundary: released the same day as the Note guarantee
    attest(con, "note_guarantee_substantially_similar", "1997-06-30", "true", reference_id="G7")
    _subordinated(con, "G8", "SG", given_on="1996-06-30")  # given before the Indenture: tested on 1996-12-23
    attest(con, "note_guarantee_substantially_similar", "1996-12-23", "true", reference_id="G8")
    _subordinated(con, "G11", "SUB", given_on="1996-06-30", released_on="1996-12-23")  # in force on the Indenture's date: 1
    add(con, "guarantees", guarantee_id="G9", guarantor_entity_id="SUB", guaranteed_instrument_id="JUNIOR")  # senior debt: untested
    _subordinated(con, "G10", "SG", guaranteed_obligor_entity_id="SUB")  # SUB is neither the Company nor an SG: untested
    build(con, "other_indebtedness_guarantee_tests")
    found = _by_id(con, "other_indebtedness_guarantee_tests")
    assert {k: r["actual"] for k, r in found.items()} == {
        "G1": M("0.00"), "G2": M("1.00"), "G3": M("0.00"), "G4": M("1.00"), "G5": M("1.00"), "G6": M("1.00"),
        "G7": M("0.00"), "G8": M("0.00"), "G11": M("1.00"),
    }
    assert json.loads(found["G3"]["missing_inputs"]) == ["note_guarantee_substantially_similar attestation for G3 (requires legal review)"]
    assert json.loads(found["G1"]["missing_inputs"]) == []
    assert str(found["G8"]["test_date"]) == str(found["G11"]["test_date"]) == "1996-12-23"
    assert json.loads(found["G2"]["inputs"])["note_guarantees"]["value"] == "none"


@pytest.mark.parametrize(("given_on", "tested"), [("1998-06-30", True), ("1998-07-01", False)])
def test_a_guarantee_given_on_a_subsidiarys_last_day_as_one_is_tested(con, given_on, tested):
    # "no Subsidiary ... shall guarantee" [Indenture § 4.10(c)]: LEAVING is a Subsidiary through June 30, 1998 (its
    # register row's last day); a guarantee it gives that day is a Subsidiary's, one given the next day is not
    _c_group(con)
    add(con, "entities", entity_id="LEAVING", valid_to="1998-06-30")
    _subordinated(con, "GL", "LEAVING", given_on=given_on)
    build(con, "other_indebtedness_guarantee_tests")
    assert ("GL" in _by_id(con, "other_indebtedness_guarantee_tests")) is tested


@pytest.mark.parametrize(("given_on", "tested"), [("1998-06-30", True), ("1998-07-01", False)])
def test_a_guarantee_of_a_subsidiary_guarantors_debt_on_its_last_day_as_one_is_tested(con, given_on, tested):
    # 4.10(c) reaches guarantees of "Indebtedness of the Company or any Subsidiary Guarantor": SGX is a Subsidiary
    # Guarantor through June 30, 1998 (its register row's last day); SUB's guarantee of its debt given that day is
    # tested, one given the next day guarantees no Subsidiary Guarantor's debt
    _c_group(con)
    add(con, "entities", entity_id="SGX", is_subsidiary_guarantor="true", valid_to="1998-06-30")
    _subordinated(con, "GX", "SUB", guaranteed_obligor_entity_id="SGX", given_on=given_on)
    build(con, "other_indebtedness_guarantee_tests")
    assert ("GX" in _by_id(con, "other_indebtedness_guarantee_tests")) is tested


def test_exemptions_for_acquired_guarantees_and_conforming_refinancings(con):
    _c_group(con)
    # ACQ became a Subsidiary on 1998-01-01: a guarantee given that day existed "at the time" (boundary), one given the
    # next day cannot have (flag contradicted, not exempt, and no Note guarantee: 1)
    _subordinated(con, "A1", "ACQ", given_on="1998-01-01", existed_when_guarantor_acquired="true")
    _subordinated(con, "A2", "ACQ", given_on="1998-01-02", existed_when_guarantor_acquired="true")
    # refinancings of A1's debt by 4.10(b)(vi) debt: same terms attested (exempt), not attested (indeterminate), or
    # a refinancing of a guarantee that was not exempt (A2: 1)
    for guarantee_id, refinances in (("R1", "A1"), ("R2", "A1"), ("R3", "A2")):
        _subordinated(con, guarantee_id, "ACQ", guaranteed_instrument_id="REFI", given_on="1999-03-31", refinances_guarantee_id=refinances)
    attest(con, "refinancing_guarantee_same_terms", "1999-03-31", "true", reference_id="R1")
    attest(con, "refinancing_guarantee_same_terms", "1999-03-31", "true", reference_id="R3")
    build(con, "other_indebtedness_guarantee_tests")
    found = _by_id(con, "other_indebtedness_guarantee_tests")
    assert (found["A1"]["actual"], str(found["A1"]["test_date"])) == (M("0.00"), "1998-01-01")
    assert json.loads(found["A1"]["inputs"])["exemption"]["value"] == "existed when the guarantor became a Subsidiary"
    assert found["A2"]["actual"] == M("1.00")
    assert found["R1"]["actual"] == M("0.00") and json.loads(found["R1"]["missing_inputs"]) == []
    assert found["R2"]["actual"] == M("1.00")
    assert json.loads(found["R2"]["missing_inputs"]) == ["refinancing_guarantee_same_terms attestation for R2 (4.10(c) proviso, requires legal review)"]
    assert found["R3"]["actual"] == M("1.00") and json.loads(found["R3"]["missing_inputs"]) == []


def _release_group(con) -> None:
    """SG2 stops being a Bank Guarantor on 1999-07-01; its Note guarantee N is released under 15.05(a) that day."""
    add(con, "entities", entity_id="SG2", valid_to="1999-06-30", is_subsidiary_guarantor="true", is_bank_guarantor="true")
    add(con, "entities", entity_id="SG2", valid_from="1999-07-01")
    add(con, "debt_instruments", instrument_id="NOTES", indenture_basket="4.10(b)(i)")
    add(con, "debt_instruments", instrument_id="CA", indenture_basket="4.10(b)(ii)")
    add(con, "debt_instruments", instrument_id="N1275", is_subordinated="true")
    add(con, "guarantees", guarantee_id="CA-SG2", guarantor_entity_id="SG2", guaranteed_instrument_id="CA",
        guaranteed_debt="credit_agreement", given_on="1996-12-23", released_on="1999-07-01", release_basis="other")


def _release(con, guarantee_id: str = "N", **values) -> None:
    row = {"guarantor_entity_id": "SG2", "guaranteed_instrument_id": "NOTES", "guaranteed_debt": "notes", "given_on": "1996-12-23",
           "released_on": "1999-07-01", "release_basis": "15.05(a)", "release_reference": "Officers' Certificate and Opinion of Counsel"}
    add(con, "guarantees", guarantee_id=guarantee_id, **{**row, **values})


def test_release_under_a_when_every_condition_holds(con):
    _release_group(con)
    _release(con)
    attest(con, "no_default", "1999-07-01", "true", reference_id="N")
    build(con, "subsidiary_guarantor_release_tests")
    [row] = rows(con, "select * from subsidiary_guarantor_release_tests")
    # the Credit Agreement guarantee released the same day is "simultaneously released"; no debt after 1996-12-23
    assert (row["actual"], json.loads(row["missing_inputs"]), str(row["test_date"])) == (M("0.00"), [], "1999-07-01")


def test_release_under_a_out_of_line(con):
    _release_group(con)
    # the 12 3/4% guarantee runs one day past the release; a voluntary case on 1999-05-01 is continuing: 2
    add(con, "guarantees", guarantee_id="S-SG2", guarantor_entity_id="SG2", guaranteed_instrument_id="N1275",
        guaranteed_debt="notes_1275", guaranteed_debt_subordination="subordinated_to_notes",
        guarantee_ranking="subordinated_to_note_guarantee", given_on="1993-02-01", released_on="1999-07-02", release_basis="other")
    add(con, "default_events", event_id="BK", kind="bankruptcy_filing", event_date="1999-05-01")
    _release(con)
    attest(con, "no_default", "1999-07-01", "true", reference_id="N")
    _release(con, "N-EARLY", released_on="1999-06-30", release_reference=None)  # still a Bank Guarantor that day
    build(con, "subsidiary_guarantor_release_tests")
    found = _by_id(con, "subsidiary_guarantor_release_tests")
    assert found["N"]["actual"] == M("2.00")
    assert json.loads(found["N"]["inputs"])["events_of_default_continuing"]["value"] == "indenture-1996/6.01(g) BK"
    # 1999-06-30: the Credit Agreement guarantee is in force, so is the 12 3/4% one, and the bankruptcy: 3; and neither
    # the Officers' Certificate nor the no_default attestation is there
    assert found["N-EARLY"]["actual"] == M("3.00")
    assert json.loads(found["N-EARLY"]["missing_inputs"]) == ["the Officers' Certificate and Opinion of Counsel releasing N-EARLY (15.05(b))"]


def test_release_under_a_clause_x_or_the_rating(con):
    _release_group(con)
    # post-1996 debt of SG2 outstanding on the release: 4.10(b)(xiii) is outside (x); 4.10(b)(iv) and debt issued on
    # 1996-12-23 itself ("after the date hereof" is strict) are not
    for instrument, basket, issued in (("XIII", "4.10(b)(xiii)", "1998-09-30"), ("IV", "4.10(b)(iv)", "1998-09-30"), ("OLD", "4.10(a)", "1996-12-23")):
        add(con, "debt_instruments", instrument_id=instrument, obligor_entity_id="SG2", indenture_basket=basket, issue_date=issued)
        add(con, "debt_balances", instrument_id=instrument, period_end="1999-06-30", principal_outstanding="1000000.00")
    for guarantee_id, rating in (("N-FALSE", "false"), ("N-TRUE", "true"), ("N-NONE", None)):
        _release(con, guarantee_id)
        attest(con, "no_default", "1999-07-01", "true", reference_id=guarantee_id)
        if rating:
            attest(con, "notes_rated_investment_grade", "1999-07-01", rating, reference_id=guarantee_id)
    build(con, "subsidiary_guarantor_release_tests")
    found = _by_id(con, "subsidiary_guarantor_release_tests")
    assert found["N-FALSE"]["actual"] == M("1.00")
    assert json.loads(found["N-FALSE"]["inputs"])["post_1996_debt_outside_x"]["value"] == "XIII (4.10(b)(xiii))"
    assert found["N-TRUE"]["actual"] == M("0.00")  # (y) holds
    assert found["N-NONE"]["actual"] == M("0.00")
    assert json.loads(found["N-NONE"]["missing_inputs"]) == ["notes_rated_investment_grade attestation for N-NONE (15.05(a)(y), R-I24)"]


def test_release_on_a_sale_and_on_designation(con):
    _release_group(con)
    add(con, "entities", entity_id="SOLD", is_subsidiary_guarantor="true")
    add(con, "entities", entity_id="UNR", valid_to="1999-12-30", is_subsidiary_guarantor="true")
    add(con, "entities", entity_id="UNR", valid_from="1999-12-31", is_subsidiary="false", is_unrestricted_subsidiary="true")
    # 75% of 40,000,000 = 30,000,000 cash-like required: AS-OK has 30,000,000 (boundary, passes), AS-SHORT 29,999,999.99
    for sale, cash, buyer in (("AS-OK", "30000000.00", "third_party"), ("AS-SHORT", "29999999.99", "third_party"), ("AS-SUB", "40000000.00", "subsidiary")):
        add(con, "asset_sales", transaction_id=sale, sale_date="1999-09-30", buyer_kind=buyer, gross_proceeds="40000000.00", cash_consideration=cash,
            other_non_cash_consideration=str(M("40000000.00") - M(cash)), pretax_gain_loss="0.00")
        attest(con, "asset_sale_non_cash_consideration_fmv", "1999-09-30", str(M("40000000.00") - M(cash)), reference_id=sale)
    for guarantee_id, sale in (("C-OK", "AS-OK"), ("C-SHORT", "AS-SHORT"), ("C-SUB", "AS-SUB"), ("C-NONE", "AS-MISSING")):
        _release(con, guarantee_id, guarantor_entity_id="SOLD", released_on="1999-09-30", release_basis="15.05(c)", release_reference=sale)
    _release(con, "D-OK", guarantor_entity_id="UNR", released_on="1999-12-31", release_basis="15.05(d)", release_reference="Board Resolution")
    _release(con, "D-EARLY", guarantor_entity_id="UNR", released_on="1999-12-30", release_basis="15.05(d)", release_reference="Board Resolution")
    add(con, "guarantees", guarantee_id="CA-UNR", guarantor_entity_id="UNR", guaranteed_instrument_id="CA", guaranteed_debt="credit_agreement",
        given_on="1996-12-23", released_on="1999-12-31", release_basis="other")
    _release(con, "REPAID", released_on="1999-08-31", release_basis="repaid")
    build(con, "subsidiary_guarantor_release_tests")
    found = {k: r["actual"] for k, r in _by_id(con, "subsidiary_guarantor_release_tests").items() if k != "N"}
    assert found == {
        "C-OK": M("0.00"), "C-SHORT": M("1.00"), "C-SUB": M("1.00"), "C-NONE": M("0.00"),
        # D-EARLY: not yet an Unrestricted Subsidiary, and its Credit Agreement guarantee is released only the next day
        "D-OK": M("0.00"), "D-EARLY": M("2.00"),
        "REPAID": M("1.00"),  # a guarantee of the Notes ends only under Section 15.05
    }
    [none] = rows(con, "select missing_inputs from subsidiary_guarantor_release_tests where transaction_id = 'C-NONE'")
    assert json.loads(none["missing_inputs"]) == ["asset_sales transaction AS-MISSING selling SOLD"]


def test_guarantor_of_credit_agreement_debt_must_be_a_subsidiary_guarantor(con):
    add(con, "entities", entity_id="SUB")
    add(con, "entities", entity_id="SG", is_subsidiary_guarantor="true")
    add(con, "trial_balances", entity_id="KACC", period_end="1999-12-31", account_id="cash", balance="0.00")
    add(con, "trial_balances", entity_id="KACC", period_end="2000-03-31", account_id="cash", balance="0.00")
    add(con, "debt_instruments", instrument_id="CA", indenture_basket="4.10(b)(ii)")
    # SUB's guarantee ends on 2000-03-31: in force at 1999-12-31 (1), not at 2000-03-31 ("for as long as ... so obligated")
    add(con, "guarantees", guarantee_id="CA-SUB", guarantor_entity_id="SUB", guaranteed_instrument_id="CA", guaranteed_debt="credit_agreement",
        given_on="1999-12-31", released_on="2000-03-31", release_basis="repaid")
    add(con, "guarantees", guarantee_id="CA-SG", guarantor_entity_id="SG", guaranteed_instrument_id="CA", guaranteed_debt="credit_agreement")
    build(con, "subsidiary_guarantee_tests")
    found = {str(r["test_date"]): r["actual"] for r in rows(con, "select * from subsidiary_guarantee_tests where clause_id = 'indenture-1996/4.12(c)'")}
    assert found == {"1999-12-31": M("1.00"), "2000-03-31": M("0.00")}
