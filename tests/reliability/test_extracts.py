"""The hostile corpus, extracts: bad files as people send them, run through the command line on a private copy of
the sample. A refused extract stops the run at ingest, before any SQL model: exit code 2, one line per refused cell
naming file, row, column and reason, no traceback, nothing issued, and the quarantine file listing the cell.

A refused run costs seconds (a Dagster run, every extract read), so one run proves several cases: a batch damages
several extracts of one copy, never one file twice, and its refusal must list exactly the lines its cases print each
alone, which proves that no case's damage hid or changed another's.

The expected lines are literals: the row numbers are those of the sample files as a person counts them.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from pipelines.layout import SAMPLE_EXTRACTS_DIR
from pipelines.outputs.output_folder import MARKER
from snapshots import snapshot

PROPOSAL = """\
kind: restricted_payment
transaction_id: PROPOSED-DIV
payer_entity_id: KACC
payment_kind: dividend
recipient_kind: kac
amount: "5000000.00"
basket: 4.09(a)
"""
RANGE = "outside the days the instruments can be tested, 1988-10-28 to 2006-10-15 (records_from and tested_through in policies/*/instrument.yaml)"
SAVE_AS = "save it as CSV UTF-8 (comma-separated)"


def lines(path: Path) -> list[str]:
    return path.read_text().splitlines(keepends=True)


def replace_row(folder: Path, name: str, row: int, old: str, new: str) -> None:
    """Replace `old` by `new` in row `row` (the header is row 1) of the sample's CSV."""
    path = folder / f"{name}.csv"
    rows = lines(path)
    assert rows[row - 1].count(old) == 1, (name, row, rows[row - 1])
    rows[row - 1] = rows[row - 1].replace(old, new)
    path.write_text("".join(rows))


def append_row(folder: Path, name: str, row: str) -> None:
    path = folder / f"{name}.csv"
    path.write_text(path.read_text() + row + "\n")


def header_only(folder: Path, name: str) -> None:
    path = folder / f"{name}.csv"
    path.write_text(lines(path)[0])


def to_xlsx(folder: Path, name: str, hidden_first: bool = False) -> None:
    path = folder / f"{name}.csv"
    book = openpyxl.Workbook()
    sheet = book.active
    if hidden_first:
        sheet.title = "Draft"
        sheet.sheet_state = "hidden"
        sheet = book.create_sheet("Final")
    for row in csv.reader(io.StringIO(path.read_text())):
        sheet.append(row)
    if hidden_first:
        book["Draft"].append(["entity_id"])
    book.save(folder / f"{name}.xlsx")
    path.unlink()


@dataclass(frozen=True)
class Case:
    damage: Callable[[Path], None]
    line: str  # the line the refusal prints for the refused cell (or file)
    quarantined: tuple[str, str, str, str]  # file, row, column, check as the quarantine file lists them
    also: tuple[str, ...] = ()  # any other line the same damage prints

    def refusals(self) -> list[str]:
        return [f"  {line}" for line in (self.line, *self.also)]


