"""SQL models: one defined term per file under sql/, run by DuckDB in dependency order.

Each file is one SELECT (named CTEs welcome). Its leading `--` comment lines are its description, the `clause:` lines
there name the clause ids it implements, and a `transactions of:` line names the extracts whose keys its
`transaction_id` column holds (`none` when it holds none but ids it makes up itself, such as `<instrument>/<month>`).
`covenants check` relies on that line to skip the marts a proposal cannot appear in (docs/check.md). The model becomes
a table named after the file.
Dependencies are read from the SQL itself, parsed as DuckDB reads it (pipelines/models/sql_reading.py): every table a
FROM or JOIN reads that is another model, a `raw_` table or a table in SOURCES (tables loaded by the pipeline itself
rather than built from a file here, such as `policy_parameters`); a CTE, even one named like a table, and a function in
FROM (a table macro, `range(...)`) are none. Files in other folders of sql/ (`explain/`, `macros/`) are not models.
What the parse found is cached by the files' hash (pipelines/models/reading_cache.py). A model also reads what the
macros it calls read and the relation it passes them (sql/macros/, pipelines/models/sql_macros.py: `parameter(...)`
reads `policy_parameters`, `attested_flag(current_attestations, ...)` reads `current_attestations`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from pipelines.cursors import each_in_order
from pipelines.layout import CACHE_DIR, SQL_DIR
from pipelines.models.reading_cache import cached, key_of
from pipelines.models.sql_macros import discover_macros, read_through_calls

LAYERS = ("staging", "intermediate", "marts")
_CLAUSE = re.compile(r"^--\s*clause:\s*(\S+)", re.IGNORECASE)
_TRANSACTIONS = re.compile(r"^--\s*transactions of:\s*(.+?)\s*$", re.IGNORECASE)
# Tables the models may read that are neither models nor raw extracts: the dated parameters of the policy files,
# loaded by pipelines.quarter_end.load_parameters, and the Business Day calendar, loaded by
# pipelines.calendar.business_days.load_business_days.
SOURCES = ("policy_parameters", "business_days")


@dataclass(frozen=True)
class SqlModel:
    name: str
    layer: str
    path: Path
    sql: str
    description: str
    clause_ids: tuple[str, ...]
    depends_on: tuple[str, ...]
    # the extracts whose keys the transaction_id column holds; None: not declared (a check then rebuilds it whenever
    # it is downstream of the proposal's rows)
    transactions_of: tuple[str, ...] | None


def _header(sql: str) -> list[str]:
    lines = []
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        lines.append(line)
    return lines


def discover(sql_dir: Path = SQL_DIR, cache_dir: Path | None = CACHE_DIR) -> list[SqlModel]:
    """All models, in an order where each comes after everything it reads; what their SQL reads is cached in
    cache_dir (only for the project's own sql/)."""
    paths = {p.stem: (layer, p) for layer in LAYERS for p in sorted((sql_dir / layer).glob("*.sql"))}
    texts = {name: path.read_text() for name, (_, path) in paths.items()}
    read = tables_read(texts, cache_dir=cache_dir if sql_dir == SQL_DIR else None)
    macros = discover_macros(sql_dir / "macros")
    models = {}
    for name, (layer, path) in paths.items():
        sql = texts[name]
        header = _header(sql)
        refs = set(read[name]) | read_through_calls(sql, macros)
        depends = tuple(sorted(r for r in refs if r != name and (r in paths or r.startswith("raw_") or r in SOURCES)))
        models[name] = SqlModel(
            name=name,
            layer=layer,
            path=path,
            sql=sql,
            description="\n".join(line.lstrip("-").strip() for line in header if not (_CLAUSE.match(line) or _TRANSACTIONS.match(line))).strip(),
            clause_ids=tuple(m.group(1) for line in header if (m := _CLAUSE.match(line))),
            depends_on=depends,
            transactions_of=_transactions_of(header),
        )
    return _topological(models)


def _transactions_of(header: list[str]) -> tuple[str, ...] | None:
    declared = [m.group(1) for line in header if (m := _TRANSACTIONS.match(line))]
    if not declared:
        return None
    names = tuple(sorted({n.strip() for line in declared for n in line.split(",")}))
    return () if names == ("none",) else names


def tables_read(texts: dict[str, str], cache_dir: Path | None = CACHE_DIR) -> dict[str, list[str]]:
    """Each model's name → the tables its SQL reads (sql_reading.tables_read), cached by the hash of every text."""

    def read() -> dict[str, list[str]]:
        from pipelines.models.sql_reading import parse, tables_read

        return {name: sorted(tables_read(parse(sql, name))) for name, sql in texts.items()}

    return cached("tables", key_of(texts), read, set(texts), cache_dir)


def _topological(models: dict[str, SqlModel]) -> list[SqlModel]:
    ordered: list[SqlModel] = []
    state: dict[str, str] = {}

    def visit(name: str, chain: tuple[str, ...]) -> None:
        if state.get(name) == "done":
            return
        if state.get(name) == "visiting":
            raise ValueError(f"SQL models depend on each other in a cycle: {' -> '.join(chain + (name,))}")
        state[name] = "visiting"
        for dep in models[name].depends_on:
            if dep in models:
                visit(dep, chain + (name,))
        state[name] = "done"
        ordered.append(models[name])

    for name in sorted(models):
        visit(name, ())
    return ordered


def build(con: duckdb.DuckDBPyConnection, model: SqlModel) -> int:
    """(Re)create the model's table from its file; the number of rows it has, which DuckDB answers the statement with."""
    (rows,) = con.execute(f'create or replace table "{model.name}" as\n{model.sql}').fetchone()
    return int(rows)


def build_all(con: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR) -> list[SqlModel]:
    models = discover(sql_dir)
    for _ in build_each(con, models):
        pass
    return models


Describe = Callable[[duckdb.DuckDBPyConnection, SqlModel], Any]


def build_each(con: duckdb.DuckDBPyConnection, models: list[SqlModel], describe: Describe | None = None) -> Iterator[tuple[SqlModel, int, Any]]:
    """Each model (in an order where each comes after the models of the list it reads) built, with its row count and
    what `describe(cursor, model)` says of its table, yielded in the given order: two at a time, each once the models
    of the list it reads are built (pipelines/cursors.py, which says what a failure does); a model the list does not
    hold is read as the database holds it. Nothing else may use `con` until the iteration ends."""

    def made(cursor: duckdb.DuckDBPyConnection, model: SqlModel) -> tuple[int, Any]:
        return build(cursor, model), describe(cursor, model) if describe else None

    for model, (rows, described) in each_in_order(con, models, made, name=lambda m: m.name, reads=lambda m: m.depends_on, thread_name="build-sql-models"):
        yield model, rows, described
