"""ca-1994 models on literal raw rows: the Thirteenth Amendment's letter-of-credit phases and Venezuela cap, the
Eleventh Amendment's 9.2.2(b)(i) baskets and conditions, the restrictions the available waivers establish, and the waiver
condition figures. Every expected number is derived by hand in the comment beside it."""

import json
from dataclasses import replace
from decimal import Decimal

import pytest
from raw_tables import add, attest, build, rows, tb

from pipelines.policy.evaluation import evaluate_all
from pipelines.policy.loading import load_policies

D = Decimal


@pytest.fixture
def con(con):
    add(con, "debt_instruments", instrument_id="CA1994-REVOLVER")
    add(con, "debt_instruments", instrument_id="SUB", ca1994_debt_class="subordinated_debt", is_subordinated="true")
    return con


def lc(con, lc_id, issued, expires, amount, purpose="venezuela"):
    add(con, "letters_of_credit", lc_id=lc_id, facility_instrument_id="CA1994-REVOLVER", beneficiary="b", purpose=purpose,
        issue_date=issued, expiry_date=expires, stated_amount=amount, cash_collateralized="false")


def by(con, table, clause_id):
    build(con, table)
    return {str(r["test_date"]): r for r in rows(con, f"select * from {table} where clause_id = ? order by test_date", [clause_id])}


def test_maximum_letter_of_credit_amount_phases_each_side_of_their_dates(con):
    # E20: Venezuela LC issued 1998-08-01, bid bond terminated 1998-10-15, all Venezuela LCs expired 1999-06-30
    attest(con, "venezuela_pledged_cash", "1998-07-20", "0.00")
    attest(con, "venezuela_bid_bond_obligation_terminated", "1998-10-15", "true")
    lc(con, "V1", "1998-08-01", "1999-06-30", "50000000.00")
    lc(con, "G0", "1998-07-31", "1998-07-31", "1000000.00", purpose="general")   # before any Venezuela LC: (a)
    lc(con, "G1", "1998-10-15", "1998-10-15", "1000000.00", purpose="general")   # to and including termination: (b)(i)
    lc(con, "G2", "1998-10-16", "1998-10-16", "1000000.00", purpose="general")   # from and excluding it: (b)(ii)
    lc(con, "G3", "1999-06-30", "1999-06-30", "1000000.00", purpose="general")   # last Venezuela LC still outstanding
    lc(con, "G4", "1999-07-01", "1999-07-01", "1000000.00", purpose="general")   # from and excluding expiry: (b)(iii)
    found = by(con, "ca1994_letter_of_credit_tests", "ca-1994/2.1.3(b)(i)(A)")
    assert {d: r["threshold"] for d, r in found.items()} == {
        "1998-07-31": D("125000000.00"), "1998-08-01": D("235000000.00"), "1998-10-15": D("235000000.00"),
        "1998-10-16": D("200000000.00"), "1999-06-30": D("200000000.00"), "1999-07-01": D("125000000.00"),
    }
    # outstandings on 1998-10-15: V1 50,000,000 + G1 1,000,000 = 51,000,000
    assert found["1998-10-15"]["actual"] == D("51000000.00")
    # the Venezuela Letters of Credit each test shows: none outstanding before V1 is issued (0.00, not missing), then
    # V1's 50,000,000 until it expires
    shown = {d: json.loads(r["inputs"])["venezuela_letters_of_credit"]["value"] for d, r in found.items()}
    assert (shown["1998-07-31"], shown["1998-08-01"], shown["1999-07-01"]) == ("0.00", "50000000.00", "0.00")
    vlc = by(con, "ca1994_letter_of_credit_tests", "ca-1994/2.1.3(b)(ii)")
    assert vlc["1998-08-01"]["threshold"] == D("110000000.00")  # 235,000,000 - 125,000,000


def test_phase_cannot_be_told_without_the_bid_bond_termination(con):
    attest(con, "venezuela_pledged_cash", "1998-07-20", "0.00")
    lc(con, "V1", "1998-08-01", "1999-06-30", "50000000.00")
    found = by(con, "ca1994_letter_of_credit_tests", "ca-1994/2.1.3(b)(i)(A)")
    assert found["1998-08-01"]["threshold"] is None
    assert "venezuela_bid_bond_obligation_terminated" in found["1998-08-01"]["missing_inputs"]
    # (b)(ii) $200,000,000 or (b)(i) $235,000,000: the bounds the engine compares with
    assert json.loads(found["1998-08-01"]["bounds"]) == {"threshold": ["200000000.00", "235000000.00"]}


