"""indenture-1996/2.01, 2.03, 14.06, 5.01, 5.03(a): the Notes' interest schedule and the deadlines it times, on literal
rows; every figure derived by hand in the comment beside it."""

import json
from datetime import date
from decimal import Decimal

from raw_tables import add, attest, build, one, rows, tb

from pipelines.calendar.business_days import Closure, load_business_days

NOTES = "NOTES-10875-2006"


def notes(con, balances=(("1996-12-31", "50000000.00"),)):
    add(con, "debt_instruments", instrument_id=NOTES, instrument_kind="senior_notes", fixed_rate="0.10875",
        issue_date="1996-12-23", maturity_date="2006-10-15")
    # the Series B notes of another indenture: same coupon, same maturity, never the Notes
    add(con, "debt_instruments", instrument_id="NOTES-B", instrument_kind="senior_notes", fixed_rate="0.10875",
        issue_date="1996-10-23", maturity_date="2006-10-15")
    add(con, "debt_balances", instrument_id="NOTES-B", period_end="1997-03-31", principal_outstanding="175000000.00",
        letters_of_credit_outstanding="0.00", interest_rate="0.10875")
    for period_end, principal in balances:
        add(con, "debt_balances", instrument_id=NOTES, period_end=period_end, principal_outstanding=principal,
            letters_of_credit_outstanding="0.00", interest_rate="0.10875")


