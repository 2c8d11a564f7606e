"""ppca-2002/9.2.4(a) as replaced by the Sixth Amendment: EBITDA for the 4 Fiscal Quarters "not less than" the table
amount [Sixth Amendment § 1.4 (Credit Agreement § 9.2.4(a))] (>=), reduced by 9.2.4(c) and (d); and the March 29, 2004 limited waiver (N52), which covers the
periods ending 12/31/03 and 3/31/04 and is "effective only through May 31, 2004"."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from mart_rows import add_ebitda

from pipelines.policy.evaluation import evaluate_all
from pipelines.policy.loading import PolicyError
from pipelines.policy.schema import ScopedTestDates, WaiverExtension

WAIVER = "ppca-2002/waiver-2004-03-29-minimum-ebitda"


def one(con, policies, as_of=None):
    [result] = evaluate_all(con, policies, as_of)
    return result


def test_december_2003_failure_is_waived_by_the_march_29_2004_letter(con, policies):
    # threshold = −92,000,000 − 5,000,000 reduction = −97,000,000; −125,000,000 < −97,000,000: fails by 28,000,000.
    # Determined 2003-12-31 + 90 days = 2004-03-30, after the letter (2004-03-29) and before it lapses (2004-05-31).
    add_ebitda(con, date(2003, 12, 31), "-125000000.00", reduction="5000000.00")
    result = one(con, policies)
    assert (result.status, result.status_before_waiver, result.waiver_id) == ("waived", "fail", WAIVER)
    assert (result.actual, result.threshold, result.headroom) == (Decimal("-125000000.00"), Decimal("-97000000.00"), Decimal("-28000000.00"))
    assert result.determination_date == date(2004, 3, 30)


def test_waiver_lapses_after_may_31_2004(con, policies):
    add_ebitda(con, date(2003, 12, 31), "-125000000.00")
    assert one(con, policies, as_of=date(2004, 5, 31)).status == "waived"
    con.execute("delete from minimum_ebitda_tests")
    add_ebitda(con, date(2003, 12, 31), "-125000000.00")
    lapsed = one(con, policies, as_of=date(2004, 6, 1))
    assert lapsed.status == "fail"
    assert "lapsed on May 31, 2004" in lapsed.explanation


def test_an_extension_letter_prolongs_the_waiver_without_editing_it(con, policies):
    extension = WaiverExtension(
        extension_id="ppca-2002/waiver-2004-07-29-extension",
        extends=WAIVER,
        dated=date(2004, 7, 29),
        source="waiver letter of July 29, 2004",
        text="the EBITDA Waiver Termination Date ... shall be extended to ... September 30, 2004",
        effective_through=date(2004, 9, 30),
        adds_scope=(ScopedTestDates(clause_id="ppca-2002/9.2.4(b)", test_dates=(date(2004, 7, 31), date(2004, 8, 31))),),
    )
    extended = replace(policies, extensions=(extension,))
    add_ebitda(con, date(2003, 12, 31), "-125000000.00")
    assert one(con, extended, as_of=date(2004, 7, 28)).status == "fail"  # between the lapse and the extension
    assert one(con, extended, as_of=date(2004, 8, 15)).status == "waived"
    assert one(con, extended, as_of=date(2004, 10, 1)).status == "fail"


def test_two_waivers_over_one_failure_is_a_policy_error(con, policies):
    [march_2004] = [w for w in policies.waivers if w.waiver_id == WAIVER]
    twin = march_2004.model_copy(update={"waiver_id": "ppca-2002/waiver-twin"})
    add_ebitda(con, date(2003, 12, 31), "-125000000.00")
    with pytest.raises(PolicyError, match="both apply"):
        evaluate_all(con, replace(policies, waivers=policies.waivers + (twin,)))
