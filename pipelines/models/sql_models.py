"""SQL models: one defined term per file under sql/, run by DuckDB in dependency order.

Each file is one SELECT (named CTEs welcome). Its leading `--` comment lines are its description, the `clause:` lines
there name the clause ids it implements, and a `transactions of:` line names the extracts whose keys its
`transaction_id` column holds (`none` when it holds none but ids it makes up itself, such as `<instrument>/<month>`).
`covenants check` relies on that line to skip the marts a proposal cannot appear in (docs/check.md). The model becomes
a table named after the file.
Dependencies are read from the SQL itself: every `from`/`join` of another model, of a `raw_` table or of a table in
SOURCES (tables loaded by the pipeline itself rather than built from a file here, such as `policy_parameters`), and
what the macros it calls read (sql/macros/, pipelines/models/sql_macros.py: `parameter(...)` reads `policy_parameters`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipelines.layout import SQL_DIR
from pipelines.models.sql_macros import discover_macros, read_through_calls

LAYERS = ("staging", "intermediate", "marts")
_REFERENCE = re.compile(r"\b(?:from|join)\s+([a-z_][a-z0-9_]*)", re.IGNORECASE)
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


def discover(sql_dir: Path = SQL_DIR) -> list[SqlModel]:
    """All models, in an order where each comes after everything it reads."""
    paths = {p.stem: (layer, p) for layer in LAYERS for p in sorted((sql_dir / layer).glob("*.sql"))}
    macros = discover_macros(sql_dir / "macros")
    models = {}
    for name, (layer, path) in paths.items():
        sql = path.read_text()
        header = _header(sql)
        refs = {r.lower() for r in _REFERENCE.findall(_strip_comments(sql))} | read_through_calls(sql, macros)
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


def _strip_comments(sql: str) -> str:
    return re.sub(r"--[^\n]*", "", sql)


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
    for model in models:
        build(con, model)
    return models
