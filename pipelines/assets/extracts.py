"""One asset per extract of the contract, each loaded into its `raw_<extract>` table, with a blocking check.

One factory builds them all from `contract.EXTRACTS`. The asset loads the file (typed exactly, every cell that does
not fit refused); its blocking check validates the table (Pandera: types, domains, keys, identities), records every
refused row in the quarantine table and fails if anything was refused at load or at validation, so that no model
downstream of a bad extract runs. The cross-extract checks (references from one extract to another) are one more
blocking check, on `extract_set`: the extracts accepted together, which every covenant result depends on.
"""

from collections import Counter
from dataclasses import asdict

import duckdb
from dagster import (
    AssetCheckKey,
    AssetCheckResult,
    AssetCheckSeverity,
    AssetChecksDefinition,
    AssetExecutionContext,
    AssetKey,
    AssetsDefinition,
    DataVersion,
    MaterializeResult,
    MetadataValue,
    TableColumn,
    TableSchema,
    asset,
    asset_check,
)
from dagster_duckdb import DuckDBResource

from pipelines.assets.resources import CovenantFolders
from pipelines.extracts.contract import EXTRACTS, Extract
from pipelines.extracts.ingest import load_extract, record_quarantine, validate_cross_extract, validate_extract
from pipelines.extracts.reading import ExtractMissing, Issue, locate
from pipelines.outputs.manifest import sha256

GROUP = "extracts"
SHOWN_ISSUES = 50  # issues listed in the UI per check; every one of them is in the quarantine table


def table_name(extract: Extract) -> str:
    return f"raw_{extract.name}"


def extract_key(extract: Extract) -> AssetKey:
    """The asset is named after the table it fills, so `raw_<x>` in a SQL file is the asset key of extract x."""
    return AssetKey(table_name(extract))


def _schema(extract: Extract) -> TableSchema:
    return TableSchema(
        columns=[
            TableColumn(
                name=c.name,
                type=c.sql_type,
                description=c.description + (f" (references {c.references})" if c.references else ""),
            )
            for c in extract.columns
        ]
    )


def _issues_metadata(issues: list[Issue]) -> dict[str, object]:
    return {
        "refused": len(issues),
        "by_reason": MetadataValue.json(dict(Counter(i.reason for i in issues).most_common())),
        "issues": MetadataValue.json([asdict(i) for i in issues[:SHOWN_ISSUES]]),
    }


def _row_count(con, table: str) -> int:
    """Rows in the table; 0 when the file was refused whole and no table was made."""
    try:
        return int(con.table(table).aggregate("count(*)").fetchall()[0][0])
    except duckdb.CatalogException:
        return 0


def _refused_at_load(context, key: AssetKey) -> int:
    """How many cells the latest load of the asset refused (recorded in its materialization's metadata)."""
    event = context.instance.get_latest_materialization_event(key)
    if event is None or event.asset_materialization is None:
        return 0
    value = event.asset_materialization.metadata.get("refused_at_load")
    return int(value.value) if value is not None else 0


def _result(issues: list[Issue], refused_at_load: int, what: str) -> AssetCheckResult:
    refused = len(issues) + refused_at_load
    if refused:
        description = f"{refused} issue(s) in {what}; every refused row is in the quarantine table."
    else:
        description = f"{what}: no issue."
    return AssetCheckResult(
        passed=refused == 0,
        severity=AssetCheckSeverity.ERROR,
        description=description,
        metadata={"refused_at_load": refused_at_load, **_issues_metadata(issues)},
    )


