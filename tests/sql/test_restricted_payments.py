"""indenture-1996/4.09: USIO, cumulative Consolidated Net Income from a cut-over, the 4.09(a)(C) builder basket and
the (VIII) general basket at its cap, on literal raw rows. Each expected figure is derived by hand in the comment
beside it."""

import json
from dataclasses import replace
from decimal import Decimal

import pytest
from raw_tables import add, attest, attest_cni_quarters, build, one, rows, tb

from pipelines.policy.evaluation import evaluate_all
from pipelines.policy.loading import load_policies

CUT_OVER = "1996-12-31"


def usio(con):
    return rows(con, "select * from unrestricted_subsidiary_investments_outstanding order by entry_date, transaction_id")


def test_usio_is_investments_less_cash_returns_floored_at_zero(con):
    add(con, "entities", entity_id="UNR", role="subsidiary", is_subsidiary="false", is_unrestricted_subsidiary="true")
    # on the indenture's date: not "after the date hereof", so not counted
    add(con, "restricted_payments", transaction_id="U0", payment_date="1996-12-23", payment_kind="unrestricted_subsidiary_investment",
        recipient_kind="unrestricted_subsidiary", amount="1000000.00", unrestricted_subsidiary_id="UNR")
    add(con, "restricted_payments", transaction_id="U1", payment_date="1997-03-01", payment_kind="unrestricted_subsidiary_investment",
        recipient_kind="unrestricted_subsidiary", amount="6000000.00", unrestricted_subsidiary_id="UNR")
    add(con, "restricted_payments", transaction_id="R1", payment_date="1997-06-01", payment_kind="return_of_investment",
        recipient_kind="unrestricted_subsidiary", amount="2000000.00", returns_transaction_id="U1")
    add(con, "restricted_payments", transaction_id="R2", payment_date="1997-09-01", payment_kind="return_of_investment",
        recipient_kind="unrestricted_subsidiary", amount="5000000.00", returns_transaction_id="U1")
    build(con, "unrestricted_subsidiary_investments_outstanding")
    entries = usio(con)
    assert [e["transaction_id"] for e in entries] == ["U1", "R1", "R2"]
    # 6,000,000 invested; 6,000,000 - 2,000,000 = 4,000,000; 6,000,000 - 7,000,000 floored at 0
    assert [e["usio_after"] for e in entries] == [Decimal("6000000.00"), Decimal("4000000.00"), Decimal("0.00")]
    # R2: 5,000,000 received, 4,000,000 needed to bring USIO to zero, 1,000,000 in excess (4.09(a)(C)(III))
    assert entries[2]["excess_distribution"] == Decimal("1000000.00")


def test_usio_is_reduced_by_cash_received_and_by_releases_but_not_by_property(con):
    add(con, "entities", entity_id="UNR", role="subsidiary", is_subsidiary="false", is_unrestricted_subsidiary="true")
    # SUBX: a Subsidiary that is not a Subsidiary Guarantor
    add(con, "entities", entity_id="SUBX", role="subsidiary")
    add(con, "restricted_payments", transaction_id="U1", payment_date="1997-03-01", payment_kind="unrestricted_subsidiary_investment",
        recipient_kind="unrestricted_subsidiary", amount="6000000.00", unrestricted_subsidiary_id="UNR")
    add(con, "restricted_payments", transaction_id="G1", payment_date="1997-03-02", payment_kind="unrestricted_subsidiary_investment",
        recipient_kind="unrestricted_subsidiary", amount="3000000.00", unrestricted_subsidiary_id="UNR", investment_form="guarantee")
    # property returned to the Company: not a reduction "received ... in cash or Cash Equivalents"
    # [Indenture § 1.01, “Unrestricted Subsidiary Investments Outstanding” (ii)]
    add(con, "restricted_payments", transaction_id="R-PROP", payment_date="1997-04-01", payment_kind="return_of_investment",
        recipient_kind="unrestricted_subsidiary", amount="1000000.00", returns_transaction_id="U1", investment_form="property")
    # cash received by SUBX, not a Subsidiary Guarantor: not counted
    add(con, "restricted_payments", transaction_id="R-SUBX", payment_date="1997-05-01", payment_kind="return_of_investment",
        recipient_kind="unrestricted_subsidiary", amount="500000.00", returns_transaction_id="U1", payer_entity_id="SUBX")
    # cash received by the Company: counted
    add(con, "restricted_payments", transaction_id="R-CASH", payment_date="1997-06-01", payment_kind="return_of_investment",
        recipient_kind="unrestricted_subsidiary", amount="2000000.00", returns_transaction_id="U1")
    # SUBX's guarantee released to the extent of 2,500,000: a reduction "of the kind referred to in clause (iii)", counted
    # although nothing is received by the Company or a Subsidiary Guarantor
    add(con, "restricted_payments", transaction_id="R-REL", payment_date="1997-07-01", payment_kind="return_of_investment",
        recipient_kind="unrestricted_subsidiary", amount="2500000.00", returns_transaction_id="G1", investment_form="guarantee",
        payer_entity_id="SUBX")
    # then 6,000,000 cash to the Company, of which 4,500,000 brings USIO to zero
    add(con, "restricted_payments", transaction_id="R-BIG", payment_date="1997-08-01", payment_kind="return_of_investment",
        recipient_kind="unrestricted_subsidiary", amount="6000000.00", returns_transaction_id="U1")
    build(con, "unrestricted_subsidiary_investments_outstanding")
    entries = {e["transaction_id"]: e for e in usio(con)}
    # U1 6,000,000; G1 9,000,000; R-PROP and R-SUBX leave 9,000,000; R-CASH 7,000,000; R-REL 7,000,000 - 2,500,000 =
    # 4,500,000; R-BIG 4,500,000 - 6,000,000 floored at 0
    assert [entries[t]["usio_after"] for t in ("U1", "G1", "R-PROP", "R-SUBX", "R-CASH", "R-REL", "R-BIG")] == [
        Decimal("6000000.00"), Decimal("9000000.00"), Decimal("9000000.00"), Decimal("9000000.00"),
        Decimal("7000000.00"), Decimal("4500000.00"), Decimal("0.00")]
    # a release is no distribution, so no excess; R-BIG: 6,000,000 - 4,500,000 = 1,500,000 in excess (4.09(a)(C)(III))
    assert entries["R-REL"]["excess_distribution"] == Decimal("0.00")
    assert entries["R-BIG"]["excess_distribution"] == Decimal("1500000.00")


