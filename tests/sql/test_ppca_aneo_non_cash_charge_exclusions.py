"""ppca-2002/def/AdjustedNetEarningsFromOperations (k)-(q): the capped exclusions of non-cash charges, each cap on both
sides, cumulative from 2002-02-12 and allocated month by month (R-P05 default), (n) per Fiscal Year from FY2003
(R-P31), the (o) OLV In-Place Value exception (R-P24) and the uncapped (q)(iv).

Trial balances carry year-to-date income-statement balances, so a quarter's charge is the change in its line's
year-to-date balance. Every test reports January 2002 so the cumulative caps' history since 2002-02-12 is complete,
unless it tests that gap."""

import json
from decimal import Decimal

import pytest

from raw_tables import add, attest, build, one, quarter_total, rows, tb

MODEL = "ppca_adjusted_net_earnings_from_operations"
LEDGER = "ppca_aneo_non_cash_charge_exclusions"


def from_2002(con):
    """The group reports from January 2002, before the agreement's inception on 2002-02-12."""
    tb(con, "2002-01-31", "cash", "0.00")


def aneo(con, quarter_end):
    return quarter_total(con, MODEL, quarter_end)


def ledger_month(con, exclusion, period_end):
    return one(con, f"select * from {LEDGER} where exclusion = ? and period_end = ?", [exclusion, period_end])


def no_olv_shortfall(con, *quarter_ends):
    for quarter_end in quarter_ends:
        attest(con, "impairment_below_olv_in_place_value", quarter_end, "0.00")


# (letter, line item, the cap less 1,000,000.00, the cap as the parameter file holds it)
CUMULATIVE_CAPS = [
    ("k", "lifo_inventory_charges", "19000000.00", "20000000.00"),  # (k) $20,000,000
    ("l", "kaiser_center_disposition_charges", "24000000.00", "25000000.00"),  # (l) $25,000,000
    ("o", "impairment_charges", "299000000.00", "300000000.00"),  # (o) $300,000,000
    ("p", "foreign_inventory_writedowns", "49000000.00", "50000000.00"),  # (p) $50,000,000
    ("q_i", "prepetition_bpa_rejection_accruals", "79000000.00", "80000000.00"),  # (q)(i) $80,000,000
    ("q_ii", "prepetition_labor_claims_accruals", "249000000.00", "250000000.00"),  # (q)(ii) $250,000,000
    ("q_iii", "prepetition_pbgc_accruals", "199000000.00", "200000000.00"),  # (q)(iii) $200,000,000
    ("q_v", "other_prepetition_accruals", "49000000.00", "50000000.00"),  # (q)(v) $50,000,000
]


@pytest.mark.parametrize(("letter", "line_item", "first_quarter", "cap"), CUMULATIVE_CAPS)
@pytest.mark.parametrize(
    ("second_quarter", "second_excluded", "cap_remaining"),
    [
        # cap - 1,000,000 used in Q1; Q2 brings the total to cap - 0.01, exactly the cap, cap + 0.01
        ("999999.99", "999999.99", "0.01"),
        ("1000000.00", "1000000.00", "0.00"),
        ("1000000.01", "1000000.00", "0.00"),  # only the 1,000,000.00 remainder; 0.01 stays in ANEO
    ],
)
def test_each_cumulative_cap_on_both_sides_across_two_quarters(con, letter, line_item, first_quarter, cap, second_quarter, second_excluded, cap_remaining):
    from_2002(con)
    tb(con, "2003-03-31", line_item, first_quarter)
    # year to date: the first quarter's charge plus the second's
    tb(con, "2003-06-30", line_item, str(Decimal(first_quarter) + Decimal(second_quarter)))
    no_olv_shortfall(con, "2003-03-31", "2003-06-30")
    build(con, MODEL)
    q1, q2 = aneo(con, "2003-03-31"), aneo(con, "2003-06-30")
    charge, excluded = f"{letter}_{line_item}", f"{letter}_{line_item}_excluded"
    assert (q1[charge], q1[excluded]) == (Decimal(first_quarter), Decimal(first_quarter))  # all of it, under the cap
    assert q1["adjusted_net_earnings_before_d"] == Decimal("0.00")  # -charge + the same excluded
    assert (q2[charge], q2[excluded]) == (Decimal(second_quarter), Decimal(second_excluded))
    # ANEO Q2 = -charge + excluded: 0.00 unless 0.01 is over the cap
    assert q2["adjusted_net_earnings_before_d"] == Decimal(second_excluded) - Decimal(second_quarter)
    june = ledger_month(con, letter, "2003-06-30")
    assert (june["cap"], june["cap_remaining"]) == (Decimal(cap), Decimal(cap_remaining))
    assert q1["missing_inputs"] == q2["missing_inputs"] == []


