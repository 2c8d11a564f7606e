"""What `covenants run` prints: the verdict first, then what failed or was waived with its figures, then what cannot be
determined and why, then the files written.

The verdict per instrument and fiscal quarter is the report's (pipelines/outputs/verdict.py). Every clause's results
quarter by quarter are in report.html and covenants.xlsx; the printout keeps to what a reader must act on.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from pipelines.fiscal import FiscalQuarter
from pipelines.outputs.deadlines import Deadline
from pipelines.outputs.room_words import band_heading
from pipelines.outputs.verdict import NOT_TESTED, STATUS_WORDS, verdicts
from pipelines.policy.result import Result
from pipelines.typography import OPERATOR_WORDS, actual_and_threshold, long_date, money, percent

Table = Callable[[list[str], list[list[str]]], str]
INSTRUMENTS = ("indenture-1996", "ca-1994", "ppca-2002")


LISTED_DATES = 6  # more determination dates than this are given as a span: a run of every quarter has dozens


def _dates(days: list[date]) -> str:
    distinct = sorted(set(days))
    if len(distinct) > LISTED_DATES:
        return f"{len(distinct)} dates, {long_date(distinct[0])} to {long_date(distinct[-1])} (each result's own in results.json)"
    words = [long_date(d) for d in distinct]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def heading(run_id: str, quarters: list[FiscalQuarter], results: list[Result]) -> str:
    span = str(quarters[0]) if len(quarters) == 1 else f"{quarters[0]} to {quarters[-1]} ({len(quarters)} quarters)"
    determined = [r.determination_date for r in results if r.determination_date is not None]
    when = f"; determined on {_dates(determined)}" if determined else ""
    return f"Quarter-end run {run_id}: {span}, figures to {long_date(quarters[-1].end)}{when}"


def verdict_rows(quarters: list[FiscalQuarter], results: list[Result]) -> list[list[str]]:
    found = {(v.quarter, v.instrument): v.verdict for v in verdicts(results)}
    return [[str(q), *(found.get((q, i), NOT_TESTED) for i in INSTRUMENTS)] for q in quarters]


def acted_on(result: Result) -> bool:
    return result.test_kind != "information"


def failure_rows(results: list[Result]) -> list[list[str]]:
    rows = []
    for r in (r for r in results if r.status in ("fail", "waived") and acted_on(r)):
        actual, threshold = actual_and_threshold(r.actual, r.threshold)
        test = OPERATOR_WORDS.get(r.operator, r.operator)
        rows.append([str(r.test_date), r.clause_id, STATUS_WORDS[r.status], actual, test, threshold, money(r.headroom, "-"), percent(r.headroom_pct, "-"), r.waiver_id or ""])
    return rows


def how_far_lines(results: list[Result]) -> list[str]:
    """How far each failure or waived failure is from being met: its room to move (pipelines.policy.room)."""
    return [
        f"  {r.test_date} {r.room_to_move.statement}"
        for r in results
        if r.status in ("fail", "waived") and acted_on(r) and r.room_to_move is not None
    ]


def tight_lines(results: list[Result]) -> list[str]:
    """One line per clause with results that comply within the policy's cushion: how many, and how far the latest may
    move before it fails."""
    grouped: dict[str, list[Result]] = {}
    for r in (r for r in results if r.band == "tight" and acted_on(r) and r.room_to_move is not None):
        grouped.setdefault(r.clause_id, []).append(r)
    lines = []
    for clause_id, tight in sorted(grouped.items()):
        latest = max(tight, key=lambda r: r.test_date)
        when = long_date(latest.test_date) if len(tight) == 1 else f"{len(tight)} test dates, the latest {long_date(latest.test_date)}"
        lines.append(f"  {clause_id} ({when}): {latest.room_to_move.statement}")
    return lines


def undetermined_lines(results: list[Result]) -> list[str]:
    """One line per clause and reason: how many test dates it leaves open, and the explanation, which names the fact
    that would decide it."""
    grouped: dict[tuple[str, str], list[date]] = {}
    for r in (r for r in results if r.status == "indeterminate" and acted_on(r)):
        grouped.setdefault((r.clause_id, r.explanation.removeprefix("Cannot be determined: ")), []).append(r.test_date)
    lines = []
    for (clause_id, explanation), days in sorted(grouped.items(), key=lambda item: (item[0][0], min(item[1]))):
        when = long_date(days[0]) if len(days) == 1 else f"{len(days)} test dates, {long_date(min(days))} to {long_date(max(days))}"
        lines.append(f"  {clause_id} ({when}): {explanation}")
    return lines


LISTED_CLAUSES = 8


def _clauses(results: list[Result]) -> str:
    clauses = sorted({r.clause_id for r in results})
    more = f" and {len(clauses) - LISTED_CLAUSES} more" if len(clauses) > LISTED_CLAUSES else ""
    return ", ".join(clauses[:LISTED_CLAUSES]) + more


def outside_lines(
    quarters: list[FiscalQuarter], earlier: list[Result], later: list[Result], last_closed: FiscalQuarter, settled: list[Deadline] = ()
) -> list[str]:
    """What the extracts give that this run does not report, and why: nothing is left out without a word. Results
    beyond the last quarter the trial balances close are named by clause: no run of these extracts can report them.
    `settled`: the deadlines the run's calendar leaves out, settled before its first quarter (deadlines.for_period)."""
    beyond = later if quarters[-1] == last_closed else []
    other = [f"{len(earlier)} dated before {long_date(quarters[0].start)}"] if earlier else []
    other += [f"{len(later)} dated after {long_date(quarters[-1].end)}"] if later and not beyond else []
    lines = [f"  Results of other quarters: {' and '.join(other)}; run every quarter (no --period) to see them."] if other else []
    if beyond:
        lines.append(
            f"  {len(beyond)} result(s) dated after {long_date(last_closed.end)}, the last quarter end the trial balances "
            f"close, are reported once the trial balances of their quarter are in the extracts: {_clauses(beyond)}."
        )
    if settled:
        lines.append(
            f"  Deadlines settled before {long_date(quarters[0].start)} (done, or an option lapsed): {len(settled)}, in the "
            "calendars of the runs of their quarters. The calendar lists every obligation still open in the run's quarters, "
            "however old, with the quarter of the transaction or event behind it (trigger_quarter)."
        )
    return ["", "Not in this run", *lines] if lines else []


def summary(
    run_id: str, quarters: list[FiscalQuarter], results: list[Result], written: list[Path], table: Table, outside: list[str] = ()
) -> str:
    """`outside`: the lines of outside_lines, which say what the run leaves out."""
    lines = [heading(run_id, quarters, results), "", "Verdict", table(["quarter", *INSTRUMENTS], verdict_rows(quarters, results))]
    failures = failure_rows(results)
    if failures:
        lines += ["", "Failures and waivers", table(["test date", "clause", "status", "figure", "must be", "threshold", "headroom", "headroom %", "waiver"], failures)]
        lines += how_far_lines(results)
    tight = tight_lines(results)
    if tight:
        lines += ["", band_heading("tight"), *tight]
    undetermined = undetermined_lines(results)
    if undetermined:
        lines += ["", "Cannot be determined", *undetermined]
    lines += list(outside)
    lines += ["", "Every clause's results, quarter by quarter, with their inputs: report.html and covenants.xlsx."]
    lines += ["", "Wrote:", *(f"  {path}" for path in written)]
    return "\n".join(lines)
