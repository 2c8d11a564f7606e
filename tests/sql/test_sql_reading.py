"""The SQL models read as DuckDB reads them (pipelines/models/sql_reading.py): the tables each reads, never a CTE, a
function in FROM or a file outside the three layers, and each output column's direct sources."""

import json
import re

import pytest

from pipelines.check.prepared import ATTACHED, open_prepared
from pipelines.layout import SAMPLE_EXTRACTS_DIR, SQL_DIR
from pipelines.models.column_lineage import lineage
from pipelines.models.sql_models import SOURCES, discover
from pipelines.models.sql_reading import column_sources, parse


def write(root, relative: str, sql: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(sql)


@pytest.fixture
def sql_dir(tmp_path):
    write(tmp_path, "staging/stg_entities.sql", "-- Entities.\nselect entity_id, upper(entity_name) as entity_name from raw_entities\n")
    # a CTE named like the model stg_entities: the model reads the CTE (and, through it, raw_trial_balances), never the
    # model; "Raw_Trial_Balances" is quoted and cased as DuckDB allows, and is the raw table
    write(
        tmp_path,
        "intermediate/consolidated_net_income.sql",
        "-- clause: indenture-1996/def/ConsolidatedNetIncome\n"
        "with stg_entities as (select t.entity_id, t.balance from \"Raw_Trial_Balances\" as t)\n"
        "select e.entity_id, sum(e.balance) as consolidated_net_income from stg_entities as e\n"
        "join range(3) as r on true\n"
        "join quarter_days(2003) as q on true -- a table macro: no model\n"
        "group by e.entity_id\n",
    )
    write(tmp_path, "macros/quarter_days.sql", "create or replace macro quarter_days(y) as table select 1 as d\n")
    return tmp_path


def test_a_cte_shadowing_a_model_and_a_quoted_name_resolve_to_the_tables_read(sql_dir):
    models = {m.name: m for m in discover(sql_dir)}
    assert set(models) == {"stg_entities", "consolidated_net_income"}  # macros/ holds no model
    assert models["consolidated_net_income"].depends_on == ("raw_trial_balances",)
    assert models["stg_entities"].depends_on == ("raw_entities",)


def test_a_model_reading_the_model_a_cte_is_named_after_comes_after_it(sql_dir):
    write(sql_dir, "marts/fixed_charge_coverage_tests.sql",
          "-- clause: indenture-1996/4.10(a)\nwith consolidated_net_income as (select * from main.\"consolidated_net_income\")\n"
          "select consolidated_net_income as numerator from consolidated_net_income\n")
    order = [m.name for m in discover(sql_dir)]
    assert order.index("consolidated_net_income") < order.index("fixed_charge_coverage_tests")
    assert {m.name: m.depends_on for m in discover(sql_dir)}["fixed_charge_coverage_tests"] == ("consolidated_net_income",)


def test_each_column_is_traced_through_ctes_stars_subqueries_and_unions_to_the_tables_read(sql_dir):
    leaves = {"raw_entities": ["entity_id", "entity_name", "_row"], "raw_trial_balances": ["entity_id", "balance", "_row"]}
    found = lineage(discover(sql_dir), leaves, cache_dir=None)
    assert found["stg_entities"] == {"entity_id": [("raw_entities", "entity_id")], "entity_name": [("raw_entities", "entity_name")]}
    # the CTE's balance is raw_trial_balances.balance; range(3) and the macro are no table
    assert found["consolidated_net_income"] == {
        "entity_id": [("raw_trial_balances", "entity_id")],
        "consolidated_net_income": [("raw_trial_balances", "balance")],
    }
    sql = (
        "with a as (select * from raw_entities), b as (select entity_id as id, 1 as one from raw_trial_balances)\n"
        "select a.*, (select max(p.value) from policy_parameters as p where p.name = a.entity_id) as top from a\n"
        "union all by name\n"
        "select id as entity_id, 'x' as entity_name, null as _row, null as top from b"
    )
    schema = {**leaves, "policy_parameters": ["instrument", "name", "value"]}
    assert column_sources(parse(sql), schema) == {
        "entity_id": {("raw_entities", "entity_id"), ("raw_trial_balances", "entity_id")},  # each branch by name
        "entity_name": {("raw_entities", "entity_name")},  # the literal 'x' reads nothing
        "_row": {("raw_entities", "_row")},
        "top": {("policy_parameters", "value")},  # the scalar subquery by what it selects, not its filter
    }


def _regex_references(sql: str) -> set[str]:
    """What the dependencies were before the SQL was parsed: every word after `from` or `join` outside comments, and
    for each macro of sql/macros/ it calls, the words after `from` or `join` in the macro's file and the relation it
    passes the macro as its first argument."""
    without_comments = re.sub(r"--[^\n]*", "", sql)
    found = {r.lower() for r in re.findall(r"\b(?:from|join)\s+([a-z_][a-z0-9_]*)", without_comments, re.IGNORECASE)}
    for macro in (SQL_DIR / "macros").glob("*.sql"):
        if re.search(rf"\b{macro.stem}\(", without_comments):
            found |= {r.lower() for r in re.findall(r"\b(?:from|join)\s+([a-z_][a-z0-9_]*)", macro.read_text(), re.IGNORECASE)}
            found |= {r.lower() for r in re.findall(rf"\b{macro.stem}\(\s*([a-z_][a-z0-9_]*)\s*,", without_comments)}
    return found


# Where the parsed dependencies and the regex's differ, and why the parse is right: ppca_trigger_events has a CTE named
# business_days (the Business Days of ppca_business_days) and never reads the business_days calendar table itself.
REGEX_WAS_WRONG = {"ppca_trigger_events": {"business_days"}}


def test_every_model_depends_on_what_it_reads_as_the_regex_read_it_but_for_its_mistakes():
    models = discover()
    names = {m.name for m in models}
    for model in models:
        known = {r for r in _regex_references(model.sql) if r != model.name and (r in names or r.startswith("raw_") or r in SOURCES)}
        assert set(model.depends_on) == known - REGEX_WAS_WRONG.get(model.name, set()), model.name
        assert REGEX_WAS_WRONG.get(model.name, set()) <= known


def _scanned(plan: object, found: set[str]) -> set[str]:
    """The tables a DuckDB plan (EXPLAIN's JSON) scans."""
    if isinstance(plan, dict):
        info = plan.get("extra_info")
        if isinstance(info, dict) and info.get("Table"):
            found.add(info["Table"].split(".")[-1].strip('"').lower())
        for value in plan.values():
            _scanned(value, found)
    elif isinstance(plan, list):
        for value in plan:
            _scanned(value, found)
    return found


def test_duckdb_never_scans_a_table_a_model_does_not_depend_on(prepared_cache):
    # DuckDB's own plan of each model on the embedded sample: every table it scans is a declared dependency. (It may
    # scan fewer: it answers min and max from statistics and drops what a filter rules out, so it is no test of the rest.)
    prepared = open_prepared(SAMPLE_EXTRACTS_DIR, prepared_cache)
    try:
        prepared.con.execute(f"use {ATTACHED}")
        for model in discover():
            (_, plan), = prepared.con.execute("explain (format json) " + model.sql).fetchall()
            assert _scanned(json.loads(plan), set()) <= set(model.depends_on), model.name
    finally:
        prepared.con.close()


def test_sql_sqlglot_cannot_read_is_refused_naming_its_model(tmp_path):
    write(tmp_path, "staging/stg_broken.sql", "-- Broken.\nselect (1 from raw_entities\n")
    with pytest.raises(ValueError, match="stg_broken: sqlglot's DuckDB dialect cannot read it"):
        discover(tmp_path)
