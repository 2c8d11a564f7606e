"""The quarter close: covenant results, the deadline calendar and the documents, partitioned by fiscal quarter.

`quarter_close` is one step (a multi_asset) for the run's quarter, or range of quarters:

- `covenant_results`: every policy evaluated once (pipelines.policy.evaluation.evaluate_all) on the SQL marts, as of
  the determination date (`as_of` in the run's config; by default each period's certificate date), with one check per
  covenant file: that clause's worst status in the run's quarters. A clause with no test in those quarters yields no
  check result, so the UI shows it as skipped rather than passed.
- `deadline_calendar`: every dated obligation still live in the run's quarters, with its status as of their last end.
- `certificates`: results (JSON, CSV, the workbook), the basket ledger, deadlines (also as iCalendar), the manifest,
  report.html and every document a kind of the registry (pipelines/certificates/registry.py) issues for the run's
  quarters (pipelines.quarter_end.publish); then the run's staging folder is published in place of its output folder.
  Its metadata holds the run's summary: the verdict first, as `covenants run` prints it.
"""

import re
import time
from collections import Counter
from datetime import date

from dagster import (
    AssetCheckResult,
    AssetCheckSeverity,
    AssetCheckSpec,
    AssetExecutionContext,
    AssetKey,
    AssetSpec,
    Config,
    MaterializeResult,
    MetadataValue,
    TableColumn,
    TableRecord,
    TableSchema,
    multi_asset,
)
from pydantic import Field

from pipelines import progress
from pipelines.assets.extracts import EXTRACT_SET_KEY
from pipelines.assets.models import MODELS
from pipelines.assets.partitions import QUARTERS, fiscal_quarters
from pipelines.assets.policies import POLICY_PARAMETERS_KEY
from pipelines.assets.resources import CERTIFICATES_KEY, SUMMARY_TEXT, CovenantFolders
from pipelines.certificates.registry import document_kinds, gather
from pipelines.extracts.ingest import extract_fingerprints
from pipelines.fiscal import FiscalQuarter
from pipelines.outputs.basket_ledger import basket_ledger
from pipelines.outputs.deadlines import DEADLINE_SUFFIX, deadline_calendar, for_period
from pipelines.outputs.results_files import record
from pipelines.outputs.run_diff import NotARunOutput, compare_runs
from pipelines.outputs.run_summary import outside_lines, summary
from pipelines.outputs.text_table import text_table
from pipelines.policy.evaluation import evaluate_all
from pipelines.policy.loading import PolicySet, load_policies
from pipelines.policy.result import STATUSES, Result
from pipelines.quarter_end import in_quarters, publish, quarters_covered, select_quarters

GROUP = "covenants"
STAGE = "documents"
COVENANT_RESULTS_KEY = AssetKey("covenant_results")
DEADLINE_CALENDAR_KEY = AssetKey("deadline_calendar")
# The status a clause shows for the run's quarters: the worst of its results there.
SEVERITY_ORDER = ("fail", "indeterminate", "waived", "pass", "not_applicable")
NEEDS_ATTENTION = ("fail", "indeterminate")
TABLE_COLUMNS = ("test_date", "clause_id", "test_kind", "transaction_id", "status", "actual", "operator", "threshold", "headroom", "waiver_id")
DEADLINE_MARTS = sorted(m.name for m in MODELS if m.name.endswith(DEADLINE_SUFFIX))


class QuarterClose(Config):
    as_of: str | None = Field(
        default=None,
        description="Determination date for every result, YYYY-MM-DD; by default each period's certificate date.",
    )


def clause_status(results: list[Result]) -> str:
    """The worst status among a clause's results; `not_tested` when it has none."""
    statuses = {r.status for r in results}
    return next((s for s in SEVERITY_ORDER if s in statuses), "not_tested")


def check_name(clause_id: str) -> str:
    """A check name Dagster accepts (letters, digits, underscores) that still reads as the clause id."""
    return re.sub(r"[^A-Za-z0-9]+", "_", clause_id).strip("_")


def run_quarters(partition_keys: list[str], covered: list[FiscalQuarter]) -> list[FiscalQuarter]:
    """The quarters a run closes: its one partition, which the extracts must cover, or those of its range they cover."""
    if len(partition_keys) == 1:
        return select_quarters(covered, partition_keys[0])
    wanted = [q for q in (FiscalQuarter.parse(k) for k in partition_keys) if q in covered]
    if not wanted:
        span = f"{covered[0]} to {covered[-1]}" if covered else "no quarter"
        raise ValueError(f"none of {partition_keys[0]} to {partition_keys[-1]} is covered by the extracts, which cover {span}")
    return wanted


def run_period(partition_keys: list[str]) -> str | None:
    """The run's period as `covenants run --period` gives it: one quarter, a range, or None for every quarter."""
    if len(partition_keys) == 1:
        return partition_keys[0]
    if partition_keys == [str(q) for q in QUARTERS]:
        return None
    return f"{partition_keys[0]}-{partition_keys[-1]}"


