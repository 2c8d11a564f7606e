"""`make mutate`: change one value or comparison at a time, in a copy of the project, and see whether a test notices.

The working files are never touched: the project's code, policies, SQL, templates, tests and sample are copied into a
temporary folder (one per job), each mutant is written there, the tests that can see it run in a forked process
started in that copy (so `pipelines`, `policies/` and `sql/` are the copy's), and the file is restored. What is
mutated is in mutants.py, which tests run in selection.py.

Prints one row per mutant (id, file, line, change, killed/survived/untested), the survivors and the score; exits 1
when a mutant of MUST_KILL survives, unless it is equivalent: listed in equivalent.yaml with the reason no test can
see it, or a value's effective date moved into a period without threshold (which governs its days whatever value).

    python tests/mutation/mutate.py [--quick] [--jobs N] [--sql-sample N] [--only GLOB] [--baseline] [--report FILE]
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import duckdb  # imported once here so each forked test run does not import it again
import pydantic  # noqa: F401
import pytest
import yaml

from mutants import Mutant, all_mutants
from selection import CASES_MODULE, Selector

ROOT = Path(__file__).resolve().parents[2]
COPIED = ("pipelines", "policies", "sql", "templates", "tests", "sample", "pyproject.toml")
# a threshold, a table row, a cap, an effective date, a waiver's date, term or scope, and the engine's comparisons: a
# change to any of them that no test sees is a defect of the tests
MUST_KILL = ("policies/*/covenants/*.yaml", "policies/*/waivers/*.yaml", "policies/*/waiver-extensions/*.yaml", "pipelines/policy/evaluation.py")
EQUIVALENT = Path(__file__).with_name("equivalent.yaml")
SQL_SAMPLE = 80  # SQL mutants drawn at random (the same each run: DRAW) from the few thousand sql/ holds
QUICK_SAMPLE = 24
DRAW = 15  # fixes the random draws, so two runs compare
TIMEOUT_SECONDS = 300
PYTEST_ARGS = ("-x", "-q", "-p", "no:cacheprovider", "-p", "no:randomly")


def chosen(mutants: list[Mutant], quick: bool, sql_sample: int, only: list[str] | None) -> list[Mutant]:
    if only:
        mutants = [m for m in mutants if any(fnmatch.fnmatch(m.path, pattern) for pattern in only)]
    sql = [m for m in mutants if m.path.startswith("sql/")]
    picked = [m for m in mutants if not m.path.startswith("sql/")] + sorted(
        random.Random(DRAW).sample(sql, min(sql_sample, len(sql))), key=lambda m: (m.path, m.line, m.change)
    )
    if quick:
        picked = sorted(random.Random(DRAW).sample(picked, min(QUICK_SAMPLE, len(picked))), key=lambda m: (m.path, m.line, m.change))
    return picked


def must_kill(mutant: Mutant) -> bool:
    return any(fnmatch.fnmatch(mutant.path, pattern) for pattern in MUST_KILL)


def equivalents() -> dict[tuple[str, str, str], str]:
    """(file, line as written, change) -> why no test can tell the mutant from the original."""
    listed = yaml.safe_load(EQUIVALENT.read_text()) or [] if EQUIVALENT.exists() else []
    return {(e["file"], e["line"].strip(), e["change"]): e["reason"] for e in listed}


def into_period_without_threshold(mutant: Mutant) -> str | None:
    """Why a value's effective date moved into a period without threshold changes nothing: the period governs its days
    whatever value is in force (docs/policies.md, rules through time); None for any other mutant."""
    key, _, moved = mutant.change.partition(" ")
    if key != "effective_from" or "/covenants/" not in mutant.path:
        return None
    day = date.fromisoformat(moved.split(" -> ")[1])
    periods = (yaml.safe_load((ROOT / mutant.path).read_text()) or {}).get("periods_without_threshold", [])
    inside = any(p["from_date"] <= day <= p["until_date"] for p in periods)
    return "the value takes effect on a day a period without threshold governs whatever value is in force" if inside else None


def copy_project(into: Path) -> Path:
    into.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", ".pytest_cache")
    for name in COPIED:
        source = ROOT / name
        (shutil.copytree(source, into / name, ignore=ignore) if source.is_dir() else shutil.copy2(source, into / name))
    return into


def case_node_ids(copy: Path) -> dict[str, list[str]]:
    collected = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-o", "addopts=", "-p", "no:cacheprovider", CASES_MODULE],
        cwd=copy, capture_output=True, text=True, check=True,
    ).stdout.splitlines()
    by_stem: dict[str, list[str]] = {}
    prefix = f"{CASES_MODULE}::test_case["
    for node in collected:
        if node.startswith(prefix):
            by_stem.setdefault(node[len(prefix):].split(": ", 1)[0], []).append(node)
    return by_stem


def run_tests(copy: Path, tests: tuple[str, ...], log: Path) -> int:
    """pytest's exit code for `tests` in a process forked from this one and started in `copy`; -1 on a timeout."""
    pid = os.fork()
    if pid == 0:
        try:
            os.chdir(copy)
            sys.path.insert(0, str(copy))
            sys.dont_write_bytecode = True
            output = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
            os.dup2(output, 1)
            os.dup2(output, 2)
            signal.alarm(TIMEOUT_SECONDS)
            code = int(pytest.main([*PYTEST_ARGS, *tests]))
        except BaseException:  # noqa: BLE001  the child must never return into the parent's loop
            code = 3
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else -1


