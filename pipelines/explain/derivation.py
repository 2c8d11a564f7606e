"""The derivation of one result as a tree: the clause, the figure tested, each defined term behind it with its value,
down to the trial-balance accounts and extract rows, the extract columns the figure's mart columns are made from, and
the waivers and amendments weighed.

The result is evaluated afresh by the policy engine from the prepared database (pipelines/check/prepared.py), so the
tree and a run's results.json say the same thing for the same extracts and policies.
"""

from __future__ import annotations

import textwrap
from dataclasses import asdict, dataclass, field
from datetime import date

import duckdb

from pipelines.certificates.rendering import amount, figure
from pipelines.explain.sources import TRIAL_BALANCES, ledger_accounts, transaction_rows
from pipelines.explain.terms import input_label, readable
from pipelines.explain.waivers import waivers_weighed
from pipelines.models.column_lineage import Column, Lineage, paths_to_extracts
from pipelines.outputs.results_files import source_text
from pipelines.outputs.room_words import room_text
from pipelines.outputs.verdict import STATUS_WORDS
from pipelines.policy.evaluation import Figures, covenant_figures, evaluate_covenant, read_marts, threshold_on
from pipelines.policy.loading import PolicySet
from pipelines.policy.result import Result
from pipelines.policy.schema import Covenant
from pipelines.policy.versions import version_line
from pipelines.typography import OPERATOR_WORDS

class NotFound(LookupError):
    """No result of the clause on that date (or for that transaction): the message lists the dates it has."""


@dataclass
class Node:
    text: str
    children: list[Node] = field(default_factory=list)

    def add(self, text: str) -> Node:
        child = Node(text)
        self.children.append(child)
        return child

    def lines(self, prefix: str = "") -> list[str]:
        out = []
        for i, child in enumerate(self.children):
            last = i == len(self.children) - 1
            first, rest = prefix + ("└── " if last else "├── "), prefix + ("    " if last else "│   ")
            text = child.text.splitlines() or [""]
            out += [first + text[0], *(rest + line for line in text[1:])]
            out += child.lines(rest)
        return out

    def render(self) -> str:
        return "\n".join([self.text, *self.lines()])


def covenant_of(policies: PolicySet, clause_id: str) -> Covenant:
    """The policy implementing `clause_id`. Raises NotFound."""
    covenant = next((c for c in policies.covenants if c.clause_id == clause_id), None)
    if covenant is None:
        raise NotFound(f"no policy implements {clause_id}; the clauses are listed in policies/*/covenants")
    return covenant


def find(con: duckdb.DuckDBPyConnection, policies: PolicySet, clause_id: str, on: date, transaction_id: str | None,
         as_of: date | None = None) -> tuple[Covenant, Figures, Result]:
    """The covenant, its mart row and its result on `on` (for `transaction_id`, when given). Raises NotFound."""
    if as_of is not None and on > as_of:
        raise NotFound(f"{on} is after the determination date {as_of}: nothing on it was determined then")
    covenant = covenant_of(policies, clause_id)
    rows = covenant_figures(read_marts(con, {covenant.figure.mart}), covenant)
    matching = [f for f in rows if f.test_date == on and (transaction_id is None or f.transaction_id == transaction_id)]
    if len(matching) > 1:
        # a transaction test and the quarter end's information row can share a date: ask for the one meant
        named = ", ".join(sorted(f.transaction_id or f"the {f.test_kind} test" for f in matching))
        raise NotFound(f"{clause_id} has {len(matching)} results on {on} ({named}): name one with --transaction")
    if not matching:
        dates = sorted({f.test_date for f in rows})
        before, after = [d for d in dates if d < on][-3:], [d for d in dates if d > on][:3]
        near = ", ".join(str(d) for d in before + after)
        raise NotFound(f"{clause_id} has no result on {on}" + (f" for {transaction_id}" if transaction_id else "")
                       + (f"; its nearest test dates are {near}" if dates else "; it has no test date in these extracts"))
    [figures] = matching
    [result] = evaluate_covenant(con, covenant, policies, as_of, [figures])
    return covenant, figures, result


