"""`covenants check` for the other kinds of transaction the covenants restrict, on the sample: a Lien (indenture-1996
4.11), a sale and leaseback (def/RefinancingSaleAndLeasebackTransaction, 4.10(b)(ii)), a transaction with an Affiliate
(4.08), a guarantee of Other Indebtedness (4.10(c)), a merger (11.01, 15.03, 4.05), a transfer of assets to a Subsidiary
(4.12), a QAL investment (ppca-2002 Permitted QAL Investment Amount) and an optional redemption of the Notes (3.01,
3.02). Every expected figure is derived by hand from the sample extracts and the clause text (docs/check.md)."""

from __future__ import annotations

import pytest
import yaml

# the helpers of the letter of credit and capital expenditure checks: one proposal through the command, its check.json
from test_check_letters_and_capital_expenditures import TRANSACTIONS, cache, check, figures  # noqa: F401 (cache is a fixture)


def sample(name: str) -> dict:
    return yaml.safe_load((TRANSACTIONS / name).read_text())


LIEN = sample("lien-2000-06.yaml")
SALE_LEASEBACK = sample("sale-leaseback-1999-02.yaml")
AFFILIATE = sample("affiliate-transaction-1999-10.yaml")
GUARANTEE = sample("guarantee-2000-06.yaml")
MERGER = sample("merger-2000-06.yaml")
TRANSFER = sample("asset-transfer-2001-06.yaml")
QAL = sample("qal-investment-2004-06.yaml")
REDEMPTION = sample("note-redemption-2003-10.yaml")


# ---- Liens (4.11) ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("principal", "answer", "status", "aggregate", "headroom", "left_after"),
    [
        # 2000-06-15: LIEN-IRB-1999-RICHMOND 6,500,000 is the only (b)(xi) Lien outstanding; "not to exceed $10,000,000"
        ("3500000.00", "permitted", "pass", "10000000.00", "0.00", "0.00"),
        ("3500000.01", "not permitted", "fail", "10000000.01", "-0.01", "-0.01"),
        ("1000000.00", "permitted", "pass", "7500000.00", "2500000.00", "2500000.00"),
    ],
)
def test_a_lien_under_the_general_basket(cache, tmp_path, principal, answer, status, aggregate, headroom, left_after):
    record = check(cache, tmp_path, "2000-06-15", {**LIEN, "principal_secured": principal})
    assert (record["answer"], record["relied_on"]) == (answer, "indenture-1996/4.11(b)(xi)")
    found = figures(record)
    assert found["indenture-1996/4.11(b)(xi)"] == (status, aggregate, "10000000.00", headroom)
    assert found["indenture-1996/4.11(a)"] == ("pass", "0.00", "0", "0.00")
    [basket] = [b for b in record["baskets"] if b["clause_id"] == "indenture-1996/4.11(b)(xi)"]
    assert (basket["remaining_before"], basket["remaining_after"]) == ("3500000.00", left_after)


@pytest.mark.parametrize(
    ("completed_on", "answer", "days", "headroom"),
    [
        # 1999-12-18 to 2000-06-15: 13 + 31 + 29 (2000 is a leap year) + 31 + 30 + 31 + 15 = 180 days, "no later than 180
        # days after the acquisition or final completion"
        ("1999-12-18", "permitted", "180.00", "0.00"),
        ("1999-12-17", "not permitted", "181.00", "-1.00"),
    ],
)
def test_a_purchase_money_lien_within_180_days(cache, tmp_path, completed_on, answer, days, headroom):
    proposal = {**LIEN, "entity_id": "KBC", "instrument_id": "KBC-EQUIPMENT", "principal_secured": "5000000.00", "asset_cost": "5000000.00",
                "asset_acquired_or_completed_on": completed_on, "permitted_clause": "4.11(b)(ix)"}
    record = check(cache, tmp_path, "2000-06-15", proposal)
    assert (record["answer"], record["relied_on"]) == (answer, "indenture-1996/4.11(b)(ix)")
    found = figures(record)
    assert found["indenture-1996/4.11(b)(ix)-180-days"][1:] == (days, "180", headroom)
    # "an amount not in excess of the original purchase price or the original cost": at the cost
    assert found["indenture-1996/4.11(b)(ix)"] == ("pass", "5000000.00", "5000000.00", "0.00")


