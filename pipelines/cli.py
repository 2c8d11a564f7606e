"""`covenants`: the command line for what a person does by hand.

  covenants run --extracts DIR --out DIR [--period 2003Q4] [--as-of YYYY-MM-DD] [--rules-as-of YYYY-MM-DD] [--scenario FILE] [--quiet]
                 [--if-changed]
  covenants deadlines --extracts DIR [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--as-of YYYY-MM-DD]
  covenants check --extracts DIR --date YYYY-MM-DD --transaction FILE [--out DIR] [--cache DIR]
  covenants verify FILE [--extracts DIR]
  covenants diff OLD_OUT NEW_OUT
  covenants explain CLAUSE --date YYYY-MM-DD [--transaction ID] [--extracts DIR] [--as-of YYYY-MM-DD] [--rules-as-of YYYY-MM-DD]
                    [--cache DIR] [--all-accounts]
  covenants ui [--host 127.0.0.1] [--port 3000]

`diff` prints every result whose status, figure, threshold or inputs changed between two runs' output folders, and
those that appeared or disappeared; its exit code is 0 whatever changed, 2 when a folder is not a run's output.

Exit codes (docs/reliability.md): 0 the run or check completed (whatever the covenant results or the answer); 2 an
input was refused (an extract, the transaction file, a date, an output folder the product may not replace); 3 a policy
file is invalid; 4 the machine refused (an output folder that cannot be written, a full disk, another run writing the
same folder); 70 (sysexits' EX_SOFTWARE) a defect of the product, in one line (COVENANTS_DEBUG=1 shows the traceback).
Whenever the code is not 0, nothing was issued and earlier outputs are untouched.
verify: 0 confirmed (the re-run gives the same bytes), 1 refuted (what differs is listed), 2 not verifiable (FILE is
not a certificate or manifest of this product, or an input it names is missing: named), 3 a policy file is invalid.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import importlib.abc
import os
import sys
from collections import Counter
from contextlib import nullcontext
from datetime import date
from pathlib import Path

# Each command imports what it uses when it runs: `check` must start fast, and the quarter-end run's modules (outputs,
# certificates, WeasyPrint) are no part of it.
from pipelines.explain.sources import ACCOUNTS_SHOWN
from pipelines.extracts.reading import ExtractMissing
from pipelines.layout import CACHE_DIR, CACHE_VARIABLE, SAMPLE_EXTRACTS_DIR
from pipelines.policy.loading import PolicyError
from pipelines.outputs.text_table import text_table
from pipelines.typography import long_date

CACHE_HELP = f"folder of prepared databases, shared by check, explain and impact (default {CACHE_DIR}; ${CACHE_VARIABLE} sets another)"
RULES_AS_OF_HELP = "evaluate under the agreements as they stood on this day: what was signed later is left out (default: as they are)"
EXIT_DEFECT = 70  # sysexits.h EX_SOFTWARE: an internal error, kept apart from verify's 1
EXIT_REFUTED = 1  # verify: the re-run differs
EXIT_BAD_INPUT = 2
EXIT_BAD_POLICY = 3
EXIT_MACHINE = 4


def _run(args: argparse.Namespace) -> int:
    if args.scenario and args.rules_as_of:
        # a scenario's baseline is evaluated under the policies as they are: its comparison would mix two versions
        print("covenants: --scenario and --rules-as-of cannot be given together yet; no result or certificate was issued.", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.if_changed and (standing := _standing_run(args)) is not None:
        print(standing.sentence())
        return 0
    from pipelines.extracts.ingest import BadExtracts
    from pipelines.outputs.output_folder import OutputRefused
    from pipelines.run_job import run_quarter_end

    from pipelines.progress_display import ProgressDisplay
    from pipelines.scenario.definition import ScenarioError

    scenario = Path(args.scenario) if args.scenario else None
    try:
        with nullcontext() if args.quiet else ProgressDisplay():
            outcome = run_quarter_end(
                Path(args.extracts), Path(args.out), period=args.period, as_of=args.as_of, scenario=scenario, rules_as_of=args.rules_as_of,
                fresh=args.fresh,
            )
    except ScenarioError as refused:
        print(f"covenants: {refused}; no result or certificate was issued.", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BadExtracts as bad:
        print(f"covenants: the extracts in {args.extracts} were refused; no result or certificate was issued.", file=sys.stderr)
        print(bad.summary(), file=sys.stderr)
        quarantine = getattr(bad, "quarantine_file", None)
        if quarantine:
            print(f"Every refused row is listed in {quarantine}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ExtractMissing as missing:
        print(f"covenants: {missing}; no result or certificate was issued.", file=sys.stderr)
        return EXIT_BAD_INPUT
    except PolicyError as error:
        print(f"covenants: invalid policy: {error}", file=sys.stderr)
        return EXIT_BAD_POLICY
    except (ValueError, OutputRefused) as error:
        print(f"covenants: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(outcome.summary)
    if not args.quiet:
        print(f"\nDagster run {outcome.dagster_run_id} (`covenants ui` lists it with its materializations and checks)")
    return 0


def _standing_run(args: argparse.Namespace):
    from pipelines.outputs.standing_run import run_options, standing_run

    if args.scenario:
        return None  # a scenario is always run: its file and what it names are no part of the comparison
    try:
        options = run_options(args.period, args.as_of, args.rules_as_of)
    except ValueError:
        return None  # the run refuses the period itself, with its reasons
    return standing_run(Path(args.out), Path(args.extracts), options)


def _deadlines(args: argparse.Namespace) -> int:
    from pipelines.database import connect
    from pipelines.extracts.ingest import BadExtracts
    from pipelines.outputs.deadlines import between, deadline_calendar
    from pipelines.policy.loading import load_policies
    from pipelines.quarter_end import prepare, quarters_covered

    con = connect()
    try:
        prepare(con, Path(args.extracts), load_policies())
        as_of = args.as_of or quarters_covered(con)[-1].end
        deadlines = between(deadline_calendar(con, as_of), args.first, args.last)
    except (BadExtracts, ExtractMissing, PolicyError) as error:
        problem = error.summary() if isinstance(error, BadExtracts) else str(error)
        print(f"covenants: no deadline calendar from {args.extracts}: {problem}", file=sys.stderr)
        return EXIT_BAD_POLICY if isinstance(error, PolicyError) else EXIT_BAD_INPUT
    finally:
        con.close()
    rows = [[str(d.adjusted_due_date or "-"), d.status, d.clause_id, d.reference_id or "", d.statement, d.obligation] for d in deadlines]
    counts = Counter(d.status for d in deadlines)
    print(f"Deadline calendar as of {long_date(as_of)}: " + ", ".join(f"{counts.get(s, 0)} {s}" for s in ("missed", "due", "upcoming", "met", "lapsed", "indeterminate")))
    print()
    print(text_table(["due", "status", "clause", "reference", "statement", "obligation"], rows))
    return 0


def _check(args: argparse.Namespace) -> int:
    from pipelines.check.command import run_check, summary as check_summary, write_check
    from pipelines.check.covered_dates import DateNotCovered
    from pipelines.check.transaction import BadTransaction
    from pipelines.extracts.ingest import BadExtracts
    from pipelines.outputs.output_folder import OutputRefused, refuse_foreign, refuse_location

    reads = {"the extracts folder": Path(args.extracts), "the cache folder": Path(args.cache)}
    try:
        if args.out:  # refused before the check, not after its answer was printed
            refuse_location(Path(args.out).resolve(), reads)
            refuse_foreign(Path(args.out).resolve())
        outcome = run_check(Path(args.extracts), args.date, Path(args.transaction), Path(args.cache))
    except OutputRefused as refused:
        print(f"covenants: {refused}; nothing was checked.", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BadTransaction as bad:
        print(f"covenants: the transaction file {args.transaction} was refused:", file=sys.stderr)
        print("\n".join(f"  {problem}" for problem in bad.problems), file=sys.stderr)
        return EXIT_BAD_INPUT
    except DateNotCovered as uncovered:
        print(f"covenants: {uncovered}; nothing was checked.", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BadExtracts as bad:
        print(f"covenants: the extracts in {args.extracts} were refused; nothing was checked.", file=sys.stderr)
        print(bad.summary(), file=sys.stderr)
        return EXIT_BAD_INPUT
    except (ExtractMissing, OSError) as missing:
        print(f"covenants: {missing}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except PolicyError as error:
        print(f"covenants: invalid policy: {error}", file=sys.stderr)
        return EXIT_BAD_POLICY
    print(check_summary(outcome, text_table))
    if args.out:
        print("", "Wrote:", *(f"  {path}" for path in write_check(outcome, Path(args.out), reads)), sep="\n")
    return 0


def _verify(args: argparse.Namespace) -> int:
    from pipelines.extracts.ingest import BadExtracts
    from pipelines.verification import NotVerifiable, verify

    extracts = Path(args.extracts) if args.extracts else None
    try:
        verdict = verify(Path(args.file), extracts)
    except NotVerifiable as error:
        print(f"covenants: {args.file} cannot be verified: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BadExtracts as bad:
        print(f"covenants: {args.file} cannot be verified: the extracts were refused.", file=sys.stderr)
        print(bad.summary(), file=sys.stderr)
        return EXIT_BAD_INPUT
    except PolicyError as error:
        print(f"covenants: {args.file} cannot be verified: invalid policy: {error}", file=sys.stderr)
        return EXIT_BAD_POLICY
    if verdict.confirmed:
        print(f"Confirmed: the re-run gives the same bytes for {', '.join(verdict.checked)}.")
    else:
        print(f"Refuted: {args.file} is not what its inputs, policies and code give today. What differs:")
        print("\n".join(f"  {line}" for line in verdict.differences))
    print("".join(f"Note: {note}.\n" for note in verdict.notes), end="")
    return 0 if verdict.confirmed else EXIT_REFUTED


def _diff(args: argparse.Namespace) -> int:
    from pipelines.outputs.run_diff import NotARunOutput, compare_runs

    try:
        lines = compare_runs(Path(args.old), Path(args.new))
    except NotARunOutput as error:
        print(f"covenants: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print("\n".join(lines))
    return 0


def _on_prepared_extracts(args: argparse.Namespace, compute, nothing: str) -> int:
    """Print what `compute` returns from the extracts' prepared database, or why it was refused, in one line."""
    from pipelines.explain.derivation import NotFound
    from pipelines.extracts.ingest import BadExtracts

    try:
        text = compute()
    except (NotFound, ExtractMissing) as missing:
        print(f"covenants: {missing}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BadExtracts as bad:
        print(f"covenants: the extracts in {args.extracts} were refused; nothing was {nothing}.", file=sys.stderr)
        print(bad.summary(), file=sys.stderr)
        return EXIT_BAD_INPUT
    except PolicyError as error:
        print(f"covenants: invalid policy: {error}", file=sys.stderr)
        return EXIT_BAD_POLICY
    print(text)
    return 0


def _explain(args: argparse.Namespace) -> int:
    from pipelines.explain.command import explain

    return _on_prepared_extracts(
        args,
        lambda: explain(Path(args.extracts), args.clause, args.date, args.transaction, Path(args.cache), args.as_of, args.rules_as_of,
                        None if args.all_accounts else ACCOUNTS_SHOWN),
        "explained",
    )


def _impact(args: argparse.Namespace) -> int:
    from pipelines.impact.command import impact, report

    return _on_prepared_extracts(args, lambda: report(impact(Path(args.extracts), Path(args.file), Path(args.cache))), "replayed")


def _ui(args: argparse.Namespace) -> int:
    from pipelines.ui import serve

    return serve(host=args.host, port=args.port)


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1 to 65535)")
    return int(text)


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="covenants", description="Covenant compliance for the Kaiser debt instruments.")
    commands = main_parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="close quarters: results (JSON, CSV and a workbook), deadlines, manifest.json and certificates")
    run.add_argument("--extracts", required=True, help="folder of extract files (CSV, Parquet or XLSX)")
    run.add_argument("--out", required=True, help="output folder; replaced whole only when the run succeeds")
    run.add_argument("--period", help="one fiscal quarter, e.g. 2003Q4; default: every quarter the extracts cover")
    run.add_argument("--as-of", type=date.fromisoformat, help="determination date for every result (default: each period's certificate date)")
    run.add_argument("--rules-as-of", type=date.fromisoformat, help=RULES_AS_OF_HELP)
    run.add_argument("--quiet", action="store_true", help="print the summary only: no progress on stderr")
    run.add_argument(
        "--if-changed", action="store_true",
        help="make no run when the output folder's last run read the same extract files, policies and code with the same options (as the nightly schedule)",
    )  # fmt: skip
    run.add_argument(
        "--fresh", action="store_true",
        help="read every extract and build every model afresh, even when an earlier run prepared these very files (docs/performance.md)",
    )  # fmt: skip
    run.add_argument("--scenario", help="a scenario file: its results beside the baseline, every document marked not for delivery (docs/time-and-scenarios.md)")
    run.set_defaults(handler=_run)

    deadlines = commands.add_parser("deadlines", help="the deadline calendar: every dated obligation and its status")
    deadlines.add_argument("--extracts", required=True, help="folder of extract files (CSV, Parquet or XLSX)")
    deadlines.add_argument("--from", dest="first", type=date.fromisoformat, help="first due date to list")
    deadlines.add_argument("--to", dest="last", type=date.fromisoformat, help="last due date to list")
    deadlines.add_argument("--as-of", type=date.fromisoformat, help="date the statuses are given on (default: the last quarter end the extracts cover)")
    deadlines.set_defaults(handler=_deadlines)
    check = commands.add_parser("check", help="is a proposed transaction permitted on a date? (pro forma, on a cached prepared database)")
    check.add_argument("--extracts", required=True, help="folder of extract files (CSV, Parquet or XLSX)")
    check.add_argument("--date", required=True, type=date.fromisoformat, help="the Transaction Date, YYYY-MM-DD")
    check.add_argument("--transaction", required=True, help="the proposed transaction, YAML or JSON (docs/check.md)")
    check.add_argument("--out", help="folder for check.json and results.json/csv; default: print only")
    check.add_argument("--cache", default=str(CACHE_DIR), help=CACHE_HELP)
    check.set_defaults(handler=_check)

    verify = commands.add_parser("verify", help="re-run what a certificate or manifest.json names and compare it byte for byte")
    verify.add_argument("file", help="a certificate (.pdf or .html) or a run's manifest.json")
    verify.add_argument("--extracts", help="folder of the run's extracts (default: the one its manifest.json records)")
    verify.set_defaults(handler=_verify)

    diff = commands.add_parser("diff", help="what changed between two runs: results, figures, thresholds and inputs")
    diff.add_argument("old", metavar="OLD_OUT", help="output folder of the earlier run")
    diff.add_argument("new", metavar="NEW_OUT", help="output folder of the later run")
    diff.set_defaults(handler=_diff)

    explain = commands.add_parser("explain", help="how one result was reached: the clause, each defined term, the accounts and rows, the waivers weighed")
    explain.add_argument("clause", metavar="CLAUSE", help="the clause id, e.g. ppca-2002/9.2.4(b) or indenture-1996/4.10(a)")
    explain.add_argument("--date", required=True, type=date.fromisoformat, help="the test date, YYYY-MM-DD")
    explain.add_argument("--transaction", help="the transaction tested, when the clause has more than one result on the date")
    explain.add_argument("--extracts", default=str(SAMPLE_EXTRACTS_DIR), help="folder of extract files (default: the embedded sample)")
    explain.add_argument("--as-of", type=date.fromisoformat, help="determination date (default: the period's certificate date, as `run`)")
    explain.add_argument("--rules-as-of", type=date.fromisoformat, help=RULES_AS_OF_HELP)
    explain.add_argument("--cache", default=str(CACHE_DIR), help=CACHE_HELP)
    explain.add_argument("--all-accounts", action="store_true",
                         help=f"list every trial-balance account of each input with its rows (default: the first {ACCOUNTS_SHOWN} by id, the others counted and added up)")
    explain.set_defaults(handler=_explain)

    impact = commands.add_parser("impact", help="which results a policy file changes: every test date replayed with and without it")
    impact.add_argument("file", metavar="FILE", help="a waiver, waiver extension, covenant, parameter or amendment file under policies/")
    impact.add_argument("--extracts", default=str(SAMPLE_EXTRACTS_DIR), help="folder of extract files (default: the embedded sample)")
    impact.add_argument("--cache", default=str(CACHE_DIR), help=CACHE_HELP)
    impact.set_defaults(handler=_impact)

    ui = commands.add_parser("ui", help="start the Dagster UI")
    ui.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1, this machine only)")
    ui.add_argument("--port", type=_port, default=3000, help="port to listen on (default 3000)")
    ui.set_defaults(handler=_ui)
    return main_parser


