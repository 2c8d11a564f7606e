"""The deadline calendar (pipelines.outputs.deadlines): any number of `_deadlines` marts unioned, the Business Day
conventions applied, and each status at its boundary relative to the as-of date."""

import json
from datetime import date

import duckdb
import pytest

from pipelines.calendar.business_days import load_business_days
from pipelines.outputs.deadlines import between, deadline_calendar, for_period, statement, status_of, write_deadlines

COLUMNS = """clause_id varchar, obligation varchar, reference_id varchar, trigger_date date, due_date date,
    business_day_convention varchar, rule varchar, completed_on date, missing_inputs varchar"""


@pytest.fixture
def con():
    connection = duckdb.connect()
    load_business_days(connection, closures=())
    yield connection
    connection.close()


def mart(con, name, *rows):
    con.execute(f"create table {name} ({COLUMNS})")
    for row in rows:
        con.execute(f"insert into {name} values (?, 'do it', ?, ?, ?, ?, 'rule', ?, ?)", list(row))


def test_no_deadline_mart_gives_an_empty_calendar(con):
    assert deadline_calendar(con, date(2004, 12, 31)) == []


def test_marts_are_unioned_and_conventions_applied(con):
    # 2004-05-01 is a Saturday: preceding is Friday April 30, following is Monday May 3
    mart(con, "asset_sale_deadlines", ("indenture-1996/4.14(c)", "AS-1", "2003-12-08", "2004-05-01", "preceding", None, "[]"))
    mart(con, "indenture_certificate_deadlines",
         ("indenture-1996/4.06(b)", "FY2003", "2003-12-31", "2004-04-29", "none", "2004-04-29", "[]"),
         ("x/following", "R-1", "2003-12-31", "2004-05-01", "following", "2004-05-03", "[]"))
    con.execute("create table not_a_deadline_mart (x integer)")
    found = deadline_calendar(con, date(2004, 12, 31))
    assert [(d.mart, d.reference_id, d.adjusted_due_date, d.status) for d in found] == [
        ("indenture_certificate_deadlines", "FY2003", date(2004, 4, 29), "met"),  # delivered on the due date
        ("asset_sale_deadlines", "AS-1", date(2004, 4, 30), "missed"),  # open, and April 30 is before the as-of date
        ("indenture_certificate_deadlines", "R-1", date(2004, 5, 3), "met"),  # the following Monday
    ]


@pytest.mark.parametrize(
    ("due", "completed", "missing", "status"),
    [
        (date(2004, 4, 30), date(2004, 4, 30), (), "met"),
        (date(2004, 4, 30), date(2004, 5, 1), (), "missed"),  # completed a day late
        (date(2004, 4, 29), None, (), "missed"),  # open, due the day before the as-of date
        (date(2004, 4, 30), None, (), "due"),  # open, due on the as-of date
        (date(2004, 5, 30), None, (), "due"),  # 30 days after the as-of date: still within the window
        (date(2004, 5, 31), None, (), "upcoming"),  # 31 days after
        (None, None, ("promptly",), "indeterminate"),
        (date(2004, 5, 31), date(2004, 4, 1), ("an input",), "indeterminate"),
    ],
)
def test_status(due, completed, missing, status):
    assert status_of(due, completed, missing, date(2004, 4, 30)) == status


def test_completion_after_the_as_of_date_and_triggers_after_it(con):
    mart(con, "event_of_default_deadlines",
         ("indenture-1996/6.01(a)", "IPD", "2002-04-15", "2002-05-15", "none", "2002-05-20", "[]"),
         ("indenture-1996/6.01(a)", "LATER", "2002-06-15", "2002-07-15", "none", None, "[]"))
    found = deadline_calendar(con, date(2002, 5, 1))
    # the cure of May 20 is not yet known on May 1, and the June default has not happened yet
    assert [(d.reference_id, d.completed_on, d.status) for d in found] == [("IPD", None, "due")]


