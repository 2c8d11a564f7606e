"""stg_trial_balance_activity: year-to-date income-statement balances become monthly activity; balance-sheet balances
become monthly movements; a missing row is a zero balance."""

from decimal import Decimal

from raw_tables import build, rows, tb

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


def test_previous_month_is_the_entity_previous_reported_month_and_rows_are_traced(con):
    tb(con, "1997-03-31", "net_sales", "-300.00")
    tb(con, "1997-06-30", "net_sales", "-700.00")
    build(con, MODEL)
    found = rows(con, "select period_end, quarter_end, activity, source_rows from stg_trial_balance_activity order by period_end")
    # June YTD -700 less March YTD -300 (April and May not reported) = -400; source rows: the June row (3) and March row (2)
    assert [(r["period_end"].isoformat(), r["quarter_end"].isoformat(), r["activity"], r["source_rows"]) for r in found] == [
        ("1997-03-31", "1997-03-31", Decimal("-300.00"), [2]),
        ("1997-06-30", "1997-06-30", Decimal("-400.00"), [3, 2]),
    ]


def test_an_account_missing_from_a_month_has_a_zero_balance_there_and_opens_its_next_row_at_zero(con):
    tb(con, "1997-01-31", "cash", "5000.00")  # row 2
    tb(con, "1997-02-28", "net_sales", "-10.00")  # row 3: February is reported, without a cash row
    tb(con, "1997-03-31", "cash", "6000.00")  # row 4
    build(con, MODEL)
    found = rows(con, "select period_end, balance, prior_balance, activity, source_rows from stg_trial_balance_activity where line_item = 'cash' order by period_end")
    assert [(r["period_end"].isoformat(), r["balance"], r["prior_balance"], r["activity"], r["source_rows"]) for r in found] == [
        ("1997-01-31", Decimal("5000.00"), Decimal("0.00"), Decimal("0.00"), [2]),  # first month: movement 0
        ("1997-02-28", Decimal("0.00"), Decimal("5000.00"), Decimal("-5000.00"), [2]),  # no row: 0 - 5,000, traced to January's
        ("1997-03-31", Decimal("6000.00"), Decimal("0.00"), Decimal("6000.00"), [4]),  # February's balance was zero: 6,000 - 0
    ]
