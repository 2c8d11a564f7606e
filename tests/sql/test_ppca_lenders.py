"""ppca-2002: the register of Lenders, the Sixth Amendment's fee and signatures, and the 86% consent of 12.1(vii), on
literal rows, evaluated by the engine. Schedule A [Sixth Amendment, Schedule A] gives the seven Revolving Commitments;
its printed total "$285,00,000" is a typo and the seven add up to 285,000,000 (R-P16). Every expected figure is
derived by hand beside it."""

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from raw_tables import add, build, one, rows

from pipelines.policy.evaluation import evaluate_all
from pipelines.policy.loading import load_policies

D = Decimal
SCHEDULE_A = {  # lender_id: (name, Revolving Commitment)
    "BOFA": ("Bank of America, N.A.", "55000000.00"),
    "GECC": ("General Electric Capital Corporation", "55000000.00"),
    "CIT": ("The CIT Group/Business Credit, Inc.", "40000000.00"),
    "WFF": ("Wells Fargo Foothill, Inc.", "45000000.00"),
    "MLBF": ("Merrill Lynch Business Financial Services Inc", "35000000.00"),
    "GMAC": ("GMAC Commercial Finance LLC", "30000000.00"),
    "PNC": ("PNC Bank, National Association", "25000000.00"),
}


def register(con, effective="2003-08-01", lenders=SCHEDULE_A):
    for lender_id, (name, commitment) in lenders.items():
        add(con, "lenders", lender_id=lender_id, lender_name=name, effective_date=effective, revolving_commitment=commitment, document="Schedule A")


def answers(con, request, day, subject, consenting, principal=None):
    """One row per Lender of Schedule A but those left out of `principal` when it is given."""
    held = principal if principal is not None else dict.fromkeys(SCHEDULE_A, "0.00")
    for lender_id, amount in held.items():
        add(con, "lender_consents", request_id=request, request_date=day, subject=subject, lender_id=lender_id,
            consented=str(lender_id in consenting).lower(), outstanding_principal=amount, document=None)


def results(con, mart, clause_id):
    policies = load_policies()
    build(con, mart)
    mine = tuple(c for c in policies.covenants if c.figure.mart == mart)
    return [r for r in evaluate_all(con, replace(policies, covenants=mine)) if r.clause_id == clause_id]


def fee(con, amount, paid_on="2003-08-01", fee_id="FEE-1"):
    add(con, "lender_fees", fee_id=fee_id, fee_kind="sixth_amendment_fee", paid_on=paid_on, amount=amount, document=None)


def test_lender_shares_and_the_revolving_commitment_amount(con):
    register(con)
    build(con, "ppca_lender_commitments")
    found = {r["lender_id"]: r for r in rows(con, "select * from ppca_lender_commitments where as_of = date '2003-08-01'")}
    # 55 + 55 + 40 + 45 + 35 + 30 + 25 = 285 (millions)
    assert {r["revolving_commitment_amount"] for r in found.values()} == {D("285000000.00")}
    # 55,000,000 / 285,000,000 = 0.192982456140...; 25,000,000 / 285,000,000 = 0.087719298245...
    assert found["BOFA"]["commitment_share"] == D("0.192982456140")
    assert found["PNC"]["commitment_share"] == D("0.087719298246")
    assert (found["PNC"]["commitment_cents"], found["PNC"]["commitment_amount_cents"]) == (2500000000, 28500000000)
    # the default the register replaces says the same: 285,000,000 in 2.1.1(b)(x)
    [default] = [p for p in load_policies().parameters if p.name == "revolving_commitment_amount"]
    assert D(default.values[-1].value) == D("285000000.00")


