"""`folders`: where a run reads its extracts and writes its outputs, held for the whole run.

| config          | default                                                                                   |
|-----------------|-------------------------------------------------------------------------------------------|
| `extracts_dir`  | `COVENANTS_EXTRACTS`, else `<repo>/sample/extracts`                                      |
| `out_dir`       | `<COVENANTS_OUT, else <repo>/out/dagster>/<the run's quarter>` (`2003Q4`, or `2003Q1-2003Q4` for a range) |
| `scenario_file` | none: a scenario file (docs/time-and-scenarios.md), whose extracts the run reads from a temporary folder |
| `fresh`         | false: the database an earlier run kept after reading most of the same files may be copied, and only what differs prepared (pipelines/prepared_runs.py); true: never |
| `keep`          | true: a run that read every extract keeps a copy of its database for later runs (pipelines/prepared_runs.py); false: it leaves nothing in the cache folder (a verification's re-run) |

`covenants run` sets both. When the run starts, the output folder is checked (one the product may replace), locked
against another run and a staging folder made beside it; every step writes there, the run's DuckDB database
included (`covenants.duckdb`: one file per run, which a run's single process holds). The last step publishes the
staging folder in place of the output folder; a run that fails leaves the earlier outputs untouched
(pipelines.outputs.output_folder.StagedFolder).

A run of some assets only (the UI's "Materialize selected") works on what the folder's last run left: a run without
every extract starts from a copy of its database, and a run without `certificates` keeps its other outputs and, once
every step has succeeded, publishes the folder as the last step would have.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
from dagster import AssetKey, ConfigurableResource, DagsterEventType, InitResourceContext
from pydantic import PrivateAttr

from pipelines.database import connect as open_database
from pipelines.extracts.contract import EXTRACTS
from pipelines.extracts.ingest import table_name
from pipelines.layout import ROOT, SAMPLE_EXTRACTS_DIR
from pipelines.outputs.output_folder import StagedFolder
from pipelines.policy.loading import PolicySet, load_policies
from pipelines.prepared_runs import Taken
from pipelines.scenario.run import ScenarioOverlay

DEFAULT_OUT = ROOT / "out" / "dagster"
DATABASE = "covenants.duckdb"
PARTITION_TAG = "dagster/partition"
RANGE_TAGS = ("dagster/asset_partition_range_start", "dagster/asset_partition_range_end")
EXTRACT_KEYS = frozenset(AssetKey(table_name(e)) for e in EXTRACTS)
CERTIFICATES_KEY = AssetKey("certificates")  # the last step's asset, which publishes the folder
SUMMARY_TEXT = "summary_text"  # its metadata: the run's summary as `covenants run` prints it ("summary" is the UI's)


def default_extracts() -> Path:
    return Path(os.environ.get("COVENANTS_EXTRACTS") or SAMPLE_EXTRACTS_DIR).resolve()


def default_out(span: str) -> Path:
    """A run's output folder when its config names none: `<COVENANTS_OUT, else <repo>/out/dagster>/<span>`."""
    return Path(os.environ.get("COVENANTS_OUT") or DEFAULT_OUT) / span


def run_span(tags: dict[str, str]) -> str:
    """The quarters a run covers, as a folder name: `2003Q4`, or `2003Q1-2003Q4` for a range."""
    if PARTITION_TAG in tags:
        return tags[PARTITION_TAG]
    first, last = (tags.get(t) for t in RANGE_TAGS)
    return first if first == last else f"{first}-{last}"


