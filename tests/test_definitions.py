"""The Dagster code location: what it defines, read back from the loaded Definitions, and that Dagster accepts it."""

import json
import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import duckdb
import pytest
from dagster import AssetKey, TableColumnDep, build_schedule_context, build_sensor_context

from pipelines.assets.models import contract_leaves, models_asset
from pipelines.assets.partitions import latest_closed_quarter
from pipelines.definitions import defs
from pipelines.extracts.contract import EXTRACTS
from pipelines.fiscal import FiscalQuarter
from pipelines.instance import project_instance
from pipelines.layout import ROOT, SAMPLE_EXTRACTS_DIR, SQL_DIR
from pipelines.models.column_lineage import leaf_columns
from pipelines.models.sql_models import LAYERS, discover
from pipelines.run_job import run_config
from pipelines.policy.loading import load_policies

GRAPH = defs.resolve_asset_graph()
KEYS = {k for k in GRAPH.get_all_asset_keys() if GRAPH.get(k).is_materializable}
SQL_FILES = sorted(p for layer in LAYERS for p in (SQL_DIR / layer).glob("*.sql"))  # sql/explain holds queries, not models
CLAUSE_ID = re.compile(r"\b(?:indenture-1996|ca-1994|ppca-2002)/\S+")
QUARTER_KEYS = [f"{year}Q{quarter}" for year in range(1996, 2005) for quarter in (1, 2, 3, 4)]


def checks_of(key: AssetKey) -> dict[str, object]:
    return {c.name: GRAPH.get(c) for c in GRAPH.asset_check_keys if c.asset_key == key}


def _selected_from(sql: str) -> set[str]:
    without_comments = re.sub(r"--[^\n]*", "", sql)
    return {r.lower() for r in re.findall(r"\b(?:from|join)\s+([a-z_][a-z0-9_]*)", without_comments, re.IGNORECASE)}


def sql_references(sql: str, known: set[str]) -> set[str]:
    """What a SQL file selects from, what the macros it calls (sql/macros/<name>.sql) select from, and the relations
    it passes them (a macro's first argument where it reads it with query_table), read independently of the code
    under test."""
    code = re.sub(r"--[^\n]*", "", sql)
    macros = {p.stem: _selected_from(p.read_text()) for p in (SQL_DIR / "macros").glob("*.sql")}
    called = set().union(*(tables for name, tables in macros.items() if re.search(rf"\b{name}\(", code)))
    passed = {r.lower() for name in macros for r in re.findall(rf"\b{name}\(\s*([a-z_][a-z0-9_]*)\s*,", code)}
    return (_selected_from(sql) | called | passed) & known


def test_definitions_load_with_every_job_resolved():
    assert defs.resolve_all_job_defs()
    assert set(defs.resources) == {"folders"}


def test_every_extract_has_an_asset_in_the_extracts_group():
    for extract in EXTRACTS:
        key = AssetKey(f"raw_{extract.name}")
        assert key in KEYS, extract.name
        assert GRAPH.get(key).group_name == "extracts"


FAMILIES = {"file_readable", "values_typed", "keys_unique", "values_in_domain", "rows_consistent", "references_resolve", "trial_balance_identity", "entity_periods_disjoint"}


def test_one_blocking_check_per_family_of_rules_gates_every_covenant_result():
    gate = AssetKey("extract_set")
    assert GRAPH.get(gate).parent_keys == {AssetKey(f"raw_{e.name}") for e in EXTRACTS}
    assert set(checks_of(gate)) == FAMILIES
    assert all(check.blocking for check in checks_of(gate).values())
    assert gate in GRAPH.get(AssetKey("covenant_results")).parent_keys
    assert not any(checks_of(AssetKey(f"raw_{e.name}")) for e in EXTRACTS)


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
    built = models_asset(discover(tmp_path))
    assert {k.path[-1] for k in built.keys} == {"stg_entities", "consolidated_net_income", "fixed_charge_coverage_tests"}
    deps = {k.path[-1]: set(built.asset_deps[k]) for k in built.keys}
    assert deps == {
        "stg_entities": {AssetKey("raw_entities")},
        "consolidated_net_income": {AssetKey("stg_entities"), AssetKey("raw_trial_balances"), AssetKey("policy_parameters")},
        "fixed_charge_coverage_tests": {AssetKey("consolidated_net_income")},
    }
    mart = built.specs_by_key[AssetKey("fixed_charge_coverage_tests")]
    assert "indenture-1996/4.10(a)" in mart.description
    assert mart.metadata["clause_ids"].value == ["indenture-1996/4.10(a)"]
    assert mart.group_name == "marts"


def test_the_lineage_the_definitions_carry_starts_from_the_columns_a_run_makes(sample_database):
    # the definitions trace each model's columns from the extracts' contract and the two tables of the policies
    # (contract_leaves), before any run; the tables a run makes below the models must have exactly those columns
    with duckdb.connect(str(sample_database), read_only=True) as con:
        assert leaf_columns(con) == contract_leaves()


