"""fixed_charge_coverage_tests: the four-quarter window on each side of the availability lag, the CCFAFC (x) Asset Sale
adjustment, information rows, the deemed draw on 4.10(a) rows only, and a ratio of exactly 2.0."""

import json
from decimal import Decimal

from raw_tables import add, attest, attest_cni_quarters, build, one, rows, tb

MODEL = "fixed_charge_coverage_tests"

QUARTERS_1997 = ("1997-03-31", "1997-06-30", "1997-09-30", "1997-12-31")


def five_quarters(con):
    """Net sales of 1,000,000, 2,000,000, 3,000,000, 4,000,000 and 5,000,000 in Q1 1997 .. Q1 1998 (YTD balances)."""
    for quarter_end, ytd in zip(QUARTERS_1997 + ("1998-03-31",), ("-1000000.00", "-3000000.00", "-6000000.00", "-10000000.00", "-5000000.00")):
        tb(con, quarter_end, "net_sales", ytd)
    attest_cni_quarters(con, *QUARTERS_1997, "1998-03-31")
    add(con, "debt_instruments", instrument_id="NOTES", fixed_rate="0.10000000", day_count="30/360")
    add(con, "debt_balances", instrument_id="NOTES", period_end="1997-12-31", principal_outstanding="10000000.00")


def ratio_row(con, transaction_id, clause="indenture-1996/4.09(a)(B)"):
    return one(con, "select * from fixed_charge_coverage_tests where clause_id = ? and transaction_id = ?", [clause, transaction_id])


def test_four_quarter_window_on_each_side_of_the_availability_lag(con):
    five_quarters(con)
    # Q1 1998 ends 1998-03-31; + 45 days = 1998-05-15: its figures count only for a Transaction Date after that
    for transaction_id, day in (("RP-0514", "1998-05-14"), ("RP-0515", "1998-05-15"), ("RP-0516", "1998-05-16")):
        add(con, "restricted_payments", transaction_id=transaction_id, payment_date=day)
        attest(con, "projected_other_fixed_charges", day, "0.00", reference_id=transaction_id)
    build(con, MODEL)
    before, on, after = ratio_row(con, "RP-0514"), ratio_row(con, "RP-0515"), ratio_row(con, "RP-0516")
    assert (before["period_start"].isoformat(), before["period_end"].isoformat()) == ("1997-01-01", "1997-12-31")
    assert (on["period_start"].isoformat(), on["period_end"].isoformat()) == ("1997-01-01", "1997-12-31")  # 03-31 + 45 is not < TD
    assert (after["period_start"].isoformat(), after["period_end"].isoformat()) == ("1997-04-01", "1998-03-31")
    assert before["numerator"] == Decimal("10000000.00")  # 1 + 2 + 3 + 4 million
    assert after["numerator"] == Decimal("14000000.00")  # 2 + 3 + 4 + 5 million
    assert (after["forward_start"].isoformat(), after["forward_end"].isoformat()) == ("1998-04-01", "1999-03-31")
    # 10,000,000 x 0.10 x 26,280 (30/360, a full year)
    assert after["denominator"] == Decimal("26280000000.0000000000")
    assert after["denominator_divisor"] == 26280
    assert json.loads(after["missing_inputs"]) == []
    # each quarter's statements are available by the 45-day default, so the window names no day as missing
    window = one(con, "select missing_inputs from coverage_ratio_tests where transaction_id = 'RP-0516'")
    assert window["missing_inputs"] == []


