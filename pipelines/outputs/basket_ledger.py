"""The basket ledger: for every basket, the running usage by transaction and the capacity left after each entry.

Any mart whose name ends in `_basket_ledger` contributes, in the columns below; the ledger is published beside the
results so a reader can see why a basket is full. Its descriptions are written with pipelines.typography (dates in
words, amounts with thousands separators); the amounts keep their exact values in their own columns.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from pipelines.outputs.results_files import plain, write_records
from pipelines.outputs.total_order import in_total_order
from pipelines.typography import prose

COLUMNS = (
    "clause_id",
    "basket",
    "measure",
    "entry_date",
    "transaction_id",
    "description",
    "amount",
    "usage_after",
    "capacity",
    "remaining",
    "inputs",
)
MEASURES = ("at_any_one_time_outstanding", "per_fiscal_year", "per_calendar_year", "cumulative")
# a measure as the agreements word a basket's limit, for what people read (the files keep the code)
MEASURE_WORDS = {
    "at_any_one_time_outstanding": "at any one time outstanding",
    "per_fiscal_year": "in any fiscal year",
    "per_calendar_year": "in any calendar year",
    "cumulative": "in the aggregate",
}
SUFFIX = "_basket_ledger"


def ledger_marts(con: duckdb.DuckDBPyConnection) -> list[str]:
    names = con.execute("select table_name from information_schema.tables where table_schema = 'main' order by table_name").fetchall()
    return [name for (name,) in names if name.endswith(SUFFIX)]


def basket_ledger(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Every ledger mart's rows in one list, ordered by basket and entry; a mart in another shape is an error."""
    rows = []
    for mart in ledger_marts(con):
        relation = con.table(mart)
        if tuple(relation.columns) != COLUMNS:
            raise ValueError(f"{mart} must have exactly the columns {', '.join(COLUMNS)}; it has {', '.join(relation.columns)}")
        for values in relation.fetchall():
            row = dict(zip(COLUMNS, values))
            if row["measure"] not in MEASURES:
                raise ValueError(f"{mart}: unknown measure {row['measure']!r} for {row['clause_id']}")
            row["inputs"] = json.loads(row["inputs"]) if row["inputs"] else {}
            row["description"] = prose(row["description"]) if row["description"] else row["description"]
            rows.append(row)
    return in_total_order(rows, lambda r: (r["clause_id"], r["entry_date"], r["transaction_id"] or "", r["basket"], r["measure"]))


def write_basket_ledger(rows: list[dict], out_dir: Path) -> list[Path]:
    return write_records([{k: plain(v) for k, v in row.items()} for row in rows], COLUMNS, out_dir, "basket_ledger")
