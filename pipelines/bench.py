"""`make bench`: time each stage of a quarter-end run and of `covenants check` on the sample and print a table.
Timings, not assertions.

The quarter end is timed both ways in the same run, so that their ratio holds on a noisy machine: its stages called
bare, one after another, and the `quarter_end` Dagster job that `covenants run` executes (on a scratch instance
configured as the project's: pipelines/instance.py), one run of each alternately; then the whole
`covenants run --period 2003Q4` command.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import duckdb
from dagster import DagsterInstance

from pipelines.check.command import run_check
from pipelines.extracts.contract import EXTRACTS
from pipelines.extracts.ingest import extract_fingerprints, ingest_all
from pipelines.fiscal import FiscalQuarter
from pipelines.layout import ROOT, SAMPLE_EXTRACTS_DIR
from pipelines.models.sql_models import build_all
from pipelines.policy.evaluation import evaluate_all
from pipelines.policy.loading import PolicySet, load_policies
from pipelines.instance import prepare_home
from pipelines.outputs.basket_ledger import basket_ledger
from pipelines.outputs.deadlines import deadline_calendar
from pipelines.outputs.output_folder import staged
from pipelines.quarter_end import load_sources, prepare, publish, quarters_covered, run_manifest, select_quarters
from pipelines.run_job import run_quarter_end

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
    annual statement and the two ppca-2002 certificates) and of every quarter, HTML and PDF, through the registry.
    A run starts its print workers first thing and they are ready long before its render, so here they are started
    before the clock starts; the row marked "cold workers" leaves that to the render, as for a render no run prepared."""
    # imported here: only this stage renders
    from pipelines.certificates.printing import start_print_workers
    from pipelines.certificates.registry import RunFacts, document_kinds, gather, render

    results = evaluate_all(con, policies)
    covered = quarters_covered(con)
    rows = []
    workers_ready = lambda: start_print_workers().wait_ready()  # noqa: E731
    for name, quarters in (("one quarter (2003Q4)", [FiscalQuarter.parse("2003Q4")]), ("every quarter", covered)):
        manifest = run_manifest(policies, SAMPLE_EXTRACTS_DIR, extract_fingerprints(con), quarters[-1].end, quarters)
        facts = RunFacts(quarters, [r for r in results if r.test_date <= quarters[-1].end], manifest, gather(con, quarters))
        count = sum(len(kind.documents(facts)) for kind in document_kinds())
        render_all = lambda facts=facts, name=name: render(facts, scratch / name)  # noqa: E731
        rows.append((f"render {count} documents, {name}", _time(render_all, before=workers_ready)))
        if len(quarters) == 1:
            rows.append((f"render {count} documents, {quarters[0]}, cold workers", _time(render_all)))
    return rows


def bare_quarter_end(out: Path, period: str) -> None:
    """The stages of one quarter's close called one after another, as the job's steps call them, without Dagster."""
    from pipelines.certificates.printing import start_print_workers
    from pipelines.certificates.registry import gather
    from pipelines.extracts.ingest import extract_fingerprints

    start_print_workers()  # as `covenants run` does before its job
    with staged(out, {}) as staging:
        policies = load_policies()
        con = duckdb.connect(str(staging / "covenants.duckdb"))
        prepare(con, SAMPLE_EXTRACTS_DIR, policies)
        quarters = select_quarters(quarters_covered(con), period)
        until = quarters[-1].end
        results = [r for r in evaluate_all(con, policies) if r.test_date <= until]
        ledger = [row for row in basket_ledger(con) if row["entry_date"] <= until]
        facts = (deadline_calendar(con, until), quarters, policies, SAMPLE_EXTRACTS_DIR, staging, until, gather(con, quarters), extract_fingerprints(con))
        con.close()
        publish(results, ledger, *facts, {"period": period, "as_of": None})


def _quarter_end_rows(scratch: Path) -> list[tuple[str, list[float]]]:
    instance = DagsterInstance.from_config(str(prepare_home(scratch / "dagster_home")))
    job = lambda period, out: run_quarter_end(SAMPLE_EXTRACTS_DIR, scratch / out, period, instance=instance)  # noqa: E731
    command = [sys.executable, "-m", "pipelines.cli", "run", "--extracts", str(SAMPLE_EXTRACTS_DIR), "--out", str(scratch / "cli"), "--period", "2003Q4"]
    env = {**os.environ, "DAGSTER_HOME": str(scratch / "dagster_home")}
    # bare and job alternately, so that a load that rises or falls during the bench weighs on both alike
    bare, through_job = [], []
    for _ in range(REPEATS):
        bare += _time(lambda: bare_quarter_end(scratch / "bare", "2003Q4"), 1)
        through_job += _time(lambda: job("2003Q4", "job"), 1)
    return [
        ("quarter end 2003Q4, stages called bare", bare),
        ("quarter end 2003Q4, the quarter_end job", through_job),
        ("covenants run --period 2003Q4 (whole command)", _time(lambda: subprocess.run(command, check=True, capture_output=True, env=env))),
        ("quarter end, every quarter, the quarter_end job", _time(lambda: job(None, "all"))),
    ]


def main() -> None:
    policies = load_policies()
    con = duckdb.connect()
    rows = [("load policies", _time(load_policies))]
    rows.append((f"ingest + validate {len(EXTRACTS)} extracts", _time(lambda: ingest_all(con, SAMPLE_EXTRACTS_DIR))))
    load_sources(con, policies)
    rows.append(("build SQL models", _time(lambda: build_all(con))))
    rows.append(("evaluate policies", _time(lambda: evaluate_all(con, policies))))
    with tempfile.TemporaryDirectory() as scratch:
        rows += _quarter_end_rows(Path(scratch))
        rows += _render_rows(con, policies, Path(scratch) / "render")
        rows += _check_rows(Path(scratch))
    print(f"{'stage':<50} {'median s':>9} {'min s':>9} {'max s':>9}   ({REPEATS} runs each, {CHECK_REPEATS} for a warm check; sample extracts)")
    for name, samples in rows:
        print(f"{name:<50} {statistics.median(samples):>9.3f} {min(samples):>9.3f} {max(samples):>9.3f}")
    medians = {name: statistics.median(samples) for name, samples in rows}
    ratio = medians["quarter end 2003Q4, the quarter_end job"] / medians["quarter end 2003Q4, stages called bare"]
    print(f"the quarter_end job takes {ratio:.2f} times its stages called bare (target: at most 1.25)")


if __name__ == "__main__":
    main()
