"""Two real one-quarter runs through the command line, the second after moving one trial-balance amount by hand: the
workbook, the iCalendar file and result_inputs.csv of a real run, and `covenants diff` between the two.

The change: KACC's November 2003 "Selling, administrative, research and general" (account 5100, fiscal year to date)
from 74,800,000.00 to 73,800,000.00, with its other side in accrued liabilities (account 2100, -313,500,000.00 to
-312,500,000.00) so the trial balance still nets to zero. November's expense falls by 1,000,000 and December's rises
by as much (December's year-to-date balance is unchanged), so of the quarter's results only the 12 months to
November 30, 2003 move: EBITDA -127,541,418.02 + 1,000,000 = -126,541,418.02 against the -127,000,000.00 minimum
(docs/sample.md), so 9.2.4(b) passes with 458,581.98 to spare where it failed by 541,418.02.
"""

import csv
import json
import shutil

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from pipelines.cli import main
from pipelines.layout import SAMPLE_EXTRACTS_DIR

BEFORE_AFTER = (
    ("KACC,2003-11-30,5100,,74800000.00\n", "KACC,2003-11-30,5100,,73800000.00\n"),
    ("KACC,2003-11-30,2100,,-313500000.00\n", "KACC,2003-11-30,2100,,-312500000.00\n"),
)


@pytest.fixture(scope="module")
def runs(tmp_path_factory, sample_quarter_run):
    """The sample's 2003Q4 run (tests/conftest.py) and the same quarter with one trial-balance amount moved."""
    base = tmp_path_factory.mktemp("runs")
    extracts = base / "extracts"
    shutil.copytree(SAMPLE_EXTRACTS_DIR, extracts)
    balances = (extracts / "trial_balances.csv").read_text()
    for before, after in BEFORE_AFTER:
        assert balances.count(before) == 1
        balances = balances.replace(before, after)
    (extracts / "trial_balances.csv").write_text(balances)
    assert main(["run", "--extracts", str(extracts), "--out", str(base / "new"), "--period", "2003Q4"]) == 0
    return sample_quarter_run, base / "new"


def test_diff_after_moving_one_trial_balance_amount(runs, capsys):
    old, new = runs
    capsys.readouterr()
    assert main(["diff", str(old), str(new)]) == 0
    manifests = [json.loads((folder / "manifest.json").read_text()) for folder in runs]
    assert capsys.readouterr().out.splitlines() == [
        f"Old: {old} (run {manifests[0]['run_id']} as of 2003-12-31, 19 results)",
        f"New: {new} (run {manifests[1]['run_id']} as of 2003-12-31, 19 results)",
        "1 changed, 0 appeared, 0 disappeared, 18 unchanged.",
        "",
        "Changed:",
        "  ppca-2002/9.2.4(b), 2003-11-30: fail → pass",
        "    EBITDA for the 12 months: (127,541,418.02) → (126,541,418.02)",
        "    headroom: (541,418.02) → 458,581.98",
        "    input ebitda: (127,541,418.02) → (126,541,418.02)",
        "    input adjusted_net_earnings_from_operations: (218,507,515.43) → (217,507,515.43)",
        "    input net_income: (572,844,355.61) → (571,844,355.61)",
    ]


def test_the_workbook_of_a_run(runs):
    old, new = runs
    before, after = (load_workbook(folder / "covenants.xlsx") for folder in runs)
    assert before.sheetnames == ["Grid", "indenture-1996", "ppca-2002", "Inputs", "Limits", "Basket ledger", "Deadlines"]  # no ca-1994 clause in 2003Q4
    grid_rows = {row[1].value: row for row in before["Grid"].iter_rows(min_row=2)}
    assert before["Grid"]["D1"].value == "2003Q4"
    failed = grid_rows["ppca-2002/9.2.4(b)"][3]
    assert (failed.value, failed.number_format) == (-541418.02, '"fail "#,##0.00;"fail "(#,##0.00)')
    waived = grid_rows["ppca-2002/9.2.4(a)"][3]  # -135,000,000 against -123,000,000, waived by the March 29, 2004 letter
    assert (waived.value, waived.number_format) == (-12000000, '"waived "#,##0.00;"waived "(#,##0.00)')
    passed = {row[1].value: row for row in after["Grid"].iter_rows(min_row=2)}["ppca-2002/9.2.4(b)"][3]
    assert (passed.value, passed.number_format) == (458581.98, '"pass "#,##0.00;"pass "(#,##0.00)')


def test_result_inputs_and_calendar_of_a_run(runs):
    old, _ = runs
    with (old / "result_inputs.csv").open(newline="") as handle:
        inputs = list(csv.DictReader(handle))
    [ebitda] = [r for r in inputs if (r["clause_id"], r["test_date"], r["input"]) == ("ppca-2002/9.2.4(b)", "2003-11-30", "ebitda")]
    assert (ebitda["fiscal_quarter"], ebitda["value"], ebitda["input_clause_id"]) == ("2003Q4", "-127541418.02", "ppca-2002/def/EBITDA")
    # the November 2003 threshold as figures (docs/sample.md): (100,000,000) less 17,000,000 less 10,000,000
    with (old / "result_limits.csv").open(newline="") as handle:
        november = [(r["kind"], r["name"], r["value"]) for r in csv.DictReader(handle)
                    if (r["clause_id"], r["test_date"]) == ("ppca-2002/9.2.4(b)", "2003-11-30") and r["applies_to"] == "threshold"]
    assert november == [
        ("threshold", "threshold for EBITDA for the 12 months", "-127000000.00"),
        ("base", "threshold before reductions", "-100000000"),
        ("reduction", "VALCO shortfall reduction", "17000000.00"),
        ("reduction", "natural gas price reduction", "10000000.00"),
    ]
    deadlines = json.loads((old / "deadlines.json").read_text())
    events = Calendar.from_ical((old / "deadlines.ics").read_bytes()).walk("VEVENT")
    assert len(events) == sum(1 for d in deadlines if d["adjusted_due_date"] or d["trigger_date"])
    summaries = {str(e["summary"]) for e in events}
    # the interest due April 15, 2002, never paid (docs/sample.md): missed and still open at the end of 2003Q4
    assert any(s.startswith("indenture-1996/6.01(a) (missed): ") for s in summaries)


def test_the_calendar_of_a_one_quarter_run_lists_what_is_live_in_it(runs):
    old, _ = runs
    deadlines = json.loads((old / "deadlines.json").read_text())
    # nothing done before October 1, 2003 is listed: the 4.08 certificate for FY2003 Q2, delivered August 14, 2003, is
    # in 2003Q3's calendar; the one for Q3, delivered November 14, 2003, is in this one
    assert [d for d in deadlines if d["completed_on"] and d["completed_on"] < "2003-10-01"] == []
    by_key = {(d["clause_id"], d["reference_id"]): d for d in deadlines}
    assert ("indenture-1996/4.08", "FY2003-Q2") not in by_key
    assert (by_key[("indenture-1996/4.08", "FY2003-Q3")]["status"], by_key[("indenture-1996/4.08", "FY2003-Q3")]["trigger_quarter"]) == ("met", "2003Q3")
    # the interest due April 15, 2002 was never paid: missed and still open, so listed with the quarter behind it
    missed = by_key[("indenture-1996/6.01(a)", "IPD-2002-04-15")]
    assert (missed["status"], missed["trigger_quarter"]) == ("missed", "2002Q2")
