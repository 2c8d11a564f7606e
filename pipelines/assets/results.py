"""Covenant results and certificates, partitioned by fiscal quarter, with one check per covenant policy file.

- `covenant_results[<quarter>]`: every policy evaluated (pipelines.policy.evaluation.evaluate_all) and the results
  whose test date falls in the quarter, with their counts by status and the result records as metadata.
- one asset check per covenant file under policies/ (one factory over `load_policies().covenants`): that clause's
  status in the partition; non-blocking, severity WARN when a test of the quarter failed or is indeterminate.
- `certificates[<quarter>]`: the quarter's results, manifest and every document a kind of the registry
  (pipelines/certificates/registry.py) issues for the quarter (pipelines.quarter_end.publish), written to
  `<COVENANTS_OUT>/<quarter>/` and swapped into place only once complete; refused while a blocking check has not passed.
"""

import re
import warnings
from collections import Counter

import duckdb as duckdb_module
from dagster import (
    AssetCheckResult,
    AssetCheckSeverity,
    AssetChecksDefinition,
    AssetExecutionContext,
    AssetKey,
    Failure,
    MaterializeResult,
    MetadataValue,
    PreviewWarning,
    TableColumn,
    TableRecord,
    TableSchema,
    asset,
    asset_check,
)
from dagster_duckdb import DuckDBResource

from pipelines.assets.extracts import EXTRACT_SET_KEY, checks_not_passed
from pipelines.assets.partitions import fiscal_quarters
from pipelines.assets.policies import POLICY_PARAMETERS_KEY
from pipelines.assets.resources import CovenantFolders
from pipelines.certificates.registry import document_kinds, gather
from pipelines.fiscal import FiscalQuarter
from pipelines.outputs.basket_ledger import basket_ledger
from pipelines.outputs.deadlines import deadline_calendar
from pipelines.outputs.output_folder import staged
from pipelines.outputs.results_files import record
from pipelines.policy.evaluation import evaluate_all, evaluate_covenant
from pipelines.policy.loading import PolicySet, load_policies
from pipelines.policy.result import STATUSES, Result
from pipelines.policy.schema import Covenant
from pipelines.quarter_end import in_quarters, publish, quarters_covered

GROUP = "covenants"
COVENANT_RESULTS_KEY = AssetKey("covenant_results")
# The status a clause shows for a quarter: the worst of its results in the quarter.
SEVERITY_ORDER = ("fail", "indeterminate", "waived", "pass", "not_applicable")
NEEDS_ATTENTION = ("fail", "indeterminate")
TABLE_COLUMNS = ("test_date", "clause_id", "test_kind", "transaction_id", "status", "actual", "operator", "threshold", "headroom", "waiver_id")


def in_quarter(results: list[Result], quarter: FiscalQuarter) -> list[Result]:
    return [r for r in results if quarter.start <= r.test_date <= quarter.end]


def clause_status(results: list[Result]) -> str:
    """The worst status among a clause's results in a quarter; `not_tested` when it has none there."""
    statuses = {r.status for r in results}
    return next((s for s in SEVERITY_ORDER if s in statuses), "not_tested")


def check_name(clause_id: str) -> str:
    """A check name Dagster accepts (letters, digits, underscores) that still reads as the clause id."""
    return re.sub(r"[^A-Za-z0-9]+", "_", clause_id).strip("_")


def _results_table(results: list[Result]) -> MetadataValue:
    schema = TableSchema(columns=[TableColumn(name=c, type="string") for c in TABLE_COLUMNS])
    rows = []
    for result in results:
        plain = record(result)
        rows.append(TableRecord({c: None if plain[c] is None else str(plain[c]) for c in TABLE_COLUMNS}))
    return MetadataValue.table(records=rows, schema=schema)


def _figures_missing(error: duckdb_module.CatalogException) -> Failure:
    return Failure(
        description=(
            f"The figures the policies test are not in the database yet ({error}). Materialize the extracts, "
            "policy_parameters and the SQL models first (the nightly_refresh job does)."
        )
    )


def _marts(policies: PolicySet) -> list[str]:
    return sorted({c.figure.mart for c in policies.covenants})


def _refuse_unless_checks_passed(context: AssetExecutionContext) -> None:
    refused = checks_not_passed(context.instance)
    if refused:
        raise Failure(
            description=(
                "The latest blocking checks of the extracts did not pass: " + ", ".join(refused) + ". No covenant "
                "result or certificate is issued until the extracts are fixed and nightly_refresh passes its checks."
            ),
            metadata={"checks_not_passed": MetadataValue.json(refused)},
        )


POLICIES = load_policies()


