"""One asset per SQL file under sql/ (staging, intermediate, marts), built by one factory over `discover()`.

Dependencies are read from the SQL itself: a model it selects from is that model's asset, `raw_<x>` is the asset of
extract x, and `policy_parameters` (the policy files' dated parameters) and `business_days` (the Business Day calendar)
are both loaded by the `policy_parameters` asset. The asset's description is
the file's leading comment with the clause ids it implements; its metadata names the file and the clause ids.
"""

import hashlib

from dagster import AssetKey, AssetsDefinition, MaterializeResult, MetadataValue, TableColumn, TableSchema, asset
from dagster_duckdb import DuckDBResource

from pipelines.assets.extracts import extract_key
from pipelines.assets.policies import POLICY_PARAMETERS_KEY
from pipelines.extracts.contract import BY_NAME
from pipelines.layout import ROOT, SQL_DIR
from pipelines.models.sql_models import SqlModel, build, discover


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


def model_asset(model: SqlModel) -> AssetsDefinition:
    @asset(
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
        },
    )
    def _build(duckdb: DuckDBResource) -> MaterializeResult:
        with duckdb.get_connection() as con:
            build(con, model)
            relation = con.table(model.name)
            schema = TableSchema(columns=[TableColumn(name=n, type=str(t)) for n, t in zip(relation.columns, relation.types)])
            (rows,) = relation.aggregate("count(*)").fetchall()[0]
        return MaterializeResult(metadata={"dagster/row_count": int(rows), "dagster/column_schema": schema})

    return _build


def model_assets(sql_dir=SQL_DIR) -> list[AssetsDefinition]:
    return [model_asset(m) for m in discover(sql_dir)]


MODELS = discover()
assets = [model_asset(m) for m in MODELS]