def evaluated(con, clause_id):
    """The engine's results of one clause, by transaction, from its mart built on the test's rows."""
    policies = load_policies()
    [covenant] = [c for c in policies.covenants if c.clause_id == clause_id]
    build(con, covenant.figure.mart)
    return {r.transaction_id: r for r in evaluate_all(con, replace(policies, covenants=(covenant,)))}


def test_a_bid_bond_letter_of_credit_over_both_phases_fails_without_the_termination_date(con):
    # no attestation of the bid bond obligation's end: the Maximum Letter of Credit Amount on 1998-09-01 is $235,000,000
    # (b)(i) or $200,000,000 (b)(ii), the Venezuela Letter of Credit Amount $110,000,000 or $75,000,000
    attest(con, "venezuela_pledged_cash", "1998-07-20", "0.00")
    lc(con, "V1", "1998-08-01", "1999-06-30", "50000000.00")
    lc(con, "G1", "1998-08-15", "1999-06-30", "90000000.00", purpose="general")
    lc(con, "B1", "1998-09-01", "1999-06-30", "95000000.00", purpose="bid_bond")
    outstandings = evaluated(con, "ca-1994/2.1.3(b)(i)(A)")
    # after B1: 50,000,000 + 90,000,000 + 95,000,000 = 235,000,000: within (b)(i), over (b)(ii): waits for the date
    assert outstandings["B1"].status == "indeterminate"
    # V1 alone, 50,000,000, is within both: pass, measured against the lower cap (the least headroom), with the caution
    assert (outstandings["V1"].status, outstandings["V1"].threshold, outstandings["V1"].headroom) == (
        "pass", D("200000000.00"), D("150000000.00"))
    assert "venezuela_bid_bond_obligation_terminated" in outstandings["V1"].cautions[0]
    # (ii): Venezuela Letters of Credit V1 + B1 = 145,000,000 > 110,000,000, the higher amount: fails in either phase,
    # shown against 110,000,000 (the least shortfall, 35,000,000)
    venezuela = evaluated(con, "ca-1994/2.1.3(b)(ii)")["B1"]
    assert (venezuela.status, venezuela.actual, venezuela.threshold, venezuela.headroom) == (
        "fail", D("145000000.00"), D("110000000.00"), D("-35000000.00"))
    assert "venezuela_bid_bond_obligation_terminated" in venezuela.cautions[0]
    assert "Caution:" in venezuela.explanation


def test_one_cent_over_the_higher_phase_fails(con):
    attest(con, "venezuela_pledged_cash", "1998-07-20", "0.00")
    lc(con, "V1", "1998-08-01", "1999-06-30", "50000000.00")
    lc(con, "B1", "1998-09-01", "1999-06-30", "185000000.01", purpose="bid_bond")
    # 50,000,000 + 185,000,000.01 = 235,000,000.01 > 235,000,000 > 200,000,000
    found = evaluated(con, "ca-1994/2.1.3(b)(i)(A)")["B1"]
    assert (found.status, found.headroom) == ("fail", D("-0.01"))


@pytest.mark.parametrize("attested", ["1998-08-15", "1998-09-30"])
def test_a_false_attestation_puts_the_test_in_phase_b_i(con, attested):
    # not terminated as of 1998-08-15 (before the test, standing until a later attestation, R-C60) or as of
    # 1998-09-30 (after it: not terminated then, so not before): $235,000,000 on 1998-09-01
    attest(con, "venezuela_pledged_cash", "1998-07-20", "0.00")
    attest(con, "venezuela_bid_bond_obligation_terminated", attested, "false")
    lc(con, "V1", "1998-08-01", "1999-06-30", "50000000.00")
    lc(con, "B1", "1998-09-01", "1999-06-30", "170000000.00", purpose="bid_bond")
    found = by(con, "ca1994_letter_of_credit_tests", "ca-1994/2.1.3(b)(i)(A)")["1998-09-01"]
    assert (found["threshold"], found["missing_inputs"], found["bounds"]) == (D("235000000.00"), "[]", None)
    # 50,000,000 + 170,000,000 = 220,000,000 <= 235,000,000 (it would exceed (b)(ii)'s 200,000,000)
    assert evaluated(con, "ca-1994/2.1.3(b)(i)(A)")["B1"].status == "pass"


