"""indebtedness, indebtedness_basket_ledger, indebtedness_basket_tests: Indebtedness with its exclusions (D) and the
NRMC limb of (A) (R-I13), the 4.10(b)(iii) caps with Alpart owned 65% (E18), and 4.10(b)(viii)'s fiscal-year reset and
net-borrowings rule (y). Expected figures are derived by hand beside each assertion."""

import json
from decimal import Decimal

from raw_tables import add, attest, build, rows

M = Decimal


def ledger(con, clause_id):
    return rows(con, "select * from indebtedness_basket_ledger where clause_id = ? order by entry_date, transaction_id", [clause_id])


def basket_tests(con, clause_id):
    return {r["transaction_id"]: r for r in rows(con, "select * from indebtedness_basket_tests where clause_id = ?", [clause_id])}


def test_letters_of_credit_collateralised_by_cash_and_the_nrmc_limb_within_7_500_000_are_excluded(con):
    add(con, "debt_instruments", instrument_id="REV", instrument_kind="revolving_credit", indenture_basket="4.10(b)(ii)")
    add(con, "debt_instruments", instrument_id="NRMC1", instrument_kind="other", indenture_basket="4.10(b)(xiii)", indebtedness_exclusion="A-nrmc")
    add(con, "debt_instruments", instrument_id="NRMC2", instrument_kind="other", indenture_basket="4.10(b)(xiii)", indebtedness_exclusion="A-nrmc")
    add(con, "debt_instruments", instrument_id="LEASE", instrument_kind="capital_lease", indenture_basket="4.10(b)(vii)")
    for instrument, principal in (("REV", "100000000.00"), ("NRMC1", "5000000.00"), ("NRMC2", "4000000.00"), ("LEASE", "8000000.00")):
        add(con, "debt_balances", instrument_id=instrument, period_end="2000-12-31", principal_outstanding=principal)
    add(con, "letters_of_credit", lc_id="LC-CASH", facility_instrument_id="REV", beneficiary="b", purpose="general",
        issue_date="2000-01-01", expiry_date="2001-12-31", stated_amount="3000000.00", cash_collateralized="true")
    add(con, "letters_of_credit", lc_id="LC-OPEN", facility_instrument_id="REV", beneficiary="b", purpose="general",
        issue_date="2000-01-01", expiry_date="2001-12-31", stated_amount="2000000.00", cash_collateralized="false")
    build(con, "indebtedness")
    found = {r["instrument_id"]: r for r in rows(con, "select * from indebtedness where period_end = date '2000-12-31'")}
    assert found["REV"]["indebtedness"] == M("100000000.00")  # clause (a), no exclusion
    assert (found["LC-CASH"]["excluded_amount"], found["LC-CASH"]["indebtedness"]) == (M("3000000.00"), M("0.00"))  # (D)
    assert found["LC-OPEN"]["indebtedness"] == M("2000000.00")  # reimbursement obligation at its maximum liability
    # NRMC limb: 5,000,000 + 4,000,000 = 9,000,000 against the 7,500,000 cap; NRMC1 (first by id) excluded whole,
    # NRMC2 excluded 7,500,000 - 5,000,000 = 2,500,000, so 4,000,000 - 2,500,000 = 1,500,000 is Indebtedness
    assert found["NRMC1"]["indebtedness"] == M("0.00")
    assert (found["NRMC2"]["excluded_amount"], found["NRMC2"]["indebtedness"]) == (M("2500000.00"), M("1500000.00"))
    assert (found["LEASE"]["indebtedness_clause"], found["LEASE"]["indebtedness"]) == ("c", M("8000000.00"))


def test_alpart_combined_cap_with_the_company_owning_65_percent(con):
    add(con, "entities", entity_id="ALPART", role="joint_venture", is_subsidiary="true", ownership_pct="0.650000", consolidation_method="proportional")
    add(con, "debt_instruments", instrument_id="AL", obligor_entity_id="ALPART", indenture_basket="4.10(b)(iii)(A)")
    add(con, "debt_instruments", instrument_id="CO", obligor_entity_id="KACC", indenture_basket="4.10(b)(iii)(B)")
    add(con, "incurrences", transaction_id="A1", incurrence_date="1998-03-02", instrument_id="AL", amount="60000000.00", basket="4.10(b)(iii)(A)")
    add(con, "incurrences", transaction_id="B1", incurrence_date="1998-03-09", instrument_id="CO", amount="90000000.00", basket="4.10(b)(iii)(B)")
    add(con, "incurrences", transaction_id="B2", incurrence_date="1998-03-16", instrument_id="CO", amount="7500000.00", basket="4.10(b)(iii)(B)")
    build(con, "indebtedness_basket_tests")
    b = basket_tests(con, "indenture-1996/4.10(b)(iii)(B)")
    # (B) cap = 150,000,000 x 0.65 = 97,500,000; B1 90,000,000, B2 takes it to exactly 97,500,000
    assert (b["B1"]["actual"], b["B1"]["threshold"]) == (M("90000000.00"), M("97500000.00"))
    assert (b["B2"]["actual"], b["B2"]["threshold"]) == (M("97500000.00"), M("97500000.00"))
    combined = basket_tests(con, "indenture-1996/4.10(b)(iii)")
    # (A) + (B): 60,000,000 + 90,000,000 = 150,000,000 (at the cap), + 7,500,000 = 157,500,000 > 150,000,000
    assert combined["B1"]["actual"] == M("150000000.00")
    assert (combined["B2"]["actual"], combined["B2"]["threshold"]) == (M("157500000.00"), M("150000000.00"))