def test_a_lien_under_a_clause_no_policy_tests_cannot_be_confirmed(cache, tmp_path):
    # 4.11(b)(iii), Liens on property of an acquired Person: 4.11(a) takes the claim, nothing tests its conditions
    record = check(cache, tmp_path, "2000-06-15", {**LIEN, "permitted_clause": "4.11(b)(iii)"})
    assert (record["answer"], record["relied_on"]) == ("cannot be confirmed", "indenture-1996/4.11(b)(iii)")
    assert set(figures(record)) == {"indenture-1996/4.11(a)"}
    assert "no covenant policy tests its conditions yet" in record["reasons"][-1]


def test_a_lien_on_us_fixed_assets_relying_on_no_clause_needs_the_notes_equally_secured(cache, tmp_path):
    proposal = {**LIEN, "permitted_clause": "none"}
    record = check(cache, tmp_path, "2000-06-15", proposal)
    assert (record["answer"], record["relied_on"]) == ("not permitted", "indenture-1996/4.11(a)")
    assert figures(record)["indenture-1996/4.11(a)"] == ("fail", "1.00", "0", "-1.00")
    record = check(cache, tmp_path, "2000-06-15", {**proposal, "notes_equally_and_ratably_secured": True})
    assert record["answer"] == "permitted"
    assert figures(record)["indenture-1996/4.11(a)"] == ("pass", "0.00", "0", "0.00")


# ---- sale and leaseback (def/RefinancingSaleAndLeasebackTransaction) ------------------------------------------------

@pytest.mark.parametrize(
    ("fair_market_value", "answer", "status", "headroom", "revolver_used"),
    [
        # Attributable Debt = the greater of the Fair Market Value and the rentals' present value (under 10 x 1,000,000)
        ("100000000.00", "permitted", "pass", "0.00", "234000000.00"),
        ("99999999.99", "not permitted", "fail", "-0.01", None),
    ],
)
def test_a_refinancing_sale_and_leaseback(cache, tmp_path, fair_market_value, answer, status, headroom, revolver_used):
    record = check(cache, tmp_path, "1999-02-01", {**SALE_LEASEBACK, "fair_market_value": fair_market_value})
    assert (record["answer"], record["relied_on"]) == (answer, "indenture-1996/def/RefinancingSaleAndLeasebackTransaction")
    found = figures(record)
    assert found["indenture-1996/def/RefinancingSaleAndLeasebackTransaction"] == (status, fair_market_value, "100000000.00", headroom)
    # a Refinancing Sale and Leaseback Transaction is Indebtedness under 4.10(b)(ii): 134,000,000 outstanding before it
    if revolver_used:
        assert found["indenture-1996/4.10(b)(ii)"] == ("pass", revolver_used, "400000000.00", "166000000.00")
    else:
        assert "indenture-1996/4.10(b)(ii)" not in found


def test_a_sale_and_leaseback_not_designated_is_an_asset_sale_and_cannot_be_confirmed_here(cache, tmp_path):
    record = check(cache, tmp_path, "1999-02-01", {**SALE_LEASEBACK, "designated_as_rslt": False, "trustee_notice_date": None})
    assert (record["answer"], record["relied_on"]) == ("cannot be confirmed", "indenture-1996/4.14")
    assert [r["status"] for r in record["results"]] == ["not_applicable"]
    assert "is then an Asset Sale" in record["reasons"][0]


def test_a_designation_without_its_notice_to_the_trustee_cannot_be_confirmed(cache, tmp_path):
    record = check(cache, tmp_path, "1999-02-01", {**SALE_LEASEBACK, "trustee_notice_date": None})
    assert record["answer"] == "cannot be confirmed"
    assert any("date of the notice to the Trustee designating PROPOSED-SLB-1999" in reason for reason in record["reasons"])


