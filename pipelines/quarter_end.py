"""The stages of a quarter-end run as plain functions, which the Dagster assets call (pipelines/assets/; the
`quarter_end` job is the one orchestration of a run, from the command line as from the UI) and `covenants check`,
`explain` and `deadlines` reuse.

extracts → DuckDB (typed, validated, quarantined) → SQL defined terms → policy evaluation → results, manifest and
certificates, written into the run's staging folder (pipelines/assets/resources.py).
"""

from __future__ import annotations

from contextlib import suppress
from datetime import date
from pathlib import Path

import duckdb
import polars as pl
import pyarrow as pa

from pipelines import prepared_runs
from pipelines.calendar import business_days
from pipelines.calendar.business_days import load_business_days
from pipelines.extracts.contract import EXTRACTS
from pipelines.extracts.ingest import BadExtracts, ingest_all
from pipelines.extracts.reading import Issue, locate
from pipelines.fiscal import FiscalQuarter, quarters_between
from pipelines.models.sql_macros import load_macros
from pipelines.models.sql_models import build_each, discover
from pipelines.outputs.basket_ledger import write_basket_ledger
from pipelines.outputs.deadlines import Deadline, write_deadlines
from pipelines.outputs.manifest import build_manifest, write_manifest
from pipelines.outputs.output_folder import marked_folder
from pipelines.outputs.results_files import write_results
from pipelines.outputs.spreadsheet_safety import write_csv
from pipelines.policy.loading import PolicySet
from pipelines.policy.result import Result


def load_parameters(con: duckdb.DuckDBPyConnection, policies: PolicySet) -> None:
    """Replace `policy_parameters` with the dated parameters of the policy files: the SQL models read nothing else."""
    con.execute("drop table if exists policy_parameters")
    con.from_arrow(parameters_table(policies)).create("policy_parameters")


PARAMETERS_SCHEMA = {"instrument": pl.String, "name": pl.String, "effective_from": pl.Date, "value": pl.String, "unit": pl.String, "source": pl.String}


def parameters_table(policies: PolicySet) -> pa.Table:
    """The dated parameters as the `policy_parameters` table the SQL models read."""
    rows = [(p.instrument, p.name, v.effective_from, str(v.value), p.unit, v.source) for p in policies.parameters for v in p.values]
    instrument, name, effective_from, value, unit, source = zip(*rows) if rows else ((),) * 6
    # Polars, not pyarrow's own constructors: pa.array imports pandas (0.2 s) to ask whether it was given a pandas object
    columns = {"instrument": instrument, "name": name, "effective_from": effective_from, "value": value, "unit": unit, "source": source}
    # the value is the policy file's decimal text, exact; the SQL macro parameter() returns it for the caller to cast
    return pl.DataFrame(columns, schema=PARAMETERS_SCHEMA).to_arrow()


def load_sources(con: duckdb.DuckDBPyConnection, policies: PolicySet) -> None:
    """The tables the SQL models read besides the extracts: the policies' dated parameters and the Business Days; then
    the SQL macros, which DuckDB binds to those tables when it creates them."""
    load_parameters(con, policies)
    load_business_days(con)
    load_macros(con)


def prepare(con: duckdb.DuckDBPyConnection, extracts_dir: Path, policies: PolicySet, taken: prepared_runs.Taken | None = None) -> None:
    """Ingest and validate every extract, then build every defined term. Raises BadExtracts on any bad row.

    `taken`: `con` holds the database a run kept after reading most of these files (pipelines/prepared_runs.py): only
    the extracts whose files differ are read again, and only the defined terms that read them, or the parameters when
    they changed, are built again."""
    if taken is None or taken.changed:
        issues = ingest_all(con, extracts_dir, EXTRACTS if taken is None else taken.changed)
        if issues:
            raise BadExtracts(issues)
    load_sources(con, policies)
    models = discover()
    for _ in build_each(con, models if taken is None else prepared_runs.to_build(con, models, taken)):
        pass


