"""Ingestion into DuckDB: exact types, and each bad input refused with exactly the issue a person can act on."""

from __future__ import annotations

import threading
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import duckdb
import openpyxl
from openpyxl.styles import Font
import polars as pl
import pyarrow.parquet as pq
import pytest

from pipelines.extracts.contract import BY_NAME
from pipelines.extracts import ingest
from pipelines.extracts.date_range import instruments_date_range
from pipelines.extracts.ingest import BadExtracts, each_loaded, ingest_all, load_extract, quarantine_rows, record_quarantine, validate_extract
from pipelines.extracts import reading
from pipelines.extracts.reading import Issue, typed_rows
from pipelines.layout import SAMPLE_EXTRACTS_DIR
from pipelines.sample.scaled import write_scaled

MONEY = "not an amount in dollars with at most two decimal places"


def test_clean_set_loads_with_no_issue_and_exact_decimals(clean_con, clean_texts):
    # clean_con is the clean set after ingest_all, which recorded every issue it returned: none
    assert quarantine_rows(clean_con) == []
    for name, text in clean_texts.items():
        assert clean_con.sql(f"select count(*) from raw_{name}").fetchall() == [(text.count("\n") - 1,)], name
    balance = clean_con.sql("select balance from raw_trial_balances where _row = 2").fetchall()[0][0]
    assert type(balance) is Decimal
    assert balance == Decimal("12.34")
    rate = clean_con.sql("select fixed_rate from raw_debt_instruments where _row = 2").fetchall()[0][0]
    assert (type(rate), rate) == (Decimal, Decimal("0.10875000"))
    types = dict(clean_con.sql("select column_name, data_type from duckdb_columns() where table_name = 'raw_trial_balances'").fetchall())
    assert types == {"_row": "BIGINT", "entity_id": "VARCHAR", "period_end": "DATE", "account_id": "VARCHAR",
                     "counterparty_entity_id": "VARCHAR", "balance": "DECIMAL(18,2)"}
    assert clean_con.sql("select _row from raw_entities order by _row").fetchall() == [(2,), (3,), (4,), (5,)]


