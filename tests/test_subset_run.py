"""A run of some assets only (the UI's "Materialize selected") works on what its output folder's last run left
(pipelines/assets/resources.py, CovenantFolders): without the extracts it starts from a copy of that run's database,
and without `certificates` it keeps that run's other outputs and publishes the folder once every step succeeded."""

import shutil
from pathlib import Path

import duckdb
import pytest
from dagster import AssetKey

from pipelines.definitions import defs
from pipelines.instance import project_instance
from pipelines.layout import SAMPLE_EXTRACTS_DIR
from pipelines.models.sql_models import discover
from pipelines.run_job import run_config

JOB = defs.resolve_job_def("quarter_end")
QUARTER_CLOSE = {AssetKey("covenant_results"), AssetKey("deadline_calendar"), AssetKey("certificates")}
DATABASE = "covenants.duckdb"


def outputs(folder: Path) -> dict[str, bytes]:
    """Every file of the folder but its database (DuckDB's own file format, which differs from one writing to the next)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and p.name != DATABASE}


def run(out: Path, selection: set[AssetKey] | None = None):
    with project_instance() as instance:
        return JOB.execute_in_process(
            run_config=run_config(SAMPLE_EXTRACTS_DIR, out, None), partition_key="2003Q4", instance=instance, asset_selection=sorted(selection) if selection else None
        )


@pytest.fixture(scope="module")
def earlier(tmp_path_factory, sample_quarter_run) -> tuple[Path, dict[str, bytes]]:
    """A copy of the sample's 2003Q4 run (tests/conftest.py; the command runs this job): the cases run parts of the job
    into it."""
    out = Path(shutil.copytree(sample_quarter_run, tmp_path_factory.mktemp("subset") / "2003Q4"))
    return out, outputs(out)


def test_the_quarter_close_alone_issues_the_same_results_and_documents_from_the_database_the_last_run_left(earlier):
    out, before = earlier
    closed = run(out, QUARTER_CLOSE)
    assert closed.success
    assert {e.asset_key for e in closed.get_asset_materialization_events()} == QUARTER_CLOSE  # no extract read, no model built
    after = outputs(out)
    assert {"results.json", "covenants.xlsx", "report.html", "certificates/indenture-1996-4.06b-FY2003.pdf", "certificates/ppca-2002-compliance-2003Q4.pdf"} <= set(after)
    assert after == before  # every result and document, byte for byte


def test_a_run_without_the_certificates_rebuilds_the_models_in_a_copy_of_the_database_and_keeps_the_outputs(earlier):
    out, before = earlier
    models = {AssetKey(m.name) for m in discover()}
    rebuilt = run(out, models | {AssetKey("policy_parameters")})
    assert rebuilt.success
    assert {e.asset_key for e in rebuilt.get_asset_materialization_events()} == models | {AssetKey("policy_parameters")}
    assert outputs(out) == before  # the last run's results and documents, published again with the rebuilt database
    with duckdb.connect(str(out / DATABASE), read_only=True) as con:  # the extracts came from the copy: none was read
        assert con.execute("select count(*) from raw_trial_balances").fetchone()[0] > 0
        assert con.execute("select count(*) from consolidated_net_income").fetchone()[0] > 0
