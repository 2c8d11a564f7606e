"""One asset per extract of the contract, each loaded into its `raw_<extract>` table, all read by one step.

`extracts` is a multi_asset over every extract and `extract_set` (the extracts accepted together, which every
covenant result depends on): one step loads each file (typed exactly, every cell that does not fit refused) and
validates it (Pandera), yielding its materialization with the issues it has per family of rules, then checks the
extracts together. `extract_set` (the extracts accepted together) carries one blocking check per family of rules
(RULE_FAMILIES), each listing what every extract broke: the file read, values typed, keys unique, values in their
domain, each row consistent, references resolve, the trial-balance identity, entity periods disjoint. One check per
family on the set, rather than per extract, keeps a run's check events to eight instead of well over a hundred, each
of which Dagster records three times. Every refused row is recorded in the quarantine table and in `<out>-quarantine/quarantine.csv`, and
the step fails (BadExtracts), so that no model, result or certificate downstream of a bad extract is made.

A run of every extract (a scenario's too) starts from the database an earlier run kept after reading most of the same
files, from any folder (pipelines/prepared_runs.py), and reads again only the extracts whose files differ: every other
extract's materialization carries the rows that database holds and the file's sha256, the checks across extracts run
again when one was read (and pass as they passed then otherwise), and `extract_set` names the kept database.
"""

import time
from collections import Counter
from dataclasses import asdict