def test_facilities_caps_reset_each_fiscal_year_and_repayments_free_nothing(con):
    add(con, "debt_instruments", instrument_id="FAB", indenture_basket="4.10(b)(viii)", instrument_kind="term_loan")
    add(con, "incurrences", transaction_id="F1", incurrence_date="2000-04-14", instrument_id="FAB", amount="60000000.00", basket="4.10(b)(viii)", basket_detail="A-IV")
    add(con, "incurrences", transaction_id="F2", incurrence_date="2000-09-15", instrument_id="FAB", amount="20000000.00", basket="4.10(b)(viii)", basket_detail="A-IV")
    add(con, "incurrences", transaction_id="F3", incurrence_date="2001-01-15", instrument_id="FAB", amount="20000000.00", basket="4.10(b)(viii)", basket_detail="A-IV")
    add(con, "incurrences", transaction_id="F4", incurrence_date="2001-02-15", instrument_id="FAB", amount="5000000.00", basket="4.10(b)(viii)")
    # 60,000,000 repaid in August 2000: a fiscal-year basket counts Incurrences, so nothing is freed
    add(con, "debt_balances", instrument_id="FAB", period_end="2000-04-30", principal_outstanding="60000000.00")
    add(con, "debt_balances", instrument_id="FAB", period_end="2000-08-31", principal_outstanding="0.00")
    build(con, "indebtedness_basket_tests")
    fab = basket_tests(con, "indenture-1996/4.10(b)(viii)(A)(IV)")
    assert (fab["F2"]["actual"], fab["F2"]["threshold"]) == (M("80000000.00"), M("75000000.00"))  # 60 + 20 > 75 in FY2000
    assert fab["F3"]["actual"] == M("20000000.00")  # FY2001 starts again from zero, no carry-over
    combined = basket_tests(con, "indenture-1996/4.10(b)(viii)")
    assert combined["F4"]["missing_inputs"] != "[]"  # no sub-clause: indeterminate
    assert combined["F4"]["actual"] == M("25000000.00")  # 20,000,000 + 5,000,000 in FY2001


def test_a_subsidiary_revolving_line_counts_net_borrowings_in_the_fiscal_year(con):
    add(con, "entities", entity_id="SUB", role="subsidiary")
    add(con, "debt_instruments", instrument_id="LINE", obligor_entity_id="SUB", instrument_kind="revolving_credit", indenture_basket="4.10(b)(viii)")
    add(con, "incurrences", transaction_id="R1", incurrence_date="2002-02-01", instrument_id="LINE", amount="30000000.00", basket="4.10(b)(viii)", basket_detail="C")
    add(con, "debt_balances", instrument_id="LINE", period_end="2002-02-28", principal_outstanding="30000000.00")
    add(con, "debt_balances", instrument_id="LINE", period_end="2002-03-31", principal_outstanding="10000000.00")  # 20,000,000 repaid
    add(con, "incurrences", transaction_id="R2", incurrence_date="2002-04-10", instrument_id="LINE", amount="25000000.00", basket="4.10(b)(viii)", basket_detail="C")
    add(con, "incurrences", transaction_id="R3", incurrence_date="2003-01-10", instrument_id="LINE", amount="5000000.00", basket="4.10(b)(viii)", basket_detail="C")
    build(con, "indebtedness_basket_tests")
    c = basket_tests(con, "indenture-1996/4.10(b)(viii)(C)")
    assert c["R1"]["actual"] == M("30000000.00")
    # gross borrowings 30,000,000 + 25,000,000 = 55,000,000 > 40,000,000, but net = 55,000,000 - 20,000,000 = 35,000,000
    assert (c["R2"]["actual"], c["R2"]["threshold"]) == (M("35000000.00"), M("40000000.00"))
    assert c["R3"]["actual"] == M("5000000.00")  # FY2003: only the year's own borrowings
    repayment = [r for r in ledger(con, "indenture-1996/4.10(b)(viii)(C)") if r["entry_date"].isoformat() == "2002-03-31"]
    assert [r["amount"] for r in repayment] == [M("-20000000.00")]