def test_a_later_true_attestation_ends_phase_b_i(con):
    attest(con, "venezuela_pledged_cash", "1998-07-20", "0.00")
    attest(con, "venezuela_bid_bond_obligation_terminated", "1998-08-15", "false")
    attest(con, "venezuela_bid_bond_obligation_terminated", "1998-10-15", "true")
    lc(con, "V1", "1998-08-01", "1999-06-30", "50000000.00")
    lc(con, "G1", "1998-10-15", "1998-12-31", "1000000.00", purpose="general")
    lc(con, "G2", "1998-10-16", "1998-12-31", "1000000.00", purpose="general")
    found = by(con, "ca1994_letter_of_credit_tests", "ca-1994/2.1.3(b)(i)(A)")
    # to and including 1998-10-15: (b)(i); from and excluding it: (b)(ii)
    assert (found["1998-10-15"]["threshold"], found["1998-10-16"]["threshold"]) == (D("235000000.00"), D("200000000.00"))


def test_pledged_cash_is_no_input_of_the_outstandings_test(con):
    # no venezuela_pledged_cash attestation: (i)(B) cannot be told, (i)(A) and (ii) do not use it
    attest(con, "venezuela_bid_bond_obligation_terminated", "1998-10-15", "true")
    lc(con, "V1", "1998-08-01", "1999-06-30", "50000000.00")
    assert by(con, "ca1994_letter_of_credit_tests", "ca-1994/2.1.3(b)(i)(A)")["1998-08-01"]["missing_inputs"] == "[]"
    assert by(con, "ca1994_letter_of_credit_tests", "ca-1994/2.1.3(b)(ii)")["1998-08-01"]["missing_inputs"] == "[]"
    assert "venezuela_pledged_cash" in by(con, "ca1994_letter_of_credit_tests", "ca-1994/2.1.3(b)(i)(B)")["1998-08-01"]["missing_inputs"]


def test_venezuela_cap_worked_example_e19(con):
    # E19: VLC 100,000,000 (30,000,000 of it bid-bond); VPC 50,000,000; Investments 60,000,000
    # exposure 150,000,000 <= 210,000,000 + 30,000,000 - 60,000,000 = 180,000,000
    attest(con, "venezuela_pledged_cash", "1998-07-20", "50000000.00")
    attest(con, "venezuela_bid_bond_obligation_terminated", "1998-12-31", "true")
    add(con, "restricted_payments", transaction_id="RP-V", payment_date="1998-08-15", payment_kind="restricted_investment",
        recipient_kind="other", basket="4.09(b)(VIII)", amount="60000000.00", ca1994_clause="9.2.5(u)")
    lc(con, "V1", "1998-09-01", "1999-06-30", "70000000.00")
    lc(con, "V2", "1998-09-01", "1998-12-31", "30000000.00", purpose="bid_bond")
    build(con, "ca1994_letter_of_credit_tests")
    cap = rows(con, "select * from ca1994_letter_of_credit_tests where clause_id = 'ca-1994/2.1.3(b)(i)(B)' and transaction_id = 'V2'")[0]
    assert (cap["actual"], cap["threshold"]) == (D("150000000.00"), D("180000000.00"))


def test_new_subordinated_debt_cap_and_conditions(con):
    # (D): 450,000,000 is the cap; 450,000,000 outstanding passes at the boundary (450,000,000 <= 450,000,000)
    add(con, "debt_instruments", instrument_id="NSD", ca1994_debt_class="new_subordinated_debt", maturity_date="2003-12-31", is_secured="true")
    add(con, "incurrences", transaction_id="INC-1", incurrence_date="1997-11-15", instrument_id="NSD", amount="450000000.00",
        proceeds_applied_to_instrument_id="SUB", proceeds_applied_amount="440000000.00")
    attest(con, "new_subordinated_debt_issue_costs", "1997-11-15", "10000000.00", reference_id="INC-1")
    attest(con, "ca1994_indenture_form_confirmed", "1997-11-15", "true", reference_id="NSD")
    basket = by(con, "ca1994_basket_tests", "ca-1994/9.2.2(b)(i)(D)")["1997-11-15"]
    assert (basket["actual"], basket["threshold"]) == (D("450000000.00"), D("450000000.00"))
    # secured (1) + matures 2003-12-31, before 2004-01-01 (1); proceeds 440,000,000 = 450,000,000 - 10,000,000 applied (0)
    conditions = by(con, "ca1994_debt_basket_conditions", "ca-1994/9.2.2(b)(i)(D)/conditions")["1997-11-15"]
    assert (conditions["actual"], conditions["missing_inputs"]) == (D("2.00"), "[]")