def test_information_rows_use_the_quarter_just_ended_and_only_4_10_a_has_the_deemed_draw(con):
    five_quarters(con)
    attest(con, "projected_other_fixed_charges", "1998-03-31", "0.00", reference_id="quarter-end")
    build(con, MODEL)
    found = rows(con, "select * from fixed_charge_coverage_tests where test_kind = 'information' and test_date = '1998-03-31' order by clause_id")
    assert [r["clause_id"] for r in found] == ["indenture-1996/4.09(a)(B)", "indenture-1996/4.10(a)"]
    restricted_payment, incurrence = found
    for row in found:
        assert (row["period_start"].isoformat(), row["period_end"].isoformat()) == ("1997-04-01", "1998-03-31")
        assert (row["forward_start"].isoformat(), row["forward_end"].isoformat()) == ("1998-04-01", "1999-03-31")
        assert row["transaction_id"] is None
        assert row["numerator"] == Decimal("14000000.00")  # 2 + 3 + 4 + 5 million
    assert "deemed_4_10_b_ii_draw_principal" not in json.loads(restricted_payment["inputs"])
    assert json.loads(restricted_payment["missing_inputs"]) == []
    # nothing outstanding under (b)(ii): the fallback rate is needed for the 400,000,000 deemed draw
    assert json.loads(incurrence["missing_inputs"]) == ["credit_agreement_fallback_rate (R-I04) on 1998-04-01"]
    inputs = json.loads(incurrence["inputs"])
    # M2: deemed = 400,000,000 permitted - (0.00 (b)(ii) principal + 0.00 (b)(ii) letters of credit) = 400,000,000.00
    assert inputs["permitted_4_10_b_ii_amount"] == {"value": "400000000.00", "clause_id": "indenture-1996/4.10(b)(ii)"}
    assert inputs["outstanding_4_10_b_ii_principal"] == {"value": "0.00", "clause_id": "indenture-1996/def/Indebtedness"}
    assert inputs["outstanding_4_10_b_ii_letters_of_credit"] == {"value": "0.00", "clause_id": "indenture-1996/def/Indebtedness"}
    assert inputs["outstanding_4_10_b_ii_indebtedness"] == {"value": "0.00", "clause_id": "indenture-1996/def/Indebtedness"}
    assert inputs["deemed_4_10_b_ii_draw_principal"] == {"value": "400000000.00", "clause_id": "indenture-1996/4.10(a)"}


def test_the_4_10_a_inputs_show_the_credit_agreement_letters_of_credit_behind_the_deemed_draw(con):
    five_quarters(con)
    add(con, "debt_instruments", instrument_id="REV", indenture_basket="4.10(b)(ii)", fixed_rate="0.08000000", day_count="30/360")
    add(con, "debt_balances", instrument_id="REV", period_end="1998-04-30", principal_outstanding="50000000.00")
    add(con, "letters_of_credit", lc_id="LC-OPEN", facility_instrument_id="REV", beneficiary="b", purpose="general",
        issue_date="1998-01-15", expiry_date="1999-01-14", stated_amount="25000000.00", cash_collateralized="false")
    add(con, "letters_of_credit", lc_id="LC-CASH", facility_instrument_id="REV", beneficiary="b", purpose="general",
        issue_date="1998-01-15", expiry_date="1999-01-14", stated_amount="5000000.00", cash_collateralized="true")
    add(con, "incurrences", transaction_id="INC-A", incurrence_date="1998-05-20", instrument_id="NOTES", amount="1000000.00", basket="4.10(a)")
    attest(con, "projected_other_fixed_charges", "1998-05-20", "0.00", reference_id="INC-A")
    build(con, MODEL)
    row = ratio_row(con, "INC-A", "indenture-1996/4.10(a)")
    inputs = json.loads(row["inputs"])
    # 400,000,000 permitted - (50,000,000 principal + 25,000,000 LC-OPEN; LC-CASH excluded, (D)) = 325,000,000
    assert inputs["permitted_4_10_b_ii_amount"]["value"] == "400000000.00"
    assert inputs["outstanding_4_10_b_ii_principal"]["value"] == "50000000.00"
    assert inputs["outstanding_4_10_b_ii_letters_of_credit"]["value"] == "25000000.00"
    assert inputs["outstanding_4_10_b_ii_indebtedness"]["value"] == "75000000.00"
    assert inputs["deemed_4_10_b_ii_draw_principal"]["value"] == "325000000.00"
    # at REV's 8%, 30/360: 325,000,000 x 0.08 = 26,000,000.00 a year
    assert inputs["deemed_4_10_b_ii_draw_interest"]["value"] == "26000000.00"
    # NOTES 11,000,000 (10,000,000 + INC-A 1,000,000) x 0.10 = 1,100,000; REV 50,000,000 x 0.08 = 4,000,000;
    # deemed 26,000,000: 31,100,000 x 26,280 = 817,308,000,000
    assert row["denominator"] == Decimal("817308000000.0000000000")