def quarters_covered(con: duckdb.DuckDBPyConnection) -> list[FiscalQuarter]:
    first, last = con.table("raw_trial_balances").aggregate("min(period_end), max(period_end)").fetchall()[0]
    return [q for q in quarters_between(first, last) if q.end <= last]


def select_quarters(covered: list[FiscalQuarter], period: str | None) -> list[FiscalQuarter]:
    if period is None:
        return covered
    wanted = FiscalQuarter.parse(period)
    if wanted not in covered:
        span = f"{covered[0]} to {covered[-1]}" if covered else "no quarter"
        raise ValueError(f"period {period} is not covered by the extracts, which cover {span}")
    return [wanted]


def in_quarters(results: list[Result], quarters: list[FiscalQuarter]) -> list[Result]:
    return [r for r in results if any(q.start <= r.test_date <= q.end for q in quarters)]


def write_quarantine(issues: list[Issue], folder: Path) -> Path:
    """Every refused cell; its values come from the extracts, so the file goes through the spreadsheet-safe writer."""
    rows = ([issue.file, issue.row, issue.column, issue.value, issue.reason, issue.check] for issue in issues)
    return write_csv(marked_folder(folder) / "quarantine.csv", ["file", "row", "column", "value", "reason", "check"], rows)


def input_files(extracts_dir: Path) -> list[Path]:
    return [locate(extracts_dir, extract) for extract in EXTRACTS]


def run_manifest(
    policies: PolicySet,
    extracts_dir: Path,
    fingerprints: dict[str, str],
    as_of: date,
    quarters: list[FiscalQuarter],
    options: dict | None = None,
) -> dict:
    files = [*policies.files, business_days.CLOSURES_FILE]  # read when called, as load_closures reads it
    return build_manifest(input_files(extracts_dir), fingerprints, files, as_of, [str(q) for q in quarters], options)


def publish(
    results: list[Result],
    ledger: list[dict],
    deadlines: list[Deadline],
    quarters: list[FiscalQuarter],
    policies: PolicySet,
    extracts_dir: Path,
    staging: Path,
    as_of: date,
    gathered: dict[str, list[dict]],
    fingerprints: dict[str, str],
    options: dict | None = None,
) -> tuple[dict, list[Path]]:
    """Write results, the basket ledger, the deadline calendar (also as iCalendar), the workbook, manifest and
    documents into the staging folder.

    `results` are every result determined up to `as_of`: results.json keeps those of `quarters`, and each document kind
    (pipelines/certificates/registry.py) those of its own period, so a fiscal year's statement closed by a one-quarter
    run states the whole year. `gathered` holds the rows the kinds read before the run's database closed. `options`
    are the `covenants run` choices the manifest records (build_manifest). `fingerprints` are the extracts'
    content fingerprints (ingest.extract_fingerprints, read likewise), which the documents cite.
    """
    # imported here: Jinja, the PDF renderer, openpyxl and icalendar are a large part of the start-up time of
    # `covenants check`, which needs prepare() but never a certificate or a workbook
    from pipelines.certificates.registry import RunFacts, start_render
    from pipelines.outputs.deadlines_ics import write_deadlines_ics
    from pipelines.outputs.report import write_report
    from pipelines.outputs.workbook import write_workbook
    from pipelines.scenario.marking import banner

    manifest = run_manifest(policies, extracts_dir, fingerprints, as_of, quarters, options)
    in_run = in_quarters(results, quarters)
    # the documents first: the print workers print their PDFs while this process writes the other files
    printing = start_render(RunFacts(quarters=quarters, results=results, manifest=manifest, gathered=gathered), staging)
    try:
        written = write_results(in_run, staging) + write_basket_ledger(ledger, staging) + write_deadlines(deadlines, staging)
        written.append(write_workbook(in_run, ledger, deadlines, policies, staging, as_of, banner(manifest)))
        written.append(write_deadlines_ics(deadlines, staging, as_of))
        written.append(write_manifest(manifest, staging, extracts_dir))
        written += write_report(in_run, quarters, policies, manifest, staging)
    except BaseException:
        with suppress(Exception):  # what stopped the run is the error to report; no worker is left printing
            printing.wait()
        raise
    return manifest, written + printing.wait()