@pytest.mark.parametrize(
    ("paid", "paid_on", "status", "headroom"),
    [
        ("2280000.00", "2003-08-01", "pass", "0.00"),  # E4: .008 x 285,000,000 = 2,280,000, paid exactly
        ("2279999.99", "2003-08-01", "fail", "-0.01"),  # a cent short
        ("2280000.00", "2003-08-04", "fail", "-2280000.00"),  # paid after the effective date: nothing by then
    ],
)
def test_the_amendment_fee_e4(con, paid, paid_on, status, headroom):
    register(con)
    fee(con, paid, paid_on)
    [result] = results(con, "ppca_amendment_tests", "ppca-2002/amend6/effectiveness(c)")
    assert (result.test_date, result.status, result.threshold, result.headroom) == (date(2003, 8, 1), status, D("2280000.00"), D(headroom))
    # each Lender's ratable share: .008 x its commitment (Bank of America .008 x 55,000,000 = 440,000; PNC 200,000)
    assert result.inputs["amendment_fee_share: Bank of America, N.A."]["value"] == "440000.00"
    assert result.inputs["amendment_fee_share: PNC Bank, National Association"]["value"] == "200000.00"
    assert result.inputs["amendment_fee_share: PNC Bank, National Association"]["commitment_share"] == "0.087719298246"
    assert result.inputs["revolving_commitment_amount"]["source"] == "the register of Lenders (lenders)"


def test_the_fee_follows_the_register_and_ignores_later_assignments(con):
    # six Lenders at 50,000,000 and one at 0 (left before the date): 300,000,000 x .008 = 2,400,000; an assignment that
    # raises a commitment on 2003-09-01 does not change the fee fixed "after giving effect to this Amendment"
    lenders = {f"L{i}": (f"Lender {i}", "50000000.00") for i in range(6)} | {"GONE": ("Former Lender", "0.00")}
    register(con, lenders=lenders)
    add(con, "lenders", lender_id="L0", lender_name="Lender 0", effective_date="2003-09-01", revolving_commitment="80000000.00", document=None)
    fee(con, "2400000.00")
    [result] = results(con, "ppca_amendment_tests", "ppca-2002/amend6/effectiveness(c)")
    assert (result.status, result.threshold) == ("pass", D("2400000.00"))
    assert not any("Former Lender" in name for name in result.inputs)


def test_without_a_register_the_fee_uses_the_agreements_amount_and_without_a_payment_it_waits(con):
    [result] = results(con, "ppca_amendment_tests", "ppca-2002/amend6/effectiveness(c)")
    assert result.status == "indeterminate" and "payment of the amendment fee" in result.explanation
    assert result.inputs["revolving_commitment_amount"]["value"] == "285000000.00"
    assert result.inputs["amendment_fee"]["value"] == "2280000.00"


@pytest.mark.parametrize(
    ("signed", "status", "not_signed"),
    [
        (set(SCHEDULE_A), "pass", "0.00"),  # the seven signature blocks of the Sixth Amendment
        (set(SCHEDULE_A) - {"PNC"}, "fail", "1.00"),  # PNC answered no: "all Lenders" not met
    ],
)
def test_signed_by_all_lenders(con, signed, status, not_signed):
    register(con)
    answers(con, "REQ-AMEND6", "2003-08-01", "sixth_amendment", signed)
    [result] = results(con, "ppca_amendment_tests", "ppca-2002/amend6/effectiveness(a)")
    assert (result.status, result.actual, result.transaction_id) == (status, D(not_signed), "REQ-AMEND6")


def test_a_lender_without_a_row_has_not_signed(con):
    register(con)
    answers(con, "REQ-AMEND6", "2003-08-01", "sixth_amendment", set(SCHEDULE_A), principal={k: "0.00" for k in SCHEDULE_A if k != "GMAC"})
    [result] = results(con, "ppca_amendment_tests", "ppca-2002/amend6/effectiveness(a)")
    assert (result.status, result.inputs["lenders_not_signed"]["value"]) == ("fail", "GMAC Commercial Finance LLC")


def test_a_request_whose_rows_give_two_dates_is_named(con):
    # the signatures of one request are of one day; PNC's row dated a day later leaves the date, and so the result, open
    register(con)
    answers(con, "REQ-AMEND6", "2003-08-01", "sixth_amendment", set(SCHEDULE_A) - {"PNC"}, principal={k: "0.00" for k in SCHEDULE_A if k != "PNC"})
    answers(con, "REQ-AMEND6", "2003-08-02", "sixth_amendment", {"PNC"}, principal={"PNC": "0.00"})
    build(con, "ppca_amendment_tests")
    row = one(con, "select * from ppca_amendment_tests where clause_id = 'ppca-2002/amend6/effectiveness(a)'")
    assert json.loads(row["missing_inputs"]) == ["the rows of request REQ-AMEND6 give different dates"]


