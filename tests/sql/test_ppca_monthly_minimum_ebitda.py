"""ppca-2002/9.2.4(b): the ppca-2002 Business Day calendar (R-X07), Trigger Events (M1, R-P19) from daily
borrowing_base rows, the monthly 9.2.4(c) VALCO shortfall reduction (M9, R-P08/P09) and the monthly mart."""

import json
from datetime import date, timedelta
from decimal import Decimal

from raw_tables import add, build, one, rows, tb

OVER = "125000000.01"  # "exceed $125,000,000"
AT = "125000000.00"
SHORT = "74999999.99"  # "less than $75,000,000"


def day(con, on, outstandings="100000000.00", availability="100000000.00"):
    add(con, "borrowing_base", as_of_date=on, eligible_inventory="200000000.00", inventory_net_recovery_pct=None,
        olv_in_place_value="180000000.00", eligible_accounts="100000000.00", revolving_credit_outstandings=outstandings,
        letters_of_credit_outstandings="0.00", revolving_commitment_availability=availability)


def weekdays(con, first, last, special=None):
    """One row per Monday-Friday from first to last; `special` maps a date to (outstandings, availability)."""
    special = special or {}
    d = date.fromisoformat(first)
    while d <= date.fromisoformat(last):
        if d.isoweekday() <= 5:
            day(con, d.isoformat(), *special.get(d.isoformat(), ("100000000.00", "100000000.00")))
        d += timedelta(days=1)


def month(con, month_end):
    return one(con, "select * from ppca_trigger_events where month_end = ?", [month_end])


def test_business_days_are_weekdays_less_federal_bank_holidays(con):
    weekdays(con, "2003-11-01", "2004-07-31")
    build(con, "ppca_business_days")
    closed = {r["day"].isoformat() for r in rows(con, "select day from ppca_business_days where not is_business_day and isodow(day) <= 5")}
    # Veterans Day (Tue), Thanksgiving (4th Thu), Christmas (Thu), New Year (Thu), MLK (3rd Mon Jan), Washington's
    # Birthday (3rd Mon Feb), Memorial Day (last Mon May), July 4, 2004 on a Sunday -> observed Monday July 5
    assert closed == {"2003-11-11", "2003-11-27", "2003-12-25", "2004-01-01", "2004-01-19", "2004-02-16",
                      "2004-05-31", "2004-07-05"}


def test_three_business_days_over_125000000_is_a_trigger_event(con):
    weekdays(con, "2004-01-01", "2004-02-29", {"2004-01-12": (OVER, "90000000.00"), "2004-01-13": (OVER, "90000000.00"),
                                               "2004-01-14": (OVER, "90000000.00")})
    build(con, "ppca_trigger_events")
    january, february = month(con, "2004-01-31"), month(con, "2004-02-29")
    assert (january["trigger_event"], january["outstandings_trigger_on"], january["availability_trigger_on"]) == (True, date(2004, 1, 14), None)
    assert february["trigger_event"] is False
    assert (january["missing_inputs"], february["missing_inputs"]) == ([], [])


def test_exactly_125000000_does_not_exceed(con):
    weekdays(con, "2004-01-01", "2004-01-31", {"2004-01-12": (OVER, "90000000.00"), "2004-01-13": (OVER, "90000000.00"),
                                               "2004-01-14": (AT, "90000000.00")})
    build(con, "ppca_trigger_events")
    assert month(con, "2004-01-31")["trigger_event"] is False


def test_a_mixed_run_is_not_a_trigger_event(con):
    # M1: day 1 (i), day 2 (i), day 3 (ii), day 4 (i): no condition holds on three consecutive Business Days
    weekdays(con, "2004-02-01", "2004-02-29", {"2004-02-02": (OVER, "90000000.00"), "2004-02-03": (OVER, "90000000.00"),
                                               "2004-02-04": ("100000000.00", SHORT), "2004-02-05": (OVER, "90000000.00")})
    build(con, "ppca_trigger_events")
    assert month(con, "2004-02-29")["trigger_event"] is False