@pytest.mark.parametrize(("amount", "status", "headroom"), [("50000000.00", "pass", D("0.00")), ("50000000.01", "fail", D("-0.01"))])
def test_additional_new_senior_debt_cap_each_side(con, amount, status, headroom):
    # (C)(1): the aggregate principal "does not exceed $50,000,000" (<=): 50,000,000.00 outstanding passes at the cap,
    # 50,000,000.01 exceeds it by one cent
    add(con, "debt_instruments", instrument_id="ANSD", ca1994_debt_class="additional_new_senior_debt")
    add(con, "incurrences", transaction_id="INC-C", incurrence_date="1997-11-15", instrument_id="ANSD", amount=amount)
    basket = by(con, "ca1994_basket_tests", "ca-1994/9.2.2(b)(i)(C)")["1997-11-15"]
    assert (basket["actual"], basket["threshold"]) == (D(amount), D("50000000.00"))
    result = evaluated(con, "ca-1994/9.2.2(b)(i)(C)")["INC-C"]
    assert (result.status, result.threshold, result.headroom) == (status, D("50000000.00"), headroom)


def test_restrictions_established_by_the_waivers_only(con):
    add(con, "asset_sales", transaction_id="AS-2000-CFT", sale_date="2000-08-25", asset_description="Center for Technology, Pleasanton",
        gross_proceeds="50000000.00", pretax_gain_loss="0.00")
    add(con, "asset_sales", transaction_id="AS-2001-OTHER", sale_date="2001-06-29", asset_description="Warehouse",
        gross_proceeds="5000000.00", pretax_gain_loss="0.00")
    add(con, "asset_sales", transaction_id="AS-2002-LATER", sale_date="2002-02-12", asset_description="After the petition",
        gross_proceeds="5000000.00", pretax_gain_loss="0.00")
    build(con, "ca1994_payment_tests")
    found = {r["transaction_id"]: r for r in rows(con, "select * from ca1994_payment_tests where clause_id = 'ca-1994/9.2.11'")}
    assert set(found) == {"AS-2000-CFT", "AS-2001-OTHER"}  # 2002-02-12: the agreement was replaced
    assert found["AS-2000-CFT"]["actual"] == D("1.00")
    assert found["AS-2001-OTHER"]["actual"] is None and "9.2.11" in found["AS-2001-OTHER"]["missing_inputs"]


def test_waiver_a_cap_counts_parent_offerings_before_december_31_1998_only(con):
    # contributions from KAC: 1997-10-20 (not after the effective date), 1998-12-30 (counts), 1998-12-31 (excluded)
    for txn, day, amount in (("EQ-0", "1997-10-20", "1.00"), ("EQ-1", "1998-12-30", "20000000.00"), ("EQ-2", "1998-12-31", "7.00")):
        add(con, "equity_issuances", transaction_id=txn, issue_date=day, issuer_entity_id="KACC", issuance_kind="capital_contribution",
            purchaser_kind="kac", net_proceeds=amount, is_redeemable="false")
    add(con, "restricted_payments", transaction_id="RP-S", payment_date="1999-03-01", payment_kind="subordinated_debt_retirement",
        recipient_kind="public", basket="4.09(a)", amount="25000000.00", ca1994_clause="9.2.6(b)")
    cap = by(con, "ca1994_waiver_condition_tests", "ca-1994/amend11/waiver-A/cap")["1999-03-01"]
    # 25,000,000 retired against 0 New Subordinated Debt + 20,000,000 offerings: fails the cap
    assert (cap["actual"], cap["threshold"]) == (D("25000000.00"), D("20000000.00"))