@pytest.mark.parametrize(
    ("consenting", "status", "share", "consenting_commitments"),
    [
        # nothing outstanding: the Revolving Commitments count
        (set(SCHEDULE_A) - {"PNC"}, "pass", "0.912281", "260000000.00"),  # 260,000,000 / 285,000,000 = 91.228% >= 86%
        (set(SCHEDULE_A) - {"MLBF"}, "pass", "0.877193", "250000000.00"),  # 250 / 285 = 87.719%
        (set(SCHEDULE_A) - {"GECC"}, "fail", "0.807018", "230000000.00"),  # 230 / 285 = 80.702% < 86%
    ],
)
def test_86_percent_of_the_commitments_when_nothing_is_outstanding(con, consenting, status, share, consenting_commitments):
    register(con)
    answers(con, "REQ-PPE", "2003-10-15", "ppe_subcomponent_reduction", consenting)
    [result] = results(con, "ppca_lender_consent_tests", "ppca-2002/12.1(vii)")
    assert (result.status, result.actual, result.threshold) == (status, D(share), D("0.86"))
    assert result.inputs["basis"]["value"] == "Revolving Commitments"
    # the two amounts the share is of, as the certificate shows them
    shown = (result.inputs["consenting_revolving_commitments"]["value"], result.inputs["revolving_commitments"]["value"])
    assert shown == (consenting_commitments, "285000000.00")


@pytest.mark.parametrize(
    ("bofa", "others", "status"),
    [
        ("86.00", "14.00", "pass"),  # exactly 86% of the principal outstanding: "at least"
        ("85.99", "14.01", "fail"),  # 85.99%
    ],
)
def test_86_percent_of_the_principal_outstanding(con, bofa, others, status):
    # with principal outstanding it decides, whatever the commitments: Bank of America alone holds 86 of 100
    register(con)
    held = {"BOFA": bofa, "GECC": others} | {k: "0.00" for k in SCHEDULE_A if k not in ("BOFA", "GECC")}
    answers(con, "REQ-PPE", "2003-10-15", "ppe_subcomponent_reduction", {"BOFA"}, principal=held)
    [result] = results(con, "ppca_lender_consent_tests", "ppca-2002/12.1(vii)")
    assert result.status == status
    assert result.inputs["basis"]["value"] == "outstanding principal of Revolving Credit Outstandings"


def test_a_missing_lender_matters_only_when_it_could_change_the_answer(con):
    register(con)
    # PNC has no row: its principal is not known. Known: 100,000,000 outstanding, 80,000,000 with consenting Lenders:
    # the share is at most 80% (more held by PNC only lowers it): short of 86% whatever PNC holds
    held = {"BOFA": "80000000.00", "GECC": "20000000.00"} | {k: "0.00" for k in SCHEDULE_A if k not in ("BOFA", "GECC", "PNC")}
    answers(con, "REQ-SHORT", "2003-10-15", "ppe_subcomponent_reduction", {"BOFA"}, principal=held)
    # a second request where the known consenting share is 90%: PNC could hold enough to bring it under 86%
    held = {"BOFA": "90000000.00", "GECC": "10000000.00"} | {k: "0.00" for k in SCHEDULE_A if k not in ("BOFA", "GECC", "PNC")}
    answers(con, "REQ-OPEN", "2003-11-14", "ppe_subcomponent_reduction", {"BOFA"}, principal=held)
    found = {r.transaction_id: r for r in results(con, "ppca_lender_consent_tests", "ppca-2002/12.1(vii)")}
    assert (found["REQ-SHORT"].status, found["REQ-SHORT"].actual) == ("fail", D("0.800000"))
    assert "PNC Bank, National Association" in found["REQ-SHORT"].cautions[0]
    assert found["REQ-OPEN"].status == "indeterminate"
    assert "PNC Bank, National Association" in found["REQ-OPEN"].explanation