@asset(
    key=COVENANT_RESULTS_KEY,
    group_name=GROUP,
    partitions_def=fiscal_quarters,
    deps=[AssetKey(m) for m in _marts(POLICIES)] + [POLICY_PARAMETERS_KEY, EXTRACT_SET_KEY],
    description=(
        "Every covenant of policies/ evaluated on the figures of the SQL marts, one result per clause and test date "
        "in the partition's fiscal quarter: status, actual, threshold, headroom, citations, waiver and explanation. "
        "Refused (with the certificates after it) while the latest blocking check of any extract has not passed. "
        "Clauses: " + ", ".join(sorted(c.clause_id for c in POLICIES.covenants)) + "."
    ),
    kinds={"python", "duckdb"},
    metadata={"clause_ids": MetadataValue.json(sorted(c.clause_id for c in POLICIES.covenants))},
)
def covenant_results(context: AssetExecutionContext, duckdb: DuckDBResource) -> MaterializeResult:
    quarter = FiscalQuarter.parse(context.partition_key)
    _refuse_unless_checks_passed(context)
    policies = load_policies()
    with duckdb.get_connection() as con:
        try:
            covered = quarters_covered(con)
            results = in_quarter(evaluate_all(con, policies), quarter)
        except duckdb_module.CatalogException as error:
            raise _figures_missing(error) from error
    counts = Counter(r.status for r in results)
    span = f"{covered[0]} to {covered[-1]}" if covered else "no quarter"
    return MaterializeResult(
        metadata={
            **{status: counts.get(status, 0) for status in STATUSES},
            "results_count": len(results),
            "covered_by_extracts": quarter in covered,
            "extracts_cover": span,
            "results_table": _results_table(results),
            "results": MetadataValue.json([record(r) for r in results]),
        }
    )


def clause_check(covenant: Covenant) -> AssetChecksDefinition:
    clause_id = covenant.clause_id

    @asset_check(
        asset=COVENANT_RESULTS_KEY,
        name=check_name(clause_id),
        partitions_def=fiscal_quarters,
        blocking=False,
        description=(
            f"{clause_id}: {covenant.title}. Passes when none of the clause's tests in the quarter failed or is "
            "indeterminate (a waived failure passes); warns otherwise."
        ),
        metadata={"clause_id": clause_id, "instrument": covenant.instrument, "figure": covenant.figure.name},
    )
    def _check(context, duckdb: DuckDBResource) -> AssetCheckResult:
        quarter = FiscalQuarter.parse(context.partition_key)
        policies = load_policies()
        current = next((c for c in policies.covenants if c.clause_id == clause_id), None)
        if current is None:
            return AssetCheckResult(
                passed=False,
                severity=AssetCheckSeverity.WARN,
                description=f"No covenant file for {clause_id} any more; reload the code location.",
            )
        with duckdb.get_connection() as con:
            results = in_quarter(evaluate_covenant(con, current, policies), quarter)
        status = clause_status(results)
        counts = Counter(r.status for r in results)
        attention = [r for r in results if r.status in NEEDS_ATTENTION]
        return AssetCheckResult(
            passed=not attention,
            severity=AssetCheckSeverity.WARN,
            description=f"{clause_id} in {quarter}: {status}" + (f" ({len(attention)} test(s) need attention)" if attention else ""),
            metadata={
                "status": status,
                **{s: counts.get(s, 0) for s in STATUSES},
                "results_table": _results_table(results),
            },
        )

    return _check


def _documents_described() -> str:
    return " ".join(f"{kind.clause_id} {kind.title}: when {kind.trigger}." for kind in document_kinds())


@asset(
    key=AssetKey("certificates"),
    group_name=GROUP,
    partitions_def=fiscal_quarters,
    deps=[COVENANT_RESULTS_KEY],
    description=(
        "The quarter's results.json/.csv, the run manifest and every document the quarter issues, in HTML and PDF, "
        "written to <COVENANTS_OUT>/<quarter>/: " + _documents_described()
    ),
    kinds={"html", "pdf"},
)
def certificates(context: AssetExecutionContext, duckdb: DuckDBResource, folders: CovenantFolders) -> MaterializeResult:
    quarter = FiscalQuarter.parse(context.partition_key)
    _refuse_unless_checks_passed(context)
    policies = load_policies()
    with duckdb.get_connection() as con:
        try:
            covered = quarters_covered(con)
            if quarter not in covered:
                span = f"{covered[0]} to {covered[-1]}" if covered else "no quarter"
                raise Failure(description=f"{quarter} is not covered by the extracts, which cover {span}; nothing was issued.")
            results = [r for r in evaluate_all(con, policies) if r.test_date <= quarter.end]
            ledger = [row for row in basket_ledger(con) if row["entry_date"] <= quarter.end]
            deadlines = deadline_calendar(con, quarter.end)
            gathered = gather(con, [quarter])
        except duckdb_module.CatalogException as error:
            raise _figures_missing(error) from error
    out_dir = folders.out / str(quarter)
    with staged(out_dir, {"the extracts folder": folders.extracts}) as staging:
        manifest, written = publish(results, ledger, deadlines, [quarter], policies, folders.extracts, staging, quarter.end, gathered)
    files = [out_dir / p.relative_to(staging) for p in written]
    return MaterializeResult(
        metadata={
            "rendered": len(files),
            "folder": MetadataValue.path(str(out_dir)),
            "files": MetadataValue.json([str(p) for p in files]),
            "run_id": manifest["run_id"],
            "results_count": len(in_quarters(results, [quarter])),
        }
    )


assets = [covenant_results, certificates]
with warnings.catch_warnings():
    # Partitioned asset checks are a preview feature of Dagster 1.13, used deliberately: without a partitions_def a
    # check on a partitioned asset shows one status for all quarters instead of the clause's status per quarter.
    warnings.filterwarnings("ignore", category=PreviewWarning, message="Specifying a partitions_def on an AssetCheckSpec")
    checks = [clause_check(c) for c in sorted(POLICIES.covenants, key=lambda c: c.clause_id)]
