"""The `_deadlines` marts on literal rows: indenture-1996/4.06(a)-(c), 5.03(d), 3.05 (Business Days) and 6.01 cure
periods, each date derived by hand in the comment beside it."""

import json
from datetime import date

import pytest
from raw_tables import add, attest, build, one, rows, tb


def event(con, event_id, kind, on, amount=None, cured_on=None, instrument=None, insured=None):
    add(con, "default_events", event_id=event_id, kind=kind, event_date=on, amount=amount, cured_on=cured_on,
        instrument_id=instrument, insured_amount=insured)


def test_annual_statement_due_120_days_after_each_fiscal_year_end(con):
    for quarter_end in ("1996-12-31", "1999-12-31", "2000-12-31"):
        tb(con, quarter_end, "cash", "0.00")
    attest(con, "obligation_completed_on", "1996-12-31", "1997-04-30", reference_id="indenture-1996/4.06(b)")
    attest(con, "obligation_completed_on", "1999-12-31", "2000-04-30", reference_id="indenture-1996/4.06(b)")
    build(con, "indenture_certificate_deadlines")
    found = {r["reference_id"]: r for r in rows(con, "select * from indenture_certificate_deadlines where clause_id = 'indenture-1996/4.06(b)'")}
    # FY1996: Jan 31 + Feb 28 + Mar 31 = 90 days to March 31, 30 more: April 30, 1997
    assert found["FY1996"]["due_date"] == date(1997, 4, 30)
    assert found["FY1996"]["completed_on"] == date(1997, 4, 30)  # delivered on the 120th day: met
    # FY1999: 2000 is a leap year, Jan 31 + Feb 29 + Mar 31 = 91, 29 more: April 29, 2000
    assert found["FY1999"]["due_date"] == date(2000, 4, 29)
    assert found["FY1999"]["completed_on"] == date(2000, 4, 30)  # a day late
    assert found["FY2000"]["due_date"] == date(2001, 4, 30)
    assert found["FY2000"]["completed_on"] is None


def test_annual_certificate_due_a_year_after_the_previous_one(con):
    attest(con, "obligation_completed_on", "1997-03-20", "1997-03-20", reference_id="indenture-1996/5.03(d)")
    build(con, "indenture_certificate_deadlines")
    found = rows(con, "select trigger_date, due_date, completed_on from indenture_certificate_deadlines where clause_id = 'indenture-1996/5.03(d)' order by trigger_date")
    # first: a year after the indenture's date 1996-12-23; then a year after the delivery of 1997-03-20
    assert found == [
        {"trigger_date": date(1996, 12, 23), "due_date": date(1997, 12, 23), "completed_on": date(1997, 3, 20)},
        {"trigger_date": date(1997, 3, 20), "due_date": date(1998, 3, 20), "completed_on": None},
    ]


def test_acceleration_notice_within_five_days_and_default_certificate_promptly(con):
    event(con, "ACC-1", "other_debt_acceleration", "2002-02-12", amount="174000000.00", instrument="NOTES-0975-2002")
    build(con, "indenture_certificate_deadlines")
    notice = one(con, "select * from indenture_certificate_deadlines where clause_id = 'indenture-1996/4.06(c)'")
    assert notice["due_date"] == date(2002, 2, 17)  # February 12 + 5 days, a Sunday: calendar days, convention none
    assert notice["business_day_convention"] == "none"
    promptly = one(con, "select * from indenture_certificate_deadlines where clause_id = 'indenture-1996/4.06(a)'")
    assert promptly["due_date"] is None
    assert "promptly" in json.loads(promptly["missing_inputs"])[0]


def change_of_control_on(con, day, m="0.290000"):
    attest(con, "maxxam_sole_beneficial_ownership", day, m)
    attest(con, "maxxam_voting_stock_ownership", day, m)
    attest(con, "largest_other_voting_stock_holding", day, "0.100000")
    attest(con, "maxxam_controls_board", day, "false")


def test_change_of_control_notice_and_purchase_date_in_business_days(con):
    change_of_control_on(con, "1998-11-20")
    change_of_control_on(con, "1999-06-30")  # a subsequent Change of Control needs no offer
    build(con, "change_of_control_deadlines")
    found = {r["clause_id"]: r for r in rows(con, "select * from change_of_control_deadlines")}
    assert len(found) == 2
    # Friday 1998-11-20: Nov 23, 24, 25 (1-3), 26 Thanksgiving, 27 (4), 30 (5), Dec 1, 2, 3, 4 (6-9), Dec 7 (10)
    assert found["indenture-1996/3.05(b)"]["due_date"] == date(1998, 12, 7)
    # then Dec 8-11 (11-14), 14-18 (15-19), 21-24 (20-23), 25 Christmas, 28-31 (24-27), Jan 1 1999 New Year's Day,
    # Jan 4, 5, 6 (28-30)
    assert found["indenture-1996/3.05(a)"]["due_date"] == date(1999, 1, 6)
    assert found["indenture-1996/3.05(a)"]["trigger_date"] == date(1998, 11, 20)


def test_change_of_control_counts_from_a_weekend_day(con):
    event(con, "COC-1", "change_of_control", "1998-07-04")
    build(con, "change_of_control_deadlines")
    notice = one(con, "select * from change_of_control_deadlines where clause_id = 'indenture-1996/3.05(b)'")
    # Saturday 1998-07-04: Jul 6-10 (1-5), 13-17 (6-10)
    assert notice["due_date"] == date(1998, 7, 17)


@pytest.mark.parametrize(
    ("kind", "clause_id", "on", "due"),
    [
        ("interest_payment_default", "indenture-1996/6.01(a)", "2002-04-15", date(2002, 5, 15)),  # 15 + 30 days
        ("notice_of_default", "indenture-1996/6.01(c)", "1998-09-01", date(1998, 10, 31)),  # 29 in Sep + 31 in Oct
        ("other_debt_payment_default", "indenture-1996/6.01(d)", "2000-03-31", date(2000, 4, 30)),
        ("judgment", "indenture-1996/6.01(e)", "1999-06-15", date(1999, 7, 15)),
        ("involuntary_bankruptcy_order", "indenture-1996/6.01(f)", "2003-01-01", date(2003, 4, 1)),  # 30 + 28 + 31 + 1
    ],
)
def test_cure_periods(con, kind, clause_id, on, due):
    event(con, "E-1", kind, on, cured_on="1999-07-09")
    build(con, "event_of_default_deadlines")
    found = one(con, "select * from event_of_default_deadlines")
    assert (found["clause_id"], found["due_date"], found["completed_on"]) == (clause_id, due, date(1999, 7, 9))