@pytest.mark.parametrize(
    ("second_quarter", "second_excluded", "aneo_q2"),
    [
        # Q1 200,000,000.00 + Q2 = 299,999,999.99 in total: under the $300,000,000 cap, all excluded
        ("99999999.99", "99999999.99", "0.00"),
        # exactly 300,000,000.00: "not to exceed", all excluded
        ("100000000.00", "100000000.00", "0.00"),
        # 300,000,000.01: Q2 gets only the 100,000,000.00 remainder; 0.01 stays in
        ("100000000.01", "100000000.00", "-0.01"),
    ],
)
def test_impairment_cap_of_300000000_cumulative_across_two_quarters(con, second_quarter, second_excluded, aneo_q2):
    from_2002(con)
    tb(con, "2003-03-31", "impairment_charges", "200000000.00")
    tb(con, "2003-06-30", "impairment_charges", str(Decimal("200000000.00") + Decimal(second_quarter)))
    no_olv_shortfall(con, "2003-03-31", "2003-06-30")
    build(con, MODEL)
    q1, q2 = aneo(con, "2003-03-31"), aneo(con, "2003-06-30")
    assert q1["o_impairment_charges_excluded"] == Decimal("200000000.00")
    assert q2["o_impairment_charges_excluded"] == Decimal(second_excluded)
    assert q2["adjusted_net_earnings_before_d"] == Decimal(aneo_q2)


def test_chronological_allocation_by_month_gives_the_later_month_the_remainder(con):
    from_2002(con)
    # (k) $20,000,000: April 15,000,000, May 8,000,000, June 1,000,000 (year-to-date 15, 23, 24 million)
    tb(con, "2003-04-30", "lifo_inventory_charges", "15000000.00")
    tb(con, "2003-05-31", "lifo_inventory_charges", "23000000.00")
    tb(con, "2003-06-30", "lifo_inventory_charges", "24000000.00")
    build(con, MODEL)
    april, may, june = (ledger_month(con, "k", m) for m in ("2003-04-30", "2003-05-31", "2003-06-30"))
    assert (april["excluded"], april["cap_used_to_date"]) == (Decimal("15000000.00"), Decimal("15000000.00"))
    assert (may["excluded"], may["cap_used_to_date"]) == (Decimal("5000000.00"), Decimal("20000000.00"))  # 20 - 15 left
    assert june["excluded"] == Decimal("0.00")  # cap used up
    q2 = aneo(con, "2003-06-30")
    assert q2["k_lifo_inventory_charges_excluded"] == Decimal("20000000.00")
    assert q2["adjusted_net_earnings_before_d"] == Decimal("-4000000.00")  # -24,000,000 + 20,000,000


def test_a_reversal_is_excluded_only_while_it_brings_the_ledger_back_under_the_cap(con):
    from_2002(con)
    tb(con, "2003-03-31", "lifo_inventory_charges", "20000000.00")  # Q1 20,000,000: the whole $20,000,000 cap
    tb(con, "2003-06-30", "lifo_inventory_charges", "15000000.00")  # Q2 credit of 5,000,000 (a LIFO reversal)
    tb(con, "2003-09-30", "lifo_inventory_charges", "23000000.00")  # Q3 8,000,000
    build(con, MODEL)
    q1, q2, q3 = (aneo(con, q) for q in ("2003-03-31", "2003-06-30", "2003-09-30"))
    assert q1["k_lifo_inventory_charges_excluded"] == Decimal("20000000.00")  # fixed when recorded, never reopened
    # charges to date 15,000,000: least(20,000,000, 15,000,000) - 20,000,000 = -5,000,000, the credit is excluded too
    assert q2["k_lifo_inventory_charges_excluded"] == Decimal("-5000000.00")
    assert q2["adjusted_net_earnings_before_d"] == Decimal("0.00")  # +5,000,000 credit - 5,000,000 excluded
    # charges to date 23,000,000: least(20,000,000, 23,000,000) - 15,000,000 = 5,000,000 of Q3's 8,000,000
    assert q3["k_lifo_inventory_charges_excluded"] == Decimal("5000000.00")
    assert q3["adjusted_net_earnings_before_d"] == Decimal("-3000000.00")


