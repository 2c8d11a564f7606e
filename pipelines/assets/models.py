"""The SQL models (sql/staging, intermediate, marts): one asset per file, all built by one step.

`sql_models` is a multi_asset, as dagster-dbt builds a dbt project: one step opens the run's database once and builds
the selected models, two at a time, each once the models it reads are built (`build_each`), yielding a materialization
per model in dependency order, so the UI keeps the lineage of every model while the run pays for one step. It can be
subset: a model left out keeps the table the run's database already holds (pipelines/assets/resources.py).

Dependencies are read from the SQL itself: a model it selects from is that model's asset, `raw_<x>` is the asset of
extract x, and `policy_parameters` (the policy files' dated parameters) and `business_days` (the Business Day calendar)
are both loaded by the `policy_parameters` asset, which also creates the SQL macros; a model that calls a macro reads
what the macro reads (`parameter(...)`: `policy_parameters`) and the relation it passes it. The asset's description is
the file's leading comment with the clause ids it implements; its metadata names the file and the clause ids and,
for each column, the columns of the assets above it that the column is made from (`dagster/column_lineage`,
pipelines/models/column_lineage.py): it follows from the SQL and the extracts' contract, so it is part of the
definition rather than of every materialization, whose events Dagster records twice (the output and the
materialization). Each materialization carries the table's row count and its columns (`dagster/column_schema`),
the columns added to the materialization alone (`add_asset_metadata`) rather than to the output as well.

When the extracts step copied a database an earlier run kept (pipelines/prepared_runs.py), only the models that read
what changed since are built: an extract read again, or the dated parameters and Business Days just loaded when they
are not those the models were built from, directly or through other models. Every other model's materialization
carries the rows and columns of the table the database holds. A run of every model keeps its database for the next
run over the same files.
"""

import hashlib
import time

import duckdb

from dagster import (
    AssetExecutionContext,
    AssetKey,
    AssetSpec,
    MaterializeResult,
    MetadataValue,
    TableColumn,
    TableColumnDep,
    TableColumnLineage,
    TableSchema,
    multi_asset,
)

from pipelines import prepared_runs, progress
from pipelines.assets.extracts import extract_key
from pipelines.assets.policies import POLICY_PARAMETERS_KEY
from pipelines.assets.resources import CovenantFolders
from pipelines.calendar.business_days import CALENDAR_SCHEMA
from pipelines.extracts.contract import BY_NAME, EXTRACTS
from pipelines.extracts.reading import ROW
from pipelines.layout import ROOT
from pipelines.models.column_lineage import Lineage, lineage
from pipelines.models.sql_models import SqlModel, build_each, discover
from pipelines.quarter_end import PARAMETERS_SCHEMA

STAGE = "models"


def dependency_key(model: SqlModel, dependency: str) -> AssetKey:
    if dependency in ("policy_parameters", "business_days"):
        return POLICY_PARAMETERS_KEY
    if dependency.startswith("raw_"):
        extract = BY_NAME.get(dependency.removeprefix("raw_"))
        if extract is None:
            raise ValueError(f"{model.path}: reads {dependency}, but no extract of the contract is named {dependency.removeprefix('raw_')!r}")
        return extract_key(extract)
    return AssetKey(dependency)


def _description(model: SqlModel) -> str:
    clauses = ", ".join(model.clause_ids) if model.clause_ids else "none (renames and casts only)"
    reads = ", ".join(
        f"{d} (extract {d.removeprefix('raw_')})" if d.startswith("raw_") else d for d in model.depends_on
    )
    return f"{model.description}\n\nClauses: {clauses}.\n\nReads: {reads or 'nothing'}."


