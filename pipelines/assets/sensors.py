"""A sensor on the extracts folder: when an extract file is added, replaced or removed, refresh like the nightly run."""

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from dagster import DefaultSensorStatus, RunRequest, SensorEvaluationContext, SensorResult, SkipReason, sensor

from pipelines.assets.jobs import quarter_end
from pipelines.assets.partitions import latest_closed_quarter
from pipelines.assets.resources import default_extracts
from pipelines.extracts.contract import EXTRACTS
from pipelines.extracts.reading import SUFFIXES


def folder_state(folder: Path) -> str:
    """A fingerprint of the extract files in the folder: their names, sizes and modification times."""
    digest = hashlib.sha256()
    for extract in EXTRACTS:
        for suffix in SUFFIXES:
            path = folder / f"{extract.name}{suffix}"
            if path.exists():
                stat = path.stat()
                digest.update(f"{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


@sensor(
    name="extracts_changed",
    job=quarter_end,
    minimum_interval_seconds=60,
    default_status=DefaultSensorStatus.RUNNING,
    description=(
        "Watches the extracts folder (COVENANTS_EXTRACTS); when an extract file changes, runs quarter_end for the "
        "latest fiscal quarter that has ended. Its first evaluation only records the folder's state."
    ),
)
def extracts_changed(context: SensorEvaluationContext):
    folder = default_extracts()
    state = folder_state(folder)
    if context.cursor is None:
        return SensorResult(skip_reason=SkipReason(f"Recorded the state of {folder}."), cursor=state)
    if state == context.cursor:
        return SkipReason(f"No extract in {folder} changed.")
    quarter = str(latest_closed_quarter(datetime.now(UTC).date()))
    return SensorResult(run_requests=[RunRequest(run_key=state, partition_key=quarter, tags={"covenants/quarter": quarter})], cursor=state)


sensors = [extracts_changed]
