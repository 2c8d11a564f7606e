"""ppca-2002/9.2.4(c) VALCO shortfall reduction (AdjC, example E12) and 9.2.4(d) natural gas reduction (AdjD, examples
E10 and E11 and the $3.50 / $5.50 boundaries), and their sum as minimum_ebitda_tests.threshold_reduction."""

import json
from decimal import Decimal

from raw_tables import add, build, rows, tb

MODEL = "ppca_valco_shortfall_reduction", "ppca_natural_gas_reduction"

QUARTER_ENDS = ("2003-06-30", "2003-09-30", "2003-12-31", "2004-03-31", "2004-06-30", "2004-09-30", "2004-12-31")


def quarters(con):
    for quarter_end in QUARTER_ENDS:
        tb(con, quarter_end, "cash", "0.00")


def valco_e12(con):
    """Quarterly shortfalls of E12: Q3'03 25,000,000; Q4'03 30,000,000; Q1'04 30,000,000; Q2'04 5,000,000; Q3'04 0; Q4'04 0."""
    actuals = {
        "2003-07-31": "5000000.00", "2003-08-31": "0.00", "2003-09-30": "0.00",
        "2003-10-31": "0.00", "2003-11-30": "0.00", "2003-12-31": "0.00",
        "2004-01-31": "0.00", "2004-02-29": "0.00", "2004-03-31": "0.00",
        "2004-04-30": "10000000.00", "2004-05-31": "10000000.00", "2004-06-30": "5000000.00",
        "2004-07-31": "10000000.00", "2004-08-31": "10000000.00", "2004-09-30": "15000000.00",
        "2004-10-31": "10000000.00", "2004-11-30": "10000000.00", "2004-12-31": "10000000.00",
    }
    for month, actual in actuals.items():  # forecast 10,000,000 every month
        add(con, "valco_ebitda", period_end=month, actual_valco_ebitda=actual, forecast_valco_ebitda="10000000.00")


def gas(con, p3=None, p4=None):
    if p3 is not None:
        add(con, "market_data", series="natural_gas_price_paid", period_start="2003-07-01", period_end="2003-09-30", value=p3, unit="usd_per_mmbtu")
    if p4 is not None:
        add(con, "market_data", series="natural_gas_price_paid", period_start="2003-10-01", period_end="2003-12-31", value=p4, unit="usd_per_mmbtu")


def by_quarter(con, model, column):
    return {r["quarter_end"].isoformat(): r[column] for r in rows(con, f"select quarter_end, {column} from {model} order by quarter_end")}


def test_valco_shortfall_credits_and_aggregate_cap_e12(con):
    quarters(con)
    valco_e12(con)
    build(con, *MODEL)
    assert by_quarter(con, "ppca_valco_shortfall_reduction", "shortfall") == {
        "2003-06-30": None,
        "2003-09-30": Decimal("25000000.00"),  # 30,000,000 forecast - 5,000,000 actual
        "2003-12-31": Decimal("30000000.00"),
        "2004-03-31": Decimal("30000000.00"),
        "2004-06-30": Decimal("5000000.00"),  # 30,000,000 - 25,000,000
        "2004-09-30": Decimal("0.00"),  # actual 35,000,000 beats forecast: floored at 0
        "2004-12-31": Decimal("0.00"),
    }
    # 20,000,000 per quarter; the 60,000,000 aggregate is used up by the first three quarters, so Q2'04 gets 0
    assert by_quarter(con, "ppca_valco_shortfall_reduction", "credit_allocated") == {
        "2003-06-30": None,
        "2003-09-30": Decimal("20000000.00"),
        "2003-12-31": Decimal("20000000.00"),
        "2004-03-31": Decimal("20000000.00"),
        "2004-06-30": Decimal("0.00"),
        "2004-09-30": Decimal("0.00"),
        "2004-12-31": Decimal("0.00"),
    }
    assert by_quarter(con, "ppca_valco_shortfall_reduction", "valco_shortfall_reduction") == {
        "2003-06-30": Decimal("0.00"),  # before the quarter ending 2003-09-30
        "2003-09-30": Decimal("20000000.00"),
        "2003-12-31": Decimal("40000000.00"),
        "2004-03-31": Decimal("60000000.00"),  # E12: -45,000,000 - 60,000,000 = -105,000,000 (with AdjD = 0, M12)
        "2004-06-30": Decimal("60000000.00"),  # Q3'03 .. Q2'04: 20 + 20 + 20 + 0
        "2004-09-30": Decimal("40000000.00"),  # E12 cumulative-cap reading: Q4'03 .. Q3'04: 20 + 20 + 0 + 0
        "2004-12-31": Decimal("20000000.00"),  # Q1'04 .. Q4'04
    }


def test_missing_valco_month_leaves_later_reductions_undetermined(con):
    quarters(con)
    add(con, "valco_ebitda", period_end="2003-07-31", actual_valco_ebitda="0.00", forecast_valco_ebitda="1.00")
    build(con, *MODEL)
    missing = by_quarter(con, "ppca_valco_shortfall_reduction", "missing_inputs")
    assert missing["2003-06-30"] == []
    assert missing["2003-09-30"] == ["valco_ebitda for the Fiscal Quarter ending 2003-09-30 (1 of 3 months)"]
    assert "valco_ebitda for the Fiscal Quarter ending 2003-09-30 (1 of 3 months)" in missing["2004-12-31"]


