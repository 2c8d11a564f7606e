"""The scenario's extracts: the extracts folder again in a folder of its own, its untouched files linked to the user's,
with the inputs changed and the proposed transactions' rows appended. The user's extracts folder is only read.

An input changes what happened in a month: the month's activity of each matching trial-balance row (for an income
statement account, its fiscal-year-to-date balance less the previous month's in the same fiscal year; for a balance
sheet account, its closing balance less the previous month's), by `amount` or by `percent` of that activity. Each
change is posted as the Company's books would carry it, so that every month still nets to zero:
- on the account itself, in the month and every later month of the entity: for an income statement account up to the
  end of its fiscal year, after which it is in the retained earnings the next fiscal year opens with;
- on the `offset_account` (a balance sheet account), with the opposite sign, in the month and every later month.
A percentage of an activity is rounded to the cent, half to even, row by row and month by month: the trial balances
hold cents, and no clause says otherwise for a figure the Company's books would show.
"""

from __future__ import annotations

import shutil
from collections import defaultdict
from datetime import date, timedelta
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

import polars as pl

from pipelines.extracts.contract import BY_NAME, CHART_OF_ACCOUNTS, EXTRACTS, TRIAL_BALANCES
from pipelines.extracts.ingest import BadExtracts
from pipelines.extracts.reading import ROW, ExtractMissing, locate, read_extract
from pipelines.scenario.definition import InputChange, Scenario, ScenarioError

CENT = Decimal("0.01")
KEY = ("entity_id", "period_end", "account_id", "counterparty_entity_id")
RETAINED_EARNINGS = "retained_earnings"


def _month_before(month_end: date) -> date:
    return month_end.replace(day=1) - timedelta(days=1)


def _typed(source: Path, name: str) -> pl.DataFrame:
    """The extract's typed rows; BadExtracts when any row is refused (the scenario never drops a row silently)."""
    extract = BY_NAME[name]
    frame, issues = read_extract(locate(source, extract), extract)
    if issues:
        raise BadExtracts(issues)
    return frame.drop(ROW)


class _Chart:
    def __init__(self, chart: pl.DataFrame):
        self.statement = dict(zip(chart["account_id"], chart["statement"]))
        self.line_item = dict(zip(chart["account_id"], chart["line_item"]))

    def accounts(self, change: InputChange, where: str) -> list[str]:
        if change.account is not None:
            if change.account not in self.statement:
                raise ScenarioError(f"{where}.account: account {change.account} is not in the chart of accounts")
            return [change.account]
        found = sorted(a for a, item in self.line_item.items() if item == change.line_item)
        if not found:
            raise ScenarioError(f"{where}.line_item: no account of the chart of accounts has the line item {change.line_item}")
        return found

    def offset(self, change: InputChange, targets: list[str], where: str) -> str:
        account = change.offset_account
        if self.statement.get(account) != "balance_sheet":
            raise ScenarioError(f"{where}.offset_account: {account} is not a balance sheet account of the chart of accounts")
        if account in targets:
            raise ScenarioError(f"{where}.offset_account: {account} is one of the accounts changed")
        return account

    def retained_earnings(self, where: str) -> str:
        found = [a for a, item in self.line_item.items() if item == RETAINED_EARNINGS]
        if len(found) != 1:
            raise ScenarioError(f"{where}: an income statement change needs exactly one {RETAINED_EARNINGS} account to close into; the chart has {len(found)}")
        return found[0]


def _matched(tb: pl.DataFrame, change: InputChange, targets: list[str]) -> pl.DataFrame:
    condition = pl.col("account_id").is_in(targets)
    if change.entity is not None:
        condition &= pl.col("entity_id") == change.entity
    if change.from_ is not None:
        condition &= pl.col("period_end") >= change.from_
    if change.to is not None:
        condition &= pl.col("period_end") <= change.to
    return tb.filter(condition)


def _deltas(tb: pl.DataFrame, matched: pl.DataFrame, change: InputChange, chart: _Chart) -> list[tuple[str, str | None, str, date, Decimal]]:
    """(entity, counterparty, account, month, change of the month's activity) for every matched row."""
    targets = set(matched["account_id"])
    balances = {
        (e, a, c, m): b
        for e, m, a, c, b in tb.filter(pl.col("account_id").is_in(targets)).select(*KEY, "balance").iter_rows()
    }
    found = []
    for entity, month, account, counterparty, balance in matched.select(*KEY, "balance").iter_rows():
        before = _month_before(month)
        opens_year = chart.statement[account] == "income_statement" and before.year != month.year
        previous = Decimal(0) if opens_year else balances.get((entity, account, counterparty, before), Decimal(0))
        if change.amount is not None:
            delta = change.amount
        else:
            delta = ((balance - previous) * change.percent / 100).quantize(CENT, rounding=ROUND_HALF_EVEN)
        if delta:
            found.append((entity, counterparty, account, month, delta))
    return found


