"""The DuckDB databases the product computes in, opened with a bound on their memory.

DuckDB takes up to 80 % of the machine's memory unless told otherwise: a quarter end over 21.7 million trial-balance
rows peaked at 8.5 GB. Bounded, its joins, sorts and windows spill to disk past the bound and give the same results
(docs/performance.md). `COVENANTS_DUCKDB_MEMORY_LIMIT` sets another bound (a size as DuckDB reads it: `4GB`,
`500MB`). A database in memory spills to a folder of the system's temporary directory, not to DuckDB's default of
`.tmp` in whatever folder the command was started from; a database file spills beside itself (`<file>.tmp`).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

if TYPE_CHECKING:
    import polars as pl

MEMORY_LIMIT_VARIABLE = "COVENANTS_DUCKDB_MEMORY_LIMIT"
DEFAULT_MEMORY_LIMIT = "2GB"
IN_MEMORY = ":memory:"


def settings(database: str = IN_MEMORY) -> dict[str, str]:
    bound = {"memory_limit": os.environ.get(MEMORY_LIMIT_VARIABLE) or DEFAULT_MEMORY_LIMIT}
    if database == IN_MEMORY:
        bound["temp_directory"] = str(Path(tempfile.gettempdir()) / "covenants-duckdb")
    return bound


def connect(database: Path | str = IN_MEMORY, read_only: bool = False, **config: str | int) -> duckdb.DuckDBPyConnection:
    database = str(database)
    return duckdb.connect(database, read_only=read_only, config={**settings(database), **config})


@cache
def _scratch_database() -> duckdb.DuckDBPyConnection:
    return connect(threads=1)


@contextmanager
def scratch() -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection of its own to an in-memory database the process shares, for small frames (a proposal's rows): what
    it registers and its temporary tables are its own, and go when it closes. A new in-memory database each time took
    0.015 s of CPU to open, and a warm check opened seven."""
    con = _scratch_database().cursor()
    try:
        yield con
    finally:
        con.close()


# Polars frames and DuckDB relations pass between the two without pyarrow, whose import (with numpy) took 0.1 s of a
# warm `covenants check`: DuckDB reads a Polars frame through the Arrow C stream interface, and Polars reads a
# relation's rows from a Parquet file DuckDB writes. Polars reading DuckDB's Arrow stream instead leaves DuckDB's type
# objects unreleased, which the interpreter reports as leaks when it ends. The frames and their types are the same.


class ArrowStream:
    """A Polars frame for DuckDB to read (`register`, `from_arrow`): as often as it is scanned, without pyarrow."""

    def __init__(self, frame: pl.DataFrame):
        self.frame = frame

    def __arrow_c_stream__(self, requested_schema: object = None) -> object:
        return self.frame.__arrow_c_stream__(requested_schema)


def polars_frame(con: duckdb.DuckDBPyConnection, query: str) -> pl.DataFrame:
    """The query's rows as `con.sql(query).pl()` gives them (DECIMAL, DATE, BOOLEAN and text alike), without pyarrow."""
    import polars as pl

    with tempfile.TemporaryDirectory(prefix="covenants-frame-") as folder:
        path = Path(folder) / "rows.parquet"
        con.execute(f"copy ({query}) to '{path}' (format parquet)")
        return pl.read_parquet(path)
