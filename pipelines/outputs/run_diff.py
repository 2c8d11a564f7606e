"""`covenants diff OLD_OUT NEW_OUT`: what changed between two runs' results.

Results are matched by clause, test date, transaction and kind of test. A matched result is reported when its status,
tested figure, threshold, headroom or waiver changed, or when one of its inputs moved; a result only one run has
appeared or disappeared. Figures are compared as decimals ("2.0" and "2.00" are the same) and shown as the
certificates show money: thousands separators, negatives in parentheses.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from pipelines.certificates.rendering import amount, figure
from pipelines.outputs.spreadsheet_safety import is_decimal_number

KEY = ("clause_id", "test_date", "transaction_id", "test_kind")
REQUIRED = frozenset(("clause_id", "test_date", "test_kind", "status", "actual", "operator", "threshold", "headroom", "inputs"))
ARROW = " → "


class NotARunOutput(ValueError):
    """A folder without a run's results.json."""


@dataclass(frozen=True)
class Change:
    old: dict
    new: dict
    fields: tuple[str, ...]  # of status, actual, threshold, headroom, waiver_id
    inputs: tuple[tuple[str, object, object], ...]  # (input, old value, new value)


@dataclass(frozen=True)
class RunDiff:
    changed: tuple[Change, ...]
    appeared: tuple[dict, ...]
    disappeared: tuple[dict, ...]
    unchanged: int


def load_results(folder: Path) -> list[dict]:
    """The result records of a run's output folder; NotARunOutput (one line) for anything else."""
    path = folder / "results.json"
    if not folder.exists():
        raise NotARunOutput(f"{folder}: folder not found")
    if not folder.is_dir():
        raise NotARunOutput(f"{folder} is a file, not a run's output folder")
    if not path.is_file():
        raise NotARunOutput(f"{folder} is not a run's output folder: it has no results.json")
    try:
        records = json.loads(path.read_text())
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise NotARunOutput(f"{path} is not a run's results: not JSON") from None
    if not isinstance(records, list) or not all(isinstance(r, dict) and REQUIRED <= r.keys() for r in records):
        raise NotARunOutput(f"{path} is not a run's results: a list of result records was expected")
    return records


def same(old: object, new: object) -> bool:
    if isinstance(old, str) and isinstance(new, str) and is_decimal_number(old) and is_decimal_number(new):
        return Decimal(old) == Decimal(new)
    return old == new


def input_value(inputs: dict, name: str) -> object:
    given = inputs.get(name)
    return given.get("value") if isinstance(given, dict) else given


def moved_inputs(old: dict, new: dict) -> tuple[tuple[str, object, object], ...]:
    names = list(old) + [name for name in new if name not in old]
    values = ((name, input_value(old, name), input_value(new, name)) for name in names)
    return tuple((name, before, after) for name, before, after in values if not same(before, after) or (name in old) != (name in new))


def key(record: dict) -> tuple:
    return tuple(record.get(name) or "" for name in KEY)


def run_diff(old: list[dict], new: list[dict]) -> RunDiff:
    before, after = {key(r): r for r in old}, {key(r): r for r in new}
    changed, unchanged = [], 0
    for matched in sorted(before.keys() & after.keys(), key=order):
        was, now = before[matched], after[matched]
        fields = tuple(f for f in ("status", "actual", "threshold", "headroom", "waiver_id") if not same(was.get(f), now.get(f)))
        inputs = moved_inputs(was["inputs"], now["inputs"])
        if fields or inputs:
            changed.append(Change(was, now, fields, inputs))
        else:
            unchanged += 1
    return RunDiff(
        changed=tuple(changed),
        appeared=tuple(after[k] for k in sorted(after.keys() - before.keys(), key=order)),
        disappeared=tuple(before[k] for k in sorted(before.keys() - after.keys(), key=order)),
        unchanged=unchanged,
    )


def order(result_key: tuple) -> tuple:
    clause_id, test_date, transaction_id, test_kind = result_key
    return (test_date, clause_id, transaction_id, test_kind)


def label(record: dict) -> str:
    parts = [record["clause_id"], record["test_date"]]
    if record.get("transaction_id"):
        parts.append(f"transaction {record['transaction_id']}")
    if record["test_kind"] == "information":
        parts.append("for information")
    return ", ".join(parts)


def money(value: object) -> str:
    return amount(value, missing="none") if isinstance(value, str) and is_decimal_number(value) else figure(value, missing="none")


def result_line(record: dict) -> str:
    comparison = f"{money(record['actual'])} {record['operator']} {money(record['threshold'])}"
    return f"  {label(record)}: {record['status']}; {record.get('figure') or 'actual'} {comparison}"


def change_lines(change: Change) -> list[str]:
    old, new = change.old, change.new
    status = f"{old['status']}{ARROW}{new['status']}" if "status" in change.fields else f"still {new['status']}"
    lines = [f"  {label(new)}: {status}"]
    names = {"actual": new.get("figure") or "actual", "threshold": "threshold", "headroom": "headroom"}
    lines += [f"    {names[f]}: {money(old[f])}{ARROW}{money(new[f])}" for f in ("actual", "threshold", "headroom") if f in change.fields]
    if "waiver_id" in change.fields:
        lines.append(f"    waiver: {old.get('waiver_id') or 'none'}{ARROW}{new.get('waiver_id') or 'none'}")
    lines += [f"    input {name}: {money(before)}{ARROW}{money(after)}" for name, before, after in change.inputs]
    return lines


def describe_run(folder: Path, records: list[dict]) -> str:
    manifest_path = folder / "manifest.json"
    try:
        manifest = json.loads(manifest_path.read_text()) if manifest_path.is_file() else {}
    except (UnicodeDecodeError, json.JSONDecodeError):
        manifest = {}
    run = f"run {manifest['run_id']} as of {manifest.get('as_of')}, " if isinstance(manifest, dict) and "run_id" in manifest else ""
    return f"{folder} ({run}{len(records)} results)"


def diff_lines(diff: RunDiff, old_run: str, new_run: str) -> list[str]:
    lines = [
        f"Old: {old_run}",
        f"New: {new_run}",
        f"{len(diff.changed)} changed, {len(diff.appeared)} appeared, {len(diff.disappeared)} disappeared, {diff.unchanged} unchanged.",
    ]
    if diff.changed:
        lines += ["", "Changed:"] + [line for change in diff.changed for line in change_lines(change)]
    if diff.appeared:
        lines += ["", "Appeared:"] + [result_line(r) for r in diff.appeared]
    if diff.disappeared:
        lines += ["", "Disappeared:"] + [result_line(r) for r in diff.disappeared]
    return lines


def compare_runs(old_dir: Path, new_dir: Path) -> list[str]:
    """The lines `covenants diff` prints. Raises NotARunOutput naming the folder that is not a run's output."""
    old, new = load_results(old_dir), load_results(new_dir)
    return diff_lines(run_diff(old, new), describe_run(old_dir, old), describe_run(new_dir, new))