class _HideUnusedImports(importlib.abc.MetaPathFinder):
    """hypothesis (installed for the tests) pandera imports for its data-synthesis strategies, which no command uses:
    0.14 s of the 1.5 s of CPU a warm `covenants check` took. With it not found, pandera loads as in an installation
    without it, which it supports. tests/check/test_prepared.py compares what the command writes with and without."""

    HIDDEN = ("hypothesis",)

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name.split(".")[0] in self.HIDDEN:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)


# `covenants run` or `check` in a process of its own: the garbage collector's first generation is collected after this
# many allocations (Python's default is 700). Importing Dagster and running the job make millions of objects that live
# as long as the process; with the default the collector ran some 850 times and took 0.55 s of a one-quarter run, with
# this 110 times and 0.2 s (at a load average of 1.7); a warm check, 165 times and 0.05 s against 113 and 0.03 s.
# Garbage in reference cycles waits a little longer to be collected.
RUN_GC_THRESHOLD = 50_000


def _end_process(code: int) -> None:
    """End `covenants run`'s or `check`'s process with `code` now that the command has closed what it wrote: the exit
    handlers run (logging, the print workers) and the output is flushed, but the interpreter's teardown, which
    collected the garbage of the whole heap several times over (0.6 s after a one-quarter run, 0.1 s after a check),
    is left to the operating system."""
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            code = code or 120  # what Python's own exit gives when the output could not be written
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    own_process = argv is None  # the `covenants` a person types: nothing else will run in this process
    if own_process and args.command in ("check", "run") and not any(m in sys.modules for m in _HideUnusedImports.HIDDEN):
        sys.meta_path.insert(0, _HideUnusedImports())
    if own_process and args.command in ("check", "run"):
        gc.set_threshold(RUN_GC_THRESHOLD, *gc.get_threshold()[1:])
    code = _command(args)
    if own_process and args.command in ("check", "run"):
        _end_process(code)
    return code