from dagster import (
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

from pipelines import prepared_runs, progress
from pipelines.assets.resources import CovenantFolders
from pipelines.extracts.contract import EXTRACTS, Extract
from pipelines.extracts.date_range import instruments_date_range
from pipelines.extracts.ingest import BadExtracts, each_loaded, record_quarantine, table_name, validate_cross_extract
from pipelines.extracts.reading import ExtractMissing, Issue, locate
from pipelines.outputs.manifest import sha256
from pipelines.quarter_end import write_quarantine

GROUP = "extracts"
STAGE = "extracts"
SHOWN_ISSUES = 50  # issues listed in the UI per check; every one of them is in the quarantine table
EXTRACT_SET_KEY = AssetKey("extract_set")
# Each family of rules is a blocking check of its own, so the UI shows which kind of rule was broken. The names on the
# right are the `check` of the issues (pipelines/extracts/reading.py, schemas.py, validation.py); a rule of no family
# listed is a row rule (ROW_RULES).
ROW_RULES = "rows_consistent"
RULE_FAMILIES = {
    "file_readable": ("Each file is there, can be read, has the contract's columns and has rows.", ("file_present", "readable", "columns", "has_rows")),
    "values_typed": ("Every required value is present and every value has its column's type (money as an exact amount).", ("not_null", "dtype")),
    "keys_unique": ("No two rows of an extract share its key or a value that must be unique.", ("unique_key", "unique")),
    "values_in_domain": (
        "Every value is in its column's domain: allowed values, not negative, whole numbers, fractions, month ends, "
        "dates the instruments can be tested on.",
        ("allowed_values", "not_negative", "whole_number", "fraction", "month_end", "date_range"),
    ),
    ROW_RULES: ("Each row is consistent with itself: dates in order, parts within wholes, values required together.", ()),
    "references_resolve": ("Every reference from one extract to another resolves, to an entity existing on the date.", ("reference", "entity_on_date")),
    "trial_balance_identity": ("Each entity's month nets to zero and the trial balances close a fiscal quarter.", ("trial_balance_nets_to_zero", "trial_balances_close_a_quarter")),
    "entity_periods_disjoint": ("An entity's periods in the register do not overlap.", ("entity_periods_overlap",)),
}


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


def family_of(check: str) -> str:
    if check.startswith("type_"):
        return "values_typed"
    return next((name for name, (_, checks) in RULE_FAMILIES.items() if check in checks), ROW_RULES)


CHECK_SPECS = [
    AssetCheckSpec(name, asset=EXTRACT_SET_KEY, blocking=True, description=f"Blocking. {what} Every refused row is in the quarantine table and nothing downstream runs.")
    for name, (what, _) in RULE_FAMILIES.items()
]


EXTRACT_SET_SPEC = AssetSpec(
    key=EXTRACT_SET_KEY,
    group_name=GROUP,
    deps=[extract_key(e) for e in EXTRACTS],
    description=(
        "The extracts accepted together: " + ", ".join(e.name for e in EXTRACTS) + ". "
        "Its blocking checks, one per family of rules, list what each extract broke; covenant results and "
        "certificates depend on it, so none is issued from a set of extracts that fails a check."
    ),
    kinds={"duckdb"},
)


def _by_family(issues: list[Issue]) -> dict[str, list[Issue]]:
    return {name: [i for i in issues if family_of(i.check) == name] for name in RULE_FAMILIES}


def _checks(issues: list[Issue]) -> list[AssetCheckResult]:
    """One result per family of rules, each with the issues of its family and the files they are in."""
    results = []
    for name, mine in _by_family(issues).items():
        files = Counter(i.file for i in mine)
        results.append(
            AssetCheckResult(
                asset_key=EXTRACT_SET_KEY,
                check_name=name,
                passed=not mine,
                severity=AssetCheckSeverity.ERROR,
                description=f"{len(mine)} issue(s): " + ", ".join(f"{f} ({n})" for f, n in files.most_common()) if mine else "No issue.",
                metadata={
                    "refused": len(mine),
                    "by_file": MetadataValue.json(dict(files.most_common())),
                    "by_reason": MetadataValue.json(dict(Counter(i.reason for i in mine).most_common())),
                    "issues": MetadataValue.json([asdict(i) for i in mine[:SHOWN_ISSUES]]),
                },
            )
        )
    return results


def _materialization(folders: CovenantFolders, extract: Extract, rows: int, issues: list[Issue], read_in: str | None = None) -> MaterializeResult:
    """`read_in`: the earlier Dagster run that read and validated the same file, for an extract the run took from a kept
    database rather than read: the UI links to it."""
    refused = {name: len(found) for name, found in _by_family(issues).items() if found}
    metadata = {"dagster/row_count": rows, "refused": len(issues), "refused_by_rule_family": MetadataValue.json(refused)}
    if read_in is not None:
        metadata["read_and_validated_in_run"] = MetadataValue.dagster_run(read_in)
    try:
        path = locate(folders.read_from, extract)
    except ExtractMissing:  # recorded as an issue by load_extract: its check fails on it
        return MaterializeResult(asset_key=extract_key(extract), metadata={"file": "missing", **metadata})
    if not path.is_file():  # a folder named as the extract: refused by load_extract as unreadable
        return MaterializeResult(asset_key=extract_key(extract), metadata={"file": MetadataValue.path(str(path)), **metadata})
    digest = sha256(path)
    return MaterializeResult(
        asset_key=extract_key(extract),
        metadata={"file": MetadataValue.path(str(path)), "sha256": digest, **metadata},
        data_version=DataVersion(digest),
    )


@multi_asset(name="extracts", specs=[*(_spec(e) for e in EXTRACTS), EXTRACT_SET_SPEC], check_specs=CHECK_SPECS, can_subset=True)
def extracts(context: AssetExecutionContext, folders: CovenantFolders):
    selected = [e for e in EXTRACTS if extract_key(e) in context.selected_asset_keys]
    dates = instruments_date_range()
    started = time.perf_counter()
    whole = len(selected) == len(EXTRACTS) and EXTRACT_SET_KEY in context.selected_asset_keys
    files = prepared_runs.extract_files(folders.read_from) if whole else None
    key = prepared_runs.runs_key(dates) if files is not None else None  # it reads every source file
    taken = prepared_runs.take(key, folders.database, files) if key is not None and not folders.fresh else None
    # a scenario's run starts from a kept database too, but its own (its extracts a temporary copy) is never kept
    folders.found((key, files) if key is not None and folders.scenario is None and folders.keep else None, taken)
    to_read = selected if taken is None else list(taken.changed)
    issues: list[Issue] = []
    total_rows = 0
    with folders.connect() as con:
        for done, (extract, found, rows) in enumerate(each_loaded(con, folders.read_from, to_read, dates), 1):
            total_rows += rows
            progress.item(STAGE, done, len(to_read), f"{extract.name}: {rows:,} rows")
            yield _materialization(folders, extract, rows, found)
            issues += found
        if taken is not None:  # the others as the kept database holds them, their rows counted in one statement
            kept = [e for e in EXTRACTS if e not in taken.changed]
            counts = prepared_runs.row_counts(con, [table_name(e) for e in kept]) if kept else {}
            for extract in kept:
                total_rows += counts[table_name(extract)]
                yield _materialization(folders, extract, counts[table_name(extract)], [], taken.read_in[extract.name])
        if EXTRACT_SET_KEY in context.selected_asset_keys:
            if taken is None or taken.changed:  # the extracts accepted together: again, where one was read again
                issues += validate_cross_extract(con, None if taken is None else taken.changed)
            metadata = {"folder": MetadataValue.path(str(folders.extracts))}
            if taken is not None:
                metadata["prepared_by_an_earlier_run"] = MetadataValue.path(str(taken.kept))
                metadata["prepared_in_run"] = MetadataValue.dagster_run(taken.kept_in)  # the run that kept it
            yield MaterializeResult(asset_key=EXTRACT_SET_KEY, metadata=metadata)
            yield from _checks(issues)
        record_quarantine(con, issues)
    if issues:
        progress.finished(STAGE, f"{len(issues)} issue(s) in the extracts: refused")
        raise BadExtracts(issues, write_quarantine(issues, folders.out.with_name(f"{folders.out.name}-quarantine")))
    progress.finished(STAGE, _read(len(selected), total_rows, taken, time.perf_counter() - started))


def _read(extracts: int, rows: int, taken: prepared_runs.Taken | None, seconds: float) -> str:
    """The extracts stage's line: what was read, and what was taken as an earlier run read it."""
    if taken is None:
        return f"{extracts} extracts read, {rows:,} rows, in {seconds:.1f} s"
    if not taken.changed:
        return f"{extracts} extracts, {rows:,} rows, as an earlier run read them from these same files, in {seconds:.1f} s"
    again = ", ".join(e.name for e in taken.changed)
    return f"{extracts} extracts, {rows:,} rows: {len(taken.changed)} read again ({again}), the others as an earlier run read them from the same files, in {seconds:.1f} s"


assets = [extracts]
