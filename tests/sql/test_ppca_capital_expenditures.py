"""ppca-2002/9.2.7 as amended: the ALPART $49,000,000 limit over Fiscal Years 2002-2004 and the Fiscal Year 2004
limit, its Base Amount plus the Carryover Amount from Fiscal Year 2003 (R-P64, R-P15), with the basket ledger."""

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from raw_tables import add, attest, build, one, rows

from pipelines.policy.evaluation import evaluate_all
from pipelines.policy.loading import load_policies


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


@pytest.mark.parametrize(("fiscal_year_2004", "usage", "remaining", "status"), [
    ("10000000.00", "49000000.00", "0.00", "pass"),
    ("10000000.01", "49000000.01", "-0.01", "fail"),
])
def test_alpart_at_the_49000000_limit_complies_and_a_cent_over_breaches(con, fiscal_year_2004, usage, remaining, status):
    # "not more than $49,000,000 in the aggregate of Capital Expenditures in respect of ALPART during Fiscal Years 2002
    # through 2004" [Sixth Amendment § 1.5 (Credit Agreement § 9.2.7)], so exactly 49,000,000 complies:
    # 20,000,000 + 19,000,000 + 10,000,000.00 = 49,000,000.00 leaves 0.00 of the ledger's capacity
    # (alpart_capital_expenditures_limit); with 10,000,000.01 it is 49,000,000.01, a cent over
    attest(con, "ppca_alpart_capital_expenditures_financed", "2002-12-31", "20000000.00")
    attest(con, "ppca_alpart_capital_expenditures_financed", "2003-12-31", "19000000.00")
    attest(con, "ppca_alpart_capital_expenditures_financed", "2004-12-31", fiscal_year_2004)
    build(con, "ppca_capital_expenditure_tests", "ppca_capital_expenditure_basket_ledger")
    entry = one(con, "select * from ppca_capital_expenditure_basket_ledger where entry_date = '2004-12-31'")
    assert (entry["usage_after"], entry["capacity"], entry["remaining"]) == (Decimal(usage), Decimal("49000000.00"), Decimal(remaining))
    policies = load_policies()
    mine = tuple(c for c in policies.covenants if c.clause_id == "ppca-2002/9.2.7(ii)")
    results = {r.test_date: r for r in evaluate_all(con, replace(policies, covenants=mine))}
    fiscal_year_end = results[date(2004, 12, 31)]
    assert (fiscal_year_end.status, fiscal_year_end.actual, fiscal_year_end.threshold, fiscal_year_end.headroom) == (
        status, Decimal(usage), Decimal("49000000.00"), Decimal(remaining))


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


def test_a_fiscal_year_2003_spent_exactly_to_its_base_amount_carries_over_nothing(con):
    # 70,000,000 - 70,000,000 = 0: not negative (nothing "exceeded"), the lesser of the cap and 0; limit 75,000,000
    row = limit(con, "70000000.00", "70000000.00")
    assert row["threshold"] == Decimal("75000000.00")
    inputs = json.loads(row["inputs"])
    assert inputs["carryover_amount"]["value"] == "0.00"
    assert inputs["carryover_amount"]["source"] == "lesser of the cap and the Fiscal Year 2003 Base Amount less its Adjusted Capital Expenditures"


# ---- a single capital expenditure, tested on its day (ppca_capital_expenditure_transactions, R-X60, R-X61) ----------

def expenditure(con, expenditure_id, on, amount, entity="KACC", financed="true"):
    month_end = {"2002": "2002-06-30", "2003": "2003-06-30", "2004": "2004-06-30", "2005": "2005-06-30"}[on[:4]]
    add(con, "capital_expenditures", entity_id=entity, period_end=month_end, project=f"project {expenditure_id}", amount=amount,
        financed_by_obligors=financed, expenditure_id=expenditure_id, expenditure_date=on)


def fy2003_base_amount(con, amount="70000000.00"):
    # the Section 9.2.7 chart's Fiscal Year 2003 row, from the agreement as signed: the user gives it as data
    add(con, "capital_expenditure_base_amounts", fiscal_year_end="2003-12-31", base_amount=amount)


def transaction_tests(con, clause_id):
    build(con, "ppca_capital_expenditure_tests")
    return {r["transaction_id"]: r for r in rows(con, "select * from ppca_capital_expenditure_tests where test_kind = 'transaction' and clause_id = ?", [clause_id])}


