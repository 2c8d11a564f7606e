"""Read one extract file (CSV, Parquet or XLSX) into exactly typed columns, reporting every cell that does not fit.

Every value is first read as text, checked against a strict pattern for its kind, then cast. A money value with
more than two decimal places, or any value that is not a plain decimal, is an issue, never a silent rounding.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from pipelines.extracts.contract import Extract
from pipelines.extracts.file_formats import Problem, UnreadableFile, file_problem, malformed_row

SUFFIXES = (".csv", ".parquet", ".xlsx")

_PATTERNS = {
    "money": r"^-?\d{1,16}(\.\d{1,2})?$",
    "rate": r"^-?\d{1,4}(\.\d{1,8})?$",
    "pct": r"^-?\d{1,3}(\.\d{1,6})?$",
    "quantity": r"^-?\d{1,12}(\.\d{1,6})?$",
    "date": r"^\d{4}-\d{2}-\d{2}$",
    "bool": r"^(true|false)$",
}
_REASONS = {
    "money": "not an amount in dollars with at most two decimal places",
    "rate": "not a decimal rate with at most eight decimal places",
    "pct": "not a decimal fraction with at most six decimal places",
    "quantity": "not a decimal with at most six decimal places",
    "date": "not a date in YYYY-MM-DD form",
    "bool": "not true or false",
}
_POLARS = {
    "text": pl.String,
    "money": pl.Decimal(18, 2),
    "rate": pl.Decimal(12, 8),
    "pct": pl.Decimal(9, 6),
    "quantity": pl.Decimal(18, 6),
    "date": pl.Date,
    "bool": pl.Boolean,
}

ROW = "_row"  # the row's number in its file, as a person opening the file would count it


@dataclass(frozen=True)
class Issue:
    """One bad cell or row: where it is and why it is refused."""

    file: str
    row: int | None
    column: str | None
    value: str | None
    reason: str
    check: str

    def __str__(self) -> str:
        where = self.file + (f", row {self.row}" if self.row is not None else "") + (f", column {self.column}" if self.column else "")
        shown = f" (value {self.value!r})" if self.value not in (None, "") else ""
        return f"{where}: {self.reason}{shown}"


class ExtractMissing(Exception):
    pass


def locate(extracts_dir: Path, extract: Extract) -> Path:
    found = [extracts_dir / f"{extract.name}{suffix}" for suffix in SUFFIXES if (extracts_dir / f"{extract.name}{suffix}").exists()]
    if len(found) != 1:
        expected = " or ".join(f"{extract.name}{s}" for s in SUFFIXES)
        problem = "is missing" if not found else f"is given {len(found)} times ({', '.join(p.name for p in found)})"
        raise ExtractMissing(f"{extracts_dir}: extract {extract.name!r} {problem}; expected exactly one of {expected}")
    return found[0]


def _xlsx_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        # A numeric Excel cell is a binary float: take its shortest exact decimal spelling, never its binary expansion.
        return repr(value).removesuffix(".0") if value.is_integer() else repr(value)
    if hasattr(value, "date") and hasattr(value, "isoformat"):
        return value.date().isoformat() if hasattr(value, "hour") else value.isoformat()
    return str(value)


def _read_xlsx(path: Path) -> pl.DataFrame:
    import openpyxl  # only for XLSX extracts: importing it costs every command's start-up a quarter of a second

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:  # a read-only workbook holds its file open until closed
        first = book.worksheets[0]
        if first.sheet_state != "visible":
            # The extract is the first sheet; one a person opening the file cannot see is not taken on trust, nor is
            # the first visible one guessed at: either could be a working copy.
            sheets = ", ".join(f"{w.title!r}" + ("" if w.sheet_state == "visible" else " (hidden)") for w in book.worksheets)
            raise UnreadableFile(Problem(f"its first sheet {first.title!r} is hidden (sheets: {sheets}); the extract must be the first sheet, visible"))
        rows = [list(row) for row in first.iter_rows(values_only=True)]
    finally:
        book.close()
    header = rows[0] if rows else []
    # Excel lists formatted but empty columns: keep a column only if it has a name or a value.
    used = [i for i, name in enumerate(header) if name is not None or any(i < len(r) and r[i] is not None for r in rows[1:])]
    names = [str(header[i]) if header[i] is not None else f"unnamed column {i + 1}" for i in used]
    data = [[_xlsx_text(row[i]) if i < len(row) else None for i in used] for row in rows[1:]]
    return pl.DataFrame(data, schema=names, orient="row", schema_overrides=dict.fromkeys(names, pl.String))


def _without_trailing_empty_rows(frame: pl.DataFrame) -> pl.DataFrame:
    """Drop empty rows at the end (a final blank line, Excel's formatted empty rows); row numbers are unchanged."""
    if frame.width == 0:
        return frame
    filled = frame.select(~pl.all_horizontal(pl.all().str.strip_chars().fill_null("") == "")).to_series().arg_true()
    return frame.head(int(filled[-1]) + 1 if len(filled) else 0)


def _read_text(path: Path) -> tuple[pl.DataFrame, int]:
    """The file as text columns, and the row number of its first data row."""
    if path.suffix == ".csv":
        try:
            frame = pl.read_csv(path, infer_schema=False)  # every cell as text; empty cells become null
        except pl.exceptions.ComputeError:
            raise UnreadableFile(malformed_row(path) or Problem("is not a CSV file Polars can read")) from None
        return _without_trailing_empty_rows(frame), 2
    if path.suffix == ".parquet":
        frame = pl.read_parquet(path)
        floats = [name for name, dtype in frame.schema.items() if dtype.is_float()]
        if floats:
            raise ValueError(f"{path.name}: columns {', '.join(floats)} are binary floats; money must be DECIMAL or text")
        return frame.with_columns(pl.all().cast(pl.String)), 1
    return _without_trailing_empty_rows(_read_xlsx(path)), 2


def read_extract(path: Path, extract: Extract) -> tuple[pl.DataFrame, list[Issue]]:
    """Typed rows that passed every cell check, and the issues of those that did not."""
    name = path.name
    try:
        problem = file_problem(path)
        if problem:
            raise UnreadableFile(problem)
        text, first_row = _read_text(path)
    except UnreadableFile as unreadable:
        problem = unreadable.problem
        return pl.DataFrame(), [Issue(name, problem.row, None, problem.value, problem.reason, "readable")]
    except Exception as error:  # noqa: BLE001 - any other unreadable file is reported, with the reader's own words, on one line
        return pl.DataFrame(), [Issue(name, None, None, None, "cannot be read: " + " ".join(str(error).split()), "readable")]

    return typed_rows(text, first_row, extract, name)


def _calendar_date(name: str) -> pl.Expr:
    """The text as a date, null when it names no calendar day: February 30, or year 0000 (which no calendar has, and
    which Python's dates cannot hold)."""
    parsed = pl.col(name).str.to_date("%Y-%m-%d", strict=False)
    return pl.when(parsed.dt.year() >= 1).then(parsed).alias(name)


def typed_rows(text: pl.DataFrame, first_row: int, extract: Extract, name: str) -> tuple[pl.DataFrame, list[Issue]]:
    """Text columns (as a file holds them) typed by the contract: the rows that passed every cell check, and the
    issues of those that did not. `name` is the file the issues name; `first_row` the number of the first data row."""
    expected = [c.name for c in extract.columns]
    missing = [c for c in expected if c not in text.columns]
    unknown = [c for c in text.columns if c not in expected]
    issues = [Issue(name, None, c, None, "required column is missing", "columns") for c in missing]
    issues += [Issue(name, None, c, None, "column is not in the extract contract", "columns") for c in unknown]
    if issues:
        return pl.DataFrame(), issues
    if extract.has_rows and text.height == 0:
        return pl.DataFrame(), [Issue(name, None, None, None, "has no rows; every figure reads this extract", "has_rows")]

    text = text.with_row_index(ROW, offset=first_row).with_columns(pl.col(ROW).cast(pl.Int64))
    bad_rows: set[int] = set()
    for column in extract.columns:
        values = pl.col(column.name).str.strip_chars()
        text = text.with_columns(pl.when(values == "").then(None).otherwise(values).alias(column.name))
        if column.required:
            for row in text.filter(pl.col(column.name).is_null())[ROW]:
                issues.append(Issue(name, row, column.name, None, "required value is empty", "not_null"))
                bad_rows.add(row)
        if column.kind in _PATTERNS:
            wrong = text.filter(pl.col(column.name).is_not_null() & ~pl.col(column.name).str.contains(_PATTERNS[column.kind]))
            for row, value in wrong.select(ROW, column.name).iter_rows():
                issues.append(Issue(name, row, column.name, value, _REASONS[column.kind], f"type_{column.kind}"))
                bad_rows.add(row)

    good = text.filter(~pl.col(ROW).is_in(sorted(bad_rows)))
    typed = good.select(
        pl.col(ROW),
        *[
            (pl.col(c.name) == "true").alias(c.name)
            if c.kind == "bool"
            else _calendar_date(c.name)
            if c.kind == "date"
            else pl.col(c.name).cast(_POLARS[c.kind]).alias(c.name)
            for c in extract.columns
        ],
    )
    for column in (c for c in extract.columns if c.kind == "date"):
        impossible = typed.filter(pl.col(column.name).is_null()).join(good.select(ROW, column.name), on=ROW, suffix="_text")
        for row, value in impossible.filter(pl.col(f"{column.name}_text").is_not_null()).select(ROW, f"{column.name}_text").iter_rows():
            issues.append(Issue(name, row, column.name, value, "not a real calendar date", "type_date"))
            bad_rows.add(row)
    return typed.filter(~pl.col(ROW).is_in(sorted(bad_rows))), issues