def run_cases(tests: tuple[str, ...]) -> int:
    """The YAML cases of `tests` (node ids of test_yaml_cases.py) run by its own test function in a process forked
    from the job, which imported the copy's engine once (a covenant's mutant changes no code): 0 when every case
    gives what it expects (a case with a `finding` is to fail), 1 otherwise or when the policies do not load."""
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            from mart_rows import create_mart_tables
            from test_yaml_cases import CASES, test_case

            from pipelines.policy.loading import load_policies

            stems = {node.split("::test_case[", 1)[1].split(": ", 1)[0] for node in tests}
            policies = load_policies()
            code = 0 if all(_case_holds(stem, case, policies, create_mart_tables, test_case) for stem, case in CASES if stem in stems) else 1
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else -1


def _case_holds(stem, case, policies, create_mart_tables, test_case) -> bool:
    con = duckdb.connect()
    try:
        create_mart_tables(con, policies)
        test_case(stem, case, con, policies)
        passed = True
    except Exception:  # noqa: BLE001  an assertion, or an error the mutant causes: either way the case fails
        passed = False
    finally:
        con.close()
    return passed != ("finding" in case)


def verdict(code: int) -> str:
    # 1: a test failed; 2 and 3: the mutant broke collection or the session (the loader refused it); -1: timed out
    return {0: "survived", 5: "untested"}.get(code, "killed")


def run_mutant(mutant: Mutant, copy: Path, selector: Selector, log: Path) -> str:
    tests = selector.tests_for(mutant.path)
    if not tests:
        return "untested"
    target = copy / mutant.path
    original = target.read_text()
    for stale in (target.parent / "__pycache__").glob(f"{target.stem}.*.pyc"):
        stale.unlink()
    target.write_text(mutant.apply(original))
    cases_only = all(t.startswith(CASES_MODULE + "::") for t in tests)
    try:
        return verdict(run_cases(tests) if cases_only else run_tests(copy, tests, log))
    finally:
        target.write_text(original)


def worker(number: int, mutants: list[tuple[int, Mutant]], copy: Path, selector: Selector, results: Path, logs: Path | None) -> None:
    os.chdir(copy)
    sys.path[:0] = [str(copy / Path(CASES_MODULE).parent), str(copy)]
    with results.open("w") as out:
        for index, mutant in mutants:
            log = (logs / f"M{index:04d}.log") if logs else copy.parent / f"job{number}.log"
            started = time.monotonic()
            outcome = run_mutant(mutant, copy, selector, log)
            out.write(json.dumps({"index": index, "result": outcome, "seconds": round(time.monotonic() - started, 1)}) + "\n")
            out.flush()
            print(f"M{index:04d} {mutant.path}:{mutant.line} {mutant.change}: {outcome}", file=sys.stderr, flush=True)


