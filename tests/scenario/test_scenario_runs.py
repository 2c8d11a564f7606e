"""`covenants run --scenario` on the sample: the three worked examples of docs/time-and-scenarios.md, each result
beside the baseline of the same run, with the expected figures derived by hand from the clauses and the sample."""

import hashlib
import json
import tempfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pipelines.check.prepared import open_prepared
from pipelines.cli import main
from pipelines.layout import ROOT, SAMPLE_EXTRACTS_DIR

SCENARIOS = ROOT / "sample" / "scenarios"


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def run(tmp_path_factory, scenario: str, period: str) -> Path:
    out = tmp_path_factory.mktemp("scenario") / "out"
    assert main(["run", "--extracts", str(SAMPLE_EXTRACTS_DIR), "--out", str(out), "--period", period, "--quiet", "--scenario", str(SCENARIOS / scenario)]) == 0
    return out


@pytest.fixture(scope="module")
def ebitda_lower(tmp_path_factory):
    before = digests(SAMPLE_EXTRACTS_DIR)
    out = run(tmp_path_factory, "ebitda-2004q2-10-percent-lower.yaml", "2004Q2")
    return out, before, digests(SAMPLE_EXTRACTS_DIR)


def compared(out: Path) -> dict:
    return json.loads((out / "scenario.json").read_text())


def changed(out: Path) -> dict[tuple[str, str, str | None], tuple[dict | None, dict | None]]:
    return {(r["test_date"], r["clause_id"], r["transaction_id"]): (r["baseline"], r["scenario"]) for r in compared(out)["results"] if r["changed"]}


def test_ebitda_10_percent_lower_moves_the_minimum_ebitda_test(ebitda_lower):
    out, _, _ = ebitda_lower
    # ppca-2002 9.2.4(a), EBITDA "for the 4 Fiscal Quarters ending" 6/30/04, on the sample's quarterly EBITDA:
    # 2003Q3 (15,000,000) + 2003Q4 (48,000,000) + 2004Q1 10,000,000 + 2004Q2 64,000,000 = 11,000,000.00.
    # 2004Q2 10% lower: 64,000,000 x 10% = 6,400,000 less net sales in June (account 4000, in no exclusion of Adjusted
    # Net Earnings from Operations): 11,000,000 - 6,400,000 = 4,600,000.00.
    # Threshold: the table's 9,000,000 less 9.2.4(c), the VALCO shortfall credits of the four quarters (9,000,000 +
    # 12,000,000 x 3 = 45,000,000, within 20,000,000 a quarter and 60,000,000 in all), and 9.2.4(d), R1 10,000,000 x
    # (4.85 - 3.50) / (5.50 - 3.50) = 6,750,000 plus R2 min(10,000,000 - 6,750,000, 10,000,000 x (4.60 - 3.50) / 2.00)
    # = 3,250,000: 9,000,000 - 45,000,000 - 10,000,000 = (46,000,000.00). "Not less than": passes either way.
    baseline, scenario = changed(out)[("2004-06-30", "ppca-2002/9.2.4(a)", None)]
    assert baseline == {"status": "pass", "actual": "11000000.00", "threshold": "-46000000.00", "headroom": "57000000.00", "waiver_id": None}
    assert scenario == {"status": "pass", "actual": "4600000.00", "threshold": "-46000000.00", "headroom": "50600000.00", "waiver_id": None}
    # lower net sales lower Consolidated Net Income, so the coverage ratio of the quarter-end information rows moves
    # too; nothing else of 2004Q2 reads June's net sales or cash
    assert set(changed(out)) == {
        ("2004-06-30", "ppca-2002/9.2.4(a)", None),
        ("2004-06-30", "indenture-1996/4.09(a)(B)", None),
        ("2004-06-30", "indenture-1996/4.10(a)", None),
    }
    summary = compared(out)["summary"]
    assert (summary["changed"], summary["status_changed"]) == (3, 0)
    # the June debit of 6,400,000.00 on 4000 and its credit to cash, carried from June to December 2004, the last month
    assert compared(out)["what_changed"] == [
        "inputs.0: trial_balances, account 4000 of KACC, 2004-06-30: each month's activity changed by 6,400,000.00, "
        "6,400,000.00 in all, against account 1000; 14 balances changed, 0 rows added"
    ]


def test_the_baseline_is_the_prepared_database_a_check_finds(ebitda_lower):
    # the run evaluated its baseline on the sample's prepared database, left in the cache folder (a check's, and the next
    # scenario's); a check opening it now finds it cached
    prepared = open_prepared(SAMPLE_EXTRACTS_DIR)
    prepared.con.close()
    assert prepared.cached


def test_the_extracts_folder_is_byte_identical_after_a_scenario_run(ebitda_lower):
    _, before, after = ebitda_lower
    assert after == before


def test_the_manifest_names_the_scenario_and_its_sha256(ebitda_lower):
    out, _, _ = ebitda_lower
    manifest = json.loads((out / "manifest.json").read_text())
    scenario = manifest["options"]["scenario"]
    file = SCENARIOS / "ebitda-2004q2-10-percent-lower.yaml"
    assert (scenario["name"], scenario["file"], scenario["sha256"]) == (
        "EBITDA of 2004Q2 10% lower", "sample/scenarios/ebitda-2004q2-10-percent-lower.yaml", hashlib.sha256(file.read_bytes()).hexdigest())
    # the inputs are the user's files, byte for byte: the scenario is applied to a copy
    assert manifest["inputs"]["trial_balances.csv"] == hashlib.sha256((SAMPLE_EXTRACTS_DIR / "trial_balances.csv").read_bytes()).hexdigest()


