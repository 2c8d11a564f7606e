"""ppca-2002/9.2.7 as amended: the ALPART $49,000,000 limit over Fiscal Years 2002-2004 and the Fiscal Year 2004
limit, its Base Amount plus the Carryover Amount from Fiscal Year 2003 (R-P64, R-P15), with the basket ledger."""

import json
from datetime import date
from decimal import Decimal

from raw_tables import add, attest, build, one, rows


def test_alpart_cumulative_and_ledger(con):
    attest(con, "ppca_alpart_capital_expenditures_financed", "2002-12-31", "20000000.00")
    attest(con, "ppca_alpart_capital_expenditures_financed", "2003-12-31", "19000000.00")
    attest(con, "ppca_alpart_capital_expenditures_financed", "2004-12-31", "10000000.01")
    build(con, "ppca_capital_expenditure_tests", "ppca_capital_expenditure_basket_ledger")
    tests = {(r["clause_id"], r["test_date"].isoformat()): r for r in rows(con, "select * from ppca_capital_expenditure_tests")}
    # 20,000,000 + 19,000,000 = 39,000,000 at FY2003; + 10,000,000.01 = 49,000,000.01 at FY2004 (one cent over)
    assert tests[("ppca-2002/9.2.7(ii)", "2003-12-31")]["actual"] == Decimal("39000000.00")
    assert tests[("ppca-2002/9.2.7(ii)", "2004-12-31")]["actual"] == Decimal("49000000.01")
    assert json.loads(tests[("ppca-2002/9.2.7(ii)", "2004-12-31")]["missing_inputs"]) == []
    ledger = rows(con, "select * from ppca_capital_expenditure_basket_ledger order by entry_date")
    assert [(r["usage_after"], r["capacity"], r["remaining"]) for r in ledger] == [
        (Decimal("20000000.00"), Decimal("49000000.00"), Decimal("29000000.00")),
        (Decimal("39000000.00"), Decimal("49000000.00"), Decimal("10000000.00")),
        (Decimal("49000000.01"), Decimal("49000000.00"), Decimal("-0.01")),
    ]


def test_alpart_missing_year_and_fy2004_inputs_missing(con):
    attest(con, "ppca_alpart_capital_expenditures_financed", "2003-12-31", "1000000.00")
    attest(con, "ppca_adjusted_capital_expenditures", "2004-12-31", "80000000.00")
    build(con, "ppca_capital_expenditure_tests", "ppca_capital_expenditure_basket_ledger")
    tests = {(r["clause_id"], r["test_date"].isoformat()): r for r in rows(con, "select * from ppca_capital_expenditure_tests")}
    assert json.loads(tests[("ppca-2002/9.2.7(ii)", "2003-12-31")]["missing_inputs"]) == [
        "ppca_alpart_capital_expenditures_financed for Fiscal Year 2002 (R-P17)"]
    fy2004 = tests[("ppca-2002/9.2.7(i)", "2004-12-31")]
    assert (fy2004["actual"], fy2004["threshold"]) == (Decimal("80000000.00"), None)
    assert json.loads(fy2004["missing_inputs"]) == [
        "capital_expenditure_base_amounts row for Fiscal Year 2003 (Section 9.2.7 chart of the agreement as signed), for the Carryover Amount",
        "ppca_adjusted_capital_expenditures for Fiscal Year 2003, for the Carryover Amount"]
    [entry] = rows(con, "select * from ppca_capital_expenditure_basket_ledger where clause_id = 'ppca-2002/9.2.7(i)'")
    assert (entry["entry_date"], entry["capacity"], entry["remaining"]) == (date(2004, 12, 31), None, None)


def limit(con, base_2003, adjusted_2003, adjusted_2004="61000000.00", base_2004=None):
    add(con, "capital_expenditure_base_amounts", fiscal_year_end="2003-12-31", base_amount=base_2003)
    if base_2004 is not None:
        add(con, "capital_expenditure_base_amounts", fiscal_year_end="2004-12-31", base_amount=base_2004)
    attest(con, "ppca_adjusted_capital_expenditures", "2003-12-31", adjusted_2003)
    attest(con, "ppca_adjusted_capital_expenditures", "2004-12-31", adjusted_2004)
    build(con, "ppca_capital_expenditure_tests", "ppca_capital_expenditure_basket_ledger")
    return one(con, "select * from ppca_capital_expenditure_tests where clause_id = 'ppca-2002/9.2.7(i)'")


def test_carryover_amount_each_side_of_the_10000000_cap(con):
    # FY2003 Base Amount 70,000,000, spent 60,000,000.01: carryover 9,999,999.99, under the cap;
    # limit 75,000,000 (the Sixth Amendment's FY2004 Base Amount, no row for 2004) + 9,999,999.99 = 84,999,999.99
    row = limit(con, "70000000.00", "60000000.01")
    assert (row["actual"], row["threshold"]) == (Decimal("61000000.00"), Decimal("84999999.99"))
    inputs = json.loads(row["inputs"])
    assert inputs["carryover_amount"]["value"] == "9999999.99"
    assert inputs["base_amount"]["source"].startswith("parameter capital_expenditures_base_amount ([Sixth Amendment § 1.5")
    assert inputs["base_amount_fiscal_year_2003"] == {
        "value": "70000000.00", "clause_id": "ppca-2002/9.2.7(i)",
        "source": "capital_expenditure_base_amounts 2003-12-31 (Section 9.2.7 chart)"}
    assert json.loads(row["missing_inputs"]) == []
    [entry] = rows(con, "select * from ppca_capital_expenditure_basket_ledger where clause_id = 'ppca-2002/9.2.7(i)'")
    assert (entry["capacity"], entry["remaining"]) == (Decimal("84999999.99"), Decimal("23999999.99"))


def test_carryover_capped_at_10000000(con):
    # 70,000,000 - 59,999,999.99 = 10,000,000.01 -> "shall not exceed $10,000,000": 10,000,000; limit 85,000,000
    row = limit(con, "70000000.00", "59999999.99")
    assert row["threshold"] == Decimal("85000000.00")
    assert json.loads(row["inputs"])["carryover_amount"]["value"] == "10000000.00"


def test_negative_carryover_and_a_fiscal_year_2004_row_that_wins(con):
    # FY2003 overspent: 70,000,000 - 72,500,000 = -2,500,000, no floor (R-P15); the extract's FY2004 Base Amount
    # 80,000,000 wins over the $75,000,000 default: limit 77,500,000
    row = limit(con, "70000000.00", "72500000.00", base_2004="80000000.00")
    assert row["threshold"] == Decimal("77500000.00")
    inputs = json.loads(row["inputs"])
    assert inputs["carryover_amount"]["value"] == "-2500000.00"
    assert inputs["carryover_amount"]["source"].startswith("negative: Fiscal Year 2003 Adjusted Capital Expenditures exceeded")
    assert inputs["base_amount"]["source"] == "capital_expenditure_base_amounts 2004-12-31 (Section 9.2.7 chart)"
