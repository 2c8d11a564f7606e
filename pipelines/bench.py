"""`make bench`: time each stage of a quarter-end run and of `covenants check` on the sample and print a table.
Timings, not assertions.

The quarter end is timed both ways in the same run, so that their ratio holds on a noisy machine: its stages called
bare, one after another, and the `quarter_end` Dagster job that `covenants run` executes (on a scratch instance
configured as the project's: pipelines/instance.py), one run of each alternately; then the whole
`covenants run --period 2003Q4` command.

At scale (`make bench SCALE=N`, 800 unless told; `--quick` for the sample alone) the quarter end runs again over the
sample with every trial-balance account split into N sub-accounts (pipelines/sample/scaled.py; Parquet, or CSV with
`--format csv`), beside the bare DuckDB floor over the same files; each is a process of its own, so that its peak
memory can be read. The scaled quarter end is timed with `--fresh`, every file read and every model built but the
extracts' content fingerprints found by the files' sha256 (the bench writes the same bytes each time), and as a first
run over new files, with a cache folder emptied before each, as a newcomer's first run over files of their own. The
table is printed and added to docs/performance.md as a dated section; what is being measured is said on the standard
error as the bench goes.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import duckdb
from dagster import DagsterInstance

from pipelines.check.command import run_check
from pipelines.database import connect
from pipelines.extracts.contract import BY_NAME, CHART_OF_ACCOUNTS, EXTRACTS, TRIAL_BALANCES, Extract
from pipelines.extracts.ingest import extract_fingerprints, ingest_all, table_name
from pipelines.extracts.reading import literal, locate
from pipelines.file_hashes import SETTLE_NS
from pipelines.fiscal import FiscalQuarter
from pipelines.layout import CACHE_VARIABLE, ROOT, SAMPLE_EXTRACTS_DIR
from pipelines.models.sql_models import build_all
from pipelines.policy.evaluation import evaluate_all
from pipelines.policy.loading import PolicySet, load_policies
from pipelines.instance import prepare_home
from pipelines.outputs.basket_ledger import basket_ledger
from pipelines.outputs.deadlines import deadline_calendar
from pipelines.outputs.output_folder import staged
from pipelines.quarter_end import load_sources, prepare, publish, quarters_covered, run_manifest, select_quarters
from pipelines.run_job import run_quarter_end
from pipelines.sample.scaled import FORMATS, WRITTEN_AS, generate_scaled, typed_csv_scan

REPEATS = 3
CHECK_REPEATS = 5
TRANSACTIONS = ROOT / "sample" / "transactions"
# rows added to three small extracts: the run reads those again and leaves the trial balances as a run kept them
SCENARIO = ROOT / "sample" / "scenarios" / "issue-notes-1997-11.yaml"
# one proposal of each kind, on a date where its tests have figures (sample/transactions/*.yaml)
CHECKS = (
    ("incurrence, 4.10(a)", date(1997, 11, 14), TRANSACTIONS / "notes-1997-11.yaml"),
    ("restricted payment, 4.09(a)", date(1999, 10, 15), TRANSACTIONS / "dividend-1999-10.yaml"),
    ("restricted investment, 4.09(a)", date(1998, 6, 15), TRANSACTIONS / "investment-1998-06.yaml"),
    ("asset sale, 4.11", date(2000, 3, 15), TRANSACTIONS / "asset-sale-2000-03.yaml"),
)


def _say(stage: str) -> None:
    """What the bench measures next, on the standard error: a bench at ×800 takes about ten minutes, and the table is
    printed at the end."""
    print(f"bench: {stage}", file=sys.stderr, flush=True)


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
    from pipelines.certificates.printing import start_print_workers, stop_print_workers
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
            rows.append((f"render {count} documents, {quarters[0]}, cold workers", _time(render_all, before=stop_print_workers)))
    return rows


def bare_quarter_end(out: Path, period: str) -> None:
    """The stages of one quarter's close called one after another, as the job's steps call them, without Dagster."""
    from pipelines.certificates.printing import start_print_workers
    from pipelines.certificates.registry import gather
    from pipelines.extracts.ingest import extract_fingerprints

    start_print_workers()  # as `covenants run` does before its job
    with staged(out, {}) as staging:
        policies = load_policies()
        con = connect(staging / "covenants.duckdb")
        prepare(con, SAMPLE_EXTRACTS_DIR, policies)
        quarters = select_quarters(quarters_covered(con), period)
        until = quarters[-1].end
        results = [r for r in evaluate_all(con, policies) if r.test_date <= until]
        ledger = [row for row in basket_ledger(con) if row["entry_date"] <= until]
        facts = (deadline_calendar(con, until), quarters, policies, SAMPLE_EXTRACTS_DIR, staging, until, gather(con, quarters), extract_fingerprints(con))
        con.close()
        publish(results, ledger, *facts, {"period": period, "as_of": None})


def _quarter_end_rows(scratch: Path) -> list[tuple[str, list[float]]]:
    """Each run starts its own print workers, as a command does: those a render gives back for the process's next
    are stopped before it."""
    from pipelines.certificates.printing import stop_print_workers

    instance = DagsterInstance.from_config(str(prepare_home(scratch / "dagster_home")))
    # fresh, as the stages called bare: each run reads every extract and builds every model
    job = lambda period, out, fresh=True: run_quarter_end(SAMPLE_EXTRACTS_DIR, scratch / out, period, instance=instance, fresh=fresh)  # noqa: E731
    command = [sys.executable, "-m", "pipelines.cli", "run", "--extracts", str(SAMPLE_EXTRACTS_DIR), "--out", str(scratch / "cli"), "--period", "2003Q4", "--fresh"]
    env = {**os.environ, "DAGSTER_HOME": str(scratch / "dagster_home")}
    # bare and job alternately, so that a load that rises or falls during the bench weighs on both alike
    bare, through_job = [], []
    for _ in range(REPEATS):
        bare += _time(lambda: bare_quarter_end(scratch / "bare", "2003Q4"), 1, before=stop_print_workers)
        through_job += _time(lambda: job("2003Q4", "job"), 1, before=stop_print_workers)
    return [
        ("quarter end 2003Q4, stages called bare", bare),
        ("quarter end 2003Q4, the quarter_end job", through_job),
        ("covenants run --period 2003Q4 (whole command)", _time(lambda: subprocess.run(command, check=True, capture_output=True, env=env))),
        ("the same, files a run prepared before", _time(lambda: subprocess.run(command[:-1], check=True, capture_output=True, env=env))),
        ("the quarter_end job, files a run prepared before", _time(lambda: job("2003Q4", "job", fresh=False), before=stop_print_workers)),
        ("quarter end, every quarter, the quarter_end job", _time(lambda: job(None, "all"), before=stop_print_workers)),
    ]


# ---------------------------------------------------------------------------------------------- at scale, in processes
SCALE = 800  # 21.7 million trial-balance rows, the size the targets are set at: 9 to 11 minutes in all (make bench, 7 and 8 December)
PERFORMANCE_DOC = ROOT / "docs" / "performance.md"
# The floor a run is compared with: one DuckDB pass over the same files, the trial balances joined to the chart and
# summed per entity, month and line item, fetched whole. Run as a process of its own, timed from inside it (its
# interpreter and DuckDB import excluded), so that its peak memory is its own; without DuckDB's progress bar, which it
# draws on the output for a statement longer than two seconds (the pass over ×2400's 65 million rows).
FLOOR = """
import sys, time, duckdb
trial_balances, chart = sys.argv[1:3]
con = duckdb.connect()
con.execute("set enable_progress_bar = false")
started = time.perf_counter()
con.sql(f\"\"\"
    select tb.entity_id, tb.period_end, c.line_item, sum(tb.balance)
    from {trial_balances} as tb join {chart} as c using (account_id)
    group by all
\"\"\").fetchall()
print(time.perf_counter() - started)
"""


def scan(folder: Path, extract: Extract) -> str:
    """SQL reading an extract of the folder as the floor reads it: a Parquet file as it is, a CSV file with the
    contract's types (as a run reads it, never guessed)."""
    path = locate(folder, extract)
    return f"read_parquet({literal(str(path))})" if path.suffix == ".parquet" else typed_csv_scan(path, extract)


def floor_command(folder: Path) -> list[str]:
    return [sys.executable, "-c", FLOOR, scan(folder, TRIAL_BALANCES), scan(folder, CHART_OF_ACCOUNTS)]


def floor_seconds(printed: str) -> float:
    """The floor's time, the last line it printed: a progress bar DuckDB draws before it is no part of it."""
    return float(printed.splitlines()[-1])


# The parent of a measured command: its wall time and peak memory on a first line, then what the command printed.
MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
seconds = time.perf_counter() - started
print(seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.stdout.write(done.stdout.decode())
sys.exit(done.returncode)
"""


@dataclass
class Row:
    """One line of the table: a stage's wall times, its peak resident memory where it ran as a process of its own,
    and what to say beside it (a ratio, a throughput)."""

    name: str
    seconds: list[float]
    peaks_mb: list[float] = field(default_factory=list)
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def against_floor(sample_run: Row, scaled_run: Row, floor: Row) -> str:
    """The scaled run's time and memory against the floor's, and its time beyond the sample's run against the floor:
    the part that grows with the rows, apart from what every run costs (start-up, Dagster, the documents). A scaled
    run no slower than the sample's (×100 often is not: its rows cost less than the machine's noise) says so."""
    extra = scaled_run.median - sample_run.median
    beyond = f"beyond the sample's run, {extra / floor.median:.0f} times the floor" if extra > 0 else "no slower than the sample's run"
    return f"{scaled_run.median / floor.median:.0f} times the floor; {max(scaled_run.peaks_mb) / max(floor.peaks_mb):.1f} times its memory; {beyond}"


def _process(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Run a command; its wall time, its peak resident memory in MB and its standard output. A small Python process
    starts it and reads getrusage(RUSAGE_CHILDREN): a child forked from this bench would count the bench's own memory,
    copied by the fork, as its peak."""
    done = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, env=env, text=True)
    if done.returncode != 0:
        raise subprocess.CalledProcessError(done.returncode, command, done.stdout, done.stderr)
    measured, _, output = done.stdout.partition("\n")
    seconds, peak_kb = measured.split()
    return float(seconds), int(peak_kb) / 1024, output  # ru_maxrss is in KB on Linux


