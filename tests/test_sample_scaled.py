"""The scaled sample (pipelines/sample/scaled.py): every trial-balance account split into N sub-accounts whose balances
add up to the original, so that a run over it gives the sample's results. Expected splits are derived by hand."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from dataclasses import asdict
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from pipelines.cli import main
from pipelines.extracts import contract
from pipelines.extracts.reading import read_extract
from pipelines.layout import ROOT
from pipelines.policy.evaluation import evaluate_all
from pipelines.policy.loading import load_policies
from pipelines.sample.scaled import generate_scaled

SAMPLE_TRIAL_BALANCE_ROWS = 27153  # sample/extracts/trial_balances.csv, less its header
SAMPLE_ACCOUNTS = 58  # chart_of_accounts.csv: one account per line item
JAN_1996 = date(1996, 1, 31)


@pytest.fixture(scope="module")
def scaled3(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("scaled3")
    generate_scaled(out, 3, "parquet")
    return out


def _rows(path: Path, where: str = "true") -> list[tuple]:
    return duckdb.sql(f"select * from '{path}' where {where}").fetchall()


def test_every_extract_is_parquet_with_money_as_decimal(scaled3):
    assert sorted(p.name for p in scaled3.iterdir()) == sorted(f"{e.name}.parquet" for e in contract.EXTRACTS)
    types = dict(duckdb.sql(f"select column_name, column_type from (describe '{scaled3 / 'trial_balances.parquet'}')").fetchall())
    assert types == {"entity_id": "VARCHAR", "period_end": "DATE", "account_id": "VARCHAR", "counterparty_entity_id": "VARCHAR",
                     "balance": "DECIMAL(18,2)"}
    for extract in contract.EXTRACTS:
        _, issues = read_extract(scaled3 / f"{extract.name}.parquet", extract)
        assert issues == [], [str(i) for i in issues[:3]]


def test_each_balance_is_split_to_the_cent_the_remainder_to_the_first_sub_accounts(scaled3):
    tb = scaled3 / "trial_balances.parquet"
    # KAC's cash at 1996-01-31 is 14,975,000.00: 1,497,500,000 cents are 3 x 499,166,666 and 2 cents over
    assert _rows(tb, "entity_id = 'KAC' and period_end = '1996-01-31' and account_id like '1000%'") == [
        ("KAC", JAN_1996, "1000-1", None, Decimal("4991666.67")),
        ("KAC", JAN_1996, "1000-2", None, Decimal("4991666.67")),
        ("KAC", JAN_1996, "1000-3", None, Decimal("4991666.66")),
    ]
    # its intercompany payable to KACC, (30,175,000.00): one cent under 3 x (10,058,333.33), to the first sub-account
    assert _rows(tb, "entity_id = 'KAC' and period_end = '1996-01-31' and account_id like '1900%'") == [
        ("KAC", JAN_1996, "1900-1", "KACC", Decimal("-10058333.34")),
        ("KAC", JAN_1996, "1900-2", "KACC", Decimal("-10058333.33")),
        ("KAC", JAN_1996, "1900-3", "KACC", Decimal("-10058333.33")),
    ]
    assert duckdb.sql(f"select count(*) from '{tb}'").fetchall() == [(3 * SAMPLE_TRIAL_BALANCE_ROWS,)]


def test_the_rows_are_in_a_ledger_s_order_each_account_s_counterparties_split_together(scaled3):
    tb = scaled3 / "trial_balances.parquet"
    # KACC's intercompany account 1900 at 1996-01-31 has 19 counterparties, AJI first (15,000.00: 3 x 5,000.00),
    # then ALPART ((493,960.00): 49,396,000 cents are 3 x 16,465,333 and one cent over, to the first sub-account),
    # then KAAC (15,000.00); sub-account 2 starts again at AJI, as the rows sorted by account and counterparty are
    rows = _rows(tb, "entity_id = 'KACC' and period_end = '1996-01-31' and account_id like '1900%'")
    assert len(rows) == 3 * 19
    assert rows[:3] == [
        ("KACC", JAN_1996, "1900-1", "AJI", Decimal("5000.00")),
        ("KACC", JAN_1996, "1900-1", "ALPART", Decimal("-164653.34")),
        ("KACC", JAN_1996, "1900-1", "KAAC", Decimal("5000.00")),
    ]
    assert rows[19:21] == [
        ("KACC", JAN_1996, "1900-2", "AJI", Decimal("5000.00")),
        ("KACC", JAN_1996, "1900-2", "ALPART", Decimal("-164653.33")),
    ]
    # and the whole file in that order: by entity, month, account and counterparty, no counterparty first
    frame, _ = read_extract(tb, contract.TRIAL_BALANCES)
    keys = ["entity_id", "period_end", "account_id", "counterparty_entity_id"]
    assert frame.select(keys).equals(frame.select(keys).sort(keys, nulls_last=False))


def test_sub_accounts_keep_their_line_item_and_the_non_recurring_gain_account_stays_whole(scaled3):
    chart = scaled3 / "chart_of_accounts.parquet"
    assert _rows(chart, "account_id like '4000%' or account_id like '7800%'") == [
        ("4000-1", "Net sales, sub-account 1 of 3", "income_statement", "net_sales"),
        ("4000-2", "Net sales, sub-account 2 of 3", "income_statement", "net_sales"),
        ("4000-3", "Net sales, sub-account 3 of 3", "income_statement", "net_sales"),
        ("7800", "Gains on non-recurring transactions", "income_statement", "non_recurring_transaction_gain"),
    ]
    assert len(_rows(chart)) == 3 * (SAMPLE_ACCOUNTS - 1) + 1


def test_sub_account_numbers_are_as_wide_as_the_scale(tmp_path):
    generate_scaled(tmp_path, 12, "csv")
    frame, issues = read_extract(tmp_path / "chart_of_accounts.csv", contract.CHART_OF_ACCOUNTS)
    assert issues == []
    assert frame.filter(frame["line_item"] == "cash")["account_id"].to_list() == [f"1000-{n:02d}" for n in range(1, 13)]
    # the balance in cents, 1,497,500,000, is 12 x 124,791,666 and 8 cents over: 8 sub-accounts take one more
    frame, issues = read_extract(tmp_path / "trial_balances.csv", contract.TRIAL_BALANCES)
    assert issues == []
    kac_cash = frame.filter((frame["entity_id"] == "KAC") & frame["account_id"].str.starts_with("1000-"))["balance"][:12]
    assert kac_cash.to_list() == [Decimal("1247916.67")] * 8 + [Decimal("1247916.66")] * 4


def test_two_runs_write_byte_identical_files(scaled3, tmp_path):
    generate_scaled(tmp_path, 3, "parquet")
    for extract in contract.EXTRACTS:
        name = f"{extract.name}.parquet"
        assert (tmp_path / name).read_bytes() == (scaled3 / name).read_bytes(), name


def test_a_folder_holding_the_extracts_in_another_format_is_refused(tmp_path):
    (tmp_path / "entities.csv").write_text("entity_id\n")
    with pytest.raises(FileExistsError, match="already holds entities.csv"):
        generate_scaled(tmp_path, 2, "parquet")



# The generator's own process, alone in a wrapper, so that the wrapper's largest child is the generator. Writing the
# rows in order on two threads, it held 469 MB at x100 and 798 MB at x200 as CSV (the x400 CSV died asking DuckDB for
# 2 GiB); on one thread, 133 MB at both. 300 MB lies between.
PEAK_OF_A_CHILD = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, capture_output=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def test_a_hundred_times_the_sample_as_csv_is_written_in_bounded_memory(tmp_path):
    command = [sys.executable, "-m", "pipelines.sample", "--out", str(tmp_path / "x100"), "--scale", "100", "--format", "csv"]
    peak_kb = int(subprocess.run([sys.executable, "-c", PEAK_OF_A_CHILD, *command], check=True, capture_output=True, text=True, cwd=ROOT).stdout)
    assert peak_kb < 300_000, peak_kb
    with (tmp_path / "x100" / "trial_balances.csv").open() as rows:
        assert sum(1 for _ in rows) == 1 + 2_715_300  # its header, and 100 × the sample's 27,153 rows


# The run id and the manifest's hash name the input files' bytes, which differ; every other character is the same.
RUN_IDS = re.compile(r"\b[0-9a-f]{16}\b|\b[0-9a-f]{64}\b")
ROWS = re.compile(r"\b(rows?) \d[\d, ]*")


def test_a_quarter_end_over_three_times_the_rows_gives_the_samples_results_and_documents(scaled3, sample_quarter_run, tmp_path):
    runs = {"sample": sample_quarter_run, "scaled": tmp_path / "scaled"}
    assert main(["run", "--extracts", str(scaled3), "--out", str(runs["scaled"]), "--period", "2003Q4", "--quiet"]) == 0
    sample, scaled = runs["sample"], runs["scaled"]
    for output in ("results.json", "results.csv", "result_inputs.csv", "result_limits.csv", "basket_ledger.json", "deadlines.json"):
        assert (scaled / output).read_bytes() == (sample / output).read_bytes(), output
    # the comparison means something only if the quarter has results of several statuses
    statuses = Counter(r["status"] for r in json.loads((sample / "results.json").read_text()))
    assert {"pass", "fail", "waived", "indeterminate"} <= set(statuses)
    # the run's database holds every quarter's figures: every result of every test date is the same too, but for the
    # rows its inputs cite, which a CSV file counts from its header (row 1) and a Parquet file from its first row
    policies = load_policies()
    every = {}
    for name, run in runs.items():
        with duckdb.connect(str(run / "covenants.duckdb"), read_only=True) as con:
            every[name] = [ROWS.sub(r"\1 #", json.dumps(asdict(r), default=str)) for r in evaluate_all(con, policies)]
    assert len(every["sample"]) > 500 and every["scaled"] == every["sample"]
    documents = sorted(p.name for p in (sample / "certificates").glob("*.html"))
    assert documents == sorted(p.name for p in (scaled / "certificates").glob("*.html")) and len(documents) == 3
    for document in documents:
        texts = [RUN_IDS.sub("#", (run / "certificates" / document).read_text()) for run in (sample, scaled)]
        assert texts[0] == texts[1], document
