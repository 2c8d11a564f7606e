"""Extracts into DuckDB: each file typed into `raw_<extract>`, validated, checked across extracts, issues quarantined.

Plain functions, called by the command line (`ingest_all`) and one by one by the Dagster assets. DuckDB reads each
file where it lies and every check is SQL over the tables it makes (reading.py, schemas.py, validation.py): no table
is read out into Python, only the rows at fault. Values are never put into SQL text: they stay in the files and tables.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl

from pipelines.cursors import each_in_order
from pipelines.extracts.contract import EXTRACTS, Extract
from pipelines.extracts.date_range import DateRange, instruments_date_range
from pipelines.extracts.fingerprint_cache import loaded_fingerprint
from pipelines.extracts.reading import ExtractMissing, Issue, load_file, locate
from pipelines.extracts.screen import table_issues
from pipelines.extracts.validation import cross_extract_issues
from pipelines.file_hashes import stamp
from pipelines.layout import CACHE_DIR

QUARANTINE = "quarantine"
FILES = "extract_files"  # extract name → the file it was loaded from, so that later checks name the file
FINGERPRINTS = "extract_fingerprints"  # extract name → the content fingerprint of the rows loaded, for the manifest
ISSUE_FIELDS = ("file", "row", "column", "value", "reason", "check")


class BadExtracts(Exception):
    """The extracts were refused: at least one issue, and every issue blocks the run."""

    def __init__(self, issues: list[Issue], quarantine_file: Path | str | None = None):
        super().__init__(f"{len(issues)} issue(s) in the extracts")
        self.issues = issues
        self.quarantine_file = quarantine_file

    def summary(self, limit: int = 20) -> str:
        count = len(self.issues)
        lines = [f"{count} issue{'' if count == 1 else 's'} in the extracts:"]
        lines += [f"  {issue}" for issue in self.issues[:limit]]
        if count > limit:
            where = self.quarantine_file or f"the DuckDB table {QUARANTINE}"
            lines.append(f"  ... and {count - limit} more; all are in {where}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()


def table_name(extract: Extract) -> str:
    return f"raw_{extract.name}"


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    # fetchall, not fetchone: DuckDB 2.0 refuses the next query while a result is unfinished
    return {name for (name,) in con.execute("select table_name from duckdb_tables()").fetchall()}


def _has_table(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    # one lookup rather than a listing of the catalog: ingest asked three listings and a read of FILES per extract
    try:
        con.table(table)
    except duckdb.CatalogException:
        return False
    return True


def _file_name(con: duckdb.DuckDBPyConnection, extract: Extract) -> str:
    """The file the extract was last loaded from; the extract's own name where none was."""
    try:
        known = con.execute(f"select file from {FILES} where extract = ?", [extract.name]).fetchall()
    except duckdb.CatalogException:
        known = []
    return known[0][0] if known else extract.name


