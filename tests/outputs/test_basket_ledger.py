"""The basket ledger gathers every `*_basket_ledger` mart into one published table, money as decimal strings."""

import json
from decimal import Decimal

import duckdb
import pytest

from pipelines.outputs.basket_ledger import basket_ledger, write_basket_ledger

LEDGER_COLUMNS = """clause_id varchar, basket varchar, measure varchar, entry_date date, transaction_id varchar,
    description varchar, amount decimal(38,2), usage_after decimal(38,2), capacity decimal(38,2), remaining decimal(38,2),
    inputs varchar"""


@pytest.fixture
def con():
    connection = duckdb.connect()
    connection.execute(f"create table valco_basket_ledger ({LEDGER_COLUMNS})")
    # 4.10(b)(v): $25,000,000 at any one time outstanding; 20,000,000 drawn, then 5,000,000 more leaves 0
    connection.execute(
        """insert into valco_basket_ledger values
        ('indenture-1996/4.10(b)(v)', 'VALCO', 'at_any_one_time_outstanding', '1998-06-30', 'INC-2', 'second draw',
         5000000.00, 25000000.00, 25000000.00, 0.00, '{}'),
        ('indenture-1996/4.10(b)(v)', 'VALCO', 'at_any_one_time_outstanding', '1997-06-30', 'INC-1', 'first draw',
         20000000.00, 20000000.00, 25000000.00, 5000000.00, '{"ownership": {"value": "0.90"}}')"""
    )
    yield connection
    connection.close()


def test_ledger_rows_come_in_entry_order_with_exact_money(con):
    rows = basket_ledger(con)
    assert [r["transaction_id"] for r in rows] == ["INC-1", "INC-2"]
    assert (rows[1]["usage_after"], rows[1]["remaining"]) == (Decimal("25000000.00"), Decimal("0.00"))
    assert rows[0]["inputs"] == {"ownership": {"value": "0.90"}}


def test_published_ledger_writes_money_as_strings(con, tmp_path):
    json_path, csv_path = write_basket_ledger(basket_ledger(con), tmp_path)
    first = json.loads(json_path.read_text())[0]
    assert (first["entry_date"], first["remaining"]) == ("1997-06-30", "5000000.00")
    assert csv_path.read_text().splitlines()[0] == "clause_id,basket,measure,entry_date,transaction_id,description,amount,usage_after,capacity,remaining,inputs"


def test_a_ledger_mart_in_another_shape_is_refused(con):
    con.execute("create table odd_basket_ledger (clause_id varchar, used decimal(38,2))")
    with pytest.raises(ValueError, match="odd_basket_ledger must have exactly the columns"):
        basket_ledger(con)


def test_an_unknown_measure_is_refused(con):
    con.execute("update valco_basket_ledger set measure = 'sometimes' where transaction_id = 'INC-1'")
    with pytest.raises(ValueError, match="unknown measure 'sometimes'"):
        basket_ledger(con)


def test_no_ledger_marts_give_an_empty_ledger():
    assert basket_ledger(duckdb.connect()) == []


@pytest.mark.parametrize("baskets", [("VALCO", "ALPART"), ("ALPART", "VALCO")])
def test_entries_of_one_clause_date_and_transaction_come_in_one_order(baskets):
    connection = duckdb.connect()
    connection.execute(f"create table joint_venture_basket_ledger ({LEDGER_COLUMNS})")
    for basket in baskets:
        connection.execute(
            "insert into joint_venture_basket_ledger values ('indenture-1996/4.10(b)(v)', ?, 'at_any_one_time_outstanding', "
            "'1998-06-30', 'INC-2', 'draw', 1.00, 1.00, 2.00, 1.00, '{}')",
            [basket],
        )
    assert [r["basket"] for r in basket_ledger(connection)] == ["ALPART", "VALCO"]
