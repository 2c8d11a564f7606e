"""The agreements as they stood on a day (`--rules-as-of`): each dated value, period and waiver on each side of its
signing date, a clause under both versions where both texts are held, and the answer where the text of the day is
not held. Hand-made mart rows (conftest.py); expected values read off the clauses."""

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from mart_rows import add_amount, add_ebitda

from pipelines.policy.evaluation import evaluate_all
from pipelines.policy.rules_as_of import as_they_stood, without_amendment
from pipelines.policy.schema import DatedValue, EarlierText, NoThresholdPeriod

SIXTH = "ppca-2002/amend6"
ELEVENTH = "ca-1994/amend11"
THIRTEENTH = "ca-1994/amend13"
PPCA_EARLIER = "the Post-Petition Credit Agreement as signed (February 12, 2002) and its First to Fifth Amendments"
CA_EARLIER = "the Credit Agreement as signed (February 15, 1994) and its First to Tenth Amendments"


def one(con, policies, as_of=None):
    [result] = evaluate_all(con, policies, as_of)
    return result


def test_june_2003_minimum_ebitda_on_the_sixth_amendments_signing_day(con, policies):
    # Sixth Amendment § 1.4: "4 Fiscal Quarters ending 6/30/03 $(135,000,000)"; (125,000,000) >= (135,000,000): pass,
    # 10,000,000 of headroom. Signed August 1, 2003: the table is part of the agreement as it stood that day.
    add_ebitda(con, date(2003, 6, 30), "-125000000.00")
    result = one(con, as_they_stood(policies, date(2003, 8, 1)))
    assert (result.status, result.threshold, result.headroom) == ("pass", Decimal("-135000000"), Decimal("10000000.00"))
    [clause] = result.rules_applied
    assert (clause.rule_id, clause.version, clause.signed_on, clause.effective_on) == ("ppca-2002/9.2.4(a)", SIXTH, date(2003, 8, 1), date(2003, 8, 1))
    assert clause.policy_file == "policies/ppca-2002/covenants/9.2.4-a.yaml"


def test_june_2003_minimum_ebitda_the_day_before_is_in_a_text_not_held(con, policies):
    # On July 31, 2003, 9.2.4 read as before the Sixth Amendment: the agreement as signed and its First to Fifth
    # Amendments, which the project does not hold. No threshold is guessed: indeterminate, naming those documents.
    add_ebitda(con, date(2003, 6, 30), "-125000000.00")
    result = one(con, as_they_stood(policies, date(2003, 7, 31)))
    assert (result.status, result.threshold) == ("indeterminate", None)
    assert "Under the agreement as it stood on July 31, 2003" in result.explanation
    assert PPCA_EARLIER + ": not held" in result.explanation
    [clause] = result.rules_applied
    assert (clause.version, clause.signed_on) == (f"before {SIXTH}", None)
    assert clause.title == PPCA_EARLIER + " (not held)"


def test_a_new_senior_debt_basket_on_each_side_of_the_eleventh_amendment(con, policies):
    # Eleventh Amendment § 1.3 D, 9.2.2(b)(i)(B): New Senior Debt "does not exceed $200,000,000"; 175,000,000 <=
    # 200,000,000 passes with 25,000,000 to spare under the agreement as it stood on October 20, 1997 (its signing
    # day); on October 19, 1997 clause (b)(i) is the one it restated, in documents not held: indeterminate.
    add_amount(con, "ca1994_basket_tests", "ca-1994/9.2.2(b)(i)(B)", date(1997, 11, 3), "175000000.00", threshold="200000000.00")
    signed = one(con, as_they_stood(policies, date(1997, 10, 20)))
    assert (signed.status, signed.threshold, signed.headroom) == ("pass", Decimal("200000000.00"), Decimal("25000000.00"))
    # the clause as the Eleventh Amendment restated it, and its $200,000,000 as the parameter that amendment introduced
    assert [(v.rule, v.rule_id, v.version) for v in signed.rules_applied] == [
        ("clause", "ca-1994/9.2.2(b)(i)(B)", ELEVENTH), ("parameter", "ca-1994/new_senior_debt_cap", ELEVENTH)]
    before = one(con, as_they_stood(policies, date(1997, 10, 19)))
    assert before.status == "indeterminate"
    assert CA_EARLIER + ": not held" in before.explanation


