"""ppca-2002/9.2.4(a) as replaced by the Sixth Amendment: EBITDA for the 4 Fiscal Quarters "not less than" the table
amount [Sixth Amendment § 1.4 (Credit Agreement § 9.2.4(a))] (>=), reduced by 9.2.4(c) and (d); and the March 29, 2004 limited waiver (N52), which covers the
periods ending 12/31/03 and 3/31/04 and is "effective only through May 31, 2004"."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from mart_rows import add_amount, add_ebitda

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


def test_an_extension_letter_is_in_force_from_its_own_date(con, policies):
    # the July 29, 2004 letter extends the term to September 30, 2004 from July 29 itself: a 12/31/03 failure
    # determined on 2004-07-28 finds the term lapsed (May 31, 2004), determined on 2004-07-29 it is waived
    extended = replace(policies, extensions=(_extension(date(2004, 7, 29), date(2004, 7, 31)),))
    add_ebitda(con, date(2003, 12, 31), "-125000000.00")
    assert (one(con, extended, as_of=date(2004, 7, 28)).status, one(con, extended, as_of=date(2004, 7, 29)).status) == ("fail", "waived")


def test_an_extension_adds_its_scope_only_from_its_own_date(con, policies):
    # a letter dated 2004-05-15 (within the March 29, 2004 waiver's term, through May 31, 2004) adding 9.2.4(b) for
    # 2/29/04: -61,000,000.01 < -61,000,000 fails; determined 2004-05-14 the waiver's scope does not yet name 2/29/04
    # (fail), determined 2004-05-15 it does (waived), though the waiver's own term covers both days
    extended = replace(policies, extensions=(_extension(date(2004, 5, 15), date(2004, 2, 29)),))
    add_amount(con, "ppca_monthly_minimum_ebitda_tests", "ppca-2002/9.2.4(b)", date(2004, 2, 29), "-61000000.01", kind="maintenance", transaction_id=None)
    before, on = (one(con, extended, as_of=day) for day in (date(2004, 5, 14), date(2004, 5, 15)))
    assert (before.status, before.waiver_id) == ("fail", None)
    assert (on.status, on.waiver_id, on.headroom) == ("waived", WAIVER, Decimal("-0.01"))


def _extension(dated: date, added: date) -> WaiverExtension:
    """A letter extending the March 29, 2004 waiver to September 30, 2004 and adding one 9.2.4(b) month to its scope."""
    return WaiverExtension(
        extension_id="ppca-2002/waiver-extension-for-test",
        extends=WAIVER,
        dated=dated,
        source="a letter made up for the test",
        text="the limited waiver shall also apply to the measurement period named",
        effective_through=date(2004, 9, 30),
        adds_scope=(ScopedTestDates(clause_id="ppca-2002/9.2.4(b)", test_dates=(added,)),),
    )


def test_two_waivers_over_one_failure_is_a_policy_error(con, policies):
    [march_2004] = [w for w in policies.waivers if w.waiver_id == WAIVER]
    twin = march_2004.model_copy(update={"waiver_id": "ppca-2002/waiver-twin"})
    add_ebitda(con, date(2003, 12, 31), "-125000000.00")
    with pytest.raises(PolicyError, match="both apply"):
        evaluate_all(con, replace(policies, waivers=policies.waivers + (twin,)))
