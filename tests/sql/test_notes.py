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
    assert "1691666.6666666666 (10.875% a year on 50000000.00 for 112 days of a 360-day year)" in april["obligation"]
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
    assert "R-I36" in json.loads(found["report 1996-12-31"]["missing_inputs"])[0]
    assert "annual report" in found["report 1996-12-31"]["obligation"]


def test_notes_issued_against_the_50_million_limit(con):
    # 50,000,000 issued; 10,000,000 redeemed in October 2004 does not restore capacity; a further 5,000,000 in 2005
    notes(con, [("1996-12-31", "50000000.00"), ("2004-12-31", "40000000.00"), ("2005-03-31", "45000000.00")])
    build(con, "notes_principal_tests")
    found = {r["test_date"]: r for r in rows(con, "select * from notes_principal_tests")}
    assert found[date(1996, 12, 31)]["actual"] == Decimal("50000000.00")
    assert found[date(2004, 12, 31)]["actual"] == Decimal("50000000.00")
    # 50,000,000 + 5,000,000 = 55,000,000: over the limit although only 45,000,000 is outstanding
    assert found[date(2005, 3, 31)]["actual"] == Decimal("55000000.00")


def redeem(con, redemption_id, redemption_date, notice, principal="10000000.00"):
    add(con, "note_redemptions", redemption_id=redemption_id, notice_mailed_on=notice, redemption_date=redemption_date,
        principal_amount=principal, document=None)


def redemption(con, redemption_id):
    row = one(con, "select * from notes_redemption_tests where transaction_id = ?", [redemption_id])
    return row["actual"], {k: v["value"] for k, v in json.loads(row["inputs"]).items()}


def test_redemption_price_by_twelve_month_period_beginning_october_15(con):
    notes(con)
    for day in ("2001-10-14", "2001-10-15", "2002-10-14", "2002-10-15", "2003-10-15", "2004-10-14", "2004-10-15", "2005-10-15"):
        redeem(con, f"R-{day}", day, "2001-09-14" if day.startswith("2001") else f"{day[:4]}-09-14")
    build(con, "notes_redemption_tests")
    prices = {d: redemption(con, f"R-{d}")[1]["redemption_price"] for d in
              ("2001-10-14", "2001-10-15", "2002-10-14", "2002-10-15", "2003-10-15", "2004-10-14", "2004-10-15", "2005-10-15")}
    assert prices == {
        "2001-10-14": "none: not redeemable",  # the day before the first call date
        "2001-10-15": "1.05437",
        "2002-10-14": "1.05437",  # still the period beginning October 15, 2001
        "2002-10-15": "1.03625",
        "2003-10-15": "1.01813",
        "2004-10-14": "1.01813",
        "2004-10-15": "1.00000",
        "2005-10-15": "1.00000",  # "2004 and thereafter"
    }
    actual, inputs = redemption(con, "R-2001-10-14")
    assert actual == Decimal("1.00") and "not permitted" in inputs["breaches"]


def test_redemption_only_on_a_date_prior_to_maturity(con):
    # "on any date prior to maturity" [Indenture § 3.01]: the Notes mature on October 15, 2006, so a redemption on
    # October 14, 2006 is permitted (0.00) and one on October 15, 2006 is not (1.00); notice 30 days before each
    notes(con)
    redeem(con, "R-2006-10-14", "2006-10-14", "2006-09-14")
    redeem(con, "R-2006-10-15", "2006-10-15", "2006-09-15")
    build(con, "notes_redemption_tests")
    assert (redemption(con, "R-2006-10-14")[0], redemption(con, "R-2006-10-15")[0]) == (Decimal("0.00"), Decimal("1.00"))
    assert "prior to maturity" in redemption(con, "R-2006-10-15")[1]["breaches"]


def test_e14_redemption_amount_with_accrued_interest(con):
    notes(con)
    redeem(con, "E14", "2002-12-15", "2002-11-15")
    build(con, "notes_redemption_tests")
    actual, inputs = redemption(con, "E14")
    assert actual == Decimal("0.00")
    # worked example: 10,000,000 x 1.03625 = 10,362,500; interest from October 15: 30/360 days (12-10) x 30 = 60;
    # 10,000,000 x 0.10875 x 60 / 360 = 181,250; total 10,543,750
    assert Decimal(inputs["redemption_price_amount"]) == Decimal("10362500")
    assert inputs["accrued_days_30_360"] == "60"
    assert Decimal(inputs["accrued_interest"]) == Decimal("181250")
    assert Decimal(inputs["redemption_amount"]) == Decimal("10543750")


def test_no_accrued_interest_in_a_redemption_on_an_interest_payment_date(con):
    notes(con)
    redeem(con, "R-IPD", "2004-10-15", "2004-09-15", principal="1000.00")
    build(con, "notes_redemption_tests")
    actual, inputs = redemption(con, "R-IPD")
    # 3.03: the October 15 interest is paid in the usual manner; 1,000 x 1.00000 = 1,000
    assert (actual, inputs["accrued_days_30_360"], Decimal(inputs["redemption_amount"])) == (Decimal("0.00"), "0", Decimal("1000"))