def extract_asset(extract: Extract) -> tuple[AssetsDefinition, AssetChecksDefinition]:
    key = extract_key(extract)
    description = (
        f"Extract `{extract.name}`: {extract.description}\n\n"
        f"Read from `{extract.name}.csv`, `.parquet` or `.xlsx` in the extracts folder into the DuckDB table "
        f"`{table_name(extract)}`, every value typed exactly as pipelines/extracts/contract.py says "
        f"(money as DECIMAL(18,2)). Key: {', '.join(extract.key)}."
    )

    @asset(
        key=key,
        group_name=GROUP,
        description=description,
        kinds={"duckdb"},
        metadata={"extract": extract.name, "table": table_name(extract), "key": list(extract.key), "dagster/column_schema": _schema(extract)},
    )
    def _load(context: AssetExecutionContext, duckdb: DuckDBResource, folders: CovenantFolders) -> MaterializeResult:
        with duckdb.get_connection() as con:
            issues = load_extract(con, folders.extracts, extract)
            record_quarantine(con, issues)
            rows = _row_count(con, table_name(extract))
        metadata = {
            "dagster/row_count": rows,
            "refused_at_load": len(issues),
            "load_issues": MetadataValue.json([asdict(i) for i in issues[:SHOWN_ISSUES]]),
        }
        try:
            path = locate(folders.extracts, extract)
        except ExtractMissing:
            # Recorded as an issue by load_extract: the blocking check fails on it.
            return MaterializeResult(metadata={"file": "missing", **metadata})
        digest = sha256(path)
        return MaterializeResult(
            metadata={"file": MetadataValue.path(str(path)), "sha256": digest, **metadata},
            data_version=DataVersion(digest),
        )

    @asset_check(
        asset=key,
        name="conforms_to_contract",
        blocking=True,
        description=(
            f"Blocking. Every row of `{extract.name}` was read without a refused cell and passes its Pandera model "
            "(types, domains, keys, accounting identities); every refused row is recorded in the quarantine table "
            "and nothing downstream runs."
        ),
    )
    def _check(context, duckdb: DuckDBResource) -> AssetCheckResult:
        with duckdb.get_connection() as con:
            issues = validate_extract(con, extract)
            record_quarantine(con, issues)
        return _result(issues, _refused_at_load(context, key), f"extract {extract.name}")

    return _load, _check


EXTRACT_SET_KEY = AssetKey("extract_set")


@asset(
    key=EXTRACT_SET_KEY,
    group_name=GROUP,
    deps=[extract_key(e) for e in EXTRACTS],
    description=(
        "The extracts accepted together: " + ", ".join(e.name for e in EXTRACTS) + ". "
        "Its blocking check tests the references from one extract to another; covenant results and certificates "
        "depend on it, so none is issued from a set of extracts that fails a check."
    ),
    kinds={"duckdb"},
)
def extract_set(folders: CovenantFolders) -> MaterializeResult:
    files = {e.name: locate(folders.extracts, e) for e in EXTRACTS}
    return MaterializeResult(
        metadata={
            "folder": MetadataValue.path(str(folders.extracts)),
            "files": MetadataValue.json({name: {"file": path.name, "sha256": sha256(path)} for name, path in files.items()}),
        }
    )


@asset_check(
    asset=extract_set,
    name="consistent_across_extracts",
    blocking=True,
    description=(
        "Blocking. Every reference from one extract to another resolves (entities, accounts, debt instruments) "
        "and the cross-extract rules hold; every refused row is recorded in the quarantine table."
    ),
)
def consistent_across_extracts(duckdb: DuckDBResource) -> AssetCheckResult:
    with duckdb.get_connection() as con:
        issues = validate_cross_extract(con)
        record_quarantine(con, issues)
    return _result(issues, 0, "the references between extracts")


def blocking_check_keys() -> list[AssetCheckKey]:
    return [AssetCheckKey(extract_key(e), "conforms_to_contract") for e in EXTRACTS] + [
        AssetCheckKey(EXTRACT_SET_KEY, "consistent_across_extracts")
    ]


def checks_not_passed(instance) -> list[str]:
    """The blocking extract checks whose latest execution did not pass (failed, never ran, or still running).

    Within a run, Dagster skips everything downstream of a failed blocking check; a later run (a quarter_end over
    the tables the failed refresh left behind) must refuse by itself, and asks this.
    """
    not_passed = []
    for key in blocking_check_keys():
        record = instance.get_latest_asset_check_evaluation_record(key)
        if record is None or record.status.value != "SUCCEEDED":
            not_passed.append(key.to_user_string())
    return not_passed


EXTRACT_ASSETS = [extract_asset(e) for e in EXTRACTS]
assets = [a for a, _ in EXTRACT_ASSETS] + [extract_set]
checks = [c for _, c in EXTRACT_ASSETS] + [consistent_across_extracts]
