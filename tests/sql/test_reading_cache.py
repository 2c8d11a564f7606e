"""What reading the SQL found is cached by the files' hash (pipelines/models/reading_cache.py): a run with the cache warm
neither parses nor imports sqlglot, and a cache file that is damaged or lacks a model is read afresh. The readings of
the project's own sql/ are shipped with it (pipelines/models/shipped_readings.py): a process with an empty cache folder
takes them, and they are what reading sql/ as it is finds."""

import json
import os
import subprocess
import sys

from pipelines.assets.models import contract_leaves
from pipelines.layout import ROOT
from pipelines.models import reading_cache
from pipelines.models.column_lineage import lineage
from pipelines.models.sql_models import discover, tables_read

TEXTS = {"stg_entities": "select entity_id from raw_entities", "consolidated_group": "select * from stg_entities join raw_x on true"}
# what the two statements read, by hand
READ = {"stg_entities": ["raw_entities"], "consolidated_group": ["raw_x", "stg_entities"]}


def test_a_damaged_or_incomplete_reading_is_read_afresh(tmp_path):
    assert tables_read(TEXTS, tmp_path) == READ
    (kept,) = tmp_path.glob("sql-tables-*.json")
    assert json.loads(kept.read_text()) == READ
    for damage in ("{", json.dumps({"stg_entities": ["raw_entities"]}), json.dumps(["stg_entities"])):
        kept.write_text(damage)
        assert tables_read(TEXTS, tmp_path) == READ
        assert json.loads(kept.read_text()) == READ  # written again


def test_a_changed_file_is_read_again():
    changed = {**TEXTS, "stg_entities": "with raw_entities as (select 1 as entity_id) select entity_id from raw_entities"}
    assert tables_read(changed, None)["stg_entities"] == []  # the CTE, not the raw table


def test_with_the_cache_warm_the_models_are_found_without_sqlglot():
    script = "import sys; from pipelines.models.sql_models import discover; discover(); print('sqlglot' in sys.modules)"
    for _ in range(2):  # the first may read the SQL and fill the cache
        printed = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert printed.strip() == "False"


def test_with_an_empty_cache_folder_the_definitions_take_the_shipped_readings_without_sqlglot(tmp_path):
    script = "import sys; import pipelines.definitions; print('sqlglot' in sys.modules)"
    env = os.environ | {"COVENANTS_CACHE_DIR": str(tmp_path)}
    printed = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout
    assert printed.strip() == "False"
    assert list(tmp_path.glob("sql-*")) == []  # nothing read, so nothing written


def test_the_shipped_readings_are_what_reading_sql_as_it_is_finds(tmp_path, monkeypatch):
    """Read afresh (sqlglot) into an empty folder with nothing shipped: the same files, the same values. Fails after
    a change to sql/, a macro or the extracts' columns until `make docs` writes them again."""
    shipped = {p.name: json.loads(p.read_text()) for p in reading_cache.SHIPPED.glob("*.json")}
    monkeypatch.setattr(reading_cache, "SHIPPED", tmp_path / "nothing shipped")
    lineage(discover(cache_dir=tmp_path), contract_leaves(), cache_dir=tmp_path)
    assert {p.name: json.loads(p.read_text()) for p in tmp_path.glob("*.json")} == shipped
    assert sorted(name.split("-")[1] for name in shipped) == ["lineage", "tables"]