def cni_quarter(con, quarter_end, net_income):
    tb(con, quarter_end, "net_sales", net_income)
    attest_cni_quarters(con, quarter_end)


def test_cumulative_cni_rolls_forward_from_the_attested_opening_and_a_deficit_counts_in_full(con):
    tb(con, "1996-12-31", "cash", "0.00")
    cni_quarter(con, "1997-03-31", "-10000000.00")  # credit balance = 10,000,000 income
    attest(con, "cumulative_consolidated_net_income_opening", CUT_OVER, "-40000000.00")
    build(con, "cumulative_consolidated_net_income")
    row = one(con, "select * from cumulative_consolidated_net_income where quarter_end = '1997-03-31'")
    # -40,000,000 + 10,000,000 = -30,000,000, a deficit: minus 100% of it (E16)
    assert row["cumulative_consolidated_net_income"] == Decimal("-30000000.00")
    assert row["capacity_i"] == Decimal("-30000000.000")


def test_a_surplus_counts_half(con):
    tb(con, "1996-12-31", "cash", "0.00")
    cni_quarter(con, "1997-03-31", "-10000000.00")
    attest(con, "cumulative_consolidated_net_income_opening", CUT_OVER, "30000000.01")
    build(con, "cumulative_consolidated_net_income")
    row = one(con, "select * from cumulative_consolidated_net_income where quarter_end = '1997-03-31'")
    assert row["capacity_i"] == Decimal("20000000.005")  # 50% of 40,000,000.01, the half cent kept


def test_no_attested_opening_means_no_capacity(con):
    tb(con, "1996-12-31", "cash", "0.00")
    cni_quarter(con, "1997-03-31", "-10000000.00")
    build(con, "cumulative_consolidated_net_income")
    row = one(con, "select * from cumulative_consolidated_net_income where quarter_end = '1997-03-31'")
    assert row["capacity_i"] is None
    assert "cumulative_consolidated_net_income_opening" in row["missing_inputs"][0]


def basket_group(con):
    tb(con, "1996-12-31", "cash", "0.00")
    cni_quarter(con, "1997-03-31", "-10000000.00")
    for subject, value in (("cumulative_consolidated_net_income_opening", "30000000.00"), ("restricted_payments_opening", "2000000.00"),
                           ("restricted_investments_opening", "0.00"), ("equity_proceeds_opening", "1000000.00")):
        attest(con, subject, CUT_OVER, value)