# ---- transactions with Affiliates (4.08) ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("amount", "opinion", "answer", "opinions_missing"),
    [
        # "greater than $10,000,000" (R-I12): exactly 10,000,000 needs no fairness opinion, one cent more does
        ("10000000.00", None, "permitted", "0.00"),
        ("10000000.01", None, "not permitted", "1.00"),
        ("12500000.00", "Fairness opinion of an independent investment bank", "permitted", "0.00"),
    ],
)
def test_a_transaction_with_an_affiliate(cache, tmp_path, amount, opinion, answer, opinions_missing):
    record = check(cache, tmp_path, "1999-10-15", {**AFFILIATE, "amount": amount, "fairness_opinion_document": opinion})
    assert (record["answer"], record["relied_on"]) == (answer, "indenture-1996/4.08(a)")
    found = figures(record)
    assert found["indenture-1996/4.08(a)(ii)"] == ("pass", "0.00", "0", "0.00")
    assert found["indenture-1996/4.08(a)(iii)"][:2] == ("pass" if opinions_missing == "0.00" else "fail", opinions_missing)


def test_an_affiliate_transaction_without_the_independent_directors_approval(cache, tmp_path):
    record = check(cache, tmp_path, "1999-10-15", {**AFFILIATE, "attestations": []})
    assert record["answer"] == "cannot be confirmed"
    assert any("affiliate_transaction_independent_approval (R-I11)" in reason for reason in record["reasons"])
    record = check(cache, tmp_path, "1999-10-15", {**AFFILIATE, "attestations": [], "board_resolution_document": None})
    assert record["answer"] == "not permitted"
    assert figures(record)["indenture-1996/4.08(a)(ii)"] == ("fail", "1.00", "0", "-1.00")


def test_an_exemption_claimed_is_relied_on_and_cannot_be_confirmed(cache, tmp_path):
    # 4.08(b)(iii), reimbursement of MAXXAM at actual cost: the marts take the claim as the Company's; nothing tests it
    proposal = {**AFFILIATE, "amount": "2400000.00", "exemption": "4.08(b)(iii)", "board_resolution_document": None, "attestations": []}
    record = check(cache, tmp_path, "1999-10-15", proposal)
    assert (record["answer"], record["relied_on"]) == ("cannot be confirmed", "indenture-1996/4.08(b)(iii)")
    assert record["reasons"][-1] == (
        "indenture-1996/4.08(b)(iii) is claimed for the transaction, and no covenant policy tests its conditions yet: the claim cannot be confirmed"
    )


# ---- guarantees of Other Indebtedness (4.10(c)) ---------------------------------------------------------------------

@pytest.mark.parametrize(
    ("change", "answer", "status", "out_of_line"),
    [
        ({}, "permitted", "pass", "0.00"),
        # "to the same extent": a guarantee of debt subordinated to the Notes must be subordinated to the Note guarantee
        ({"guarantee_ranking": "senior"}, "not permitted", "fail", "1.00"),
        # KSM's guarantee of the Notes was released on 1999-07-01: it guarantees no Notes for as long
        ({"guarantor_entity_id": "KSM"}, "not permitted", "fail", "1.00"),
    ],
)
def test_a_guarantee_of_subordinated_other_indebtedness(cache, tmp_path, change, answer, status, out_of_line):
    record = check(cache, tmp_path, "2000-06-15", {**GUARANTEE, **change})
    assert (record["answer"], record["relied_on"]) == (answer, "indenture-1996/4.10(c)")
    assert figures(record)["indenture-1996/4.10(c)"] == (status, out_of_line, "0", "-" + out_of_line if out_of_line != "0.00" else "0.00")


def test_a_guarantee_without_counsel_on_the_note_guarantee_cannot_be_confirmed(cache, tmp_path):
    record = check(cache, tmp_path, "2000-06-15", {**GUARANTEE, "attestations": []})
    assert record["answer"] == "cannot be confirmed"
    assert any("note_guarantee_substantially_similar" in reason for reason in record["reasons"])


# ---- mergers (11.01, 15.03, 4.05) -----------------------------------------------------------------------------------

def test_a_subsidiary_guarantor_merging_into_the_company_is_permitted(cache, tmp_path):
    record = check(cache, tmp_path, "2000-06-30", MERGER)
    assert (record["answer"], record["relied_on"]) == ("permitted", "indenture-1996/11.01, 15.03 and 4.05")
    found = figures(record)
    assert found["indenture-1996/4.05"] == ("pass", "0.00", "0", "0.00")
    # 15.03(a) governs: 15.03(b) does not apply, and neither permits nor forbids
    assert found["indenture-1996/15.03(b)"] == ("not_applicable", None, None, None)