def test_at_any_one_time_baskets_are_freed_by_repayments(con):
    add(con, "debt_instruments", instrument_id="QAL", obligor_entity_id="KACC", indenture_basket="4.10(b)(iv)")
    add(con, "incurrences", transaction_id="Q1", incurrence_date="1999-06-15", instrument_id="QAL", amount="70000000.00", basket="4.10(b)(iv)")
    add(con, "debt_balances", instrument_id="QAL", period_end="1999-06-30", principal_outstanding="70000000.00")
    add(con, "debt_balances", instrument_id="QAL", period_end="1999-07-31", principal_outstanding="50000000.00")
    add(con, "incurrences", transaction_id="Q2", incurrence_date="1999-08-16", instrument_id="QAL", amount="25000000.00", basket="4.10(b)(iv)")
    build(con, "indebtedness_basket_tests")
    q = basket_tests(con, "indenture-1996/4.10(b)(iv)")
    assert q["Q2"]["actual"] == M("75000000.00")  # 70,000,000 - 20,000,000 repaid + 25,000,000 = exactly the cap
    entries = ledger(con, "indenture-1996/4.10(b)(iv)")
    assert [(r["amount"], r["usage_after"], r["remaining"]) for r in entries] == [
        (M("70000000.00"), M("70000000.00"), M("5000000.00")),
        (M("-20000000.00"), M("50000000.00"), M("25000000.00")),
        (M("25000000.00"), M("75000000.00"), M("0.00")),
    ]


def test_a_letter_of_credit_uses_the_basket_through_its_expiry_date_and_frees_it_the_day_after(con):
    # a 2,000,000 letter of credit under the revolver's 4.10(b)(ii), expiring June 30, 2000: outstanding that whole
    # day, so the release is entered on July 1
    add(con, "debt_instruments", instrument_id="REV", instrument_kind="revolving_credit", indenture_basket="4.10(b)(ii)")
    add(con, "debt_balances", instrument_id="REV", period_end="2000-01-31", principal_outstanding="0.00")
    add(con, "letters_of_credit", lc_id="LC1", facility_instrument_id="REV", beneficiary="b", purpose="general",
        issue_date="2000-01-10", expiry_date="2000-06-30", stated_amount="2000000.00", cash_collateralized="false")
    build(con, "indebtedness_basket_ledger")
    letters = [(str(r["entry_date"]), r["amount"]) for r in ledger(con, "indenture-1996/4.10(b)(ii)") if r["transaction_id"].startswith("LC1")]
    assert letters == [("2000-01-10", M("2000000.00")), ("2000-07-01", M("-2000000.00"))]


def test_a_month_end_without_a_balance_is_a_repayment_of_all_of_it(con):
    # the extract lists outstanding instruments only: QAL has no row at August 31 while another instrument does, so
    # its 70,000,000 is repaid then (no row = zero principal) and the basket is free again
    add(con, "debt_instruments", instrument_id="QAL", obligor_entity_id="KACC", indenture_basket="4.10(b)(iv)")
    add(con, "debt_instruments", instrument_id="OTHER", obligor_entity_id="KACC")
    add(con, "incurrences", transaction_id="Q1", incurrence_date="1999-06-15", instrument_id="QAL", amount="70000000.00", basket="4.10(b)(iv)")
    add(con, "debt_balances", instrument_id="QAL", period_end="1999-06-30", principal_outstanding="70000000.00")
    add(con, "debt_balances", instrument_id="QAL", period_end="1999-07-31", principal_outstanding="70000000.00")
    add(con, "debt_balances", instrument_id="OTHER", period_end="1999-08-31", principal_outstanding="1000000.00")
    build(con, "indebtedness_basket_tests")
    entries = ledger(con, "indenture-1996/4.10(b)(iv)")
    assert [(str(r["entry_date"]), r["amount"], r["usage_after"], r["remaining"]) for r in entries] == [
        ("1999-06-15", M("70000000.00"), M("70000000.00"), M("5000000.00")),  # 75,000,000 - 70,000,000
        ("1999-08-31", M("-70000000.00"), M("0.00"), M("75000000.00")),
    ]