def test_builder_basket_counts_a_viii_and_b_i_but_not_b_vii(con):
    basket_group(con)
    add(con, "equity_issuances", transaction_id="EQ1", issue_date="1997-02-28", issuer_entity_id="KACC", issuance_kind="capital_contribution",
        purchaser_kind="kac", net_proceeds="5000000.00", is_redeemable="false", excluded_from_4_09_a_ii=None)
    add(con, "restricted_payments", transaction_id="VII", payment_date="1997-06-01", basket="4.09(b)(VII)", amount="300000.00")
    add(con, "restricted_payments", transaction_id="VIII", payment_date="1997-06-02", basket="4.09(b)(VIII)",
        payment_kind="restricted_investment", recipient_kind="other", amount="4000000.00")
    add(con, "restricted_payments", transaction_id="DIV", payment_date="1997-06-30", basket="4.09(a)", amount="3000000.00")
    build(con, "restricted_payment_tests")
    row = one(con, "select * from restricted_payment_tests where clause_id = 'indenture-1996/4.09(a)(C)' and transaction_id = 'DIV'")
    # Used = 2,000,000 opening + 4,000,000 (VIII) + 3,000,000 = 9,000,000; (VII)'s 300,000 does not count
    assert row["actual"] == Decimal("9000000.00")
    # Capacity = (I) 50% x (30,000,000 + 10,000,000) = 20,000,000 (Q1 1997 available after 1997-05-15)
    #          + (II) 1,000,000 + 5,000,000 = 6,000,000 -> 26,000,000
    assert row["threshold"] == Decimal("26000000.00")
    assert row["missing_inputs"] == "[]"


def test_restricted_payments_before_the_cut_over_are_in_the_opening_balance(con):
    basket_group(con)
    add(con, "restricted_payments", transaction_id="OLD", payment_date="1996-12-31", basket="4.09(a)", amount="3000000.00")
    add(con, "restricted_payments", transaction_id="NEW", payment_date="1997-01-01", basket="4.09(a)", amount="1000000.00")
    build(con, "restricted_payment_builder_basket")
    row = one(con, "select * from restricted_payment_builder_basket where transaction_id = 'NEW'")
    assert row["used_after"] == Decimal("3000000.00")  # 2,000,000 attested + 1,000,000; OLD is in the opening


def test_an_opening_attested_before_the_ledgers_start_lets_in_nothing_before_it(con):
    # 4.09(a)(C): (x) Restricted Payments "after December 31, 1992", (y) Restricted Investments "after the date of the
    # 9 7/8% Note Indenture" (February 17, 1994). Both openings are attested, at 0.00, as of earlier days (November 30,
    # 1992 and January 31, 1994): a payment on December 31, 1992 and an investment on February 17, 1994 stay out, the
    # next day's are counted: Used 2,000,000 then 2,000,000 + 8,000,000 = 10,000,000
    attest(con, "restricted_payments_opening", "1992-11-30", "0.00")
    attest(con, "restricted_investments_opening", "1994-01-31", "0.00")
    for transaction_id, day, kind, amount in (("RP-921231", "1992-12-31", "dividend", "1000000.00"),
                                              ("RP-930101", "1993-01-01", "dividend", "2000000.00"),
                                              ("RI-940217", "1994-02-17", "restricted_investment", "4000000.00"),
                                              ("RI-940218", "1994-02-18", "restricted_investment", "8000000.00")):
        add(con, "restricted_payments", transaction_id=transaction_id, payment_date=day, basket="4.09(a)", payment_kind=kind,
            recipient_kind="other", amount=amount)
    build(con, "restricted_payment_builder_basket")
    counted = {r["transaction_id"]: r["used_after"] for r in rows(
        con, "select * from restricted_payment_builder_basket where entry_kind in ('restricted_payment', 'restricted_investment')")}
    assert counted == {"RP-930101": Decimal("2000000.00"), "RI-940218": Decimal("10000000.00")}


def test_without_openings_the_builder_basket_counts_from_the_day_after_each_start(con):
    # 4.09(a)(C): (x) Restricted Payments "after December 31, 1992", (y) Restricted Investments "after the date of the
    # 9 7/8% Note Indenture" (February 17, 1994). No opening attested: an investment on February 17, 1994 stays out, the
    # next day's is counted: Used 8,000,000
    for transaction_id, day in (("RI-940217", "1994-02-17"), ("RI-940218", "1994-02-18")):
        add(con, "restricted_payments", transaction_id=transaction_id, payment_date=day, basket="4.09(a)",
            payment_kind="restricted_investment", recipient_kind="other", amount="8000000.00")
    build(con, "restricted_payment_builder_basket")
    counted = {r["transaction_id"]: r["used_after"] for r in rows(
        con, "select * from restricted_payment_builder_basket where entry_kind = 'restricted_investment'")}
    assert counted == {"RI-940218": Decimal("8000000.00")}


