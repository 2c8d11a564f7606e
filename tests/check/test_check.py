"""`covenants check` on the sample: pro forma 4.10(a) and 4.09(a)(B) answers with hand-derived ratios, bad transaction
files, and the prepared-database cache (never modified by a check; prepared afresh when an extract changes)."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from pipelines.check.prepared import content_key, prepared_database
from pipelines.cli import EXIT_BAD_INPUT, main
from pipelines.layout import ROOT, SAMPLE_EXTRACTS_DIR
from pipelines.outputs.results_files import FIELDS
from pipelines.policy.loading import load_policies

NOTES = """
kind: incurrence
transaction_id: PROPOSED-NOTES
instrument_id: NOTES-10-2007
amount: "{amount}"
basket: 4.10(a)
instrument:
  obligor_entity_id: KACC
  instrument_kind: senior_notes
  rate_kind: fixed
  fixed_rate: "0.10000000"
  day_count: 30/360
  maturity_date: 2007-11-15
  is_subordinated: false
  is_secured: false
attestations:
  - subject: projected_other_fixed_charges
    value: "778875.00"
    attested_by: Margaret A. Hollis
    role: Chief Financial Officer
    attested_on: 1997-11-12
    document: Fixed-charge projection schedule
"""

DIVIDEND = {
    "kind": "restricted_payment",
    "transaction_id": "PROPOSED-DIV",
    "payer_entity_id": "KACC",
    "payment_kind": "dividend",
    "recipient_kind": "kac",
    "amount": "5000000.00",
    "basket": "4.09(a)",
    "attestations": [
        {
            "subject": "projected_other_fixed_charges",
            "value": "478875.00",
            "attested_by": "Margaret A. Hollis",
            "role": "Chief Financial Officer",
            "attested_on": "1999-10-13",
            "document": "Fixed-charge projection schedule",
        }
    ],
}


@pytest.fixture(scope="module")
def cache(prepared_cache) -> Path:
    """The module's cache folder, the sample's prepared database in it (tests/conftest.py)."""
    return prepared_cache


def check(cache: Path, tmp_path: Path, on: str, text: str, suffix: str = ".yaml") -> dict:
    transaction = tmp_path / f"proposal{suffix}"
    transaction.write_text(text)
    out = tmp_path / "out"
    args = ["check", "--extracts", str(SAMPLE_EXTRACTS_DIR), "--date", on, "--transaction", str(transaction), "--cache", str(cache)]
    assert main([*args, "--out", str(out)]) == 0
    return json.loads((out / "check.json").read_text())


def test_4_10_a_notes_that_take_the_ratio_below_2_are_not_permitted(cache, tmp_path):
    # Sample, Transaction Date 1997-11-14 (the day of INC-1997-11-TL, which the pro forma debt already includes):
    # numerator = CCFAFC 1996 Q3 - 1997 Q2 = 318,444,594.97: 326,303,744.97 before CNI (ii) excluded the Net Income of
    # QAL (not a Subsidiary) and CCFAFC (iii) its tax, QAL's pre-tax income 1,908,000 + 1,638,500 + 1,964,980 +
    # 2,347,670 = 7,859,150 (derived in tests/test_end_to_end.py); 320,385,644.33 before the sample opened the 12 3/4% notes
    # at 446,000,000 (46,000,000 more at 12.75% = 5,865,000 more interest a year, added back, plus 53,100.64 of revolver
    # interest the sweep moves). Forward fixed charges x 26280 (the fixed_charge_coverage_tests row of INC-1997-11-TL,
    # projection 778,875.00; deemed 4.10(b)(ii) draw 400,000,000 - (principal + 59,000,000 letters of credit LC-CA-1997-
    # ENV/GEN/INS) at LIBOR 5.75% + 1.50% = 7.25%): 3,558,074,476,250 before the 1998 notes, plus the 12 3/4% notes' extra
    # 5,865,000 a year x 26280 = 154,132,200,000: 3,712,206,676,250.
    # Before = 318,444,594.97 x 26280 / 3,712,206,676,250 = 2.2543798... (2.3100175 before the D1 fix).
    # New 10% notes at 30/360 of $180,000,000 add $18,000,000 a year: x 26280 = 473,040,000,000.00.
    # After = 318,444,594.97 x 26280 / (3,712,206,676,250 + 473,040,000,000) = 1.9995772... <= 2.0: fails.
    # (Before the D1 fix $250,000,000 failed at 1.962659 and $215,000,000 passed at 2.004865; both fail now.)
    record = check(cache, tmp_path, "1997-11-14", NOTES.format(amount="180000000.00"))
    assert record["answer"] == "not permitted"
    assert record["relied_on"] == "indenture-1996/4.10(a)"
    assert record["ratios"] == [
        {
            "clause_id": "indenture-1996/4.10(a)",
            "before": "2.254380",
            "after": "1.999577",
            "operator": ">",
            "threshold": "2.0",
            "status_before": "pass",
            "status_after": "fail",
        }
    ]
    assert [r["transaction_id"] for r in record["results"]] == ["PROPOSED-NOTES"]


def test_4_10_a_notes_that_keep_the_ratio_above_2_are_permitted(cache, tmp_path):
    # As above with $175,000,000: + 17,500,000 x 26280 = 459,900,000,000;
    # 318,444,594.97 x 26280 / (3,712,206,676,250 + 459,900,000,000) = 318,444,594.97 x 26280 / 4,172,106,676,250
    # = 2.0058748... > 2.0 (the largest 10% issue that passes is about 179,663,356: 318,444,594.97 x 13140 - 3,712,206,676,250
    # = 472,155,301,655.80 of annual interest x 26280, i.e. 17,966,335.68 a year)
    record = check(cache, tmp_path, "1997-11-14", NOTES.format(amount="175000000.00"))
    assert record["answer"] == "permitted"
    assert (record["ratios"][0]["before"], record["ratios"][0]["after"]) == ("2.254380", "2.005875")


def test_4_09_a_dividend_when_the_ratio_is_below_2_is_not_permitted(cache, tmp_path):
    # Sample, 1999-10-15 (after the Gramercy explosion): numerator = CCFAFC 1998 Q3 - 1999 Q2 201,782,483.97 less the
    # Micromill Asset Sale adjustment (-6,200,000.00) = 207,982,483.97 (214,879,903.97 before CNI (ii) took out QAL's Net
    # Income and CCFAFC (iii) its tax: 1,920,320 + 1,623,100 + 1,600,000 + 1,754,000 = 6,897,420 pre-tax, derived in
    # tests/test_end_to_end.py). 4.09(a)(B) deems no 4.10(b)(ii) draw: forward
    # interest 123,195,537.39 + letters of credit 749,791.67 + projection 478,875.00, x 26280 = 3,269,868,082,500
    # (3,131,898,082,500 before the 1998 notes, plus the New Subordinated Notes' 50,000,000 x 10.5% = 5,250,000 a year x 26280
    # = 137,970,000,000). Ratio = 207,982,483.97 x 26280 / 3,269,868,082,500 = 1.6715596... <= 2.0 (1.7269944 before
    # the D1 fix, 1.7569230 before the 1998 notes).
    # A dividend adds no fixed charge, so before = after.
    record = check(cache, tmp_path, "1999-10-15", json.dumps(DIVIDEND), suffix=".json")
    assert record["answer"] == "not permitted"
    assert record["relied_on"] == "indenture-1996/4.09(a)"
    ratio = next(r for r in record["ratios"] if r["clause_id"] == "indenture-1996/4.09(a)(B)")
    assert (ratio["before"], ratio["after"], ratio["status_after"]) == ("1.671560", "1.671560", "fail")


def test_the_results_have_the_shape_of_a_run(cache, tmp_path):
    check(cache, tmp_path, "1999-10-15", json.dumps(DIVIDEND), suffix=".json")
    results = json.loads((tmp_path / "out" / "results.json").read_text())
    assert results and all(tuple(r) == FIELDS for r in results)
    assert {r["transaction_id"] for r in results} == {"PROPOSED-DIV"}


def test_a_missing_attestation_cannot_be_confirmed(cache, tmp_path):
    # 1997-11-14, before the Gramercy explosion: 4.09(a)(C) holds (Used 10,000,000 + 5,000,000 = 15,000,000 <= Capacity
    # 29,088,522.50 to 1997 Q2, docs/restricted_payments.md) and the MAXXAM cap holds, so only the unattested (A) and (B) remain open.
    record = check(cache, tmp_path, "1997-11-14", json.dumps({**DIVIDEND, "attestations": []}), suffix=".json")
    assert record["answer"] == "cannot be confirmed"
    assert any("projected_other_fixed_charges (R-I02) for PROPOSED-DIV" in reason for reason in record["reasons"])


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"colour": "blue"}, "field colour: Extra inputs are not permitted"),
        ({"amount": 5000000.0}, 'field amount: must be a quoted decimal string such as "50000000.00", not float'),
        ({"amount": "5000000.001"}, "field amount: not an amount in dollars with at most two decimal places"),
        ({"basket": "4.09(z)"}, "field basket: not one of the allowed values"),
        ({"payment_kind": "restricted_investment"}, "field payment_kind: a restricted_payment is one of dividend"),
        ({"payer_entity_id": "NOBODY"}, "field payer_entity_id: 'NOBODY' is not found in the entities extract"),
        ({"transaction_id": "RP-1997-06-DIV"}, "field transaction_id: RP-1997-06-DIV is already in the restricted_payments extract"),
    ],
)
def test_a_bad_transaction_file_is_refused_naming_the_field(cache, tmp_path, capsys, change, message):
    transaction = tmp_path / "proposal.yaml"
    transaction.write_text(json.dumps({**DIVIDEND, **change}))  # JSON is YAML
    args = ["check", "--extracts", str(SAMPLE_EXTRACTS_DIR), "--date", "1999-10-15", "--transaction", str(transaction)]
    assert main([*args, "--cache", str(cache), "--out", str(tmp_path / "out")]) == EXIT_BAD_INPUT
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_a_check_never_changes_the_cache(cache, tmp_path):
    check(cache, tmp_path, "1997-11-14", NOTES.format(amount="205000000.00"))
    before = _digests(cache)
    check(cache, tmp_path, "1997-11-14", NOTES.format(amount="205000000.00"))
    assert _digests(cache) == before and len(before) == 2  # the database and its hash


def test_the_cache_is_prepared_afresh_when_an_extract_changes(tmp_path):
    extracts, cache = tmp_path / "extracts", tmp_path / "cache"
    shutil.copytree(SAMPLE_EXTRACTS_DIR, extracts)
    policies = load_policies()
    first, cached = prepared_database(extracts, policies, cache)
    assert not cached and prepared_database(extracts, policies, cache) == (first, True)
    payments = extracts / "restricted_payments.csv"
    payments.write_text(payments.read_text().replace("Cash dividend on common stock to KAC", "Dividend to KAC", 1))
    assert content_key(extracts, policies) not in first.name
    second, cached = prepared_database(extracts, policies, cache)
    assert not cached and second != first
    assert sorted(p.name for p in cache.glob("*.duckdb")) == sorted([first.name, second.name])  # both kept (KEEP = 3)


def test_a_ratio_debt_incurrence_uses_no_basket_but_shows_what_is_left(cache, tmp_path):
    # 4.10(d): debt Incurred under 4.10(a) uses no 4.10(b) basket, so each basket's capacity left is the same before and
    # after. 4.10(b)(ii) on 1997-11-14 (indebtedness_basket_ledger): revolver principal 58,693,560.75 (57,740,881.17
    # before the extra 12 3/4% interest drew the sweep) less 45,000,000.00 repaid from INC-1997-11-TL =
    # 13,693,560.75, plus 59,000,000.00 of letters of credit = 72,693,560.75 used of 400,000,000.00, leaving 327,306,439.25.
    record = check(cache, tmp_path, "1997-11-14", NOTES.format(amount="200000000.00"))
    [credit_agreement] = [b for b in record["baskets"] if b["clause_id"] == "indenture-1996/4.10(b)(ii)"]
    assert (credit_agreement["capacity"], credit_agreement["remaining_before"], credit_agreement["remaining_after"]) == (
        "400000000.00",
        "327306439.25",
        "327306439.25",
    )


def test_an_asset_sale_is_relied_on_4_14(cache, tmp_path):
    # Section 4.14 limits Asset Sales (4.11 is Liens)
    record = check(cache, tmp_path, "2000-03-15", (ROOT / "sample" / "transactions" / "asset-sale-2000-03.yaml").read_text())
    assert record["relied_on"] == "indenture-1996/4.14"