def test_refinancing_limited_to_the_refinanced_amount_plus_premium_and_fees(con):
    add(con, "debt_instruments", instrument_id="OLD")
    add(con, "debt_instruments", instrument_id="NEW")
    add(con, "incurrences", transaction_id="RF", incurrence_date="2001-08-15", instrument_id="NEW", amount="51600000.00", basket="4.10(b)(vi)",
        proceeds_applied_to_instrument_id="OLD", proceeds_applied_amount="50000000.00", premium_and_fees="1500000.00")
    build(con, "indebtedness_basket_tests")
    row = basket_tests(con, "indenture-1996/4.10(b)(vi)")["RF"]
    assert (row["actual"], row["threshold"]) == (M("51600000.00"), M("51500000.00"))  # 50,000,000 + 1,500,000 < 51,600,000


def test_indebtedness_clauses_d_to_g_and_the_nrmc_limb_of_a_guarantee(con):
    def instrument(instrument_id, principal, **values):
        add(con, "debt_instruments", instrument_id=instrument_id, indenture_basket="4.10(b)(xii)", **values)
        add(con, "debt_balances", instrument_id=instrument_id, period_end="2000-12-31", principal_outstanding=principal)

    instrument("LIEN-FMV", "10000000.00", obligor_relationship="lien_for_third_party")
    instrument("LIEN-DEBT", "3000000.00", obligor_relationship="lien_for_third_party")
    instrument("LIEN-NO-FMV", "4000000.00", obligor_relationship="lien_for_third_party")
    instrument("PREF-2006", "25000000.00", instrument_kind="preferred_stock", maturity_date="2006-10-15")
    instrument("PREF-LATER", "40000000.00", instrument_kind="preferred_stock", maturity_date="2006-10-16")
    instrument("GUAR", "7000000.00", obligor_relationship="guarantee_of_third_party")
    instrument("GUAR-NRMC", "7500000.00", obligor_relationship="guarantee_of_third_party", indebtedness_exclusion="A-nrmc")
    instrument("PENSION", "9000000.00", instrument_kind="assumed_pension_obligations")
    instrument("PENSION-NO-CERT", "2000000.00", instrument_kind="assumed_pension_obligations")
    attest(con, "encumbered_asset_fair_market_value", "2000-06-30", "6000000.00", reference_id="LIEN-FMV")
    attest(con, "encumbered_asset_fair_market_value", "2000-06-30", "5000000.00", reference_id="LIEN-DEBT")
    attest(con, "assumed_pension_obligations_cfo_certificate", "2000-09-30", "8500000.00", reference_id="PENSION")
    build(con, "indebtedness")
    found = {r["instrument_id"]: r for r in rows(con, "select * from indebtedness where period_end = date '2000-12-31'")}

    def seen(instrument_id):
        r = found[instrument_id]
        return r["indebtedness_clause"], r["indebtedness"], r["missing_inputs"]

    # (d) "the lesser of the fair market value ... and the amount of the Indebtedness secured"
    # [Indenture § 1.01, “Indebtedness”]
    assert seen("LIEN-FMV") == ("d", M("6000000.00"), [])  # min(6,000,000 FMV, 10,000,000 secured)
    assert seen("LIEN-DEBT") == ("d", M("3000000.00"), [])  # min(5,000,000 FMV, 3,000,000 secured)
    clause, amount, missing = seen("LIEN-NO-FMV")  # no FMV: the secured amount stands, indeterminate
    assert (clause, amount) == ("d", M("4000000.00")) and "encumbered_asset_fair_market_value of LIEN-NO-FMV" in missing[0]
    # (e) Redeemable on 2006-10-15, "on or prior to the scheduled maturity date of the Notes": at its liquidation value;
    # redeemable a day later: not Redeemable Stock, not Indebtedness
    assert seen("PREF-2006") == ("e", M("25000000.00"), [])
    assert "PREF-LATER" not in found
    # (f) at the guarantee's maximum liability; a guarantee of NRMC's obligations is excluded by (A) within 7,500,000:
    # exactly the cap, so all of it
    assert seen("GUAR") == ("f", M("7000000.00"), [])
    assert seen("GUAR-NRMC") == ("f", M("0.00"), [])
    # (g) at the CFO certificate's 8,500,000 (not the register's 9,000,000); none: the register's, indeterminate
    assert seen("PENSION") == ("g", M("8500000.00"), [])
    clause, amount, missing = seen("PENSION-NO-CERT")
    assert (clause, amount) == ("g", M("2000000.00")) and "assumed_pension_obligations_cfo_certificate of PENSION-NO-CERT" in missing[0]