def test_asset_sale_adjustment_with_and_without_attestation(con):
    five_quarters(con)
    add(con, "asset_sales", transaction_id="AS1", sale_date="1997-08-15", gross_proceeds="30000000.00", pretax_gain_loss="0.00")
    add(con, "asset_sales", transaction_id="AS2", sale_date="1997-09-15", gross_proceeds="30000000.00", pretax_gain_loss="0.00")
    for transaction_id, day in (("RP-A", "1998-02-20"), ("RP-B", "1998-05-20")):
        add(con, "restricted_payments", transaction_id=transaction_id, payment_date=day)
        attest(con, "projected_other_fixed_charges", day, "0.00", reference_id=transaction_id)
    attest(con, "ccfafc_attributable_to_asset_sale", "1997-12-31", "1200000.00", reference_id="AS1")
    # the sold assets lost cash: 'increased by' the negative amount's size (M4: subtract the signed amount)
    attest(con, "ccfafc_attributable_to_asset_sale", "1998-03-31", "-300000.00", reference_id="AS1", attestation_id="AS1-Q1-98")
    build(con, MODEL)
    a, b = ratio_row(con, "RP-A"), ratio_row(con, "RP-B")
    # RP-A (1998-02-20): four quarters of 1997, 10,000,000; AS1 attested 1,200,000 for the period ending 1997-12-31;
    # AS2 not attested: named, and counted as 0
    assert a["numerator"] == Decimal("8800000.00")  # 10,000,000 - 1,200,000
    assert json.loads(a["missing_inputs"]) == ["ccfafc_attributable_to_asset_sale (R-I03) for AS2 sold 1997-09-15"]
    assert json.loads(a["inputs"])["asset_sale_adjustment"]["value"] == "1200000.00"
    # RP-B (1998-05-20): Q2 1997 .. Q1 1998, 14,000,000; AS1's attestation for that period is -300,000
    assert b["numerator"] == Decimal("14300000.00")  # 14,000,000 - (-300,000)


def test_ratio_of_exactly_two(con):
    for quarter_end in QUARTERS_1997[:3]:
        tb(con, quarter_end, "cash", "0.00")
    tb(con, "1997-12-31", "net_sales", "-10000000.00")  # all of 1997's income falls in Q4
    attest_cni_quarters(con, *QUARTERS_1997)
    add(con, "debt_instruments", instrument_id="NOTES", fixed_rate="0.10000000", day_count="30/360")
    add(con, "debt_balances", instrument_id="NOTES", period_end="1997-12-31", principal_outstanding="50000000.00")
    add(con, "restricted_payments", transaction_id="RP-2", payment_date="1998-02-20")
    attest(con, "projected_other_fixed_charges", "1998-02-20", "0.00", reference_id="RP-2")
    build(con, MODEL)
    row = ratio_row(con, "RP-2")
    # numerator: CCFAFC of 1997 = 10,000,000; denominator: 50,000,000 x 0.10 x 26,280 = 131,400,000,000 (5,000,000 a year)
    # ratio = 10,000,000 x 26,280 / 131,400,000,000 = 2 exactly: "greater than 2.0 to 1" fails downstream
    assert row["numerator"] == Decimal("10000000.00")
    assert row["denominator"] == Decimal("131400000000.0000000000")
    assert row["denominator_divisor"] == 26280
    assert row["numerator"] * row["denominator_divisor"] == 2 * row["denominator"]
    assert json.loads(row["missing_inputs"]) == []
    inputs = json.loads(row["inputs"])
    assert inputs["consolidated_net_income"] == {"value": "10000000.00", "clause_id": "indenture-1996/def/ConsolidatedNetIncome"}
    assert inputs["forward_interest"] == {
        "value": "5000000.00",
        "exact": "131400000000.0000000000 / 26280",
        "clause_id": "indenture-1996/def/ConsolidatedFixedChargeCoverageRatio",
    }


def test_fewer_than_four_quarters_of_figures_is_missing(con):
    tb(con, "1997-09-30", "net_sales", "-1000000.00")
    attest_cni_quarters(con, "1997-09-30")
    add(con, "restricted_payments", transaction_id="RP-3", payment_date="1997-12-01")
    attest(con, "projected_other_fixed_charges", "1997-12-01", "0.00", reference_id="RP-3")
    build(con, MODEL)
    row = ratio_row(con, "RP-3")
    assert json.loads(row["missing_inputs"]) == [
        "financial information for the four fiscal quarters 1996-10-01 to 1997-09-30 (1 of 4 quarters in the trial balances)"
    ]


