"""indenture-1996/4.11 with def/NetBetterments, def/MaximumSecuredAmount and def/CARIFAFinancing, on a literal lien
register: each boundary the clauses name (the Maximum Secured Amount exactly, day 180/181, exactly $10,000,000, exactly
$5,000,000 for Schedule A), the R-I38 warning and the basket ledger."""

import json
from decimal import Decimal

from raw_tables import add, attest, build, one, rows, tb

Q1, Q2 = "1997-03-31", "1997-06-30"


def quarters(con, depreciation_q4="0.00", depreciation_q1="3000000.00", depreciation_q2="4000000.00"):
    tb(con, "1996-12-31", "cash", "0.00")
    tb(con, Q2, "cash", "0.00")
    attest(con, "permitted_collateral_depreciation", "1996-12-31", depreciation_q4)
    attest(con, "permitted_collateral_depreciation", Q1, depreciation_q1)
    attest(con, "permitted_collateral_depreciation", Q2, depreciation_q2)
    add(con, "debt_instruments", instrument_id="DEBT")
    add(con, "debt_instruments", instrument_id="REV")


def capex(con, period_end, amount, project="Trentwood", pc="true", lien_id=None):
    add(con, "capital_expenditures", entity_id="KACC", period_end=period_end, project=project, amount=amount,
        is_permitted_collateral=pc, lien_id=lien_id)


def lien(con, lien_id, principal, created_on, clause, **values):
    add(con, "liens", lien_id=lien_id, principal_secured=principal, created_on=created_on, permitted_clause=clause, **values)


def msa(con, test_date):
    return one(con, "select * from maximum_secured_amount where test_date = ?", [test_date])


def lien_rows(con, clause_id, transaction_id=None, test_date=None):
    found = rows(con, "select * from lien_tests where clause_id = ? order by test_date, transaction_id", [clause_id])
    return [r for r in found if (transaction_id is None or r["transaction_id"] == transaction_id) and (test_date is None or str(r["test_date"]) == test_date)]


def test_net_betterments_and_maximum_secured_amount(con):
    quarters(con)
    capex(con, "1996-11-30", "9000000.00")  # before the Indenture: not counted
    capex(con, "1997-02-28", "10000000.00")
    capex(con, "1997-05-31", "6000000.00")
    capex(con, "1997-05-31", "8000000.00", project="Gramercy", pc="false")  # not Permitted Collateral
    lien(con, "PM", "1000000.00", "1997-05-01", "4.11(b)(ix)", instrument_id="DEBT")
    capex(con, "1997-04-30", "2000000.00", project="Press", lien_id="PM")  # subject to a (b)(ix) Lien: excluded
    lien(con, "REV-PC", "300000000.00", "1997-01-10", "4.11(b)(i)", instrument_id="REV")
    lien(con, "CARIFA", "60000000.00", "1997-01-10", "4.11(b)(i)", instrument_id="REV", is_carifa_financing="true")
    build(con, "lien_tests", "lien_basket_ledger")
    # Q1 1997: capex 10,000,000 - depreciation (0 + 3,000,000) = 7,000,000
    # MSA = 400,000,000 + 7,000,000 + min(43,000,000, 60,000,000) = 450,000,000
    q1 = msa(con, Q1)
    assert (q1["net_betterments"], q1["carifa_financing_addition"], q1["maximum_secured_amount"]) == (
        Decimal("7000000.00"), Decimal("43000000.00"), Decimal("450000000.00"))
    # Q2: capex 16,000,000 (10 + 6; the Gramercy and (b)(ix) rows excluded) - depreciation 7,000,000 = 9,000,000
    q2 = msa(con, Q2)
    assert q2["net_betterments"] == Decimal("9000000.00") and q2["maximum_secured_amount"] == Decimal("452000000.00")
    nb = one(con, "select * from net_betterments where test_date = ?", [Q2])
    assert (nb["capital_expenditures"], nb["excluded_capital_expenditures"], nb["depreciation"]) == (
        Decimal("16000000.00"), Decimal("2000000.00"), Decimal("7000000.00"))
    # Liens created 1997-01-10: no quarter closed since the Indenture, so Net Betterments 0: MSA 443,000,000;
    # aggregate secured 360,000,000 (300,000,000 + 60,000,000)
    [created] = lien_rows(con, "indenture-1996/4.11(b)(i)", "CARIFA")
    assert (created["actual"], created["threshold"], created["test_kind"]) == (Decimal("360000000.00"), Decimal("443000000.00"), "transaction")