def _postings(tb: pl.DataFrame, deltas, chart: _Chart, offset: str, where: str) -> dict[tuple, Decimal]:
    """Every balance each change moves, keyed as the trial balances are (entity, month, account, counterparty)."""
    months: dict[str, list[date]] = defaultdict(list)
    for entity, month in tb.select("entity_id", "period_end").unique().sort("period_end").iter_rows():
        months[entity].append(month)
    moved: dict[tuple, Decimal] = defaultdict(Decimal)
    for entity, counterparty, account, month, delta in deltas:
        income = chart.statement[account] == "income_statement"
        retained = chart.retained_earnings(where) if income else None
        for later in (m for m in months[entity] if m >= month):
            if income and later.year != month.year:
                moved[(entity, later, retained, None)] += delta
            else:
                moved[(entity, later, account, counterparty)] += delta
            moved[(entity, later, offset, None)] -= delta
    return {key: amount for key, amount in moved.items() if amount}


def _posted(tb: pl.DataFrame, postings: dict[tuple, Decimal]) -> tuple[pl.DataFrame, int, int]:
    """The trial balances with the postings applied: existing rows changed in place, new rows appended."""
    schema = {**{k: tb.schema[k] for k in KEY}, "delta": tb.schema["balance"]}
    moved = pl.DataFrame([(*key, amount) for key, amount in postings.items()], schema=schema, orient="row")
    changed = tb.join(moved, on=list(KEY), how="left", nulls_equal=True, maintain_order="left")
    kept = changed.with_columns((pl.col("balance") + pl.col("delta").fill_null(0)).cast(tb.schema["balance"]).alias("balance")).drop("delta")
    added = moved.join(tb.select(KEY), on=list(KEY), how="anti", nulls_equal=True).rename({"delta": "balance"}).select(tb.columns)
    count_changed = changed.filter(pl.col("delta").is_not_null()).height
    return pl.concat([kept, added.sort(list(KEY), nulls_last=False)]), count_changed, added.height


def _money(value: Decimal) -> str:
    return f"({-value:,.2f})" if value < 0 else f"{value:,.2f}"


def apply_input(tb: pl.DataFrame, chart_frame: pl.DataFrame, change: InputChange, where: str) -> tuple[pl.DataFrame, str]:
    """The trial balances with one input applied, and a line saying what changed."""
    chart = _Chart(chart_frame)
    targets = chart.accounts(change, where)
    offset = chart.offset(change, targets, where)
    matched = _matched(tb, change, targets)
    if matched.height == 0:
        raise ScenarioError(f"{where}: no trial-balance row matches (accounts {', '.join(targets)}"
                            + (f", entity {change.entity}" if change.entity else "") + ")")
    deltas = _deltas(tb, matched, change, chart)
    changed, rows_changed, rows_added = _posted(tb, _postings(tb, deltas, chart, offset, where)) if deltas else (tb, 0, 0)
    what = f"account {change.account}" if change.account else f"line item {change.line_item} (accounts {', '.join(targets)})"
    how = f"by {_money(change.amount)}" if change.amount is not None else f"by {change.percent}% of its activity"
    months = sorted(set(matched["period_end"]))
    span = str(months[0]) if len(months) == 1 else f"{months[0]} to {months[-1]}"
    total = sum((d for *_, d in deltas), Decimal(0))
    line = (f"{where}: trial_balances, {what}" + (f" of {change.entity}" if change.entity else "") + f", {span}: each month's activity "
            f"changed {how}, {_money(total)} in all, against account {offset}; {rows_changed} balances changed, {rows_added} rows added")
    return changed, line


def overlaid_extracts(source: Path, scenario: Scenario, folder: Path) -> list[str]:
    """Write the scenario's extracts into `folder` (new, empty): untouched files as symbolic links to the user's (copies
    where the file system refuses a link), changed ones written as CSV. Returns a line per change. Raises ScenarioError (an input that matches nothing) or BadExtracts."""
    touched = ({TRIAL_BALANCES.name} if scenario.inputs else set()) | {name for p in scenario.proposals for name in p.rows}
    for extract in EXTRACTS:
        if extract.name in touched:
            continue
        try:
            path = locate(source, extract)
        except ExtractMissing:
            continue  # the run reports it, as for any extracts folder
        # linked, not copied: the run reads the user's file itself, whose settled stamps let its sha256 and content
        # fingerprint be found (a copy made a moment ago cannot be trusted to be what was hashed: file_hashes.py); a
        # file system without links gets a copy, read and fingerprinted afresh
        try:
            (folder / path.name).symlink_to(path.resolve())
        except OSError:
            shutil.copy2(path, folder / path.name)
    frames = {name: _typed(source, name) for name in sorted(touched)}
    lines = []
    if scenario.inputs:
        chart = _typed(source, CHART_OF_ACCOUNTS.name)
        for number, change in enumerate(scenario.inputs):
            frames[TRIAL_BALANCES.name], line = apply_input(frames[TRIAL_BALANCES.name], chart, change, f"inputs.{number}")
            lines.append(line)
    for number, proposal in enumerate(scenario.proposals):
        for name, rows in proposal.rows.items():
            frames[name] = pl.concat([frames[name], rows.drop(ROW).select(frames[name].columns)])
        added = ", ".join(f"{name} ({rows.height})" for name, rows in proposal.rows.items())
        lines.append(f"transactions.{number}: {proposal.kind.replace('_', ' ')} {proposal.transaction_id} on {proposal.on}: rows added to {added}")
    for name, frame in frames.items():
        frame.write_csv(folder / f"{name}.csv")
    return lines