def test_availability_run_across_a_holiday_and_a_month_end(con):
    # Thanksgiving 2003-11-27 is not a Business Day, so Nov 25, 26 and 28 are consecutive; a run of Jan 29, Jan 30 and
    # Feb 2, 2004 counts in February, the month of its third day (R-P19)
    weekdays(con, "2003-11-01", "2004-02-29", {
        "2003-11-25": ("100000000.00", SHORT), "2003-11-26": ("100000000.00", SHORT), "2003-11-28": ("100000000.00", SHORT),
        "2004-01-29": ("100000000.00", SHORT), "2004-01-30": ("100000000.00", SHORT), "2004-02-02": ("100000000.00", SHORT)})
    build(con, "ppca_trigger_events")
    assert month(con, "2003-11-30")["availability_trigger_on"] == date(2003, 11, 28)
    assert month(con, "2004-01-31")["trigger_event"] is False
    assert month(con, "2004-02-29")["availability_trigger_on"] == date(2004, 2, 2)


def test_july_31_and_august_1_2003(con):
    # the Trigger Event thresholds are in force from the Sixth Amendment (2003-08-01): a run of Jul 29-31 tests
    # nothing; the run Aug 1 (Fri), Aug 4, Aug 5 is a Trigger Event of August
    low = ("100000000.00", SHORT)
    weekdays(con, "2003-07-01", "2003-08-31", {"2003-07-29": low, "2003-07-30": low, "2003-07-31": low,
                                               "2003-08-01": low, "2003-08-04": low, "2003-08-05": low})
    build(con, "ppca_monthly_minimum_ebitda_tests")
    july, august = month(con, "2003-07-31"), month(con, "2003-08-31")
    assert (july["trigger_event"], july["thresholds_in_force"]) == (False, False)
    assert (august["trigger_event"], august["availability_trigger_on"]) == (True, date(2003, 8, 5))
    marts = {r["test_date"].isoformat(): r for r in rows(con, "select * from ppca_monthly_minimum_ebitda_tests")}
    # July: no not-applicable reason, so the policy's pre-amendment period (indeterminate) decides
    assert marts["2003-07-31"]["not_applicable_because"] is None
    # August: a Trigger Event month; no trial balances here, so EBITDA is missing
    assert marts["2003-08-31"]["not_applicable_because"] is None
    assert "EBITDA for the 12 months ending 2003-08-31 (0 of 12 in the trial balances)" in json.loads(marts["2003-08-31"]["missing_inputs"])


def test_months_before_the_first_reduction_are_reduced_by_nothing(con):
    # 9.2.4(c): the first VALCO unit ends September 30, 2003; 9.2.4(d): R1 applies from the period ending September
    # 2003. May 2003 (before the months the VALCO reduction is worked out for) and June 2003 are reduced by 0.00
    weekdays(con, "2003-05-01", "2003-06-30")
    build(con, "ppca_monthly_minimum_ebitda_tests")
    reduction = {r["test_date"].isoformat(): r["threshold_reduction"] for r in rows(con, "select * from ppca_monthly_minimum_ebitda_tests")}
    assert reduction == {"2003-05-31": Decimal("0.00"), "2003-06-30": Decimal("0.00")}


def test_a_month_of_r1_and_r2_without_natural_gas_prices_is_reduced_by_nothing_known(con):
    # October 2003 is in the periods of R1 and R2, but no price P3 or P4 is given: neither can be worked out, so
    # nothing is taken off the minimum (and no VALCO figures: no credit either)
    weekdays(con, "2003-10-01", "2003-10-31")
    build(con, "ppca_monthly_minimum_ebitda_tests")
    assert one(con, "select * from ppca_monthly_minimum_ebitda_tests where test_date = '2003-10-31'")["threshold_reduction"] == Decimal("0.00")


def test_a_month_without_a_trigger_event_is_not_applicable(con):
    weekdays(con, "2003-09-01", "2003-09-30")
    build(con, "ppca_monthly_minimum_ebitda_tests")
    row = one(con, "select * from ppca_monthly_minimum_ebitda_tests where test_date = '2003-09-30'")
    assert row["not_applicable_because"].startswith("No Trigger Event in September 2003")
    assert json.loads(row["missing_inputs"]) == []


def test_a_missing_business_day_leaves_the_month_undetermined(con):
    weekdays(con, "2003-09-01", "2003-09-30")
    con.execute("delete from raw_borrowing_base where as_of_date = '2003-09-17'")
    con.execute("insert into raw_borrowing_base select * replace (date '2003-09-30' + 1 as as_of_date) from raw_borrowing_base where as_of_date = '2003-09-30'")
    build(con, "ppca_monthly_minimum_ebitda_tests")
    row = one(con, "select * from ppca_monthly_minimum_ebitda_tests where test_date = '2003-09-30'")
    assert row["not_applicable_because"] is None
    assert json.loads(row["missing_inputs"]) == ["borrowing_base row for Business Day 2003-09-17"]


