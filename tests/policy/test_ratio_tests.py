"""indenture-1996/4.10(a) and 4.09(a)(B): "the Consolidated Fixed Charge Coverage Ratio of the Company is greater
than 2.0 to 1" [Indenture § 4.10(a); § 4.09(a)(B)]. Strict: exactly 2.0 fails (R-I05). The mart carries the forward fixed charges
multiplied by 26280 (= lcm(360, 365)) so they stay exact; ratio = numerator × 26280 / denominator."""

from datetime import date
from decimal import Decimal

from mart_rows import add_ratio

from pipelines.policy.evaluation import evaluate_all

FIXED_CHARGES_100M = "2628000000000.0000000000"  # fixed charges 100,000,000.00 × 26280 = 2,628,000,000,000


def only(results, clause_id):
    [result] = [r for r in results if r.clause_id == clause_id]
    return result


def test_ratio_with_a_non_terminating_denominator_is_compared_exactly(con, policies):
    # actual/360 interest on 1,000,000 at 10% for 365 days = 101,388.888...; × 26280 = 1,000,000 × 0.1 × 365 × 73
    # = 2,664,500,000. Twice the fixed charges is 202,777.777..., so 202,777.78 passes and 202,777.77 fails.
    add_ratio(con, "indenture-1996/4.10(a)", date(1998, 6, 1), "202777.78", "2664500000", transaction_id="A")
    add_ratio(con, "indenture-1996/4.10(a)", date(1998, 6, 2), "202777.77", "2664500000", transaction_id="B")
    statuses = {r.transaction_id: r.status for r in evaluate_all(con, policies)}
    assert statuses == {"A": "pass", "B": "fail"}


def test_missing_input_is_indeterminate_never_pass(con, policies):
    add_ratio(con, "indenture-1996/4.10(a)", date(1997, 11, 14), "900000000.00", FIXED_CHARGES_100M, missing=["projected_other_fixed_charges not attested for T1"])
    result = only(evaluate_all(con, policies), "indenture-1996/4.10(a)")
    assert result.status == "indeterminate"
    assert "projected_other_fixed_charges not attested" in result.explanation


def test_quarter_end_ratio_is_information_only(con, policies):
    add_ratio(con, "indenture-1996/4.10(a)", date(1998, 12, 31), "150000000.00", FIXED_CHARGES_100M, kind="information", transaction_id=None)
    result = only(evaluate_all(con, policies), "indenture-1996/4.10(a)")
    assert result.status == "not_applicable"
    assert "would not be permitted" in result.explanation


def test_results_after_the_chapter_11_filing_carry_the_informational_note(con, policies):
    add_ratio(con, "indenture-1996/4.10(a)", date(2002, 2, 12), "300000000.00", FIXED_CHARGES_100M)
    assert "Chapter 11" in only(evaluate_all(con, policies), "indenture-1996/4.10(a)").explanation


def test_the_explanation_writes_ratios_as_the_clause_does(con, policies):
    # 175,000,000 / 100,000,000 = 1.75, shown as the clause writes "2.0 to 1": one place, 1.8 to 1
    add_ratio(con, "indenture-1996/4.10(a)", date(1998, 6, 1), "175000000.00", FIXED_CHARGES_100M, transaction_id="A")
    explanation = only(evaluate_all(con, policies), "indenture-1996/4.10(a)").explanation
    assert explanation.startswith("Consolidated Fixed Charge Coverage Ratio, with the full 4.10(b)(ii) amount deemed Incurred, "
                                  "1.8 to 1, is not greater than 2.0 to 1.")


def test_a_ratio_just_below_the_threshold_never_reads_as_the_threshold(con, policies):
    # 199,990,000 / 100,000,000 = 1.9999: at one place it would read 2.0; it is written 1.9999 to 1 against 2.0000 to 1
    add_ratio(con, "indenture-1996/4.10(a)", date(1998, 6, 1), "199990000.00", FIXED_CHARGES_100M, transaction_id="A")
    result = only(evaluate_all(con, policies), "indenture-1996/4.10(a)")
    assert result.status == "fail" and result.actual == Decimal("1.999900")
    assert "1.9999 to 1, is not greater than 2.0000 to 1." in result.explanation
