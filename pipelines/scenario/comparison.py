"""Every result of a scenario's run beside the baseline: the same extracts and policies/ without the scenario,
evaluated in the same run, for the same quarters and determination date. Written as scenario.json and scenario.csv."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from pipelines.check.prepared import ATTACHED, open_prepared
from pipelines.fiscal import FiscalQuarter
from pipelines.outputs.results_files import plain
from pipelines.outputs.spreadsheet_safety import write_csv
from pipelines.policy.evaluation import evaluate_all
from pipelines.policy.result import Result
from pipelines.quarter_end import in_quarters
from pipelines.scenario.definition import Scenario
from pipelines.typography import actual_and_threshold

SHOWN = ("status", "actual", "threshold", "headroom", "waiver_id")
KEY = ("test_date", "clause_id", "test_kind", "transaction_id")
CSV_FIELDS = (*KEY, "changed", *(f"{field}_{side}" for field in SHOWN for side in ("baseline", "scenario")))
SHOWN_CHANGES = 40  # in the printed summary; every one is in scenario.csv


def baseline_results(extracts: Path, as_of: date | None, quarters: list[FiscalQuarter]) -> list[Result]:
    """The results of `quarters` on the user's extracts with the project's policies, as the run determines them: from
    the prepared database `covenants check` keeps for the same files and policies (docs/check.md), prepared now if the
    cache has none, so that a second scenario on the same extracts does not ingest and build them again."""
    prepared = open_prepared(extracts)
    try:
        prepared.con.execute(f"use {ATTACHED}")
        evaluated = evaluate_all(prepared.con, prepared.policies, as_of)
    finally:
        prepared.con.close()
    return in_quarters(evaluated, quarters)


def _key(result: Result) -> tuple[str, str, str, str]:
    return result.test_date.isoformat(), result.clause_id, result.test_kind, result.transaction_id or ""


def _side(result: Result | None) -> dict | None:
    return None if result is None else {field: plain(getattr(result, field)) for field in SHOWN}


def side_by_side(baseline: list[Result], scenario: list[Result]) -> list[dict]:
    """One record per result of either side, in test-date order, with `changed` when any shown field differs or the
    result is on one side only."""
    before, after = {_key(r): r for r in baseline}, {_key(r): r for r in scenario}
    records = []
    for key in sorted(before.keys() | after.keys()):
        one, other = _side(before.get(key)), _side(after.get(key))
        records.append({**dict(zip(KEY, key)), "transaction_id": key[3] or None, "changed": one != other, "baseline": one, "scenario": other})
    return records


def _counts(records: list[dict]) -> dict:
    changed = [r for r in records if r["changed"]]
    return {
        "results": len(records),
        "changed": len(changed),
        "status_changed": sum(1 for r in changed if r["baseline"] and r["scenario"] and r["baseline"]["status"] != r["scenario"]["status"]),
        "only_in_scenario": sum(1 for r in changed if r["baseline"] is None),
        "only_in_baseline": sum(1 for r in changed if r["scenario"] is None),
    }


def write_comparison(scenario: Scenario, changes: list[str], records: list[dict], folder: Path) -> list[Path]:
    body = {
        "scenario": {**scenario.record, "description": scenario.description, "not_for_delivery": True},
        "baseline": "the same extracts and policies/ without the scenario, evaluated in the same run",
        "what_changed": changes,
        "summary": _counts(records),
        "results": records,
    }
    json_path = folder / "scenario.json"
    json_path.write_text(json.dumps(body, indent=2) + "\n")
    rows = []
    for r in records:
        sides = [(r[side] or {}).get(field) for field in SHOWN for side in ("baseline", "scenario")]
        rows.append([r["test_date"], r["clause_id"], r["test_kind"], r["transaction_id"], "yes" if r["changed"] else "no", *sides])
    return [json_path, write_csv(folder / "scenario.csv", CSV_FIELDS, rows)]


def _shown(side: dict | None) -> tuple[str, str, str]:
    if side is None:
        return "not tested", "-", "-"
    actual, threshold = (None if side[f] is None else Decimal(side[f]) for f in ("actual", "threshold"))
    return (side["status"], *actual_and_threshold(actual, threshold))


def summary_text(scenario: Scenario, changes: list[str], records: list[dict], text_table) -> str:
    """What `covenants run --scenario` prints after the run's own summary."""
    counts = _counts(records)
    lines = [
        f"Scenario: {scenario.name}. Not for delivery: every document of this run says so.",
        *(f"  {line}" for line in changes),
        f"{counts['changed']} of {counts['results']} results differ from the baseline ({counts['status_changed']} change status, "
        f"{counts['only_in_scenario']} only in the scenario, {counts['only_in_baseline']} only in the baseline): scenario.csv and scenario.json.",
    ]
    changed = [r for r in records if r["changed"]]
    if changed:
        rows = []
        for r in changed[:SHOWN_CHANGES]:
            (status, figure, threshold), (status_after, figure_after, threshold_after) = _shown(r["baseline"]), _shown(r["scenario"])
            rows.append([r["test_date"], r["clause_id"], r["transaction_id"] or "", status, status_after, figure, figure_after, threshold, threshold_after])
        header = ["test date", "clause", "transaction", "baseline", "scenario", "figure baseline", "figure scenario", "threshold baseline", "threshold scenario"]
        lines += ["", text_table(header, rows)]
        if len(changed) > SHOWN_CHANGES:
            lines.append(f"... and {len(changed) - SHOWN_CHANGES} more in scenario.csv")
    return "\n".join(lines)
