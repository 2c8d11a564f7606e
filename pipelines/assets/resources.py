"""Where the code location reads and writes: the DuckDB file, the extracts folder and the output folder.

Each comes from an environment variable read when the code location loads, with a default inside the repository:

| variable              | default                                  |
|-----------------------|------------------------------------------|
| `COVENANTS_DUCKDB`    | `<repo>/.dagster_home/covenants.duckdb`  |
| `COVENANTS_EXTRACTS`  | `<repo>/sample/extracts`                 |
| `COVENANTS_OUT`       | `<repo>/out/dagster`                     |

A DuckDB file can be opened by one process at a time, so every job runs its steps in one process
(see `pipelines/definitions.py`).
"""

from __future__ import annotations

import os
from pathlib import Path

from dagster import ConfigurableResource
from dagster_duckdb import DuckDBResource

from pipelines.layout import ROOT, SAMPLE_EXTRACTS_DIR

DAGSTER_HOME = ROOT / ".dagster_home"
DEFAULT_DUCKDB = DAGSTER_HOME / "covenants.duckdb"
DEFAULT_OUT = ROOT / "out" / "dagster"


class CovenantFolders(ConfigurableResource):
    """The extracts folder the run reads and the folder its certificates are written to."""

    extracts_dir: str
    out_dir: str

    @property
    def extracts(self) -> Path:
        return Path(self.extracts_dir)

    @property
    def out(self) -> Path:
        return Path(self.out_dir)


def duckdb_path() -> Path:
    return Path(os.environ.get("COVENANTS_DUCKDB") or DEFAULT_DUCKDB).resolve()


def resources() -> dict[str, object]:
    database = duckdb_path()
    # duckdb.connect creates the file but not its folder.
    database.parent.mkdir(parents=True, exist_ok=True)
    return {
        "duckdb": DuckDBResource(database=str(database)),
        "folders": CovenantFolders(
            extracts_dir=str(Path(os.environ.get("COVENANTS_EXTRACTS") or SAMPLE_EXTRACTS_DIR).resolve()),
            out_dir=str(Path(os.environ.get("COVENANTS_OUT") or DEFAULT_OUT).resolve()),
        ),
    }