def _ledger(node: Node, con: duckdb.DuckDBPyConnection, name: str, value: object, period: tuple[date | None, date | None],
            files: dict[str, str], accounts_shown: int | None) -> None:
    found = ledger_accounts(con, name, period, accounts_shown)
    if found is None:
        return
    note = "" if found.makes(value) else "; the figure adjusts them as its definition says"
    accounts = node.add(f"Trial-balance accounts, {found.start} to {found.end}: {amount(found.total)}{note}")
    file = files.get(TRIAL_BALANCES, f"{TRIAL_BALANCES}.csv")
    for account in found.accounts:
        branch = accounts.add(f"{account.account_id} {account.name}: {amount(account.amount)}")
        for entity in account.entities:
            branch.add(f"{entity.entity}: {amount(entity.amount)} ({file} rows {', '.join(str(n) for n in entity.rows)})")
    if found.more:
        count, more = found.more
        accounts.add(f"{count:,} more account{'' if count == 1 else 's'}: {amount(more)} (`covenants explain --all-accounts` lists each with its rows)")


def _limits(root: Node, result: Result) -> None:
    """The threshold, caps, credits and reductions the result uses, each with its clause, period and source."""
    if not result.limits:
        return
    node = root.add("Threshold, caps, credits and reductions")
    for limit in result.limits:
        period = f", {limit.period_start} to {limit.period_end}" if limit.period_start and limit.period_end else ""
        target = "" if limit.applies_to == "threshold" else f" (applies to {limit.applies_to})"
        line = node.add(f"{limit.kind.capitalize()}: {limit.name}{period} [{limit.clause_id}]{target}: {amount(limit.value, missing='not computed')}")
        if limit.source:
            line.add(textwrap.fill("Source: " + readable(limit.source), width=100))


def _room(node: Node, result: Result) -> None:
    """How far the figure may move before the result flips, with its band and what is held fixed; or why it has none."""
    if result.room_to_move is None:
        node.add(textwrap.fill(f"No room to move: {result.room_to_move_reason}", width=100))
        return
    room = node.add(textwrap.fill(f"Room to move {room_text(result)}", width=100))
    for assumption in result.room_to_move.assumptions:
        room.add(textwrap.fill(f"Assuming {assumption}", width=100))


def _column_name(column: Column) -> str:
    table, name = column
    return f"{table.removeprefix('raw_')}.{name}"  # an extract's columns by the extract's name, as its file names them


def _figure_columns(covenant: Covenant) -> list[tuple[str, str]]:
    """The mart columns the result is computed from (pipelines.policy.evaluation), each with what it is."""
    if covenant.figure.form == "ratio":
        columns = [("numerator", "the ratio's numerator"), ("denominator", "the ratio's denominator"),
                   ("denominator_divisor", "what the denominator is divided by")]
    else:
        columns = [("actual", "the figure")]
    if covenant.threshold.computed is not None:
        columns.append(("threshold", "the threshold the mart computes"))
    return columns


def _column_lineage(root: Node, covenant: Covenant, traced: Lineage) -> None:
    """Each of the figure's mart columns, then every extract column it is made from (by extract and column), each with
    the shortest chain of model columns between them (pipelines/models/column_lineage.py)."""
    mart = covenant.figure.mart
    node = root.add("Where the figure's columns come from, down to the extract columns (the SQL models' column lineage)")
    for column, what in _figure_columns(covenant):
        if column not in traced.get(mart, {}):
            continue
        paths = paths_to_extracts(traced, (mart, column))
        branch = node.add(f"{mart}.{column}, {what}: " + (f"{len(paths)} extract column{'s' if len(paths) != 1 else ''}" if paths else "no extract column"))
        for end, path in paths.items():
            through = " → ".join(_column_name(c) for c in path[1:-1])
            line = _column_name(end) + (f", through {through}" if through else ", read directly")
            branch.add(textwrap.fill(line, width=100, break_long_words=False, break_on_hyphens=False))