def test_a_board_resolution_reduces_the_credit_agreement_basket_from_the_day_it_takes_effect(con):
    # (ii) "not to exceed $400,000,000, as reduced from time to time by any permanent reduction in such amount as set
    # forth in a Board Resolution" [Indenture § 4.10(b)(ii)]; a Board Resolution is one "delivered to the Trustee"
    # [Indenture § 1.01, “Board Resolution”], and counts from the later of delivery and its effective date (R-I60)
    add(con, "debt_instruments", instrument_id="REV", instrument_kind="revolving_credit", indenture_basket="4.10(b)(ii)")
    add(con, "board_resolutions", resolution_id="BR-1", adopted_on="1999-03-10", delivered_to_trustee_on="1999-03-12",
        effective_date="1999-04-01", amount="50000000.00")
    add(con, "board_resolutions", resolution_id="BR-2", adopted_on="1999-05-20", delivered_to_trustee_on="1999-06-01",
        effective_date="1999-05-25", amount="30000000.00")
    for transaction_id, on, amount in (("I1", "1999-03-01", "300000000.00"), ("I2", "1999-03-31", "50000000.00"),
                                       ("I3", "1999-04-01", "0.01"), ("I4", "1999-05-31", "0.00"), ("I5", "1999-06-01", "0.00")):
        add(con, "incurrences", transaction_id=transaction_id, incurrence_date=on, instrument_id="REV", amount=amount, basket="4.10(b)(ii)")
    build(con, "indebtedness_basket_tests")
    ii = basket_tests(con, "indenture-1996/4.10(b)(ii)")
    # the day before BR-1's effective date: 300,000,000 + 50,000,000 = 350,000,000 against the full 400,000,000
    assert (ii["I2"]["actual"], ii["I2"]["threshold"]) == (M("350000000.00"), M("400000000.00"))
    assert json.loads(ii["I2"]["inputs"])["capacity"] == {"value": "400000000.00", "clause_id": "indenture-1996/4.10(b)(ii)"}  # none reduced it
    # on it: 400,000,000 - 50,000,000 = 350,000,000; one cent more is over
    assert (ii["I3"]["actual"], ii["I3"]["threshold"]) == (M("350000000.01"), M("350000000.00"))
    assert '"reduced_by":["BR-1 (board_resolutions row 2): 50000000.00"]' in ii["I3"]["inputs"]
    # BR-2 is effective 1999-05-25 but delivered 1999-06-01: not yet on 1999-05-31; from 1999-06-01 350,000,000 - 30,000,000
    assert ii["I4"]["threshold"] == M("350000000.00")
    assert ii["I5"]["threshold"] == M("320000000.00")
    entries = [(r["entry_date"].isoformat(), r["transaction_id"], r["amount"], r["capacity"])
               for r in ledger(con, "indenture-1996/4.10(b)(ii)") if r["transaction_id"].startswith("BR")]
    assert entries == [("1999-04-01", "BR-1", M("0.00"), M("350000000.00")), ("1999-06-01", "BR-2", M("0.00"), M("320000000.00"))]


def test_refinancing_cap_includes_the_accrued_interest_refinanced(con):
    # (vi)(A) "the aggregate amount of such Refinanced Indebtedness (including accrued interest thereon ...), the amount
    # of any premium ... and ... the reasonable fees and expenses" [Indenture § 4.10(b)(vi)(A)]
    add(con, "debt_instruments", instrument_id="OLD")
    add(con, "debt_instruments", instrument_id="NEW")
    for transaction_id, amount in (("RF-AT", "53500000.00"), ("RF-OVER", "53500000.01")):
        add(con, "incurrences", transaction_id=transaction_id, incurrence_date="2001-08-15", instrument_id="NEW", amount=amount,
            basket="4.10(b)(vi)", proceeds_applied_to_instrument_id="OLD", proceeds_applied_amount="50000000.00",
            accrued_interest_refinanced="2000000.00", premium_and_fees="1500000.00")
    build(con, "indebtedness_basket_tests")
    found = basket_tests(con, "indenture-1996/4.10(b)(vi)")
    # cap = 50,000,000 principal + 2,000,000 accrued interest + 1,500,000 premium and fees = 53,500,000: at it, and a cent over
    assert (found["RF-AT"]["actual"], found["RF-AT"]["threshold"]) == (M("53500000.00"), M("53500000.00"))
    assert (found["RF-OVER"]["actual"], found["RF-OVER"]["threshold"]) == (M("53500000.01"), M("53500000.00"))
    assert '"accrued_interest_refinanced":{"value":"2000000.00"' in found["RF-AT"]["inputs"]
