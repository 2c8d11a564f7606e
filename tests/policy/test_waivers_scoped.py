"""Waivers as scoped objects: scoped to named transactions (the Center for Technology waiver covers that sale only) and
with conditions the engine checks against a mart figure. A condition that fails leaves `fail`; one that cannot be
computed leaves `indeterminate` naming the missing source."""

from datetime import date
from decimal import Decimal

from mart_rows import add_amount, add_ebitda

from pipelines.policy.evaluation import evaluate_all

CFT = "ca-1994/waiver-2000-08-18-cft-sale"
MAXXAM = "ca-1994/waiver-amend11-1-maxxam"
SUB_DEBT = "ca-1994/waiver-amend11-A-subordinated-debt"
MARCH_2003 = "ppca-2002/waiver-2003-03-24-minimum-ebitda"


def results(con, policies, clause_id, as_of=None):
    return [r for r in evaluate_all(con, policies, as_of) if r.clause_id == clause_id]


def test_center_for_technology_sale_is_waived_and_another_sale_is_not(con, policies):
    # count of sales 9.2.11 restricts: 1 > 0 fails; the waiver (dated 2000-08-18, all Lenders) names AS-2000-CFT only
    add_amount(con, "ca1994_payment_tests", "ca-1994/9.2.11", date(2000, 8, 25), "1.00", transaction_id="AS-2000-CFT")
    add_amount(con, "ca1994_payment_tests", "ca-1994/9.2.11", date(2001, 6, 29), "1.00", transaction_id="AS-2001-HYPOTHETICAL")
    cft, other = results(con, policies, "ca-1994/9.2.11")
    assert (cft.transaction_id, cft.status, cft.status_before_waiver, cft.waiver_id) == ("AS-2000-CFT", "waived", "fail", CFT)
    assert (other.transaction_id, other.status, other.waiver_id) == ("AS-2001-HYPOTHETICAL", "fail", None)


def test_center_for_technology_sale_before_the_waiver_date_is_not_waived(con, policies):
    # a sale determined on 2000-08-17 precedes the waiver of 2000-08-18
    add_amount(con, "ca1994_payment_tests", "ca-1994/9.2.11", date(2000, 8, 17), "1.00", transaction_id="AS-2000-CFT")
    [result] = results(con, policies, "ca-1994/9.2.11")
    assert result.status == "fail"
    assert "was not yet granted" in result.explanation


def test_maxxam_payment_within_the_principal_is_waived(con, policies):
    # 11,438,000.00 <= 11,438,000 + 250,000.00 attested interest = 11,688,000.00: the condition holds
    add_amount(con, "ca1994_payment_tests", "ca-1994/9.2.14", date(1997, 11, 14), "11438000.00", transaction_id="RP-1997-11-MAXXAM-TAX")
    add_amount(con, "ca1994_waiver_condition_tests", "ca-1994/amend11/waiver-1/amount", date(1997, 11, 14), "11438000.00",
               threshold="11688000.00", transaction_id="RP-1997-11-MAXXAM-TAX")
    [result] = results(con, policies, "ca-1994/9.2.14")
    assert (result.status, result.waiver_id) == ("waived", MAXXAM)
    assert "11,438,000.00, is at most 11,688,000.00" in result.explanation


def test_maxxam_payment_above_principal_plus_interest_stays_fail(con, policies):
    # 11,700,000.00 > 11,688,000.00 (11,438,000 + 250,000 interest): the condition fails, so the waiver does not apply
    add_amount(con, "ca1994_payment_tests", "ca-1994/9.2.14", date(1997, 11, 14), "11700000.00", transaction_id="RP-1997-11-MAXXAM-TAX")
    add_amount(con, "ca1994_waiver_condition_tests", "ca-1994/amend11/waiver-1/amount", date(1997, 11, 14), "11700000.00",
               threshold="11688000.00", transaction_id="RP-1997-11-MAXXAM-TAX")
    [result] = results(con, policies, "ca-1994/9.2.14")
    assert (result.status, result.waiver_id) == ("fail", None)
    assert "11,700,000.00, is not at most 11,688,000.00" in result.explanation


def test_maxxam_payment_above_principal_without_interest_attested_is_indeterminate(con, policies):
    # above 11,438,000 with no interest attested: the condition needs the Tax Allocation Agreement (R-C02)
    add_amount(con, "ca1994_payment_tests", "ca-1994/9.2.14", date(1997, 11, 14), "11500000.00", transaction_id="RP-1997-11-MAXXAM-TAX")
    add_amount(con, "ca1994_waiver_condition_tests", "ca-1994/amend11/waiver-1/amount", date(1997, 11, 14), "11500000.00",
               transaction_id="RP-1997-11-MAXXAM-TAX", missing=["attestation maxxam_tax_allocation_interest (Tax Allocation Agreement)"])
    [result] = results(con, policies, "ca-1994/9.2.14")
    assert (result.status, result.status_before_waiver) == ("indeterminate", "fail")
    assert "Tax Allocation Agreement" in result.explanation


def test_second_maxxam_payment_is_not_covered(con, policies):
    add_amount(con, "ca1994_payment_tests", "ca-1994/9.2.14", date(1998, 3, 31), "500000.00", transaction_id="RP-1998-03-MAXXAM")
    [result] = results(con, policies, "ca-1994/9.2.14")
    assert (result.status, result.waiver_id) == ("fail", None)


