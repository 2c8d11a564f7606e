"""ppca-2002/9.2.7 as amended: the ALPART $49,000,000 limit over Fiscal Years 2002-2004 and the Fiscal Year 2004
Base Amount (indeterminate: the FY2003 Base Amount is in the base agreement), with the basket ledger."""

import json
from datetime import date
from decimal import Decimal

from raw_tables import attest, build, rows


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


def test_alpart_missing_year_and_fy2004_base_amount_indeterminate(con):
    attest(con, "ppca_alpart_capital_expenditures_financed", "2003-12-31", "1000000.00")
    attest(con, "ppca_adjusted_capital_expenditures", "2004-12-31", "80000000.00")
    build(con, "ppca_capital_expenditure_tests", "ppca_capital_expenditure_basket_ledger")
    tests = {(r["clause_id"], r["test_date"].isoformat()): r for r in rows(con, "select * from ppca_capital_expenditure_tests")}
    assert json.loads(tests[("ppca-2002/9.2.7(ii)", "2003-12-31")]["missing_inputs"]) == [
        "ppca_alpart_capital_expenditures_financed for Fiscal Year 2002 (R-P17)"]
    fy2004 = tests[("ppca-2002/9.2.7(i)", "2004-12-31")]
    assert fy2004["actual"] == Decimal("80000000.00")
    assert "Base Amount for Fiscal Year 2003" in json.loads(fy2004["missing_inputs"])[0]
    [entry] = rows(con, "select * from ppca_capital_expenditure_basket_ledger where clause_id = 'ppca-2002/9.2.7(i)'")
    assert (entry["entry_date"], entry["capacity"], entry["remaining"]) == (date(2004, 12, 31), None, None)
