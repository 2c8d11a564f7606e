"""`make bench`: time each stage of a quarter-end run and of `covenants check` on the sample and print a table.
Timings, not assertions."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import duckdb

from pipelines.check.command import run_check
from pipelines.extracts.contract import EXTRACTS
from pipelines.extracts.ingest import extract_fingerprints, ingest_all
from pipelines.fiscal import FiscalQuarter
from pipelines.layout import ROOT, SAMPLE_EXTRACTS_DIR
from pipelines.models.sql_models import build_all
from pipelines.policy.evaluation import evaluate_all
from pipelines.policy.loading import PolicySet, load_policies
from pipelines.quarter_end import load_sources, quarter_end_run, quarters_covered, run_manifest

REPEATS = 3
CHECK_REPEATS = 5
TRANSACTIONS = ROOT / "sample" / "transactions"
# one proposal of each kind, on a date where its tests have figures (sample/transactions/*.yaml)
CHECKS = (
    ("incurrence, 4.10(a)", date(1997, 11, 14), TRANSACTIONS / "notes-1997-11.yaml"),
    ("restricted payment, 4.09(a)", date(1999, 10, 15), TRANSACTIONS / "dividend-1999-10.yaml"),
    ("restricted investment, 4.09(a)", date(1998, 6, 15), TRANSACTIONS / "investment-1998-06.yaml"),
    ("asset sale, 4.11", date(2000, 3, 15), TRANSACTIONS / "asset-sale-2000-03.yaml"),
)


def _time(action, repeats: int = REPEATS, before=lambda: None) -> list[float]:
    samples = []
    for _ in range(repeats):
        before()
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return samples


def _check_rows(scratch: Path) -> list[tuple[str, list[float]]]:
    """`covenants check` cold (no prepared database: ingest, validate, build, cache), warm (cached) in process for each
    kind of proposal, and as the command a person types (which also pays for starting Python and importing Polars,
    Pandera, pydantic and DuckDB)."""
    cache = scratch / "cache"
    empty = lambda: [p.unlink() for p in cache.glob("*")] if cache.exists() else None  # noqa: E731
    _, on, transaction = CHECKS[0]
    rows = [("check, cold (no cache)", _time(lambda: run_check(SAMPLE_EXTRACTS_DIR, on, transaction, cache), REPEATS, before=empty))]
    for kind, on, transaction in CHECKS:
        rows.append((f"check warm: {kind}", _time(lambda on=on, transaction=transaction: run_check(SAMPLE_EXTRACTS_DIR, on, transaction, cache), CHECK_REPEATS)))
    for kind, on, transaction in CHECKS[:2]:
        command = [
            sys.executable, "-m", "pipelines.cli", "check", "--extracts", str(SAMPLE_EXTRACTS_DIR), "--date", on.isoformat(),
            "--transaction", str(transaction), "--cache", str(cache),
        ]  # fmt: skip
        rows.append((f"check command, warm: {kind}", _time(lambda command=command: subprocess.run(command, check=True, capture_output=True), CHECK_REPEATS)))
    return rows


def _render_rows(con: duckdb.DuckDBPyConnection, policies: PolicySet, scratch: Path) -> list[tuple[str, list[float]]]:
    """The render stage alone, from results already evaluated: every document of one quarter (2003Q4: the FY2003
    annual statement and the two ppca-2002 certificates) and of every quarter, HTML and PDF, through the registry."""
    from pipelines.certificates.registry import RunFacts, document_kinds, gather, render  # imported here: only this stage renders

    results = evaluate_all(con, policies)
    covered = quarters_covered(con)
    rows = []
    for name, quarters in (("one quarter (2003Q4)", [FiscalQuarter.parse("2003Q4")]), ("every quarter", covered)):
        manifest = run_manifest(policies, SAMPLE_EXTRACTS_DIR, extract_fingerprints(con), quarters[-1].end, quarters)
        facts = RunFacts(quarters, [r for r in results if r.test_date <= quarters[-1].end], manifest, gather(con, quarters))
        count = sum(len(kind.documents(facts)) for kind in document_kinds())
        rows.append((f"render {count} documents, {name}", _time(lambda facts=facts, name=name: render(facts, scratch / name))))
    return rows


def main() -> None:
    policies = load_policies()
    con = duckdb.connect()
    rows = [("load policies", _time(load_policies))]
    rows.append((f"ingest + validate {len(EXTRACTS)} extracts", _time(lambda: ingest_all(con, SAMPLE_EXTRACTS_DIR))))
    load_sources(con, policies)
    rows.append(("build SQL models", _time(lambda: build_all(con))))
    rows.append(("evaluate policies", _time(lambda: evaluate_all(con, policies))))
    with tempfile.TemporaryDirectory() as scratch:
        rows.append(("covenants run, one quarter (2003Q4)", _time(lambda: quarter_end_run(SAMPLE_EXTRACTS_DIR, Path(scratch) / "q", period="2003Q4"))))
        rows.append(("covenants run, every quarter", _time(lambda: quarter_end_run(SAMPLE_EXTRACTS_DIR, Path(scratch) / "all"))))
        rows += _render_rows(con, policies, Path(scratch) / "render")
        rows += _check_rows(Path(scratch))
    print(f"{'stage':<50} {'median s':>9} {'min s':>9} {'max s':>9}   ({REPEATS} runs each, {CHECK_REPEATS} for a warm check; sample extracts)")
    for name, samples in rows:
        print(f"{name:<50} {statistics.median(samples):>9.3f} {min(samples):>9.3f} {max(samples):>9.3f}")


if __name__ == "__main__":
    main()