def test_capital_expenditures_count_through_the_quarter_end(con):
    # "on a cumulative basis for the period from the date hereof, through the date of determination", cut at the last
    # fiscal quarter end: March 1997's capital expenditures are in the first quarter's Net Betterments, April's are not
    quarters(con)
    capex(con, "1997-03-31", "5000000.00")
    capex(con, "1997-04-30", "1000000.00")
    lien(con, "REV-PC", "300000000.00", "1997-01-10", "4.11(b)(i)", instrument_id="REV")
    build(con, "maximum_secured_amount")
    nb = one(con, "select * from net_betterments where test_date = ?", [Q1])
    # 5,000,000 less depreciation 0 (1996Q4) + 3,000,000 (1997Q1) = 2,000,000
    assert (nb["capital_expenditures"], nb["net_betterments"]) == (Decimal("5000000.00"), Decimal("2000000.00"))


def test_net_betterments_floor_at_zero(con):
    quarters(con, depreciation_q1="12000000.00")
    capex(con, "1997-02-28", "10000000.00")
    lien(con, "REV-PC", "300000000.00", "1997-01-10", "4.11(b)(i)", instrument_id="REV")
    build(con, "maximum_secured_amount")
    # 10,000,000 - 12,000,000 < 0: "in no event less than zero"
    assert msa(con, Q1)["net_betterments"] == Decimal("0.00")
    assert msa(con, Q1)["maximum_secured_amount"] == Decimal("400000000.00")


def test_carifa_below_cap_and_permanent_deduction(con):
    quarters(con)
    lien(con, "CARIFA", "30000000.00", "1997-01-10", "4.11(b)(i)", instrument_id="REV", is_carifa_financing="true")
    attest(con, "maximum_secured_amount_deduction", "1997-04-15", "25000000.00", reference_id="AS-PC-SALE")
    build(con, "maximum_secured_amount")
    # Q1: 400,000,000 + (0 capex - 3,000,000 depreciation -> 0) + 30,000,000 = 430,000,000
    assert msa(con, Q1)["maximum_secured_amount"] == Decimal("430000000.00")
    # Q2: less the 25,000,000 deduction (iv), cumulative from 1997-04-15 (R-I07) = 405,000,000
    assert msa(con, Q2)["maximum_secured_amount"] == Decimal("405000000.00")
    assert msa(con, "1997-04-15")["deductions"] == Decimal("25000000.00")


def test_unattested_depreciation_makes_the_cap_indeterminate(con):
    tb(con, Q1, "cash", "0.00")
    add(con, "debt_instruments", instrument_id="REV")
    lien(con, "REV-PC", "300000000.00", "1997-01-10", "4.11(b)(i)", instrument_id="REV")
    build(con, "lien_tests")
    [row] = lien_rows(con, "indenture-1996/4.11(b)(i)", test_date=Q1)
    assert row["threshold"] is None
    assert json.loads(row["missing_inputs"]) == ["permitted_collateral_depreciation (R-I08) for the quarter ending 1997-03-31"]


def test_each_borrowing_is_an_incurrence_and_the_quarter_end_warns_above_the_current_cap(con):
    quarters(con)
    lien(con, "REV-PC", "440000000.00", "1997-01-10", "4.11(b)(i)", instrument_id="REV")
    attest(con, "maximum_secured_amount_deduction", "1997-05-01", "50000000.00", reference_id="AS-PC-SALE")
    add(con, "incurrences", transaction_id="BORROW-1", incurrence_date="1997-02-03", instrument_id="REV", amount="5000000.00")
    build(con, "lien_tests")
    # 1997-02-03 (no quarter closed yet): MSA 400,000,000 + 0 + 0; aggregate 440,000,000 is over it (the policy fails it)
    [borrowing] = lien_rows(con, "indenture-1996/4.11(b)(i)", "BORROW-1")
    assert (borrowing["actual"], borrowing["threshold"]) == (Decimal("440000000.00"), Decimal("400000000.00"))
    # Q2: MSA 400,000,000 - 50,000,000 = 350,000,000 < 440,000,000: information row with the R-I38 warning
    [q2] = lien_rows(con, "indenture-1996/4.11(b)(i)", test_date=Q2)
    assert q2["test_kind"] == "information" and q2["threshold"] == Decimal("350000000.00")
    assert json.loads(q2["warnings"])[0].startswith("R-I38: Indebtedness secured by Permitted Collateral (440000000.00) exceeds")