def test_files_and_date_filter(con, tmp_path):
    mart(con, "indenture_certificate_deadlines",
         ("indenture-1996/4.06(b)", "FY1996", "1996-12-31", "1997-04-30", "none", "1997-03-28", "[]"),
         ("indenture-1996/4.06(a)", "BK", "2002-02-12", None, "none", None, '["a due date: promptly"]'))
    found = deadline_calendar(con, date(2004, 12, 31))
    assert [d.reference_id for d in between(found, date(2002, 1, 1), None)] == ["BK"]  # no due date: its trigger date
    json_path, csv_path = write_deadlines(found, tmp_path)
    records = json.loads(json_path.read_text())
    assert records[0]["adjusted_due_date"] == "1997-04-30" and records[0]["status"] == "met"
    assert records[1]["missing_inputs"] == ["a due date: promptly"] and records[1]["due_date"] is None
    assert csv_path.read_text().splitlines()[0].startswith("status,statement,adjusted_due_date,clause_id")
    assert records[0]["statement"] == "met on March 28, 1997, due April 30, 1997 under Section 4.06(b) of the Indenture"


@pytest.mark.parametrize(
    ("status", "due", "completed", "said"),
    [
        ("met", date(2004, 4, 29), date(2004, 4, 29), "met on April 29, 2004, due April 29, 2004 under Section 4.06(b) of the Indenture"),
        ("missed", date(2004, 4, 15), date(2004, 4, 27),
         "late by 12 days: done on April 27, 2004, due April 15, 2004 under Section 4.06(b) of the Indenture"),
        ("missed", date(2004, 4, 29), None,
         "missed: due April 29, 2004 under Section 4.06(b) of the Indenture, not done by April 30, 2004 (1 day overdue)"),
        ("due", date(2004, 4, 30), None, "due April 30, 2004 under Section 4.06(b) of the Indenture, today"),
        ("upcoming", date(2004, 6, 1), None, "due June 1, 2004 under Section 4.06(b) of the Indenture, in 32 days"),
        ("indeterminate", None, None, "the due date under Section 4.06(b) of the Indenture cannot be fixed"),
    ],
)
def test_statement_says_late_and_missed_in_words_with_the_section(status, due, completed, said):
    assert statement(status, "indenture-1996/4.06(b)", due, completed, date(2004, 4, 30)) == said


def test_texts_of_the_marts_read_in_words(con):
    con.execute(f"create table notes_deadlines ({COLUMNS})")
    con.execute(
        "insert into notes_deadlines values ('indenture-1996/2.03', "
        "'pay the installment of interest on the Notes: 1691666.6666666666 (10.875% a year on 50000000.00 for 112 days of a 360-day year)', "
        "'coupon 1997-04-15', '1997-04-01', '1997-04-15', 'following', 'interest from 1996-12-23', null, '[]')"
    )
    [found] = deadline_calendar(con, date(1997, 4, 30))
    assert found.obligation == (
        "pay the installment of interest on the Notes: 1,691,666.67 (10.875% a year on 50,000,000.00 for 112 days of a 360-day year)"
    )
    assert found.rule == "interest from December 23, 1996"
    assert found.reference_id == "coupon 1997-04-15"  # an id, kept as the mart wrote it
    assert found.statement == (
        "missed: due April 15, 1997 under Section 2.03 of the Indenture, not done by April 30, 1997 (15 days overdue)"
    )


@pytest.mark.parametrize("triggers", [("2003-12-31", "2003-11-30"), ("2003-11-30", "2003-12-31")])
def test_obligations_due_the_same_day_come_in_one_order(con, triggers):
    # one clause, reference and due date: the calendar's key ties, the trigger dates tell them apart
    mart(con, "asset_sale_deadlines", *[("indenture-1996/4.14(c)", "AS-1", t, "2004-04-29", "none", None, "[]") for t in triggers])
    assert [d.trigger_date for d in deadline_calendar(con, date(2004, 3, 31))] == [date(2003, 11, 30), date(2003, 12, 31)]


