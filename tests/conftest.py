"""Every test, and every command a test starts, records its Dagster runs in a scratch instance, never the project's,
and keeps what it caches (prepared databases, fingerprints, readings of the SQL) in a scratch folder, never the user's.

The sample's runs and prepared database that many modules read are made once a session here (a quarter end takes
seconds), by whichever of the session's processes (pytest-xdist's workers) asks first, while the others wait for it:
a test reads them, and copies them before it changes anything in them.
"""

import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable
from contextlib import redirect_stdout
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest

# COVENANTS_CACHE_DIR is read by pipelines.layout when it is first imported, which no test module has done yet. Each
# process of the session (pytest-xdist's controller and workers) makes its own two and removes them when it ends
# (pytest_unconfigure): a session left about 50 MB behind in the temporary folder.
SCRATCH = {
    "DAGSTER_HOME": tempfile.mkdtemp(prefix="covenants-test-dagster-home-"),
    "COVENANTS_CACHE_DIR": tempfile.mkdtemp(prefix="covenants-test-cache-"),
}
os.environ.update(SCRATCH)


# The modules that take longest (whole runs, measured with --durations), in that order, first: pytest-xdist hands whole
# modules to its processes in the order collected (`make test` passes --no-loadscope-reorder, whose default orders
# them by their number of tests, which put these last), so that the two processes end together rather than one
# finishing a long module while the other has nothing left. A module missing here only runs later.
SLOWEST_FIRST = (
    "tests/test_prepared_runs.py",
    "tests/check/test_lineage.py",
    "tests/reliability/test_determinism.py",
    "tests/outputs/test_verification.py",
    "tests/test_end_to_end.py",
    "tests/extracts/test_promises.py",
    "tests/check/test_prepared.py",
    "tests/test_one_pipeline.py",
    "tests/scenario/test_scenario_runs.py",
    "tests/test_ui.py",
    "tests/test_sample_scaled.py",
    "tests/check/test_check.py",
    "tests/reliability/test_extracts.py",
    "tests/check/test_check_other_kinds.py",
    "tests/test_rules_as_of_run.py",
    "tests/policy/test_yaml_cases.py",
    "tests/impact/test_impact.py",
    "tests/test_definitions.py",
    "tests/certificates/test_printing.py",
    "tests/extracts/test_ingest.py",
    "tests/reliability/test_failures.py",
    "tests/test_subset_run.py",
    "tests/certificates/test_layout.py",
    "tests/reliability/test_outputs_safe.py",
    "tests/test_vocabulary.py",
    "tests/sql/test_asset_sales.py",
    "tests/test_outputs_of_a_run.py",
    "tests/reliability/test_output_folders.py",
)


def pytest_collection_modifyitems(items) -> None:
    rank = {module: position for position, module in enumerate(SLOWEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))  # stable: the rest as collected


def pytest_configure(config) -> None:
    # The garbage collector's first threshold as `covenants run` sets it in a process of its own: a test process holds
    # the whole collected suite, and with Python's default of 700 its passes over it cost every quarter end it runs.
    import gc

    from pipelines.cli import RUN_GC_THRESHOLD

    gc.set_threshold(RUN_GC_THRESHOLD, *gc.get_threshold()[1:])


def pytest_unconfigure(config) -> None:
    for folder in SCRATCH.values():
        shutil.rmtree(folder, ignore_errors=True)


def _run(*args: str) -> str:
    """`covenants run ARGS` in this process, which must succeed; what it printed."""
    from pipelines.cli import main

    printed = StringIO()
    with redirect_stdout(printed):
        assert main(["run", *args]) == 0
    return printed.getvalue()


def _made_once(tmp_path_factory, name: str, make: Callable[[Path], None]) -> Path:
    """The folder `name` of the session, which `make` fills: called by the first process to ask, under a lock the
    session's other processes wait on; a failed `make` is tried afresh by the next to ask."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    # a worker's base folder is the session's own, one per worker; their parent is the session's
    root = tmp_path_factory.getbasetemp().parent if worker else tmp_path_factory.getbasetemp()
    folder, made = root / name, root / f"{name}.made"
    with (root / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not made.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            made.touch()
    return folder


@dataclass(frozen=True)
class SampleRun:
    out: Path  # the output folder: shared by every test that asks, so never to be changed
    printed: str  # the summary the command printed


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory) -> SampleRun:
    """`covenants run --extracts sample/extracts` for every quarter."""
    from pipelines.layout import SAMPLE_EXTRACTS_DIR

    def make(folder: Path) -> None:
        (folder / "printed.txt").write_text(_run("--extracts", str(SAMPLE_EXTRACTS_DIR), "--out", str(folder / "out")))

    folder = _made_once(tmp_path_factory, "sample-run", make)
    return SampleRun(folder / "out", (folder / "printed.txt").read_text())


@pytest.fixture(scope="session")
def sample_quarter_run(tmp_path_factory) -> Path:
    """The output folder of `covenants run --extracts sample/extracts --period 2003Q4`: shared, so never to be changed."""
    from pipelines.layout import SAMPLE_EXTRACTS_DIR

    def make(folder: Path) -> None:
        _run("--extracts", str(SAMPLE_EXTRACTS_DIR), "--out", str(folder / "out"), "--period", "2003Q4")

    return _made_once(tmp_path_factory, "sample-2003Q4", make) / "out"


@pytest.fixture(scope="session")
def sample_prepared(tmp_path_factory) -> Path:
    """A cache folder holding the sample's prepared database (as `covenants check` prepares it), prepared once."""
    from pipelines.check.prepared import open_prepared
    from pipelines.layout import SAMPLE_EXTRACTS_DIR

    def make(cache: Path) -> None:
        prepared = open_prepared(SAMPLE_EXTRACTS_DIR, cache)
        prepared.con.close()
        assert not prepared.cached

    return _made_once(tmp_path_factory, "sample-prepared", make)


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