def _processes(name: str, command: list[str], env=None, before=lambda: None) -> Row:
    row = Row(name, [])
    for _ in range(REPEATS):
        before()
        seconds, peak, _ = _process(command, env)
        row.seconds.append(seconds)
        row.peaks_mb.append(peak)
    return row


def _validation_row(label: str, extracts: Path) -> Row:
    """Ingest and validate every extract (`ingest_all`) in a process of its own, timed from inside it."""
    row = Row(f"ingest + validate, {label}", [])
    rows = 0
    for _ in range(REPEATS):
        _, peak, printed = _process([sys.executable, "-m", "pipelines.bench", "--validate", str(extracts)])
        seconds, rows = printed.split()
        row.seconds.append(float(seconds))
        row.peaks_mb.append(peak)
    row.note = f"{int(rows):,} rows, {int(rows) / row.median:,.0f} rows/s"
    return row


def validate_in_process(extracts: Path) -> None:
    """`--validate DIR`: print the seconds `ingest_all` takes and the rows it loaded, on a database bounded as a run's is
    (pipelines/database.py): DuckDB unbounded took 5.0 GB for ×2400's extracts, where a run of them peaks at 2.3 GB."""
    con = connect()
    started = time.perf_counter()
    issues = ingest_all(con, extracts)
    seconds = time.perf_counter() - started
    assert not issues, issues[:3]
    rows = sum(con.table(table_name(e)).aggregate("count(*)").fetchall()[0][0] for e in EXTRACTS)
    print(seconds, rows)


