"""The Dagster code location: what it defines, read back from the loaded Definitions, and that Dagster accepts it."""

import json
import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from dagster import AssetKey, DagsterInstance, build_schedule_context, build_sensor_context, materialize
from dagster_duckdb import DuckDBResource

from pipelines.assets import extracts, models, policies, results
from pipelines.assets.models import model_assets
from pipelines.assets.partitions import current_quarter
from pipelines.assets.results import check_name
from pipelines.assets.resources import CovenantFolders
from pipelines.definitions import defs
from pipelines.extracts.contract import EXTRACTS
from pipelines.fiscal import FiscalQuarter
from pipelines.layout import ROOT, SAMPLE_EXTRACTS_DIR, SQL_DIR
from pipelines.models.sql_models import LAYERS
from pipelines.policy.loading import load_policies

GRAPH = defs.resolve_asset_graph()
KEYS = {k for k in GRAPH.get_all_asset_keys() if GRAPH.get(k).is_materializable}
SQL_FILES = sorted(p for layer in LAYERS for p in (SQL_DIR / layer).glob("*.sql"))  # sql/explain holds queries, not models
CLAUSE_ID = re.compile(r"\b(?:indenture-1996|ca-1994|ppca-2002)/\S+")
QUARTER_KEYS = [f"{year}Q{quarter}" for year in range(1996, 2005) for quarter in (1, 2, 3, 4)]


def checks_of(key: AssetKey) -> dict[str, object]:
    return {c.name: GRAPH.get(c) for c in GRAPH.asset_check_keys if c.asset_key == key}


def sql_references(sql: str, known: set[str]) -> set[str]:
    """What a SQL file selects from, read independently of the code under test."""
    without_comments = re.sub(r"--[^\n]*", "", sql)
    return {r.lower() for r in re.findall(r"\b(?:from|join)\s+([a-z_][a-z0-9_]*)", without_comments, re.IGNORECASE)} & known


def test_definitions_load_with_every_job_resolved():
    assert defs.resolve_all_job_defs()
    assert {"duckdb", "folders"} <= set(defs.resources)


def test_every_extract_has_an_asset_with_a_blocking_check():
    for extract in EXTRACTS:
        key = AssetKey(f"raw_{extract.name}")
        assert key in KEYS, extract.name
        assert GRAPH.get(key).group_name == "extracts"
        checks = checks_of(key)
        assert list(checks) == ["conforms_to_contract"], extract.name
        assert checks["conforms_to_contract"].blocking, extract.name


def test_one_blocking_cross_extract_check_gates_every_covenant_result():
    gate = AssetKey("extract_set")
    assert GRAPH.get(gate).parent_keys == {AssetKey(f"raw_{e.name}") for e in EXTRACTS}
    assert [c.name for c in GRAPH.asset_check_keys if c.asset_key == gate] == ["consistent_across_extracts"]
    assert checks_of(gate)["consistent_across_extracts"].blocking
    assert gate in GRAPH.get(AssetKey("covenant_results")).parent_keys


def test_every_sql_file_has_an_asset_whose_deps_are_what_the_sql_reads():
    names = {p.stem for p in SQL_FILES}
    known = names | {f"raw_{e.name}" for e in EXTRACTS} | {"policy_parameters", "business_days"}
    loaded_by = {"business_days": "policy_parameters"}  # the policy_parameters asset loads the Business Day calendar too
    for path in SQL_FILES:
        key = AssetKey(path.stem)
        assert key in KEYS, path
        node = GRAPH.get(key)
        assert node.group_name == path.parent.name
        expected = {AssetKey(loaded_by.get(r, r)) for r in sql_references(path.read_text(), known) if r != path.stem}
        assert node.parent_keys == expected, path
        assert node.metadata["sql_path"].value == str(path.relative_to(ROOT))


def test_the_model_factory_reads_deps_from_the_sql(tmp_path):
    (tmp_path / "staging").mkdir()
    (tmp_path / "intermediate").mkdir()
    (tmp_path / "marts").mkdir()
    (tmp_path / "staging" / "stg_entities.sql").write_text("-- Entities renamed.\nselect entity_id from raw_entities\n")
    (tmp_path / "intermediate" / "consolidated_net_income.sql").write_text(
        "-- Consolidated Net Income.\n-- clause: indenture-1996/def/ConsolidatedNetIncome\n"
        "with p as (select * from policy_parameters)\n"
        "select * from stg_entities e join raw_trial_balances t on true -- from raw_attestations\n"
    )
    (tmp_path / "marts" / "fixed_charge_coverage_tests.sql").write_text(
        "-- The ratio tests.\n-- clause: indenture-1996/4.10(a)\nselect * from consolidated_net_income\n"
    )
    built = {next(iter(a.keys)).path[-1]: a for a in model_assets(tmp_path)}
    assert set(built) == {"stg_entities", "consolidated_net_income", "fixed_charge_coverage_tests"}
    deps = {name: set(a.asset_deps[next(iter(a.keys))]) for name, a in built.items()}
    assert deps == {
        "stg_entities": {AssetKey("raw_entities")},
        "consolidated_net_income": {AssetKey("stg_entities"), AssetKey("raw_trial_balances"), AssetKey("policy_parameters")},
        "fixed_charge_coverage_tests": {AssetKey("consolidated_net_income")},
    }
    mart = built["fixed_charge_coverage_tests"].specs_by_key[AssetKey("fixed_charge_coverage_tests")]
    assert "indenture-1996/4.10(a)" in mart.description
    assert mart.metadata["clause_ids"].value == ["indenture-1996/4.10(a)"]
    assert mart.group_name == "marts"