def test_natural_gas_e10(con):
    quarters(con)
    gas(con, p3="4.500000", p4="6.000000")
    build(con, *MODEL)
    row = rows(con, "select * from ppca_natural_gas_reduction limit 1")[0]
    assert row["r1"] == Decimal("5000000.00")  # 10,000,000 x (4.50 - 3.50) / 2.00
    assert row["r2"] == Decimal("5000000.00")  # min(10,000,000 - 5,000,000, f(6.00) = 10,000,000)
    assert by_quarter(con, "ppca_natural_gas_reduction", "natural_gas_reduction") == {
        "2003-06-30": Decimal("0.00"),
        "2003-09-30": Decimal("5000000.00"),  # R1
        "2003-12-31": Decimal("10000000.00"),  # R1 + R2
        "2004-03-31": Decimal("10000000.00"),
        "2004-06-30": Decimal("10000000.00"),
        "2004-09-30": Decimal("5000000.00"),  # R2
        "2004-12-31": Decimal("0.00"),
    }


def test_natural_gas_e11_ceiling_reached_in_the_third_quarter(con):
    quarters(con)
    gas(con, p3="5.500000", p4="6.000000")
    build(con, *MODEL)
    row = rows(con, "select * from ppca_natural_gas_reduction limit 1")[0]
    assert (row["r1"], row["r2"]) == (Decimal("10000000.00"), Decimal("0.00"))  # P3 "equal to or higher than $5.50": R1 = 10,000,000, R2 = 0
    reductions = by_quarter(con, "ppca_natural_gas_reduction", "natural_gas_reduction")
    assert (reductions["2003-09-30"], reductions["2003-12-31"], reductions["2004-09-30"]) == (
        Decimal("10000000.00"), Decimal("10000000.00"), Decimal("0.00"),
    )


def test_natural_gas_at_exactly_the_forecast_price_and_exactly_the_ceiling(con):
    quarters(con)
    gas(con, p3="3.500000", p4="5.500000")
    build(con, *MODEL)
    row = rows(con, "select * from ppca_natural_gas_reduction limit 1")[0]
    # P3 = 3.50: "No reduction will be made if the average price is equal to or less than the Forecast Price"
    assert row["r1"] == Decimal("0.00")
    # P3 < 5.50 and P4 = 5.50 > 3.50: R2 = min(10,000,000 - 0, f(5.50) = 10,000,000)
    assert row["r2"] == Decimal("10000000.00")
    reductions = by_quarter(con, "ppca_natural_gas_reduction", "natural_gas_reduction")
    assert (reductions["2003-09-30"], reductions["2003-12-31"], reductions["2004-09-30"]) == (
        Decimal("0.00"), Decimal("10000000.00"), Decimal("10000000.00"),
    )


def test_natural_gas_fourth_quarter_price_exactly_at_the_forecast_price(con):
    quarters(con)
    gas(con, p3="4.000000", p4="3.500000")
    build(con, *MODEL)
    row = rows(con, "select * from ppca_natural_gas_reduction limit 1")[0]
    assert row["r1"] == Decimal("2500000.00")  # 10,000,000 x (4.00 - 3.50) / 2.00
    assert row["r2"] == Decimal("0.00")  # P4 = 3.50 does not "exceed the Forecast Price"


def test_natural_gas_interpolation_is_exact_to_the_cent(con):
    quarters(con)
    gas(con, p3="4.123457", p4="3.400000")
    build(con, *MODEL)
    row = rows(con, "select * from ppca_natural_gas_reduction limit 1")[0]
    assert row["r1"] == Decimal("3117285.00")  # 10,000,000 x 0.623457 / 2.00 = 5,000,000 x 0.623457
    assert row["r2"] == Decimal("0.00")  # P4 3.40 does not exceed the Forecast Price


def test_missing_gas_prices_are_named(con):
    quarters(con)
    gas(con, p3="4.500000")
    build(con, *MODEL)
    missing = by_quarter(con, "ppca_natural_gas_reduction", "missing_inputs")
    assert missing["2003-09-30"] == []
    assert missing["2003-12-31"] == ["market_data natural_gas_price_paid for the Fiscal Quarter ending 2003-12-31 (P4)"]
    assert missing["2004-12-31"] == []


def test_threshold_reduction_is_adjc_plus_adjd(con):
    quarters(con)
    valco_e12(con)
    gas(con, p3="4.500000", p4="6.000000")
    build(con, "minimum_ebitda_tests")
    reductions = {r["test_date"].isoformat(): r["threshold_reduction"] for r in rows(con, "select test_date, threshold_reduction from minimum_ebitda_tests")}
    assert reductions == {
        "2003-06-30": Decimal("0.00"),
        "2003-09-30": Decimal("25000000.00"),  # AdjC 20,000,000 + AdjD R1 5,000,000
        "2003-12-31": Decimal("50000000.00"),  # 40,000,000 + 10,000,000
        "2004-03-31": Decimal("70000000.00"),  # 60,000,000 + 10,000,000
        "2004-06-30": Decimal("70000000.00"),  # 60,000,000 + 10,000,000
        "2004-09-30": Decimal("45000000.00"),  # 40,000,000 + R2 5,000,000
        "2004-12-31": Decimal("20000000.00"),  # 20,000,000 + 0
    }
    row = rows(con, "select inputs from minimum_ebitda_tests where test_date = '2004-09-30'")[0]
    inputs = json.loads(row["inputs"])
    assert inputs["natural_gas_price_p3"] == {"value": "4.500000", "clause_id": "ppca-2002/9.2.4(d)"}
    assert inputs["valco_shortfall_reduction"]["value"] == "40000000.00"
