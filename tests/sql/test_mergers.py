"""The merger marts (11.01(a), 11.01(b), 15.03(b), 4.05) on literal raw rows, evaluated by their policies. Figures are
derived by hand beside each assertion.

The Company's year: net sales of 16,500,000 in each quarter of 1999 (CCFAFC 66,000,000 for the four quarters); the
Notes, 10,000,000 at 10%, and the Credit Agreement (4.10(b)(ii)), 100,000,000 at 8%, both 30/360. An event on 2000-03-01
is priced on the four quarters of 1999 (1999-12-31 + 45 days < 2000-03-01) and the forward year 2000: interest 1,000,000
+ 8,000,000, plus the deemed 4.10(b)(ii) draw of 400,000,000 - 100,000,000 = 300,000,000 at the weighted 8% = 24,000,000,
so Consolidated Fixed Charges 33,000,000 and a ratio of 66,000,000 / 33,000,000 = exactly 2.0. Consolidated Net Worth at
1999-12-31: 500,000,000 of cash.
"""

import json
from decimal import Decimal

import pytest
from raw_tables import add, attest, attest_cni_quarters, build, one, tb

from pipelines.policy.evaluation import evaluate_covenant
from pipelines.policy.loading import load_policies

QUARTERS_1999 = ("1999-03-31", "1999-06-30", "1999-09-30", "1999-12-31")
DAY = "2000-03-01"
MARTS = ("merger_condition_tests", "merger_coverage_tests", "merger_net_worth_tests")


@pytest.fixture(scope="module")
def policies():
    return load_policies()


def company_year(con):
    for quarter_end, ytd in zip(QUARTERS_1999, ("-16500000.00", "-33000000.00", "-49500000.00", "-66000000.00")):
        tb(con, quarter_end, "net_sales", ytd)
    tb(con, "1999-12-31", "cash", "500000000.00")
    attest_cni_quarters(con, *QUARTERS_1999)
    add(con, "debt_instruments", instrument_id="NOTES", fixed_rate="0.10000000", day_count="30/360")
    add(con, "debt_balances", instrument_id="NOTES", period_end="1999-12-31", principal_outstanding="10000000.00")
    add(con, "debt_instruments", instrument_id="REV", indenture_basket="4.10(b)(ii)", fixed_rate="0.08000000", day_count="30/360")
    add(con, "debt_balances", instrument_id="REV", period_end="1999-12-31", principal_outstanding="100000000.00")
    add(con, "entities", entity_id="KAC", role="parent", is_subsidiary="false", ownership_pct="0.000000", consolidation_method="none")
    add(con, "entities", entity_id="SG", role="subsidiary", is_subsidiary_guarantor="true")
    add(con, "entities", entity_id="SUB", role="subsidiary")


def merger(con, merger_id, **values):
    add(con, "mergers", merger_id=merger_id, effective_date=DAY, **values)
    attest(con, "projected_other_fixed_charges", DAY, "0.00", reference_id=merger_id)


def certified(con, merger_id):
    """The surviving corporation not in default, and its Officers' Certificate and Opinion of Counsel delivered."""
    for subject in ("no_default", "merger_officers_certificate_delivered", "merger_opinion_of_counsel_delivered"):
        attest(con, subject, DAY, "true", reference_id=merger_id)


def results(con, policies, clause_id):
    build(con, *MARTS)
    [covenant] = [c for c in policies.covenants if c.clause_id == clause_id]
    return {r.transaction_id: r for r in evaluate_covenant(con, covenant, policies)}