def test_a_model_reading_an_unknown_raw_table_is_refused(tmp_path):
    (tmp_path / "staging").mkdir()
    (tmp_path / "staging" / "stg_x.sql").write_text("select * from raw_not_an_extract\n")
    with pytest.raises(ValueError, match="raw_not_an_extract"):
        model_assets(tmp_path)


def test_every_asset_description_names_a_clause_id_or_its_extract():
    names = [e.name for e in EXTRACTS]
    for key in KEYS:
        description = GRAPH.get(key).description or ""
        names_extract = any(f"Extract `{n}`" in description or f"(extract {n})" in description for n in names)
        names_every_extract = all(n in description for n in names)  # extract_set, the extracts taken together
        assert CLAUSE_ID.search(description) or names_extract or names_every_extract, key


def test_policy_parameters_feed_the_models_that_read_them():
    key = AssetKey("policy_parameters")
    assert key in KEYS
    sources = {"policy_parameters", "business_days"}  # the asset loads both tables
    readers = {p.stem for p in SQL_FILES if sources & set(sql_references(p.read_text(), sources))}
    assert {k.path[-1] for k in GRAPH.get(key).child_keys} == readers | {"covenant_results", "deadline_calendar"}


def test_results_and_certificates_are_partitioned_by_fiscal_quarter_1996q1_to_2004q4():
    for name in ("covenant_results", "certificates"):
        partitions = GRAPH.get(AssetKey(name)).partitions_def
        assert partitions.get_partition_keys() == QUARTER_KEYS
    assert len(QUARTER_KEYS) == 36 and QUARTER_KEYS[0] == "1996Q1" and QUARTER_KEYS[-1] == "2004Q4"
    unpartitioned = KEYS - {AssetKey("covenant_results"), AssetKey("certificates")}
    assert all(GRAPH.get(k).partitions_def is None for k in unpartitioned)


def test_covenant_results_depend_on_the_marts_the_policies_test():
    marts = {AssetKey(c.figure.mart) for c in load_policies().covenants}
    parents = GRAPH.get(AssetKey("covenant_results")).parent_keys
    assert parents == marts | {AssetKey("policy_parameters"), AssetKey("extract_set")}


@pytest.mark.skipif(not SQL_FILES, reason="sql/ holds no model yet")
def test_every_mart_a_policy_tests_is_a_model():
    marts = {AssetKey(c.figure.mart) for c in load_policies().covenants}
    assert marts <= KEYS


def test_one_non_blocking_partitioned_check_per_covenant_file():
    covenants = load_policies().covenants
    checks = checks_of(AssetKey("covenant_results"))
    assert len(checks) == len(covenants) == len({c.clause_id for c in covenants})
    by_clause = {c.metadata["clause_id"]: c for c in checks.values()}
    assert set(by_clause) == {c.clause_id for c in covenants}
    for check in checks.values():
        assert not check.blocking
        assert check.partitions_def.get_partition_keys() == QUARTER_KEYS
    assert "indenture_1996_4_10_a" in checks


def test_jobs_nightly_refresh_and_quarter_end():
    nightly = defs.resolve_job_def("nightly_refresh")
    quarter_end = defs.resolve_job_def("quarter_end")
    assert nightly.partitions_def.get_partition_keys() == QUARTER_KEYS
    assert quarter_end.partitions_def.get_partition_keys() == QUARTER_KEYS
    nightly_keys = nightly.asset_layer.executable_asset_keys
    assert nightly_keys == KEYS - {AssetKey("certificates")}
    assert quarter_end.asset_layer.executable_asset_keys == {AssetKey("covenant_results"), AssetKey("certificates")}
    assert nightly.executor_def.name == "in_process"


def test_the_nightly_schedule_runs_nightly_refresh_for_the_current_quarter():
    schedule = defs.resolve_schedule_def("nightly")
    assert schedule.job_name == "nightly_refresh"
    assert schedule.cron_schedule == "0 2 * * *"
    for when, expected in ((datetime(2003, 11, 15, 2), "2003Q4"), (datetime(2004, 1, 1, 2), "2004Q1"), (datetime(2026, 11, 22, 2), "2004Q4")):
        (request,) = schedule.evaluate_tick(build_schedule_context(scheduled_execution_time=when, repository_def=defs.get_repository_def())).run_requests
        assert request.partition_key == expected


