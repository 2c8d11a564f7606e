"""`quarter_end`: the one definition of a quarter-end run, over the fiscal-quarter partitions.

Every asset of the code location: the extracts with their blocking checks, policy_parameters, every SQL model (all
unpartitioned, rebuilt in the run's own database) and the quarter close for the run's quarter or range of quarters
(`covenant_results` with one check per clause, `deadline_calendar`, `certificates`). `covenants run` executes it in
process (pipelines/run_job.py); the nightly schedule, the extracts sensor and the UI launch it on the project's
instance. A Dagster 1.13 asset job may mix unpartitioned assets with assets of one partitions definition: a run for a
quarter (or a single-run range of quarters) materializes the unpartitioned assets whole and the partitioned ones for
its quarters; the job's partitions (fiscal_quarters) are inferred from them.
"""

from dagster import AssetSelection, define_asset_job

quarter_end = define_asset_job(
    "quarter_end",
    selection=AssetSelection.all(),
    description=(
        "Ingest and validate every extract (blocking checks), load the policy parameters, build every SQL model, "
        "evaluate the covenants for the run's quarters with one check per clause, and publish results, deadlines, the "
        "workbook, the report, the manifest and every document the quarters issue into the run's output folder."
    ),
)

jobs = [quarter_end]