@pytest.mark.parametrize(("wholly_owned", "answer", "out_of_line"), [(True, "permitted", "0.00"), (False, "not permitted", "1.00")])
def test_a_subsidiary_guarantor_liquidated(cache, tmp_path, wholly_owned, answer, out_of_line):
    # 4.05(c): a Subsidiary Guarantor may liquidate or dissolve if "wholly owned directly by the Company and/or another
    # Subsidiary Guarantor"
    proposal = {**MERGER, "event_kind": "liquidation", "counterparty": None, "counterparty_role": "none", "survivor": "none",
                "survivor_role": "none", "wholly_owned_directly_by_company_or_guarantors": wholly_owned}
    record = check(cache, tmp_path, "2000-06-30", proposal)
    assert record["answer"] == answer
    assert figures(record)["indenture-1996/4.05"][:2] == ("pass" if wholly_owned else "fail", out_of_line)


def test_a_company_merger_names_every_fact_only_officers_and_counsel_can_give(cache, tmp_path):
    # 11.01(a): the Company survives a merger with a corporation outside the group; no default, the Officers' Certificate
    # and the Opinion of Counsel, the merged business's cash flow for 11.01(a)(iii) and the surviving corporation's
    # Consolidated Net Worth for (v) are attested for the merger, and none is given
    proposal = {**MERGER, "entity_id": "KACC", "counterparty": "Example Metals Inc.", "counterparty_role": "other", "survivor": "entity"}
    record = check(cache, tmp_path, "2000-06-30", proposal)
    assert record["answer"] == "cannot be confirmed"
    found = figures(record)
    assert {clause: found[clause][0] for clause in found} == {
        "indenture-1996/11.01(a)": "indeterminate", "indenture-1996/11.01(a)(iii)": "indeterminate", "indenture-1996/11.01(a)(v)": "indeterminate",
    }
    named = " ".join(record["reasons"])
    for subject in ("no_default", "merger_officers_certificate_delivered", "merger_opinion_of_counsel_delivered", "ccfafc_of_merged_business",
                    "surviving_corporation_consolidated_net_worth"):
        assert f"{subject} attestation" in named


# ---- transfers of assets to Subsidiaries (4.12) ---------------------------------------------------------------------

@pytest.mark.parametrize(
    ("fair_market_value", "net_worth", "answer", "status", "used", "capacity", "headroom"),
    [
        # 12,000,000 + 10,000,000 - 4,000,000 = 18,000,000 used; the greater of 25,000,000 and 5% of 600,000,000
        ("12000000.00", "600000000.00", "permitted", "pass", "30000000.00", "30000000.00", "0.00"),
        ("12000000.01", "600000000.00", "not permitted", "fail", "30000000.01", "30000000.00", "-0.01"),
        # 5% of 400,000,000 is 20,000,000: the $25,000,000 floor
        ("12000000.00", "400000000.00", "not permitted", "fail", "30000000.00", "25000000.00", "-5000000.00"),
    ],
)
def test_a_transfer_under_the_other_transfers_basket(cache, tmp_path, fair_market_value, net_worth, answer, status, used, capacity, headroom):
    [attestation] = TRANSFER["attestations"]
    proposal = {**TRANSFER, "fair_market_value": fair_market_value, "attestations": [{**attestation, "value": net_worth}]}
    record = check(cache, tmp_path, "2001-06-15", proposal)
    assert (record["answer"], record["relied_on"]) == (answer, "indenture-1996/4.12(b)(J)")
    found = figures(record)
    assert found["indenture-1996/4.12(b)(J)"] == (status, used, capacity, headroom)
    assert found["indenture-1996/4.12(a)"] == ("pass", "0.00", "0", "0.00")


def test_a_transfer_without_the_net_worth_after_it_cannot_be_confirmed(cache, tmp_path):
    record = check(cache, tmp_path, "2001-06-15", {**TRANSFER, "attestations": []})
    assert record["answer"] == "cannot be confirmed"
    assert any("pro_forma_consolidated_net_worth attestation for PROPOSED-AT-2001" in reason for reason in record["reasons"])


