"""indenture-1996/4.10(a) and 4.09(a)(B): "the Consolidated Fixed Charge Coverage Ratio of the Company is greater
than 2.0 to 1" [IND L4482, L4162]. Strict: exactly 2.0 fails (AMB-I05). The mart carries the forward fixed charges
multiplied by 26280 (= lcm(360, 365)) so they stay exact; ratio = numerator × 26280 / denominator."""

from datetime import date
from decimal import Decimal

from mart_rows import add_ratio

from pipelines.policy.evaluation import evaluate_all

FIXED_CHARGES_100M = "2628000000000.0000000000"  # fixed charges 100,000,000.00 × 26280 = 2,628,000,000,000


def only(results, clause_id):
    [result] = [r for r in results if r.clause_id == clause_id]
    return result


def test_ratio_of_three_passes_with_headroom(con, policies):
    # 300,000,000 / 100,000,000 = 3.0 > 2.0; headroom 3.0 − 2.0 = 1.0, which is 50.00% of 2.0
    add_ratio(con, "indenture-1996/4.10(a)", date(1997, 11, 14), "300000000.00", FIXED_CHARGES_100M)
    result = only(evaluate_all(con, policies), "indenture-1996/4.10(a)")
    assert (result.status, result.actual, result.threshold) == ("pass", Decimal("3.000000"), Decimal("2.0"))
    assert (result.headroom, result.headroom_pct) == (Decimal("1.000000"), Decimal("50.00"))


def test_ratio_of_exactly_two_fails(con, policies):
    # 200,000,000 / 100,000,000 = 2.0, which is not greater than 2.0
    add_ratio(con, "indenture-1996/4.10(a)", date(1997, 11, 14), "200000000.00", FIXED_CHARGES_100M)
    result = only(evaluate_all(con, policies), "indenture-1996/4.10(a)")
    assert result.status == "fail"
    assert result.headroom == Decimal("0.000000")


def test_ratio_one_cent_above_two_passes_although_it_displays_as_two(con, policies):
    # 200,000,000.01 / 100,000,000 = 2.0000000001 > 2.0; shown rounded to 2.000000, compared exactly
    add_ratio(con, "indenture-1996/4.10(a)", date(1997, 11, 14), "200000000.01", FIXED_CHARGES_100M)
    result = only(evaluate_all(con, policies), "indenture-1996/4.10(a)")
    assert (result.status, result.actual) == ("pass", Decimal("2.000000"))


def test_ratio_with_a_non_terminating_denominator_is_compared_exactly(con, policies):
    # actual/360 interest on 1,000,000 at 10% for 365 days = 101,388.888...; × 26280 = 1,000,000 × 0.1 × 365 × 73
    # = 2,664,500,000. Twice the fixed charges is 202,777.777..., so 202,777.78 passes and 202,777.77 fails.
    add_ratio(con, "indenture-1996/4.10(a)", date(1998, 6, 1), "202777.78", "2664500000", transaction_id="A")
    add_ratio(con, "indenture-1996/4.10(a)", date(1998, 6, 2), "202777.77", "2664500000", transaction_id="B")
    statuses = {r.transaction_id: r.status for r in evaluate_all(con, policies)}
    assert statuses == {"A": "pass", "B": "fail"}


def test_ratio_breach_shows_negative_headroom(con, policies):
    # 150,000,000 / 100,000,000 = 1.5; headroom 1.5 − 2.0 = −0.5, i.e. −25.00% of the threshold
    add_ratio(con, "indenture-1996/4.09(a)(B)", date(1999, 9, 30), "150000000.00", FIXED_CHARGES_100M)
    result = only(evaluate_all(con, policies), "indenture-1996/4.09(a)(B)")
    assert (result.status, result.headroom, result.headroom_pct) == ("fail", Decimal("-0.500000"), Decimal("-25.00"))
    assert result.waiver_id is None


def test_missing_input_is_indeterminate_never_pass(con, policies):
    add_ratio(con, "indenture-1996/4.10(a)", date(1997, 11, 14), "900000000.00", FIXED_CHARGES_100M, missing=["projected_other_fixed_charges not attested for T1"])
    result = only(evaluate_all(con, policies), "indenture-1996/4.10(a)")
    assert result.status == "indeterminate"
    assert "projected_other_fixed_charges not attested" in result.explanation


def test_no_fixed_charges_is_indeterminate(con, policies):
    add_ratio(con, "indenture-1996/4.10(a)", date(1997, 11, 14), "900000000.00", "0")
    assert only(evaluate_all(con, policies), "indenture-1996/4.10(a)").status == "indeterminate"


def test_quarter_end_ratio_is_information_only(con, policies):
    add_ratio(con, "indenture-1996/4.10(a)", date(1998, 12, 31), "150000000.00", FIXED_CHARGES_100M, kind="information", transaction_id=None)
    result = only(evaluate_all(con, policies), "indenture-1996/4.10(a)")
    assert result.status == "not_applicable"
    assert "would not be permitted" in result.explanation


def test_threshold_applies_from_the_indenture_date(con, policies):
    # The 2.0 threshold takes effect on 1996-12-23, the date of the Indenture: one day before, no threshold applies.
    add_ratio(con, "indenture-1996/4.10(a)", date(1996, 12, 22), "300000000.00", FIXED_CHARGES_100M, transaction_id="before")
    add_ratio(con, "indenture-1996/4.10(a)", date(1996, 12, 23), "300000000.00", FIXED_CHARGES_100M, transaction_id="on")
    statuses = {r.transaction_id: r.status for r in evaluate_all(con, policies)}
    assert statuses == {"before": "not_applicable", "on": "pass"}


def test_results_after_the_chapter_11_filing_carry_the_informational_note(con, policies):
    add_ratio(con, "indenture-1996/4.10(a)", date(2002, 2, 12), "300000000.00", FIXED_CHARGES_100M)
    assert "Chapter 11" in only(evaluate_all(con, policies), "indenture-1996/4.10(a)").explanation