def test_impairment_and_pre_petition_accruals_are_added_back_in_the_numerator(con):
    for quarter_end in QUARTERS_1997[:3]:
        tb(con, quarter_end, "cash", "0.00")
    tb(con, "1997-12-31", "net_sales", "-10000000.00")
    tb(con, "1997-12-31", "impairment_charges", "1500000.00")
    tb(con, "1997-12-31", "prepetition_labor_claims_accruals", "500000.00")
    attest_cni_quarters(con, *QUARTERS_1997)
    add(con, "debt_instruments", instrument_id="NOTES", fixed_rate="0.10000000", day_count="30/360")
    add(con, "debt_balances", instrument_id="NOTES", period_end="1997-12-31", principal_outstanding="50000000.00")
    add(con, "restricted_payments", transaction_id="RP-2", payment_date="1998-02-20")
    attest(con, "projected_other_fixed_charges", "1998-02-20", "0.00", reference_id="RP-2")
    build(con, MODEL)
    row = ratio_row(con, "RP-2")
    inputs = json.loads(row["inputs"])
    # CNI = 10,000,000 - 1,500,000 - 500,000 = 8,000,000; both charges are non-cash items reducing CNI, added back:
    # numerator = 8,000,000 + 2,000,000 = 10,000,000 (the same exact 2.0 as with no charges)
    assert inputs["consolidated_net_income"]["value"] == "8000000.00"
    assert inputs["specific_non_cash_charges"] == {
        "value": "2000000.00", "clause_id": "indenture-1996/def/ConsolidatedCashFlowAvailableForFixedCharges"
    }
    assert row["numerator"] == Decimal("10000000.00")
    assert json.loads(row["missing_inputs"]) == []


def test_acquisition_adjustment_y_adds_the_acquired_business_before_its_acquisition(con):
    # CCFAFC (y) [Indenture § 1.01, “Consolidated Cash Flow Available for Fixed Charges”, proviso (y)]: "as if such
    # asset acquisition and related financing had occurred at the beginning of such period". ACQ bought 1997-08-15 (in
    # Q3 1997): the acquired business's CCFAFC before that day is attested for Q1 1997 (600,000), Q2 1997 (700,000) and
    # Q3 1997 up to 08-14 (300,000); Q4 1997 is already in the ledger.
    five_quarters(con)
    add(con, "acquisitions", transaction_id="ACQ", acquisition_date="1997-08-15", consideration="30000000.00")
    add(con, "acquisitions", transaction_id="ROUTINE", acquisition_date="1997-05-15", is_material_out_of_ordinary_course="false")
    for transaction_id, day in (("RP-A", "1998-02-20"), ("RP-B", "1998-05-20")):
        add(con, "restricted_payments", transaction_id=transaction_id, payment_date=day)
        attest(con, "projected_other_fixed_charges", day, "0.00", reference_id=transaction_id)
    for quarter_end, amount in (("1997-03-31", "600000.00"), ("1997-06-30", "700000.00"), ("1997-09-30", "300000.00")):
        attest(con, "ccfafc_of_acquired_business", quarter_end, amount, reference_id="ACQ", attestation_id="ACQ-" + quarter_end)
    build(con, MODEL)
    a, b = ratio_row(con, "RP-A"), ratio_row(con, "RP-B")
    # RP-A: four quarters of 1997, 10,000,000 + 600,000 + 700,000 + 300,000 = 11,600,000; ROUTINE is ordinary course
    assert a["numerator"] == Decimal("11600000.00")
    assert json.loads(a["inputs"])["acquisition_adjustment"]["value"] == "1600000.00"
    assert json.loads(a["missing_inputs"]) == []
    # RP-B: Q2 1997 .. Q1 1998, 14,000,000 + 700,000 + 300,000 = 15,000,000 (Q1 1997 is outside the period)
    assert b["numerator"] == Decimal("15000000.00")
    # ratio of RP-B: 15,000,000 / (10,000,000 x 0.10 = 1,000,000 a year) = 15.0; the denominator is unchanged by (y)
    assert b["denominator"] == Decimal("26280000000.0000000000")
    assert b["numerator"] * b["denominator_divisor"] == 15 * b["denominator"]