CASES = {
    "a zero-balance trial balance row dated 2999-12-31": Case(
        lambda f: append_row(f, "trial_balances", "KACC,2999-12-31,1000,,0.00"),
        f"trial_balances.csv, row 27155, column period_end: {RANGE} (value '2999-12-31')",
        ("trial_balances.csv", "27155", "period_end", "date_range"),
    ),
    "a payment dated in year 0000": Case(
        lambda f: replace_row(f, "restricted_payments", 2, "1996-03-31", "0000-03-31"),
        "restricted_payments.csv, row 2, column payment_date: not a real calendar date (value '0000-03-31')",
        ("restricted_payments.csv", "2", "payment_date", "type_date"),
    ),
    "an entity register row from before the instruments' first day": Case(
        lambda f: replace_row(f, "entities", 2, "1988-10-28", "1988-10-27"),
        f"entities.csv, row 2, column valid_from: {RANGE} (value '1988-10-27')",
        ("entities.csv", "2", "valid_from", "date_range"),
    ),
    "a stated maturity before the instruments' first day": Case(
        lambda f: replace_row(f, "debt_instruments", 2, ",2004-06-23,", ",1900-06-23,"),
        "debt_instruments.csv, row 2, column maturity_date: before 1988-10-28, the earliest day the instruments' definitions read (value '1900-06-23')",
        ("debt_instruments.csv", "2", "maturity_date", "date_range"),
        # and before the notes' own issue_date, 1989-12-21 in the same row
        ("debt_instruments.csv, row 2, column maturity_date: must not be before issue_date (value '1900-06-23')",),
    ),
    "an impossible date": Case(
        lambda f: replace_row(f, "asset_sales", 2, "1997-09-30", "1997-09-31"),
        "asset_sales.csv, row 2, column sale_date: not a real calendar date (value '1997-09-31')",
        ("asset_sales.csv", "2", "sale_date", "type_date"),
    ),
    "money with three decimals": Case(
        lambda f: replace_row(f, "capital_expenditures", 2, ",3500000.00,", ",3500000.001,"),
        "capital_expenditures.csv, row 2, column amount: not an amount in dollars with at most two decimal places (value '3500000.001')",
        ("capital_expenditures.csv", "2", "amount", "type_money"),
    ),
    "money written as a float": Case(
        lambda f: replace_row(f, "capital_expenditures", 2, ",3500000.00,", ",3.5e6,"),
        "capital_expenditures.csv, row 2, column amount: not an amount in dollars with at most two decimal places (value '3.5e6')",
        ("capital_expenditures.csv", "2", "amount", "type_money"),
    ),
    "a negative principal secured by a lien": Case(
        lambda f: replace_row(f, "liens", 2, ",265000000.00,", ",-265000000.00,"),
        "liens.csv, row 2, column principal_secured: must not be negative (value '-265000000.00')",
        ("liens.csv", "2", "principal_secured", "not_negative"),
    ),
    "a negative acquisition price": Case(
        lambda f: replace_row(f, "acquisitions", 2, ",6000000.00,", ",-6000000.00,"),
        "acquisitions.csv, row 2, column consideration: must not be negative (value '-6000000.00')",
        ("acquisitions.csv", "2", "consideration", "not_negative"),
    ),
    "an unknown seller": Case(
        lambda f: replace_row(f, "asset_sales", 2, ",KBC,", ",KXYZ,"),
        "asset_sales.csv, row 2, column seller_entity_id: not found in entities (entity_id) (value 'KXYZ')",
        ("asset_sales.csv", "2", "seller_entity_id", "reference"),
    ),
    "a default on an unknown debt instrument": Case(
        lambda f: replace_row(f, "default_events", 2, ",NOTES-10875-2006,", ",NOTES-10875-2096,"),
        "default_events.csv, row 2, column instrument_id: not found in debt_instruments (instrument_id) (value 'NOTES-10875-2096')",
        ("default_events.csv", "2", "instrument_id", "reference"),
    ),
    "a value outside the allowed list": Case(
        lambda f: replace_row(f, "letters_of_credit", 2, ",venezuela,", ",venezuelan,"),
        "letters_of_credit.csv, row 2, column purpose: not one of the allowed values: general, venezuela, bid_bond, insurance, environmental (value 'venezuelan')",
        ("letters_of_credit.csv", "2", "purpose", "allowed_values"),
    ),
    "a debt balance that is not at a month end": Case(
        lambda f: replace_row(f, "debt_balances", 2, ",1996-01-31,", ",1996-01-30,"),
        "debt_balances.csv, row 2, column period_end: must be the last day of a month (value '1996-01-30')",
        ("debt_balances.csv", "2", "period_end", "month_end"),
    ),
    "an ownership above 100%": Case(
        lambda f: replace_row(f, "entities", 3, ",1.000000,", ",1.500000,"),
        "entities.csv, row 3, column ownership_pct: must be a fraction from 0 to 1 (value '1.500000')",
        ("entities.csv", "3", "ownership_pct", "fraction"),
    ),
    "a sale and leaseback with a billion rentals": Case(
        lambda f: replace_row(f, "sale_leasebacks", 2, ",2.000000,20.000000,", ",2.000000,1000000000,"),
        "sale_leasebacks.csv, row 2, column number_of_payments: must be a whole number from 0 to 1200 (value '1000000000.000000')",
        ("sale_leasebacks.csv", "2", "number_of_payments", "whole_number"),
    ),
    "a CSV in Latin-1": Case(
        lambda f: (f / "asset_sales.csv").write_bytes((f / "asset_sales.csv").read_text().replace("Center", "Centré").encode("latin-1")),
        f"asset_sales.csv, row 8: is not UTF-8 text: the byte 0xE9 cannot be decoded (a Latin-1 or Windows-1252 file?); {SAVE_AS}",
        ("asset_sales.csv", "8", "", "readable"),
    ),
    "a CSV in UTF-16": Case(
        lambda f: (f / "liens.csv").write_bytes((f / "liens.csv").read_text().encode("utf-16")),
        f"liens.csv, row 1: is UTF-16 text (it starts with a UTF-16 byte-order mark), not UTF-8; {SAVE_AS}",
        ("liens.csv", "1", "", "readable"),
    ),
    "a CSV separated by semicolons": Case(
        lambda f: (f / "acquisitions.csv").write_text((f / "acquisitions.csv").read_text().replace(",", ";")),
        f"acquisitions.csv, row 1: is separated by semicolons, not commas; {SAVE_AS} "
        "(value 'transaction_id;acquisition_date;acquirer_entity_id;descripti')",
        ("acquisitions.csv", "1", "", "readable"),
    ),
    "a CSV row with an unquoted comma": Case(
        lambda f: replace_row(f, "capital_expenditures", 2, "Trentwood rolling mill", "Trentwood, rolling mill"),
        "capital_expenditures.csv, row 2: has 10 fields where the header has 9 (a comma in a value not in quotes?)",
        ("capital_expenditures.csv", "2", "", "readable"),
    ),
    "an XLSX whose first sheet is hidden": Case(
        lambda f: to_xlsx(f, "acquisitions", hidden_first=True),
        "acquisitions.xlsx: its first sheet 'Draft' is hidden (sheets: 'Draft' (hidden), 'Final'); the extract must be the first sheet, visible",
        ("acquisitions.xlsx", "", "", "readable"),
    ),
    "a Parquet file that is not Parquet": Case(
        lambda f: (f / "acquisitions.csv").rename(f / "acquisitions.parquet"),
        "acquisitions.parquet: is not a Parquet file (it does not start with the Parquet signature PAR1)",
        ("acquisitions.parquet", "", "", "readable"),
    ),
    "an XLSX that is a zip of something else": Case(
        lambda f: (zipfile.ZipFile(f / "acquisitions.xlsx", "w").close(), (f / "acquisitions.csv").unlink()),
        "acquisitions.xlsx: is not an XLSX workbook: it is a zip archive without a workbook in it",
        ("acquisitions.xlsx", "", "", "readable"),
    ),
    "a folder named as an extract": Case(
        lambda f: ((f / "acquisitions.csv").unlink(), (f / "acquisitions.csv").mkdir()),
        "acquisitions.csv: is a folder, not a file",
        ("acquisitions.csv", "", "", "readable"),
    ),
    "trial balances with a header and no rows": Case(
        lambda f: header_only(f, "trial_balances"),
        "trial_balances.csv: has no rows; every figure reads this extract",
        ("trial_balances.csv", "", "", "has_rows"),
    ),
}


