"""Validation where the data lives: the checks are SQL over the files and tables in DuckDB, and give the same rows and
issues whatever carries the rows. Expected issues are literals, row numbers as a person counts them."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

import duckdb
import polars as pl
import pytest

from pipelines.extracts.contract import BY_NAME, Column, Extract
from pipelines.extracts.fingerprint import content_fingerprint, table_fingerprint
from pipelines.extracts.ingest import ingest_all, validate_cross_extract
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


# every kind of column a contract has, each cell's text written by hand from the contract: a decimal with its kind's
# places (money 2, rate 8, pct and quantity 6), a date as ISO, a boolean as true or false, an empty cell as null; the
# rows sorted by the key, whatever order the table holds them in
EVERY_KIND = Extract(
    "every_kind", "", tuple(Column(name, kind, "") for name, kind in (("id", "text"), ("money", "money"), ("rate", "rate"), ("pct", "pct"), ("quantity", "quantity"), ("day", "date"), ("flag", "bool"))), ("id",)
)
EVERY_KIND_CANONICAL = (
    '{"id":"a","money":"0.00","rate":"0.10875000","pct":"0.650000","quantity":"-0.000001","day":"2000-02-29","flag":"false"}\n'
    '{"id":"b","money":"-9999999999999999.99","rate":"-0.00000001","pct":"1.000000","quantity":"999999999999.999999","day":"1994-01-01","flag":"true"}\n'
    '{"id":"c","money":null,"rate":null,"pct":null,"quantity":null,"day":null,"flag":null}\n'
)


def test_the_fingerprint_of_a_table_of_every_kind_is_the_sha256_of_its_canonical_rows():
    columns = ", ".join(f"{c.name} {c.sql_type}" for c in EVERY_KIND.columns)
    with duckdb.connect() as con:
        con.execute(f"create table t ({columns})")
        con.execute(
            "insert into t values ('c', null, null, null, null, null, null), "
            "('b', -9999999999999999.99, -0.00000001, 1, 999999999999.999999, date '1994-01-01', true), "
            "('a', 0, 0.10875, 0.65, -0.000001, date '2000-02-29', false)"
        )
        assert table_fingerprint(con, "t", EVERY_KIND) == hashlib.sha256(EVERY_KIND_CANONICAL.encode()).hexdigest()
        assert content_fingerprint(pl.from_arrow(con.sql("select * from t").arrow()), EVERY_KIND) == table_fingerprint(con, "t", EVERY_KIND)


# ---- the checks across extracts after some were read again over tables accepted together (a run's kept database) ----


@pytest.fixture
def accepted(con, extracts_dir):
    """The clean set ingested and accepted together, in a database of its own (ingest_all reads on cursors, which a
    rolled-back transaction of the shared clean database would not hold)."""
    assert ingest_all(con, extracts_dir) == []
    return con


def test_an_extract_read_again_is_checked_against_the_others(accepted, extracts_dir, edit):
    edit("restricted_payments", "RP-1997-04,1997-06-30,KACC,", "RP-1997-04,1997-06-30,NOBODY,")
    assert ingest_all(accepted, extracts_dir, [BY_NAME["restricted_payments"]]) == [
        Issue("restricted_payments.csv", 2, "payer_entity_id", "NOBODY", "not found in entities (entity_id)", "reference")
    ]


def test_an_extract_read_again_that_others_name_is_checked_against_them(accepted, extracts_dir, edit):
    # the chart read again without account 4000: the trial balances, not read again, name it on row 3
    edit("chart_of_accounts", "4000,Net sales,income_statement,net_sales\n", "")
    assert ingest_all(accepted, extracts_dir, [BY_NAME["chart_of_accounts"]]) == [
        Issue("trial_balances.csv", 3, "account_id", "4000", "not found in chart_of_accounts (account_id)", "reference")
    ]


def test_what_reads_none_of_the_extracts_read_again_is_not_checked_again(accepted, extracts_dir):
    # a trial-balance row naming an account the chart lacks, put in the accepted tables behind the checks' back: only
    # a check that reads the trial balances or the chart finds it; the payments read again read neither
    accepted.execute("insert into raw_trial_balances select 99, 'KACC', date '1997-03-31', '9999', null, 0.00")
    unknown = Issue("trial_balances.csv", 99, "account_id", "9999", "not found in chart_of_accounts (account_id)", "reference")
    assert ingest_all(accepted, extracts_dir, [BY_NAME["restricted_payments"]]) == []
    assert ingest_all(accepted, extracts_dir, [BY_NAME["chart_of_accounts"]]) == [unknown]
    assert validate_cross_extract(accepted) == [unknown]
