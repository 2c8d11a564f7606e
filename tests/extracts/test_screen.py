"""The screen: one query per extract, compiled from its Pandera model, that lets a sound extract through without Pandera."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from pipelines.extracts.contract import BY_NAME, EXTRACTS
from pipelines.extracts.date_range import DateRange
from pipelines.extracts.schemas import compiled_screen
from pipelines.extracts import screen
from pipelines.extracts.screen import SCREENS_DIR, passes_screen, screen_sql, shared_key_hashes, table_issues

TRIAL_BALANCES = BY_NAME["trial_balances"]
DATES = DateRange(date(1988, 10, 28), date(2006, 10, 15))


@pytest.mark.parametrize("extract", EXTRACTS, ids=lambda e: e.name)
def test_each_screen_is_what_its_model_compiles_to(extract):
    assert screen_sql(extract) == compiled_screen(extract), f"run `python -m pipelines.extracts.screen` to write {extract.name}.sql again"


def test_a_screen_for_each_extract_and_no_other():
    assert sorted(p.stem for p in SCREENS_DIR.glob("*.sql")) == sorted(e.name for e in EXTRACTS)


def _trial_balance(con: duckdb.DuckDBPyConnection, *rows: tuple) -> str:
    con.execute(
        "create or replace table raw_trial_balances (_row bigint, entity_id varchar, period_end date, account_id varchar, "
        "counterparty_entity_id varchar, balance decimal(18,2))"
    )
    con.executemany("insert into raw_trial_balances values (?, ?, ?, ?, ?, ?)", rows)
    return "raw_trial_balances"


def test_a_sound_table_passes_and_an_empty_one_too():
    con = duckdb.connect()
    table = _trial_balance(con, (2, "KACC", date(2003, 12, 31), "4000", None, "-1250.00"))
    assert passes_screen(con, table, TRIAL_BALANCES, DATES)
    con.execute("delete from raw_trial_balances")
    assert passes_screen(con, table, TRIAL_BALANCES, DATES)  # no row to fail a check: each is null, not false


@pytest.mark.parametrize(
    ("period_end", "passes"),
    [
        (date(2006, 9, 30), True),  # a month end before 2006-10-15, the last day bound as $last_day
        (date(2006, 10, 31), False),  # a month end after it
        (date(1988, 10, 31), True),  # after 1988-10-28, the first day bound as $first_day
        (date(1988, 9, 30), False),  # before it
        (date(2003, 12, 30), False),  # within the days, but not the last day of a month
    ],
)
def test_the_days_are_bound_as_parameters(period_end, passes):
    con = duckdb.connect()
    table = _trial_balance(con, (2, "KACC", period_end, "4000", None, "-1250.00"))
    assert passes_screen(con, table, TRIAL_BALANCES, DATES) is passes


def test_a_repeated_key_or_a_column_of_another_type_is_not_passed():
    con = duckdb.connect()
    table = _trial_balance(con, (2, "KACC", date(2003, 12, 31), "4000", None, "1.00"), (3, "KACC", date(2003, 12, 31), "4000", None, "2.00"))
    assert not passes_screen(con, table, TRIAL_BALANCES, DATES)
    con.execute("create or replace table raw_trial_balances as select 2::bigint as _row, 'KACC' as entity_id, date '2003-12-31' as period_end, "
                "'4000' as account_id, null::varchar as counterparty_entity_id, 1.5::double as balance")
    assert not passes_screen(con, table, TRIAL_BALANCES, DATES)


def test_what_the_screen_refuses_pandera_names():
    con = duckdb.connect()
    table = _trial_balance(con, (2, "KACC", date(2003, 12, 31), "4000", None, "1.00"), (3, "KACC", date(2003, 12, 30), "4001", None, "2.00"))
    [issue] = table_issues(con, table, TRIAL_BALANCES, "trial_balances.csv", DATES)
    assert (issue.file, issue.row, issue.column, issue.value, issue.check) == ("trial_balances.csv", 3, "period_end", "2003-12-30", "month_end")


def test_a_repeated_key_is_found_alike_by_grouping_and_by_sorting_its_hashes(monkeypatch):
    con = duckdb.connect()
    # ('a', 1) three times and ('b', 2) twice are repeated keys; ('c', 3) is not
    con.execute("create table t as select * from (values ('a', 1), ('b', 2), ('a', 1), ('c', 3), ('b', 2), ('a', 1)) v(k, n)")
    repeated = sorted(h for (h,) in con.execute("select hash(k, n) from (values ('a', 1), ('b', 2)) v(k, n)").fetchall())
    assert sorted(shared_key_hashes(con, "t", ["k", "n"])) == repeated  # six rows: grouped
    monkeypatch.setattr(screen, "SORTED_FROM_ROWS", 6)
    assert sorted(shared_key_hashes(con, "t", ["k", "n"])) == repeated  # six rows taken as many: sorted
    con.execute("delete from t where k <> 'c'")
    monkeypatch.setattr(screen, "SORTED_FROM_ROWS", 1)
    assert shared_key_hashes(con, "t", ["k", "n"]) == []  # one row, sorted: nothing repeated
