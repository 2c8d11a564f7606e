"""The Dagster code location `covenants` (workspace.yaml): assembled from the modules of pipelines/assets/.

Every job runs its steps in one process (`in_process_executor`): they all share one DuckDB file, which only one
process can open at a time.
"""

from dagster import Definitions, in_process_executor

from pipelines.assets import deadlines, extracts, jobs, models, policies, results, schedules, sensors
from pipelines.assets.resources import resources

defs = Definitions(
    assets=[*extracts.assets, *policies.assets, *models.assets, *results.assets, *deadlines.assets],
    asset_checks=[*extracts.checks, *results.checks],
    jobs=jobs.jobs,
    schedules=schedules.schedules,
    sensors=sensors.sensors,
    resources=resources(),
    executor=in_process_executor,
)
