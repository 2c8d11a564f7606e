"""The limits the ppca-2002 marts list beside a result (pipelines.policy.limits): each VALCO shortfall credit counted,
R1 and R2 where the test date applies them, the caps and parameters they are held to [Sixth Amendment § 1.4 (Credit
Agreement § 9.2.4(c), (d))], and each Fiscal Quarter's VALCO PPE Reduction [Sixth Amendment § 1.1(m), “VALCO PPE
Reduction”] taken off the PPE Subcomponent. The credits add up to the reduction the threshold uses, figure by figure."""

import json
from decimal import Decimal

from raw_tables import build, one, rows
from test_ppca_borrowing_base import days, valco_quarter
from test_ppca_monthly_minimum_ebitda import valco_months, weekdays
from test_ppca_reductions import gas, quarters, valco_e12


def limits_on(con, mart, test_date):
    return json.loads(one(con, f"select limits from {mart} where test_date = ?", [test_date])["limits"])


def shown(limits, kind=None):
    return [(item["name"], item["value"], item["period_start"] if "period_start" in item else None)
            for item in limits if kind is None or item["kind"] == kind]


def test_quarterly_credits_and_gas_credits_e12_e10(con):
    # E12 credits 20,000,000 (Q3'03), 20,000,000 (Q4'03), 20,000,000 (Q1'04), 0 (Q2'04: the $60,000,000 is used), 0;
    # E10 R1 = R2 = 5,000,000
    quarters(con)
    valco_e12(con)
    gas(con, p3="4.500000", p4="6.000000")
    build(con, "minimum_ebitda_tests")
    # 2004-09-30: the 4 Fiscal Quarters Q4'03 .. Q3'04 -> AdjC 20 + 20 + 0 + 0 = 40,000,000; R2 only (R-P11 schedule)
    september = limits_on(con, "minimum_ebitda_tests", "2004-09-30")
    assert shown(september, "reduction") == [("VALCO shortfall reduction", "40000000.00", None), ("natural gas price reduction", "5000000.00", None)]
    assert shown(september, "credit") == [
        ("VALCO shortfall credit", "20000000.00", "2003-10-01"),
        ("VALCO shortfall credit", "20000000.00", "2004-01-01"),
        ("VALCO shortfall credit", "0.00", "2004-04-01"),
        ("VALCO shortfall credit", "0.00", "2004-07-01"),
        ("natural gas price reduction R2", "5000000.00", "2003-10-01"),
    ]
    assert [(c["name"], c["value"]) for c in september if c["kind"] in ("cap", "floor")] == [
        ("valco_shortfall_cap_aggregate", "60000000.00"), ("valco_shortfall_cap_per_quarter", "20000000.00"),
        ("natural_gas_ceiling_price", "5.50"), ("natural_gas_forecast_price", "3.50"), ("natural_gas_maximum_reduction", "10000000.00"),
    ]
    # the threshold reduction is the two reductions: 40,000,000 + 5,000,000
    assert one(con, "select threshold_reduction from minimum_ebitda_tests where test_date = '2004-09-30'")["threshold_reduction"] == Decimal("45000000.00")
    # 2003-09-30: the first unit and R1 only (R2 starts with the quarter ending 12/31/03)
    assert shown(limits_on(con, "minimum_ebitda_tests", "2003-09-30"), "credit") == [
        ("VALCO shortfall credit", "20000000.00", "2003-07-01"), ("natural gas price reduction R1", "5000000.00", "2003-07-01"),
    ]
    # 2004-06-30: R1 and R2 (the last quarter of R1); 2004-12-31: neither, and no gas parameters
    assert [c["name"] for c in limits_on(con, "minimum_ebitda_tests", "2004-06-30") if c["name"].startswith("natural gas price reduction R")] == [
        "natural gas price reduction R1", "natural gas price reduction R2"]
    december = limits_on(con, "minimum_ebitda_tests", "2004-12-31")
    assert [c["name"] for c in december if "natural_gas" in c["name"] or " R" in c["name"]] == []
    # 2003-06-30: before the first unit: both reductions are 0 and nothing else is listed
    assert shown(limits_on(con, "minimum_ebitda_tests", "2003-06-30")) == [
        ("VALCO shortfall reduction", "0.00", None), ("natural gas price reduction", "0.00", None)]


