"""`covenants check` for a letter of credit issued under the 1994 revolver (ca-1994 2.1.3(b), 5.1(b)(ii)) and a capital
expenditure (ppca-2002 9.2.7), on the sample: answers derived by hand from the extract files, and bad proposal files
refused naming the field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from pipelines.cli import EXIT_BAD_INPUT, main
from pipelines.layout import ROOT, SAMPLE_EXTRACTS_DIR

TRANSACTIONS = ROOT / "sample" / "transactions"
LETTER = yaml.safe_load((TRANSACTIONS / "letter-of-credit-1999-02.yaml").read_text())
EXPENDITURE = yaml.safe_load((TRANSACTIONS / "capital-expenditure-2004-06.yaml").read_text())


@pytest.fixture(scope="module")
def cache(prepared_cache) -> Path:
    """The module's cache folder, the sample's prepared database in it (tests/conftest.py)."""
    return prepared_cache


def check(cache: Path, tmp_path: Path, on: str, proposal: dict) -> dict:
    transaction = tmp_path / "proposal.json"
    transaction.write_text(json.dumps(proposal, default=str))
    out = tmp_path / "out"
    args = ["check", "--extracts", str(SAMPLE_EXTRACTS_DIR), "--date", on, "--transaction", str(transaction), "--cache", str(cache)]
    assert main([*args, "--out", str(out)]) == 0
    return json.loads((out / "check.json").read_text())


def figures(record: dict) -> dict[str, tuple]:
    return {r["clause_id"]: (r["status"], r["actual"], r["threshold"], r["headroom"]) for r in record["results"]}


# ---- letters of credit ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("stated_amount", "answer", "status", "outstandings", "headroom", "revolver_left"),
    [
        # 1999-02-01: LC-1998-VEN-01 75,000,000 + LC-1998-VEN-03 15,000,000 + LC-CA-1999-ENV 16,000,000 + -GEN
        # 10,000,000 + -INS 33,000,000 = 149,000,000 outstanding (the 1998 letters expired on 1999-01-14, LC-1998-VEN-02
        # on 1998-10-15). The Venezuela Bid Bond Obligation was terminated on 1998-10-15 and LC-1998-VEN-01 runs to
        # 1999-06-30: the Maximum Letter of Credit Amount is (b)(ii) $200,000,000. "would exceed": at it, permitted.
        ("51000000.00", "permitted", "pass", "200000000.00", "0.00", "215000000.00"),
        ("51000000.01", "not permitted", "fail", "200000000.01", "-0.01", "214999999.99"),
    ],
)
def test_a_letter_of_credit_after_the_bid_bond_obligation_ended(cache, tmp_path, stated_amount, answer, status, outstandings, headroom, revolver_left):
    record = check(cache, tmp_path, "1999-02-01", {**LETTER, "stated_amount": stated_amount})
    assert (record["answer"], record["relied_on"]) == (answer, "ca-1994/2.1.3(b)")
    found = figures(record)
    assert found["ca-1994/2.1.3(b)(i)(A)"] == (status, outstandings, "200000000.00", headroom)
    # 5.1(b)(ii): "the Stated Amount ... plus the aggregate Letter of Credit Outstandings immediately prior": the same figure
    assert found["ca-1994/5.1(b)(ii)"] == (status, outstandings, "200000000.00", headroom)
    # (i)(B): Venezuela Letters of Credit 75,000,000 + 15,000,000 and Venezuela Pledged Cash 15,000,000 (attested
    # 1998-09-01) = 105,000,000 against $210,000,000 + 0 in respect of the ended Bid Bond Obligation - 4,000,000
    # invested in Venezuela Aluminum Partners (RP-1998-09-VEN) = 206,000,000; a general letter of credit moves neither
    assert found["ca-1994/2.1.3(b)(i)(B)"] == ("pass", "105000000.00", "206000000.00", "101000000.00")
    # the revolver's indenture basket 4.10(b)(ii) (400,000,000, 134,000,000 used) has the letter of credit in it after
    [revolver] = [b for b in record["baskets"] if b["clause_id"] == "indenture-1996/4.10(b)(ii)"]
    assert (revolver["remaining_before"], revolver["remaining_after"]) == ("266000000.00", revolver_left)


def test_a_letter_of_credit_while_the_bid_bond_obligation_ran(cache, tmp_path):
    # 1998-09-15: LC-1998-VEN-01 75,000,000 + LC-1998-VEN-02 35,000,000 (to 1998-10-15) + LC-1998-VEN-03 15,000,000 +
    # the three 1998 letters 16,000,000 + 10,000,000 + 33,000,000 = 184,000,000; Maximum Letter of Credit Amount (b)(i)
    # $235,000,000 "to and including the date on which the Venezuela Bid Bond Obligation is terminated".
    # 51,000,000 more is 235,000,000: permitted at the limit.
    record = check(cache, tmp_path, "1998-09-15", {**LETTER, "lc_id": "PROPOSED-LC-1998"})
    assert figures(record)["ca-1994/2.1.3(b)(i)(A)"] == ("pass", "235000000.00", "235000000.00", "0.00")
    assert record["answer"] == "permitted"


def test_a_letter_of_credit_under_another_facility_is_tested_by_no_issuance_limit(cache, tmp_path):
    proposal = {**LETTER, "facility_instrument_id": "DIP-2002", "expiry_date": "2005-01-31", "stated_amount": "1000000.00"}
    record = check(cache, tmp_path, "2004-06-15", proposal)
    assert (record["answer"], record["relied_on"]) == ("cannot be confirmed", "the letter of credit facility DIP-2002")
    assert record["reasons"] == ["no covenant policy tests this transaction under the letter of credit facility DIP-2002 yet"]


# ---- capital expenditures ------------------------------------------------------------------------------------------

def test_the_sample_alpart_expenditure_is_not_permitted(cache, tmp_path):
    # 9.2.7(ii): 14,000,000 (FY2002) + 16,000,000 (FY2003) attested + 4,000,000 made in 2004 before it + 16,000,000
    # = 50,000,000 > 49,000,000: one million over. 9.2.7(i): 30,000,000 + 16,000,000 = 46,000,000 against the FY2004
    # limit 75,000,000 + Carryover min(10,000,000, 70,000,000 FY2003 Base Amount - 56,400,000 FY2003 Adjusted
    # Capital Expenditures = 13,600,000) = 85,000,000: within, 39,000,000 to spare; (ii) alone decides.
    record = check(cache, tmp_path, "2004-06-15", EXPENDITURE)
    assert (record["answer"], record["relied_on"]) == ("not permitted", "ppca-2002/9.2.7")
    found = figures(record)
    assert found["ppca-2002/9.2.7(ii)"] == ("fail", "50000000.00", "49000000", "-1000000.00")
    assert found["ppca-2002/9.2.7(i)"] == ("pass", "46000000.00", "85000000.00", "39000000.00")
    [fiscal_year] = [r for r in record["results"] if r["clause_id"] == "ppca-2002/9.2.7(i)"]
    assert fiscal_year["inputs"]["adjusted_capital_expenditures_before"]["value"] == "30000000.00"
    assert [(item["kind"], item["value"]) for item in fiscal_year["limits"]] == [
        ("threshold", "85000000.00"), ("base", "75000000.00"), ("credit", "10000000.00"), ("cap", "10000000.00")]
    # the row the proposal became: its month, its day and its id
    [row] = record["rows"]["capital_expenditures"]
    assert (row["period_end"], row["expenditure_date"], row["expenditure_id"]) == ("2004-06-30", "2004-06-15", "PROPOSED-CAPEX-2004")


def test_an_alpart_expenditure_at_the_aggregate_is_permitted(cache, tmp_path):
    # 14,000,000 + 16,000,000 + 4,000,000 + 15,000,000 = 49,000,000: "not more than $49,000,000" holds;
    # 9.2.7(i): 30,000,000 + 15,000,000 = 45,000,000 <= 85,000,000
    record = check(cache, tmp_path, "2004-06-15", {**EXPENDITURE, "amount": "15000000.00"})
    assert record["answer"] == "permitted"
    assert figures(record)["ppca-2002/9.2.7(ii)"] == ("pass", "49000000.00", "49000000", "0.00")
    assert figures(record)["ppca-2002/9.2.7(i)"] == ("pass", "45000000.00", "85000000.00", "40000000.00")


def test_an_expenditure_without_its_attestations_names_them(cache, tmp_path):
    proposal = {**EXPENDITURE, "entity_id": "KACC", "attestations": []}
    record = check(cache, tmp_path, "2004-06-15", proposal)
    assert record["answer"] == "cannot be confirmed"
    assert set(figures(record)) == {"ppca-2002/9.2.7(i)"}  # not in respect of ALPART: (ii) does not test it
    assert any("ppca_adjusted_capital_expenditures_to_date for PROPOSED-CAPEX-2004" in reason for reason in record["reasons"])


# ---- bad files -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("base", "on", "change", "message"),
    [
        (LETTER, "1999-02-01", {"lc_id": "LC-1998-VEN-01"}, "field lc_id: LC-1998-VEN-01 is already in the letters_of_credit extract"),
        (LETTER, "1999-02-01", {"facility_instrument_id": "NOPE"}, "field facility_instrument_id: 'NOPE' is not found in the debt_instruments extract"),
        (LETTER, "1999-02-01", {"expiry_date": "1999-01-31"}, "field expiry_date: must not be before issue_date"),
        (LETTER, "1999-02-01", {"purpose": "bribe"}, "field purpose: not one of the allowed values"),
        (LETTER, "1999-02-01", {"issue_date": "1999-02-01"}, "field issue_date: Extra inputs are not permitted"),
        (LETTER, "1999-02-01", {"stated_amount": 51000000.0}, 'field stated_amount: must be a quoted decimal string'),
        (EXPENDITURE, "2004-06-15", {"period_end": "2004-06-30"}, "field period_end: Extra inputs are not permitted"),
        (EXPENDITURE, "2004-06-15", {"entity_id": "KACC", "project": "Trentwood rolling mill"},
         "field project: a row for KACC, 2004-06-30, Trentwood rolling mill is already in the capital_expenditures extract"),
        (EXPENDITURE, "2004-06-15", {"entity_id": "NOBODY"}, "field entity_id: 'NOBODY' is not found in the entities extract"),
        (EXPENDITURE, "2004-06-15", {"amount": "-1.00"}, "field amount: must not be negative"),
    ],
)
def test_a_bad_proposal_is_refused_naming_the_field(cache, tmp_path, capsys, base, on, change, message):
    transaction = tmp_path / "proposal.json"
    transaction.write_text(json.dumps({**base, **change}, default=str))
    args = ["check", "--extracts", str(SAMPLE_EXTRACTS_DIR), "--date", on, "--transaction", str(transaction)]
    assert main([*args, "--cache", str(cache), "--out", str(tmp_path / "out")]) == EXIT_BAD_INPUT
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
