"""`covenants impact FILE`: every test date of the extracts replayed with and without one policy file (a waiver, a
waiver extension, a covenant's policy, a dated parameter or an amendment), and each result that changes.

An amendment's file stays; what goes is what it introduced, wherever it sits: its values and periods in the covenant and
parameter files, its waivers, and the new text of the clauses it changed (pipelines.policy.rules_as_of.without_amendment,
the agreements as they stood the day before it was signed, for that amendment only).

A waiver's extensions go with it (an extension of a waiver that is not there means nothing). Covenants and waivers
change only the evaluation, so both sides read one prepared database (the check's cache); a parameter feeds the SQL
models, so the side without it is prepared afresh.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pipelines.check.prepared import ATTACHED, open_prepared
from pipelines.check.reprepared import database_for
from pipelines.layout import CACHE_DIR, POLICIES_DIR, policy_files
from pipelines.policy.evaluation import evaluate_all
from pipelines.policy.loading import FOLDERS, PolicyError, PolicySet, load_policies, read_yaml
from pipelines.policy.result import Result
from pipelines.policy.rules_as_of import without_amendment
from pipelines.outputs.text_table import text_table
from pipelines.typography import actual_and_threshold

FIELDS = ("status", "actual", "threshold", "headroom", "waiver_id")


@dataclass(frozen=True)
class Change:
    clause_id: str
    test_date: date
    transaction_id: str | None
    before: Result | None  # with the file; None: not tested with it
    after: Result | None  # without it


@dataclass(frozen=True)
class Impact:
    file: Path
    kind: str
    removed: tuple[Path, ...]  # the file and what goes with it
    results: int  # results with the file
    changes: tuple[Change, ...]


def kind_of(path: Path, root: Path = POLICIES_DIR) -> str:
    """The policy folder the file sits in (covenants, waivers, waiver-extensions, parameters); PolicyError otherwise."""
    try:
        parts = path.resolve().relative_to(root.resolve()).parts
    except ValueError:
        raise PolicyError(f"{path}: not a file of the policies folder {root}") from None
    if len(parts) < 3 or parts[1] not in FOLDERS or not path.is_file():
        raise PolicyError(f"{path}: not a covenant, waiver, waiver extension, parameter or amendment file of {root}")
    return parts[1]


def going_with(path: Path, kind: str) -> frozenset[Path]:
    """The file and, for a waiver, the extensions that extend it."""
    removed = {path.resolve()}
    if kind == "waivers":
        waiver_id = read_yaml(path).get("waiver_id")
        removed |= {p.resolve() for p in policy_files() if p.parent.name == "waiver-extensions" and read_yaml(p).get("extends") == waiver_id}
    return frozenset(removed)


def _key(result: Result) -> tuple:
    return result.clause_id, result.test_date, result.test_kind, result.transaction_id or ""


def changes(with_file: list[Result], without_file: list[Result]) -> tuple[Change, ...]:
    before, after = {_key(r): r for r in with_file}, {_key(r): r for r in without_file}
    found = []
    for key in sorted(before.keys() | after.keys()):
        one, other = before.get(key), after.get(key)
        if one is None or other is None or any(getattr(one, f) != getattr(other, f) for f in FIELDS):
            found.append(Change(key[0], key[1], key[3] or None, one, other))
    return tuple(found)


def _without(file: Path, kind: str, removed: frozenset[Path]) -> PolicySet:
    if kind != "amendments":
        return load_policies(without=removed)
    return without_amendment(load_policies(), read_yaml(file).get("amendment_id"))


def impact(extracts_dir: Path, file: Path, cache_dir: Path = CACHE_DIR) -> Impact:
    """Raises PolicyError (a file that is not a policy file, or a policy set that does not load without it),
    ExtractMissing or BadExtracts."""
    kind = kind_of(file)
    removed = going_with(file, kind)
    without = _without(file, kind, removed)
    prepared = open_prepared(extracts_dir, cache_dir)
    try:
        prepared.con.execute(f"use {ATTACHED}")
        with_file = evaluate_all(prepared.con, prepared.policies)
        # the parameters feed the SQL models: without one of their values, the side without is prepared afresh
        with database_for(extracts_dir, prepared.con, prepared.policies, without) as con:
            without_file = evaluate_all(con, without)
    finally:
        prepared.con.close()
    return Impact(file, kind, tuple(sorted(removed)), len(with_file), changes(with_file, without_file))


def _shown(result: Result | None) -> tuple[str, str, str]:
    """Status, figure and threshold as the run's summary writes them."""
    if result is None:
        return "not tested", "-", "-"
    return (result.status, *actual_and_threshold(result.actual, result.threshold))


def _near(path: Path) -> Path:
    """The path as a person in the current folder would type it."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def report(found: Impact) -> str:
    """What a person reads: the file, what went with it, and each result that changes, with and without it."""
    others = [p for p in found.removed if p != found.file.resolve()]
    lines = [f"Impact of {found.file} ({found.kind.rstrip('s').replace('-', ' ')}): every test date of the extracts replayed with and without it."]
    if found.kind == "amendments":
        lines.append("Without it: what it introduced (values, periods, waivers, the new text of the clauses it changed) is left out.")
    if others:
        lines.append("Without it also: " + ", ".join(str(_near(p)) for p in others) + " (extensions of the waiver).")
    count = len(found.changes)
    lines.append(f"{count} of {found.results} results change." if count else f"No result changes ({found.results} results).")
    rows = []
    for change in found.changes:
        (status, figure, threshold), (status_without, figure_without, threshold_without) = _shown(change.before), _shown(change.after)
        waiver = change.before.waiver_id if change.before is not None and change.before.waiver_id else ""
        rows.append([change.test_date.isoformat(), change.clause_id, change.transaction_id or "", status, status_without,
                     figure, figure_without, threshold, threshold_without, waiver])
    if rows:
        header = ["test date", "clause", "transaction", "with", "without", "figure with", "figure without", "threshold with",
                  "threshold without", "waiver applied with it"]
        lines += ["", text_table(header, rows)]
    return "\n".join(lines)