def test_the_center_for_technology_waiver_on_each_side_of_its_letter(con, policies):
    # 9.2.11 restricts the sale (1 > 0 fails); the letter of August 18, 2000 waives it for this sale. Under the
    # agreements as they stood on August 18, 2000 it is waived; on August 17, 2000 the letter did not exist: fail.
    add_amount(con, "ca1994_payment_tests", "ca-1994/9.2.11", date(2000, 8, 25), "1.00", transaction_id="AS-2000-CFT")
    waived = one(con, as_they_stood(policies, date(2000, 8, 18)))
    assert (waived.status, waived.waiver_id) == ("waived", "ca-1994/waiver-2000-08-18-cft-sale")
    clause, letter = waived.rules_applied
    assert (clause.version, clause.signed_on) == ("as signed", date(1994, 2, 15))
    assert (letter.rule, letter.version, letter.signed_on, letter.effective_on) == ("waiver", "letter of 2000-08-18", date(2000, 8, 18), date(2000, 8, 18))
    assert letter.policy_file == "policies/ca-1994/waivers/2000-08-18-center-for-technology.yaml"
    earlier = one(con, as_they_stood(policies, date(2000, 8, 17)))
    assert (earlier.status, earlier.waiver_id, len(earlier.rules_applied)) == ("fail", None, 1)


def test_a_waiver_signed_after_its_effective_date_counts_from_its_signing(con, policies):
    # a letter dated (effective) August 18, 2000 but signed August 21, 2000: not part of the agreements as they
    # stood on August 20, 2000, part of them on August 21
    waiver = next(w for w in policies.waivers if w.waiver_id == "ca-1994/waiver-2000-08-18-cft-sale")
    signed_later = replace(policies, waivers=tuple(w if w is not waiver else w.model_copy(update={"signed_on": date(2000, 8, 21)}) for w in policies.waivers))
    assert waiver.waiver_id not in {w.waiver_id for w in as_they_stood(signed_later, date(2000, 8, 20)).waivers}
    assert waiver.waiver_id in {w.waiver_id for w in as_they_stood(signed_later, date(2000, 8, 21)).waivers}


def _tagged(policies):
    """Every dated value, period and waiver that names an amendment, as (what, amendment id)."""
    for covenant in policies.covenants:
        for value in (*covenant.threshold.by_effective_date, *covenant.threshold.by_test_date):
            if value.amendment:
                yield (covenant.clause_id, value), value.amendment
        for period in covenant.periods_without_threshold:
            if period.amendment:
                yield (covenant.clause_id, period), period.amendment
    for parameter in policies.parameters:
        for value in parameter.values:
            if value.amendment:
                yield (parameter.name, value), value.amendment
    for waiver in policies.waivers:
        if waiver.amendment:
            yield (waiver.waiver_id, waiver), waiver.amendment


def _present(policies, name, item):
    if any(w is item for w in policies.waivers):
        return True
    for covenant in policies.covenants:
        if covenant.clause_id == name:
            return any(v == item for v in (*covenant.threshold.by_effective_date, *covenant.threshold.by_test_date, *covenant.periods_without_threshold))
    return any(v == item for p in policies.parameters if p.name == name for v in p.values)