def test_maxxam_condition_threshold(con):
    # at or below 11,438,000 the condition holds whatever the interest; above it needs the attested interest
    add(con, "restricted_payments", transaction_id="M1", payment_date="1997-11-14", payment_kind="tax_sharing_payment",
        recipient_kind="maxxam", basket="4.09(b)(III)", amount="11438000.00", ca1994_clause="9.2.14")
    add(con, "restricted_payments", transaction_id="M2", payment_date="1997-12-14", payment_kind="tax_sharing_payment",
        recipient_kind="maxxam", basket="4.09(b)(III)", amount="11500000.00", ca1994_clause="9.2.14")
    build(con, "ca1994_waiver_condition_tests")
    found = {r["transaction_id"]: r for r in rows(con, "select * from ca1994_waiver_condition_tests")}
    assert found["M1"]["threshold"] == D("11438000.00")
    assert found["M2"]["threshold"] is None and "Tax Allocation Agreement" in found["M2"]["missing_inputs"]


@pytest.mark.parametrize(("premium_and_fees", "unmet"), [("4000000.00", "0.00"), ("3999999.99", "1.00")])
def test_new_subordinated_debt_proceeds_applied_count_the_premium(con, premium_and_fees, unmet):
    # (D)(4): net proceeds 50,000,000 - 1,250,000 attested costs = 48,750,000 must go to the Subordinated Notes,
    # "including premium". Applied = 46,000,000 principal + (premium_and_fees - 1,250,000 costs):
    # 46,000,000 + 2,750,000 = 48,750,000 >= 48,750,000 (met, at the boundary);
    # 46,000,000 + 2,749,999.99 = 48,749,999.99 < 48,750,000 (one condition unmet)
    add(con, "debt_instruments", instrument_id="NSD", ca1994_debt_class="new_subordinated_debt", maturity_date="2007-01-15")
    add(con, "incurrences", transaction_id="INC-1", incurrence_date="1998-01-15", instrument_id="NSD", amount="50000000.00",
        basket="4.10(b)(vi)", proceeds_applied_to_instrument_id="SUB", proceeds_applied_amount="46000000.00",
        premium_and_fees=premium_and_fees)
    attest(con, "new_subordinated_debt_issue_costs", "1998-01-15", "1250000.00", reference_id="INC-1")
    attest(con, "ca1994_indenture_form_confirmed", "1998-01-15", "true", reference_id="NSD")
    conditions = by(con, "ca1994_debt_basket_conditions", "ca-1994/9.2.2(b)(i)(D)/conditions")["1998-01-15"]
    assert conditions["actual"] == D(unmet)


def test_ongoing_indebtedness_step_down_counts_principal_retired_from_the_eleventh_amendment(con):
    # 9.2.2(a)(iii): the cap "shall be reduced by an amount equal to the amount of such Subordinated Debt redeemed or
    # retired" (principal, R-C09). Retirements: 1997-10-19 10,000,000 (before the restated text: not counted),
    # 1997-10-20 20,000,000 (counted), 1998-01-15 46,000,000 (counted): cumulative 20,000,000 then
    # 20,000,000 + 46,000,000 = 66,000,000. Item 4 is not available: never a figure, always indeterminate.
    add(con, "debt_instruments", instrument_id="NEW", ca1994_debt_class="other")
    for txn, day, principal in (("R0", "1997-10-19", "10000000.00"), ("R1", "1997-10-20", "20000000.00"), ("R2", "1998-01-15", "46000000.00")):
        add(con, "incurrences", transaction_id=txn, incurrence_date=day, instrument_id="NEW", amount=principal,
            proceeds_applied_to_instrument_id="SUB", proceeds_applied_amount=principal)
    build(con, "ca1994_unsourced_debt_basket_tests")
    found = {(str(r["test_date"]), r["test_kind"]): r for r in rows(
        con, "select * from ca1994_unsourced_debt_basket_tests where clause_id = 'ca-1994/9.2.2(a)(iii)'")}
    assert set(found) == {("1997-10-20", "maintenance"), ("1997-10-20", "transaction"), ("1998-01-15", "transaction")}
    cumulative = {k: json.loads(r["inputs"])["cumulative_subordinated_debt_retired"]["value"] for k, r in found.items()}
    assert cumulative == {("1997-10-20", "maintenance"): "20000000.00", ("1997-10-20", "transaction"): "20000000.00",
                          ("1998-01-15", "transaction"): "66000000.00"}
    # the maintenance row of October 20, 1997 retires nothing itself
    assert json.loads(found[("1997-10-20", "maintenance")]["inputs"])["subordinated_debt_retired"]["value"] == "0.00"
    assert all(r["actual"] is None and r["threshold"] is None for r in found.values())
    assert {r["missing_inputs"] for r in found.values()} == {
        '["Disclosure Schedule item 4 (Ongoing Indebtedness), not available"]'}