BAD_INPUTS = {
    "money with three decimals": (
        "capital_expenditures", ",2500000.00,", ",2500000.125,",
        [Issue("capital_expenditures.csv", 2, "amount", "2500000.125", MONEY, "type_money")],
    ),
    "money with a thousands separator": (
        "capital_expenditures", ",2500000.00,", ',"1,000.00",',
        [Issue("capital_expenditures.csv", 2, "amount", "1,000.00", MONEY, "type_money")],
    ),
    "money written like a float": (
        "capital_expenditures", ",2500000.00,", ",1e3,",
        [Issue("capital_expenditures.csv", 2, "amount", "1e3", MONEY, "type_money")],
    ),
    "impossible date": (
        "restricted_payments", "1997-06-30", "2003-02-30",
        [Issue("restricted_payments.csv", 2, "payment_date", "2003-02-30", "not a real calendar date", "type_date")],
    ),
    "value outside the allowed list": (
        "equity_issuances", ",kac,", ",bank,",
        [Issue("equity_issuances.csv", 2, "purchaser_kind", "bank", "not one of the allowed values: kac, public, subsidiary, other, non_affiliate_joint_venture, unrestricted_subsidiary", "allowed_values")],
    ),
    "duplicate key": (
        "debt_balances", "0.10875000\n", "0.10875000\nNOTES-10875-2006,1997-03-31,1.00,0.00,0.10875000\n",
        [
            Issue("debt_balances.csv", row, "instrument_id, period_end", "NOTES-10875-2006, 1997-03-31",
                  "duplicate key (instrument_id, period_end): rows 2, 3 have the same values", "unique_key")
            for row in (2, 3)
        ],
    ),
    "unknown entity": (
        "asset_sales", ",KACC,", ",KXYZ,",
        [Issue("asset_sales.csv", 2, "seller_entity_id", "KXYZ", "not found in entities (entity_id)", "reference")],
    ),
    "trial balance that does not net to zero": (
        "trial_balances", "87.66", "87.67",
        [Issue("trial_balances.csv", None, "balance", "0.01",
               "entity KACC, month ending 1997-03-31: balances net to 0.01, not zero (3 rows, rows 2 to 4)", "trial_balance_nets_to_zero")],
    ),
    "missing required column": (
        "capital_expenditures",
        "period_end,project,amount,financed_by_obligors,is_permitted_collateral,lien_id,expenditure_id,expenditure_date\nKACC,1997-03-31,Trentwood maintenance,",
        "period_end,amount,financed_by_obligors,is_permitted_collateral,lien_id,expenditure_id,expenditure_date\nKACC,1997-03-31,",
        [Issue("capital_expenditures.csv", None, "project", None, "required column is missing", "columns")],
    ),
    "unknown extra column": (
        "valco_ebitda", "forecast_valco_ebitda_quarter\n2003-09-30,-2500000.00,1000000.00,true,",
        "forecast_valco_ebitda_quarter,notes\n2003-09-30,-2500000.00,1000000.00,true,,x",
        [Issue("valco_ebitda.csv", None, "notes", None, "column is not in the extract contract", "columns")],
    ),
    "period_end that is not a month end": (
        "debt_balances", "1997-03-31", "1997-03-30",
        [Issue("debt_balances.csv", 2, "period_end", "1997-03-30", "must be the last day of a month", "month_end")],
    ),
    "empty required value": (
        "letters_of_credit", ",Venezuela Aluminum Partners,", ",,",
        [Issue("letters_of_credit.csv", 2, "beneficiary", None, "required value is empty", "not_null")],
    ),
    "ownership above 100%": (
        "entities", ",1.000000,full", ",1.500000,full",
        [Issue("entities.csv", 3, "ownership_pct", "1.500000", "must be a fraction from 0 to 1", "fraction")],
    ),
    "validity ending before it starts": (
        "entities", "1996-01-01,1999-06-30", "1996-01-01,1995-06-30",
        [Issue("entities.csv", 4, "valid_to", "1995-06-30", "must not be before valid_from", "date_order")],
    ),
    "maturity before issue": (
        "debt_instruments", "1996-12-23,2006-10-15", "1996-12-23,1996-10-15",
        [Issue("debt_instruments.csv", 2, "maturity_date", "1996-10-15", "must not be before issue_date", "date_order")],
    ),
    "negative amount that cannot be negative": (
        "letters_of_credit", ",75000000.00,", ",-75000000.00,",
        [Issue("letters_of_credit.csv", 2, "stated_amount", "-75000000.00", "must not be negative", "not_negative")],
    ),
    "fixed-rate instrument without a rate": (
        "debt_instruments", "fixed,0.10875000,", "fixed,,",
        [Issue("debt_instruments.csv", 2, "fixed_rate", None, "required when rate_kind is fixed", "required_when")],
    ),
    "floating-rate index that is not a market data series": (
        "debt_instruments", ",libor_3m,", ",libor_6m,",
        [Issue("debt_instruments.csv", 3, "floating_index", "libor_6m", "not found in market_data (series)", "reference")],
    ),
    "market data in the wrong unit": (
        "market_data", "0.055,rate", "0.055,usd_per_mmbtu",
        [Issue("market_data.csv", 3, "unit", "usd_per_mmbtu",
               "does not match series (natural_gas_price_paid: usd_per_mmbtu, libor_3m: rate, prime_rate: rate)", "matches_series")],
    ),
    "overlapping entity periods": (
        "entities", "1999-07-01,,KACC", "1999-06-01,,KACC",
        [Issue("entities.csv", 5, "valid_from", "1999-06-01",
               "entity KMH: the period from 1999-06-01 overlaps row 4 (1996-01-01 to 1999-06-30)", "entity_periods_overlap")],
    ),
    "entity not in the register on the row's date": (
        "capital_expenditures", "KACC,1997-03-31", "KACC,1995-12-31",
        [Issue("capital_expenditures.csv", 2, "entity_id", "KACC",
               "entity KACC is not in the entity register on 1995-12-31 (period_end)", "entity_on_date")],
    ),
    "trial balance account not in the chart of accounts": (
        "chart_of_accounts", "1000,Cash,balance_sheet,cash\n", "",
        [Issue("trial_balances.csv", 2, "account_id", "1000", "not found in chart_of_accounts (account_id)", "reference")],
    ),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_each_bad_input_gives_exactly_its_issue(case, clean_con, edit, reingest):
    name, old, new, expected = BAD_INPUTS[case]
    edit(name, old, new)
    assert reingest(name) == expected
    assert quarantine_rows(clean_con) == expected


def test_ingest_all_gives_the_same_issues_as_one_extract_reingested(con, extracts_dir, edit):
    name, old, new, expected = BAD_INPUTS["unknown entity"]
    edit(name, old, new)
    assert ingest_all(con, extracts_dir) == expected
    assert quarantine_rows(con) == expected


def test_two_extracts_load_at_the_same_time_and_come_back_in_order_with_their_issues_and_rows(extracts_dir, edit, monkeypatch):
    name, old, new, expected = BAD_INPUTS["duplicate key"]
    edit(name, old, new)
    both_validating = threading.Barrier(2, timeout=20)  # broken, and the test failed, unless both wait on it at once
    validate = ingest.validate_extract

    def meet(cursor, extract, dates=None):
        if extract.name in ("entities", name):
            both_validating.wait()
        return validate(cursor, extract, dates)

    monkeypatch.setattr(ingest, "validate_extract", meet)
    chosen = [BY_NAME["entities"], BY_NAME[name], BY_NAME["attestations"]]
    given = [(e.name, issues, rows) for e, issues, rows in each_loaded(duckdb.connect(), extracts_dir, chosen, instruments_date_range())]
    # the clean set's entities.csv has 4 rows, attestations.csv 1, debt_balances.csv 1 and now its repeat: both loaded,
    # both refused
    assert given == [("entities", [], 4), (name, expected, 2), ("attestations", [], 1)]


def test_missing_file(extracts_dir, reingest):
    (extracts_dir / "attestations.csv").unlink()
    expected = (
        f"{extracts_dir}: extract 'attestations' is missing; "
        "expected exactly one of attestations.csv or attestations.parquet or attestations.xlsx"
    )
    assert reingest("attestations") == [Issue("attestations", None, None, None, expected, "file_present")]


def test_a_refused_file_leaves_no_stale_table(clean_con, extracts_dir):
    extract = BY_NAME["attestations"]
    (extracts_dir / "attestations.csv").unlink()
    assert load_extract(clean_con, extracts_dir, extract)[0].check == "file_present"
    assert validate_extract(clean_con, extract) == []
    assert clean_con.sql("select count(*) from duckdb_tables() where table_name = 'raw_attestations'").fetchall() == [(0,)]


def test_blank_lines_at_the_end_of_a_csv_are_not_rows(extracts_dir, reingest, clean_texts):
    (extracts_dir / "valco_ebitda.csv").write_text(clean_texts["valco_ebitda"] + "\n \n")
    assert reingest("valco_ebitda") == []


def test_a_blank_line_inside_a_csv_is_a_refused_row(extracts_dir, reingest, clean_texts):
    (extracts_dir / "valco_ebitda.csv").write_text(clean_texts["valco_ebitda"].replace("\n", "\n\n", 1))
    required = ("period_end", "actual_valco_ebitda", "primary_aluminum_produced")
    assert reingest("valco_ebitda") == [Issue("valco_ebitda.csv", 2, c, None, "required value is empty", "not_null") for c in required]


# Cells padded with Unicode White_Space (a tab, a no-break space, an ideographic space, a line separator), a cell of
# spaces only, and one refused for a third decimal place: stripped as Polars' strip_chars() strips them.
PADDED = pl.DataFrame(
    {
        "period_end": ["\t2003-01-31\u00a0", "2003-02-28"],
        "actual_valco_ebitda": ["\u3000100.50 ", " 1.005\u2028"],
        "forecast_valco_ebitda": ["\u2003 \u00a0", None],
        "primary_aluminum_produced": [" true", "false"],
        "forecast_valco_ebitda_quarter": ["", "600"],
    }
)


def test_cells_are_stripped_of_unicode_white_space():
    typed, issues = typed_rows(PADDED, 2, BY_NAME["valco_ebitda"], "valco_ebitda.csv")
    assert typed.rows() == [(2, date(2003, 1, 31), Decimal("100.50"), None, True, None)]
    assert issues == [Issue("valco_ebitda.csv", 3, "actual_valco_ebitda", "1.005", MONEY, "type_money")]


# Text cells: the space inside, and a zero-width space (no White_Space character), stay; a pad at one end alone goes.
# A large file's columns stored plain (not as a dictionary) first recognize the cells that need no stripping; both
# ways give the same cells.
DOCUMENTS = ["Board minutes, 1997", "\u200bBoard minutes", "certified\u3000", "\u00a0 certified copy", "x", " \t"]
STRIPPED = ["Board minutes, 1997", "\u200bBoard minutes", "certified", "certified copy", "x"]


def _write(frame: pl.DataFrame, path: Path, stored: str) -> None:
    if path.suffix == ".csv":
        frame.write_csv(path)
    else:
        pq.write_table(frame.to_arrow(), path, use_dictionary=stored == "as a dictionary")


@pytest.mark.parametrize(("suffix", "stored", "recognized_first"), [
    (".csv", "as the CSV reader stores it", set()),
    (".parquet", "as a dictionary", set()),
    (".parquet", "plain", {"fiscal_year_end", "base_amount", "document"}),
])
def test_text_is_stripped_at_its_ends_only_and_of_white_space_only(tmp_path, monkeypatch, suffix, stored, recognized_first):
    monkeypatch.setattr(reading, "MANY_ROWS", 1)  # a file of six rows taken as large
    frame = pl.DataFrame({"fiscal_year_end": ["1997-12-31"] * 6, "base_amount": ["1.00"] * 6, "document": DOCUMENTS})
    path = tmp_path / f"capital_expenditure_base_amounts{suffix}"
    _write(frame, path, stored)
    with duckdb.connect() as con:
        source = reading.text_source(con, path)
        assert source.plain == recognized_first
        reading.drop_source(con, source)
    typed, issues = reading.read_extract(path, BY_NAME["capital_expenditure_base_amounts"])
    # the sixth row's document, white space only, is empty: a required value missing
    assert issues == [Issue(path.name, 7 if suffix == ".csv" else 6, "document", None, "required value is empty", "not_null")]
    assert typed["document"].to_list() == STRIPPED


def test_parquet_float_money_is_refused(clean_con, extracts_dir, reingest):
    (extracts_dir / "capital_expenditures.csv").unlink()
    pl.DataFrame(
        {"entity_id": ["KACC"], "period_end": [date(1997, 3, 31)], "project": ["Trentwood"], "amount": [2500000.0], "financed_by_obligors": [False]}
    ).write_parquet(extracts_dir / "capital_expenditures.parquet")
    reason = "cannot be read: capital_expenditures.parquet: columns amount are binary floats; money must be DECIMAL or text"
    assert reingest("capital_expenditures") == [Issue("capital_expenditures.parquet", None, None, None, reason, "readable")]


def test_parquet_decimal_money_is_exact(clean_con, extracts_dir, reingest):
    (extracts_dir / "capital_expenditures.csv").unlink()
    pl.DataFrame(
        {"entity_id": ["KACC"], "period_end": [date(1997, 3, 31)], "project": ["Trentwood"], "amount": [Decimal("2500000.10")], "financed_by_obligors": [False],
         "is_permitted_collateral": [True], "lien_id": [""], "expenditure_id": [None], "expenditure_date": [None]},
        schema_overrides={"amount": pl.Decimal(18, 2), "expenditure_id": pl.String, "expenditure_date": pl.Date},
    ).write_parquet(extracts_dir / "capital_expenditures.parquet")
    assert reingest("capital_expenditures") == []
    assert clean_con.sql("select _row, amount from raw_capital_expenditures").fetchall() == [(1, Decimal("2500000.10"))]


def test_xlsx_number_cells_become_exact_decimals(clean_con, extracts_dir, reingest):
    (extracts_dir / "capital_expenditures.csv").unlink()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["entity_id", "period_end", "project", "amount", "financed_by_obligors", "is_permitted_collateral", "lien_id",
                  "expenditure_id", "expenditure_date"])
    sheet.append(["KACC", datetime(1997, 3, 31), "Trentwood maintenance", 1234.56, False, True, None, None, None])
    sheet.append(["KACC", datetime(1997, 3, 31), "Spokane roof", 1234.565, True, True, None, None, None])
    sheet.cell(row=6, column=1).font = Font(bold=True)  # formatted but empty: Excel lists such rows and columns
    sheet.cell(row=1, column=11).font = Font(bold=True)
    book.save(extracts_dir / "capital_expenditures.xlsx")
    assert reingest("capital_expenditures") == [Issue("capital_expenditures.xlsx", 3, "amount", "1234.565", MONEY, "type_money")]
    rows = clean_con.sql("select _row, period_end, amount, financed_by_obligors from raw_capital_expenditures").fetchall()
    assert rows == [(2, date(1997, 3, 31), Decimal("1234.56"), False)]
    assert type(rows[0][2]) is Decimal