def test_each_value_period_and_waiver_on_each_side_of_its_amendments_signing(policies):
    tagged = list(_tagged(policies))
    # the Sixth Amendment: 7 quarterly and 18 monthly minimum EBITDA amounts, 9.2.7(ii)'s $49,000,000, 12.1(vii)'s
    # 86%, effectiveness (a)'s 0, the QAL amount and its proviso, 3 periods (where its tables end), 43 parameter values;
    # the Eleventh: 4 values (9.2.6(b) and the three conditions), its waivers 1 and A, and 4 parameter values (the New
    # Senior, Additional New Senior and New Subordinated Debt caps of 9.2.2(b)(i), waiver 1's MAXXAM amount); the
    # Thirteenth: 6 parameter values (the four Maximum Letter of Credit Amounts, 9.2.3(y) and 9.2.5(u))
    counts = {}
    for _, amendment in tagged:
        counts[amendment] = counts.get(amendment, 0) + 1
    assert counts == {SIXTH: 7 + 18 + 1 + 1 + 1 + 2 + 3 + 43, ELEVENTH: 4 + 2 + 4, THIRTEENTH: 6}
    for (name, item), amendment in tagged:
        signed = policies.amendment(amendment).signed_on
        assert _present(as_they_stood(policies, signed), name, item), (name, item)
        assert not _present(as_they_stood(policies, signed - timedelta(days=1)), name, item), (name, item)


def test_a_clause_under_both_versions_where_both_texts_are_held(con, policies):
    # Hypothetical: the register holding the text 9.2.6(b)(i) had before the Eleventh Amendment, which (say) allowed
    # $10,000,000 of Subordinated Debt retired. A retirement of 5,000,000 on March 2, 1998 (after the amendment's
    # effective date): as they stood on October 19, 1997, 5,000,000 <= 10,000,000 passes with 5,000,000 to spare;
    # as they stood on October 20, 1997, the restated clause allows none: 5,000,000 > 0 fails by 5,000,000, and with
    # waiver A left out (the hypothetical keeps only the clause) it stays `fail`.
    earlier_held = tuple(a if a.amendment_id != ELEVENTH else a.model_copy(update={"earlier_text": EarlierText(documents="the earlier text", held=True)})
                         for a in policies.amendments)
    original = DatedValue(effective_from=date(1994, 2, 15), value="10000000", source="hypothetical earlier 9.2.6(b)(i)")
    covenants = []
    for covenant in policies.covenants:
        if covenant.clause_id == "ca-1994/9.2.6(b)":
            dated = (original, *covenant.threshold.by_effective_date)
            before = tuple(p for p in covenant.periods_without_threshold if p.status == "not_applicable")
            covenant = covenant.model_copy(update={"threshold": covenant.threshold.model_copy(update={"by_effective_date": dated}),
                                                   "periods_without_threshold": before})
        covenants.append(covenant)
    held = replace(policies, amendments=earlier_held, covenants=tuple(covenants), waivers=())
    add_amount(con, "ca1994_payment_tests", "ca-1994/9.2.6(b)", date(1998, 3, 2), "5000000.00")
    earlier = one(con, as_they_stood(held, date(1997, 10, 19)))
    assert (earlier.status, earlier.threshold, earlier.headroom) == ("pass", Decimal("10000000"), Decimal("5000000.00"))
    assert earlier.rules_applied[0].version == "as signed"
    restated = one(con, as_they_stood(held, date(1997, 10, 20)))
    assert (restated.status, restated.threshold, restated.headroom) == ("fail", Decimal("0"), Decimal("-5000000.00"))
    assert restated.rules_applied[0].version == ELEVENTH


def test_without_an_amendment_only_what_it_introduced_goes(policies):
    # without the Eleventh Amendment its waivers 1 and A go, and the four parameters whose only value it introduced;
    # the Center for Technology letter (2000), the Thirteenth Amendment's values (1998) and the Sixth's (2003) stay
    without = without_amendment(policies, ELEVENTH)
    assert {w.waiver_id for w in without.waivers} == {w.waiver_id for w in policies.waivers} - {
        "ca-1994/waiver-amend11-1-maxxam", "ca-1994/waiver-amend11-A-subordinated-debt"}
    assert {p.name for p in policies.parameters} - {p.name for p in without.parameters} == {
        "additional_new_senior_debt_cap", "maxxam_tax_allocation_payment", "new_senior_debt_cap", "new_subordinated_debt_cap"}
    assert all(p in policies.parameters for p in without.parameters)
    assert {clause for clause, _ in without.withheld} == {
        "ca-1994/9.2.2(a)(iii)", "ca-1994/9.2.2(b)(i)(A)", "ca-1994/9.2.2(b)(i)(B)", "ca-1994/9.2.2(b)(i)(B)/conditions",
        "ca-1994/9.2.2(b)(i)(C)", "ca-1994/9.2.2(b)(i)(C)/conditions", "ca-1994/9.2.2(b)(i)(D)",
        "ca-1994/9.2.2(b)(i)(D)/conditions", "ca-1994/9.2.6(b)"}


