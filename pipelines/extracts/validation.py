"""Checks across extracts, which a model of one extract cannot make: SQL over the loaded tables in DuckDB.

Each takes a DuckDB connection, the loaded extracts (`tables`: name → the table or view holding its typed rows with
`_row`, only those that were loaded) and the file each came from (`files`: name → file name), and returns Issues. Only
the rows at fault come back to Python. A check whose extracts were not loaded is skipped: the missing or refused file
is already an issue of its own.

`changed` (None: every extract) names the extracts read again over tables that were accepted together before, as a
run's kept database holds them (pipelines/prepared_runs.py): a check, or the part of one, that reads none of them is
skipped, since it found nothing then and would read the very same rows now. Over a large group's trial balances those
parts are most of the time a night with one payment corrected would spend here (3.6 s of 10 s at ×800).
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb
import polars as pl

from pipelines.extracts.contract import EXTRACTS
from pipelines.extracts.reading import ROW, Issue, quoted
from pipelines.extracts.screen import frames_in_duckdb

Tables = dict[str, str]
Files = dict[str, str]
Changed = frozenset[str] | None

# Entity references that must also be in the register on a date of the same row (the date's column).
DATED_ENTITY_REFERENCES: dict[tuple[str, str], str] = {
    ("entities", "parent_entity_id"): "valid_from",
    ("trial_balances", "entity_id"): "period_end",
    ("debt_instruments", "obligor_entity_id"): "issue_date",
    ("asset_sales", "seller_entity_id"): "sale_date",
    ("restricted_payments", "payer_entity_id"): "payment_date",
    ("equity_issuances", "issuer_entity_id"): "issue_date",
    ("capital_expenditures", "entity_id"): "period_end",
    ("liens", "entity_id"): "created_on",
    ("unrestricted_subsidiary_officers", "entity_id"): "appointed_on",
    ("affiliate_transactions", "entity_id"): "transaction_date",
    ("guarantees", "guarantor_entity_id"): "given_on",
    ("guarantees", "guaranteed_obligor_entity_id"): "given_on",
    ("trial_balances", "counterparty_entity_id"): "period_end",
    ("restricted_payments", "unrestricted_subsidiary_id"): "payment_date",
    ("asset_transfers", "transferor_entity_id"): "transfer_date",
    ("asset_transfers", "transferee_entity_id"): "transfer_date",
    ("default_events", "entity_id"): "event_date",
    ("sale_leasebacks", "seller_entity_id"): "transaction_date",
    ("acquisitions", "acquirer_entity_id"): "acquisition_date",
    ("mergers", "entity_id"): "effective_date",
}


def declared_references() -> dict[tuple[str, str], str]:
    """(extract, column) → "extract.column" it must be found in, as the contract declares."""
    return {(e.name, c.name): c.references for e in EXTRACTS for c in e.columns if c.references}


def _reads_changed(changed: Changed, *extracts: str) -> bool:
    return changed is None or not changed.isdisjoint(extracts)


def _rows_found(con: duckdb.DuckDBPyConnection, queries: list[str]) -> list[tuple]:
    """The rows of every query, each prefixed by the query's position, in that order and then by row: one statement
    for all of them, since DuckDB's planning of each, not their scans, is most of what small extracts cost."""
    if not queries:
        return []
    union = " union all ".join(f"select {position} as position, * from ({query})" for position, query in enumerate(queries))
    return con.sql(f"{union} order by position, {ROW}").fetchall()


def references_resolve(con: duckdb.DuckDBPyConnection, tables: Tables, files: Files, changed: Changed = None) -> list[Issue]:
    checked = []
    for (name, column), target in declared_references().items():
        target_name, target_column = target.split(".")
        if name in tables and target_name in tables and _reads_changed(changed, name, target_name):
            checked.append((name, column, target_name, target_column))
    # each value named is looked up once (a large group's trial balances name each account thousands of times), then
    # the rows naming one the target lacks are found
    queries = [
        f"select {ROW}, {quoted(column)} as value from {tables[name]} t semi join ("
        f"select value from (select distinct {quoted(column)} as value from {tables[name]} where {quoted(column)} is not null) "
        f"where value not in (select {quoted(target_column)} from {tables[target_name]} where {quoted(target_column)} is not null)"
        f") missing on missing.value = t.{quoted(column)}"
        for name, column, target_name, target_column in checked
    ]
    issues = []
    for position, row, value in _rows_found(con, queries):
        name, column, target_name, target_column = checked[position]
        issues.append(Issue(files[name], row, column, value, f"not found in {target_name} ({target_column})", "reference"))
    return issues


