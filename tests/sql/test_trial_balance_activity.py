"""stg_trial_balance_activity: year-to-date income-statement balances become monthly activity; balance-sheet balances
become monthly movements; a missing row is a zero balance; the accounts of a line item are added up, but for the one
tested account by account."""

from datetime import date
from decimal import Decimal

from raw_tables import add, build, rows, tb

MODEL = "stg_trial_balance_activity"


def activity(con, line_item):
    return {
        r["period_end"].isoformat(): r["activity"]
        for r in rows(con, "select period_end, activity from stg_trial_balance_activity where line_item = ? order by period_end", [line_item])
    }


def test_income_statement_activity_is_the_change_in_year_to_date_balance(con):
    tb(con, "1996-12-31", "net_sales", "-9000.00")
    tb(con, "1997-01-31", "net_sales", "-1000.00")
    tb(con, "1997-02-28", "net_sales", "-2500.00")
    tb(con, "1997-03-31", "cash", "1.00")  # March is reported, but has no net_sales row
    build(con, MODEL)
    assert activity(con, "net_sales") == {
        "1996-12-31": Decimal("-9000.00"),  # first month reported: its YTD
        "1997-01-31": Decimal("-1000.00"),  # January = its YTD (a new fiscal year), not -1,000 - (-9,000)
        "1997-02-28": Decimal("-1500.00"),  # -2,500 YTD - (-1,000) YTD
        "1997-03-31": Decimal("2500.00"),  # missing row = zero YTD: 0 - (-2,500)
    }


def test_balance_sheet_activity_is_the_movement_and_unknown_in_the_first_month(con):
    tb(con, "1996-12-31", "cash", "5000.00")
    tb(con, "1997-01-31", "cash", "5000.00")
    tb(con, "1997-02-28", "cash", "7000.00")
    tb(con, "1997-03-31", "cash", "6000.00")
    build(con, MODEL)
    assert activity(con, "cash") == {
        "1996-12-31": Decimal("0.00"),  # first month reported: opening balance unknown, movement 0
        "1997-01-31": Decimal("0.00"),  # 5,000 - 5,000 (balance sheet does not reset at year end)
        "1997-02-28": Decimal("2000.00"),  # 7,000 - 5,000
        "1997-03-31": Decimal("-1000.00"),  # 6,000 - 7,000
    }


def test_previous_month_is_the_entity_previous_reported_month(con):
    tb(con, "1997-03-31", "net_sales", "-300.00")
    tb(con, "1997-06-30", "net_sales", "-700.00")
    build(con, MODEL)
    found = rows(
        con,
        "select a.period_end, a.quarter_end, m.previous_period_end, a.activity from stg_trial_balance_activity as a "
        "join stg_entity_months as m using (entity_id, period_end) order by a.period_end",
    )
    # June YTD -700 less March YTD -300 (April and May not reported) = -400
    assert [(r["period_end"].isoformat(), r["quarter_end"].isoformat(), r["previous_period_end"], r["activity"]) for r in found] == [
        ("1997-03-31", "1997-03-31", None, Decimal("-300.00")),
        ("1997-06-30", "1997-06-30", date(1997, 3, 31), Decimal("-400.00")),
    ]


def test_an_account_missing_from_a_month_has_a_zero_balance_there_and_opens_its_next_row_at_zero(con):
    tb(con, "1997-01-31", "cash", "5000.00")  # row 2
    tb(con, "1997-02-28", "net_sales", "-10.00")  # row 3: February is reported, without a cash row
    tb(con, "1997-03-31", "cash", "6000.00")  # row 4
    build(con, MODEL)
    found = rows(con, "select period_end, balance, prior_balance, activity from stg_trial_balance_activity where line_item = 'cash' order by period_end")
    assert [(r["period_end"].isoformat(), r["balance"], r["prior_balance"], r["activity"]) for r in found] == [
        ("1997-01-31", Decimal("5000.00"), Decimal("0.00"), Decimal("0.00")),  # first month: movement 0
        ("1997-02-28", Decimal("0.00"), Decimal("5000.00"), Decimal("-5000.00")),  # no row: 0 - 5,000
        ("1997-03-31", Decimal("6000.00"), Decimal("0.00"), Decimal("6000.00")),  # February's balance was zero: 6,000 - 0
    ]


def _account(con, account_id: str, line_item: str, statement: str = "income_statement") -> None:
    add(con, "chart_of_accounts", account_id=account_id, account_name=account_id, statement=statement, line_item=line_item)


def _balance(con, period_end: str, account_id: str, balance: str) -> None:
    add(con, "trial_balances", entity_id="KACC", period_end=period_end, account_id=account_id, counterparty_entity_id=None, balance=balance)


def test_a_line_items_activity_is_that_of_its_accounts_added_up(con):
    _account(con, "4000-2", "net_sales")  # a second net_sales account beside the test chart's own (net_sales)
    tb(con, "1997-01-31", "net_sales", "-100.00")
    _balance(con, "1997-01-31", "4000-2", "-50.00")
    tb(con, "1997-02-28", "net_sales", "-300.00")  # 4000-2 has no February row: a zero YTD balance
    tb(con, "1997-03-31", "cash", "1.00")  # March is reported, with no net_sales row at all
    build(con, MODEL)
    found = rows(con, "select period_end, account_id, balance, prior_balance, activity from stg_trial_balance_activity where line_item = 'net_sales' order by period_end")
    # account by account: January -100 and -50; February net_sales -300 - (-100) = -200 and 4000-2 0 - (-50) = +50;
    # March net_sales 0 - (-300) = +300. Per line item: -150; -150 (= -200 + 50); +300.
    assert [(r["period_end"].isoformat(), r["account_id"], r["balance"], r["prior_balance"], r["activity"]) for r in found] == [
        ("1997-01-31", None, Decimal("-150.00"), Decimal("0.00"), Decimal("-150.00")),
        ("1997-02-28", None, Decimal("-300.00"), Decimal("-150.00"), Decimal("-150.00")),
        ("1997-03-31", None, Decimal("0.00"), Decimal("-300.00"), Decimal("300.00")),
    ]


def test_the_accounts_of_non_recurring_transaction_gains_stay_apart(con):
    # each holds one transaction's gain, tested against a threshold account by account (ANEO (g))
    _account(con, "7800-2", "non_recurring_transaction_gain")
    tb(con, "2002-03-31", "non_recurring_transaction_gain", "-200000.00")
    _balance(con, "2002-03-31", "7800-2", "-100000.00")
    build(con, MODEL)
    found = rows(con, "select account_id, activity from stg_trial_balance_activity where line_item = 'non_recurring_transaction_gain' order by account_id")
    assert [(r["account_id"], r["activity"]) for r in found] == [
        ("7800-2", Decimal("-100000.00")),
        ("non_recurring_transaction_gain", Decimal("-200000.00")),
    ]