def test_the_model_refuses_a_table_not_typed_as_the_contract_says(clean_con):
    # e.g. a table made by DuckDB's read_csv, which guesses amounts as DOUBLE
    clean_con.execute(
        "create or replace table raw_valco_ebitda as "
        "select _row, period_end, actual_valco_ebitda::double as actual_valco_ebitda, forecast_valco_ebitda, "
        "primary_aluminum_produced, forecast_valco_ebitda_quarter, 'x' as note from raw_valco_ebitda"
    )
    assert validate_extract(clean_con, BY_NAME["valco_ebitda"]) == [
        Issue("valco_ebitda.csv", None, "actual_valco_ebitda", None, "has type Float64, expected Decimal(precision=18, scale=2)", "dtype"),
        Issue("valco_ebitda.csv", None, "note", None, "column is not in the extract contract", "columns"),
    ]


def test_summary_lists_the_first_issues_then_points_to_the_quarantine(edit, reingest):
    edit("trial_balances", "12.34", "12.345")
    issues = reingest("trial_balances")
    assert len(issues) == 2  # the refused row also leaves its entity-month out of balance
    bad = BadExtracts(issues, quarantine_file="out-quarantine/quarantine.csv")
    assert bad.summary(limit=1) == (
        "2 issues in the extracts:\n"
        "  trial_balances.csv, row 2, column balance: not an amount in dollars with at most two decimal places (value '12.345')\n"
        "  ... and 1 more; all are in out-quarantine/quarantine.csv"
    )
    assert bad.summary().splitlines()[2] == (
        "  trial_balances.csv, column balance: entity KACC, month ending 1997-03-31: balances net to -12.34, not zero "
        "(2 rows, rows 3 to 4) (value '-12.34')"
    )


