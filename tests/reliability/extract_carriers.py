"""One extract's rows written as any of the formats the reader accepts, in any row order.

A carrier is how the same rows reach the pipeline: CSV text, Parquet with text columns, Parquet with typed columns
(DECIMAL, DATE, BOOLEAN), XLSX with text cells, or XLSX with typed cells (numbers, dates and booleans as Excel holds
them). The determinism tests write the sample's rows through every carrier and expect the same results.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import polars as pl

from pipelines.extracts.contract import Extract
from pipelines.extracts.reading import ROW, read_extract

CARRIERS = ("csv", "parquet_text", "parquet_typed", "xlsx_text", "xlsx_typed")


def read_sample(path: Path, extract: Extract) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The file's rows as text (as a person wrote them) and as the reader types them, in the file's order."""
    text = pl.read_csv(path, infer_schema=False)
    typed, issues = read_extract(path, extract)
    assert not issues, issues
    return text, typed.drop(ROW)


def _xlsx(rows: list[list], columns: list[str], path: Path) -> None:
    book = openpyxl.Workbook(write_only=True)  # rows streamed out as appended: a 27,000-row sheet in a quarter less time
    sheet = book.create_sheet()
    sheet.append(columns)
    for row in rows:
        sheet.append(row)
    book.save(path)


def write_carrier(text: pl.DataFrame, typed: pl.DataFrame, order: list[int], carrier: str, folder: Path, name: str) -> Path:
    """Rows `order` of the extract (text and typed frames of the same rows) as `carrier` into folder; the path."""
    text, typed = text[order], typed[order]
    suffix = carrier.split("_")[0]
    path = folder / f"{name}.{suffix}"
    if carrier == "csv":
        text.write_csv(path)
    elif carrier == "parquet_text":
        text.write_parquet(path)
    elif carrier == "parquet_typed":
        typed.write_parquet(path)
    elif carrier == "xlsx_text":
        _xlsx([list(row) for row in text.iter_rows()], text.columns, path)
    else:  # xlsx_typed: decimals are written as Excel numbers (openpyxl takes a Decimal), dates as dates
        _xlsx([list(row) for row in typed.iter_rows()], typed.columns, path)
    return path
