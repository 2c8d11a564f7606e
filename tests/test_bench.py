"""The parts of `make bench` (pipelines/bench.py) whose figures a reader trusts without seeing them measured: the peak
memory of a process, the nightly run's change to one month of one entity, and the floor's time read past DuckDB's
progress bar."""

from __future__ import annotations

import shutil
import sys
from datetime import date
from decimal import Decimal

import duckdb
import polars as pl

from pipelines.bench import REPEATS, Row, _first_runs, _one_month_changed, _one_payment_changed, _process, against_floor, floor_command, floor_seconds, scan
from pipelines.extracts.contract import BY_NAME, TRIAL_BALANCES
from pipelines.extracts.ingest import load_extract, validate_extract
from pipelines.layout import CACHE_VARIABLE, SAMPLE_EXTRACTS_DIR


def test_a_process_peak_memory_is_its_own_not_the_benchs():
    # 300 MB held by a bare interpreter (about 10 MB): the bench's own memory, copied by a fork, would show as more
    seconds, peak_mb, output = _process([sys.executable, "-c", "held = bytearray(300 * 2**20); print('done')"])
    assert 300 <= peak_mb < 360
    assert output == "done\n" and seconds > 0


def test_each_first_run_starts_with_an_empty_cache_folder_of_its_own(tmp_path):
    # a fingerprint kept by the run before would time a run that computes none: each repeat finds the folder empty
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "kept-by-an-earlier-bench").touch()
    finds_it_empty = f"import os, pathlib; folder = pathlib.Path(os.environ['{CACHE_VARIABLE}']); assert not any(folder.iterdir()); (folder / 'kept').touch()"
    row = _first_runs("first", [sys.executable, "-c", finds_it_empty], {"PATH": "/usr/bin:/bin"}, cache)
    assert len(row.seconds) == REPEATS > 1 and [p.name for p in cache.iterdir()] == ["kept"]


def test_one_month_of_one_entity_changes_and_still_nets_to_zero(tmp_path):
    shutil.copy(SAMPLE_EXTRACTS_DIR / "trial_balances.csv", tmp_path)
    before = (tmp_path / "trial_balances.csv").read_text().splitlines()
    _one_month_changed(tmp_path, 3)
    after = (tmp_path / "trial_balances.csv").read_text().splitlines()
    changed = [(b, a) for b, a in zip(before, after) if b != a]
    # KACC's cash 148,324,688.63 and receivables 118,507,725.00 at 2004-11-30 (sample/extracts/trial_balances.csv)
    assert changed == [
        ("KACC,2004-11-30,1000,,148324688.63", "KACC,2004-11-30,1000,,148324688.66"),
        ("KACC,2004-11-30,1100,,118507725.00", "KACC,2004-11-30,1100,,118507724.97"),
    ]
    assert len(after) == len(before)


def test_in_a_scaled_parquet_the_first_sub_accounts_change_in_place(tmp_path):
    rows = [
        ("KACC", date(2004, 11, 30), "1000-001", None, Decimal("10.00")),
        ("KACC", date(2004, 11, 30), "1000-002", None, Decimal("5.00")),
        ("KACC", date(2004, 11, 30), "1100-001", None, Decimal("-3.00")),
        ("KACC", date(2004, 10, 31), "1000-001", None, Decimal("7.00")),
        ("KMH", date(2004, 11, 30), "1000-001", None, Decimal("1.00")),
    ]
    schema = {"entity_id": pl.String, "period_end": pl.Date, "account_id": pl.String, "counterparty_entity_id": pl.String, "balance": pl.Decimal(18, 2)}
    pl.DataFrame(rows, schema=schema, orient="row").write_parquet(tmp_path / "trial_balances.parquet")
    _one_month_changed(tmp_path, 3)
    after = pl.read_parquet(tmp_path / "trial_balances.parquet")
    # three cents from KACC's first receivables sub-account to its first cash sub-account in November 2004 only:
    # 10.00 + 0.03 and -3.00 - 0.03; the rows in their order, the balance still DECIMAL(18,2)
    assert after.schema == schema
    assert after.rows() == [
        ("KACC", date(2004, 11, 30), "1000-001", None, Decimal("10.03")),
        ("KACC", date(2004, 11, 30), "1000-002", None, Decimal("5.00")),
        ("KACC", date(2004, 11, 30), "1100-001", None, Decimal("-3.03")),
        ("KACC", date(2004, 10, 31), "1000-001", None, Decimal("7.00")),
        ("KMH", date(2004, 11, 30), "1000-001", None, Decimal("1.00")),
    ]
    assert [p.name for p in tmp_path.iterdir()] == ["trial_balances.parquet"]


# Every DuckDB connection of the floor's process draws its progress bar on the output at once, as DuckDB does for a
# statement longer than two seconds (the floor over x2400's 65 million rows): the bench still reads the floor's time.
PROGRESS_BAR_AT_ONCE = """
import duckdb
_connect = duckdb.connect
def connect(*args, **kwargs):
    con = _connect(*args, **kwargs)
    con.execute("set progress_bar_time = 0")
    con.execute("set enable_progress_bar = true")
    return con
duckdb.connect = connect
"""