def _run_command(extracts: Path, out: Path, period: str, fresh: bool = False) -> list[str]:
    """`covenants run` as a command; `fresh`: every extract read and every model built, as a run over files no run has
    prepared before (pipelines/prepared_runs.py), which the timed runs must be."""
    command = [sys.executable, "-m", "pipelines.cli", "run", "--extracts", str(extracts), "--out", str(out), "--period", period, "--quiet"]
    return [*command, "--fresh"] if fresh else command


def _scale_rows(scratch: Path, scale: int, file_format: str) -> list[Row]:
    """The quarter end over the sample and over `scale` times its trial-balance rows written as `file_format`, as whole
    commands, beside the bare DuckDB floor over the same files, each with its peak memory; and the throughput of
    validation."""
    env = {**os.environ, "DAGSTER_HOME": str(prepare_home(scratch / "dagster_home"))}
    size = f"x{scale}" if file_format == "parquet" else f"x{scale} {file_format.upper()}"
    scaled = scratch / f"x{scale}"
    _say(f"writing the {size} sample")
    started = time.perf_counter()
    counts = generate_scaled(scaled, scale, file_format)
    generated = Row(f"generate the {size} sample", [time.perf_counter() - started], note=f"{counts['trial_balances']:,} trial-balance rows; one run")
    _say(f"the quarter end as whole commands, the sample and {size} ({counts['trial_balances']:,} trial-balance rows), and the bare floor")
    sample_run = _processes("quarter end 2003Q4, sample (whole command)", _run_command(SAMPLE_EXTRACTS_DIR, scratch / "q1", "2003Q4", fresh=True), env=env)
    scaled_run = _processes(f"quarter end 2003Q4, {size} (whole command)", _run_command(scaled, scratch / "qn", "2003Q4", fresh=True), env=env)
    first_run = _first_runs(f"quarter end 2003Q4, {size}, first run over new files (whole command)", _run_command(scaled, scratch / "qf", "2003Q4"), env, scratch / "first_run_cache")
    # the fresh runs kept their databases: a run over the same files copies the last
    scaled_again = _processes(f"quarter end 2003Q4, {size}, files a run prepared before", _run_command(scaled, scratch / "qn", "2003Q4"), env=env)
    _say(f"a scenario's run over {size}, fresh and from the database the runs kept")
    scenario = ["--scenario", str(SCENARIO)]
    scenario_runs = [
        _processes(f"a scenario (notes issued, 4.10(a)), {size}, fresh", [*_run_command(scaled, scratch / "qs", "2003Q4", fresh=True), *scenario], env=env),
        _processes(f"a scenario (notes issued, 4.10(a)), {size}, files a run prepared before", [*_run_command(scaled, scratch / "qs", "2003Q4"), *scenario], env=env),
    ]
    floor = Row(f"bare DuckDB floor, {size}", [])
    for _ in range(REPEATS):
        _, peak, printed = _process(floor_command(scaled))
        floor.seconds.append(floor_seconds(printed))
        floor.peaks_mb.append(peak)
    scaled_run.note = against_floor(sample_run, scaled_run, floor)
    first_run.note = f"{first_run.median / floor.median:.0f} times the floor; {first_run.median - scaled_run.median:.1f} s more than the run above"
    _say(f"ingest and validate in a process of its own, the sample and {size}")
    validation = [_validation_row("sample", SAMPLE_EXTRACTS_DIR), _validation_row(size, scaled)]
    _say(f"the nightly run over {size}")
    return [generated, sample_run, scaled_run, first_run, scaled_again, *scenario_runs, floor, *validation, *_nightly_rows(scratch, scaled, size)]