def entities_registered_on_date(con: duckdb.DuckDBPyConnection, tables: Tables, files: Files, changed: Changed = None) -> list[Issue]:
    """An entity named on a dated row must be in the register on that date, not only at some other time."""
    if "entities" not in tables:
        return []
    register = tables["entities"]
    checked = [(name, column, on) for (name, column), on in DATED_ENTITY_REFERENCES.items() if name in tables and _reads_changed(changed, name, "entities")]
    # each entity and day named is looked up in the register once (a large group's trial balances name each
    # entity-month thousands of times), then the rows naming one it lacks are found
    queries = [
        f"select {ROW}, {quoted(column)} as entity, {quoted(on)} as day from {tables[name]} t semi join ("
        f"select entity, day from (select distinct {quoted(column)} as entity, {quoted(on)} as day from {tables[name]} "
        f"where {quoted(column)} in (select entity_id from {register})) n where not exists ("
        f"select 1 from {register} e where e.entity_id = n.entity and e.valid_from <= n.day "
        f"and (e.valid_to is null or n.day <= e.valid_to))) u on u.entity = t.{quoted(column)} and u.day = t.{quoted(on)}"
        for name, column, on in checked
    ]
    issues = []
    for position, row, entity, day in _rows_found(con, queries):
        name, column, on = checked[position]
        reason = f"entity {entity} is not in the entity register on {day} ({on})"
        issues.append(Issue(files[name], row, column, entity, reason, "entity_on_date"))
    return issues


def trial_balances_net_to_zero(con: duckdb.DuckDBPyConnection, tables: Tables, files: Files, changed: Changed = None) -> list[Issue]:
    """Debits equal credits: each entity's balances for each month sum to exactly zero."""
    if "trial_balances" not in tables or not _reads_changed(changed, "trial_balances"):
        return []
    sums = con.sql(
        f"select entity_id, period_end, sum(balance) as net, min({ROW}), max({ROW}), count(*) from {tables['trial_balances']} "
        "group by entity_id, period_end having net <> 0 order by entity_id, period_end"
    ).fetchall()
    issues = []
    for entity, month, net, first, last, count in sums:
        reason = f"entity {entity}, month ending {month}: balances net to {net}, not zero ({count} rows, rows {first} to {last})"
        issues.append(Issue(files["trial_balances"], None, "balance", str(net), reason, "trial_balance_nets_to_zero"))
    return issues


def entity_periods_do_not_overlap(con: duckdb.DuckDBPyConnection, tables: Tables, files: Files, changed: Changed = None) -> list[Issue]:
    """An entity has one status on any day: no two of its register rows may cover the same day."""
    if "entities" not in tables or not _reads_changed(changed, "entities"):
        return []
    pairs = con.sql(
        f"select p.{ROW}, p.entity_id, p.valid_from, o.{ROW}, o.valid_from, o.valid_to "
        f"from {tables['entities']} p join {tables['entities']} o using (entity_id) "
        # each overlapping pair once: the later-starting row (ties: the later row) is the one reported
        f"where (o.valid_from < p.valid_from or (o.valid_from = p.valid_from and o.{ROW} < p.{ROW})) "
        f"and (o.valid_to is null or p.valid_from <= o.valid_to) order by p.{ROW}, o.{ROW}"
    ).fetchall()
    issues = []
    for row, entity, valid_from, other_row, other_from, other_to in pairs:
        until = other_to or "open-ended"
        reason = f"entity {entity}: the period from {valid_from} overlaps row {other_row} ({other_from} to {until})"
        issues.append(Issue(files["entities"], row, "valid_from", str(valid_from), reason, "entity_periods_overlap"))
    return issues


def trial_balances_close_a_quarter(con: duckdb.DuckDBPyConnection, tables: Tables, files: Files, changed: Changed = None) -> list[Issue]:
    """A run closes the fiscal quarters the trial balances cover: they must reach at least one quarter's last month."""
    if "trial_balances" not in tables or not _reads_changed(changed, "trial_balances"):
        return []
    rows, closes, first, last = con.sql(
        f"select count(*), bool_or(month(period_end) in (3, 6, 9, 12)), min(period_end), max(period_end) from {tables['trial_balances']}"
    ).fetchall()[0]
    if rows == 0 or closes:
        return []
    reason = f"no month is a fiscal quarter's last (March, June, September, December): the months run from {first} to {last}"
    return [Issue(files["trial_balances"], None, "period_end", None, reason, "trial_balances_close_a_quarter")]


CHECKS: tuple[Callable[[duckdb.DuckDBPyConnection, Tables, Files, Changed], list[Issue]], ...] = (
    references_resolve,
    entities_registered_on_date,
    trial_balances_net_to_zero,
    entity_periods_do_not_overlap,
    trial_balances_close_a_quarter,
)


def cross_extract_issues(con: duckdb.DuckDBPyConnection, tables: Tables, files: Files, changed: Changed = None) -> list[Issue]:
    return [issue for check in CHECKS for issue in check(con, tables, files, changed)]


def on_frames(check: Callable[[duckdb.DuckDBPyConnection, Tables, Files], list[Issue]], frames: dict[str, pl.DataFrame], files: Files) -> list[Issue]:
    """A check over small Polars frames (a proposal's rows, say), each made a DuckDB view of a new in-memory database."""
    with frames_in_duckdb({f"frame_{name}": frame for name, frame in frames.items()}) as con:
        return check(con, {name: f"frame_{name}" for name in frames}, files)