def _relative(path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def contract_leaves() -> dict[str, list[str]]:
    """The columns of the tables below the models, as the run makes them: each extract's `raw_` table (its row number,
    then the contract's columns) and the two SOURCES tables (a test holds these to the database a run builds)."""
    leaves = {f"raw_{e.name}": [ROW, *(c.name for c in e.columns)] for e in EXTRACTS}
    return leaves | {"policy_parameters": list(PARAMETERS_SCHEMA), "business_days": list(CALENDAR_SCHEMA)}


def model_spec(model: SqlModel, found: Lineage) -> AssetSpec:
    return AssetSpec(
        key=AssetKey(model.name),
        group_name=model.layer,
        deps=[dependency_key(model, d) for d in model.depends_on],
        description=_description(model),
        code_version=hashlib.sha256(model.sql.encode()).hexdigest()[:16],
        kinds={"sql", "duckdb"},
        metadata={
            "clause_ids": MetadataValue.json(list(model.clause_ids)),
            "sql_path": MetadataValue.path(_relative(model.path)),
            "layer": model.layer,
            "dagster/column_lineage": column_lineage(model, found),
        },
    )


def column_lineage(model: SqlModel, found: Lineage) -> TableColumnLineage:
    """The model's columns that are made from columns of other assets, each with those columns."""
    return TableColumnLineage(
        deps_by_column={
            name: [TableColumnDep(asset_key=dependency_key(model, table), column_name=column) for table, column in sources]
            for name, sources in found[model.name].items()
            if sources
        }
    )


def models_asset(models: list[SqlModel]):
    found = lineage(models, contract_leaves())

    @multi_asset(name="sql_models", specs=[model_spec(m, found) for m in models], can_subset=True)
    def sql_models(context: AssetExecutionContext, folders: CovenantFolders):
        selected = [m for m in models if AssetKey(m.name) in context.selected_asset_keys]
        started = time.perf_counter()
        whole = len(selected) == len(models)
        with folders.connect() as con:
            to_build = prepared_runs.to_build(con, models, folders.taken) if whole and folders.taken is not None else selected
            if len(to_build) < len(selected):
                built = {m.name for m in to_build}
                as_kept = [m.name for m in models if m.name not in built]
                counts, found, built_in = prepared_runs.row_counts(con, as_kept), prepared_runs.columns(con), prepared_runs.built_in(con)
                for name in as_kept:
                    schema = TableSchema(columns=[TableColumn(name=n, type=t) for n, t in found[name]])
                    yield _materialization(context, AssetKey(name), counts[name], schema, built_in[name])
            for done, (model, rows, schema) in enumerate(build_each(con, to_build, _columns), 1):
                progress.item(STAGE, done, len(to_build), f"{model.name}: {rows:,} rows")
                yield _materialization(context, AssetKey(model.name), rows, schema)
            if whole and folders.prepared is not None and (folders.taken is None or folders.taken.changed or to_build):
                prepared_runs.keep(con, folders.database, *folders.prepared, context.run_id, [m.name for m in to_build])
        progress.finished(STAGE, _built(len(selected), len(to_build), time.perf_counter() - started))

    return sql_models


def _built(selected: int, built: int, seconds: float) -> str:
    """The models stage's line: how many were built, and how many taken as an earlier run built them."""
    if built == selected:
        return f"{selected} SQL models built in {seconds:.1f} s"
    if not built:
        return f"{selected} SQL models as an earlier run built them from the same extracts and parameters, in {seconds:.1f} s"
    return f"{selected} SQL models: {built} built, the others as an earlier run built them from the same inputs, in {seconds:.1f} s"


def _materialization(context: AssetExecutionContext, key: AssetKey, rows: int, schema: TableSchema, built_in: str | None = None) -> MaterializeResult:
    """`built_in`: the earlier Dagster run that built the model, for one taken from a kept database: the UI links to it."""
    # the columns on the materialization alone: an output's own metadata is written into the step's output event too,
    # and the columns are most of a run's event log
    context.add_asset_metadata({"dagster/column_schema": schema}, asset_key=key)
    metadata = {"dagster/row_count": rows} if built_in is None else {"dagster/row_count": rows, "built_in_run": MetadataValue.dagster_run(built_in)}
    return MaterializeResult(asset_key=key, metadata=metadata)


def _columns(cursor: duckdb.DuckDBPyConnection, model: SqlModel) -> TableSchema:
    relation = cursor.table(model.name)
    return TableSchema(columns=[TableColumn(name=n, type=str(t)) for n, t in zip(relation.columns, relation.types)])


MODELS = discover()
assets = [models_asset(MODELS)]