def test_ongoing_indebtedness_step_down_counts_cash_redemptions(con):
    # "if the Company shall redeem or retire any Subordinated Debt": a cash redemption steps the cap down by the
    # principal retired (R-C09), whatever was paid (premium and discount alike). Payments:
    #   P0 1997-10-19 SUB 5,000,000 (before the restated text: not counted)
    #   P1 1997-10-20 SUB 20,000,000 principal for 21,000,000 paid (premium 1,000,000): counted at 20,000,000
    #   P2 1998-03-02 SUB 10,000,000 principal bought in the market for 9,500,000: counted at 10,000,000
    #   P3 1998-03-02 OTHER (not Subordinated Debt) 7,000,000: not counted
    #   P4 1998-04-01 a dividend naming no instrument: not counted
    #   P5 1998-06-15 SUB 15,000,000 paid from the proceeds of INC-5 applied the same day (one redemption recorded twice):
    #      counted once, 15,000,000
    #   INC-6 1998-09-01 proceeds 4,000,000 applied to SUB with no payment recorded: counted, 4,000,000
    #   P6 1998-10-01 SUB 250,000 paid with no principal retired (a consent payment): nothing redeemed or retired, no row
    # cumulative: 20,000,000; 30,000,000; 45,000,000; 49,000,000
    add(con, "debt_instruments", instrument_id="OTHER", ca1994_debt_class="other")
    add(con, "debt_instruments", instrument_id="NEW", ca1994_debt_class="new_subordinated_debt")
    for txn, day, instrument, principal, paid in (
        ("P0", "1997-10-19", "SUB", "5000000.00", "5000000.00"),
        ("P1", "1997-10-20", "SUB", "20000000.00", "21000000.00"),
        ("P2", "1998-03-02", "SUB", "10000000.00", "9500000.00"),
        ("P3", "1998-03-02", "OTHER", "7000000.00", "7000000.00"),
        ("P5", "1998-06-15", "SUB", "15000000.00", "15000000.00"),
        ("P6", "1998-10-01", "SUB", "0.00", "250000.00"),
    ):
        add(con, "restricted_payments", transaction_id=txn, payment_date=day, payment_kind="subordinated_debt_retirement",
            recipient_kind="public", basket="4.09(b)(IV)", amount=paid, retired_instrument_id=instrument, principal_retired=principal)
    add(con, "restricted_payments", transaction_id="P4", payment_date="1998-04-01")
    for txn, day, applied in (("INC-5", "1998-06-15", "15000000.00"), ("INC-6", "1998-09-01", "4000000.00")):
        add(con, "incurrences", transaction_id=txn, incurrence_date=day, instrument_id="NEW", amount=applied,
            proceeds_applied_to_instrument_id="SUB", proceeds_applied_amount=applied)
    build(con, "ca1994_unsourced_debt_basket_tests")
    found = {r["transaction_id"]: json.loads(r["inputs"]) for r in rows(
        con, "select * from ca1994_unsourced_debt_basket_tests where clause_id = 'ca-1994/9.2.2(a)(iii)' and test_kind = 'transaction'")}
    assert {txn: (i["subordinated_debt_retired"]["value"], i["cumulative_subordinated_debt_retired"]["value"]) for txn, i in found.items()} == {
        "P1": ("20000000.00", "20000000.00"),
        "P2": ("10000000.00", "30000000.00"),
        "P5": ("15000000.00", "45000000.00"),
        "INC-6": ("4000000.00", "49000000.00"),
    }