def test_the_company_survives_its_ratio_on_the_effective_date_plus_the_merged_business(con, policies):
    company_year(con)
    merger(con, "M-UNATTESTED")
    merger(con, "M-PLUS-A-CENT")
    attest(con, "ccfafc_of_merged_business", "1999-12-31", "0.01", reference_id="M-PLUS-A-CENT")
    merger(con, "M-UPSTREAM", counterparty="SUB", counterparty_role="subsidiary")
    found = results(con, policies, "indenture-1996/11.01(a)(iii)")
    row = one(con, "select * from merger_coverage_tests where transaction_id = 'M-UPSTREAM'")
    assert row["numerator"] == Decimal("66000000.00")  # 4 x 16,500,000; a Subsidiary's cash flow is in it already
    assert row["denominator"] == Decimal("867240000000.0000000000")  # (1,000,000 + 8,000,000 + 24,000,000) x 26,280
    assert json.loads(row["inputs"])["deemed_4_10_b_ii_draw_principal"]["value"] == "300000000.00"
    # exactly 2.0 is not "greater than 2.0"
    assert (found["M-UPSTREAM"].status, str(found["M-UPSTREAM"].actual)) == ("fail", "2.000000")
    # 66,000,000.01 / 33,000,000 > 2.0
    assert found["M-PLUS-A-CENT"].status == "pass"
    # an outside business taken in without its attested cash flow: never pass
    assert found["M-UNATTESTED"].status == "indeterminate"
    assert "ccfafc_of_merged_business attestation (R-I03) for M-UNATTESTED for the four quarters ending December 31, 1999" in found["M-UNATTESTED"].explanation


def test_net_worth_after_against_the_company_before(con, policies):
    company_year(con)
    for merger_id, after in (("M-EQUAL", "500000000.00"), ("M-CENT-LESS", "499999999.99"), ("M-UNATTESTED", None)):
        merger(con, merger_id)
        if after:
            attest(con, "surviving_corporation_consolidated_net_worth", DAY, after, reference_id=merger_id)
    found = results(con, policies, "indenture-1996/11.01(a)(v)")
    row = one(con, "select * from merger_net_worth_tests where transaction_id = 'M-EQUAL'")
    assert row["threshold"] == Decimal("500000000.00")  # the Company's Consolidated Net Worth at 1999-12-31
    assert json.loads(row["inputs"])["before_as_of"]["value"] == "1999-12-31"
    assert (found["M-EQUAL"].status, found["M-EQUAL"].headroom) == ("pass", Decimal("0.00"))  # "equal to or greater"
    assert (found["M-CENT-LESS"].status, found["M-CENT-LESS"].headroom) == ("fail", Decimal("-0.01"))
    assert found["M-UNATTESTED"].status == "indeterminate"


def test_a_survivor_other_than_the_company(con, policies):
    company_year(con)
    newco = {"event_kind": "transfer_of_all_property", "counterparty": "Newco", "survivor": "counterparty", "survivor_role": "other",
             "survivor_organized_in_us": "true", "supplemental_indenture_date": DAY}
    merger(con, "M-US", **newco)
    merger(con, "M-FOREIGN", **{**newco, "survivor_organized_in_us": "false"})
    merger(con, "M-NO-SUPPLEMENT", **{**newco, "supplemental_indenture_date": None})
    for merger_id in ("M-US", "M-FOREIGN", "M-NO-SUPPLEMENT"):
        certified(con, merger_id)
    attest(con, "surviving_corporation_ccfafc", DAY, "90000000.00", reference_id="M-US")
    attest(con, "surviving_corporation_forward_fixed_charges", DAY, "44999999.99", reference_id="M-US")
    attest(con, "surviving_corporation_ccfafc", DAY, "90000000.00", reference_id="M-FOREIGN")
    attest(con, "surviving_corporation_forward_fixed_charges", DAY, "45000000.00", reference_id="M-FOREIGN")
    conditions = results(con, policies, "indenture-1996/11.01(a)")
    assert (conditions["M-US"].status, conditions["M-US"].actual) == ("pass", Decimal("0.00"))
    assert (conditions["M-FOREIGN"].status, conditions["M-FOREIGN"].actual) == ("fail", Decimal("1.00"))  # (ii)
    assert (conditions["M-NO-SUPPLEMENT"].status, conditions["M-NO-SUPPLEMENT"].actual) == ("fail", Decimal("1.00"))  # (iv)
    ratios = results(con, policies, "indenture-1996/11.01(a)(iii)")
    assert ratios["M-US"].status == "pass"  # 90,000,000 / 44,999,999.99 > 2.0
    assert (ratios["M-FOREIGN"].status, str(ratios["M-FOREIGN"].actual)) == ("fail", "2.000000")  # exactly 2.0
    assert ratios["M-NO-SUPPLEMENT"].status == "indeterminate"  # the survivor's figures not attested
    assert "surviving_corporation_ccfafc attestation (R-I03) for M-NO-SUPPLEMENT" in ratios["M-NO-SUPPLEMENT"].explanation


