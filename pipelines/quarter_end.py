"""The quarter-end run as plain functions: the command line calls them in order, the Dagster assets one by one.

extracts → DuckDB (typed, validated, quarantined) → SQL defined terms → policy evaluation → results, manifest and
certificates. Outputs are written to a staging folder and swapped into place only when everything succeeded, so an
earlier run's outputs are never half-overwritten.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pyarrow as pa

from pipelines.calendar.business_days import CLOSURES_FILE, load_business_days
from pipelines.extracts.contract import EXTRACTS
from pipelines.extracts.ingest import BadExtracts, ingest_all
from pipelines.extracts.reading import Issue, locate
from pipelines.fiscal import FiscalQuarter, quarters_between
from pipelines.models.sql_models import build_all
from pipelines.outputs.basket_ledger import basket_ledger, write_basket_ledger
from pipelines.outputs.deadlines import Deadline, deadline_calendar, write_deadlines
from pipelines.outputs.manifest import build_manifest, write_manifest
from pipelines.outputs.output_folder import marked_folder, staged
from pipelines.outputs.results_files import write_results
from pipelines.policy.evaluation import evaluate_all
from pipelines.policy.loading import PolicySet, load_policies
from pipelines.policy.result import Result


@dataclass(frozen=True)
class RunOutcome:
    out_dir: Path
    results: list[Result]
    manifest: dict
    written: list[Path]
    quarters: list[FiscalQuarter]


def load_parameters(con: duckdb.DuckDBPyConnection, policies: PolicySet) -> None:
    """Replace `policy_parameters` with the dated parameters of the policy files: the SQL models read nothing else."""
    con.execute("drop table if exists policy_parameters")
    con.from_arrow(parameters_table(policies)).create("policy_parameters")


def parameters_table(policies: PolicySet) -> pa.Table:
    """The dated parameters as the `policy_parameters` table the SQL models read."""
    rows = [(p.instrument, p.name, v.effective_from, str(v.value), v.source) for p in policies.parameters for v in p.values]
    instrument, name, effective_from, value, source = zip(*rows) if rows else ((),) * 5
    return pa.table(
        {
            "instrument": pa.array(instrument, pa.string()),
            "name": pa.array(name, pa.string()),
            "effective_from": pa.array(effective_from, pa.date32()),
            "value": pa.array(value, pa.string()),
            "source": pa.array(source, pa.string()),
        }
    )


def load_sources(con: duckdb.DuckDBPyConnection, policies: PolicySet) -> None:
    """The tables the SQL models read besides the extracts: the policies' dated parameters and the Business Days."""
    load_parameters(con, policies)
    load_business_days(con)


def prepare(con: duckdb.DuckDBPyConnection, extracts_dir: Path, policies: PolicySet) -> None:
    """Ingest and validate every extract, then build every defined term. Raises BadExtracts on any bad row."""
    issues = ingest_all(con, extracts_dir)
    if issues:
        raise BadExtracts(issues)
    load_sources(con, policies)
    build_all(con)


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
    path = marked_folder(folder) / "quarantine.csv"
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "row", "column", "value", "reason", "check"])
        for issue in issues:
            writer.writerow([issue.file, issue.row, issue.column, issue.value, issue.reason, issue.check])
    return path


def input_files(extracts_dir: Path) -> list[Path]:
    return [locate(extracts_dir, extract) for extract in EXTRACTS]


def run_manifest(policies: PolicySet, extracts_dir: Path, as_of: date, quarters: list[FiscalQuarter]) -> dict:
    return build_manifest(input_files(extracts_dir), [*policies.files, CLOSURES_FILE], as_of, [str(q) for q in quarters])


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
) -> tuple[dict, list[Path]]:
    """Write results, the basket ledger, the deadline calendar, manifest and documents into the staging folder.

    `results` are every result determined up to `as_of`: results.json keeps those of `quarters`, and each document kind
    (pipelines/certificates/registry.py) those of its own period, so a fiscal year's statement closed by a one-quarter
    run states the whole year. `gathered` holds the rows the kinds read before the run's database closed.
    """
    # imported here: Jinja and the PDF renderer are a large part of the start-up time of `covenants check`, which needs
    # prepare() but never a certificate
    from pipelines.certificates.registry import RunFacts, render

    manifest = run_manifest(policies, extracts_dir, as_of, quarters)
    written = write_results(in_quarters(results, quarters), staging) + write_basket_ledger(ledger, staging) + write_deadlines(deadlines, staging)
    written.append(write_manifest(manifest, staging))
    written += render(RunFacts(quarters=quarters, results=results, manifest=manifest, gathered=gathered), staging)
    return manifest, written


def quarter_end_run(extracts_dir: Path, out_dir: Path, period: str | None = None, as_of: date | None = None) -> RunOutcome:
    from pipelines.certificates.registry import gather  # imported here for the reason publish() gives

    out_dir = out_dir.resolve()
    with staged(out_dir, {"the extracts folder": extracts_dir}) as staging:
        policies = load_policies()
        con = duckdb.connect(str(staging / "covenants.duckdb"))
        try:
            prepare(con, extracts_dir, policies)
            quarters = select_quarters(quarters_covered(con), period)
            until = as_of or quarters[-1].end
            determined = [r for r in evaluate_all(con, policies, as_of) if r.test_date <= quarters[-1].end]
            ledger = [row for row in basket_ledger(con) if row["entry_date"] <= until]
            deadlines = deadline_calendar(con, until)
            gathered = gather(con, quarters)
        except BadExtracts as bad:
            bad.quarantine_file = write_quarantine(bad.issues, out_dir.with_name(f"{out_dir.name}-quarantine"))
            raise
        finally:
            con.close()
        manifest, written = publish(determined, ledger, deadlines, quarters, policies, extracts_dir, staging, until, gathered)
    return RunOutcome(
        out_dir=out_dir,
        results=in_quarters(determined, quarters),
        manifest=manifest,
        written=[out_dir / p.relative_to(staging) for p in written],
        quarters=quarters,
    )
