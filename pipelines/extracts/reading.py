"""Read one extract file (CSV, Parquet or XLSX) into exactly typed columns in DuckDB, reporting every cell that does not fit.

The file is read where it lies: DuckDB scans a Parquet file itself (a CSV once Polars has split its cells; an XLSX
sheet, read in Python with openpyxl, is handed to DuckDB as Arrow), and the checks are SQL over that scan. Every value is checked as text against a strict
pattern for its kind, then cast: a money value with more than two decimal places, or any value that is not a plain
decimal, is an issue, never a silent rounding (DuckDB's own casts round `1.005` to `1.01`: the pattern refuses it
first). Only the refused rows come back to Python, to be listed; the typed good rows stay in DuckDB.

A Parquet column already of its kind's exact type (DECIMAL(18,2) money, DATE, BOOLEAN) is taken as it is: its values
are those its text would give. A CSV is split into text cells by Polars' reader, as it always was, streamed a chunk at
a time into a temporary Parquet file that DuckDB then scans (see `_csv_source`).
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from itertools import count
from pathlib import Path

import duckdb
import polars as pl

from pipelines.database import ArrowStream, polars_frame, scratch
from pipelines.extracts.contract import KINDS, Extract
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
# Stripped from both ends of every cell, as Polars' strip_chars() does: Unicode's White_Space characters.
_WHITESPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680" + "".join(chr(c) for c in range(0x2000, 0x200B)) + "\u2028\u2029\u202f\u205f\u3000"
# A cell with none of them at either end (RE2's pattern, each character written as \x{hex}). DuckDB's trim with a set
# of characters costs about 1 µs a cell of a Parquet column stored plain rather than as a dictionary (a column of many
# distinct values, such as the account ids of a large group): recognizing first the cells that need no stripping is
# six times faster there. A dictionary's values DuckDB trims once each, faster than the pattern reads every cell; and
# the pattern costs a fixed half millisecond a column, which a file of fewer than MANY_ROWS rows does not win back.
_NOT_PADDED = "(?s)[^{0}](.*[^{0}])?".format("".join(f"\\x{{{ord(c):x}}}" for c in _WHITESPACE))
MANY_ROWS = 100_000

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


def quoted(name: str) -> str:
    """A SQL identifier, whatever the name holds."""
    return '"' + name.replace('"', '""') + '"'


def literal(text: str) -> str:
    """A SQL string literal, whatever the text holds."""
    return "'" + text.replace("'", "''") + "'"


def locate(extracts_dir: Path, extract: Extract) -> Path:
    found = [extracts_dir / f"{extract.name}{suffix}" for suffix in SUFFIXES if (extracts_dir / f"{extract.name}{suffix}").exists()]
    if len(found) != 1:
        expected = " or ".join(f"{extract.name}{s}" for s in SUFFIXES)
        problem = "is missing" if not found else f"is given {len(found)} times ({', '.join(p.name for p in found)})"
        raise ExtractMissing(f"{extracts_dir}: extract {extract.name!r} {problem}; expected exactly one of {expected}")
    return found[0]


# ---- the text of a file, for the files DuckDB does not scan itself ------------------------------------------------


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


# ---- the file as a DuckDB relation of text cells, numbered as a person counts rows --------------------------------

_views = count()  # next() on a count is atomic: frames may be typed on several threads at once


@dataclass(frozen=True)
class Source:
    """A relation over the file's cells: `sql` selects `_row` and every column of the file; `types` gives each
    column's DuckDB type (VARCHAR but for a typed Parquet column). `views` are what must be dropped afterwards."""

    sql: str
    types: dict[str, str]
    views: tuple[str, ...] = ()
    cleanup: tuple[Path, ...] = ()
    plain: frozenset[str] = frozenset()  # the text columns whose unpadded cells are recognized before trimming


def _stored_plain(con: duckdb.DuckDBPyConnection, parquet: Path) -> frozenset[str]:
    """The columns of a Parquet file of at least MANY_ROWS rows with some data stored plain, not as a dictionary, as
    its footer says: by the data pages' encodings where the writer counted them, else by the column chunk's."""
    chunks = con.execute(
        "select path_in_schema, row_group_num_rows, encodings, "
        "[s.encoding for s in coalesce(encoding_stats, []) if s.page_type = 'DATA_PAGE'] from parquet_metadata(?)",
        [str(parquet)],
    ).fetchall()
    dictionary = ("PLAIN_DICTIONARY", "RLE_DICTIONARY")
    rows: dict[str, int] = {}
    plain = set()
    for column, chunk_rows, encodings, data_pages in chunks:
        rows[column] = rows.get(column, 0) + chunk_rows
        if data_pages:
            stored_plain = any(e not in dictionary for e in data_pages)
        else:
            stored_plain = not any(d in encodings for d in dictionary)
        if stored_plain:
            plain.add(column)
    return frozenset(plain) if max(rows.values(), default=0) >= MANY_ROWS else frozenset()