def test_a_quarter_end_before_any_permitted_collateral_lien_secures_nothing(con):
    # REV-PC is created on 1997-04-10, after the first quarter ends: on 1997-03-31 no Lien on Permitted Collateral
    # exists, so the aggregate principal it secures is 0.00 (none counted) against the MSA's 400,000,000 + 0 + 0.
    quarters(con)
    lien(con, "REV-PC", "300000000.00", "1997-04-10", "4.11(b)(i)", instrument_id="REV")
    build(con, "lien_tests")
    [q1] = lien_rows(con, "indenture-1996/4.11(b)(i)", test_date=Q1)
    assert (q1["actual"], q1["threshold"]) == (Decimal("0.00"), Decimal("400000000.00"))
    assert json.loads(q1["inputs"])["aggregate_principal_secured_by_permitted_collateral"]["liens"] == ""

def test_purchase_money_day_180_in_day_181_out_and_cost(con):
    quarters(con)
    # completed 1997-01-02: + 180 days = 1997-07-01 (29 + 28 + 31 + 30 + 31 + 30 = 179 to June 30, 180 on July 1)
    lien(con, "PM-180", "5000000.00", "1997-07-01", "4.11(b)(ix)", instrument_id="DEBT", asset_acquired_or_completed_on="1997-01-02", asset_cost="5000000.00")
    lien(con, "PM-181", "5000000.01", "1997-07-02", "4.11(b)(ix)", instrument_id="DEBT", asset_acquired_or_completed_on="1997-01-02", asset_cost="5000000.00")
    lien(con, "PM-NODATE", "1.00", "1997-07-02", "4.11(b)(ix)", instrument_id="DEBT")
    build(con, "lien_tests")
    days = {r["transaction_id"]: r for r in lien_rows(con, "indenture-1996/4.11(b)(ix)-180-days")}
    assert days["PM-180"]["actual"] == Decimal("180.00") and days["PM-181"]["actual"] == Decimal("181.00")
    assert json.loads(days["PM-NODATE"]["missing_inputs"]) == ["liens.asset_acquired_or_completed_on (acquisition or final completion) of PM-NODATE"]
    amounts = {r["transaction_id"]: r for r in lien_rows(con, "indenture-1996/4.11(b)(ix)")}
    assert (amounts["PM-180"]["actual"], amounts["PM-180"]["threshold"]) == (Decimal("5000000.00"), Decimal("5000000.00"))
    assert amounts["PM-181"]["actual"] == Decimal("5000000.01")
    assert json.loads(amounts["PM-NODATE"]["missing_inputs"]) == ["liens.asset_cost (original purchase price or cost) of PM-NODATE"]


def test_general_basket_aggregate_with_a_release_and_its_ledger(con):
    quarters(con)
    lien(con, "G1", "6000000.00", "1997-02-01", "4.11(b)(xi)", instrument_id="DEBT", released_on="1997-04-01")
    lien(con, "G2", "4000000.00", "1997-03-01", "4.11(b)(xi)", instrument_id="DEBT")
    lien(con, "G3", "6000000.00", "1997-04-01", "4.11(b)(xi)", instrument_id="DEBT")
    build(con, "lien_tests", "lien_basket_ledger")
    actual = {r["transaction_id"]: r["actual"] for r in lien_rows(con, "indenture-1996/4.11(b)(xi)")}
    # G2: 6,000,000 + 4,000,000 = exactly 10,000,000; G3 after G1's release: 4,000,000 + 6,000,000 = 10,000,000
    assert actual == {"G1": Decimal("6000000.00"), "G2": Decimal("10000000.00"), "G3": Decimal("10000000.00")}
    ledger = rows(con, "select transaction_id, amount, usage_after, capacity, remaining from lien_basket_ledger where clause_id = 'indenture-1996/4.11(b)(xi)'")
    assert [(r["transaction_id"], r["amount"], r["usage_after"], r["remaining"]) for r in ledger] == [
        ("G1", Decimal("6000000.00"), Decimal("6000000.00"), Decimal("4000000.00")),
        ("G2", Decimal("4000000.00"), Decimal("10000000.00"), Decimal("0.00")),
        # same day: the release first (10,000,000 - 6,000,000 = 4,000,000), then G3 (4,000,000 + 6,000,000)
        ("G1", Decimal("-6000000.00"), Decimal("4000000.00"), Decimal("6000000.00")),
        ("G3", Decimal("6000000.00"), Decimal("10000000.00"), Decimal("0.00")),
    ]


