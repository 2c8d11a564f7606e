"""The hostile corpus: every output is safe to open. Ids and descriptions from the extracts that a spreadsheet would
run as formulas, or a browser as script, are carried through a real quarter-end run and a real check: each CSV shows
them as text (after an apostrophe), exact decimals stay numbers, the JSON outputs keep the raw values, and the
certificates and notices escape them."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import shutil
from pathlib import Path

import duckdb
import pytest

from pipelines.certificates.kinds.asset_sale_offer_notice import ASSET_SALE_OFFER_NOTICE, offers_due
from pipelines.certificates.registry import RunFacts, render
from pipelines.cli import main
from pipelines.fiscal import FiscalQuarter
from pipelines.layout import SAMPLE_EXTRACTS_DIR

# INC-2003-11-DIP, a 2003Q4 borrowing under the Post-Petition Credit Agreement: results, basket ledger, annual statement
INCURRENCE = '=HYPERLINK("https://evil.example","<script>alert(1)</script>")'
DESCRIPTION = "@SUM(1+1)*cmd|' /C calc'!A0"
# IPD-2002-04-15, the Notes coupon not paid on April 15, 2002: a 6.01(a) deadline still open in 2003Q4
EVENT = "-2+3+cmd|' /C calc'!A0"
# ASO-2000-01, the Asset Sale Offer of 2000: its 4.14(c) notice
OFFER = "../ASO-2000-01<script>alert(1)</script>"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def replace_row(extracts: Path, name: str, key: str, value: str, changes: dict[str, str]) -> None:
    path = extracts / f"{name}.csv"
    header, *rows = list(csv.reader(path.open(newline="")))
    [row] = [r for r in rows if r[header.index(key)] == value]
    for column, new in changes.items():
        row[header.index(column)] = new
    with path.open("w", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([header, *rows])


@pytest.fixture(scope="module")
def hostile_extracts(tmp_path_factory) -> Path:
    extracts = Path(shutil.copytree(SAMPLE_EXTRACTS_DIR, tmp_path_factory.mktemp("hostile") / "extracts"))
    replace_row(extracts, "incurrences", "transaction_id", "INC-2003-11-DIP", {"transaction_id": INCURRENCE, "description": DESCRIPTION})
    replace_row(extracts, "default_events", "event_id", "IPD-2002-04-15", {"event_id": EVENT})
    replace_row(extracts, "asset_sale_offers", "offer_id", "ASO-2000-01", {"offer_id": OFFER})
    return extracts


@pytest.fixture(scope="module")
def run(hostile_extracts, tmp_path_factory) -> Path:
    """`covenants run --period 2003Q4` on the hostile extracts: its output folder."""
    out = tmp_path_factory.mktemp("run") / "out"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        code = main(["run", "--extracts", str(hostile_extracts), "--out", str(out), "--period", "2003Q4"])
    assert code == 0, printed.getvalue()
    return out


def rows(path: Path) -> list[dict]:
    return list(csv.DictReader(path.open(newline="", encoding="utf-8")))


def records(path: Path) -> list[dict]:
    return json.loads(path.read_text())


def test_results_csv_shows_a_formula_id_as_text_and_the_json_keeps_it(run):
    # the borrowing of 2003-11-17 is tested under 4.10(b)(ii) and 4.11(b)(i)
    assert [r["clause_id"] for r in rows(run / "results.csv") if r["transaction_id"] == "'" + INCURRENCE] == [
        "indenture-1996/4.10(b)(ii)",
        "indenture-1996/4.11(b)(i)",
    ]
    assert [r["clause_id"] for r in records(run / "results.json") if r["transaction_id"] == INCURRENCE] == [
        "indenture-1996/4.10(b)(ii)",
        "indenture-1996/4.11(b)(i)",
    ]


def test_results_csv_keeps_negative_decimals_as_numbers(run):
    # ppca-2002 9.2.4(a), 2003-12-31: EBITDA -135,000,000.00 against the minimum -123,000,000.00 (waived)
    [row] = [r for r in rows(run / "results.csv") if (r["clause_id"], r["test_date"]) == ("ppca-2002/9.2.4(a)", "2003-12-31")]
    assert (row["actual"], row["threshold"], row["headroom"], row["headroom_pct"]) == ("-135000000.00", "-123000000.00", "-12000000.00", "-9.76")


def test_basket_ledger_csv_shows_a_formula_id_and_description_as_text(run):
    [entry] = [r for r in rows(run / "basket_ledger.csv") if r["transaction_id"] == "'" + INCURRENCE]
    assert (entry["clause_id"], entry["entry_date"], entry["description"], entry["amount"]) == (
        "indenture-1996/4.10(b)(ii)", "2003-11-17", "'" + DESCRIPTION, "105000000.00"
    )
    [raw] = [r for r in records(run / "basket_ledger.json") if r["transaction_id"] == INCURRENCE]
    assert raw["description"] == DESCRIPTION


def test_deadlines_csv_shows_a_formula_event_id_as_text(run):
    # the interest due April 15, 2002, never paid: still open in 2003Q4, so in its calendar
    [deadline] = [r for r in rows(run / "deadlines.csv") if r["reference_id"] == "'" + EVENT and r["clause_id"] == "indenture-1996/6.01(a)"]
    assert (deadline["trigger_date"], deadline["status"], deadline["trigger_quarter"]) == ("2002-04-15", "missed", "2002Q2")
    assert {r["reference_id"] for r in records(run / "deadlines.json") if r["reference_id"] == EVENT} == {EVENT}


def test_no_cell_of_any_csv_of_the_run_starts_a_formula(run):
    cells = [(path.name, cell) for path in sorted(run.rglob("*.csv")) for row in csv.reader(path.open(newline="")) for cell in row]
    assert {name for name, _ in cells} == {"basket_ledger.csv", "deadlines.csv", "result_inputs.csv", "result_limits.csv", "results.csv"}
    formulas = [(name, cell) for name, cell in cells if cell.startswith(FORMULA_STARTS) and not re.fullmatch(r"-[0-9]+(\.[0-9]+)?", cell)]
    assert formulas == []


def test_the_annual_statement_prints_the_hostile_id_escaped(run):
    html = (run / "certificates" / "indenture-1996-4.06b-FY2003.html").read_text()
    assert "Incurrence =HYPERLINK(&#34;https://evil.example&#34;,&#34;&lt;script&gt;alert(1)&lt;/script&gt;&#34;) of DIP-2002" in html
    assert "<script" not in html


@pytest.fixture(scope="module")
def hostile_database(run):
    """The hostile run's own database, which it publishes beside its outputs: its extracts ingested and its models built."""
    con = duckdb.connect(str(run / "covenants.duckdb"), read_only=True)
    yield con
    con.close()