def _frame_source(con: duckdb.DuckDBPyConnection, frame: pl.DataFrame, first_row: int) -> Source:
    name = f"_extract_text_{next(_views)}"
    numbered = frame.with_row_index(ROW, offset=first_row).with_columns(pl.col(ROW).cast(pl.Int64))
    con.register(name, ArrowStream(numbered))
    return Source(f"select * from {name}", dict.fromkeys(frame.columns, "VARCHAR"), (name,))


def _csv_source(con: duckdb.DuckDBPyConnection, path: Path) -> Source:
    """Polars' CSV reader, streamed into a Parquet file of text cells beside it (`cleanup`), which DuckDB scans: the
    CSV is read exactly as it always was (every cell as text, an empty cell null, a line with more fields than the
    header refused), a chunk at a time. DuckDB's own CSV reader would take a row with extra empty fields and skip
    empty lines; Polars' reads those as a person counts them."""
    folder = Path(tempfile.mkdtemp(prefix="covenants-csv-"))
    rows = folder / "rows.parquet"
    try:
        pl.scan_csv(path, infer_schema=False).with_row_index(ROW, offset=2).sink_parquet(rows)
    except pl.exceptions.ComputeError:
        shutil.rmtree(folder)
        raise UnreadableFile(malformed_row(path) or Problem("is not a CSV file Polars can read")) from None
    except BaseException:
        shutil.rmtree(folder)
        raise
    scan = f"read_parquet({literal(str(rows))})"
    names = [n for n in pl.read_parquet_schema(rows) if n != ROW]
    # a CSV of fewer bytes than MANY_ROWS has fewer rows (each takes a byte at least): its footer need not be read
    plain = _stored_plain(con, rows) if path.stat().st_size >= MANY_ROWS else frozenset()
    # empty rows at the end (a final blank line) are not rows; row numbers are unchanged
    filled = " or ".join(f"{_text(n, 'VARCHAR', n in plain)} is not null" for n in names) or "false"
    last = f"(select coalesce(max({ROW}), 0) from {scan} where {filled})"
    sql = f"select {ROW}::bigint as {ROW}, * exclude ({ROW}) from {scan} where {ROW} <= {last}"
    return Source(sql, dict.fromkeys(names, "VARCHAR"), cleanup=(folder,), plain=plain)


def _parquet_source(con: duckdb.DuckDBPyConnection, path: Path) -> Source:
    scan = f"read_parquet({literal(str(path))}, file_row_number=true)"
    described = con.sql(f"describe select * exclude (file_row_number) from {scan}").fetchall()
    types = {name: str(kind) for name, kind, *_ in described}
    floats = [name for name, kind in types.items() if kind in ("FLOAT", "DOUBLE")]
    if floats:
        raise ValueError(f"{path.name}: columns {', '.join(floats)} are binary floats; money must be DECIMAL or text")
    # Parquet rows are counted from 1: a Parquet file has no header row
    return Source(f"select (file_row_number + 1)::bigint as {ROW}, * exclude (file_row_number) from {scan}", types, plain=_stored_plain(con, path))


def text_source(con: duckdb.DuckDBPyConnection, path: Path) -> Source:
    """The file's cells as a relation for DuckDB; UnreadableFile (or the reader's own error) when it cannot be read."""
    problem = file_problem(path)
    if problem:
        raise UnreadableFile(problem)
    if path.suffix == ".csv":
        return _csv_source(con, path)
    if path.suffix == ".parquet":
        return _parquet_source(con, path)
    return _frame_source(con, _without_trailing_empty_rows(_read_xlsx(path)), 2)


def drop_source(con: duckdb.DuckDBPyConnection, source: Source) -> None:
    for name in source.views:
        con.unregister(name)
    for folder in source.cleanup:
        shutil.rmtree(folder, ignore_errors=True)


# ---- typing the cells ------------------------------------------------------------------------------------------


