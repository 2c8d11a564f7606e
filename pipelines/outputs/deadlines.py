"""The deadline calendar: every SQL mart whose name ends in `_deadlines`, unioned, its Business Day convention applied
and each obligation given a status as of the run's as-of date; published as deadlines.json and deadlines.csv.

Each `_deadlines` mart has the columns of DEADLINE_COLUMNS (every deadline mart follows it). Statuses:
- `indeterminate`: the due date cannot be fixed (missing inputs, or a clause such as 4.06(a) "promptly" names no day);
- `met`: completed on or before the (adjusted) due date;
- `missed`: completed after it, or not completed and the due date is before the as-of date;
- `due`: open, due within DUE_WINDOW_DAYS days of the as-of date; `upcoming`: open and due later;
- `lapsed`: an option (a mart's `is_option` row, such as the 4.14(d) commitment to reinvest) not exercised by its date:
  the agreement attaches a consequence, not a breach, so it is never `missed`.
Each obligation also carries a `statement` in words that says when it was due and under which section, and whether it
was met, done late (by how many days) or missed; its texts are written with pipelines.typography.
Only obligations triggered on or before the as-of date are listed, and a completion after the as-of date is not yet
known on it. A run of some quarters lists those still live in them (`for_period`): one settled before its first day
(done, on time or late, or an option that lapsed) belongs to an earlier quarter's calendar, and the run says how many it
leaves out. Each obligation names its `trigger_quarter`, the fiscal quarter whose run reports the results of the
transaction or event behind it. The conventions: `none` keeps the due date; `following` moves a day that is not a Business Day to the
next Business Day; `preceding` to the Business Day before (indenture-1996/def/BusinessDay, the `business_days` table).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

import duckdb

from pipelines.fiscal import FiscalQuarter
from pipelines.outputs.results_files import write_records
from pipelines.outputs.total_order import in_total_order
from pipelines.typography import day_count, long_date, prose, section

DEADLINE_SUFFIX = "_deadlines"
DEADLINE_COLUMNS = (
    "clause_id",
    "obligation",
    "reference_id",
    "trigger_date",
    "due_date",
    "business_day_convention",
    "rule",
    "completed_on",
    "missing_inputs",
)
# A mart may add a boolean `is_option` column: its true rows are options, whose dates lapse rather than pass unmet.
OPTION_COLUMN = "is_option"
CONVENTIONS = ("none", "preceding", "following")
DUE_WINDOW_DAYS = 30
FIELDS = ("status", "statement", "adjusted_due_date", *DEADLINE_COLUMNS, "trigger_quarter", "mart", "as_of")


@dataclass(frozen=True)
class Deadline:
    status: str
    adjusted_due_date: date | None
    clause_id: str
    obligation: str
    reference_id: str | None
    trigger_date: date | None
    due_date: date | None
    business_day_convention: str
    rule: str
    completed_on: date | None
    missing_inputs: tuple[str, ...]
    mart: str
    as_of: date
    statement: str

    @property
    def trigger_quarter(self) -> str | None:
        """The fiscal quarter of the trigger date: its run reports the results of the transaction or event behind it."""
        return None if self.trigger_date is None else str(FiscalQuarter.containing(self.trigger_date))


def deadline_marts(con: duckdb.DuckDBPyConnection) -> list[str]:
    names = con.execute("select table_name from duckdb_tables() where table_name like ? escape '\\'", ["%\\_deadlines"]).fetchall()
    return sorted(n for (n,) in names if n.endswith(DEADLINE_SUFFIX))


def adjust(due: date, convention: str, business_days: dict[date, bool]) -> date | None:
    """The due date moved by its Business Day convention; None when the calendar does not reach that far."""
    if convention not in CONVENTIONS:
        raise ValueError(f"unknown Business Day convention {convention!r}; expected one of {', '.join(CONVENTIONS)}")
    if convention == "none":
        return due
    step = timedelta(days=1 if convention == "following" else -1)
    day = due
    while day in business_days:
        if business_days[day]:
            return day
        day += step
    return None


def status_of(adjusted_due: date | None, completed_on: date | None, missing: tuple[str, ...], as_of: date, option: bool = False) -> str:
    if missing or adjusted_due is None:
        return "indeterminate"
    if completed_on is not None:
        return "met" if completed_on <= adjusted_due else "lapsed" if option else "missed"
    if adjusted_due < as_of:
        return "lapsed" if option else "missed"
    return "due" if adjusted_due <= as_of + timedelta(days=DUE_WINDOW_DAYS) else "upcoming"


def statement(status: str, clause_id: str, due: date | None, completed_on: date | None, as_of: date) -> str:
    """`late by 19 days: done on November 3, 2003, due October 15, 2003 under Section 2.03 of the Indenture`."""
    under = section(clause_id)
    if status == "indeterminate" or due is None:
        return f"the due date under {under} cannot be fixed"
    if status == "lapsed":
        taken = f"exercised on {long_date(completed_on)}, after" if completed_on is not None else "not exercised by"
        return f"lapsed: an option, {taken} {long_date(due)} under {under}"
    when = f"due {long_date(due)} under {under}"
    if completed_on is not None:
        late = (completed_on - due).days
        if late > 0:
            return f"late by {day_count(late)}: done on {long_date(completed_on)}, {when}"
        return f"met on {long_date(completed_on)}, {when}"
    if due < as_of:
        return f"missed: {when}, not done by {long_date(as_of)} ({day_count((as_of - due).days)} overdue)"
    ahead = (due - as_of).days
    return f"{when}, " + ("today" if ahead == 0 else f"in {day_count(ahead)}")


def _deadline(row: dict, mart: str, as_of: date, business_days: dict[date, bool]) -> Deadline:
    missing = tuple(json.loads(row["missing_inputs"])) if row["missing_inputs"] else ()
    due, convention = row["due_date"], row["business_day_convention"]
    adjusted = None if due is None else adjust(due, convention, business_days)
    if due is not None and adjusted is None:
        missing += (f"the Business Day calendar around {due} (convention {convention})",)
    completed = row["completed_on"] if row["completed_on"] is not None and row["completed_on"] <= as_of else None
    status = status_of(adjusted, completed, missing, as_of, bool(row.get(OPTION_COLUMN)))
    return Deadline(
        status=status,
        adjusted_due_date=adjusted,
        clause_id=row["clause_id"],
        obligation=prose(row["obligation"]),
        reference_id=row["reference_id"],
        trigger_date=row["trigger_date"],
        due_date=due,
        business_day_convention=convention,
        completed_on=completed,
        rule=prose(row["rule"]),
        missing_inputs=tuple(prose(m) for m in missing),
        mart=mart,
        as_of=as_of,
        statement=statement(status, row["clause_id"], adjusted, completed, as_of),
    )


def deadline_calendar(con: duckdb.DuckDBPyConnection, as_of: date) -> list[Deadline]:
    """Every obligation of every `_deadlines` mart triggered by `as_of`, with its status on that date."""
    business_days = dict(con.execute("select day, is_business_day from business_days").fetchall())
    deadlines = []
    for mart in deadline_marts(con):
        columns = DEADLINE_COLUMNS + ((OPTION_COLUMN,) if OPTION_COLUMN in con.table(mart).columns else ())
        relation = con.sql(f'select {", ".join(columns)} from "{mart}"')
        for values in relation.fetchall():
            row = dict(zip(columns, values))
            if row["trigger_date"] is None or row["trigger_date"] <= as_of:
                deadlines.append(_deadline(row, mart, as_of, business_days))
    return in_total_order(deadlines, lambda d: (d.adjusted_due_date or d.trigger_date or date.max, d.clause_id, d.reference_id or ""), asdict)


def settled_before(deadline: Deadline, day: date) -> bool:
    """Done with before `day`: completed before it (on time or late), or an option whose date passed before it unused."""
    if deadline.completed_on is not None:
        return deadline.completed_on < day
    return deadline.status == "lapsed" and deadline.adjusted_due_date is not None and deadline.adjusted_due_date < day


def for_period(deadlines: list[Deadline], first: date) -> tuple[list[Deadline], list[Deadline]]:
    """The calendar of a run whose first quarter starts on `first`, and the obligations it leaves out: those settled
    before that day. An obligation still open, missed and not done, or whose date cannot be fixed stays, however old."""
    listed, settled = [], []
    for deadline in deadlines:
        (settled if settled_before(deadline, first) else listed).append(deadline)
    return listed, settled


def between(deadlines: list[Deadline], first: date | None, last: date | None) -> list[Deadline]:
    """The deadlines due (or, without a due date, triggered) from `first` to `last`, both included."""
    def day(d: Deadline) -> date | None:
        return d.adjusted_due_date or d.trigger_date

    return [d for d in deadlines if (first is None or (day(d) and day(d) >= first)) and (last is None or (day(d) and day(d) <= last))]


def record(deadline: Deadline) -> dict:
    data = {**asdict(deadline), "trigger_quarter": deadline.trigger_quarter}
    return {
        name: (data[name].isoformat() if isinstance(data[name], date) else list(data[name]) if isinstance(data[name], tuple) else data[name])
        for name in FIELDS
    }


def write_deadlines(deadlines: list[Deadline], out_dir: Path) -> list[Path]:
    return write_records([record(d) for d in deadlines], FIELDS, out_dir, "deadlines")