@pytest.mark.parametrize(
    ("exemption", "answer", "relied_on", "out_of_line"),
    [
        # KSM is not a Subsidiary Guarantor: without an exemption it would have to become one
        (None, "not permitted", "indenture-1996/4.12(a)", "1.00"),
        # (B) "to Subsidiary Guarantors": 4.12(a) tests the claim, and KSM is not one
        ("B", "not permitted", "indenture-1996/4.12(b)(B)", "1.00"),
        # (E) ordinary course: the Company's claim, tested by nothing
        ("E", "cannot be confirmed", "indenture-1996/4.12(b)(E)", "0.00"),
    ],
)
def test_a_transfer_to_a_subsidiary_that_does_not_guarantee(cache, tmp_path, exemption, answer, relied_on, out_of_line):
    record = check(cache, tmp_path, "2001-06-15", {**TRANSFER, "exemption_clause": exemption, "attestations": []})
    assert (record["answer"], record["relied_on"]) == (answer, relied_on)
    assert figures(record)["indenture-1996/4.12(a)"][:2] == ("pass" if out_of_line == "0.00" else "fail", out_of_line)


# ---- QAL investments (ppca-2002 Permitted QAL Investment Amount) ----------------------------------------------------

@pytest.mark.parametrize(
    ("amount", "participants", "answer", "aggregate", "headroom", "off_ratable"),
    [
        # QAL-2003-08 43,000,000 made before; 28.3% of 208,480,565.37 is 58,999,999.99971: 59,000,000.00 to the cent
        ("59000000.00", "208480565.37", "permitted", "102000000.00", "0.00", "0.00"),
        # 28.3% of 208,480,565.41 is 59,000,000.01103: ratable, but one cent over the aggregate
        ("59000000.01", "208480565.41", "not permitted", "102000000.01", "-0.01", "0.00"),
        # 28.3% of 100,000,000 is 28,300,000: 30,000,000 is not ratable
        ("30000000.00", "100000000.00", "not permitted", "73000000.00", "29000000.00", "1700000.00"),
    ],
)
def test_a_qal_investment(cache, tmp_path, amount, participants, answer, aggregate, headroom, off_ratable):
    record = check(cache, tmp_path, "2004-06-15", {**QAL, "amount": amount, "participants_amount": participants})
    assert (record["answer"], record["relied_on"]) == (answer, "ppca-2002/def/PermittedQALInvestmentAmount")
    found = figures(record)
    assert found["ppca-2002/def/PermittedQALInvestmentAmount"][1:] == (aggregate, "102000000", headroom)
    assert found["ppca-2002/def/PermittedQALInvestmentAmount/ratable"][1] == off_ratable


def test_a_qal_investment_after_fiscal_year_2004_cannot_be_confirmed(cache, tmp_path):
    record = check(cache, tmp_path, "2005-03-15", QAL)
    assert record["answer"] == "cannot be confirmed"
    assert any("Section 9.2.5 of the base agreement, not available (R-X02)" in reason for reason in record["reasons"])


# ---- optional redemptions of the Notes (3.01, 3.02) -----------------------------------------------------------------

@pytest.mark.parametrize(
    ("on", "change", "answer", "out_of_line"),
    [
        ("2003-10-20", {}, "permitted", "0.00"),  # notice 15 days before
        ("2003-10-20", {"notice_mailed_on": "2003-10-06"}, "not permitted", "1.00"),  # 14 days
        ("2003-10-20", {"notice_mailed_on": "2003-08-21"}, "permitted", "0.00"),  # 60 days
        ("2003-10-20", {"notice_mailed_on": "2003-08-20"}, "not permitted", "1.00"),  # 61 days
        ("2003-10-20", {"principal_amount": "10000500.00"}, "not permitted", "1.00"),  # not a multiple of $1,000
        ("2001-10-15", {"notice_mailed_on": "2001-09-30"}, "permitted", "0.00"),  # the first day the Notes may be redeemed
        ("2001-10-14", {"notice_mailed_on": "2001-09-29"}, "not permitted", "1.00"),
    ],
)
def test_an_optional_redemption(cache, tmp_path, on, change, answer, out_of_line):
    record = check(cache, tmp_path, on, {**REDEMPTION, **change})
    assert (record["answer"], record["relied_on"]) == (answer, "indenture-1996/3.01")
    assert figures(record)["indenture-1996/3.01"][:2] == ("pass" if out_of_line == "0.00" else "fail", out_of_line)