def _text(column: str, source_type: str, stored_plain: bool) -> str:
    """The cell as stripped text, null when empty."""
    cell = quoted(column) if source_type == "VARCHAR" else f"cast({quoted(column)} as varchar)"
    stripped = f"trim({cell}, {literal(_WHITESPACE)})"
    if stored_plain:
        stripped = f"case when regexp_full_match({cell}, {literal(_NOT_PADDED)}) then {cell} else {stripped} end"
    return f"nullif({stripped}, '')"


def _exact(kind: str, source_type: str) -> bool:
    """A Parquet column already of the kind's exact type, whose cells need no pattern."""
    return kind != "text" and source_type == KINDS[kind]


def _cells(source: Source, extract: Extract) -> str:
    """SQL: `_row` and each column's cell, stripped text but for a Parquet column already of its kind's exact type;
    each cell is stripped once here, however many checks read it."""
    cells = [quoted(c.name) if _exact(c.kind, source.types[c.name]) else _text(c.name, source.types[c.name], c.name in source.plain) for c in extract.columns]
    return f"select {ROW}, " + ", ".join(f"{cell} as {quoted(c.name)}" for cell, c in zip(cells, extract.columns, strict=True)) + f" from ({source.sql})"


def _typed(kind: str, column: str, source_type: str) -> str:
    """SQL: the cell (of `_cells`) typed by its kind."""
    cell = quoted(column)
    if _exact(kind, source_type) or kind == "text":
        return cell
    if kind == "bool":
        return f"({cell} = 'true')"
    return f"cast({cell} as {KINDS[kind]})"


def _fits(kind: str, column: str, source_type: str) -> str:
    """SQL: the cell (of `_cells`, non-empty) fits its kind."""
    cell = quoted(column)
    if _exact(kind, source_type):
        # a DATE's text is YYYY-MM-DD for years 1 to 9999 only; others go through the text's checks to be refused
        return f"year({cell}) between 1 and 9999" if kind == "date" else "true"
    fits = f"regexp_full_match({cell}, {literal(_PATTERNS[kind])})"
    if kind == "date":  # a real calendar day: not February 30, nor year 0000, which no calendar has
        fits += f" and coalesce(year(try_cast({cell} as date)) >= 1, false)"
    return fits


def load_typed(con: duckdb.DuckDBPyConnection, source: Source, extract: Extract, name: str, table: str, temporary: bool = False) -> list[Issue]:
    """Make `table` of the source's rows typed by the contract, the rows with a refused cell left out (with `_row`),
    and return the issues of those rows. `name` is the file the issues name. No table is made when a column is missing
    or unknown, or when the extract must have rows and has none. A temporary table is the connection's own."""
    expected = [c.name for c in extract.columns]
    present = list(source.types)
    missing = [c for c in expected if c not in present]
    unknown = [c for c in present if c not in expected]
    issues = [Issue(name, None, c, None, "required column is missing", "columns") for c in missing]
    issues += [Issue(name, None, c, None, "column is not in the extract contract", "columns") for c in unknown]
    if issues:
        return issues
    # counted once: a CSV's source finds its last filled row with a pass of its own, each time it is read
    (rows,) = con.sql(f"select count(*) from ({source.sql})").fetchall()[0]
    if extract.has_rows and rows == 0:
        return [Issue(name, None, None, None, "has no rows; every figure reads this extract", "has_rows")]

    types = source.types
    good_cells = []
    for column in extract.columns:
        cell = quoted(column.name)
        conditions = [f"{cell} is not null"] if column.required else []
        if column.kind in _PATTERNS:
            conditions.append(f"({cell} is null or ({_fits(column.kind, column.name, types[column.name])}))")
        if conditions:
            good_cells.append(" and ".join(conditions))
    good = "coalesce(" + " and ".join(good_cells) + ", false)" if good_cells else "true"
    typed = ", ".join(f"{_typed(c.kind, c.name, types[c.name])} as {quoted(c.name)}" for c in extract.columns)
    (kept,) = con.execute(f"create {'temp ' if temporary else ''}table {table} as select {ROW}, {typed} from ({_cells(source, extract)}) where {good}").fetchall()[0]
    # the rows left out are looked for only when there are some
    if good_cells and kept != rows:
        issues += _cell_issues(con, source, extract, name, good)
    return issues


