"""SQL macros: logic several models share, one DuckDB macro per file under sql/macros/, created before any model runs.

Each file is one `create or replace macro <name>(...)` statement (scalar, or `as table`), its leading `--` comment lines
citing the clause it implements. DuckDB binds a macro's tables when it creates it, so the macros are created after
the tables they read (`policy_parameters`, `business_days`: pipelines.quarter_end.load_sources). A model that calls a
macro reads what the macro reads: discover() gives the model those dependencies. A table macro takes the relation it
works on as an argument (`query_table`), so a model passes its own CTE and no model is read behind its back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipelines.layout import SQL_DIR

MACROS_DIR = SQL_DIR / "macros"
_DEFINITION = re.compile(r"^\s*create\s+or\s+replace\s+macro\s+([a-z_][a-z0-9_]*)\s*\(", re.IGNORECASE | re.MULTILINE)
_REFERENCE = re.compile(r"\b(?:from|join)\s+([a-z_][a-z0-9_]*)", re.IGNORECASE)
_FIRST_PARAMETER = re.compile(r"macro\s+[a-z_][a-z0-9_]*\s*\(\s*([a-z_][a-z0-9_]*)", re.IGNORECASE)
_CALL = re.compile(r"\b([a-z_][a-z0-9_]*)\s*\(", re.IGNORECASE)


def called(sql: str) -> frozenset[str]:
    """The names `sql` calls (a name followed by an opening parenthesis), lowercased: one pass over the text, rather
    than one search per macro (the models' 145 texts against every macro took a quarter of a second)."""
    return frozenset(n.lower() for n in _CALL.findall(sql))


@dataclass(frozen=True)
class SqlMacro:
    name: str
    path: Path
    sql: str
    reads: tuple[str, ...]  # the tables its body selects from
    takes_relation: bool  # its first argument is the relation it reads (query_table), named by the caller
    calls: frozenset[str]  # the names its body calls: the other macros among them are created before it

    def relations_passed(self, sql: str) -> set[str]:
        """The relations `sql` passes to this macro as its first argument."""
        if not self.takes_relation:
            return set()
        return {r.lower() for r in re.findall(rf"\b{self.name}\s*\(\s*([a-z_][a-z0-9_]*)\s*,", sql, re.IGNORECASE)}


def _strip_comments(sql: str) -> str:
    return re.sub(r"--[^\n]*", "", sql)


def discover_macros(macros_dir: Path = MACROS_DIR) -> list[SqlMacro]:
    """Every macro, named by its file; a file that defines another name, or none, is an error naming it."""
    macros = []
    for path in sorted(macros_dir.glob("*.sql")) if macros_dir.is_dir() else []:
        sql = path.read_text()
        body = _strip_comments(sql)
        names = _DEFINITION.findall(body)
        if names != [path.stem]:
            raise ValueError(f"{path}: a macro file defines exactly the macro it is named after ({path.stem}), found {names}")
        reads = tuple(sorted({r.lower() for r in _REFERENCE.findall(body)} - {"query_table"}))
        first = _FIRST_PARAMETER.search(body)
        takes_relation = first is not None and re.search(rf"query_table\(\s*{first.group(1)}\s*\)", body, re.IGNORECASE) is not None
        macros.append(SqlMacro(name=path.stem, path=path, sql=sql, reads=reads, takes_relation=takes_relation, calls=called(body) - {path.stem.lower()}))
    return macros


def read_through_calls(sql: str, macros: list[SqlMacro]) -> set[str]:
    """The tables read by the macros `sql` calls, and by the macros they call in turn, and the relations `sql` passes
    to a macro that reads the relation it is given."""
    code = _strip_comments(sql)
    by_name = {m.name.lower(): m for m in macros}
    calling = [by_name[n] for n in called(code) if n in by_name]
    seen: set[str] = set()
    reads: set[str] = set().union(*(m.relations_passed(code) for m in calling))
    while calling:
        macro = calling.pop()
        if macro.name in seen:
            continue
        seen.add(macro.name)
        reads |= set(macro.reads)
        calling += [by_name[n] for n in macro.calls if n in by_name]
    return reads


def load_macros(con: duckdb.DuckDBPyConnection, macros_dir: Path = MACROS_DIR) -> None:
    """(Re)create every macro, a macro another calls first (DuckDB binds the call when it creates the caller)."""
    pending = discover_macros(macros_dir)
    while pending:
        ready = [m for m in pending if not any(o.name.lower() in m.calls for o in pending)]
        if not ready:
            raise ValueError(f"SQL macros call each other in a cycle: {', '.join(m.name for m in pending)}")
        for macro in ready:
            con.execute(macro.sql)
        pending = [m for m in pending if m not in ready]


_TABLE_MACRO = re.compile(r"macro\s+[a-z_][a-z0-9_]*\s*\(([^)]*)\)\s+as\s+table\s+(.*?);?\s*$", re.IGNORECASE | re.DOTALL)


def inline_table_macros(sql: str, macros: list[SqlMacro]) -> str:
    """`sql` with each table macro called in FROM replaced by its body as a subquery, its parameters by the arguments
    (`query_table(p)` by the relation passed), so that a reader of the SQL alone (the column lineage) sees the columns
    the macro gives and what they are made from."""
    for macro in macros:
        definition = _TABLE_MACRO.search(_strip_comments(macro.sql))
        if definition is None:
            continue
        parameters = [p.strip() for p in definition.group(1).split(",")]
        call = re.compile(rf"\b{macro.name}\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)", re.IGNORECASE)

        def expand(match: re.Match, parameters=parameters, body=definition.group(2)) -> str:
            arguments = [a.strip() for a in re.split(r",(?![^(]*\))", match.group(1))]
            for parameter, argument in zip(parameters, arguments):
                body = re.sub(rf"query_table\(\s*{parameter}\s*\)", argument, body)
                body = re.sub(rf"\b{parameter}\b", argument, body)
            return f"({body})"

        sql = call.sub(expand, sql)
    return sql