def test_a_quarter_credit_names_its_rows_and_cap(con):
    quarters(con)
    valco_e12(con)
    build(con, "minimum_ebitda_tests")
    [first] = [c for c in limits_on(con, "minimum_ebitda_tests", "2003-09-30") if c["name"] == "VALCO shortfall credit"]
    # Q3'03: forecast 30,000,000 less actual 5,000,000 = 25,000,000, capped at 20,000,000
    assert first["source"] == (
        "valco_ebitda for 2003-07-31, 2003-08-31, 2003-09-30: Forecast VALCO EBITDA 30000000.00 less Actual 5000000.00, shortfall 25000000.00, "
        "at most 20000000.00 (valco_shortfall_cap_per_quarter), allocated in date order within the aggregate (R-P08)")
    assert (first["applies_to"], first["period_end"]) == ("valco_shortfall_reduction", "2003-09-30")


def test_monthly_credits_each_unit_in_the_twelve_months(con):
    # shortfall 10,000,000 every month from July 2003 (as test_monthly_valco_reduction_caps): the 3-month unit
    # 20,000,000; October 6,666,667 -> AdjC_M(2003-10-31) = 26,666,667
    valco_months(con, "2003-07-01", "2005-01-31")
    build(con, "ppca_valco_shortfall_credit_limits", "ppca_valco_shortfall_reduction_monthly")

    def window(month_end):
        limits = one(con, "select * from ppca_valco_shortfall_credit_limits where schedule = 'monthly' and window_end = ?", [month_end])
        reduction = one(con, "select valco_shortfall_reduction from ppca_valco_shortfall_reduction_monthly where month_end = ?", [month_end])
        return [json.loads(c) for c in limits["credit_limits"]], [json.loads(c) for c in limits["cap_limits"]], reduction["valco_shortfall_reduction"]

    credits, caps, reduction = window("2003-10-31")
    assert [(c["period_start"], c["period_end"], c["value"]) for c in credits] == [
        ("2003-07-01", "2003-09-30", "20000000.00"), ("2003-10-01", "2003-10-31", "6666667.00")]
    assert sum(Decimal(c["value"]) for c in credits) == reduction == Decimal("26666667.00")
    assert [c["name"] for c in caps] == ["valco_shortfall_cap_aggregate", "valco_shortfall_cap_per_month", "valco_shortfall_cap_per_quarter"]
    # January 2005: units February 2004 .. January 2005; Feb 6,666,667 + Mar 6,666,665 (the rest of the $60,000,000)
    # + April .. December 0 + January 2005 6,666,667 outside the aggregate = 19,999,999
    credits, caps, reduction = window("2005-01-31")
    assert [c["value"] for c in credits] == ["6666667.00", "6666665.00", *["0.00"] * 9, "6666667.00"]
    assert sum(Decimal(c["value"]) for c in credits) == reduction == Decimal("19999999.00")
    assert credits[-1]["source"].endswith("at most 6666667.00 (valco_shortfall_cap_per_month), outside the aggregate (R-P09)")
    # August 2003: no unit has ended, no credit and no cap
    assert window("2003-08-31") == ([], [], Decimal("0.00"))
    # the 3-month unit July to September 2003 (the only one held to the per-quarter cap) lies wholly inside the 12 months
    # ending June 30, 2004 (from July 1, 2003), and not inside those ending July 31, 2004 (from August 1, 2003)
    assert "valco_shortfall_cap_per_quarter" in [c["name"] for c in window("2004-06-30")[1]]
    assert "valco_shortfall_cap_per_quarter" not in [c["name"] for c in window("2004-07-31")[1]]