class CovenantFolders(ConfigurableResource):
    """The extracts folder the run reads and the folder its outputs replace (see the module's docstring)."""

    extracts_dir: str = ""
    out_dir: str = ""
    scenario_file: str = ""
    fresh: bool = False
    keep: bool = True
    _folder: StagedFolder | None = PrivateAttr(default=None)
    _con: duckdb.DuckDBPyConnection | None = PrivateAttr(default=None)
    _scenario: ScenarioOverlay | None = PrivateAttr(default=None)
    _prepared: tuple[str, dict[str, str]] | None = PrivateAttr(default=None)
    _taken: Taken | None = PrivateAttr(default=None)

    @property
    def extracts(self) -> Path:
        """The user's extracts folder."""
        return Path(self.extracts_dir).resolve() if self.extracts_dir else default_extracts()

    @property
    def read_from(self) -> Path:
        """Where the run reads its extracts: the user's folder, or the scenario's copy of it."""
        return self._scenario.folder if self._scenario is not None else self.extracts

    @property
    def scenario(self) -> ScenarioOverlay | None:
        return self._scenario

    @property
    def prepared(self) -> tuple[str, dict[str, str]] | None:
        """The key under which the run's database is kept (pipelines/prepared_runs.py) and each extract's file it reads:
        None when the run reads a scenario's copy of the extracts or some extracts only, or keeps nothing (`keep`)."""
        return self._prepared

    @property
    def taken(self) -> Taken | None:
        """The kept database the extracts step copied as the run's, when it did, and the extracts it read again."""
        return self._taken

    def found(self, prepared: tuple[str, dict[str, str]] | None, taken: Taken | None) -> None:
        """What the extracts step found: the key and files of the run's prepared database, and the kept copy it took."""
        self._prepared, self._taken = prepared, taken

    def policies(self) -> PolicySet:
        """The policies the run evaluates: policies/, with a scenario's proposed amendment when there is one."""
        return self._scenario.policies if self._scenario is not None else load_policies()

    def setup_for_execution(self, context: InitResourceContext) -> None:
        tags = context.run.tags if context.run else {}
        out = Path(self.out_dir) if self.out_dir else default_out(run_span(tags))
        if self.scenario_file:
            self._scenario = ScenarioOverlay.open(Path(self.scenario_file), self.extracts)
        self._folder = StagedFolder(out, {"the extracts folder": self.extracts})
        try:
            self._folder.open()
        except BaseException:
            self._close_scenario()
            raise
        selection = context.run.asset_selection if context.run else None
        if selection is not None:
            self._carry_over(selection)

    def _carry_over(self, selection: frozenset[AssetKey]) -> None:
        earlier = self.out
        if not (earlier / DATABASE).exists():
            return
        if not EXTRACT_KEYS <= selection:
            shutil.copy2(earlier / DATABASE, self.database)
        if CERTIFICATES_KEY not in selection:
            shutil.copytree(earlier, self.staging, dirs_exist_ok=True, ignore=shutil.ignore_patterns(DATABASE))

    def _close_scenario(self) -> None:
        if self._scenario is not None:
            self._scenario.close()
            self._scenario = None

    def teardown_after_execution(self, context: InitResourceContext) -> None:
        self.close_database()
        self._close_scenario()
        if self._folder is None:
            return
        run = context.run
        if run is not None and not self._folder.published and run.asset_selection is not None and CERTIFICATES_KEY not in run.asset_selection:
            if not context.instance.all_logs(run.run_id, of_type=DagsterEventType.STEP_FAILURE):
                self._folder.publish()
        self._folder.close()

    @property
    def out(self) -> Path:
        """Where the outputs will be once the run has published them."""
        return self._folder.out_dir

    @property
    def staging(self) -> Path:
        """Where the run writes them meanwhile."""
        return self._folder.staging

    @property
    def database(self) -> Path:
        return self.staging / DATABASE

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The run's database, opened once for all its steps (they run one after another in one process)."""
        if self._con is None:
            self._con = open_database(self.database)
        yield self._con

    def close_database(self) -> None:
        """Close the run's database, so that what is written next may read it (read-only) and it can be published."""
        if self._con is not None:
            self._con.close()
            self._con = None

    def publish(self) -> None:
        self.close_database()
        self._folder.publish()
