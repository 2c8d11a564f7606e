"""The `policy_parameters` table: the dated parameters of the policy files under policies/, which SQL models read."""

from datetime import date

from dagster import AssetKey, Config, MaterializeResult, MetadataValue, asset
from pydantic import Field

from pipelines import progress
from pipelines.assets.resources import CovenantFolders
from pipelines.calendar import business_days
from pipelines.layout import POLICIES_DIR, ROOT
from pipelines.outputs.manifest import sha256
from pipelines.policy.loading import load_policies
from pipelines.policy.rules_as_of import rules_on
from pipelines.quarter_end import load_sources

GROUP = "policies"
POLICY_PARAMETERS_KEY = AssetKey("policy_parameters")


def _description() -> str:
    parameters = load_policies().parameters
    listed = "\n".join(f"- {p.clause_id}: `{p.name}` ({p.instrument})" for p in sorted(parameters, key=lambda p: (p.clause_id, p.name)))
    return (
        "The dated parameters of the policy files under policies/ (one quantity per file, each value with its "
        "effective date and source), schema-checked when loaded and written to the DuckDB table `policy_parameters`, "
        "the only policy input the SQL models read. Also loads `business_days`, the indenture's Business Day calendar "
        "(indenture-1996/def/BusinessDay, pipelines/calendar/business_days.py, with the closures of "
        "policies/business_day_closures.yaml), and creates the SQL macros of sql/macros/ (parameter(), the Business Day "
        "roll, the attestation look-ups, the result columns) that the models call.\n\n" + listed
    )


class PolicyParameters(Config):
    rules_as_of: str | None = Field(
        default=None,
        description="YYYY-MM-DD: only the parameter values of texts signed by then (the agreements as they stood that day).",
    )


@asset(key=POLICY_PARAMETERS_KEY, group_name=GROUP, description=_description(), kinds={"duckdb", "yaml"})
def policy_parameters(config: PolicyParameters, folders: CovenantFolders) -> MaterializeResult:
    policies = rules_on(folders.policies(), date.fromisoformat(config.rules_as_of) if config.rules_as_of else None)
    with folders.connect() as con:
        load_sources(con, policies)
        (rows,) = con.table("policy_parameters").aggregate("count(*)").fetchall()[0]
    progress.finished("policies", f"{len(policies.covenants)} covenants and {rows:,} dated parameter values loaded")
    return MaterializeResult(
        metadata={
            "folder": MetadataValue.path(str(POLICIES_DIR)),
            "dagster/row_count": int(rows),
            "parameters": MetadataValue.json(sorted(f"{p.instrument}/{p.name}" for p in policies.parameters)),
            "policy_files": MetadataValue.json({str(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p): sha256(p) for p in policies.files}),
            # read when called, like load_closures: the file's place is the module's to say, not fixed at import
            "business_day_closures": MetadataValue.json({str(business_days.CLOSURES_FILE.relative_to(ROOT)): sha256(business_days.CLOSURES_FILE)}),
        }
    )


assets = [policy_parameters]