@pytest.mark.parametrize(("basket", "kind", "recipient", "start", "next_day", "missing"), [
    # 4.09(b)(IV): retirements since the 9 7/8% Note Indenture (February 17, 1994)
    ("4.09(b)(IV)", "subordinated_debt_retirement", "public", "1994-02-17", "1994-02-18",
     ["subordinated_debt_proceeds_opening (R-I06)", "subordinated_debt_retirements_opening (R-I06)"]),
    # 4.09(b)(VIII): "Restricted Payments, Restricted Investments and Unrestricted Subsidiary Investments after February
    # 1, 1993" [Indenture § 4.09(b)(VIII)]
    ("4.09(b)(VIII)", "restricted_investment", "other", "1993-02-01", "1993-02-02", ["basket_4_09_b_viii_opening (R-I06)"]),
])
def test_a_basket_without_an_attested_opening_counts_from_the_day_after_its_start(con, basket, kind, recipient, start, next_day, missing):
    # Without an attested opening the count starts at the basket's start: the payment of that day is not tested, the
    # next day's is (its openings named as missing)
    for day in (start, next_day):
        add(con, "restricted_payments", transaction_id=f"P-{day}", payment_date=day, basket=basket, payment_kind=kind,
            recipient_kind=recipient, amount="1000000.00")
    build(con, "restricted_payment_tests")
    [row] = rows(con, "select * from restricted_payment_tests where clause_id = ?", [f"indenture-1996/{basket}"])
    assert row["transaction_id"] == f"P-{next_day}"
    assert json.loads(row["missing_inputs"]) == missing


def test_an_opening_is_the_first_entry_of_its_day(con):
    # Capital Stock proceeds (II) are rolled forward from their own opening (June 30, 1996); the Restricted Payments
    # opening (2,000,000, attested as RPO) is at December 31, 1996, the day a 5,000,000 capital contribution is
    # received. The ledger opens the day with the balance: RPO shows 2,000,000 used against (II) of 1,000,000, then
    # the contribution brings (II) to 6,000,000
    attest(con, "equity_proceeds_opening", "1996-06-30", "1000000.00")
    attest(con, "restricted_payments_opening", CUT_OVER, "2000000.00", attestation_id="RPO")
    add(con, "equity_issuances", transaction_id="EQ1", issue_date=CUT_OVER, issuer_entity_id="KACC", issuance_kind="capital_contribution",
        purchaser_kind="kac", net_proceeds="5000000.00", is_redeemable="false", excluded_from_4_09_a_ii=None)
    build(con, "restricted_payment_builder_basket")
    day = {r["transaction_id"]: (r["used_after"], r["capacity_ii"]) for r in rows(
        con, "select * from restricted_payment_builder_basket where entry_date = ?", [CUT_OVER])}
    assert day == {"RPO": (Decimal("2000000.00"), Decimal("1000000.00")), "EQ1": (Decimal("2000000.00"), Decimal("6000000.00"))}


def test_a_missing_opening_makes_the_basket_indeterminate(con):
    tb(con, "1996-12-31", "cash", "0.00")
    cni_quarter(con, "1997-03-31", "-10000000.00")
    attest(con, "cumulative_consolidated_net_income_opening", CUT_OVER, "0.00")
    add(con, "restricted_payments", transaction_id="DIV", payment_date="1997-06-30", basket="4.09(a)", amount="3000000.00")
    build(con, "restricted_payment_tests")
    row = one(con, "select * from restricted_payment_tests where clause_id = 'indenture-1996/4.09(a)(C)'")
    assert "restricted_payments_opening" in row["missing_inputs"]


def test_kac_pass_through_within_thirty_days_reduces_the_maxxam_cap(con):
    add(con, "restricted_payments", transaction_id="D1", payment_date="1997-09-15", amount="3000000.00",
        kac_pass_through_date="1997-10-15", kac_pass_through_amount="1200000.00")  # day 30: counted
    add(con, "restricted_payments", transaction_id="D2", payment_date="1997-11-01", amount="1000000.00",
        kac_pass_through_date="1997-12-02", kac_pass_through_amount="500000.00")  # day 31: not counted
    build(con, "restricted_payment_tests")
    found = rows(con, "select transaction_id, actual from restricted_payment_tests where clause_id = 'indenture-1996/4.09(a)-maxxam-cap' order by test_date")
    # 3,000,000 - 1,200,000 = 1,800,000; + 1,000,000 = 2,800,000
    assert [r["actual"] for r in found] == [Decimal("1800000.00"), Decimal("2800000.00")]


def test_b_vii_resets_each_fiscal_year_and_a_payment_to_maxxam_is_outside_b(con):
    add(con, "restricted_payments", transaction_id="K1", payment_date="1998-03-31", basket="4.09(b)(VII)", amount="200000.00")
    add(con, "restricted_payments", transaction_id="K2", payment_date="1998-11-30", basket="4.09(b)(VII)", amount="100000.00")
    add(con, "restricted_payments", transaction_id="K3", payment_date="1999-01-15", basket="4.09(b)(VII)", amount="250000.00", recipient_kind="maxxam")
    build(con, "restricted_payment_tests")
    found = rows(con, "select transaction_id, actual from restricted_payment_tests where clause_id = 'indenture-1996/4.09(b)(VII)' order by test_date")
    assert [r["actual"] for r in found] == [Decimal("200000.00"), Decimal("300000.00"), Decimal("250000.00")]
    outside = one(con, "select actual from restricted_payment_tests where clause_id = 'indenture-1996/4.09(b)' and transaction_id = 'K3'")
    assert outside["actual"] == Decimal("250000.00")