# Six cases refuse acquisitions in six ways: six batches, each damaging four different extracts.
BATCHES = (
    (
        "a negative acquisition price",
        "money with three decimals",
        "an impossible date",
        "an entity register row from before the instruments' first day",
    ),
    ("a CSV separated by semicolons", "money written as a float", "an unknown seller", "an ownership above 100%"),
    (
        "an XLSX whose first sheet is hidden",
        "a CSV row with an unquoted comma",
        "a CSV in Latin-1",
        "a zero-balance trial balance row dated 2999-12-31",
    ),
    (
        "a Parquet file that is not Parquet",
        "a negative principal secured by a lien",
        "trial balances with a header and no rows",
        "a payment dated in year 0000",
    ),
    (
        "an XLSX that is a zip of something else",
        "a CSV in UTF-16",
        "a stated maturity before the instruments' first day",
        "a value outside the allowed list",
    ),
    (
        "a folder named as an extract",
        "a default on an unknown debt instrument",
        "a debt balance that is not at a month end",
        "a sale and leaseback with a billion rentals",
    ),
)


def quarantined(out: Path) -> list[tuple[str, str, str, str]]:
    with (out.with_name(f"{out.name}-quarantine") / "quarantine.csv").open(newline="") as handle:
        return [(r["file"], r["row"], r["column"], r["check"]) for r in csv.DictReader(handle)]