def test_charges_before_the_inception_use_no_cap_and_are_not_excluded(con):
    tb(con, "2002-01-31", "lifo_inventory_charges", "3000000.00")  # January 2002: before 2002-02-12
    tb(con, "2002-02-28", "lifo_inventory_charges", "5000000.00")  # February 2,000,000 (month end after the inception)
    tb(con, "2002-03-31", "lifo_inventory_charges", "5000000.00")  # March nothing
    build(con, MODEL)
    january, february = ledger_month(con, "k", "2002-01-31"), ledger_month(con, "k", "2002-02-28")
    assert (january["cap"], january["excluded"], january["exclusion_in_force"]) == (None, Decimal("0.00"), False)
    assert (february["cap"], february["excluded"]) == (Decimal("20000000.00"), Decimal("2000000.00"))
    assert february["cap_used_to_date"] == Decimal("2000000.00")  # January's 3,000,000 uses none of it
    q1 = aneo(con, "2002-03-31")
    assert q1["adjusted_net_earnings_before_d"] == Decimal("-3000000.00")  # -5,000,000 + 2,000,000
    assert q1["missing_inputs"] == []


def test_cumulative_cap_needs_the_history_since_the_inception(con):
    # the trial balances start in FY2003: the use of the (k) and (o) caps in 2002 is unknown; (n) restarts each
    # Fiscal Year and (q)(iv) has no cap, so they are determined
    tb(con, "2003-03-31", "lifo_inventory_charges", "1000000.00")
    tb(con, "2003-03-31", "pension_special_charges", "1000000.00")
    tb(con, "2003-03-31", "asbestos_claims_accruals", "1000000.00")
    for line_item in ("lifo_inventory_charges", "pension_special_charges", "asbestos_claims_accruals"):
        tb(con, "2003-06-30", line_item, "1000000.00")  # year to date: nothing more in Q2
    build(con, MODEL)
    q1, q2 = aneo(con, "2003-03-31"), aneo(con, "2003-06-30")
    assert q1["k_lifo_inventory_charges_excluded"] == Decimal("1000000.00")
    assert q1["missing_inputs"] == [
        "trial balances from Fiscal Year 2002: the ANEO (k) cap is cumulative from 2002-02-12 (R-P05) and its use before Fiscal Year 2003 is unknown"
    ]
    assert q2["missing_inputs"] == []  # no charge in Q2, so nothing of Q2 depends on the cap's use


def test_special_pension_charges_cap_resets_each_fiscal_year_and_is_zero_before_fy2003(con):
    from_2002(con)
    tb(con, "2002-12-31", "pension_special_charges", "5000000.00")  # FY2002: 5,000,000, (n) not yet available
    tb(con, "2003-03-31", "pension_special_charges", "20000000.00")  # FY2003 Q1 20,000,000
    tb(con, "2003-06-30", "pension_special_charges", "30000000.00")  # Q2 10,000,000
    tb(con, "2003-09-30", "pension_special_charges", "30000000.00")  # Q3 nothing
    tb(con, "2004-03-31", "pension_special_charges", "25000000.01")  # FY2004 Q1 25,000,000.01, new Fiscal Year
    tb(con, "2004-06-30", "pension_special_charges", "25000000.01")
    build(con, MODEL)
    q4_2002, q1, q2, q3, q1_2004 = (aneo(con, q) for q in ("2002-12-31", "2003-03-31", "2003-06-30", "2003-09-30", "2004-03-31"))
    assert (q4_2002["n_fiscal_year_cap"], q4_2002["n_pension_special_charges_excluded"]) == (Decimal("0.00"), Decimal("0.00"))  # M7: $0
    assert q4_2002["adjusted_net_earnings_before_d"] == Decimal("-5000000.00")
    assert (q1["n_fiscal_year_cap"], q1["n_pension_special_charges_excluded"]) == (Decimal("25000000.00"), Decimal("20000000.00"))
    assert q2["n_pension_special_charges_excluded"] == Decimal("5000000.00")  # 25,000,000 - 20,000,000 left of FY2003
    assert q2["adjusted_net_earnings_before_d"] == Decimal("-5000000.00")  # -10,000,000 + 5,000,000
    assert q3["n_pension_special_charges_excluded"] == Decimal("0.00")
    # FY2004 starts again at 25,000,000: 25,000,000.00 of 25,000,000.01 excluded, 0.01 stays in
    assert q1_2004["n_pension_special_charges_excluded"] == Decimal("25000000.00")
    assert q1_2004["adjusted_net_earnings_before_d"] == Decimal("-0.01")