def test_fiscal_year_2004_limit_is_the_base_amount_plus_the_carryover_amount(con):
    # Carryover = min(10,000,000, 70,000,000 FY2003 Base Amount - 62,000,000 FY2003 Adjusted) = 8,000,000;
    # limit 75,000,000 + 8,000,000 = 83,000,000. E1: 60,000,000 made before + 8,000,000 = 68,000,000.
    # E2 at the limit: 60,000,000 + 23,000,000 = 83,000,000; E3 one cent over: 83,000,000.01
    fy2003_base_amount(con)
    attest(con, "ppca_adjusted_capital_expenditures", "2003-12-31", "62000000.00")
    for expenditure_id, amount in (("E1", "8000000.00"), ("E2", "23000000.00"), ("E3", "23000000.01")):
        expenditure(con, expenditure_id, "2004-06-15", amount)
        attest(con, "ppca_adjusted_capital_expenditures_to_date", "2004-06-15", "60000000.00", reference_id=expenditure_id)
    tests = transaction_tests(con, "ppca-2002/9.2.7(i)")
    assert {t: (r["test_date"], r["actual"], r["threshold"]) for t, r in tests.items()} == {
        "E1": (date(2004, 6, 15), Decimal("68000000.00"), Decimal("83000000.00")),
        "E2": (date(2004, 6, 15), Decimal("83000000.00"), Decimal("83000000.00")),
        "E3": (date(2004, 6, 15), Decimal("83000000.01"), Decimal("83000000.00")),
    }
    assert json.loads(tests["E1"]["missing_inputs"]) == []
    assert [(item["kind"], item["name"], item["value"]) for item in json.loads(tests["E1"]["limits"])] == [
        ("base", "Base Amount for Fiscal Year 2004", "75000000.00"),
        ("credit", "Carryover Amount from Fiscal Year 2003", "8000000.00"),
        ("cap", "capital_expenditures_carryover_cap", "10000000.00"),
    ]


def test_the_carryover_amount_is_capped_and_has_no_floor(con):
    # 70,000,000 - 50,000,000 = 20,000,000, capped at 10,000,000: limit 85,000,000; an FY2003 overspend of
    # 72,000,000 gives -2,000,000 (R-P15: no floor at zero): limit 73,000,000
    fy2003_base_amount(con)
    attest(con, "ppca_adjusted_capital_expenditures", "2003-12-31", "50000000.00")
    build(con, "ppca_capital_expenditure_limit")
    assert one(con, "select * from ppca_capital_expenditure_limit where fiscal_year = 2004")["limit_amount"] == Decimal("85000000.00")
    con.execute("update raw_attestations set value = '72000000.00'")
    build(con, "ppca_capital_expenditure_limit")
    fy2004 = one(con, "select * from ppca_capital_expenditure_limit where fiscal_year = 2004")
    assert (fy2004["carryover_amount"], fy2004["limit_amount"]) == (Decimal("-2000000.00"), Decimal("73000000.00"))


def test_without_the_fiscal_year_2003_base_amount_the_limit_is_not_computed(con):
    attest(con, "ppca_adjusted_capital_expenditures", "2003-12-31", "62000000.00")
    expenditure(con, "E1", "2004-06-15", "8000000.00")
    attest(con, "ppca_adjusted_capital_expenditures_to_date", "2004-06-15", "60000000.00", reference_id="E1")
    e1 = transaction_tests(con, "ppca-2002/9.2.7(i)")["E1"]
    assert (e1["actual"], e1["threshold"]) == (Decimal("68000000.00"), None)
    assert json.loads(e1["missing_inputs"]) == [
        "capital_expenditure_base_amounts row for Fiscal Year 2003 (Section 9.2.7 chart of the agreement as signed), for the Carryover Amount"]
    # the Base Amount is still listed, and the Carryover Amount as not computed
    assert [(item["name"], item["value"]) for item in json.loads(e1["limits"])][:2] == [
        ("Base Amount for Fiscal Year 2004", "75000000.00"), ("Carryover Amount from Fiscal Year 2003", None)]


def test_without_the_amount_made_before_it_the_figure_is_not_computed(con):
    fy2003_base_amount(con)
    attest(con, "ppca_adjusted_capital_expenditures", "2003-12-31", "62000000.00")
    expenditure(con, "E1", "2004-06-15", "8000000.00")
    e1 = transaction_tests(con, "ppca-2002/9.2.7(i)")["E1"]
    assert (e1["actual"], e1["threshold"]) == (None, Decimal("83000000.00"))
    assert json.loads(e1["missing_inputs"]) == [
        "ppca_adjusted_capital_expenditures_to_date for E1: Adjusted Capital Expenditures made in Fiscal Year 2004 before it (R-X60)"]