def test_the_asset_sale_offer_notice_escapes_the_offer_id_and_keeps_its_file_in_the_folder(hostile_database, tmp_path):
    # ASO-2000-01 became due on 2000-03-15: day 145 is 2000-08-07, in 2000Q3
    offers = offers_due(hostile_database, [FiscalQuarter(2000, 3)])
    assert [o["offer_id"] for o in offers] == [OFFER]
    manifest = {"run_id": "0" * 16, "as_of": "2000-09-30", "periods": ["2000Q3"], "code": {"source_sha256": "b" * 64}, "extracts": {}, "inputs": {}, "policies": {}}
    written = render(RunFacts(quarters=[], results=[], manifest=manifest, gathered={ASSET_SALE_OFFER_NOTICE.name: offers}), tmp_path)
    stem = "indenture-1996-4.14c-.._ASO-2000-01_script_alert_1___script_-0deebfd3"
    assert written == [tmp_path / "certificates" / f"{stem}.html", tmp_path / "certificates" / f"{stem}.pdf"]
    html = written[0].read_text()
    assert "Notice of Asset Sale Offer ../ASO-2000-01&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script" not in html


def test_check_results_csv_shows_a_formula_proposal_id_as_text(tmp_path, prepared_cache):
    # the proposal's own id is text a person typed: a check's results.csv treats it as any extract's
    proposal = tmp_path / "dividend.json"
    proposal.write_text(json.dumps({
        "kind": "restricted_payment", "transaction_id": INCURRENCE, "payer_entity_id": "KACC", "payment_kind": "dividend",
        "recipient_kind": "kac", "amount": "5000000.00", "basket": "4.09(a)",
    }))
    out = tmp_path / "out"
    with contextlib.redirect_stdout(io.StringIO()):
        code = main(["check", "--extracts", str(SAMPLE_EXTRACTS_DIR), "--date", "1999-10-15", "--transaction", str(proposal),
                     "--cache", str(prepared_cache), "--out", str(out)])
    assert code == 0
    assert {r["transaction_id"] for r in rows(out / "results.csv")} == {"'" + INCURRENCE}
    assert {r["transaction_id"] for r in records(out / "results.json")} == {INCURRENCE}
    assert json.loads((out / "check.json").read_text())["transaction_id"] == INCURRENCE


def test_quarantine_csv_shows_a_refused_formula_value_as_text(sample_extracts, tmp_path):
    replace_row(sample_extracts, "incurrences", "transaction_id", "INC-2003-11-DIP", {"amount": "=1+2"})
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        code = main(["run", "--extracts", str(sample_extracts), "--out", str(tmp_path / "out"), "--period", "2003Q4"])
    assert code == 2
    values = [r["value"] for r in rows(tmp_path / "out-quarantine" / "quarantine.csv") if r["column"] == "amount"]
    assert values == ["'=1+2"]