def option_mart(con, *rows):
    """asset_sale_deadlines with its is_option column: the 4.14(d) commitment is an option, the notice an obligation."""
    con.execute(f"create table asset_sale_deadlines ({COLUMNS}, is_option boolean)")
    for row in rows:
        con.execute("insert into asset_sale_deadlines values (?, 'do it', ?, ?, ?, 'none', 'rule', ?, '[]', ?)", list(row))


@pytest.mark.parametrize(
    ("due", "completed", "option", "status"),
    [
        # as of 2004-04-30: an option whose day passed without being exercised lapses; an obligation is missed
        ("2004-04-29", None, True, "lapsed"),
        ("2004-04-29", None, False, "missed"),
        # exercised a day late: too late to count, so lapsed too; exercised on the day: met
        ("2004-04-29", "2004-04-30", True, "lapsed"),
        ("2004-04-29", "2004-04-29", True, "met"),
        # its day is the as-of date itself: still open, due
        ("2004-04-30", None, True, "due"),
    ],
)
def test_an_option_not_exercised_lapses_and_is_never_missed(con, due, completed, option, status):
    option_mart(con, ("indenture-1996/4.14(d)", "ASR-1", "2003-12-10", due, completed, option))
    [found] = deadline_calendar(con, date(2004, 4, 30))
    assert found.status == status


@pytest.mark.parametrize(
    ("completed", "said"),
    [
        (None, "lapsed: an option, not exercised by April 29, 2004 under Section 4.14(d) of the Indenture"),
        (date(2004, 4, 30), "lapsed: an option, exercised on April 30, 2004, after April 29, 2004 under Section 4.14(d) of the Indenture"),
    ],
)
def test_a_lapsed_option_says_so_in_words(completed, said):
    assert statement("lapsed", "indenture-1996/4.14(d)", date(2004, 4, 29), completed, date(2004, 4, 30)) == said


def test_a_periods_calendar_leaves_out_only_what_was_settled_before_it(con):
    # a run of 2004Q1 (first day 2004-01-01, as of 2004-03-31)
    option_mart(
        con,
        # done the day before the period: settled; done on its first day: listed
        ("indenture-1996/4.06(b)", "DONE-12-31", "2002-12-31", "2003-04-30", "2003-12-31", False),
        ("indenture-1996/4.06(b)", "DONE-01-01", "2002-12-31", "2003-04-30", "2004-01-01", False),
        # missed long ago and still not done: open, however old
        ("indenture-1996/6.01(a)", "MISSED-1997", "1997-04-15", "1997-05-15", None, False),
        # an option whose date passed unused on 2003-12-31 (a Wednesday): settled; one whose date is 2004-01-02: listed
        ("indenture-1996/4.14(d)", "LAPSED-12-31", "2003-08-13", "2003-12-31", None, True),
        ("indenture-1996/4.14(d)", "LAPSED-01-02", "2003-08-15", "2004-01-02", None, True),
    )
    con.execute("insert into asset_sale_deadlines values ('indenture-1996/4.06(a)', 'do it', 'PROMPTLY-1999', '1999-03-01', null, 'none', 'rule', null, '[\"promptly\"]', false)")
    listed, settled = for_period(deadline_calendar(con, date(2004, 3, 31)), date(2004, 1, 1))
    assert {d.reference_id for d in settled} == {"DONE-12-31", "LAPSED-12-31"}
    assert {(d.reference_id, d.status, d.trigger_quarter) for d in listed} == {
        ("DONE-01-01", "missed", "2002Q4"),  # done 2004-01-01, due 2003-04-30: late, and in the period
        ("MISSED-1997", "missed", "1997Q2"),
        ("LAPSED-01-02", "lapsed", "2003Q3"),
        ("PROMPTLY-1999", "indeterminate", "1999Q1"),
    }
    # a run of every quarter starts before any of them: it leaves out nothing
    assert for_period(deadline_calendar(con, date(2004, 3, 31)), date(1996, 10, 1))[1] == []
