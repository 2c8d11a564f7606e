"""One cache folder for every user of it (the SQL readings; check's, explain's and impact's prepared databases; the
databases runs keep), whatever folder the command is run from, and $COVENANTS_CACHE_DIR to put it elsewhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from pipelines.layout import CACHE_DIR, ROOT, cache_dir

# Every default of a cache folder, read in a fresh process (the defaults are bound at import) run from `cwd`.
DEFAULTS = """
import inspect, json
from pipelines import cli, layout
from pipelines.check.command import run_check
from pipelines.check.prepared import open_prepared, prepared_database
from pipelines.explain.command import explain
from pipelines.impact.command import impact
from pipelines.models.column_lineage import lineage
from pipelines.models.reading_cache import cached
from pipelines.models.sql_models import tables_read
from pipelines.prepared_runs import keep, take

found = {f.__qualname__: str(inspect.signature(f).parameters["cache_dir"].default)
         for f in (run_check, open_prepared, prepared_database, explain, impact, lineage, cached, tables_read, take, keep)}
for line in ("check --extracts x --date 2003-12-31 --transaction t", "explain c --date 2003-12-31", "impact f"):
    found[f"covenants {line}"] = cli.parser().parse_args(line.split()).cache
found["layout.CACHE_DIR"] = str(layout.CACHE_DIR)
print(json.dumps(found))
"""


def _defaults(cwd: Path, **env: str) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("COVENANTS_CACHE_DIR", "XDG_CACHE_HOME")} | env
    environ["PYTHONPATH"] = str(ROOT)  # this checkout's code, whatever folder the process starts in
    done = subprocess.run([sys.executable, "-c", DEFAULTS], cwd=cwd, env=environ, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_every_user_of_the_cache_defaults_to_the_users_cache_folder_from_any_working_folder(tmp_path):
    # HOME=<tmp>/home and no XDG_CACHE_HOME: the XDG default, <HOME>/.cache, with the product's folder in it; the
    # process runs from another folder, which must not matter
    (tmp_path / "elsewhere").mkdir()
    found = _defaults(tmp_path / "elsewhere", HOME=str(tmp_path / "home"))
    assert len(found) == 14  # 10 functions, 3 commands' --cache, the constant: none left out
    assert set(found.values()) == {str(tmp_path / "home" / ".cache" / "covenants")}


def test_covenants_cache_dir_moves_every_user_of_the_cache(tmp_path):
    found = _defaults(tmp_path, HOME=str(tmp_path / "home"), COVENANTS_CACHE_DIR=str(tmp_path / "shared-cache"))
    assert set(found.values()) == {str(tmp_path / "shared-cache")}


def test_the_folder_named_by_each_variable():
    home = {"HOME": "/home/treasury"}
    assert cache_dir(home) == Path("/home/treasury/.cache/covenants")
    assert cache_dir(home | {"XDG_CACHE_HOME": "/var/cache/treasury"}) == Path("/var/cache/treasury/covenants")
    # the XDG rule: a relative XDG_CACHE_HOME is invalid and ignored
    assert cache_dir(home | {"XDG_CACHE_HOME": "cache"}) == Path("/home/treasury/.cache/covenants")
    # the product's own variable wins over both, as given (no `covenants` folder added); an empty one is unset
    assert cache_dir(home | {"XDG_CACHE_HOME": "/var/cache/treasury", "COVENANTS_CACHE_DIR": "/srv/covenants-cache"}) == Path("/srv/covenants-cache")
    assert cache_dir(home | {"COVENANTS_CACHE_DIR": ""}) == Path("/home/treasury/.cache/covenants")
    # a relative one is taken from the working folder when the command starts, then fixed
    assert cache_dir(home | {"COVENANTS_CACHE_DIR": "cache"}) == Path.cwd() / "cache"


def test_the_tests_cache_in_a_scratch_folder_and_never_in_the_users():
    # tests/conftest.py sets the variable before any module of the project is imported
    assert CACHE_DIR.name.startswith("covenants-test-cache-") and CACHE_DIR.parent == Path(tempfile.gettempdir())