def test_a_restricted_investment_is_reduced_only_by_the_returns_4_09_a_c_y_names(con):
    basket_group(con)
    # RI in cash 4,000,000 and RI made by guarantee 3,000,000, both under 4.09(a) after the 9 7/8% Note Indenture date
    add(con, "restricted_payments", transaction_id="RI-CASH", payment_date="1997-04-01", basket="4.09(a)",
        payment_kind="restricted_investment", recipient_kind="other", amount="4000000.00")
    add(con, "restricted_payments", transaction_id="RI-GTY", payment_date="1997-04-02", basket="4.09(a)",
        payment_kind="restricted_investment", recipient_kind="other", amount="3000000.00", investment_form="guarantee")
    # (1) "returned ... in property if made in property": property returned on a cash investment does not count
    add(con, "restricted_payments", transaction_id="RET-PROP", payment_date="1997-05-01", basket="4.09(a)", payment_kind="return_of_investment",
        recipient_kind="other", amount="1000000.00", returns_transaction_id="RI-CASH", investment_form="property")
    # (1) cash returned counts
    add(con, "restricted_payments", transaction_id="RET-CASH", payment_date="1997-05-02", basket="4.09(a)", payment_kind="return_of_investment",
        recipient_kind="other", amount="1500000.00", returns_transaction_id="RI-CASH")
    # (2) the guarantee released "to the extent" of 2,000,000 counts against the guarantee investment
    add(con, "restricted_payments", transaction_id="REL-GTY", payment_date="1997-05-03", basket="4.09(a)", payment_kind="return_of_investment",
        recipient_kind="other", amount="2000000.00", returns_transaction_id="RI-GTY", investment_form="guarantee")
    # a "release" of a cash investment is not a guarantee released: it does not count
    add(con, "restricted_payments", transaction_id="REL-CASH", payment_date="1997-05-04", basket="4.09(a)", payment_kind="return_of_investment",
        recipient_kind="other", amount="500000.00", returns_transaction_id="RI-CASH", investment_form="guarantee")
    # (3) liabilities assumed without recourse count, capped so the guarantee investment falls at most to zero:
    # 3,000,000 - 2,000,000 released = 1,000,000 left, so 1,800,000 reduces it by 1,000,000 only
    add(con, "restricted_payments", transaction_id="ASSUMED", payment_date="1997-05-05", basket="4.09(a)", payment_kind="return_of_investment",
        recipient_kind="other", amount="1800000.00", returns_transaction_id="RI-GTY", investment_form="liability_assumed")
    add(con, "restricted_payments", transaction_id="DIV", payment_date="1997-06-30", basket="4.09(a)", amount="1000000.00")
    build(con, "restricted_payment_tests")
    items = {r["transaction_id"]: r for r in rows(con, "select * from restricted_payment_items")}
    assert items["RET-PROP"]["signed_amount"] == Decimal("0.00") and items["RET-PROP"]["return_qualifies"] is False
    assert items["RET-CASH"]["signed_amount"] == Decimal("-1500000.00")
    assert items["REL-GTY"]["signed_amount"] == Decimal("-2000000.00")
    assert items["REL-CASH"]["signed_amount"] == Decimal("0.00") and items["REL-CASH"]["return_qualifies"] is False
    assert items["ASSUMED"]["signed_amount"] == Decimal("-1000000.00")
    row = one(con, "select * from restricted_payment_tests where clause_id = 'indenture-1996/4.09(a)(C)' and transaction_id = 'DIV'")
    # Used = 2,000,000 opening + (4,000,000 - 1,500,000) + (3,000,000 - 2,000,000 - 1,000,000) + 1,000,000 = 5,500,000
    assert row["actual"] == Decimal("5500000.00")


# --- audit (docs/audit-covenants.md) --------------------------------------------------------------------------------

