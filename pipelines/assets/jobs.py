"""Two jobs over the fiscal-quarter partitions.

A Dagster 1.13 asset job may mix unpartitioned assets with assets of ONE partitions definition (asset_job.py,
`_infer_and_validate_common_partitions_def`): a run for a quarter materializes the unpartitioned assets whole and the
partitioned ones for that quarter. The jobs' partitions (fiscal_quarters) are inferred from their assets.

- `nightly_refresh`: the extracts with their blocking checks, policy_parameters, every SQL model (all unpartitioned)
  and `covenant_results` for one quarter with its clause checks. The nightly schedule runs it for the current quarter.
- `quarter_end`: the partitioned assets only, `covenant_results` and `certificates`, run on the figures the last
  refresh built. It is the job to backfill over many quarters: a backfill launches one run per quarter, and
  re-ingesting every extract and rebuilding every model in each of them would be wasted work on one DuckDB file that
  only one process can open at a time.
"""

from dagster import AssetSelection, define_asset_job

from pipelines.assets.results import COVENANT_RESULTS_KEY

CERTIFICATES = AssetSelection.assets("certificates")

nightly_refresh = define_asset_job(
    "nightly_refresh",
    selection=AssetSelection.all() - CERTIFICATES,
    description=(
        "Ingest and validate every extract (blocking checks), load the policy parameters, rebuild every SQL model, "
        "and evaluate the covenants for the run's fiscal quarter."
    ),
)

quarter_end = define_asset_job(
    "quarter_end",
    selection=AssetSelection.assets(COVENANT_RESULTS_KEY) | CERTIFICATES,
    description=(
        "Close a fiscal quarter on the figures the last refresh built: its covenant results with one check per "
        "clause and, for a fourth quarter, the indenture-1996/4.06(b) annual statement with results and manifest."
    ),
)

jobs = [nightly_refresh, quarter_end]
