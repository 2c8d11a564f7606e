"""One asset per extract of the contract, each loaded into its `raw_<extract>` table, all read by one step.

`extracts` is a multi_asset over every extract and `extract_set` (the extracts accepted together, which every
covenant result depends on): one step loads each file (typed exactly, every cell that does not fit refused) and
validates it (Pandera: types, domains, keys, identities), yielding its materialization and its blocking check
`conforms_to_contract`, then checks the references from one extract to another (`consistent_across_extracts` on
`extract_set`). Every refused row is recorded in the quarantine table and in `<out>-quarantine/quarantine.csv`, and
the step fails (BadExtracts), so that no model, result or certificate downstream of a bad extract is made.
"""

import time
from collections import Counter
from dataclasses import asdict

import duckdb
from dagster import (
    AssetCheckKey,
    AssetCheckResult,
    AssetCheckSeverity,
    AssetCheckSpec,
    AssetExecutionContext,
    AssetKey,
    AssetSpec,
    DataVersion,
    MaterializeResult,
    MetadataValue,
    TableColumn,
    TableSchema,
    multi_asset,
)

from pipelines import progress
from pipelines.assets.resources import CovenantFolders
from pipelines.extracts.contract import EXTRACTS, Extract
from pipelines.extracts.date_range import instruments_date_range
from pipelines.extracts.ingest import BadExtracts, load_extract, record_quarantine, validate_cross_extract, validate_extract
from pipelines.extracts.reading import ExtractMissing, Issue, locate
from pipelines.outputs.manifest import sha256
from pipelines.quarter_end import write_quarantine

GROUP = "extracts"
STAGE = "extracts"
SHOWN_ISSUES = 50  # issues listed in the UI per check; every one of them is in the quarantine table
EXTRACT_SET_KEY = AssetKey("extract_set")
CONFORMS = "conforms_to_contract"
CONSISTENT = "consistent_across_extracts"


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


def _spec(extract: Extract) -> AssetSpec:
    return AssetSpec(
        key=extract_key(extract),
        group_name=GROUP,
        description=(
            f"Extract `{extract.name}`: {extract.description}\n\n"
            f"Read from `{extract.name}.csv`, `.parquet` or `.xlsx` in the extracts folder into the DuckDB table "
            f"`{table_name(extract)}`, every value typed exactly as pipelines/extracts/contract.py says "
            f"(money as DECIMAL(18,2)). Key: {', '.join(extract.key)}."
        ),
        kinds={"duckdb"},
        metadata={"extract": extract.name, "table": table_name(extract), "key": list(extract.key), "dagster/column_schema": _schema(extract)},
    )


def _check_spec(extract: Extract) -> AssetCheckSpec:
    return AssetCheckSpec(
        CONFORMS,
        asset=extract_key(extract),
        blocking=True,
        description=(
            f"Blocking. Every row of `{extract.name}` was read without a refused cell and passes its Pandera model "
            "(types, domains, keys, accounting identities); every refused row is recorded in the quarantine table "
            "and nothing downstream runs."
        ),
    )


EXTRACT_SET_SPEC = AssetSpec(
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
CONSISTENT_SPEC = AssetCheckSpec(
    CONSISTENT,
    asset=EXTRACT_SET_KEY,
    blocking=True,
    description=(
        "Blocking. Every reference from one extract to another resolves (entities, accounts, debt instruments) "
        "and the cross-extract rules hold; every refused row is recorded in the quarantine table."
    ),
)


def _row_count(con, table: str) -> int:
    """Rows in the table; 0 when the file was refused whole and no table was made."""
    try:
        return int(con.table(table).aggregate("count(*)").fetchall()[0][0])
    except duckdb.CatalogException:
        return 0


def _check(key: AssetKey, name: str, issues: list[Issue], what: str) -> AssetCheckResult:
    return AssetCheckResult(
        asset_key=key,
        check_name=name,
        passed=not issues,
        severity=AssetCheckSeverity.ERROR,
        description=f"{len(issues)} issue(s) in {what}; every refused row is in the quarantine table." if issues else f"{what}: no issue.",
        metadata={
            "refused": len(issues),
            "by_reason": MetadataValue.json(dict(Counter(i.reason for i in issues).most_common())),
            "issues": MetadataValue.json([asdict(i) for i in issues[:SHOWN_ISSUES]]),
        },
    )


def _materialization(folders: CovenantFolders, extract: Extract, rows: int) -> MaterializeResult:
    metadata = {"dagster/row_count": rows}
    try:
        path = locate(folders.extracts, extract)
    except ExtractMissing:  # recorded as an issue by load_extract: its check fails on it
        return MaterializeResult(asset_key=extract_key(extract), metadata={"file": "missing", **metadata})
    digest = sha256(path)
    return MaterializeResult(
        asset_key=extract_key(extract),
        metadata={"file": MetadataValue.path(str(path)), "sha256": digest, **metadata},
        data_version=DataVersion(digest),
    )


@multi_asset(name="extracts", specs=[*(_spec(e) for e in EXTRACTS), EXTRACT_SET_SPEC], check_specs=[*(_check_spec(e) for e in EXTRACTS), CONSISTENT_SPEC], can_subset=True)
def extracts(context: AssetExecutionContext, folders: CovenantFolders):
    selected = [e for e in EXTRACTS if extract_key(e) in context.selected_asset_keys]
    dates = instruments_date_range()
    started = time.perf_counter()
    issues: list[Issue] = []
    total_rows = 0
    with folders.connect() as con:
        for done, extract in enumerate(selected, 1):
            found = load_extract(con, folders.extracts, extract)
            found += validate_extract(con, extract, dates)
            rows = _row_count(con, table_name(extract))
            total_rows += rows
            progress.item(STAGE, done, len(selected), f"{extract.name}: {rows:,} rows")
            yield _materialization(folders, extract, rows)
            yield _check(extract_key(extract), CONFORMS, found, f"extract {extract.name}")
            issues += found
        if EXTRACT_SET_KEY in context.selected_asset_keys:
            found = validate_cross_extract(con)
            yield MaterializeResult(asset_key=EXTRACT_SET_KEY, metadata={"folder": MetadataValue.path(str(folders.extracts))})
            yield _check(EXTRACT_SET_KEY, CONSISTENT, found, "the references between extracts")
            issues += found
        record_quarantine(con, issues)
    if issues:
        progress.finished(STAGE, f"{len(issues)} issue(s) in the extracts: refused")
        raise BadExtracts(issues, write_quarantine(issues, folders.out.with_name(f"{folders.out.name}-quarantine")))
    progress.finished(STAGE, f"{len(selected)} extracts read, {total_rows:,} rows, in {time.perf_counter() - started:.1f} s")


def blocking_check_keys() -> list[AssetCheckKey]:
    return [AssetCheckKey(extract_key(e), CONFORMS) for e in EXTRACTS] + [AssetCheckKey(EXTRACT_SET_KEY, CONSISTENT)]


assets = [extracts]
