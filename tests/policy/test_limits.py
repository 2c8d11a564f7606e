"""Every threshold, cap, credit and reduction a result uses is a field of it (Result.limits): the threshold compared,
the threshold before its reductions with the policy's source, each reduction, credit and cap the mart lists, and a
waiver condition's threshold. Literal mart rows; the sums are derived in the comments."""

import json
from datetime import date
from decimal import Decimal

import pytest
from mart_rows import add_amount, add_ebitda

from pipelines.policy.evaluation import evaluate_all
from pipelines.policy.result import Limit

TABLE_SOURCE = "[Sixth Amendment § 1.4 (Credit Agreement § 9.2.4(a))] 4 Fiscal Quarters ending 12/31/03 $ (92,000,000)"


def with_limits(con, mart="minimum_ebitda_tests"):
    con.execute(f"alter table {mart} add column limits varchar")


def listed(kind, name, value, clause_id, applies_to="threshold", period=(None, None)):
    return {"kind": kind, "name": name, "value": value, "clause_id": clause_id, "source": f"{name} source",
            "applies_to": applies_to, "period_start": period[0], "period_end": period[1]}


def test_reductions_listed_by_the_mart_follow_the_base_and_add_up_to_the_threshold(con, policies):
    # base -92,000,000 (the table, 12/31/03); reductions 3,000,000 (9.2.4(c), one quarter's credit 3,000,000) and
    # 2,000,000 (9.2.4(d)): threshold -92,000,000 - 5,000,000 = -97,000,000
    add_ebitda(con, date(2003, 12, 31), "-90000000.00", reduction="5000000.00")
    with_limits(con)
    mart_limits = [
        listed("reduction", "VALCO shortfall reduction", "3000000.00", "ppca-2002/9.2.4(c)"),
        listed("credit", "VALCO shortfall credit", "3000000.00", "ppca-2002/9.2.4(c)", "valco_shortfall_reduction", ("2003-10-01", "2003-12-31")),
        listed("cap", "valco_shortfall_cap_per_quarter", "20000000.00", "ppca-2002/9.2.4(c)", "VALCO shortfall credit"),
        listed("reduction", "natural gas price reduction", "2000000.00", "ppca-2002/9.2.4(d)"),
    ]
    con.execute("update minimum_ebitda_tests set limits = ?", [json.dumps(mart_limits)])
    [result] = evaluate_all(con, policies)
    threshold, base, *rest = result.limits
    assert threshold == Limit("threshold", "threshold for EBITDA for the 4 Fiscal Quarters", Decimal("-97000000"), "ppca-2002/9.2.4(a)",
                              "the threshold before reductions less the reductions under ppca-2002/9.2.4(c), ppca-2002/9.2.4(d)")
    assert base == Limit("base", "threshold before reductions", Decimal("-92000000"), "ppca-2002/9.2.4(a)", TABLE_SOURCE)
    assert rest[1] == Limit("credit", "VALCO shortfall credit", Decimal("3000000.00"), "ppca-2002/9.2.4(c)", "VALCO shortfall credit source",
                            "valco_shortfall_reduction", date(2003, 10, 1), date(2003, 12, 31))
    assert [limit.kind for limit in rest] == ["reduction", "credit", "cap", "reduction"]
    reductions = sum(limit.value for limit in result.limits if limit.kind == "reduction" and limit.applies_to == "threshold")
    assert base.value - reductions == threshold.value == result.threshold


def test_a_reduction_the_mart_does_not_list_is_one_limit_for_the_whole(con, policies):
    add_ebitda(con, date(2003, 12, 31), "-90000000.00", reduction="5000000.00")
    [result] = evaluate_all(con, policies)
    assert [(limit.kind, limit.name, limit.value) for limit in result.limits] == [
        ("threshold", "threshold for EBITDA for the 4 Fiscal Quarters", Decimal("-97000000")),
        ("base", "threshold before reductions", Decimal("-92000000")),
        ("reduction", "reductions under ppca-2002/9.2.4(c), ppca-2002/9.2.4(d)", Decimal("5000000.00")),
    ]


