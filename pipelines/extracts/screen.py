"""Validate a loaded extract: first one query asks DuckDB whether the table is as its Pandera model wants it, and
only when it is not does Pandera validate it, cell by cell (schemas.py).

The query of each extract, in sql/screens/, is compiled by Ibis from the checks of the extract's Pandera model (the
very expressions Pandera runs) and kept as a file, so that a run whose extracts are sound never imports Pandera and
Ibis (0.7 s) nor compiles the 38 queries (0.4 s). A test holds each file to what the model compiles to today:
`python -m pipelines.extracts.screen` writes them again (part of `make docs`).

The table passes when its columns are the contract's plus `_row`, each of the type the contract gives its kind; when
no row fails any check of the model; and when no two rows share a hash of the key. Anything else, Pandera is asked,
and it names every refused cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
import polars as pl

from pipelines.database import ArrowStream, scratch
from pipelines.extracts.contract import EXTRACTS, Extract
from pipelines.extracts.date_range import DateRange, instruments_date_range
from pipelines.extracts.reading import ROW, Issue, quoted
from pipelines.layout import SQL_DIR

SCREENS_DIR = SQL_DIR / "screens"

# The DuckDB type of each kind of column, as reading.py must leave it; the model's types are these (schemas.py).
DUCKDB_TYPES = {
    "text": "VARCHAR",
    "money": "DECIMAL(18,2)",
    "rate": "DECIMAL(12,8)",
    "pct": "DECIMAL(9,6)",
    "quantity": "DECIMAL(18,6)",
    "date": "DATE",
    "bool": "BOOLEAN",
}
ROW_TYPE = "BIGINT"

# The parameters of a screen: the table screened and the days the instruments can be tested (policies/*/instrument.yaml)
EXTRACT_TABLE = "extract_table"
FIRST_DAY = "first_day"
LAST_DAY = "last_day"
_PARAMETER = re.compile(r"\$(\w+)")


def contract_types(extract: Extract) -> dict[str, str]:
    """Column → the DuckDB type the extract's table must have it in."""
    return {ROW: ROW_TYPE, **{c.name: DUCKDB_TYPES[c.kind] for c in extract.columns}}


def screen_sql(extract: Extract) -> str:
    return (SCREENS_DIR / f"{extract.name}.sql").read_text()


# From about a million rows, sorting the key's hashes and comparing each with the one before it is cheaper than a hash
# table of them (21.7 million trial-balance rows: 1.3 s against 2.1 to 2.5 s; 3 million: 0.26 to 0.32 against 0.41 to
# 0.44 s; a million: about even; 27,000: 5.5 against 3.3 ms)
SORTED_FROM_ROWS = 1_000_000


def shared_key_hashes(con: duckdb.DuckDBPyConnection, table: str, key: list[str]) -> list[int]:
    """The 64-bit hashes of the key that more than one row has: grouping them is several times cheaper than grouping
    a large table by its text columns (and than Pandera's window over them). A large table's are found by sorting them
    instead: the same hashes either way."""
    columns = ", ".join(quoted(c) for c in key)
    hashes = f"select hash({columns}) as h from {quoted(table)}"
    (rows,) = con.sql(f"select count(*) from {quoted(table)}").fetchall()[0]
    if rows < SORTED_FROM_ROWS:
        query = f"{hashes} group by h having count(*) > 1"
    else:
        query = f"select distinct h from (select h, lag(h) over (order by h) as previous from ({hashes})) where h = previous"
    return [h for (h,) in con.sql(query).fetchall()]


def passes_screen(con: duckdb.DuckDBPyConnection, table: str, extract: Extract, dates: DateRange) -> bool:
    """Whether the table is as the extract's model wants it: its columns and their types, every check on every row
    (a check no row can fail, on an empty table, is null: passed), and its key on one row each."""
    relation = con.table(quoted(table))
    if dict(zip(relation.columns, map(str, relation.types), strict=True)) != contract_types(extract):
        return False
    sql = screen_sql(extract)
    values = {EXTRACT_TABLE: table, FIRST_DAY: dates.first, LAST_DAY: dates.last}
    outcomes = con.execute(sql, {name: values[name] for name in set(_PARAMETER.findall(sql))}).fetchall()[0]
    if any(outcome is False for outcome in outcomes):
        return False
    return not (extract.key and shared_key_hashes(con, table, list(extract.key)))


def table_issues(con: duckdb.DuckDBPyConnection, table: str, extract: Extract, file: str, dates: DateRange | None = None) -> list[Issue]:
    """Validate one loaded extract (a typed table or view with `_row`) against its model; every failure as an Issue.
    Dates must lie within `dates`, by default the instruments' range of the policy files (PolicyError when one is
    invalid)."""
    dates = dates or instruments_date_range()
    if passes_screen(con, table, extract, dates):
        return []
    from pipelines.extracts import schemas  # Pandera and Ibis, only for an extract the screen found at fault

    return schemas.pandera_issues(con, table, extract, file, dates)


@contextmanager
def frames_in_duckdb(frames: dict[str, pl.DataFrame]) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection where each frame is a view of its name, its own: for the small frames a proposal adds."""
    with scratch() as con:
        for name, frame in frames.items():
            con.register(name, ArrowStream(frame))
        yield con


def schema_issues(extract: Extract, frame: pl.DataFrame, file: str, dates: DateRange | None = None) -> list[Issue]:
    """`table_issues` of a typed Polars frame (with `_row`), e.g. a proposed transaction's rows."""
    with frames_in_duckdb({"frame": frame}) as con:
        return table_issues(con, "frame", extract, file, dates)


def write_screens() -> None:
    """Compile every extract's screen from its model into sql/screens/."""
    from pipelines.extracts.schemas import compiled_screen

    SCREENS_DIR.mkdir(exist_ok=True)
    for extract in EXTRACTS:
        (SCREENS_DIR / f"{extract.name}.sql").write_text(compiled_screen(extract))


if __name__ == "__main__":
    write_screens()