def test_quarantine_is_appended_with_the_time_recorded(con):
    first = [Issue("a.csv", 2, "x", "1", "why", "check")]
    second = [Issue("b.csv", None, None, None, "file missing", "file_present")]
    record_quarantine(con, first)
    record_quarantine(con, [])
    record_quarantine(con, second)
    assert quarantine_rows(con) == first + second
    (recorded,) = con.sql("select count(distinct recorded_at) from quarantine where recorded_at is not null").fetchall()[0]
    assert recorded == 2


def test_a_table_read_again_takes_the_blocks_of_the_rows_it_replaces(tmp_path):
    # twenty times the sample's trial balances (543,060 rows, 9 blocks of 256 kB once stored), read again into the
    # database that holds them, as a run over a kept database reads tonight's file: the file grows by less than the
    # table (it grew by 12 blocks when the old rows' blocks were freed only after the new ones were written)
    extracts = tmp_path / "extracts"
    write_scaled(SAMPLE_EXTRACTS_DIR, extracts, 20, "parquet")
    blocks = "select total_blocks from pragma_database_size()"
    with duckdb.connect(str(tmp_path / "run.duckdb")) as con:
        assert ingest_all(con, extracts) == []
        con.execute("checkpoint")
        table = con.execute("select count(distinct block_id) from pragma_storage_info('raw_trial_balances') where block_id >= 0").fetchone()[0]
        before = con.execute(blocks).fetchone()[0]
        assert ingest_all(con, extracts, [BY_NAME["trial_balances"]]) == []
        con.execute("checkpoint")
        assert table == 9 and con.execute(blocks).fetchone()[0] - before < table