def test_a_threshold_without_reductions_is_one_limit_with_the_policy_source(con, policies):
    # 4.10(b)(iv): the mart computes $75,000,000; the limit names the policy's computed rule
    add_amount(con, "indebtedness_basket_tests", "indenture-1996/4.10(b)(iv)", date(1998, 6, 30), "1000000.00", "75000000.00")
    [result] = evaluate_all(con, policies)
    assert result.limits == (
        Limit("threshold", "threshold for (iv) Indebtedness outstanding after the Incurrence", Decimal("75000000.00"), "indenture-1996/4.10(b)(iv)",
              "indenture-1996/4.10(b)(iv): $75,000,000 at any one time outstanding"),
    )


def test_a_threshold_the_mart_could_not_compute_keeps_the_limits_it_lists(con, policies):
    # 9.2.7(i): the limit is not computed (null), but the Base Amount it would be made of is listed
    add_amount(con, "ppca_capital_expenditure_tests", "ppca-2002/9.2.7(i)", date(2004, 12, 31), "61000000.00", None,
               kind="maintenance", transaction_id=None, missing=["Base Amount for Fiscal Year 2003"])
    with_limits(con, "ppca_capital_expenditure_tests")
    base_amount = [listed("credit", "Base Amount for Fiscal Year 2004", "75000000.00", "ppca-2002/9.2.7(i)", "limit")]
    con.execute("update ppca_capital_expenditure_tests set limits = ?", [json.dumps(base_amount)])
    [result] = evaluate_all(con, policies)
    assert result.status == "indeterminate"
    assert [(limit.kind, limit.value) for limit in result.limits] == [("credit", Decimal("75000000.00"))]


def test_a_waiver_condition_s_fixed_threshold_is_a_limit_even_when_it_cannot_decide(con, policies):
    # March 24, 2003 letter, proviso (ii): "not less than ($120,000,000)"; the 9.2.4(a) result itself has no threshold
    # (before the Sixth Amendment), so the condition's floor is the only limit
    add_ebitda(con, date(2003, 3, 31), "-100000000.00")
    add_amount(con, "ppca_waiver_condition_tests", "ppca-2002/waiver-2003-03-24-minimum-ebitda/condition-ii",
               date(2003, 3, 31), "-110000000.00", kind="maintenance", transaction_id=None)
    [result] = evaluate_all(con, policies)
    assert result.limits == (
        Limit("condition", "(ii) EBITDA inclusive of non-cash pension expenses incurred beginning January 1, 2003 not less than ($120,000,000)",
              Decimal("-120000000"), "ppca-2002/waiver-2003-03-24-minimum-ebitda/condition-ii", "letter of March 24, 2003, proviso (ii)",
              "ppca-2002/waiver-2003-03-24-minimum-ebitda"),
    )


def test_a_waiver_cap_computed_by_its_mart_is_a_limit(con, policies):
    # Eleventh Amendment waiver A: cap 195,000,000 (the mart's threshold); retired 195,000,000 <= 195,000,000: waived
    add_amount(con, "ca1994_payment_tests", "ca-1994/9.2.6(b)", date(1997, 12, 1), "5000000.00", transaction_id="RP-A")
    add_amount(con, "ca1994_waiver_condition_tests", "ca-1994/amend11/waiver-A/cap", date(1997, 12, 1), "195000000.00",
               threshold="195000000.00", transaction_id="RP-A")
    [result] = [r for r in evaluate_all(con, policies) if r.clause_id == "ca-1994/9.2.6(b)"]
    assert result.status == "waived"
    [cap] = [limit for limit in result.limits if limit.kind == "condition"]
    assert (cap.value, cap.clause_id, cap.applies_to) == (Decimal("195000000.00"), "ca-1994/amend11/waiver-A/cap", "ca-1994/waiver-amend11-A-subordinated-debt")
    assert cap.source.endswith("; computed in ca1994_waiver_condition_tests")


def test_an_unknown_limit_kind_is_refused(con, policies):
    add_ebitda(con, date(2003, 12, 31), "-90000000.00")
    with_limits(con)
    con.execute("update minimum_ebitda_tests set limits = ?", [json.dumps([listed("bonus", "x", "1", "ppca-2002/9.2.4(c)")])])
    with pytest.raises(ValueError, match="unknown limit kind 'bonus'"):
        evaluate_all(con, policies)