def test_notice_window_fifteen_to_sixty_days(con):
    notes(con)
    # redemption on 2004-10-20: notice on 10-06 is 14 days before, 10-05 15, 08-21 60, 08-20 61
    for notice in ("2004-10-06", "2004-10-05", "2004-08-21", "2004-08-20"):
        redeem(con, f"N-{notice}", "2004-10-20", notice)
    redeem(con, "ODD", "2004-10-20", "2004-10-05", principal="10000500.00")
    build(con, "notes_redemption_tests")
    counts = {n: redemption(con, f"N-{n}")[0] for n in ("2004-10-06", "2004-10-05", "2004-08-21", "2004-08-20")}
    assert counts == {"2004-10-06": Decimal("1.00"), "2004-10-05": Decimal("0.00"), "2004-08-21": Decimal("0.00"), "2004-08-20": Decimal("1.00")}
    assert "less than fifteen" in redemption(con, "N-2004-10-06")[1]["breaches"]
    # 10,000,500 is not a multiple of $1,000
    assert redemption(con, "ODD")[0] == Decimal("1.00")
    # 2004-10-20, 5 days after October 15: 10,000,000 x 0.10875 x 5 / 360 = 15,104.1666...
    assert redemption(con, "N-2004-10-05")[1]["accrued_interest"] == "15104.1666666666"


def test_no_coupon_or_noteholder_list_without_the_notes_in_the_debt_register(con):
    # only the Series B notes of another indenture (same coupon and maturity): the Notes are not in the register, so
    # neither their 20 coupons nor their lists are anyone's deadlines; the 5.03(a) reports stay (the Indenture's own)
    add(con, "debt_instruments", instrument_id="NOTES-B", instrument_kind="senior_notes", fixed_rate="0.10875",
        issue_date="1996-10-23", maturity_date="2006-10-15")
    tb(con, "1996-12-31", "cash", "0.00")
    build(con, "notes_deadlines")
    assert [r["clause_id"] for r in rows(con, "select clause_id from notes_deadlines")] == ["indenture-1996/5.03(a)"]


def test_coupons_and_lists_once_the_notes_are_in_the_debt_register(con):
    notes(con)
    build(con, "notes_deadlines")
    assert len(deadlines(con, "indenture-1996/2.03")) == 20  # April 15, 1997 to October 15, 2006
    assert len(deadlines(con, "indenture-1996/5.01")) == 20  # no registrar attested: every list is listed


def change_of_control_price(con, balances):
    """A Change of Control attested Friday November 20, 1998 (29%, no board control); its purchase priced."""
    for subject, value in (("maxxam_sole_beneficial_ownership", "0.290000"), ("maxxam_voting_stock_ownership", "0.290000"),
                           ("largest_other_voting_stock_holding", "0.100000"), ("maxxam_controls_board", "false")):
        attest(con, subject, "1998-11-20", value)
    notes(con, balances)
    build(con, "notes_purchase_prices")
    return one(con, "select * from notes_purchase_prices where purchase_kind = 'change_of_control'")


def test_change_of_control_purchase_price_is_101_percent_plus_30_360_interest(con):
    # the Change of Control Purchase Date is thirty Business Days after Friday November 20, 1998: Wednesday January 6,
    # 1999 (Thanksgiving, Christmas and New Year's Day skipped). 30/360 from October 15, 1998: 360 x 1 + 30 x (1 - 10) +
    # (6 - 15) = 81 days. Per $1,000: 1,010 + 1,000 x 0.10875 x 81 / 360 = 1,010 + 24.46875 = 1,034.46875
    price = change_of_control_price(con, [("1998-10-31", "50000000.00"), ("1998-11-30", "40000000.00")])
    assert (price["purchase_date"], price["accrual_start"], price["accrued_days_30_360"]) == (date(1999, 1, 6), date(1998, 10, 15), 81)
    assert (price["price_per_1000"], price["accrued_interest_per_1000"], price["purchase_price_per_1000"]) == (
        Decimal("1010.00"), Decimal("24.46875"), Decimal("1034.46875"))
    # the Notes at October 31, 1998, the last month end on or before the Change of Control (not November 30, after it):
    # 50,000,000 x 1.01 = 50,500,000 plus 50,000,000 x 0.10875 x 81 / 360 = 1,223,437.50
    assert (price["principal_amount"], price["principal_as_of"], price["purchase_price_amount"]) == (
        Decimal("50000000.00"), date(1998, 10, 31), Decimal("51723437.50"))
    assert json.loads(price["missing_inputs"]) == []


def test_change_of_control_price_without_a_balance_before_it_names_the_balance(con):
    # only November 30, 1998 is known, after the Change of Control: the price per $1,000 stands, the total does not
    price = change_of_control_price(con, [("1998-11-30", "40000000.00")])
    assert (price["purchase_price_per_1000"], price["purchase_price_amount"]) == (Decimal("1034.46875"), None)
    assert json.loads(price["missing_inputs"]) == ["principal outstanding of the Notes at a month end on or before 1998-11-20 (debt_balances)"]