def damaged(folder: Path, cases: tuple[str, ...]) -> None:
    for case in cases:
        CASES[case].damage(folder)


def assert_refused(err: str, cases: tuple[str, ...]) -> None:
    """Each case's line is printed, and nothing else is: no case's damage hid or changed another's."""
    printed = err.splitlines()
    for case in cases:
        assert f"  {CASES[case].line}" in printed, case
    refusals = sorted(line for line in printed if line.startswith("  "))
    assert refusals == sorted(line for case in cases for line in CASES[case].refusals()), cases


def test_every_case_is_in_one_batch_that_damages_each_extract_once():
    assert sorted(case for batch in BATCHES for case in batch) == sorted(CASES)
    for batch in BATCHES:
        assert len({Path(CASES[case].quarantined[0]).stem for case in batch}) == len(batch), batch


@pytest.mark.parametrize("batch", BATCHES, ids=[f"batch {n}" for n in range(1, len(BATCHES) + 1)])
def test_bad_extracts_are_refused_at_ingest_and_nothing_is_issued(batch, invoke, sample_extracts, tmp_path):
    damaged(sample_extracts, batch)
    before = snapshot(sample_extracts)
    out = tmp_path / "out"
    result = invoke("run", "--extracts", sample_extracts, "--out", out, "--period", "2003Q4")
    assert result.code == 2
    assert_refused(result.err, batch)
    assert not out.exists()
    quarantine = quarantined(out)
    for case in batch:
        assert CASES[case].quarantined in quarantine, case
    assert snapshot(sample_extracts) == before


def test_an_earlier_output_is_left_byte_for_byte(invoke, sample_extracts, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / MARKER).write_text("Written by covenants.\n")  # an earlier output of the product, which a run may replace
    (out / "results.json").write_text(json.dumps({"issued": "earlier"}))
    (out / "certificates").mkdir()
    (out / "certificates" / "annual.html").write_text("<p>earlier</p>")
    earlier = snapshot(out)
    cases = ("a zero-balance trial balance row dated 2999-12-31",)
    damaged(sample_extracts, cases)
    result = invoke("run", "--extracts", sample_extracts, "--out", out, "--period", "2003Q4")
    assert result.code == 2
    assert_refused(result.err, cases)
    assert snapshot(out) == earlier


def test_the_deadline_calendar_refuses_the_same_extracts(invoke, sample_extracts):
    cases = ("a zero-balance trial balance row dated 2999-12-31", "a CSV separated by semicolons")
    damaged(sample_extracts, cases)
    result = invoke("deadlines", "--extracts", sample_extracts)
    assert result.code == 2
    assert_refused(result.err, cases)
    assert result.out == ""


def test_a_check_refuses_the_same_extracts(invoke, sample_extracts, tmp_path):
    cases = ("a zero-balance trial balance row dated 2999-12-31", "a CSV in Latin-1")
    damaged(sample_extracts, cases)
    transaction = tmp_path / "proposal.yaml"
    transaction.write_text(PROPOSAL)
    out = tmp_path / "check"
    args = ["--date", "1999-10-14", "--transaction", transaction, "--cache", tmp_path / "cache", "--out", out]
    result = invoke("check", "--extracts", sample_extracts, *args)
    assert result.code == 2
    assert_refused(result.err, cases)
    assert not out.exists()


def test_a_check_dated_2999_is_refused_naming_the_date(invoke, tmp_path, prepared_cache):
    transaction = tmp_path / "proposal.yaml"
    transaction.write_text(PROPOSAL)
    out = tmp_path / "check"
    # the sample's prepared database, made once a session: the refusal reads the dates it covers
    args = ["--date", "2999-12-31", "--transaction", transaction, "--cache", prepared_cache, "--out", out]
    result = invoke("check", "--extracts", SAMPLE_EXTRACTS_DIR, *args)
    assert result.code == 2
    # refused before the proposal is read: no four quarters of the extracts come before that date
    assert result.err.startswith("covenants: --date 2999-12-31 is after the last date the extracts can answer for (2005-05-15)")
    assert not out.exists()
