"""Every test, and every command a test starts, records its Dagster runs in a scratch instance, never the project's,
and keeps what it caches (prepared databases, fingerprints, readings of the SQL) in a scratch folder, never the user's.

The sample's runs and prepared database that many modules read are made once a session here (a quarter end takes
seconds): a test reads them, and copies them before it changes anything in them.
"""

import os
import shutil
import tempfile
from contextlib import redirect_stdout
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest

os.environ["DAGSTER_HOME"] = tempfile.mkdtemp(prefix="covenants-test-dagster-home-")
# read by pipelines.layout when it is first imported, which no test module has done yet
os.environ["COVENANTS_CACHE_DIR"] = tempfile.mkdtemp(prefix="covenants-test-cache-")


def _run(*args: str) -> str:
    """`covenants run ARGS` in this process, which must succeed; what it printed."""
    from pipelines.cli import main

    printed = StringIO()
    with redirect_stdout(printed):
        assert main(["run", *args]) == 0
    return printed.getvalue()


@dataclass(frozen=True)
class SampleRun:
    out: Path  # the output folder: shared by every test that asks, so never to be changed
    printed: str  # the summary the command printed


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory) -> SampleRun:
    """`covenants run --extracts sample/extracts` for every quarter."""
    from pipelines.layout import SAMPLE_EXTRACTS_DIR

    out = tmp_path_factory.mktemp("sample-run") / "out"
    return SampleRun(out, _run("--extracts", str(SAMPLE_EXTRACTS_DIR), "--out", str(out)))


@pytest.fixture(scope="session")
def sample_quarter_run(tmp_path_factory) -> Path:
    """The output folder of `covenants run --extracts sample/extracts --period 2003Q4`: shared, so never to be changed."""
    from pipelines.layout import SAMPLE_EXTRACTS_DIR

    out = tmp_path_factory.mktemp("sample-2003Q4") / "out"
    _run("--extracts", str(SAMPLE_EXTRACTS_DIR), "--out", str(out), "--period", "2003Q4")
    return out


@pytest.fixture(scope="session")
def sample_prepared(tmp_path_factory) -> Path:
    """A cache folder holding the sample's prepared database (as `covenants check` prepares it), prepared once."""
    from pipelines.check.prepared import open_prepared
    from pipelines.layout import SAMPLE_EXTRACTS_DIR

    cache = tmp_path_factory.mktemp("sample-prepared")
    prepared = open_prepared(SAMPLE_EXTRACTS_DIR, cache)
    prepared.con.close()
    assert not prepared.cached
    return cache


@pytest.fixture(scope="session")
def sample_database(sample_prepared) -> Path:
    """The sample's prepared database: its extracts ingested and validated and every SQL model built, as
    quarter_end.prepare leaves them. Shared: open it read only."""
    [path] = sample_prepared.glob("prepared-*.duckdb")
    return path


@pytest.fixture(scope="module")
def prepared_cache(sample_prepared, tmp_path_factory) -> Path:
    """A module's own cache folder, holding a copy of the sample's prepared database: the module's first check on the
    sample finds it warm, and whatever the module adds to the folder stays in it."""
    return Path(shutil.copytree(sample_prepared, tmp_path_factory.mktemp("cache"), dirs_exist_ok=True))
