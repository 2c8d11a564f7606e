"""Validation where the data lives: the checks are SQL over the files and tables in DuckDB, and give the same rows and
issues whatever carries the rows. Expected issues are literals, row numbers as a person counts them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import duckdb
import polars as pl

from pipelines.extracts.contract import BY_NAME
from pipelines.extracts.fingerprint import content_fingerprint, table_fingerprint
from pipelines.extracts.reading import ROW, Issue, read_extract

TB = BY_NAME["trial_balances"]
TB_COLUMNS = {"entity_id": pl.String, "period_end": pl.Date, "account_id": pl.String, "counterparty_entity_id": pl.String, "balance": pl.Decimal(18, 2)}


def test_a_key_repeated_with_an_empty_cell_is_a_duplicate(edit, reingest):
    # the key includes counterparty_entity_id, empty on both rows: the same key
    edit("trial_balances", "KACC,1997-03-31,4000,,-100.00\n", "KACC,1997-03-31,4000,,-100.00\nKACC,1997-03-31,4000,,0.00\n")
    reason = "duplicate key (entity_id, period_end, account_id, counterparty_entity_id): rows 3, 4 have the same values"
    key = "entity_id, period_end, account_id, counterparty_entity_id"
    assert reingest("trial_balances") == [
        Issue("trial_balances.csv", row, key, "KACC, 1997-03-31, 4000, (empty)", reason, "unique_key") for row in (3, 4)
    ]


def test_a_csv_row_with_extra_empty_fields_is_refused(edit, reingest):
    # DuckDB's own CSV reader takes such a row, its extra fields dropped; the contract's reader refuses it
    edit("trial_balances", "KACC,1997-03-31,4000,,-100.00\n", "KACC,1997-03-31,4000,,-100.00,,\n")
    assert reingest("trial_balances") == [
        Issue("trial_balances.csv", 3, None, None, "has 7 fields where the header has 5 (a comma in a value not in quotes?)", "readable")
    ]


def test_typed_parquet_columns_are_taken_exactly_and_numbered_from_one(tmp_path):
    rows = [("KACC", date(1997, 3, 31), "1000", None, Decimal("12.34")), ("KACC", date(1997, 3, 31), "4000", "KMH", Decimal("-12.34"))]
    path = tmp_path / "trial_balances.parquet"
    pl.DataFrame(rows, schema=TB_COLUMNS, orient="row").write_parquet(path)
    typed, issues = read_extract(path, TB)
    assert issues == []
    assert typed.rows() == [(1, *rows[0]), (2, *rows[1])]
    assert typed.schema[ROW] == pl.Int64 and typed.schema["balance"] == pl.Decimal(18, 2)


def test_parquet_text_cells_are_checked_like_csv_cells(tmp_path):
    rows = [("KACC", "1997-03-31", "1000", "", " 12.345 "), ("KACC", "1997-02-30", "4000", None, "-12.34"), (" KACC ", "1997-03-31", "5000", "", "1.00")]
    path = tmp_path / "trial_balances.parquet"
    pl.DataFrame(rows, schema=dict.fromkeys(TB_COLUMNS, pl.String), orient="row").write_parquet(path)
    typed, issues = read_extract(path, TB)
    assert issues == [
        Issue("trial_balances.parquet", 1, "balance", "12.345", "not an amount in dollars with at most two decimal places", "type_money"),
        Issue("trial_balances.parquet", 2, "period_end", "1997-02-30", "not a real calendar date", "type_date"),
    ]
    assert typed.rows() == [(3, "KACC", date(1997, 3, 31), "5000", None, Decimal("1.00"))]


def test_the_fingerprint_of_a_table_is_that_of_its_rows():
    # the last two rows share their key (a file the key check refuses), so their balances order them: 9.00 before
    # 10.00, where their text would put "10.00" first
    frame = pl.DataFrame(
        [("KMH", date(1997, 3, 31), "1000", None, Decimal("1.00")), ("KACC", date(1997, 3, 31), "1000", "KMH", Decimal("-1.00")),
         ("KACC", date(1997, 3, 31), "1000", None, Decimal("0.50")), ("KACC", date(1997, 4, 30), "1000", None, Decimal("10.00")),
         ("KACC", date(1997, 4, 30), "1000", None, Decimal("9.00"))],
        schema=TB_COLUMNS, orient="row",
    )  # fmt: skip
    with duckdb.connect() as con:
        con.register("frame", frame.to_arrow())
        con.execute("create table t as select * from frame")
        assert table_fingerprint(con, "t", TB) == content_fingerprint(frame, TB)
