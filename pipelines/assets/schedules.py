"""The nightly schedule: at 02:00 UTC, the quarter_end job for the latest fiscal quarter that has ended."""

from datetime import UTC, datetime

from dagster import DefaultScheduleStatus, RunRequest, ScheduleEvaluationContext, SkipReason, schedule

from pipelines.assets.jobs import quarter_end
from pipelines.assets.partitions import latest_closed_quarter
from pipelines.assets.resources import default_extracts, default_out
from pipelines.outputs.standing_run import run_options, standing_run


@schedule(
    name="nightly",
    job=quarter_end,
    cron_schedule="0 2 * * *",
    execution_timezone="UTC",
    default_status=DefaultScheduleStatus.RUNNING,
    description=(
        "Every night at 02:00 UTC: quarter_end for the latest fiscal quarter that has ended (clamped to the partitions), "
        "into <COVENANTS_OUT>/<quarter>; the materialization of `certificates` records what changed since the last run. "
        "A night when no extract, policy or code changed since the folder's last run is skipped, naming that run."
    ),
)
def nightly(context: ScheduleEvaluationContext) -> RunRequest | SkipReason:
    when = context.scheduled_execution_time or datetime.now(UTC)
    quarter = str(latest_closed_quarter(when.date()))
    standing = standing_run(default_out(quarter), default_extracts(), run_options(quarter, None))
    if standing is not None:
        return SkipReason(standing.sentence())
    return RunRequest(partition_key=quarter, tags={"covenants/quarter": quarter})


schedules = [nightly]