def test_a_model_reading_an_unknown_raw_table_is_refused(tmp_path):
    (tmp_path / "staging").mkdir()
    (tmp_path / "staging" / "stg_x.sql").write_text("select * from raw_not_an_extract\n")
    with pytest.raises(ValueError, match="raw_not_an_extract"):
        models_asset(discover(tmp_path))


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


def test_the_quarter_close_is_partitioned_by_fiscal_quarter_1996q1_to_2004q4():
    closing = {AssetKey("covenant_results"), AssetKey("deadline_calendar"), AssetKey("certificates")}
    for key in closing:
        assert GRAPH.get(key).partitions_def.get_partition_keys() == QUARTER_KEYS
    assert len(QUARTER_KEYS) == 36 and QUARTER_KEYS[0] == "1996Q1" and QUARTER_KEYS[-1] == "2004Q4"
    unpartitioned = KEYS - closing
    assert all(GRAPH.get(k).partitions_def is None for k in unpartitioned)


def test_covenant_results_depend_on_the_marts_the_policies_test():
    marts = {AssetKey(c.figure.mart) for c in load_policies().covenants}
    parents = GRAPH.get(AssetKey("covenant_results")).parent_keys
    assert parents == marts | {AssetKey("policy_parameters"), AssetKey("extract_set")}


@pytest.mark.skipif(not SQL_FILES, reason="sql/ holds no model yet")
def test_every_mart_a_policy_tests_is_a_model():
    marts = {AssetKey(c.figure.mart) for c in load_policies().covenants}
    assert marts <= KEYS


def test_one_non_blocking_check_per_covenant_file():
    covenants = load_policies().covenants
    checks = checks_of(AssetKey("covenant_results"))
    assert len(checks) == len(covenants) == len({c.clause_id for c in covenants})
    by_clause = {c.metadata["clause_id"]: c for c in checks.values()}
    assert set(by_clause) == {c.clause_id for c in covenants}
    assert not any(check.blocking for check in checks.values())
    assert "indenture_1996_4_10_a" in checks


def test_one_job_quarter_end_of_every_asset_in_one_process():
    (job,) = [j for j in defs.resolve_all_job_defs() if not j.name.startswith("__")]
    assert job.name == "quarter_end"
    assert job.partitions_def.get_partition_keys() == QUARTER_KEYS
    assert job.asset_layer.executable_asset_keys == KEYS
    assert job.executor_def.name == "in_process"
    # the extracts, the SQL models and the quarter close are each one step (a multi_asset), whatever their assets
    assert len(job.graph.node_defs) == 4


def test_the_nightly_schedule_closes_the_latest_quarter_that_has_ended(tmp_path, monkeypatch):
    monkeypatch.setenv("COVENANTS_OUT", str(tmp_path))  # no earlier run there that would still stand
    schedule = defs.resolve_schedule_def("nightly")
    assert schedule.job_name == "quarter_end"
    assert schedule.cron_schedule == "0 2 * * *"
    for when, expected in ((datetime(2003, 11, 15, 2), "2003Q3"), (datetime(2004, 1, 1, 2), "2003Q4"), (datetime(2026, 11, 22, 2), "2004Q4")):
        (request,) = schedule.evaluate_tick(build_schedule_context(scheduled_execution_time=when, repository_def=defs.get_repository_def())).run_requests
        assert request.partition_key == expected


def test_the_latest_closed_quarter_is_clamped_to_the_partitions():
    assert latest_closed_quarter(datetime(1990, 5, 1).date()) == FiscalQuarter(1996, 1)
    assert latest_closed_quarter(datetime(2002, 6, 30).date()) == FiscalQuarter(2002, 1)  # the second quarter ends that day
    assert latest_closed_quarter(datetime(2002, 7, 1).date()) == FiscalQuarter(2002, 2)
    assert latest_closed_quarter(datetime(2030, 1, 1).date()) == FiscalQuarter(2004, 4)