@pytest.mark.parametrize("day", [date(1990, 1, 1), date(2003, 7, 31)])
def test_the_days_before_an_agreement_existed_keep_their_answer(con, policies, day):
    # a test date before February 12, 2002 is not_applicable under any version: the agreement did not exist
    add_ebitda(con, date(2001, 12, 31), "-1.00")
    assert one(con, as_they_stood(policies, day)).status == "not_applicable"


def test_a_period_the_sixth_amendment_introduced_goes_with_it(policies):
    # "4 Fiscal Quarters ending 12/31/04" ends the table; the period from January 1, 2005 is the Sixth Amendment's
    [covenant] = [c for c in as_they_stood(policies, date(2003, 7, 31)).covenants if c.clause_id == "ppca-2002/9.2.4(a)"]
    assert [p.from_date for p in covenant.periods_without_threshold] == [date(1990, 1, 1), date(2002, 2, 12)]
    assert isinstance(covenant.periods_without_threshold[1], NoThresholdPeriod)
    assert covenant.periods_without_threshold[1].until_date == date(9999, 12, 31)


def test_the_sixth_amendments_own_conditions_do_not_exist_before_it_was_signed(con, policies):
    # § 3: effective only if the fee of .008 x the Revolving Commitment Amount ($285,000,000: 2,280,000.00) is paid;
    # 2,280,000.00 paid >= 2,280,000.00 passes at the boundary under the agreements as they stood on August 1, 2003;
    # on July 31, 2003 the amendment, and so its conditions, did not exist: not_applicable, not a text not held
    add_amount(con, "ppca_amendment_tests", "ppca-2002/amend6/effectiveness(c)", date(2003, 8, 1), "2280000.00", threshold="2280000.00", kind="maintenance")
    signed = one(con, as_they_stood(policies, date(2003, 8, 1)))
    assert (signed.status, signed.headroom) == ("pass", Decimal("0.00"))
    before = one(con, as_they_stood(policies, date(2003, 7, 31)))
    assert before.status == "not_applicable"
    assert "does not exist: it is a term of the Sixth Amendment to Post-Petition Credit Agreement, signed August 1, 2003" in before.explanation


def test_the_parameters_a_clause_reads_are_rules_applied_too(con, policies):
    # 9/30/03 under the agreements as they are: the Sixth Amendment's table, and the six parameters of 9.2.4(c) and
    # (d) it set from August 1, 2003 (the VALCO caps: $20,000,000 a quarter, $6,666,667 a month, $60,000,000 in all;
    # natural gas: the $3.50 Forecast Price, the $5.50 ceiling, at most $10,000,000); as they stood on July 31, 2003
    # none of them was signed
    add_ebitda(con, date(2003, 9, 30), "-120000000.00")
    result = one(con, policies)
    assert [(v.rule, v.rule_id, v.version, v.effective_on) for v in result.rules_applied] == [
        ("clause", "ppca-2002/9.2.4(a)", SIXTH, date(2003, 8, 1)),
        *((("parameter", f"ppca-2002/{name}", SIXTH, date(2003, 8, 1)) for name in (
            "natural_gas_ceiling_price", "natural_gas_forecast_price", "natural_gas_maximum_reduction",
            "valco_shortfall_cap_aggregate", "valco_shortfall_cap_per_month", "valco_shortfall_cap_per_quarter"))),
    ]
    assert result.rules_applied[1].policy_file == "policies/ppca-2002/parameters/natural_gas_ceiling_price.yaml"
    before = one(con, as_they_stood(policies, date(2003, 7, 31)))
    assert [v.rule for v in before.rules_applied] == ["clause"]