def test_a_condition_not_attested_is_indeterminate(con, policies):
    company_year(con)
    merger(con, "M1")
    attest(con, "no_default", DAY, "true", reference_id="M1")
    attest(con, "merger_officers_certificate_delivered", DAY, "true", reference_id="M1")
    [result] = results(con, policies, "indenture-1996/11.01(a)").values()
    assert result.status == "indeterminate"
    assert "merger_opinion_of_counsel_delivered attestation for M1" in result.explanation


@pytest.mark.parametrize(("subject", "condition"), [
    ("no_default", "(i) not in default"),
    ("merger_officers_certificate_delivered", "Officers' Certificate"),
    ("merger_opinion_of_counsel_delivered", "Opinion of Counsel"),
])
def test_a_condition_attested_as_not_met_fails(con, policies, subject, condition):
    # 11.01(a), the Company surviving: (i) no Default, (v) the Officers' Certificate and the Opinion of Counsel. One of
    # them attested false: 1 condition out of line, the others 0, listed in the clause's order
    company_year(con)
    merger(con, "M1")
    certified(con, "M1")
    con.execute("update raw_attestations set value = 'false' where subject = ? and reference_id = 'M1'", [subject])
    [result] = results(con, policies, "indenture-1996/11.01(a)").values()
    assert (result.status, result.actual) == ("fail", Decimal("1.00"))
    row = one(con, "select * from merger_condition_tests where transaction_id = 'M1' and clause_id = 'indenture-1996/11.01(a)'")
    inputs = json.loads(row["inputs"])
    assert list(inputs) == ["(i) not in default", "Officers' Certificate", "Opinion of Counsel"]
    assert {name: value["value"] for name, value in inputs.items()} == {name: "1" if name == condition else "0" for name in inputs}


def test_11_01_b_into_kac_or_a_subsidiary_guarantor_needs_only_the_assumption(con, policies):
    company_year(con)
    merger(con, "M-KAC", counterparty="KAC", counterparty_role="kac", survivor="counterparty", survivor_role="kac")
    merger(con, "M-SG", counterparty="SG", counterparty_role="subsidiary_guarantor", survivor="counterparty",
           survivor_role="subsidiary_guarantor", supplemental_indenture_date=DAY)
    assumption = results(con, policies, "indenture-1996/11.01(b)")
    assert (assumption["M-KAC"].status, assumption["M-KAC"].actual) == ("fail", Decimal("1.00"))  # no supplemental indenture
    assert assumption["M-SG"].status == "pass"
    for clause_id in ("indenture-1996/11.01(a)", "indenture-1996/11.01(a)(iii)", "indenture-1996/11.01(a)(v)"):
        found = results(con, policies, clause_id)
        assert {r.status for r in found.values()} == {"not_applicable"}, clause_id
        assert found["M-KAC"].explanation.startswith("11.01(b): a consolidation, merger or transfer of the Company with or into, or to, KAC")