def test_special_pension_charges_exactly_25000000_in_fy2003(con):
    from_2002(con)
    tb(con, "2003-03-31", "pension_special_charges", "24999999.99")
    tb(con, "2003-06-30", "pension_special_charges", "25000000.00")  # Q2 0.01: exactly the cap in total
    tb(con, "2003-09-30", "pension_special_charges", "25000000.01")  # Q3 0.01 over it
    build(con, MODEL)
    q1, q2, q3 = (aneo(con, q) for q in ("2003-03-31", "2003-06-30", "2003-09-30"))
    assert q1["n_pension_special_charges_excluded"] == Decimal("24999999.99")
    assert q2["n_pension_special_charges_excluded"] == Decimal("0.01")
    assert q3["n_pension_special_charges_excluded"] == Decimal("0.00")
    assert q3["adjusted_net_earnings_before_d"] == Decimal("-0.01")


def test_impairment_below_olv_in_place_value_is_not_excluded(con):
    from_2002(con)
    tb(con, "2003-03-31", "impairment_charges", "50000000.00")
    # two Eligible Fixed Assets written below their OLV In-Place Value, attested one per asset: 5,000,000 + 7,000,000
    attest(con, "impairment_below_olv_in_place_value", "2003-03-31", "5000000.00", reference_id="TRENTWOOD")
    attest(con, "impairment_below_olv_in_place_value", "2003-03-31", "7000000.00", reference_id="MEAD")
    build(con, MODEL)
    q1 = aneo(con, "2003-03-31")
    assert q1["o_impairment_below_olv_in_place_value"] == Decimal("12000000.00")
    assert q1["o_impairment_charges_excluded"] == Decimal("38000000.00")  # 50,000,000 - 12,000,000
    assert q1["adjusted_net_earnings_before_d"] == Decimal("-12000000.00")
    assert ledger_month(con, "o", "2003-03-31")["cap_used_to_date"] == Decimal("38000000.00")  # the OLV part uses no cap
    assert q1["missing_inputs"] == []


def test_impairment_without_the_olv_attestation_is_a_missing_input_now_and_later(con):
    from_2002(con)
    tb(con, "2003-03-31", "impairment_charges", "50000000.00")  # Q1 50,000,000, not attested
    tb(con, "2003-06-30", "impairment_charges", "50000000.00")  # Q2 nothing
    tb(con, "2003-09-30", "impairment_charges", "60000000.00")  # Q3 10,000,000, attested 0
    attest(con, "impairment_below_olv_in_place_value", "2003-09-30", "0.00")
    build(con, MODEL)
    q1, q2, q3 = (aneo(con, q) for q in ("2003-03-31", "2003-06-30", "2003-09-30"))
    missing_q1 = "impairment_below_olv_in_place_value (R-P24) for the Fiscal Quarter ending 2003-03-31"
    assert q1["missing_inputs"] == [missing_q1]
    # until attested, none of the quarter's charge is treated as excludable (the conservative figure)
    assert (q1["o_impairment_below_olv_in_place_value"], q1["o_impairment_charges_excluded"]) == (Decimal("50000000.00"), Decimal("0.00"))
    assert q2["missing_inputs"] == []  # no impairment charge in Q2: nothing to attest, nothing depends on it
    assert q3["o_impairment_charges_excluded"] == Decimal("10000000.00")
    assert q3["missing_inputs"] == [missing_q1]  # Q3's cap room depends on how much of Q1's charge was excludable


def test_olv_attestation_larger_than_the_charges_is_not_used(con):
    from_2002(con)
    tb(con, "2003-03-31", "impairment_charges", "1000000.00")
    attest(con, "impairment_below_olv_in_place_value", "2003-03-31", "1000000.01")
    build(con, MODEL)
    q1 = aneo(con, "2003-03-31")
    assert q1["o_impairment_charges_excluded"] == Decimal("0.00")
    assert q1["missing_inputs"] == [
        "impairment_below_olv_in_place_value (R-P24) for the Fiscal Quarter ending 2003-03-31: 1000000.01 exceeds the quarter's impairment charges of 1000000.00"
    ]


def test_asbestos_accruals_have_no_cap(con):
    from_2002(con)
    tb(con, "2003-03-31", "asbestos_claims_accruals", "1000000000.00")  # (q)(iv): any amount
    tb(con, "2003-06-30", "asbestos_claims_accruals", "1500000000.00")  # Q2 500,000,000 more
    build(con, MODEL)
    q1, q2 = aneo(con, "2003-03-31"), aneo(con, "2003-06-30")
    assert q1["q_iv_asbestos_claims_accruals_excluded"] == Decimal("1000000000.00")
    assert q2["q_iv_asbestos_claims_accruals_excluded"] == Decimal("500000000.00")
    assert q1["adjusted_net_earnings_before_d"] == q2["adjusted_net_earnings_before_d"] == Decimal("0.00")
    assert ledger_month(con, "q_iv", "2003-06-30")["cap"] is None


