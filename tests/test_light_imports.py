"""What a run imports: pandas (0.2 s), and Pandera and Ibis (0.7 s with pandas), only where something needs them; what a
warm check imports: neither pyarrow nor numpy (0.1 s)."""

from __future__ import annotations

import subprocess
import sys

from pipelines.layout import ROOT

HEAVY = ("pandas", "pandera", "ibis")


def heavy_modules_after(statements: str, heavy: tuple[str, ...] = HEAVY) -> list[str]:
    """Which of `heavy` a fresh interpreter has imported once it has run `statements` in the project's folder."""
    script = f"{statements}\nimport sys\nprint(' '.join(m for m in {heavy!r} if m in sys.modules))\n"
    return subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()


def test_a_run_of_sound_extracts_imports_neither_pandera_nor_ibis_nor_pandas():
    # each extract's screen (sql/screens/) passes it; Pandera validates only an extract the screen finds at fault
    ingest = "import duckdb\nfrom pipelines.extracts.ingest import ingest_all\nassert ingest_all(duckdb.connect(), 'sample/extracts') == []"
    assert heavy_modules_after(ingest) == []


def test_the_tables_a_run_loads_besides_the_extracts_import_no_pandas():
    # pyarrow's own constructors import pandas (0.2 s) to ask whether they were given a pandas object
    tables = (
        "from pipelines.calendar.business_days import calendar_table\n"
        "from pipelines.policy.loading import load_policies\n"
        "from pipelines.quarter_end import parameters_table\n"
        "calendar_table(), parameters_table(load_policies())"
    )
    assert heavy_modules_after(tables) == []


def test_a_warm_check_imports_neither_pyarrow_nor_numpy(sample_prepared):
    # Polars frames and DuckDB relations pass through the Arrow C stream interface (pipelines/database.py), and a
    # Decimal literal would make Polars import numpy; both are checked with every kind of row a proposal adds
    check = (
        "from datetime import date\nfrom pathlib import Path\nfrom pipelines.check.command import check_record, run_check\n"
        "check_record(run_check(Path('sample/extracts'), date(1997, 11, 14), Path('sample/transactions/notes-1997-11.yaml'), "
        f"Path({str(sample_prepared)!r})))"
    )
    assert heavy_modules_after(check, ("pyarrow", "numpy", *HEAVY)) == []