def test_15_03_b_a_subsidiary_guarantor_merged_into_an_outside_corporation_that_stays_a_subsidiary(con, policies):
    company_year(con)
    outside = {"entity_id": "SG", "counterparty": "Outside Corp", "survivor": "counterparty", "survivor_role": "subsidiary",
               "survivor_organized_in_us": "true", "supplemental_indenture_date": DAY}
    merger(con, "M-SG-EQUAL", **outside)
    merger(con, "M-SG-LESS", **{**outside, "supplemental_indenture_date": None})
    for merger_id, after in (("M-SG-EQUAL", "80000000.00"), ("M-SG-LESS", "79999999.99")):
        certified(con, merger_id)
        attest(con, "subsidiary_guarantor_consolidated_net_worth_before", DAY, "80000000.00", reference_id=merger_id)
        attest(con, "surviving_corporation_consolidated_net_worth", DAY, after, reference_id=merger_id)
        attest(con, "ccfafc_of_merged_business", "1999-12-31", "1.00", reference_id=merger_id)
    conditions = results(con, policies, "indenture-1996/15.03(b)")
    assert conditions["M-SG-EQUAL"].status == "pass"
    assert (conditions["M-SG-LESS"].status, conditions["M-SG-LESS"].actual) == ("fail", Decimal("1.00"))  # (B)
    ratio = results(con, policies, "indenture-1996/15.03(b)(i)(C)")
    row = one(con, "select * from merger_coverage_tests where transaction_id = 'M-SG-EQUAL'")
    assert row["numerator"] == Decimal("66000001.00")  # the Company's 66,000,000 + the outside business's 1.00
    assert ratio["M-SG-EQUAL"].status == "pass"  # 66,000,001 / 33,000,000 > 2.0
    net_worth = results(con, policies, "indenture-1996/15.03(b)(i)(D)")
    assert (net_worth["M-SG-EQUAL"].status, net_worth["M-SG-EQUAL"].headroom) == ("pass", Decimal("0.00"))  # equal passes
    assert (net_worth["M-SG-LESS"].status, net_worth["M-SG-LESS"].headroom) == ("fail", Decimal("-0.01"))
    # the guarantor's existence ended by a combination "as provided in Section 15.03": 4.05 (b)
    assert {r.status for r in results(con, policies, "indenture-1996/4.05").values()} == {"pass"}


def test_15_03_a_and_b_ii_are_not_applicable_with_the_reason(con, policies):
    company_year(con)
    merger(con, "M-INTO-COMPANY", entity_id="SG", counterparty="KACC", counterparty_role="company", survivor="counterparty")
    merger(con, "M-SOLD-OUT", entity_id="SG", event_kind="transfer_of_all_property", counterparty="Buyer", survivor="counterparty",
           survivor_role="other")
    found = results(con, policies, "indenture-1996/15.03(b)")
    assert found["M-INTO-COMPANY"].status == "not_applicable"
    assert found["M-INTO-COMPANY"].explanation.startswith("15.03(a):")
    assert found["M-SOLD-OUT"].status == "not_applicable"
    assert "Section 4.14" in found["M-SOLD-OUT"].explanation
    assert results(con, policies, "indenture-1996/15.03(b)(i)(C)") == {}  # only when the survivor is a Subsidiary


def test_4_05_corporate_existence(con, policies):
    company_year(con)
    ended = {"counterparty": None, "counterparty_role": "none", "survivor": "none", "survivor_role": "none"}
    merger(con, "SG-DISSOLVED-WHOLLY-OWNED", entity_id="SG", event_kind="dissolution", wholly_owned_directly_by_company_or_guarantors="true", **ended)
    merger(con, "SG-DISSOLVED-NOT-WHOLLY-OWNED", entity_id="SG", event_kind="liquidation", wholly_owned_directly_by_company_or_guarantors="false", **ended)
    merger(con, "SG-DISCONTINUED", entity_id="SG", event_kind="discontinuance", **ended)
    merger(con, "SUB-ADVISABLE", entity_id="SUB", event_kind="discontinuance", **ended)
    attest(con, "subsidiary_discontinuance_judgment", DAY, "true", reference_id="SUB-ADVISABLE")
    merger(con, "SUB-NO-JUDGMENT", entity_id="SUB", event_kind="dissolution", **ended)
    merger(con, "COMPANY-DISSOLVED", entity_id="KACC", event_kind="dissolution", **ended)
    merger(con, "SUB-SURVIVES", entity_id="SUB", counterparty="Outside Corp")  # its existence goes on: no 4.05 row
    found = results(con, policies, "indenture-1996/4.05")
    assert {k: r.status for k, r in found.items()} == {
        "SG-DISSOLVED-WHOLLY-OWNED": "pass",  # (c)
        "SG-DISSOLVED-NOT-WHOLLY-OWNED": "fail",  # (c) needs it wholly owned directly
        "SG-DISCONTINUED": "fail",  # none of (a), (b), (c)
        "SUB-ADVISABLE": "pass",  # the Company's judgment, attested
        "SUB-NO-JUDGMENT": "indeterminate",
        "COMPANY-DISSOLVED": "fail",  # only Article 11 ends the Company's existence
    }
    assert "subsidiary_discontinuance_judgment attestation (R-I11) for SUB-NO-JUDGMENT" in found["SUB-NO-JUDGMENT"].explanation