def test_a_return_moves_the_basket_but_is_not_itself_tested_under_4_09_a(con):
    basket_group(con)
    add(con, "restricted_payments", transaction_id="RI", payment_date="1997-04-01", payment_kind="restricted_investment",
        recipient_kind="other", amount="4000000.00")
    add(con, "restricted_payments", transaction_id="RET", payment_date="1997-05-01", payment_kind="return_of_investment",
        recipient_kind="other", amount="1500000.00", returns_transaction_id="RI")
    add(con, "restricted_payments", transaction_id="DIV", payment_date="1997-06-30", amount="1000000.00")
    build(con, "restricted_payment_tests")
    build(con, "coverage_ratio_tests")
    tested = rows(con, "select clause_id, transaction_id from restricted_payment_tests where clause_id like 'indenture-1996/4.09(a)%' order by 1, 2")
    # RET is a return (4.09(a)(C)(y)(1)), not a Restricted Payment, Restricted Investment or USI: no (A), (B) or (C) row
    assert [(r["clause_id"], r["transaction_id"]) for r in tested] == [
        ("indenture-1996/4.09(a)(A)", "DIV"), ("indenture-1996/4.09(a)(A)", "RI"),
        ("indenture-1996/4.09(a)(C)", "DIV"), ("indenture-1996/4.09(a)(C)", "RI"),
        ("indenture-1996/4.09(a)-maxxam-cap", "DIV"),
    ]
    ratio = rows(con, "select transaction_id from coverage_ratio_tests where clause_id = 'indenture-1996/4.09(a)(B)' and test_kind = 'transaction' order by 1")
    assert [r["transaction_id"] for r in ratio] == ["DIV", "RI"]
    # the return still reduces Used: 2,000,000 opening + 4,000,000 - 1,500,000 + 1,000,000 = 5,500,000
    assert one(con, "select actual from restricted_payment_tests where clause_id = 'indenture-1996/4.09(a)(C)' and transaction_id = 'DIV'")["actual"] == Decimal("5500000.00")


def test_a_b_i_dividend_meets_the_coverage_ratio_and_the_maxxam_cap_on_its_declaration_date(con):
    # [Indenture § 4.09(b)(I)] "if at said date of declaration ... such dividend ... would have complied with Section
    # 4.09(a)": (B) and the calendar-year MAXXAM cap are part of 4.09(a), so both are tested on the declaration date
    add(con, "restricted_payments", transaction_id="D1", payment_date="1997-11-30", amount="60000000.00")
    add(con, "restricted_payments", transaction_id="BI", payment_date="1998-01-20", declared_on="1997-12-01",
        basket="4.09(b)(I)", amount="20000000.00")
    add(con, "restricted_payments", transaction_id="D2", payment_date="1998-02-02", amount="5000000.00")
    build(con, "restricted_payment_tests")
    build(con, "coverage_ratio_tests")
    ratio = one(con, "select test_date, transaction_date from coverage_ratio_tests where transaction_id = 'BI'")
    assert (ratio["test_date"].isoformat(), ratio["transaction_date"].isoformat()) == ("1997-12-01", "1997-12-01")
    cap = {r["transaction_id"]: (r["test_date"].isoformat(), r["actual"]) for r in rows(
        con, "select * from restricted_payment_tests where clause_id = 'indenture-1996/4.09(a)-maxxam-cap'")}
    # 1997: 60,000,000 (D1) + 20,000,000 (BI, declared 1997-12-01) = 80,000,000 > 75,000,000 (fails under the policy);
    # 1998 starts again: D2 alone, 5,000,000 (BI was paid in 1998 but counts in its declaration year)
    assert cap == {"D1": ("1997-11-30", Decimal("60000000.00")), "BI": ("1997-12-01", Decimal("80000000.00")),
                   "D2": ("1998-02-02", Decimal("5000000.00"))}


def test_a_b_i_dividend_declared_before_any_basket_entry_uses_its_own_amount(con):
    # [Indenture § 4.09(b)(I)]: tested under 4.09(a)(C) on its declaration date, 1997-12-01, when the basket has no entry
    # (no opening attested, nothing paid): Used = 0 + 1,000,000 = 1,000,000
    add(con, "restricted_payments", transaction_id="BI", payment_date="1998-01-20", declared_on="1997-12-01",
        basket="4.09(b)(I)", amount="1000000.00")
    build(con, "restricted_payment_tests")
    row = one(con, "select * from restricted_payment_tests where clause_id = 'indenture-1996/4.09(a)(C)'")
    assert (row["test_date"].isoformat(), row["actual"]) == ("1997-12-01", Decimal("1000000.00"))