def test_a_lien_securing_nothing_yet_is_a_creation_after_the_days_releases(con):
    # G0 secures 0.00 (nothing drawn yet) from the day G1's 6,000,000 is released: a creation, so after the release
    # (6,000,000 - 6,000,000 = 0.00), before G3's 2,000,000 of the same day (then 2,000,000)
    quarters(con)
    lien(con, "G1", "6000000.00", "1997-02-01", "4.11(b)(xi)", instrument_id="DEBT", released_on="1997-04-01")
    lien(con, "G0", "0.00", "1997-04-01", "4.11(b)(xi)", instrument_id="DEBT")
    lien(con, "G3", "2000000.00", "1997-04-01", "4.11(b)(xi)", instrument_id="DEBT")
    build(con, "lien_basket_ledger")
    ledger = rows(con, "select transaction_id, amount, usage_after from lien_basket_ledger where clause_id = 'indenture-1996/4.11(b)(xi)'")
    assert [(r["transaction_id"], r["amount"], r["usage_after"]) for r in ledger] == [
        ("G1", Decimal("6000000.00"), Decimal("6000000.00")),
        ("G1", Decimal("-6000000.00"), Decimal("0.00")),
        ("G0", Decimal("0.00"), Decimal("0.00")),
        ("G3", Decimal("2000000.00"), Decimal("2000000.00")),
    ]


def test_permitted_collateral_ledger_capacity_is_the_msa_of_the_entry_date(con):
    quarters(con)
    lien(con, "REV-PC", "300000000.00", "1997-01-10", "4.11(b)(i)", instrument_id="REV", released_on="1997-06-30")
    build(con, "lien_basket_ledger")
    ledger = rows(con, "select * from lien_basket_ledger where clause_id = 'indenture-1996/4.11(b)(i)' order by entry_date")
    # 1997-01-10: MSA 400,000,000; 1997-06-30: 400,000,000 + max(0, 0 - 7,000,000) = 400,000,000
    assert [(r["usage_after"], r["capacity"], r["remaining"]) for r in ledger] == [
        (Decimal("300000000.00"), Decimal("400000000.00"), Decimal("100000000.00")),
        (Decimal("0.00"), Decimal("400000000.00"), Decimal("400000000.00")),
    ]


def test_a_lien_released_on_a_quarter_end_no_longer_counts_on_it(con):
    # REV-PC secures 300,000,000 from 1997-01-10 and is released on 1997-06-30: counted at the March 31 quarter end,
    # not at the June 30 one (released that day, it secures nothing on it)
    quarters(con)
    lien(con, "REV-PC", "300000000.00", "1997-01-10", "4.11(b)(i)", instrument_id="REV", released_on="1997-06-30")
    build(con, "lien_tests")
    ends = {str(r["test_date"]): r["actual"] for r in lien_rows(con, "indenture-1996/4.11(b)(i)") if r["test_kind"] == "information"}
    assert (ends[Q1], ends[Q2]) == (Decimal("300000000.00"), Decimal("0.00"))


def test_existing_liens_schedule_a_and_the_negative_pledge(con):
    quarters(con)
    lien(con, "E5", "5000000.00", "1992-01-01", "4.11(b)(ii)", instrument_id="DEBT")  # exactly 5,000,000: no Schedule A
    lien(con, "E5X", "5000000.01", "1992-01-01", "4.11(b)(ii)", instrument_id="DEBT")  # in excess: Schedule A (blank)
    lien(con, "ELATE", "100.00", "1997-01-01", "4.11(b)(ii)", instrument_id="DEBT")  # not in existence on the date
    lien(con, "NONE", "100.00", "1997-01-01", "none", instrument_id="DEBT")
    lien(con, "NONE-ER", "100.00", "1997-01-01", "none", instrument_id="DEBT", notes_equally_and_ratably_secured="true")
    lien(con, "PC-NOT", "100.00", "1997-01-01", "4.11(b)(i)", instrument_id="DEBT", is_permitted_collateral="false")
    lien(con, "FOREIGN", "100.00", "1997-01-01", "none", instrument_id="DEBT", is_us_fixed_asset="false")
    build(con, "lien_tests")
    existing = {r["transaction_id"]: r for r in lien_rows(con, "indenture-1996/4.11(b)(ii)")}
    assert str(existing["E5"]["test_date"]) == "1996-12-23" and existing["E5"]["actual"] == 0
    assert json.loads(existing["E5"]["missing_inputs"]) == []
    assert "printed blank in the Indenture" in json.loads(existing["E5X"]["missing_inputs"])[0]
    assert existing["ELATE"]["actual"] == 1
    pledge = {r["transaction_id"]: r["actual"] for r in lien_rows(con, "indenture-1996/4.11(a)")}
    assert pledge == {"E5": 0, "E5X": 0, "ELATE": 0, "NONE": 1, "NONE-ER": 0, "PC-NOT": 1}
    # a Lien created before the Indenture is tested from its date, December 23, 1996
    assert [str(r["test_date"]) for r in lien_rows(con, "indenture-1996/4.11(a)", transaction_id="E5")] == ["1996-12-23"]