def derivation(con: duckdb.DuckDBPyConnection, policies: PolicySet, covenant: Covenant, figures: Figures, result: Result,
               files: dict[str, str], traced: Lineage | None = None, accounts_shown: int | None = None) -> Node:
    """`files`: extract name → file name in the extracts folder (for the rows' file); `traced`: the SQL models' column
    lineage (the section on where the figure's columns come from is left out without it); `accounts_shown`: the
    accounts listed of each input that sums them, the others counted and added up (None: every one)."""
    on = f" for {result.transaction_id}" if result.transaction_id else ""
    root = Node(f"{result.clause_id} on {result.test_date}{on}: {STATUS_WORDS[result.status]}")
    root.add(f"{covenant.title}")
    root.add("Clause text:\n" + textwrap.fill(f'"{covenant.clause_text}"', width=100))

    period = figures.period
    measured = f", {period[0]} to {period[1]}" if period[0] and period[1] else ""
    tested = root.add(f"Figure tested: {result.figure} ({covenant.figure.clause_id}){measured}: {amount(result.actual, missing='not computed')}")
    found = threshold_on(covenant, result.test_date, figures.computed_threshold)
    if result.threshold is not None:
        must = f"Must be {OPERATOR_WORDS[result.operator]} {amount(result.threshold)}"
        if figures.threshold_reduction and found:
            must += (f": {amount(found[0])} ({found[1]}), reduced by {amount(figures.threshold_reduction)} under "
                     + ", ".join(r.clause_id for r in covenant.threshold_reductions))
        elif found:
            must += f" ({found[1]})"
        tested.add(must)
    if result.headroom is not None:
        pct = f", {amount(result.headroom_pct, suffix='%')} of the threshold" if result.headroom_pct is not None else ""
        tested.add(f"Headroom: {amount(result.headroom)}{pct}")
    _room(tested, result)
    tested.add(f"Determined on {result.determination_date}")
    for missing in figures.missing_inputs:
        # a caution: the status is the same whatever the missing input is (docs/policies.md)
        tested.add(f"Missing, and no value of it changes the status: {missing}" if missing in result.cautions else f"Missing: {missing}")
    _limits(root, result)

    if result.inputs:
        terms = root.add("Defined terms and inputs")
        for name, given in result.inputs.items():
            value, clause_id = (given.get("value"), given.get("clause_id", "")) if isinstance(given, dict) else (given, "")
            term = terms.add(f"{input_label(name, clause_id)} [{clause_id}]: {figure(value, missing='none')}")
            # what the input names beside its value (the rows it was read from, the exact fraction), as result_inputs.csv
            cited = source_text({k: v for k, v in given.items() if k not in ("value", "clause_id")}) if isinstance(given, dict) else ""
            if cited:
                term.add(cited)
            _ledger(term, con, name, value, period, files, accounts_shown)

    rows = transaction_rows(con, result.transaction_id)
    if rows:
        transaction = root.add(f"Transaction {result.transaction_id}")
        for row in rows:
            transaction.add(f"{files.get(row.extract, row.extract)} row {row.row}")

    if traced is not None:
        _column_lineage(root, covenant, traced)

    weighed = waivers_weighed(policies, result)
    considered = root.add("Waivers and amendments considered" if weighed or result.amendments else "Waivers and amendments considered: none names this clause")
    for waiver in weighed:
        considered.add(f"{waiver.title} ({waiver.waiver_id}, dated {waiver.dated}): {waiver.why}")
    for amendment in result.amendments:
        considered.add(f"Amendment applied, the clause is tested as amended: {amendment}")
    stood = f" (the agreements as they stood on {policies.rules_as_of})" if policies.rules_as_of else ""
    applied = root.add(f"Rules applied{stood}")
    for version in result.rules_applied:
        applied.add(f"{version.rule}: " + version_line(asdict(version)))
    root.add(textwrap.fill("Conclusion: " + readable(result.explanation), width=100))
    return root