def test_acquisition_without_its_attested_cash_flow_is_indeterminate(con):
    five_quarters(con)
    add(con, "acquisitions", transaction_id="ACQ", acquisition_date="1997-08-15")
    add(con, "restricted_payments", transaction_id="RP-A", payment_date="1998-02-20")
    attest(con, "projected_other_fixed_charges", "1998-02-20", "0.00", reference_id="RP-A")
    attest(con, "ccfafc_of_acquired_business", "1997-06-30", "700000.00", reference_id="ACQ")
    build(con, MODEL)
    a = ratio_row(con, "RP-A")
    assert a["numerator"] == Decimal("10700000.00")  # 10,000,000 + the one attested quarter, 700,000
    assert json.loads(a["missing_inputs"]) == [
        "ccfafc_of_acquired_business (R-I03) for ACQ in the quarter ending 1997-03-31",
        "ccfafc_of_acquired_business (R-I03) for ACQ in the quarter ending 1997-09-30",
    ]


def test_acquisition_on_the_first_day_of_the_period_needs_no_adjustment(con):
    # bought 1997-01-01, the first day of RP-A's period: it was owned all period, nothing before it to add
    five_quarters(con)
    add(con, "acquisitions", transaction_id="ACQ", acquisition_date="1997-01-01")
    add(con, "restricted_payments", transaction_id="RP-A", payment_date="1998-02-20")
    attest(con, "projected_other_fixed_charges", "1998-02-20", "0.00", reference_id="RP-A")
    build(con, MODEL)
    a = ratio_row(con, "RP-A")
    assert a["numerator"] == Decimal("10000000.00")
    assert json.loads(a["missing_inputs"]) == []


def test_statements_available_before_the_45_days_make_the_newer_quarter_count_from_that_day(con):
    # "the four fiscal quarters immediately prior to the Transaction Date for which financial information in respect
    # thereof is available" [Indenture § 1.01, “Consolidated Fixed Charge Coverage Ratio”]: Q1 1998's statements were
    # available on 1998-04-28 (its row), well within the 45 days of the default (1998-05-16)
    five_quarters(con)
    add(con, "financial_statements", period_end="1998-03-31", available_on="1998-04-28", document="Form 10-Q, Q1 1998")
    for transaction_id, day in (("RP-0427", "1998-04-27"), ("RP-0428", "1998-04-28"), ("RP-0510", "1998-05-10")):
        add(con, "restricted_payments", transaction_id=transaction_id, payment_date=day)
        attest(con, "projected_other_fixed_charges", day, "0.00", reference_id=transaction_id)
    build(con, MODEL)
    before, on, within = ratio_row(con, "RP-0427"), ratio_row(con, "RP-0428"), ratio_row(con, "RP-0510")
    # the day before: Q1 1998 not yet available, the four quarters of 1997: 1 + 2 + 3 + 4 million
    assert (before["period_end"].isoformat(), before["numerator"]) == ("1997-12-31", Decimal("10000000.00"))
    # from the day it became available, and so on 1998-05-10 (within the 45 days): Q2 1997 to Q1 1998, 2 + 3 + 4 + 5 million
    assert (on["period_end"].isoformat(), on["numerator"]) == ("1998-03-31", Decimal("14000000.00"))
    assert (within["period_end"].isoformat(), within["numerator"]) == ("1998-03-31", Decimal("14000000.00"))
    assert json.loads(within["inputs"])["financial_statements_available_on"] == {
        "value": "1998-04-28",
        "clause_id": "indenture-1996/def/ConsolidatedFixedChargeCoverageRatio",
        "source": "financial_statements row 2: Form 10-Q, Q1 1998",
    }
    # without a row, Q4 1997's default day: 1997-12-31 + 45 + 1 = 1998-02-15
    assert json.loads(before["inputs"])["financial_statements_available_on"]["source"] == (
        "quarter end + 45 days (parameter financial_information_available_lag_days)")


def test_statements_available_later_than_the_45_days_keep_the_older_quarter(con):
    # Q1 1998 recorded as available only on 1998-06-01: a payment on 1998-05-20, after the 45-day default, still uses 1997
    five_quarters(con)
    add(con, "financial_statements", period_end="1998-03-31", available_on="1998-06-01")
    for transaction_id, day in (("RP-0520", "1998-05-20"), ("RP-0601", "1998-06-01")):
        add(con, "restricted_payments", transaction_id=transaction_id, payment_date=day)
        attest(con, "projected_other_fixed_charges", day, "0.00", reference_id=transaction_id)
    build(con, MODEL)
    assert ratio_row(con, "RP-0520")["period_end"].isoformat() == "1997-12-31"
    assert ratio_row(con, "RP-0601")["period_end"].isoformat() == "1998-03-31"