def test_monthly_gas_credits_on_each_side_of_their_windows(con):
    # E10 prices (R1 = R2 = 5,000,000); R-P11: R1 for the 12 months ending September 2003 .. June 2004, R2 for those
    # ending October 2003 .. September 2004
    quarters(con)
    gas(con, p3="4.500000", p4="6.000000")
    weekdays(con, "2003-08-01", "2004-10-31")
    build(con, "ppca_monthly_minimum_ebitda_tests")
    def gas_credits(month_end):
        return [c["name"] for c in limits_on(con, "ppca_monthly_minimum_ebitda_tests", month_end) if c["name"].startswith("natural gas price reduction R")]
    assert gas_credits("2003-08-31") == []
    assert gas_credits("2003-09-30") == ["natural gas price reduction R1"]
    assert gas_credits("2003-10-31") == ["natural gas price reduction R1", "natural gas price reduction R2"]
    assert gas_credits("2004-06-30") == ["natural gas price reduction R1", "natural gas price reduction R2"]
    assert gas_credits("2004-07-31") == ["natural gas price reduction R2"]
    assert gas_credits("2004-09-30") == ["natural gas price reduction R2"]
    assert gas_credits("2004-10-31") == []
    july = limits_on(con, "ppca_monthly_minimum_ebitda_tests", "2004-07-31")
    assert [(c["name"], c["value"]) for c in july if c["kind"] == "reduction"] == [
        ("VALCO shortfall reduction", "0.00"), ("natural gas price reduction", "5000000.00")]


def test_valco_ppe_reductions_listed_by_quarter_on_the_borrowing_base(con):
    # E7 (2,500,000.01 for the quarter ending 2004-03-31, forecast 8,000,000.01) and E8 (10,000,000: not produced)
    valco_quarter(con, ("2004-01-31", "2004-02-29", "2004-03-31"), "2000000.00", "2666666.67")
    valco_quarter(con, ("2004-04-30", "2004-05-31", "2004-06-30"), "5000000.00", "1000000.00", produced="false")
    days(con, "2004-03-29", "2004-03-31")
    days(con, "2004-06-28", "2004-06-30")
    build(con, "ppca_borrowing_base_availability_tests")
    # 2004-03-31: the first reduction is taken on the quarter's last day; its maximum is listed with it
    march = limits_on(con, "ppca_borrowing_base_availability_tests", "2004-03-31")
    assert [(c["kind"], c["name"], c["value"], c.get("period_start")) for c in march] == [
        ("reduction", "VALCO PPE Reduction", "2500000.01", "2004-01-01"),
        ("cap", "valco_ppe_reduction_maximum", "10000000.00", None),
    ]
    june = limits_on(con, "ppca_borrowing_base_availability_tests", "2004-06-30")
    assert [(c["value"], c["period_start"], c["period_end"]) for c in june if c["kind"] == "reduction"] == [
        ("2500000.01", "2004-01-01", "2004-03-31"), ("10000000.00", "2004-04-01", "2004-06-30")]
    # they add up to the cumulative VALCO PPE Reductions the Borrowing Base takes off (12,500,000.01)
    inputs = json.loads(one(con, "select inputs from ppca_borrowing_base_availability_tests where test_date = '2004-06-30'")["inputs"])
    assert inputs["cumulative_valco_ppe_reductions"]["value"] == "12500000.01"
    assert "primary aluminum produced false" in june[1]["source"]


def test_no_valco_ppe_reduction_before_march_31_2004(con):
    days(con, "2004-02-25", "2004-02-27")
    build(con, "ppca_borrowing_base_availability_tests")
    assert [r["limits"] for r in rows(con, "select limits from ppca_borrowing_base_availability_tests")] == ["[]"]