def _results_table(results: list[Result]) -> MetadataValue:
    schema = TableSchema(columns=[TableColumn(name=c, type="string") for c in TABLE_COLUMNS])
    rows = []
    for result in results:
        plain = record(result)
        rows.append(TableRecord({c: None if plain[c] is None else str(plain[c]) for c in TABLE_COLUMNS}))
    return MetadataValue.table(records=rows, schema=schema)


def _clause_checks(policies: PolicySet, results: list[Result], span: str, selected) -> list[AssetCheckResult]:
    checks = []
    for covenant in sorted(policies.covenants, key=lambda c: c.clause_id):
        mine = [r for r in results if r.clause_id == covenant.clause_id]
        name = check_name(covenant.clause_id)
        if not mine or name not in selected:
            continue
        status = clause_status(mine)
        attention = [r for r in mine if r.status in NEEDS_ATTENTION]
        counts = Counter(r.status for r in mine)
        checks.append(
            AssetCheckResult(
                asset_key=COVENANT_RESULTS_KEY,
                check_name=name,
                passed=not attention,
                severity=AssetCheckSeverity.WARN,
                description=f"{covenant.clause_id} in {span}: {status}" + (f" ({len(attention)} test(s) need attention)" if attention else ""),
                metadata={"status": status, **{s: counts.get(s, 0) for s in STATUSES}, "results_table": _results_table(mine)},
            )
        )
    return checks


def figures_to_plot(policies: PolicySet, results: list[Result]) -> dict[str, MetadataValue]:
    """For each maintenance test of the quarter, its tightest result's tested figure and headroom as numbers, which the
    UI plots quarter by quarter. Money is given in whole cents (an int, exact; an amount with a fraction of a cent is
    left out rather than rounded); a ratio and a headroom percentage are not money and are given as floats."""
    forms = {c.clause_id: c.figure.form for c in policies.covenants}
    plotted: dict[str, MetadataValue] = {}
    tested = [r for r in results if r.test_kind == "maintenance" and r.headroom is not None and r.actual is not None]
    for clause_id in sorted({r.clause_id for r in tested}):
        tightest = min((r for r in tested if r.clause_id == clause_id), key=lambda r: (r.headroom_pct is None, r.headroom_pct, r.headroom))
        for what, value in (("figure", tightest.actual), ("headroom", tightest.headroom)):
            if forms.get(clause_id) != "amount":
                plotted[f"{clause_id} {what}"] = MetadataValue.float(float(value))  # a ratio, not money
            elif (value * 100) % 1 == 0:
                plotted[f"{clause_id} {what} (cents)"] = MetadataValue.int(int(value * 100))
        if tightest.headroom_pct is not None:
            plotted[f"{clause_id} headroom %"] = MetadataValue.float(float(tightest.headroom_pct))
    return plotted


def _preformatted(text: str) -> MetadataValue:
    """Text in columns, shown by the UI as it is printed (a plain text value would lose its line breaks)."""
    return MetadataValue.md(f"```\n{text}\n```")


def _changes(folders: CovenantFolders) -> str:
    """What changed since the run that last wrote the output folder (pipelines/outputs/run_diff.py)."""
    try:
        return "\n".join(compare_runs(folders.out, folders.staging))
    except NotARunOutput:
        return "No earlier run in this folder to compare with."


def _marts(policies: PolicySet) -> list[str]:
    return sorted({c.figure.mart for c in policies.covenants})


POLICIES = load_policies()
SPECS = [
    AssetSpec(
        key=COVENANT_RESULTS_KEY,
        group_name=GROUP,
        deps=[AssetKey(m) for m in _marts(POLICIES)] + [POLICY_PARAMETERS_KEY, EXTRACT_SET_KEY],
        description=(
            "Every covenant of policies/ evaluated on the figures of the SQL marts, one result per clause and test date "
            "in the run's fiscal quarters: status, actual, threshold, headroom, citations, waiver and explanation. "
            "Clauses: " + ", ".join(sorted(c.clause_id for c in POLICIES.covenants)) + "."
        ),
        kinds={"python", "duckdb"},
        metadata={"clause_ids": MetadataValue.json(sorted(c.clause_id for c in POLICIES.covenants))},
    ),
    AssetSpec(
        key=DEADLINE_CALENDAR_KEY,
        group_name=GROUP,
        deps=[AssetKey(m) for m in DEADLINE_MARTS] + [POLICY_PARAMETERS_KEY],
        description=(
            "The deadline calendar: every dated obligation of the marts " + ", ".join(DEADLINE_MARTS) + " with its due "
            "date after the Business Day convention (indenture-1996/def/BusinessDay) and its status (met, missed, due, "
            "upcoming, lapsed, indeterminate) as of the last quarter end of the run; those settled before the run's first "
            "quarter are left to earlier runs, and the summary counts them."
        ),
        kinds={"python", "duckdb"},
    ),
    AssetSpec(
        key=CERTIFICATES_KEY,
        group_name=GROUP,
        deps=[COVENANT_RESULTS_KEY, DEADLINE_CALENDAR_KEY],
        description=(
            "The run's outputs, published whole into its output folder: results (JSON, CSV, covenants.xlsx), basket "
            "ledger, deadlines (also as iCalendar), manifest.json, report.html and every document the run's quarters "
            "issue, in HTML and PDF: "
            + " ".join(f"{kind.clause_id} {kind.title}: when {kind.trigger}." for kind in document_kinds())
        ),
        kinds={"html", "pdf"},
    ),
]
CHECK_SPECS = [
    AssetCheckSpec(
        check_name(c.clause_id),
        asset=COVENANT_RESULTS_KEY,
        blocking=False,
        description=(
            f"{c.clause_id}: {c.title}. Passes when none of the clause's tests in the run's quarters failed or is "
            "indeterminate (a waived failure passes); warns otherwise; skipped when the clause has no test there."
        ),
        metadata={"clause_id": c.clause_id, "instrument": c.instrument, "figure": c.figure.name},
    )
    for c in sorted(POLICIES.covenants, key=lambda c: c.clause_id)
]