def test_dagster_definitions_validate_accepts_the_workspace(tmp_path):
    (tmp_path / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path)}
    dagster = Path(sys.executable).with_name("dagster")
    completed = subprocess.run(
        [str(dagster), "definitions", "validate", "-w", "workspace.yaml"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "All code locations passed validation" in completed.stdout + completed.stderr


def test_the_quarter_end_job_closes_2003q4_through_every_check(tmp_path):
    job = defs.resolve_job_def("quarter_end")
    with project_instance() as instance:
        run = job.execute_in_process(run_config=run_config(SAMPLE_EXTRACTS_DIR, tmp_path / "out", None), partition_key="2003Q4", instance=instance)
    evaluations = {(e.asset_key, e.check_name): e.passed for e in run.get_asset_check_evaluations()}
    extract_checks = {k: v for k, v in evaluations.items() if k[0] != AssetKey("covenant_results")}
    assert {name for _, name in extract_checks} == FAMILIES and all(extract_checks.values())
    # a clause tested in 2003Q4 has its check; the 1994 Credit Agreement's, which ended in 2002, yield none, and the
    # UI shows them as skipped rather than passed
    clause_checks = {name for key, name in evaluations if key == AssetKey("covenant_results")}
    assert {"ppca_2002_9_2_4_b", "indenture_1996_4_10_a"} <= clause_checks
    assert any(name.startswith("ca_1994") for name in checks_of(AssetKey("covenant_results")))
    assert not any(name.startswith("ca_1994") for name in clause_checks)
    assert not evaluations[(AssetKey("covenant_results"), "ppca_2002_9_2_4_b")]  # failed on November 30, 2003
    assert {e.asset_key for e in run.get_asset_materialization_events()} == KEYS
    # what the UI shows of a model's table: its columns, from the materialization, and for each the columns of the
    # assets above it that the column is made from, from the definition (it follows from the SQL alone); the 4.10(a)
    # numerator sums CCFAFC, the trial-balance activity sums the file's balances
    tables = {e.asset_key.path[-1]: e.materialization.metadata for e in run.get_asset_materialization_events()}
    assert "numerator" in {c.name for c in tables["fixed_charge_coverage_tests"]["dagster/column_schema"].value.columns}
    assert "dagster/column_lineage" not in tables["fixed_charge_coverage_tests"]  # not recorded again at each run
    # the columns are on the materialization alone, not written again into the step's output event
    outputs = [e.event_specific_data for e in run.all_events if e.event_type_value == "STEP_OUTPUT" and e.step_key == "sql_models"]
    assert outputs and not [o for o in outputs if "dagster/column_schema" in o.metadata]
    assert all("dagster/row_count" in o.metadata for o in outputs)
    specs = {spec.key.path[-1]: spec.metadata for spec in defs.resolve_all_asset_specs()}
    numerator = specs["fixed_charge_coverage_tests"]["dagster/column_lineage"].deps_by_column["numerator"]
    ccfafc = "consolidated_cash_flow_available_for_fixed_charges"
    assert TableColumnDep(asset_key=AssetKey(ccfafc), column_name=ccfafc) in numerator
    activity = specs["stg_trial_balance_activity"]["dagster/column_lineage"].deps_by_column["activity"]
    assert TableColumnDep(asset_key=AssetKey("raw_trial_balances"), column_name="balance") in activity
    (evaluated,) = [e for e in run.get_asset_materialization_events() if e.asset_key == AssetKey("covenant_results")]
    metadata = evaluated.materialization.metadata
    assert evaluated.partition == "2003Q4"
    assert sum(metadata[s].value for s in ("pass", "fail", "waived", "indeterminate", "not_applicable")) == metadata["results_count"].value
    # numbers the UI plots quarter by quarter: November 2003's EBITDA for 9.2.4(b), (127,541,418.02) against a minimum
    # of (127,000,000.00), short by 541,418.02, that is 0.43% of the minimum, in whole cents where it is money; and
    # December's (135,000,000.00) under 9.2.4(a) against (123,000,000.00), short by 12,000,000.00
    assert metadata["ppca-2002/9.2.4(b) figure (cents)"].value == -12_754_141_802
    assert metadata["ppca-2002/9.2.4(b) headroom (cents)"].value == -54_141_802
    assert metadata["ppca-2002/9.2.4(b) headroom %"].value == -0.43
    assert metadata["ppca-2002/9.2.4(a) headroom (cents)"].value == -1_200_000_000
    written = {str(p.relative_to(tmp_path / "out")) for p in (tmp_path / "out").rglob("*") if p.is_file()}
    assert {"certificates/indenture-1996-4.06b-FY2003.pdf", "manifest.json", "results.csv", "results.json", "covenants.duckdb"} <= written
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert sorted(manifest["extracts"]) == sorted(e.name for e in EXTRACTS)
    # each model's row count, as DuckDB answered its statement, is the count of its table
    counted = {e.asset_key.path[-1]: e.materialization.metadata.get("dagster/row_count") for e in run.get_asset_materialization_events()}
    with duckdb.connect(str(tmp_path / "out" / "covenants.duckdb"), read_only=True) as con:
        for model in discover():
            assert counted[model.name].value == con.execute(f'select count(*) from "{model.name}"').fetchone()[0], model.name
    assert manifest["options"] == {"period": "2003Q4", "as_of": None}


def test_the_extracts_sensor_closes_the_latest_quarter_when_an_extract_file_changes(tmp_path, monkeypatch):
    extracts_sensor = defs.resolve_sensor_def("extracts_changed")
    assert extracts_sensor.job_name == "quarter_end"
    monkeypatch.setenv("COVENANTS_EXTRACTS", str(tmp_path))
    (tmp_path / "entities.csv").write_text("entity_id\n")
    first = extracts_sensor.evaluate_tick(build_sensor_context(repository_def=defs.get_repository_def()))
    assert not first.run_requests and first.cursor
    unchanged = extracts_sensor.evaluate_tick(build_sensor_context(cursor=first.cursor, repository_def=defs.get_repository_def()))
    assert not unchanged.run_requests
    (tmp_path / "entities.csv").write_text("entity_id\nKACC\n")
    changed = extracts_sensor.evaluate_tick(build_sensor_context(cursor=first.cursor, repository_def=defs.get_repository_def()))
    (request,) = changed.run_requests
    assert request.partition_key == str(latest_closed_quarter(datetime.now().date()))
    assert changed.cursor != first.cursor
