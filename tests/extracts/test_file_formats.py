"""Files as people send them: another encoding, another delimiter, a hidden sheet, a header and no rows, a file that is
not what its name says. Each is refused in one line naming the file (and the row where it shows), or accepted."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import openpyxl
import polars as pl
import pytest

from pipelines.extracts.reading import Issue

SAVE_AS = "save it as CSV UTF-8 (comma-separated)"
CAPEX_HEADER = "entity_id,period_end,project,amount,financed_by_obligors,is_permitted_collateral,lien_id,expenditure_id,expenditure_date"


def readable(file: str, reason: str, row: int | None = None, value: str | None = None) -> list[Issue]:
    return [Issue(file, row, None, value, reason, "readable")]


def test_a_latin_1_csv_is_refused_at_the_row_it_cannot_be_decoded(extracts_dir, clean_texts, reingest):
    text = clean_texts["asset_sales"].replace("Center for Technology", "Centre de Technologie")
    (extracts_dir / "asset_sales.csv").write_bytes(text.replace("Technologie", "Technologie Pléasanton").encode("latin-1"))
    reason = f"is not UTF-8 text: the byte 0xE9 cannot be decoded (a Latin-1 or Windows-1252 file?); {SAVE_AS}"
    assert reingest("asset_sales") == readable("asset_sales.csv", reason, 2)


def test_a_utf_16_csv_is_named_utf_16(extracts_dir, clean_texts, reingest):
    (extracts_dir / "asset_sales.csv").write_bytes(clean_texts["asset_sales"].encode("utf-16"))
    reason = f"is UTF-16 text (it starts with a UTF-16 byte-order mark), not UTF-8; {SAVE_AS}"
    assert reingest("asset_sales") == readable("asset_sales.csv", reason, 1)


def test_a_utf_16_csv_without_byte_order_mark_is_refused_for_its_nul_bytes(extracts_dir, clean_texts, reingest):
    (extracts_dir / "asset_sales.csv").write_bytes(clean_texts["asset_sales"].encode("utf-16-le"))
    reason = f"holds NUL bytes: the file is UTF-16 or binary, not UTF-8 text; {SAVE_AS}"
    assert reingest("asset_sales") == readable("asset_sales.csv", reason, 1)


def test_a_utf_8_byte_order_mark_is_accepted(extracts_dir, clean_texts, reingest):
    (extracts_dir / "asset_sales.csv").write_bytes(b"\xef\xbb\xbf" + clean_texts["asset_sales"].encode())
    assert reingest("asset_sales") == []


@pytest.mark.parametrize(("delimiter", "name"), [(";", "semicolons"), ("\t", "tabs")])
def test_another_delimiter_is_named(delimiter, name, extracts_dir, clean_texts, reingest):
    # the decimal comma that comes with semicolons in European spreadsheets made the reader count more fields
    text = clean_texts["capital_expenditures"].replace(",", delimiter).replace("2500000.00", "2500000,00")
    (extracts_dir / "capital_expenditures.csv").write_text(text)
    header = CAPEX_HEADER.replace(",", delimiter)[:60]
    assert reingest("capital_expenditures") == readable("capital_expenditures.csv", f"is separated by {name}, not commas; {SAVE_AS}", 1, header)


def test_a_row_with_an_unquoted_comma_is_named(extracts_dir, clean_texts, reingest):
    text = clean_texts["capital_expenditures"].replace("Trentwood maintenance", "Trentwood, maintenance")
    (extracts_dir / "capital_expenditures.csv").write_text(text)
    reason = "has 10 fields where the header has 9 (a comma in a value not in quotes?)"
    assert reingest("capital_expenditures") == readable("capital_expenditures.csv", reason, 2)


def test_a_quoted_value_never_closed_is_named_at_its_row(extracts_dir, clean_texts, reingest):
    text = clean_texts["capital_expenditures"].replace("Trentwood maintenance", '"Trentwood maintenance')
    (extracts_dir / "capital_expenditures.csv").write_text(text)
    reason = "has a quoted value that is never closed (a quote mark opens it and no quote mark ends it)"
    assert reingest("capital_expenditures") == readable("capital_expenditures.csv", reason, 2)


def test_a_column_named_twice_is_refused(extracts_dir, clean_texts, reingest):
    text = clean_texts["capital_expenditures"].replace(",expenditure_date\n", ",amount\n", 1)
    (extracts_dir / "capital_expenditures.csv").write_text(text)
    assert reingest("capital_expenditures") == readable("capital_expenditures.csv", "names the column 'amount' twice", 1)


def test_an_empty_file_is_refused(extracts_dir, reingest):
    (extracts_dir / "capital_expenditures.csv").write_bytes(b"")
    reason = "is an empty file: an extract needs at least its header row"
    assert reingest("capital_expenditures") == readable("capital_expenditures.csv", reason)


def test_a_folder_named_as_an_extract_is_refused(extracts_dir, reingest):
    (extracts_dir / "capital_expenditures.csv").unlink()
    (extracts_dir / "capital_expenditures.csv").mkdir()
    assert reingest("capital_expenditures") == readable("capital_expenditures.csv", "is a folder, not a file")


def test_an_unreadable_file_is_refused(extracts_dir, reingest, monkeypatch):
    path = extracts_dir / "capital_expenditures.csv"
    if os.geteuid() != 0:  # chmod 000 stops everyone but root
        path.chmod(0)
    else:
        opening = Path.open

        def refused(self, *args, **kwargs):
            if self == path:
                raise PermissionError(13, "Permission denied", str(self))
            return opening(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", refused)
    assert reingest("capital_expenditures") == readable("capital_expenditures.csv", "cannot be opened: permission denied")


def test_a_parquet_file_that_is_not_parquet_is_refused(extracts_dir, clean_texts, reingest):
    (extracts_dir / "capital_expenditures.csv").rename(extracts_dir / "capital_expenditures.parquet")
    reason = "is not a Parquet file (it does not start with the Parquet signature PAR1)"
    assert reingest("capital_expenditures") == readable("capital_expenditures.parquet", reason)


def test_an_xlsx_that_is_a_zip_of_something_else_is_refused(extracts_dir, reingest):
    (extracts_dir / "capital_expenditures.csv").unlink()
    with zipfile.ZipFile(extracts_dir / "capital_expenditures.xlsx", "w") as archive:
        archive.writestr("capital_expenditures.csv", CAPEX_HEADER)
    reason = "is not an XLSX workbook: it is a zip archive without a workbook in it"
    assert reingest("capital_expenditures") == readable("capital_expenditures.xlsx", reason)


def test_an_xlsx_that_is_not_a_zip_is_refused(extracts_dir, reingest):
    (extracts_dir / "capital_expenditures.csv").rename(extracts_dir / "capital_expenditures.xlsx")
    assert reingest("capital_expenditures") == readable("capital_expenditures.xlsx", "is not an XLSX workbook (not a zip archive)")


def test_an_old_or_password_protected_workbook_is_refused(extracts_dir, reingest):
    (extracts_dir / "capital_expenditures.csv").unlink()
    (extracts_dir / "capital_expenditures.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    reason = "is an .xls workbook or a workbook protected by a password; save it as an XLSX workbook without one"
    assert reingest("capital_expenditures") == readable("capital_expenditures.xlsx", reason)


def test_an_xlsx_whose_first_sheet_is_hidden_is_refused_naming_the_sheets(extracts_dir, reingest):
    (extracts_dir / "capital_expenditures.csv").unlink()
    book = openpyxl.Workbook()
    book.active.title = "Old"
    book.active.append(CAPEX_HEADER.split(","))
    book.active.sheet_state = "hidden"
    book.create_sheet("Capex").append(CAPEX_HEADER.split(","))
    book.save(extracts_dir / "capital_expenditures.xlsx")
    reason = "its first sheet 'Old' is hidden (sheets: 'Old' (hidden), 'Capex'); the extract must be the first sheet, visible"
    assert reingest("capital_expenditures") == readable("capital_expenditures.xlsx", reason)


def _header_only(folder: Path, name: str, header: list[str], suffix: str) -> None:
    (folder / f"{name}.csv").unlink()
    if suffix == "csv":
        (folder / f"{name}.csv").write_text(",".join(header) + "\n")
    elif suffix == "parquet":
        pl.DataFrame(schema=dict.fromkeys(header, pl.String)).write_parquet(folder / f"{name}.parquet")
    else:
        book = openpyxl.Workbook()
        book.active.append(header)
        book.save(folder / f"{name}.xlsx")


@pytest.mark.parametrize("suffix", ["csv", "parquet", "xlsx"])
def test_a_header_and_no_rows_is_an_empty_extract(suffix, extracts_dir, reingest, clean_con):
    _header_only(extracts_dir, "capital_expenditures", CAPEX_HEADER.split(","), suffix)
    assert reingest("capital_expenditures") == []
    assert clean_con.sql("select count(*) from raw_capital_expenditures").fetchall() == [(0,)]


@pytest.mark.parametrize("suffix", ["csv", "parquet", "xlsx"])
def test_a_trial_balance_with_a_header_and_no_rows_is_refused(suffix, extracts_dir, clean_texts, reingest):
    _header_only(extracts_dir, "trial_balances", clean_texts["trial_balances"].splitlines()[0].split(","), suffix)
    reason = "has no rows; every figure reads this extract"
    assert reingest("trial_balances") == [Issue(f"trial_balances.{suffix}", None, None, None, reason, "has_rows")]


def test_trial_balances_that_close_no_quarter_are_refused(edit, reingest):
    edit("trial_balances", "KACC,1997-03-31,1000,,12.34\nKACC,1997-03-31,4000,,-100.00\nKACC,1997-03-31,5000,,87.66",
         "KACC,1997-02-28,1000,,12.34\nKACC,1997-02-28,4000,,-100.00\nKACC,1997-02-28,5000,,87.66")
    reason = "no month is a fiscal quarter's last (March, June, September, December): the months run from 1997-02-28 to 1997-02-28"
    assert reingest("trial_balances") == [Issue("trial_balances.csv", None, "period_end", None, reason, "trial_balances_close_a_quarter")]