def test_every_document_of_a_scenario_is_marked_not_for_delivery(ebitda_lower):
    out, _, _ = ebitda_lower
    words = "Scenario: EBITDA of 2004Q2 10% lower. Not for delivery"
    certificates = sorted((out / "certificates").glob("*.html"))
    assert [p.name for p in certificates] == ["ppca-2002-borrowing-base-2004Q2.html", "ppca-2002-compliance-2004Q2.html"]
    for html in [*certificates, out / "report.html"]:
        text = html.read_text()
        assert f"<title>{words}. " in text, html.name
        assert text.count(f"{words}.") == 2, html.name  # the title and the banner
    assert 'class="scenario-banner"' in certificates[1].read_text()
    assert load_workbook(out / "covenants.xlsx")["Scenario"]["A1"].value == f"{words}."
    assert all(pdf.stat().st_size for pdf in (out / "certificates").glob("*.pdf"))


def test_a_scenarios_certificate_is_not_verified(ebitda_lower):
    out, _, _ = ebitda_lower
    assert main(["verify", str(out / "certificates" / "ppca-2002-compliance-2004Q2.html")]) == 2


def test_issuing_notes_under_4_10_a(tmp_path_factory):
    out = run(tmp_path_factory, "issue-notes-1997-11.yaml", "1997Q4")
    found = changed(out)
    # As tests/check/test_check.py derives it for the same proposal on 1997-11-14: CCFAFC 318,444,594.97 x 26280 over
    # forward fixed charges x 26280 of 3,712,206,676,250 before, plus 180,000,000 x 10% = 18,000,000 a year x 26280 =
    # 473,040,000,000: 318,444,594.97 x 26280 / 4,185,246,676,250 = 1.999577..., not "greater than 2.0 to 1": fails.
    baseline, scenario = found[("1997-11-14", "indenture-1996/4.10(a)", "SCENARIO-NOTES-1997")]
    assert baseline is None
    assert (scenario["status"], scenario["actual"], scenario["threshold"]) == ("fail", "1.999577", "2.0")
    # the term loan incurred the same day (INC-1997-11-TL) is tested pro forma for every Indebtedness of that
    # Transaction Date, so with the notes it gives the same ratio and fails too
    baseline, scenario = found[("1997-11-14", "indenture-1996/4.10(a)", "INC-1997-11-TL")]
    assert (baseline["status"], scenario["status"], scenario["actual"]) == ("pass", "fail", "1.999577")
    assert compared(out)["summary"]["only_in_scenario"] == 1


def test_a_proposed_amendment_of_the_minimum_ebitda_table(tmp_path_factory):
    out = run(tmp_path_factory, "amend-minimum-ebitda-2004-06.yaml", "2004Q2")
    # the amended table's 70,000,000 for the 4 Fiscal Quarters ending 6/30/04, less the same 55,000,000 of 9.2.4(c)
    # and (d) as above: 15,000,000.00; EBITDA 11,000,000.00 is less: fails by 4,000,000.00. Nothing else moves.
    assert changed(out) == {
        ("2004-06-30", "ppca-2002/9.2.4(a)", None): (
            {"status": "pass", "actual": "11000000.00", "threshold": "-46000000.00", "headroom": "57000000.00", "waiver_id": None},
            {"status": "fail", "actual": "11000000.00", "threshold": "15000000.00", "headroom": "-4000000.00", "waiver_id": None},
        )
    }
    manifest = json.loads((out / "manifest.json").read_text())
    assert "sample/scenarios/amendment/ppca-2002/covenants/9.2.4-a.yaml" in manifest["policies"]
    assert "policies/ppca-2002/covenants/9.2.4-a.yaml" not in manifest["policies"]


def test_a_refused_scenario_issues_nothing(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text('name: x\ndescription: y\ninputs:\n  - {extract: trial_balances, account: "4000", amount: 1.5, offset_account: "1000"}\n')
    out = tmp_path / "out"
    assert main(["run", "--extracts", str(SAMPLE_EXTRACTS_DIR), "--out", str(out), "--period", "2004Q2", "--quiet", "--scenario", str(bad)]) == 2
    assert not out.exists()
    assert f"scenario {bad}: inputs.0.amount: write exact values as quoted strings" in capsys.readouterr().err


def test_an_input_the_extracts_cannot_match_is_refused_and_its_copy_removed(tmp_path, capsys):
    nobody = tmp_path / "nobody.yaml"
    nobody.write_text('name: x\ndescription: y\ninputs:\n  - {extract: trial_balances, account: "4000", entity: NOBODY, amount: "1.00", offset_account: "1000"}\n')
    copies = set(Path(tempfile.gettempdir()).glob("covenants-scenario-*"))
    out = tmp_path / "out"
    assert main(["run", "--extracts", str(SAMPLE_EXTRACTS_DIR), "--out", str(out), "--period", "2004Q2", "--quiet", "--scenario", str(nobody)]) == 2
    assert f"scenario {nobody}: inputs.0: no trial-balance row matches (accounts 4000, entity NOBODY)" in capsys.readouterr().err
    assert not out.exists()
    assert set(Path(tempfile.gettempdir()).glob("covenants-scenario-*")) == copies
