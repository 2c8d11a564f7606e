"""A model's SQL read as DuckDB reads it (sqlglot's DuckDB dialect): the tables it reads and, for each of its output
columns, the columns of those tables the column is made from.

Reading the SQL rather than matching words means a CTE is never taken for the table it shadows (`with business_days as
(...)` reads the CTE, not the Business Day calendar), a quoted name is the table it names, and a function in FROM
(`range(...)`, `unnest(...)`, a table macro) is no table at all.

A column is made from the columns its expression reads, followed through CTEs, subqueries, lateral joins, VALUES lists
and set operations (by position, or by name for `union by name`) to the tables of the FROM clauses; a scalar subquery
in it counts by the column it selects, and a window's partition and order count, being part of its expression.
Filters, join conditions and grouping decide which rows there are, not what a column holds, and are left out. Stars
are expanded from the columns of the tables read (`schema`), which is why the caller reads models in dependency order.
"""

from __future__ import annotations

import functools

import sqlglot
from sqlglot import exp
from sqlglot.dialects.duckdb import DuckDB
from sqlglot.errors import SqlglotError
from sqlglot.optimizer.qualify import qualify
from sqlglot.optimizer.scope import Scope, build_scope, traverse_scope

Column = tuple[str, str]  # (table, column)


class _CovenantsDuckDB(DuckDB):
    class Parser(DuckDB.Parser):
        # sqlglot reads json_object's arguments as literal key/value pairs and refuses a key computed by an expression
        # (`'base_amount_fiscal_year_' || (fiscal_year - 1)`), which DuckDB takes: read it as any other function
        FUNCTION_PARSERS = {k: v for k, v in DuckDB.Parser.FUNCTION_PARSERS.items() if k != "JSON_OBJECT"}


DIALECT = _CovenantsDuckDB()


@functools.lru_cache(maxsize=None)  # a process that reads the tables and then the columns parses each file once
def parse(sql: str, name: str = "the SQL") -> exp.Expr:
    """The statement's tree; callers that change a tree change a copy. Raises ValueError naming `name` (a model) when
    sqlglot cannot read it."""
    try:
        return sqlglot.parse_one(sql, dialect=DIALECT)
    except SqlglotError as error:
        raise ValueError(f"{name}: sqlglot's DuckDB dialect cannot read it: {error}") from error


def tables_read(tree: exp.Expr) -> set[str]:
    """The tables the statement reads, lower case as DuckDB matches them: every table of a FROM or JOIN in any of its
    scopes that is neither a CTE of that scope nor a function."""
    return {
        source.name.lower()
        for scope in traverse_scope(tree)
        for source in scope.sources.values()
        if isinstance(source, exp.Table) and isinstance(source.this, exp.Identifier)
    }


def column_sources(tree: exp.Expr, schema: dict[str, list[str]]) -> dict[str, set[Column]]:
    """Each output column, in order, with the (table, column) pairs it is made from. `schema`: the columns of the tables
    the statement reads (a table it lacks leaves its stars unexpanded and its unqualified columns unresolved)."""
    qualified = qualify(
        tree.copy(),
        schema={table: dict.fromkeys(columns, "unknown") for table, columns in schema.items()},
        dialect=DIALECT,
        validate_qualify_columns=False,
        quote_identifiers=False,
    )
    tracer = _Tracer()
    root = build_scope(qualified)
    return {name: tracer.sources(root, name) for name in qualified.named_selects}


class _Tracer:
    def __init__(self) -> None:
        self._known: dict[tuple[int, str], set[Column]] = {}  # a CTE's column is traced once, however often it is read

    def sources(self, scope: Scope, name: str) -> set[Column]:
        key = (id(scope), name)
        if key not in self._known:
            self._known[key] = set()  # a recursive CTE reading itself adds nothing
            self._known[key] = self._trace(scope, name)
        return self._known[key]

    def _trace(self, scope: Scope, name: str) -> set[Column]:
        query = scope.expression
        if isinstance(query, exp.SetOperation):
            return self._set_operation(scope, query, name)
        if isinstance(query, exp.Select):
            return self._select(scope, query, name)
        if isinstance(query, exp.Values):
            return self._values(scope, query, name)
        if isinstance(query, exp.Lateral):
            inner = query.this.unnest()
            subquery = next((s for s in scope.sources.values() if isinstance(s, Scope) and s.expression is inner), None)
            if subquery is not None:
                return self.sources(subquery, name)
        # unnest(...) and the like: whatever columns its arguments read
        return self._read_by(scope.parent or scope, query)

    def _set_operation(self, scope: Scope, query: exp.SetOperation, name: str) -> set[Column]:
        found: set[Column] = set()
        position = None if query.args.get("by_name") else query.named_selects.index(name)
        for branch in scope.set_operation_scopes:
            names = branch.expression.named_selects
            if position is not None:
                found |= self.sources(branch, names[position])
            elif name in names:
                found |= self.sources(branch, name)
        return found

    def _select(self, scope: Scope, query: exp.Select, name: str) -> set[Column]:
        projection = next((p for p in query.selects if p.alias_or_name == name), None)
        if projection is not None:
            return self._read_by(scope, projection)
        # a star qualify could not expand (its table's columns unknown, or named twice): the column comes through it
        for star in query.selects:
            if isinstance(star, exp.Star) and len(scope.selected_sources) == 1:
                return self._column(scope, next(iter(scope.selected_sources)), name)
            if isinstance(star, exp.Column) and isinstance(star.this, exp.Star):
                return self._column(scope, star.table, name)
        return set()

    def _values(self, scope: Scope, query: exp.Values, name: str) -> set[Column]:
        named = query
        while not named.alias_column_names and isinstance(named.parent, (exp.Subquery, exp.Lateral)):
            named = named.parent  # `lateral (values ...) as c(a, b)` names the columns on the lateral
        if name not in named.alias_column_names:
            return set()
        position = named.alias_column_names.index(name)
        found: set[Column] = set()
        for row in query.expressions:
            found |= self._read_by(scope.parent or scope, row.expressions[position])
        return found

    def _read_by(self, scope: Scope, expression: exp.Expr) -> set[Column]:
        """The columns an expression evaluated in `scope` reads, a subquery in it by the column it selects."""
        subqueries = {id(s.expression): s for s in scope.subquery_scopes}
        found: set[Column] = set()
        stack = [expression]
        while stack:
            node = stack.pop()
            if isinstance(node, exp.Column) and not isinstance(node.this, exp.Star):
                table = node.table or (next(iter(scope.selected_sources)) if len(scope.selected_sources) == 1 else "")
                found |= self._column(scope, table, node.name)
            elif node is not expression and id(node) in subqueries:
                subquery = subqueries[id(node)]
                for selected in subquery.expression.named_selects:
                    found |= self.sources(subquery, selected)
            else:
                stack.extend(node.iter_expressions())
        return found

    def _column(self, scope: Scope | None, table: str, name: str) -> set[Column]:
        """Column `name` of the source `table` is known by in `scope` or, for a correlated reference, an enclosing
        scope; nothing for a name no scope knows (a lambda's parameter, a struct's field)."""
        while scope is not None:
            source = scope.sources.get(table)
            if isinstance(source, Scope):
                return self.sources(source, name)
            if isinstance(source, exp.Table):
                return {(source.name.lower(), name)} if isinstance(source.this, exp.Identifier) else set()
            scope = scope.parent
        return set()