def _first_runs(name: str, command: list[str], env: dict[str, str], cache: Path) -> Row:
    """The run a newcomer makes over files no run has read: each with an empty cache folder, so that every extract's
    content fingerprint is computed (the rows above find them by the files' sha256: pipelines/extracts/
    fingerprint_cache.py) and the run keeps its database, as a first run does."""

    def emptied() -> None:
        shutil.rmtree(cache, ignore_errors=True)
        cache.mkdir()

    return _processes(name, command, env={**env, CACHE_VARIABLE: str(cache)}, before=emptied)


MOVE_CENTS = """
copy (
    select * replace (cast(balance + case when entity_id = 'KACC' and period_end = date '2004-11-30' then
        case account_id when $cash then $moved when $receivables then -$moved else 0 end else 0 end as decimal(18, 2)) as balance)
    from {source}
) to {target} ({options})
"""


def _one_month_changed(extracts: Path, cents: int) -> None:
    """Move `cents` from KACC's receivables to its cash at the end of November 2004 (the month still balances): one
    month of one entity changed, as a late adjustment would. The trial balances' file, CSV or Parquet, is rewritten
    by DuckDB in its order, the cents moved between the first sub-account of each (in the sample, the accounts
    themselves), and replaces the file as an export would."""
    path = locate(extracts, TRIAL_BALANCES)
    source = scan(extracts, TRIAL_BALANCES)
    first = f"select min(account_id) from {source} where split_part(account_id, '-', 1) = $account"
    partial = path.with_name(f".{path.name}")
    with duckdb.connect() as con:
        con.execute("set threads = 1")  # the rows in the file's order, as scaled.py writes them
        con.execute("set enable_progress_bar = false")  # drawn over the bench's own lines past two seconds (×800)
        cash, receivables = (con.execute(first, {"account": a}).fetchall()[0][0] for a in ("1000", "1100"))
        moved = Decimal(cents) / 100
        command = MOVE_CENTS.format(source=source, target=literal(str(partial)), options=WRITTEN_AS[path.suffix[1:]])
        con.execute(command, {"cash": cash, "receivables": receivables, "moved": moved})
    os.replace(partial, path)