def month_ends(first, last):
    """Every month end from `first` to `last` (YYYY-MM)."""
    out = []
    year, month = first
    while (year, month) <= last:
        following = date(year + month // 12, month % 12 + 1, 1)
        out.append((following.fromordinal(following.toordinal() - 1)).isoformat())
        year, month = following.year, following.month
    return out


def schedule(con):
    return {r["payment_date"]: r for r in rows(con, "select * from notes_interest_schedule")}


def test_first_coupon_accrues_from_december_23_1996(con):
    notes(con, [("1997-03-31", "50000000.00")])
    build(con, "notes_interest_schedule")
    first = schedule(con)[date(1997, 4, 15)]
    assert first["accrual_start"] == date(1996, 12, 23)
    # 30/360 from 1996-12-23 to 1997-04-15: (1997-1996) x 360 + (4-12) x 30 + (15-23) = 360 - 240 - 8 = 112
    assert first["days_30_360"] == 112
    assert first["record_date"] == date(1997, 4, 1)
    assert first["principal_outstanding"] == Decimal("50000000.00")  # March 31, the month end before April 1; Series B ignored
    # 50,000,000 x 0.10875 x 112 = 609,000,000; / 360 = 1,691,666.666..., kept to 10 places, not rounded to the cent
    assert first["interest_times_360"] == Decimal("609000000")
    assert first["interest"] == Decimal("1691666.6666666666")
    assert first["payment_date_adjusted"] == date(1997, 4, 15)  # a Tuesday
    assert json.loads(first["missing_inputs"]) == []


def test_full_period_and_every_payment_date_to_maturity(con):
    notes(con, [(d, "50000000.00") for d in month_ends((1996, 12), (2006, 9))])
    build(con, "notes_interest_schedule")
    found = schedule(con)
    # April 15, 1997 to October 15, 2006: 10 years x 2 = 20 payment dates
    assert len(found) == 20
    assert min(found) == date(1997, 4, 15) and max(found) == date(2006, 10, 15)
    october = found[date(1997, 10, 15)]
    # a full half-year: 6 x 30 = 180 days; 50,000,000 x 0.10875 x 180 / 360 = 2,718,750 exactly (E15 x 50,000: $54.375
    # on each $1,000)
    assert (october["accrual_start"], october["days_30_360"]) == (date(1997, 4, 15), 180)
    assert october["interest"] == Decimal("2718750.0000000000")


def test_weekend_payment_dates_move_to_the_next_business_day_and_record_dates_never_move(con):
    notes(con, [("2000-03-31", "50000000.00"), ("2000-09-30", "50000000.00"), ("2006-09-30", "50000000.00")])
    build(con, "notes_interest_schedule")
    found = schedule(con)
    april_2000 = found[date(2000, 4, 15)]
    # April 15, 2000 is a Saturday: paid Monday April 17 (14.06), interest still to April 15 (180 days)
    assert april_2000["payment_date_adjusted"] == date(2000, 4, 17)
    assert april_2000["days_30_360"] == 180
    # its record date April 1, 2000 is a Saturday and stays April 1 ("whether or not ... a Business Day")
    assert april_2000["record_date"] == date(2000, 4, 1)
    assert april_2000["record_date_is_business_day"] is False
    # October 15, 2000 is a Sunday: Monday October 16 (Columbus Day was October 9)
    assert found[date(2000, 10, 15)]["payment_date_adjusted"] == date(2000, 10, 16)
    # maturity, October 15, 2006, is a Sunday: Monday October 16, 2006
    assert found[date(2006, 10, 15)]["payment_date_adjusted"] == date(2006, 10, 16)


def test_a_bank_closure_on_the_following_monday_moves_the_payment_to_tuesday(con):
    notes(con, [("2000-03-31", "50000000.00")])
    closure = Closure(day=date(2000, 4, 17), cities=("New York",), reason="test closure", source="test")
    load_business_days(con, closures=(closure,))
    build(con, "notes_interest_schedule")
    # Saturday April 15 -> Monday 17 closed in New York -> Tuesday April 18, 2000
    assert schedule(con)[date(2000, 4, 15)]["payment_date_adjusted"] == date(2000, 4, 18)


def test_principal_unknown_without_the_month_end_before_the_record_date(con):
    notes(con, [("1996-12-31", "50000000.00")])
    build(con, "notes_interest_schedule")
    first = schedule(con)[date(1997, 4, 15)]
    assert first["principal_outstanding"] is None and first["interest"] is None
    assert json.loads(first["missing_inputs"]) == [
        "principal outstanding of the Notes at 1997-03-31 (debt_balances), the month end before the record date 1997-04-01"
    ]


def deadlines(con, clause):
    return {r["reference_id"]: r for r in rows(con, "select * from notes_deadlines where clause_id = ?", [clause])}


def test_coupon_deadlines_completed_by_attestation_or_by_a_cured_payment_default(con):
    notes(con, [("1997-03-31", "50000000.00"), ("1997-09-30", "50000000.00")])
    attest(con, "obligation_completed_on", "1997-04-15", "1997-04-15", reference_id="indenture-1996/2.03")
    add(con, "default_events", event_id="IPD-1", kind="interest_payment_default", event_date="1997-10-15",
        instrument_id=NOTES, amount="2718750.00", cured_on="1997-11-03")
    build(con, "notes_deadlines")
    found = deadlines(con, "indenture-1996/2.03")
    april = found["coupon 1997-04-15"]
    assert (april["trigger_date"], april["due_date"], april["business_day_convention"]) == (date(1997, 4, 1), date(1997, 4, 15), "following")
    assert april["completed_on"] == date(1997, 4, 15)
    assert "50000000.00 x 0.10875 x 112/360 = 1691666.6666666666" in april["obligation"]
    assert found["coupon 1997-10-15"]["completed_on"] == date(1997, 11, 3)  # paid 19 days late, per the cure date
    assert found["coupon 1998-04-15"]["completed_on"] is None


def test_noteholder_lists_depend_on_who_is_note_registrar(con):
    notes(con)
    build(con, "notes_deadlines")
    unattested = deadlines(con, "indenture-1996/5.01")["noteholder list 1997-04-01"]
    # April 1 + 15 calendar days = April 16, 1997
    assert unattested["due_date"] == date(1997, 4, 16)
    assert "trustee_is_note_registrar" in json.loads(unattested["missing_inputs"])[0]


def test_no_list_while_the_trustee_is_note_registrar(con):
    notes(con)
    attest(con, "trustee_is_note_registrar", "1996-12-23", "true")
    attest(con, "trustee_is_note_registrar", "2000-01-01", "false")
    build(con, "notes_deadlines")
    found = deadlines(con, "indenture-1996/5.01")
    # the Trustee was registrar for the record dates of 1997-1999 (6 lists not required); from 2000 it was not
    assert "noteholder list 1999-10-01" not in found
    april_2000 = found["noteholder list 2000-04-01"]
    # April 1, 2000 is a Saturday: calendar days, April 16, 2000 (a Sunday), convention none
    assert (april_2000["due_date"], april_2000["business_day_convention"]) == (date(2000, 4, 16), "none")
    assert json.loads(april_2000["missing_inputs"]) == []
    # 2000-04-01 through 2006-10-01: 7 years x 2 = 14 lists
    assert len(found) == 14


def test_reports_to_the_trustee_need_the_sec_due_dates(con):
    notes(con)
    tb(con, "1996-12-31", "cash", "0.00")
    tb(con, "1997-03-31", "cash", "0.00")
    build(con, "notes_deadlines")
    found = deadlines(con, "indenture-1996/5.03(a)")
    assert set(found) == {"report 1996-12-31", "report 1997-03-31"}
    assert found["report 1996-12-31"]["due_date"] is None
    assert "AMB-I36" in json.loads(found["report 1996-12-31"]["missing_inputs"])[0]
    assert "annual report" in found["report 1996-12-31"]["obligation"]
