"""The Dagster code location `covenants` (workspace.yaml): assembled from the modules of pipelines/assets/.

Every job runs its steps in one process (`in_process_executor`): the steps of a run share its DuckDB file, which one
process at a time can open.
"""

from dagster import Definitions, in_process_executor

from pipelines.assets import extracts, jobs, models, policies, results, schedules, sensors
from pipelines.assets.resources import CovenantFolders

defs = Definitions(
    assets=[*extracts.assets, *policies.assets, *models.assets, *results.assets],
    jobs=jobs.jobs,
    schedules=schedules.schedules,
    sensors=sensors.sensors,
    resources={"folders": CovenantFolders()},
    executor=in_process_executor,
)