def test_the_floors_time_is_read_even_where_duckdb_draws_its_progress_bar(tmp_path):
    rows = [("KACC", date(2004, 11, 30), "1000", None, Decimal("10.00")), ("KACC", date(2004, 11, 30), "4000", None, Decimal("-10.00"))]
    tb = {"entity_id": pl.String, "period_end": pl.Date, "account_id": pl.String, "counterparty_entity_id": pl.String, "balance": pl.Decimal(18, 2)}
    pl.DataFrame(rows, schema=tb, orient="row").write_parquet(tmp_path / "trial_balances.parquet")
    pl.DataFrame({"account_id": ["1000", "4000"], "line_item": ["cash", "net_sales"]}).write_parquet(tmp_path / "chart_of_accounts.parquet")
    command = floor_command(tmp_path)
    command[2] = PROGRESS_BAR_AT_ONCE + command[2]
    _, _, printed = _process(command)
    assert "100%" in printed  # the bar was drawn (for the statement that turns it off, before the pass)
    assert 0 < floor_seconds(printed) < 60
    # what a pass of seconds printed on this machine before the floor turned the bar off
    assert floor_seconds("\n 99% ▕█████▏ (<1 second remaining)    \n100% ▕██████▏ (00:00:02.68 elapsed)     \n2.7486\n") == 2.7486


def test_the_floor_reads_a_csv_folder_with_the_contracts_types(tmp_path):
    (tmp_path / "trial_balances.csv").write_text("entity_id,period_end,account_id,counterparty_entity_id,balance\nKACC,2004-11-30,1000-1,,0.10\nKACC,2004-11-30,1000-2,,0.20\n")
    (tmp_path / "chart_of_accounts.csv").write_text("account_id,account_name,statement,line_item\n1000-1,Cash 1,balance_sheet,cash\n1000-2,Cash 2,balance_sheet,cash\n")
    # 0.10 + 0.20 is 0.30 exactly as DECIMAL(18,2); read as a guessed DOUBLE, it is 0.30000000000000004
    assert duckdb.sql(f"select sum(balance)::varchar from {scan(tmp_path, TRIAL_BALANCES)}").fetchall() == [("0.30",)]
    _, _, printed = _process(floor_command(tmp_path))
    assert 0 < floor_seconds(printed) < 60


def test_in_a_scaled_csv_the_first_sub_accounts_change_in_place(tmp_path):
    header = "entity_id,period_end,account_id,counterparty_entity_id,balance"
    rows = ["KACC,2004-11-30,1000-001,,10.00", "KACC,2004-11-30,1000-002,,5.00", "KACC,2004-11-30,1100-001,,-3.00",
            "KACC,2004-10-31,1000-001,,7.00", "KMH,2004-11-30,1000-001,KACC,1.00"]
    (tmp_path / "trial_balances.csv").write_text("\n".join([header, *rows]) + "\n")
    _one_month_changed(tmp_path, 3)
    # as in Parquet: 10.00 + 0.03 and -3.00 - 0.03, every other line as it was, in its place
    assert (tmp_path / "trial_balances.csv").read_text().splitlines() == [
        header, "KACC,2004-11-30,1000-001,,10.03", "KACC,2004-11-30,1000-002,,5.00", "KACC,2004-11-30,1100-001,,-3.03",
        "KACC,2004-10-31,1000-001,,7.00", "KMH,2004-11-30,1000-001,KACC,1.00",
    ]
    assert [p.name for p in tmp_path.iterdir()] == ["trial_balances.csv"]


def test_the_scaled_run_is_read_against_the_floor_whole_and_beyond_the_samples_run():
    # medians 9.0 s (sample), 20.0 s (scaled), 1.0 s (floor): 20.0 / 1.0 = 20 times; (20.0 - 9.0) / 1.0 = 11 times
    # beyond the sample's run; memory 850 MB / 100 MB = 8.5 times
    sample = Row("sample", [9.0, 8.9, 9.2], [400.0])
    scaled = Row("scaled", [20.0, 19.5, 21.0], [850.0, 700.0])
    floor = Row("floor", [1.0, 0.9, 1.1], [100.0, 90.0])
    assert against_floor(sample, scaled, floor) == "20 times the floor; 8.5 times its memory; beyond the sample's run, 11 times the floor"


def test_a_scaled_run_no_slower_than_the_samples_says_so_rather_than_a_negative_ratio():
    # medians 8.9 s (sample) and 8.5 s (x100): 8.5 - 8.9 < 0, nothing beyond the sample's run; 8.5 / 0.1 = 85 times
    # the floor; memory 874 MB / 93 MB = 9.4 times
    sample = Row("sample", [8.9], [397.0])
    scaled = Row("x100", [8.5], [874.0])
    floor = Row("floor", [0.1], [93.0])
    assert against_floor(sample, scaled, floor) == "85 times the floor; 9.4 times its memory; no slower than the sample's run"



def test_one_restricted_payment_changes_and_the_file_still_reads_without_an_issue(tmp_path):
    shutil.copy(SAMPLE_EXTRACTS_DIR / "restricted_payments.csv", tmp_path)
    _one_payment_changed(tmp_path, 3)
    con = duckdb.connect()
    payments = BY_NAME["restricted_payments"]
    assert load_extract(con, tmp_path, payments, cache_dir=None) + validate_extract(con, payments) == []
    # 7,218.75 in sample/extracts/restricted_payments.csv, three cents higher; the other 38 rows as they were
    rows = dict(con.execute("select transaction_id, amount from raw_restricted_payments").fetchall())
    with duckdb.connect() as sample:
        sample_rows = dict(sample.execute(f"select transaction_id, amount from {scan(SAMPLE_EXTRACTS_DIR, payments)}").fetchall())
    assert rows["RP-1996-03-PFD"] == Decimal("7218.78")
    assert {k: v for k, v in rows.items() if k != "RP-1996-03-PFD"} == {k: v for k, v in sample_rows.items() if k != "RP-1996-03-PFD"}
    assert len(rows) == 39