def test_other_non_cash_charges_and_reorganization_items_stay_in(con):
    from_2002(con)
    tb(con, "2003-03-31", "other_non_cash_charges", "4000000.00")
    tb(con, "2003-03-31", "reorganization_items", "6000000.00")
    build(con, MODEL)
    assert aneo(con, "2003-03-31")["adjusted_net_earnings_before_d"] == Decimal("-10000000.00")


def test_capital_asset_sale_before_the_threshold_parameter_is_a_missing_input(con):
    tb(con, "2001-12-31", "asset_sale_gain_loss", "-1000000.00")
    add(con, "asset_sales", transaction_id="AS0", sale_date="2001-12-15", gross_proceeds="5000000.00", pretax_gain_loss="1000000.00")
    build(con, MODEL)
    q4 = aneo(con, "2001-12-31")
    assert q4["missing_inputs"] == ["parameter aneo_threshold_capital_asset_sales on 2001-12-15 (sale AS0)"]
    assert q4["a_capital_asset_sale_gain_loss"] == Decimal("0.00")


def neutral_adjustments(con):
    """VALCO on forecast and gas at or below the $3.50 Forecast Price: no 9.2.4(c)/(d) reduction, nothing missing."""
    for month in ("2003-07-31", "2003-08-31", "2003-09-30", "2003-10-31", "2003-11-30", "2003-12-31",
                  "2004-01-31", "2004-02-29", "2004-03-31", "2004-04-30", "2004-05-31", "2004-06-30",
                  "2004-07-31", "2004-08-31", "2004-09-30"):
        add(con, "valco_ebitda", period_end=month, actual_valco_ebitda="1000000.00", forecast_valco_ebitda="1000000.00")
    for start, end in (("2003-07-01", "2003-09-30"), ("2003-10-01", "2003-12-31"), ("2004-01-01", "2004-03-31"),
                       ("2004-04-01", "2004-06-30"), ("2004-07-01", "2004-09-30")):
        add(con, "market_data", series="natural_gas_price_paid", period_start=start, period_end=end, value="3.000000", unit="usd_per_mmbtu")


def test_each_charge_is_excluded_in_every_test_window_containing_it(con):
    from_2002(con)
    tb(con, "2003-06-30", "impairment_charges", "310000000.00")  # Q2 2003: 300,000,000 excluded, 10,000,000 in
    tb(con, "2003-09-30", "impairment_charges", "310000000.00")  # year to date, nothing more in Q3 and Q4
    tb(con, "2003-12-31", "impairment_charges", "310000000.00")
    tb(con, "2004-03-31", "impairment_charges", "5000000.00")  # Q1 2004: cap used up, nothing excluded
    tb(con, "2004-06-30", "impairment_charges", "5000000.00")
    tb(con, "2004-09-30", "impairment_charges", "5000000.00")
    no_olv_shortfall(con, "2003-06-30", "2004-03-31")
    attest(con, "ppca_ebitda_definition", "2003-06-30", "ANEO + interest + taxes + depreciation + amortization")
    neutral_adjustments(con)
    build(con, "minimum_ebitda_tests")
    by_date = {r["test_date"].isoformat(): r for r in rows(con, "select * from minimum_ebitda_tests where test_date >= '2003-06-30'")}
    for test_date, excluded, ebitda in (
        ("2003-06-30", "300000000.00", "-10000000.00"),  # windows containing Q2 2003: -310,000,000 + 300,000,000
        ("2003-09-30", "300000000.00", "-10000000.00"),
        ("2003-12-31", "300000000.00", "-10000000.00"),
        ("2004-03-31", "300000000.00", "-15000000.00"),  # plus Q1 2004's 5,000,000, none excluded
        ("2004-06-30", "0.00", "-5000000.00"),  # Q2 2003 has left the window; Q1 2004's charge stays in
        ("2004-09-30", "0.00", "-5000000.00"),
    ):
        inputs = json.loads(by_date[test_date]["inputs"])
        assert inputs["aneo_o_impairment_charges_excluded"]["value"] == excluded, test_date
        assert by_date[test_date]["actual"] == Decimal(ebitda), test_date
        assert json.loads(by_date[test_date]["missing_inputs"]) == [], test_date