def baseline(copy: Path, selector: Selector, mutants: list[Mutant]) -> None:
    tests = sorted({t for m in mutants for t in selector.tests_for(m.path) if "::" not in t} | {CASES_MODULE})
    code = run_tests(copy, tuple(tests), copy.parent / "baseline.log")
    if code != 0:
        sys.exit(f"the unmutated tests fail (exit {code}, {copy.parent / 'baseline.log'}): no mutant can be judged")


def _stop(children: list[int], signum: int) -> None:
    """On SIGTERM: stop the jobs (each test run ends by its own alarm) and leave, so the copies are deleted."""
    for pid in children:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    sys.exit(128 + signum)


def table(mutants: list[Mutant], results: dict[int, dict], known: dict) -> list[str]:
    rows = ["| mutant | file | line | change | result |", "|---|---|---|---|---|"]
    for index, mutant in enumerate(mutants, 1):
        outcome = results[index]["result"]
        if outcome != "killed" and ((mutant.path, mutant.before.strip(), mutant.change) in known or into_period_without_threshold(mutant)):
            outcome = "equivalent"
        rows.append(f"| M{index:04d} | {mutant.path} | {mutant.line} | {mutant.change.replace('|', '/')} | {outcome} |")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_SAMPLE} mutants drawn from the full run's")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--sql-sample", type=int, default=SQL_SAMPLE)
    parser.add_argument("--only", action="append", help="mutate only files matching this glob (repeatable), e.g. 'policies/ppca-2002/*'")
    parser.add_argument("--baseline", action="store_true", help="first run the chosen tests on the unmutated copy")
    parser.add_argument("--report", type=Path, help="also write the table to this file")
    parser.add_argument("--keep-logs", type=Path, help="keep each mutant's pytest output in this folder")
    options = parser.parse_args()

    mutants = chosen(all_mutants(ROOT), options.quick, options.sql_sample, options.only)
    known = equivalents()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="covenants-mutate-") as scratch:
        copies = [copy_project(Path(scratch) / f"job{j}" / "project") for j in range(options.jobs)]
        selector = Selector(copies[0], case_node_ids(copies[0]))
        if options.baseline:
            baseline(copies[0], selector, mutants)
        if options.keep_logs:
            options.keep_logs.mkdir(parents=True, exist_ok=True)
        numbered = list(enumerate(mutants, 1))
        children: list[int] = []
        signal.signal(signal.SIGTERM, lambda signum, _: _stop(children, signum))
        for j, copy in enumerate(copies):
            pid = os.fork()
            if pid == 0:
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                worker(j, numbered[j:: options.jobs], copy, Selector(copy, selector.case_node_ids), copy.parent / "results.jsonl", options.keep_logs)
                os._exit(0)
            children.append(pid)
        for pid in children:
            os.waitpid(pid, 0)
        results = {r["index"]: r for copy in copies for r in map(json.loads, (copy.parent / "results.jsonl").read_text().splitlines())}

    rows = table(mutants, results, known)
    print("\n".join(rows))
    outcomes = [row.rsplit("|", 2)[1].strip() for row in rows[2:]]
    killed = outcomes.count("killed")
    judged = len(outcomes) - outcomes.count("equivalent")
    print(f"\n{killed} of {judged} mutants killed ({100 * killed / max(judged, 1):.1f}%), {outcomes.count('survived')} survived,"
          f" {outcomes.count('untested')} untested (no test reads the file), {outcomes.count('equivalent')} equivalent;"
          f" {time.monotonic() - started:.0f} s")
    if options.report:
        options.report.write_text("\n".join(rows) + "\n")
    escaped = [(m, o) for m, o in zip(mutants, outcomes) if o in ("survived", "untested") and must_kill(m)]
    for mutant, outcome in escaped:
        print(f"must kill, {outcome}: {mutant.path}:{mutant.line} {mutant.change}", file=sys.stderr)
    return 1 if escaped else 0


if __name__ == "__main__":
    sys.exit(main())
