"""`deadline_calendar`: every `_deadlines` SQL mart unioned, with Business Day conventions and statuses
(pipelines.outputs.deadlines), as of the last quarter end the extracts cover; written to
<COVENANTS_OUT>/deadlines/deadlines.json and .csv."""

from dagster import AssetKey, MaterializeResult, MetadataValue, TableColumn, TableRecord, TableSchema, asset
from dagster_duckdb import DuckDBResource

from pipelines.assets.models import MODELS
from pipelines.assets.policies import POLICY_PARAMETERS_KEY
from pipelines.assets.resources import CovenantFolders
from pipelines.outputs.deadlines import DEADLINE_SUFFIX, deadline_calendar, record, write_deadlines
from pipelines.outputs.output_folder import staged
from pipelines.quarter_end import quarters_covered

TABLE_COLUMNS = ("adjusted_due_date", "status", "clause_id", "reference_id", "trigger_date", "completed_on", "obligation")
DEADLINE_MARTS = sorted(m.name for m in MODELS if m.name.endswith(DEADLINE_SUFFIX))


@asset(
    key=AssetKey("deadline_calendar"),
    group_name="covenants",
    deps=[AssetKey(m) for m in DEADLINE_MARTS] + [POLICY_PARAMETERS_KEY],
    description=(
        "The deadline calendar: every dated obligation of the marts " + ", ".join(DEADLINE_MARTS) + " with its due date "
        "after the Business Day convention (indenture-1996/def/BusinessDay) and its status (met, missed, due, upcoming, "
        "indeterminate) as of the last quarter end the extracts cover."
    ),
    kinds={"python", "duckdb", "json"},
)
def deadline_calendar_asset(duckdb: DuckDBResource, folders: CovenantFolders) -> MaterializeResult:
    with duckdb.get_connection() as con:
        as_of = quarters_covered(con)[-1].end
        deadlines = deadline_calendar(con, as_of)
    out_dir = folders.out / "deadlines"
    with staged(out_dir, {"the extracts folder": folders.extracts}) as staging:
        written = write_deadlines(deadlines, staging)
    schema = TableSchema(columns=[TableColumn(name=c, type="string") for c in TABLE_COLUMNS])
    rows = [TableRecord({c: None if record(d)[c] is None else str(record(d)[c]) for c in TABLE_COLUMNS}) for d in deadlines]
    return MaterializeResult(
        metadata={
            "as_of": str(as_of),
            "deadlines": len(deadlines),
            "files": MetadataValue.json([str(out_dir / p.name) for p in written]),
            "calendar": MetadataValue.table(records=rows, schema=schema),
        }
    )


assets = [deadline_calendar_asset]