def _file_names(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Extract name → the file it was last loaded from; the extract's own name where none was."""
    known = dict(con.execute(f"select extract, file from {FILES}").fetchall()) if _has_table(con, FILES) else {}
    return {e.name: known.get(e.name, e.name) for e in EXTRACTS}


REMEMBERED = {FILES: "file", FINGERPRINTS: "sha256"}  # each table's column


def _create_remembered(con: duckdb.DuckDBPyConnection, table: str) -> None:
    con.execute(f"create table if not exists {table} (extract varchar primary key, {REMEMBERED[table]} varchar not null)")


def _remember(con: duckdb.DuckDBPyConnection, table: str, extract: Extract, value: str | None) -> None:
    """Set the extract's value in `table` (FILES or FINGERPRINTS) to `value`; None forgets it."""
    _create_remembered(con, table)
    con.execute(f"delete from {table} where extract = ?", [extract.name])
    if value is not None:
        con.execute(f"insert into {table} values (?, ?)", [extract.name, value])


def extract_fingerprints(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Extract name → the content fingerprint of its loaded rows (pipelines/extracts/fingerprint.py)."""
    if not _has_table(con, FINGERPRINTS):
        return {}
    return dict(con.execute(f"select extract, sha256 from {FINGERPRINTS} order by extract").fetchall())


def load_extract(con: duckdb.DuckDBPyConnection, extracts_dir: Path, extract: Extract, cache_dir: Path | None = CACHE_DIR) -> list[Issue]:
    """Replace `raw_<extract>` with the file's typed good rows (and `_row`); the issues of the rows left out. The
    rows' content fingerprint is taken from `cache_dir` when the file's bytes were fingerprinted before
    (fingerprint_cache.py; None: no cache).

    A missing or wholly refused file (unreadable, missing or unknown columns) leaves no table, so that no stale
    table of an earlier load survives it.
    """
    table = table_name(extract)
    con.execute(f"drop table if exists {table}")
    try:
        path = locate(Path(extracts_dir), extract)
    except ExtractMissing as missing:
        _remember(con, FILES, extract, extract.name)
        _remember(con, FINGERPRINTS, extract, None)
        return [Issue(extract.name, None, None, None, str(missing), "file_present")]
    _remember(con, FILES, extract, path.name)
    before = stamp(path)
    issues = load_file(con, path, extract, table)
    made = _has_table(con, table)
    _remember(con, FINGERPRINTS, extract, loaded_fingerprint(con, table, extract, path, before, cache_dir) if made else None)
    return issues


def validate_extract(con: duckdb.DuckDBPyConnection, extract: Extract, dates: DateRange | None = None) -> list[Issue]:
    """The extract's model on its loaded table; nothing to validate (and no issue) when no table was made.
    Its dates must lie within `dates`, by default the instruments' range of the policy files."""
    table = table_name(extract)
    if not _has_table(con, table):
        return []
    return table_issues(con, table, extract, _file_name(con, extract), dates)


def row_count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    """Rows in the table; 0 when the file was refused whole and no table was made."""
    try:
        return int(con.table(table).aggregate("count(*)").fetchall()[0][0])
    except duckdb.CatalogException:
        return 0


def each_loaded(con: duckdb.DuckDBPyConnection, extracts_dir: Path, extracts: list[Extract], dates: DateRange) -> Iterator[tuple[Extract, list[Issue], int]]:
    """Each extract loaded and validated (load_extract, validate_extract), with its issues and the rows of its table,
    yielded in the given order: two at a time, each on a cursor of its own (pipelines/cursors.py). Nothing else may use
    `con` until the iteration ends."""
    for table in REMEMBERED:  # before the threads, which would both create them
        _create_remembered(con, table)
    # the tables read again are dropped and checkpointed first, so that the new rows take their blocks: read again over
    # a kept database, the ×800 trial balances otherwise left a file of 255 MB where 152 MB hold it, copied every night
    dropped = [table_name(e) for e in extracts if _has_table(con, table_name(e))]
    for table in dropped:
        con.execute(f"drop table {table}")
    if dropped:
        con.execute("checkpoint")

    def loaded(cursor: duckdb.DuckDBPyConnection, extract: Extract) -> tuple[list[Issue], int]:
        issues = load_extract(cursor, extracts_dir, extract) + validate_extract(cursor, extract, dates)
        return issues, row_count(cursor, table_name(extract))

    for extract, (issues, rows) in each_in_order(con, extracts, loaded, name=lambda e: e.name, thread_name="load-extracts"):
        yield extract, issues, rows


def validate_cross_extract(con: duckdb.DuckDBPyConnection, changed: Iterable[Extract] | None = None) -> list[Issue]:
    """References between extracts, entity dates, the trial balance identity and the register's periods. `changed`:
    the extracts just read again over tables accepted together before (a run's kept database): only what reads one of
    them is checked again (pipelines/extracts/validation.py)."""
    tables = _tables(con)
    names = None if changed is None else frozenset(e.name for e in changed)
    return cross_extract_issues(con, {e.name: table_name(e) for e in EXTRACTS if table_name(e) in tables}, _file_names(con), names)


def _create_quarantine(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        f'create table if not exists {QUARANTINE} (file varchar, "row" bigint, "column" varchar, value varchar, '
        'reason varchar, "check" varchar, recorded_at timestamptz)'
    )


def record_quarantine(con: duckdb.DuckDBPyConnection, issues: list[Issue]) -> None:
    """Append the issues to the `quarantine` table (made if missing), all with the same time of recording."""
    _create_quarantine(con)
    if not issues:
        return
    recorded_at = datetime.now(UTC)
    frame = pl.DataFrame(
        [(*(getattr(i, f) for f in ISSUE_FIELDS), recorded_at) for i in issues],
        schema={
            "file": pl.String,
            "row": pl.Int64,
            "column": pl.String,
            "value": pl.String,
            "reason": pl.String,
            "check": pl.String,
            "recorded_at": pl.Datetime("us", "UTC"),
        },
        orient="row",
    )
    con.from_arrow(frame.to_arrow()).insert_into(QUARANTINE)


def quarantine_rows(con: duckdb.DuckDBPyConnection) -> list[Issue]:
    """Every issue ever recorded, in the order recorded."""
    _create_quarantine(con)
    rows = con.sql(f'select file, "row", "column", value, reason, "check" from {QUARANTINE} order by rowid').fetchall()
    return [Issue(*row) for row in rows]


def ingest_all(con: duckdb.DuckDBPyConnection, extracts_dir: Path, extracts: Iterable[Extract] = EXTRACTS) -> list[Issue]:
    """Load and validate every extract, then check across them; record and return every issue (empty: clean). Given
    some of them, the others' tables are kept as they are, which must have been accepted together (a run's kept
    database): the checks across extracts then read again only what reads one of those given."""
    issues: list[Issue] = []
    given = list(extracts)
    for _, found, _ in each_loaded(con, extracts_dir, given, instruments_date_range()):
        issues += found
    issues += validate_cross_extract(con, None if len(given) == len(EXTRACTS) else given)
    record_quarantine(con, issues)
    return issues