def test_the_viii_maxxam_figure_counts_only_maxxam_related_items(con):
    # 4.09(b)(VIII) (R-I23): of a (VIII) investment of 1,000,000 to another recipient and one of 2,000,000 to MAXXAM,
    # the MAXXAM figure is 0.00 (opening) + 2,000,000 = 2,000,000; the (VIII) figure 0.00 + 1,000,000 + 2,000,000
    attest(con, "basket_4_09_b_viii_opening", CUT_OVER, "0.00")
    attest(con, "basket_4_09_b_viii_maxxam_opening", CUT_OVER, "0.00")
    for transaction_id, day, recipient, amount in (("V-OTHER", "1997-03-03", "other", "1000000.00"),
                                                   ("V-MAXXAM", "1997-04-01", "maxxam", "2000000.00")):
        add(con, "restricted_payments", transaction_id=transaction_id, payment_date=day, basket="4.09(b)(VIII)",
            payment_kind="restricted_investment", recipient_kind=recipient, amount=amount)
    build(con, "restricted_payment_tests")
    found = {(r["clause_id"], r["transaction_id"]): r["actual"] for r in rows(
        con, "select * from restricted_payment_tests where clause_id like 'indenture-1996/4.09(b)(VIII)%'")}
    assert found == {
        ("indenture-1996/4.09(b)(VIII)", "V-OTHER"): Decimal("1000000.00"),
        ("indenture-1996/4.09(b)(VIII)", "V-MAXXAM"): Decimal("3000000.00"),
        ("indenture-1996/4.09(b)(VIII)-maxxam", "V-MAXXAM"): Decimal("2000000.00"),
    }


def test_a_b_i_dividend_without_its_declaration_date_has_no_maxxam_pass(con):
    add(con, "restricted_payments", transaction_id="BI", payment_date="1998-01-20", basket="4.09(b)(I)", amount="1000000.00")
    build(con, "restricted_payment_tests")
    row = one(con, "select * from restricted_payment_tests where clause_id = 'indenture-1996/4.09(a)-maxxam-cap'")
    assert row["missing_inputs"] == '["declared_on (declaration or redemption-notice date) of BI"]'


def test_equity_sold_to_a_non_affiliate_joint_venture_or_an_unrestricted_subsidiary_is_not_counted_in_c_ii(con):
    # 4.09(a)(C)(II): net proceeds of an "issue or sale (other than to a Non-Affiliate Joint Venture or to a Subsidiary or
    # an Unrestricted Subsidiary of the Company)" [Indenture § 4.09(a)(C)(II)]
    basket_group(con)
    for txn, purchaser in (("EQ-KAC", "kac"), ("EQ-NAJV", "non_affiliate_joint_venture"), ("EQ-UNR", "unrestricted_subsidiary"), ("EQ-SUB", "subsidiary")):
        add(con, "equity_issuances", transaction_id=txn, issue_date="1997-02-28", issuer_entity_id="KACC", issuance_kind="common_stock",
            purchaser_kind=purchaser, net_proceeds="5000000.00", is_redeemable="false", excluded_from_4_09_a_ii=None)
    add(con, "restricted_payments", transaction_id="DIV", payment_date="1997-06-30", basket="4.09(a)", amount="3000000.00")
    build(con, "restricted_payment_tests")
    row = one(con, "select * from restricted_payment_tests where clause_id = 'indenture-1996/4.09(a)(C)' and transaction_id = 'DIV'")
    # Capacity = (I) 50% x (30,000,000 + 10,000,000) = 20,000,000 + (II) 1,000,000 opening + 5,000,000 from KAC only
    # = 26,000,000 (the three other sales, 15,000,000, are left out)
    assert row["threshold"] == Decimal("26000000.00")


def test_builder_basket_capacity_i_moves_on_the_day_the_statements_became_available(con):
    # 4.09(a)(C)(I) runs to "the Company's most recently ended fiscal quarter for which financial statements are
    # available at the time such Restricted Payment ... is being made" [Indenture § 4.09(a)(C)(I)]: Q1 1997's were
    # available on 1997-04-25 (its row), not 1997-05-16 (45 days)
    basket_group(con)
    add(con, "financial_statements", period_end="1997-03-31", available_on="1997-04-25")
    add(con, "restricted_payments", transaction_id="D-0424", payment_date="1997-04-24", basket="4.09(a)", amount="1000000.00")
    add(con, "restricted_payments", transaction_id="D-0425", payment_date="1997-04-25", basket="4.09(a)", amount="1000000.00")
    build(con, "restricted_payment_tests")
    found = {r["transaction_id"]: r for r in rows(con, "select * from restricted_payment_tests where clause_id = 'indenture-1996/4.09(a)(C)'")}
    # the day before: (I) 50% x 30,000,000 opening = 15,000,000, + (II) 1,000,000 = 16,000,000
    assert found["D-0424"]["threshold"] == Decimal("16000000.00")
    # from 1997-04-25: (I) 50% x (30,000,000 + 10,000,000) = 20,000,000, + 1,000,000 = 21,000,000
    assert found["D-0425"]["threshold"] == Decimal("21000000.00")
    entry = one(con, "select entry_date from restricted_payment_builder_basket where transaction_id = 'CNI-1997-03-31'")
    assert entry["entry_date"].isoformat() == "1997-04-25"