def test_current_quarter_is_clamped_to_the_partitions():
    assert current_quarter(datetime(1990, 5, 1).date()) == FiscalQuarter(1996, 1)
    assert current_quarter(datetime(2002, 6, 30).date()) == FiscalQuarter(2002, 2)
    assert current_quarter(datetime(2002, 7, 1).date()) == FiscalQuarter(2002, 3)
    assert current_quarter(datetime(2030, 1, 1).date()) == FiscalQuarter(2004, 4)


def test_dagster_definitions_validate_accepts_the_workspace(tmp_path):
    (tmp_path / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path), "COVENANTS_DUCKDB": str(tmp_path / "covenants.duckdb")}
    dagster = Path(sys.executable).with_name("dagster")
    completed = subprocess.run(
        [str(dagster), "definitions", "validate", "-w", "workspace.yaml"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "All code locations passed validation" in completed.stdout + completed.stderr


@pytest.mark.skipif(not SAMPLE_EXTRACTS_DIR.is_dir(), reason=f"no sample extracts at {SAMPLE_EXTRACTS_DIR} (make sample)")
@pytest.mark.skipif(not (ROOT / "pipelines" / "extracts" / "ingest.py").exists(), reason="pipelines/extracts/ingest.py is not written yet")
def test_the_sample_materializes_through_every_check_to_the_fy2003_statement(tmp_path):
    resources = {
        "duckdb": DuckDBResource(database=str(tmp_path / "covenants.duckdb")),
        "folders": CovenantFolders(extracts_dir=str(SAMPLE_EXTRACTS_DIR), out_dir=str(tmp_path / "out")),
    }
    unpartitioned = [*extracts.assets, *extracts.checks, *policies.assets, *models.assets]
    with DagsterInstance.ephemeral() as instance:
        refresh = materialize(unpartitioned, resources=resources, instance=instance, raise_on_error=False)
        evaluations = {(e.asset_key, e.check_name): e.passed for e in refresh.get_asset_check_evaluations()}
        assert len(evaluations) == len(EXTRACTS) + 1
        assert all(evaluations.values()), {k: v for k, v in evaluations.items() if not v}
        assert refresh.success
        materialized = {e.asset_key for e in refresh.get_asset_materialization_events()}
        assert materialized == {k for a in [*extracts.assets, *policies.assets, *models.assets] for k in a.keys}

        close = materialize(
            [*unpartitioned, *results.assets, *results.checks],
            selection=[AssetKey("covenant_results"), AssetKey("certificates")],
            partition_key="2003Q4",
            resources=resources,
            instance=instance,
        )
    (evaluated,) = [e for e in close.get_asset_materialization_events() if e.asset_key == AssetKey("covenant_results")]
    metadata = evaluated.materialization.metadata
    assert evaluated.partition == "2003Q4"
    assert sum(metadata[s].value for s in ("pass", "fail", "waived", "indeterminate", "not_applicable")) == metadata["results_count"].value
    clause_checks = {e.check_name: e.partition for e in close.get_asset_check_evaluations()}
    assert set(clause_checks) == {check_name(c.clause_id) for c in load_policies().covenants}
    assert set(clause_checks.values()) == {"2003Q4"}
    written = {str(p.relative_to(tmp_path / "out")) for p in (tmp_path / "out").rglob("*") if p.is_file()}
    assert {
        "2003Q4/certificates/indenture-1996-4.06b-FY2003.html",
        "2003Q4/certificates/indenture-1996-4.06b-FY2003.pdf",
        "2003Q4/manifest.json",
        "2003Q4/results.csv",
        "2003Q4/results.json",
    } <= written
    assert all(p.startswith("2003Q4/") for p in written)
    # the extract assets recorded each extract's content fingerprint for the documents to cite
    manifest = json.loads((tmp_path / "out" / "2003Q4" / "manifest.json").read_text())
    assert sorted(manifest["extracts"]) == sorted(e.name for e in EXTRACTS)


def test_the_extracts_sensor_refreshes_when_an_extract_file_changes(tmp_path):
    extracts_sensor = defs.resolve_sensor_def("extracts_changed")
    assert extracts_sensor.job_name == "nightly_refresh"
    (tmp_path / "entities.csv").write_text("entity_id\n")
    folders = CovenantFolders(extracts_dir=str(tmp_path), out_dir=str(tmp_path / "out"))
    first = extracts_sensor.evaluate_tick(build_sensor_context(resources={"folders": folders}, repository_def=defs.get_repository_def()))
    assert not first.run_requests and first.cursor
    unchanged = extracts_sensor.evaluate_tick(build_sensor_context(cursor=first.cursor, resources={"folders": folders}, repository_def=defs.get_repository_def()))
    assert not unchanged.run_requests
    (tmp_path / "entities.csv").write_text("entity_id\nKACC\n")
    changed = extracts_sensor.evaluate_tick(build_sensor_context(cursor=first.cursor, resources={"folders": folders}, repository_def=defs.get_repository_def()))
    (request,) = changed.run_requests
    assert request.partition_key == str(current_quarter(datetime.now().date()))
    assert changed.cursor != first.cursor
