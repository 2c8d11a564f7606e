"""The nightly schedule: at 02:00 UTC, refresh the extracts and the models and evaluate the current quarter."""

from datetime import UTC, datetime

from dagster import DefaultScheduleStatus, RunRequest, ScheduleEvaluationContext, schedule

from pipelines.assets.jobs import nightly_refresh
from pipelines.assets.partitions import current_quarter


@schedule(
    name="nightly",
    job=nightly_refresh,
    cron_schedule="0 2 * * *",
    execution_timezone="UTC",
    default_status=DefaultScheduleStatus.RUNNING,
    description="Every night at 02:00 UTC: nightly_refresh for the current fiscal quarter (the latest partition that has started).",
)
def nightly(context: ScheduleEvaluationContext) -> RunRequest:
    when = context.scheduled_execution_time or datetime.now(UTC)
    quarter = str(current_quarter(when.date()))
    return RunRequest(partition_key=quarter, tags={"covenants/quarter": quarter})


schedules = [nightly]
