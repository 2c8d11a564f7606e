"""`covenants run` as a Dagster run: the `quarter_end` job executed in this process on the project's instance, so the
UI lists the command line's runs with their materializations, checks and logs beside the schedule's and its own.

The job is the one definition of a quarter-end run (pipelines/assets/jobs.py); this module only turns the command's
options into the run's config and partitions, and reads the summary back from the run's last materialization.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dagster import DagsterInstance
from dagster._core.errors import DagsterResourceFunctionError

from pipelines.assets.partitions import QUARTERS
from pipelines.assets.resources import CERTIFICATES_KEY, RANGE_TAGS, SUMMARY_TEXT
from pipelines.fiscal import FiscalQuarter

QUIET_CONSOLE = {"console": {"config": {"log_level": "CRITICAL"}}}  # the command prints its own progress and summary


@dataclass(frozen=True)
class RunOutcome:
    dagster_run_id: str
    out_dir: Path
    summary: str
    files: list[Path]


def partitions(period: str | None) -> tuple[str | None, dict[str, str]]:
    """The run's partition key, or the tags of its range: one quarter, `FIRST-LAST`, or None for every quarter.

    Raises ValueError naming the quarters the job can close when the period is not one of them."""
    keys = [str(q) for q in QUARTERS]
    first, _, last = (period or f"{keys[0]}-{keys[-1]}").partition("-")
    for quarter in filter(None, (first, last)):
        if str(FiscalQuarter.parse(quarter)) not in keys:
            raise ValueError(f"period {quarter} is outside the quarters the agreements are tested over, {keys[0]} to {keys[-1]}")
    if not last or first == last:
        return first, {}
    if keys.index(last) < keys.index(first):
        raise ValueError(f"period {period}: {last} comes before {first}")
    return None, dict(zip(RANGE_TAGS, (first, last)))


def run_config(
    extracts: Path, out: Path, as_of: date | None, scenario: Path | None = None, rules_as_of: date | None = None, fresh: bool = False, keep: bool = True
) -> dict:
    folders = {"extracts_dir": str(extracts.resolve()), "out_dir": str(out.resolve())}
    if fresh:
        folders["fresh"] = True
    if not keep:
        folders["keep"] = False
    if scenario is not None:
        folders["scenario_file"] = str(scenario.resolve())
    ops = {"quarter_close": {"config": {"as_of": as_of.isoformat() if as_of else None}}}
    if rules_as_of is not None:  # the parameters the models read and the rules evaluated, as they stood that day
        ops["quarter_close"]["config"]["rules_as_of"] = rules_as_of.isoformat()
        ops["policy_parameters"] = {"config": {"rules_as_of": rules_as_of.isoformat()}}
    return {
        "resources": {"folders": {"config": folders}},
        "ops": ops,
        "loggers": QUIET_CONSOLE,
    }


def run_quarter_end(
    extracts: Path,
    out: Path,
    period: str | None = None,
    as_of: date | None = None,
    instance: DagsterInstance | None = None,
    scenario: Path | None = None,
    rules_as_of: date | None = None,
    fresh: bool = False,
    keep: bool = True,
) -> RunOutcome:
    """Execute the quarter_end job; the errors of its steps (BadExtracts, PolicyError, OutputRefused, ScenarioError,
    ...) propagate as they were raised. `instance` defaults to the project's (pipelines.instance). `scenario`: a
    scenario file, evaluated beside the baseline (pipelines/scenario/). `fresh`: read every extract and build every
    model, never copying the database an earlier run prepared from the same files (pipelines/prepared_runs.py).
    `keep`: false leaves no copy of the run's database in the cache folder for later runs."""
    from pipelines.certificates.printing import start_print_workers
    from pipelines.definitions import defs
    from pipelines.instance import BATCH_ENVIRONMENT, project_instance
    from pipelines.calendar.business_days import load_closures
    from pipelines.outputs.output_folder import refuse_foreign, refuse_location
    from pipelines.policy.loading import load_policies

    os.environ.update(BATCH_ENVIRONMENT)
    partition_key, tags = partitions(period)
    # an invalid policy file is refused (PolicyError) before any step reads an extract
    load_policies()
    scenario_tags = {}
    if scenario is not None:  # an invalid scenario, or amendment, is refused before any step runs
        from pipelines.scenario.run import load_scenario, scenario_policies

        loaded = load_scenario(scenario)
        scenario_policies(loaded)
        scenario_tags = {"covenants/scenario": loaded.name}
    load_closures()
    # an output folder the run may not write is refused before a Dagster run is made for it (the run's resource refuses
    # it again, for runs launched from the UI)
    refuse_location(out.resolve(), {"the extracts folder": extracts})
    refuse_foreign(out.resolve())
    start_print_workers()  # they load the PDF renderer while the job's first steps ingest, build and evaluate
    try:
        result = defs.resolve_job_def("quarter_end").execute_in_process(
            run_config=run_config(extracts, out, as_of, scenario, rules_as_of, fresh, keep),
            instance=instance or project_instance(),
            partition_key=partition_key,
            tags={**tags, **scenario_tags, "covenants/launched_by": "covenants run"},
        )
    except DagsterResourceFunctionError as error:  # the output folder refused when the run started: say why
        raise error.user_exception from None
    # a range of quarters gives one materialization per quarter, all with the run's metadata
    last = next(m for m in result.get_asset_materialization_events() if m.asset_key == CERTIFICATES_KEY)
    metadata = last.materialization.metadata
    return RunOutcome(
        dagster_run_id=result.run_id,
        out_dir=out.resolve(),
        summary=metadata[SUMMARY_TEXT].value,
        files=[Path(p) for p in metadata["files"].value],
    )