RAISE_A_PAYMENT = """
copy (
    select * replace (case when transaction_id = $payment then cast(amount + $cents / 100 as decimal(18, 2)) else amount end as amount)
    from {source}
) to {target} ({options})
"""


def _one_payment_changed(extracts: Path, cents: int) -> None:
    """The first quarterly dividend on the Preferred Stock (a restricted payment of March 1996) `cents` higher: one
    row of a small extract changed, as a payment corrected would be. Rewritten by DuckDB in the file's order, as
    _one_month_changed rewrites the trial balances."""
    payments = BY_NAME["restricted_payments"]
    path = locate(extracts, payments)
    partial = path.with_name(f".{path.name}")
    with duckdb.connect() as con:
        con.execute("set threads = 1")
        con.execute("set enable_progress_bar = false")
        command = RAISE_A_PAYMENT.format(source=scan(extracts, payments), target=literal(str(partial)), options=WRITTEN_AS[path.suffix[1:]])
        con.execute(command, {"payment": "RP-1996-03-PFD", "cents": cents})
    os.replace(partial, path)


def _nightly_rows(scratch: Path, extracts: Path = SAMPLE_EXTRACTS_DIR, size: str = "") -> list[Row]:
    """The nightly run (the quarter_end job for the latest quarter closed, 2004Q4 on the sample) as the schedule
    repeats it: into the same output folder, after a first run, when no extract changed (`--if-changed` then makes no
    run, as the schedule skips the night: pipelines/outputs/standing_run.py) and when one month of one entity
    changed; then only the trial balances are sorted and hashed for their content fingerprint, every other
    extract's being found by its file's sha256 (pipelines/extracts/fingerprint_cache.py). The runs have a cache folder
    of their own, as a nightly deployment has: the user's cache may hold the changed files' fingerprints from an
    earlier bench (each bench makes the same three changes), which would time a night that computes none. `size`: how
    the extracts are named in the rows (the sample: unnamed)."""
    folder = size.replace(" ", "_")
    env = {**os.environ, "DAGSTER_HOME": str(prepare_home(scratch / f"nightly_home{folder}")), CACHE_VARIABLE: str(scratch / f"nightly_cache{folder}")}
    copied = scratch / f"nightly_extracts{folder}"
    shutil.copytree(extracts, copied)
    time.sleep(SETTLE_NS / 1e9)  # files changed moments ago are fingerprinted afresh (pipelines/file_hashes.py)
    command = [*_run_command(copied, scratch / f"nightly_out{folder}", "2004Q4"), "--if-changed"]
    _process(command, env)
    named = f", {size}" if size else ""
    unchanged = _processes(f"nightly 2004Q4{named}, nothing changed", command, env=env)
    changes = itertools.count(1)  # a different change before each run
    changed = _processes(f"nightly 2004Q4{named}, one month of one entity changed", command, env=env,
                         before=lambda: _one_month_changed(copied, next(changes)))
    # the run before kept its database: only the payments are read again and only what reads them built
    payment = _processes(f"nightly 2004Q4{named}, one restricted payment changed", command, env=env,
                         before=lambda: _one_payment_changed(copied, next(changes)))
    return [unchanged, changed, payment]


