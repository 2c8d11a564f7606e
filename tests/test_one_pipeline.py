"""One pipeline: `covenants run` executes the `quarter_end` Dagster job, so the command line, the schedule and the
UI make the same run, and the command line's runs are in the instance the UI reads."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from dagster import AssetKey, DagsterInstance, DagsterRunStatus

from pipelines.layout import ROOT, SAMPLE_EXTRACTS_DIR

BIN = Path(sys.executable).parent


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    """2003Q4 closed by `covenants run` and by `dagster job execute` (the way the UI launches a run: the job's own
    default config, with COVENANTS_OUT), both on one Dagster instance."""
    scratch = tmp_path_factory.mktemp("one-pipeline")
    env = {**os.environ, "DAGSTER_HOME": str(scratch / "home"), "COVENANTS_OUT": str(scratch / "dagster")}
    (scratch / "home").mkdir()
    cli = subprocess.run(
        [str(BIN / "covenants"), "run", "--extracts", str(SAMPLE_EXTRACTS_DIR), "--out", str(scratch / "cli"), "--period", "2003Q4"],
        env=env, capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert cli.returncode == 0, cli.stderr
    launched = subprocess.run(
        [str(BIN / "dagster"), "job", "execute", "-m", "pipelines.definitions", "-j", "quarter_end", "--tags", json.dumps({"dagster/partition": "2003Q4"})],
        env=env, capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert launched.returncode == 0, launched.stdout[-3000:] + launched.stderr[-3000:]
    return scratch, cli.stdout


def test_the_command_line_and_the_dagster_job_issue_the_same_results_and_documents(two_runs):
    scratch, _ = two_runs
    cli, job = _files(scratch / "cli"), _files(scratch / "dagster" / "2003Q4")
    assert set(cli) == set(job)
    assert "certificates/indenture-1996-4.06b-FY2003.pdf" in cli and "certificates/ppca-2002-compliance-2003Q4.pdf" in cli
    # the database is DuckDB's own file format, and the manifest records where the run wrote (outside its identity)
    differing = {name for name in cli if cli[name] != job[name]}
    assert differing <= {"covenants.duckdb", "manifest.json"}, differing
    manifests = [json.loads(files["manifest.json"]) for files in (cli, job)]
    assert [{k: v for k, v in m.items() if k != "location"} for m in manifests][0] == {k: v for k, v in manifests[1].items() if k != "location"}


def test_the_command_line_run_is_listed_by_the_instance_the_ui_reads(two_runs):
    scratch, printed = two_runs
    instance = DagsterInstance.from_config(str(scratch / "home"))
    runs = instance.get_runs()
    assert [r.job_name for r in runs] == ["quarter_end", "quarter_end"]
    assert all(r.status == DagsterRunStatus.SUCCESS and r.tags["dagster/partition"] == "2003Q4" for r in runs)
    cli_run = runs[-1]  # get_runs lists the newest first
    assert f"Dagster run {cli_run.run_id}" in printed
    materialized = {e.dagster_event.asset_key for e in instance.all_logs(cli_run.run_id) if e.dagster_event and e.dagster_event.is_step_materialization}
    assert {AssetKey("raw_trial_balances"), AssetKey("consolidated_net_income"), AssetKey("covenant_results"), AssetKey("certificates")} <= materialized
    assert len(materialized) > 150  # every extract and SQL model keeps its own materialization, built in one step each