@multi_asset(name="quarter_close", specs=SPECS, check_specs=CHECK_SPECS, partitions_def=fiscal_quarters, can_subset=True)
def quarter_close(context: AssetExecutionContext, config: QuarterClose, folders: CovenantFolders):
    as_of = date.fromisoformat(config.as_of) if config.as_of else None
    period = run_period(list(context.partition_keys))
    policies = folders.policies()
    with folders.connect() as con:
        covered = quarters_covered(con)
        quarters = run_quarters(list(context.partition_keys), covered)
        until = as_of or quarters[-1].end
        evaluated = evaluate_all(con, policies, as_of)
        determined = [r for r in evaluated if r.test_date <= quarters[-1].end]
        ledger = [row for row in basket_ledger(con) if row["entry_date"] <= until]
        deadlines, settled = for_period(deadline_calendar(con, until), quarters[0].start)
        gathered = gather(con, quarters)
        fingerprints = extract_fingerprints(con)
    folders.close_database()
    results = in_quarters(determined, quarters)
    earlier = [r for r in determined if r.test_date < quarters[0].start]
    outside = outside_lines(quarters, earlier, [r for r in evaluated if r.test_date > quarters[-1].end], covered[-1], settled)
    span = str(quarters[0]) if len(quarters) == 1 else f"{quarters[0]} to {quarters[-1]}"
    progress.finished("results", f"{len(results):,} results determined for {span}")
    started = time.perf_counter()
    options = {"period": period, "as_of": as_of.isoformat() if as_of else None}
    if folders.scenario is not None:
        options["scenario"] = folders.scenario.scenario.record
    manifest, written = publish(determined, ledger, deadlines, quarters, policies, folders.extracts, folders.staging, until, gathered, fingerprints, options)
    if folders.scenario is not None:
        compared, scenario_text = folders.scenario.compare(folders.extracts, as_of, quarters, results, folders.staging, text_table)
        written += compared
    progress.finished(STAGE, f"{len(written)} files written in {time.perf_counter() - started:.1f} s")
    changes = _changes(folders)
    folders.publish()
    files = [folders.out / p.relative_to(folders.staging) for p in written]
    counts = Counter(r.status for r in results)
    printed = summary(manifest["run_id"], quarters, results, files, text_table, outside)
    if folders.scenario is not None:
        printed = f"{scenario_text}\n\n{printed}"
    materializations = {
        COVENANT_RESULTS_KEY: {
            **{status: counts.get(status, 0) for status in STATUSES},
            "results_count": len(results),
            "quarters": span,
            "results_table": _results_table(results),
            # a range's materialization stands for each of its quarters alike: figures are plotted per quarter only
            **(figures_to_plot(policies, results) if len(quarters) == 1 else {}),
        },
        DEADLINE_CALENDAR_KEY: {"as_of": str(until), "deadlines": len(deadlines)},
        CERTIFICATES_KEY: {
            "summary": _preformatted(printed),
            SUMMARY_TEXT: MetadataValue.text(printed),  # as printed, for `covenants run` (pipelines/run_job.py)
            "changes_since_previous_run": _preformatted(changes),
            "run_id": manifest["run_id"],
            "folder": MetadataValue.path(str(folders.out)),
            "files": MetadataValue.json([str(p) for p in files]),
        },
    }
    for key, metadata in materializations.items():
        if key in context.selected_asset_keys:
            yield MaterializeResult(asset_key=key, metadata=metadata)
    yield from _clause_checks(policies, results, span, {k.name for k in context.selected_asset_check_keys})


assets = [quarter_close]