def test_senior_debt_has_no_stated_cap_and_is_indeterminate(con):
    # 9.2.2(b)(i)(A) "the Senior Debt": no amount in the restated text. Outstanding on 1997-10-20 = the 1997-09-30
    # balance 225,000,000; on 1998-03-10, the day of an issue of 25,000,000: the 1998-02-28 balance 225,000,000 +
    # 25,000,000 incurred since = 250,000,000 (the 1998-03-31 balance is not yet known on that date).
    add(con, "debt_instruments", instrument_id="SEN", ca1994_debt_class="senior_debt")
    for day, balance in (("1997-09-30", "225000000.00"), ("1998-02-28", "225000000.00"), ("1998-03-31", "250000000.00")):
        add(con, "debt_balances", instrument_id="SEN", period_end=day, principal_outstanding=balance)
    add(con, "incurrences", transaction_id="INC-S", incurrence_date="1998-03-10", instrument_id="SEN", amount="25000000.00")
    found = by(con, "ca1994_unsourced_debt_basket_tests", "ca-1994/9.2.2(b)(i)(A)")
    assert {d: (r["test_kind"], r["actual"], r["threshold"]) for d, r in found.items()} == {
        "1997-10-20": ("maintenance", D("225000000.00"), None),
        "1998-03-10": ("transaction", D("250000000.00"), None),
    }
    assert all("definition of Senior Debt" in r["missing_inputs"] for r in found.values())


def test_pricing_interest_coverage_ratio_for_four_fiscal_quarters(con):
    # Per quarter of 1998: KACC interest 10,000,000; V90 (90% owned, consolidated in full) 1,000,000; JV (proportional)
    # 500,000 plus 200,000 its partners bear (booked on their own line). Consolidated interest expense 11,700,000.
    # (iii): V90's other owners 10% x 1,000,000 = 100,000 (A); JV's partners bear 200,000 (B): 300,000.
    # ca1994_pricing_items per quarter: EBITDA 30,000,000, Adjusted Capital Expenditures 5,000,000, PIK Note interest
    # 400,000 of which 100,000 paid in cash (300,000 excluded), Equity Proceeds Notes interest 50,000 all paid in cash
    # (nothing excluded), interest income 250,000. Venezuela Investments made: 6,000,000 on 1998-08-15 (a return of
    # 1,000,000 on 1998-11-01 is not deducted: "made").
    # Four quarters ending 1998-12-31: (a) 4 x 30,000,000 - 4 x 5,000,000 - 6,000,000 = 94,000,000;
    # (b) 4 x (11,700,000 - 300,000) - 4 x 250,000 - 4 x 300,000 = 43,400,000; 94,000,000 / 43,400,000 = 2.165899 (6 places)
    add(con, "entities", entity_id="V90", ownership_pct="0.900000")
    add(con, "entities", entity_id="JV", role="joint_venture", is_subsidiary="false", is_joint_venture="true",
        ownership_pct="0.650000", consolidation_method="proportional")
    for n, quarter_end in enumerate(("1998-03-31", "1998-06-30", "1998-09-30", "1998-12-31"), start=1):
        tb(con, quarter_end, "interest_expense", f"{10000000 * n}.00")
        tb(con, quarter_end, "interest_expense", f"{1000000 * n}.00", entity="V90")
        tb(con, quarter_end, "interest_expense", f"{500000 * n}.00", entity="JV")
        tb(con, quarter_end, "interest_expense_borne_by_jv_partners", f"{200000 * n}.00", entity="JV")
        add(con, "ca1994_pricing_items", quarter_end=quarter_end, ebitda="30000000.00", adjusted_capital_expenditures="5000000.00",
            pik_note_interest="400000.00", pik_note_interest_paid_in_cash="100000.00", equity_proceeds_notes_interest="50000.00",
            equity_proceeds_notes_interest_paid_in_cash="50000.00", interest_income="250000.00")
    add(con, "restricted_payments", transaction_id="RP-V", payment_date="1998-08-15", payment_kind="restricted_investment",
        recipient_kind="other", basket="4.09(b)(VIII)", amount="6000000.00", ca1994_clause="9.2.5(u)")
    add(con, "restricted_payments", transaction_id="RP-VR", payment_date="1998-11-01", payment_kind="return_of_investment",
        recipient_kind="other", basket="4.09(b)(VIII)", amount="1000000.00", ca1994_clause="9.2.5(u)", returns_transaction_id="RP-V")
    found = by(con, "ca1994_pricing_tests", "ca-1994/3.4.1")
    december = json.loads(found["1998-12-31"]["inputs"])
    assert {k: december[k]["value"] for k in ("numerator", "denominator", "minority_interest_expense", "pricing_interest_coverage_ratio")} == {
        "numerator": "94000000.00", "denominator": "43400000.00", "minority_interest_expense": "1200000.00",
        "pricing_interest_coverage_ratio": "2.165899"}
    # the grid is still missing: indeterminate, naming it and nothing else
    assert json.loads(found["1998-12-31"]["missing_inputs"]) == [
        "Section 3.4.1 of the Credit Agreement of February 15, 1994: the pricing grid and the period of the Pricing Interest "
        "Coverage Ratio (base text not available, R-C07)"]
    # September 1998: only three quarters of 1998 are reported
    assert "trial balances for the four Fiscal Quarters ending 1998-09-30" in found["1998-09-30"]["missing_inputs"]


