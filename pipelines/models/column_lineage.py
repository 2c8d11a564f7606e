"""Column lineage of the SQL models: for each output column of each model, the columns of the tables it reads that the
column is made from (pipelines/models/sql_reading.py), and the walk from any column down to the extracts' columns.

The tables below the models (the `raw_<extract>` tables and SOURCES) give the first columns; each model's columns are
then known from its own reading, in dependency order, so that a star is expanded to what its table holds. The Dagster
definitions take those first columns from the extracts' contract (pipelines/assets/models.py, `contract_leaves`);
`covenants explain` reads them from the database the models were built in (`leaf_columns`), where an extract whose
file is missing has no table, and a star over it no columns. A test holds the two to the same columns for a whole
run, so both find one cached lineage: it is cached by the hash of the SQL and of those columns.
"""

from __future__ import annotations

import time
from collections import deque
from pathlib import Path

import duckdb

from pipelines import progress
from pipelines.layout import CACHE_DIR
from pipelines.models.reading_cache import cached, key_of
from pipelines.models.sql_macros import discover_macros, inline_table_macros
from pipelines.models.sql_models import SOURCES, SqlModel

Column = tuple[str, str]  # (table, column)
# model → output column, in the model's order → the (table, column) pairs it is made from, sorted
Lineage = dict[str, dict[str, list[Column]]]


def is_extract(table: str) -> bool:
    """Whether a table is one the models are built from: an extract's raw table or a table in SOURCES."""
    return table.startswith("raw_") or table in SOURCES


def leaf_columns(con: duckdb.DuckDBPyConnection, database: str | None = None) -> dict[str, list[str]]:
    """The columns of the `raw_` tables and SOURCES in the connection's current database (or `database`), in order."""
    rows = con.execute(
        "select table_name, column_name from duckdb_columns()"
        " where database_name = coalesce(?, current_database()) and schema_name = 'main'"
        " and (table_name like 'raw\\_%' escape '\\' or list_contains(?, table_name)) order by table_name, column_index",
        [database, list(SOURCES)],
    ).fetchall()
    columns: dict[str, list[str]] = {}
    for table, column in rows:
        columns.setdefault(table, []).append(column)
    return columns


def lineage(models: list[SqlModel], leaves: dict[str, list[str]], cache_dir: Path | None = CACHE_DIR) -> Lineage:
    """Each model's columns with what they are made from. `models` in dependency order (sql_models.discover)."""

    def trace() -> dict:
        from pipelines.models.sql_reading import column_sources, parse

        started = time.perf_counter()
        columns = dict(leaves)
        found = {}
        macros = discover_macros()
        for model in models:
            # a table macro in FROM is read as its body, so its columns and what they are made from are seen
            sql = inline_table_macros(model.sql, macros)
            traced = column_sources(parse(sql, model.name), {t: columns[t] for t in model.depends_on if t in columns})
            # only the model's dependencies: what a table function or macro in FROM yields comes from no table
            found[model.name] = {name: sorted([t, c] for t, c in sources if t in model.depends_on) for name, sources in traced.items()}
            columns[model.name] = list(traced)
        # seconds a run spends before its first stage, once after each change to the SQL: said, not left silent
        progress.finished("lineage", f"column lineage of {len(models)} SQL models traced in {time.perf_counter() - started:.1f} s (once after a change to sql/)")
        return found

    texts = {m.name: m.sql for m in models} | {f"macro {m.name}": m.sql for m in discover_macros()}
    raw = cached("lineage", key_of(texts, leaves), trace, {m.name for m in models}, cache_dir)
    return {model: {name: [(t, c) for t, c in sources] for name, sources in columns.items()} for model, columns in raw.items()}


def paths_to_extracts(found: Lineage, start: Column) -> dict[Column, list[Column]]:
    """Every extract column (is_extract) `start` is made from, each with the shortest path to it from `start`
    (both ends included), breadth first, so that what a model reads directly comes before what it reads through others."""
    before: dict[Column, Column | None] = {start: None}
    reached: list[Column] = []
    queue = deque([start])
    while queue:
        column = queue.popleft()
        table, name = column
        if is_extract(table):
            reached.append(column)
            continue
        for source in found.get(table, {}).get(name, []):
            if source not in before:
                before[source] = column
                queue.append(source)
    paths = {}
    for end in sorted(reached):
        path, at = [], end
        while at is not None:
            path.append(at)
            at = before[at]
        paths[end] = path[::-1]
    return paths
