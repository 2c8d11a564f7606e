"""The extract rows behind a result: where a reader opens the file to check a figure.

Queries come from sql/explain/, with every value bound as a parameter.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import duckdb

from pipelines.layout import SQL_DIR

QUERIES = SQL_DIR / "explain"


@dataclass(frozen=True)
class SourceRow:
    extract: str  # the extract's name; its file is `<extract>.csv` (or .parquet, .xlsx) in the extracts folder
    row: int  # as a person opening the file counts rows: the CSV header is row 1


@cache
def query(name: str) -> str:
    return (QUERIES / f"{name}.sql").read_text()


def transaction_rows(con: duckdb.DuckDBPyConnection, transaction_id: str | None) -> list[SourceRow]:
    """The row that records the transaction (or instrument, lien, merger...) a result was tested on."""
    if transaction_id is None:
        return []
    return [SourceRow(extract, row) for extract, row in con.execute(query("transaction_rows"), {"transaction_id": transaction_id}).fetchall()]


def file_names(inputs: dict[str, str]) -> dict[str, str]:
    """Extract name → the file that held it, from a manifest's `inputs` (file name → hash)."""
    return {name.rsplit(".", 1)[0]: name for name in inputs}