def _cell_issues(con: duckdb.DuckDBPyConnection, source: Source, extract: Extract, name: str, good: str) -> list[Issue]:
    """The issues of the rows left out, each cell as the file spells it: per column, its empty required cells and
    its cells of the wrong form, in row order; then the dates no calendar has, in rows with no other issue. Every
    row left out has at least one issue: nothing is dropped silently."""
    selected = []
    for column in extract.columns:
        # a typed Parquet cell's text is its value's (a DATE of year 10000 is refused by its pattern)
        text = f"cast({quoted(column.name)} as varchar)" if _exact(column.kind, source.types[column.name]) else quoted(column.name)
        selected.append(text)
        selected.append(f"{text} is null" if column.required else "false")
        if column.kind in _PATTERNS:
            form = f"regexp_full_match({text}, {literal(_PATTERNS[column.kind])})"
            selected.append(f"{text} is not null and not {form}")
            calendar = f"coalesce(year(try_cast({text} as date)) >= 1, false)" if column.kind == "date" else "true"
            selected.append(f"{text} is not null and {form} and not {calendar}")
        else:
            selected += ["false", "false"]
    rows = con.sql(f"select {ROW}, {', '.join(selected)} from ({_cells(source, extract)}) where not {good} order by {ROW}").fetchall()
    issues: list[Issue] = []
    bad_rows: set[int] = set()
    for index, column in enumerate(extract.columns):
        value, empty, wrong = 1 + 4 * index, 2 + 4 * index, 3 + 4 * index
        for row in rows:
            if row[empty]:
                issues.append(Issue(name, row[0], column.name, None, "required value is empty", "not_null"))
                bad_rows.add(row[0])
        for row in rows:
            if row[wrong]:
                issues.append(Issue(name, row[0], column.name, row[value], _REASONS[column.kind], f"type_{column.kind}"))
                bad_rows.add(row[0])
    for index, column in enumerate(extract.columns):
        value, impossible = 1 + 4 * index, 4 + 4 * index
        for row in rows:
            if row[impossible] and row[0] not in bad_rows:
                issues.append(Issue(name, row[0], column.name, row[value], "not a real calendar date", "type_date"))
    refused = {i.row for i in issues}
    if any(row[0] not in refused for row in rows):
        raise RuntimeError(f"{name}: rows left out without an issue: {[row[0] for row in rows if row[0] not in refused][:10]}")
    return issues


# ---- whole files into Polars, for small frames and tests -------------------------------------------------------


def _unreadable(name: str, error: Exception) -> list[Issue]:
    if isinstance(error, UnreadableFile):
        return [Issue(name, error.problem.row, None, error.problem.value, error.problem.reason, "readable")]
    # any other unreadable file is reported, with the reader's own words, on one line
    return [Issue(name, None, None, None, "cannot be read: " + " ".join(str(error).split()), "readable")]


def load_file(con: duckdb.DuckDBPyConnection, path: Path, extract: Extract, table: str) -> list[Issue]:
    """Make `table` from the file (`load_typed`); the issues, a file that cannot be read being one issue and no table."""
    try:
        source = text_source(con, path)
    except Exception as error:  # noqa: BLE001 - an unreadable file is an issue of its own
        return _unreadable(path.name, error)
    try:
        return load_typed(con, source, extract, path.name, table)
    except duckdb.Error as error:  # a Parquet file DuckDB cannot read to its end
        con.execute(f"drop table if exists {table}")
        return _unreadable(path.name, error)
    finally:
        drop_source(con, source)


def _frame(con: duckdb.DuckDBPyConnection, table: str) -> pl.DataFrame:
    exists = con.execute("select count(*) from duckdb_tables() where table_name = ?", [table]).fetchall()[0][0]
    return polars_frame(con, f"select * from {table} order by {ROW}") if exists else pl.DataFrame()


def read_extract(path: Path, extract: Extract) -> tuple[pl.DataFrame, list[Issue]]:
    """Typed rows that passed every cell check (with `_row`), and the issues of those that did not."""
    with duckdb.connect() as con:
        issues = load_file(con, path, extract, "typed")
        return _frame(con, "typed"), issues


def typed_rows(text: pl.DataFrame, first_row: int, extract: Extract, name: str) -> tuple[pl.DataFrame, list[Issue]]:
    """Text columns (as a file holds them) typed by the contract: the rows that passed every cell check, and the
    issues of those that did not. `name` is the file the issues name; `first_row` the number of the first data row."""
    with scratch() as con:
        source = _frame_source(con, text.with_columns(pl.all().cast(pl.String)), first_row)
        issues = load_typed(con, source, extract, name, "typed", temporary=True)
        return _frame(con, "typed"), issues