def test_subordinated_debt_retirement_within_the_cap_is_waived_and_above_it_fails(con, policies):
    # cap = 195,000,000 net New Subordinated Debt proceeds + 0 offerings; 195,000,000 <= 195,000,000 holds (boundary);
    # the next retirement takes the total to 200,000,000 > 195,000,000: fails
    for txn, day, total in (("RP-A", date(1997, 12, 1), "195000000.00"), ("RP-B", date(1998, 2, 2), "200000000.00")):
        add_amount(con, "ca1994_payment_tests", "ca-1994/9.2.6(b)", day, "5000000.00", transaction_id=txn)
        add_amount(con, "ca1994_waiver_condition_tests", "ca-1994/amend11/waiver-A/cap", day, total,
                   threshold="195000000.00", transaction_id=txn)
    first, second = results(con, policies, "ca-1994/9.2.6(b)")
    assert (first.status, first.waiver_id) == ("waived", SUB_DEBT)
    assert second.status == "fail"
    assert "200,000,000.00, is not at most 195,000,000.00" in second.explanation


def test_subordinated_debt_retirement_each_side_of_the_eleventh_amendment(con, policies):
    # 9.2.6(b)(i) as restated takes effect 1997-10-20: the day before, the base agreement's 9.2.6(b)(i) governed, whose
    # text is not held: indeterminate, not "not applicable" (no waiver either)
    add_amount(con, "ca1994_payment_tests", "ca-1994/9.2.6(b)", date(1997, 10, 19), "5000000.00", transaction_id="RP-0")
    add_amount(con, "ca1994_payment_tests", "ca-1994/9.2.6(b)", date(1997, 10, 20), "5000000.00", transaction_id="RP-1")
    add_amount(con, "ca1994_waiver_condition_tests", "ca-1994/amend11/waiver-A/cap", date(1997, 10, 20), "5000000.00",
               threshold="0.00", transaction_id="RP-1")
    before, on = results(con, policies, "ca-1994/9.2.6(b)")
    assert (before.status, before.waiver_id) == ("indeterminate", None)
    # with no New Subordinated Debt proceeds yet the cap is 0: 5,000,000 > 0, the waiver's condition fails
    assert (on.status, on.waiver_id) == ("fail", None)


def test_march_2003_period_names_the_condition_that_cannot_be_checked(con, policies):
    # 9.2.4(a) before the Sixth Amendment has no threshold available; condition (ii) holds
    # (-110,000,000 >= -120,000,000), condition (i) needs the pre-Sixth-Amendment table
    add_ebitda(con, date(2003, 3, 31), "-100000000.00")
    add_amount(con, "ppca_waiver_condition_tests", "ppca-2002/waiver-2003-03-24-minimum-ebitda/condition-ii",
               date(2003, 3, 31), "-110000000.00", kind="maintenance", transaction_id=None)
    [result] = results(con, policies, "ppca-2002/9.2.4(a)")
    assert result.status == "indeterminate"
    assert MARCH_2003 in result.explanation
    assert "before the Sixth Amendment" in result.explanation
    assert "(110,000,000.00), is at least (120,000,000.00)" in result.explanation


def test_march_2003_waiver_is_in_force_on_june_29_and_lapsed_on_june_30_2003(con, policies):
    add_ebitda(con, date(2003, 3, 31), "-100000000.00")
    on_29 = results(con, policies, "ppca-2002/9.2.4(a)", as_of=date(2003, 6, 29))
    on_30 = results(con, policies, "ppca-2002/9.2.4(a)", as_of=date(2003, 6, 30))
    assert "covers this result" in on_29[0].explanation
    assert "lapsed on June 29, 2003" in on_30[0].explanation
    assert on_29[0].status == on_30[0].status == "indeterminate"


def test_condition_figure_that_fails_is_explained(con, policies):
    # condition (ii): -125,000,000 is not at least -120,000,000
    add_ebitda(con, date(2003, 3, 31), "-100000000.00")
    add_amount(con, "ppca_waiver_condition_tests", "ppca-2002/waiver-2003-03-24-minimum-ebitda/condition-ii",
               date(2003, 3, 31), "-125000000.00", kind="maintenance", transaction_id=None)
    [result] = results(con, policies, "ppca-2002/9.2.4(a)")
    assert "(125,000,000.00), is not at least (120,000,000.00)" in result.explanation
    assert result.actual is None and result.threshold is None


def test_venezuela_letter_of_credit_amount_cap(con, policies):
    # 2.1.3(b)(ii): 110,000,000 <= 110,000,000 (phase b(i)) passes at the boundary; 110,000,000.01 fails
    add_amount(con, "ca1994_letter_of_credit_tests", "ca-1994/2.1.3(b)(ii)", date(1998, 8, 3), "110000000.00", threshold="110000000.00", transaction_id="LC-1")
    add_amount(con, "ca1994_letter_of_credit_tests", "ca-1994/2.1.3(b)(ii)", date(1998, 8, 4), "110000000.01", threshold="110000000.00", transaction_id="LC-2")
    ok, over = results(con, policies, "ca-1994/2.1.3(b)(ii)")
    assert (ok.status, ok.headroom) == ("pass", Decimal("0.00"))
    assert (over.status, over.headroom) == ("fail", Decimal("-0.01"))