def valco_months(con, first, last, actual="0.00", forecast="10000000.00"):
    d = date.fromisoformat(first)
    while d <= date.fromisoformat(last):
        end = date(d.year + d.month // 12, d.month % 12 + 1, 1) - timedelta(days=1)
        add(con, "valco_ebitda", period_end=end.isoformat(), actual_valco_ebitda=actual, forecast_valco_ebitda=forecast)
        d = end + timedelta(days=1)


def adj_c(con):
    return {r["month_end"].isoformat(): r["valco_shortfall_reduction"]
            for r in rows(con, "select * from ppca_valco_shortfall_reduction_monthly")}


def test_monthly_valco_reduction_caps(con):
    # shortfall 10,000,000 every month from July 2003 to January 2005. Units (R-P09): Jul-Sep 2003 shortfall 30,000,000,
    # capped at 20,000,000; Oct 2003 .. Feb 2004 6,666,667 each (5 x = 33,333,335; 53,333,335 to date); March 2004
    # gets the rest of the $60,000,000 aggregate, 6,666,665; April .. December 2004 0; January 2005 6,666,667, outside
    # the aggregate (R-P09)
    valco_months(con, "2003-07-01", "2005-01-31")
    build(con, "ppca_valco_shortfall_reduction_monthly")
    c = adj_c(con)
    assert c["2003-08-31"] == Decimal("0.00")  # the first unit ends 2003-09-30
    assert c["2003-09-30"] == Decimal("20000000.00")
    assert c["2003-10-31"] == Decimal("26666667.00")
    assert c["2004-03-31"] == Decimal("60000000.00")  # 20,000,000 + 33,333,335 + 6,666,665
    assert c["2004-06-30"] == Decimal("60000000.00")  # 12 months from 2003-07-01: every unit inside
    assert c["2004-07-31"] == Decimal("40000000.00")  # from 2003-08-01: the 3-month unit is no longer wholly inside
    assert c["2005-01-31"] == Decimal("19999999.00")  # Feb 6,666,667 + Mar 6,666,665 + Jan 2005 6,666,667


def test_monthly_valco_cap_of_6666667(con):
    valco_months(con, "2003-07-01", "2003-09-30", actual="10000000.00")
    valco_months(con, "2003-10-01", "2003-10-31", actual="0.00", forecast="6666668.00")
    valco_months(con, "2003-11-01", "2003-11-30", actual="0.00", forecast="6666667.00")
    build(con, "ppca_valco_shortfall_reduction_monthly")
    c = adj_c(con)
    assert c["2003-10-31"] == Decimal("6666667.00")  # 6,666,668 capped at $6,666,667
    assert c["2003-11-30"] == Decimal("13333334.00")  # + exactly 6,666,667


def test_monthly_gas_reduction_months(con):
    # E10 prices: P3 = $4.50 -> R1 = 5,000,000; P4 = $6.00 -> R2 = min(10,000,000 - 5,000,000, 10,000,000) = 5,000,000.
    # R-P11 default: R1 for 12-month periods ending September 2003 .. June 2004, R2 for October 2003 .. September 2004
    for quarter_end in ("2003-09-30", "2003-12-31"):
        tb(con, quarter_end, "cash", "0.00")
    add(con, "market_data", series="natural_gas_price_paid", period_start="2003-07-01", period_end="2003-09-30", value="4.500000", unit="usd_per_mmbtu")
    add(con, "market_data", series="natural_gas_price_paid", period_start="2003-10-01", period_end="2003-12-31", value="6.000000", unit="usd_per_mmbtu")
    weekdays(con, "2003-08-01", "2004-10-31")
    build(con, "ppca_monthly_minimum_ebitda_tests")
    reduction = {r["test_date"].isoformat(): r["threshold_reduction"] for r in rows(con, "select * from ppca_monthly_minimum_ebitda_tests")}
    assert reduction["2003-08-31"] == Decimal("0.00")
    assert reduction["2003-09-30"] == Decimal("5000000.00")  # R1 only
    assert reduction["2003-10-31"] == Decimal("10000000.00")  # R1 + R2
    assert reduction["2004-06-30"] == Decimal("10000000.00")
    assert reduction["2004-07-31"] == Decimal("5000000.00")  # R2 only
    assert reduction["2004-09-30"] == Decimal("5000000.00")
    assert reduction["2004-10-31"] == Decimal("0.00")


def test_forecast_from_a_quarterly_schedule_is_a_third_per_month_flagged(con):
    # R-P10 default: a month without its own Forecast VALCO EBITDA Amount takes a third of its quarter's forecast.
    # Jul-Sep 2003: monthly forecasts 1,000,000 = actual, shortfall 0 (no fallback: flag false).
    # Oct-Dec 2003: no monthly forecast; the quarter's 10,000,000.00 (on December) gives 3,333,333.33 (October),
    #   3,333,333.33 (November) and 10,000,000.00 - 2 x 3,333,333.33 = 3,333,333.34 (December); actual 0, each under the
    #   6,666,667 monthly cap: AdjC_M 2003-10-31 = 3,333,333.33; 2003-11-30 = 6,666,666.66; 2003-12-31 = 10,000,000.00.
    # January 2004: its own monthly forecast 1,000,000 wins over the quarter's 90,000,000 (no fallback): shortfall
    #   1,000,000; AdjC_M 2004-01-31 = 11,000,000.00.
    # February 2004: neither a monthly forecast nor ... the quarter's figure is on March, so a third of 90,000,000
    #   = 30,000,000.00, capped at 6,666,667: AdjC_M 2004-02-29 = 17,666,667.00.
    valco_months(con, "2003-07-01", "2003-09-30", actual="1000000.00", forecast="1000000.00")
    for month in ("2003-10-31", "2003-11-30"):
        add(con, "valco_ebitda", period_end=month, actual_valco_ebitda="0.00", forecast_valco_ebitda=None)
    add(con, "valco_ebitda", period_end="2003-12-31", actual_valco_ebitda="0.00", forecast_valco_ebitda=None,
        forecast_valco_ebitda_quarter="10000000.00")
    add(con, "valco_ebitda", period_end="2004-01-31", actual_valco_ebitda="0.00", forecast_valco_ebitda="1000000.00")
    add(con, "valco_ebitda", period_end="2004-02-29", actual_valco_ebitda="0.00", forecast_valco_ebitda=None)
    add(con, "valco_ebitda", period_end="2004-03-31", actual_valco_ebitda="0.00", forecast_valco_ebitda="0.00",
        forecast_valco_ebitda_quarter="90000000.00")
    build(con, "ppca_valco_shortfall_reduction_monthly")
    months = {r["period_end"].isoformat(): (r["forecast_valco_ebitda"], r["forecast_from_quarterly_schedule"])
              for r in rows(con, "select * from stg_valco_ebitda where period_end >= '2003-10-01'")}
    assert months == {
        "2003-10-31": (Decimal("3333333.33"), True), "2003-11-30": (Decimal("3333333.33"), True),
        "2003-12-31": (Decimal("3333333.34"), True), "2004-01-31": (Decimal("1000000.00"), False),
        "2004-02-29": (Decimal("30000000.00"), True), "2004-03-31": (Decimal("0.00"), False),
    }
    found = {r["month_end"].isoformat(): r for r in rows(con, "select * from ppca_valco_shortfall_reduction_monthly")}
    assert {m: found[m]["valco_shortfall_reduction"] for m in ("2003-09-30", "2003-10-31", "2003-11-30", "2003-12-31", "2004-01-31", "2004-02-29")} == {
        "2003-09-30": Decimal("0.00"), "2003-10-31": Decimal("3333333.33"), "2003-11-30": Decimal("6666666.66"),
        "2003-12-31": Decimal("10000000.00"), "2004-01-31": Decimal("11000000.00"), "2004-02-29": Decimal("17666667.00"),
    }
    assert (found["2003-09-30"]["forecast_from_quarterly_schedule"], found["2003-10-31"]["forecast_from_quarterly_schedule"]) == (False, True)
    assert "a third of the quarterly schedule, R-P10" in found["2003-10-31"]["units_counted"][-1]


def test_month_without_monthly_or_quarterly_forecast_is_missing(con):
    # October 2003 has no forecast and its quarter has no quarterly figure: the unit is missing (0 of 1 months)
    valco_months(con, "2003-07-01", "2003-09-30", actual="1000000.00", forecast="1000000.00")
    add(con, "valco_ebitda", period_end="2003-10-31", actual_valco_ebitda="0.00", forecast_valco_ebitda=None)
    build(con, "ppca_valco_shortfall_reduction_monthly")
    row = one(con, "select * from ppca_valco_shortfall_reduction_monthly where month_end = '2003-10-31'")
    assert row["missing_inputs"] == ["valco_ebitda for the period 2003-10-01 to 2003-10-31 (0 of 1 months)"]
    assert row["forecast_from_quarterly_schedule"] is False