def test_a_fiscal_year_2003_expenditure_names_the_chart_it_needs_and_2005_is_not_tested(con):
    expenditure(con, "E03", "2003-06-16", "1000000.00")
    attest(con, "ppca_adjusted_capital_expenditures_to_date", "2003-06-16", "0.00", reference_id="E03")
    expenditure(con, "E05", "2005-06-15", "1000000.00")
    # the Post-Petition Credit Agreement is dated February 12, 2002: the day before is not tested, the day is
    add(con, "capital_expenditures", entity_id="KACC", period_end="2002-02-28", project="a", amount="1.00", financed_by_obligors="true",
        expenditure_id="E02-11", expenditure_date="2002-02-11")
    add(con, "capital_expenditures", entity_id="KACC", period_end="2002-02-28", project="b", amount="1.00", financed_by_obligors="true",
        expenditure_id="E02-12", expenditure_date="2002-02-12")
    tests = transaction_tests(con, "ppca-2002/9.2.7(i)")
    assert set(tests) == {"E03", "E02-12"}
    assert json.loads(tests["E03"]["missing_inputs"]) == [
        "capital_expenditure_base_amounts row for Fiscal Year 2003 (Section 9.2.7 chart of the agreement as signed)",
        "the Carryover Amount into Fiscal Year 2003 (Section 9.2.7 of the Post-Petition Credit Agreement as signed, not available; R-X02)",
    ]


def test_alpart_expenditure_financed_by_the_obligors_adds_to_the_aggregate(con):
    # 14,000,000 (FY2002) + 16,000,000 (FY2003) + 4,000,000 made in FY2004 before it + the expenditure:
    # A1 5,000,000 -> 39,000,000; A2 15,000,000 -> 49,000,000 (at "not more than $49,000,000"); A3 15,000,000.01 over
    attest(con, "ppca_alpart_capital_expenditures_financed", "2002-12-31", "14000000.00", reference_id="ALPART")
    attest(con, "ppca_alpart_capital_expenditures_financed", "2003-12-31", "16000000.00", reference_id="ALPART")
    for expenditure_id, amount in (("A1", "5000000.00"), ("A2", "15000000.00"), ("A3", "15000000.01")):
        expenditure(con, expenditure_id, "2004-06-15", amount, entity="ALPART")
        attest(con, "ppca_alpart_capital_expenditures_financed_to_date", "2004-06-15", "4000000.00", reference_id=expenditure_id)
    expenditure(con, "N1", "2004-06-15", "5000000.00", entity="ALPART", financed="false")  # not financed by the Obligors
    expenditure(con, "K1", "2004-06-15", "5000000.00")  # not in respect of ALPART
    tests = transaction_tests(con, "ppca-2002/9.2.7(ii)")
    assert {t: r["actual"] for t, r in tests.items()} == {
        "A1": Decimal("39000000.00"), "A2": Decimal("49000000.00"), "A3": Decimal("49000000.01")}
    assert all(json.loads(r["missing_inputs"]) == [] and r["threshold"] is None for r in tests.values())  # the policy's $49,000,000
    assert {r["threshold_reduction"] for r in tests.values()} == {Decimal("0.00")}  # nothing reduces the $49,000,000


def test_an_alpart_expenditure_of_fiscal_year_2002_has_no_earlier_year_to_add(con):
    # Fiscal Year 2002 is the first of "Fiscal Years 2002 through 2004": nothing before it (0, not a missing year);
    # 3,000,000 financed earlier in 2002 + the expenditure's 2,000,000 = 5,000,000
    expenditure(con, "A0", "2002-06-15", "2000000.00", entity="ALPART")
    attest(con, "ppca_alpart_capital_expenditures_financed_to_date", "2002-06-15", "3000000.00", reference_id="A0")
    a0 = transaction_tests(con, "ppca-2002/9.2.7(ii)")["A0"]
    assert (a0["actual"], json.loads(a0["missing_inputs"])) == (Decimal("5000000.00"), [])


def test_alpart_expenditure_names_a_missing_year_and_its_own_year_to_date(con):
    attest(con, "ppca_alpart_capital_expenditures_financed", "2003-12-31", "16000000.00", reference_id="ALPART")
    expenditure(con, "A1", "2004-06-15", "5000000.00", entity="ALPART")
    a1 = transaction_tests(con, "ppca-2002/9.2.7(ii)")["A1"]
    assert a1["actual"] is None
    assert json.loads(a1["missing_inputs"]) == [
        "ppca_alpart_capital_expenditures_financed for Fiscal Year 2002 (R-P17)",
        "ppca_alpart_capital_expenditures_financed_to_date for A1: ALPART Capital Expenditures financed by the Obligors in "
        "Fiscal Year 2004 before it (R-X61)",
    ]


def test_a_month_s_total_is_no_transaction(con):
    add(con, "capital_expenditures", entity_id="ALPART", period_end="2004-06-30", project="Alumina refinery", amount="1000000.00",
        financed_by_obligors="true")
    assert transaction_tests(con, "ppca-2002/9.2.7(ii)") == {}