def _print(rows: list[Row], heading: str) -> str:
    lines = [heading, "", "| stage | median s | min s | max s | peak MB | |", "|---|---:|---:|---:|---:|---|"]
    for row in rows:
        peak = f"{max(row.peaks_mb):,.0f}" if row.peaks_mb else ""
        lines.append(f"| {row.name} | {row.median:.3f} | {min(row.seconds):.3f} | {max(row.seconds):.3f} | {peak} | {row.note} |")
    table = "\n".join(lines)
    print(table)
    return table


def _record(table: str, title: str) -> None:
    """Add the table to docs/performance.md as a section of its own, after those of earlier runs."""
    text = PERFORMANCE_DOC.read_text().rstrip("\n")
    PERFORMANCE_DOC.write_text(f"{text}\n\n## {title}\n\n{table}\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m pipelines.bench", description=__doc__)
    parser.add_argument("--scale", type=int, default=SCALE, help="split each trial-balance account into N (default %(default)s)")
    parser.add_argument("--format", choices=FORMATS, default="parquet", help="how the scaled extracts are written (default %(default)s)")
    parser.add_argument("--quick", action="store_true", help="the sample alone: no scaled extracts")
    parser.add_argument("--validate", type=Path, help=argparse.SUPPRESS)  # the child process of a validation row
    args = parser.parse_args(argv)
    if args.validate:
        validate_in_process(args.validate)
        return
    load = os.getloadavg()[0]
    policies = load_policies()
    con = connect()
    _say(f"the sample's stages, {REPEATS} runs each: policies, extracts, models, evaluation")
    rows = [("load policies", _time(load_policies))]
    rows.append((f"ingest + validate {len(EXTRACTS)} extracts", _time(lambda: ingest_all(con, SAMPLE_EXTRACTS_DIR))))
    load_sources(con, policies)
    rows.append(("build SQL models", _time(lambda: build_all(con))))
    rows.append(("evaluate policies", _time(lambda: evaluate_all(con, policies))))
    with tempfile.TemporaryDirectory() as scratch:
        _say("the quarter end: its stages called bare and the job, alternately; the whole command; every quarter")
        rows += _quarter_end_rows(Path(scratch))
        _say("rendering the documents")
        rows += _render_rows(con, policies, Path(scratch) / "render")
        _say("covenants check, cold and warm")
        rows += _check_rows(Path(scratch))
        _say("the nightly run")
        table = [Row(name, samples) for name, samples in rows] + _nightly_rows(Path(scratch))
        if not args.quick:
            table += _scale_rows(Path(scratch), args.scale, args.format)
    medians = {row.name: row.median for row in table}
    ratio = medians["quarter end 2003Q4, the quarter_end job"] / medians["quarter end 2003Q4, stages called bare"]
    size = "the sample alone" if args.quick else f"the sample and x{args.scale}" + (" as CSV" if args.format == "csv" else "")
    heading = (f"{REPEATS} runs each, {CHECK_REPEATS} for a warm check; {size}; load average {load:.1f} at the start, "
               f"{os.getloadavg()[0]:.1f} at the end. The quarter_end job takes {ratio:.2f} times its stages called bare.")
    _record(_print(table, heading), f"make bench, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC ({size})")
    _say(f"the table is added to {PERFORMANCE_DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