def test_a_payment_in_property_counts_at_its_fair_market_value_and_a_designation_at_the_greater_value(con):
    # 4.09(a)(C): "if paid or returned in property other than in cash or a sum certain guaranteed, to be the Fair Market
    # Value of such property" [Indenture § 4.09(a)(C)]; a designation: "the greater of (A) the net book value ... and (B)
    # the Fair Market Value" [Indenture § 4.09, last paragraph]
    basket_group(con)
    add(con, "entities", entity_id="USUB", is_subsidiary="false", is_unrestricted_subsidiary="true")
    add(con, "restricted_payments", transaction_id="PROP", payment_date="1997-06-02", basket="4.09(a)", payment_kind="dividend",
        amount="1000000.00", investment_form="property", net_book_value="4000000.00", fair_market_value="2500000.00")
    add(con, "restricted_payments", transaction_id="DES-BOOK", payment_date="1997-06-03", basket="4.09(a)",
        payment_kind="unrestricted_subsidiary_investment", recipient_kind="unrestricted_subsidiary", unrestricted_subsidiary_id="USUB",
        amount="0.00", investment_form="designation", net_book_value="3000000.00", fair_market_value="2999999.99")
    add(con, "restricted_payments", transaction_id="DES-FMV", payment_date="1997-06-04", basket="4.09(a)",
        payment_kind="unrestricted_subsidiary_investment", recipient_kind="unrestricted_subsidiary", unrestricted_subsidiary_id="USUB",
        amount="0.00", investment_form="designation", net_book_value="1000000.00", fair_market_value="1000000.01")
    build(con, "restricted_payment_tests")
    items = {r["transaction_id"]: r["amount"] for r in rows(con, "select * from restricted_payment_items")}
    # the dividend in property at its Fair Market Value 2,500,000 (not the 1,000,000 recorded, nor the 4,000,000 book value)
    assert items["PROP"] == Decimal("2500000.00")
    # designations: the greater of 3,000,000 and 2,999,999.99; of 1,000,000 and 1,000,000.01
    assert (items["DES-BOOK"], items["DES-FMV"]) == (Decimal("3000000.00"), Decimal("1000000.01"))
    used = {r["transaction_id"]: r for r in rows(con, "select * from restricted_payment_tests where clause_id = 'indenture-1996/4.09(a)(C)'")}
    # Used = 2,000,000 opening + 2,500,000 + 3,000,000 (USIO) + 1,000,000.01 (USIO) = 8,500,000.01
    assert used["DES-FMV"]["actual"] == Decimal("8500000.01")
    assert json.loads(used["PROP"]["inputs"])["amount_counted"] == {
        "value": "2500000.00", "clause_id": "indenture-1996/4.09(a)(C)", "recorded_amount": "1000000.00",
        "net_book_value": "4000000.00", "fair_market_value": "2500000.00"}
    assert json.loads(used["DES-BOOK"]["inputs"])["amount_counted"]["clause_id"] == "indenture-1996/4.09-designation"


@pytest.mark.parametrize(("amount", "usage", "remaining", "status"), [
    ("30000000.00", "50000000.00", "0.00", "pass"),
    ("30000000.01", "50000000.01", "-0.01", "fail"),
])
def test_the_general_basket_at_its_50000000_cap_complies_and_a_cent_over_breaches(con, amount, usage, remaining, status):
    # 4.09(b)(VIII): the amounts expended "would not exceed $50,000,000" [Indenture § 4.09(b)(VIII)], so exactly
    # 50,000,000 complies. 20,000,000 attested at the cut-over + a (VIII) Restricted Investment of 30,000,000.00 =
    # 50,000,000.00: the ledger's capacity (general_restricted_payments_cap) 50,000,000.00 with 0.00 left; of
    # 30,000,000.01 = 50,000,000.01: -0.01 left, and the covenant fails by a cent
    attest(con, "basket_4_09_b_viii_opening", CUT_OVER, "20000000.00")
    add(con, "restricted_payments", transaction_id="VIII", payment_date="1997-06-02", basket="4.09(b)(VIII)",
        payment_kind="restricted_investment", recipient_kind="other", amount=amount)
    build(con, "restricted_payment_basket_ledger")
    entry = one(con, "select * from restricted_payment_basket_ledger where clause_id = 'indenture-1996/4.09(b)(VIII)'")
    assert (entry["usage_after"], entry["capacity"], entry["remaining"]) == (Decimal(usage), Decimal("50000000.00"), Decimal(remaining))
    policies = load_policies()
    mine = tuple(c for c in policies.covenants if c.clause_id == "indenture-1996/4.09(b)(VIII)")
    [result] = evaluate_all(con, replace(policies, covenants=mine))
    assert (result.status, result.actual, result.threshold, result.headroom) == (
        status, Decimal(usage), Decimal("50000000.00"), Decimal(remaining))
