"""The product's DuckDB databases are opened with a bound on their memory, and spill where the product says."""

import tempfile
from pathlib import Path

from pipelines.database import MEMORY_LIMIT_VARIABLE, connect


def _setting(con, name: str) -> str:
    return con.execute("select current_setting(?)", [name]).fetchone()[0]


def test_the_default_bound_is_two_gigabytes(monkeypatch):
    monkeypatch.delenv(MEMORY_LIMIT_VARIABLE, raising=False)
    # 2 GB = 2,000,000,000 bytes = 1.86 GiB, which DuckDB shows to one decimal
    assert _setting(connect(), "memory_limit") == "1.8 GiB"


def test_the_environment_sets_another_bound(monkeypatch):
    monkeypatch.setenv(MEMORY_LIMIT_VARIABLE, "500MB")
    # 500,000,000 bytes = 476.8 MiB
    assert _setting(connect(), "memory_limit") == "476.8 MiB"


def test_a_database_in_memory_spills_to_the_system_s_temporary_folder_not_the_working_folder():
    assert _setting(connect(), "temp_directory") == str(Path(tempfile.gettempdir()) / "covenants-duckdb")


def test_a_database_file_spills_beside_itself_and_takes_further_settings(tmp_path):
    con = connect(tmp_path / "run.duckdb", threads=1)
    assert _setting(con, "temp_directory") == str(tmp_path / "run.duckdb.tmp")
    assert _setting(con, "threads") == 1