def test_pricing_items_missing_for_a_quarter_are_named(con):
    for quarter_end in ("1998-03-31", "1998-06-30", "1998-09-30", "1998-12-31"):
        tb(con, quarter_end, "interest_expense", "1.00")
    add(con, "ca1994_pricing_items", quarter_end="1998-03-31", ebitda=None)
    missing = json.loads(by(con, "ca1994_pricing_tests", "ca-1994/3.4.1")["1998-12-31"]["missing_inputs"])
    assert "EBITDA (base Credit Agreement definition) for the Fiscal Quarter ending 1998-03-31" in missing
    assert "ca1994_pricing_items for the Fiscal Quarter ending 1998-06-30" in missing


def test_ongoing_indebtedness_steps_down_for_a_single_dollar_of_principal_retired(con):
    # "reduced by an amount equal to the amount of such Subordinated Debt redeemed or retired": any principal retired,
    # however small, steps the cap down. P1 1998-03-02 pays 1.00 to retire 1.00 of SUB's principal; INC-2 1998-04-01
    # applies 1.00 of its proceeds to SUB: one row each, 1.00 retired; cumulative 1.00, then 2.00.
    add(con, "debt_instruments", instrument_id="NEW", ca1994_debt_class="other")
    add(con, "restricted_payments", transaction_id="P1", payment_date="1998-03-02", payment_kind="subordinated_debt_retirement",
        recipient_kind="public", basket="4.09(b)(IV)", amount="1.00", retired_instrument_id="SUB", principal_retired="1.00")
    add(con, "incurrences", transaction_id="INC-2", incurrence_date="1998-04-01", instrument_id="NEW", amount="1.00",
        proceeds_applied_to_instrument_id="SUB", proceeds_applied_amount="1.00")
    build(con, "ca1994_unsourced_debt_basket_tests")
    found = {r["transaction_id"]: json.loads(r["inputs"]) for r in rows(
        con, "select * from ca1994_unsourced_debt_basket_tests where clause_id = 'ca-1994/9.2.2(a)(iii)' and test_kind = 'transaction'")}
    assert {txn: (i["subordinated_debt_retired"]["value"], i["cumulative_subordinated_debt_retired"]["value"]) for txn, i in found.items()} == {
        "P1": ("1.00", "1.00"), "INC-2": ("1.00", "2.00")}


def test_pricing_ratio_over_an_interest_expense_of_one_dollar(con):
    # Interest expense 0.25 in each quarter of 1998 (year-to-date 0.25, 0.50, 0.75, 1.00), nothing deducted from it:
    # denominator 1.00, positive, so the ratio is stated: EBITDA 4 x 1,000,000 - Adjusted Capital Expenditures 0 =
    # 4,000,000.00; 4,000,000.00 / 1.00 = 4000000.000000 (6 places), and no positive denominator is asked for.
    for n, quarter_end in enumerate(("1998-03-31", "1998-06-30", "1998-09-30", "1998-12-31"), start=1):
        tb(con, quarter_end, "interest_expense", f"0.{25 * n}" if n < 4 else "1.00")
        add(con, "ca1994_pricing_items", quarter_end=quarter_end, ebitda="1000000.00", adjusted_capital_expenditures="0.00")
    found = by(con, "ca1994_pricing_tests", "ca-1994/3.4.1")["1998-12-31"]
    inputs = json.loads(found["inputs"])
    assert (inputs["denominator"]["value"], inputs["pricing_interest_coverage_ratio"]["value"]) == ("1.00", "4000000.000000")
    assert not any("positive denominator" in m for m in json.loads(found["missing_inputs"]))