def _command(args: argparse.Namespace) -> int:
    from pipelines.outputs.output_folder import OutputBusy

    extracts = getattr(args, "extracts", None)
    if extracts is not None and not Path(extracts).is_dir():
        what = "is not a folder" if Path(extracts).exists() else "not found"
        print(f"covenants: extracts folder {extracts} {what}; nothing was issued.", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        return args.handler(args)
    except OutputBusy as busy:
        print(f"covenants: {busy}", file=sys.stderr)
        return EXIT_MACHINE
    except OSError as error:  # what the machine refused: a folder that cannot be written, a full disk
        where = f" ({error.filename})" if error.filename else ""
        print(f"covenants: the machine refused: {error.strerror or error}{where}; nothing was issued.", file=sys.stderr)
        return EXIT_MACHINE
    except KeyboardInterrupt:
        print("covenants: interrupted; nothing was issued.", file=sys.stderr)
        return 130
    except Exception as error:
        if os.environ.get("COVENANTS_DEBUG"):
            raise
        print(f"covenants: a defect of the product stopped the {args.command} ({type(error).__name__}: {error}); nothing was issued. "
              "COVENANTS_DEBUG=1 shows the traceback.", file=sys.stderr)
        return EXIT_DEFECT


if __name__ == "__main__":
    sys.exit(main())
