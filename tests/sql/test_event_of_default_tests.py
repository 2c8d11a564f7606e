"""The figures of indenture-1996/3.05(a)-definition and 6.01(d), (e), (f), (g) on literal rows, at each boundary the
text names: exactly 40% and exactly 30% with board control, g_max equal to m_vote, exactly $25,000,000."""

import json
from datetime import date
from decimal import Decimal

import pytest
from raw_tables import add, attest, build, one, rows

DAY = "2000-12-31"


def ownership(con, m=None, m_vote=None, g_max=None, board=None):
    for subject, value in (("maxxam_sole_beneficial_ownership", m), ("maxxam_voting_stock_ownership", m_vote),
                           ("largest_other_voting_stock_holding", g_max), ("maxxam_controls_board", board)):
        if value is not None:
            attest(con, subject, DAY, value)


@pytest.mark.parametrize(
    ("m", "m_vote", "g_max", "board", "actual"),
    [
        ("0.630000", "0.630000", "0.000000", None, Decimal("0")),  # the real structure: 63% >= 40%
        ("0.400000", "0.400000", "0.100000", "false", Decimal("0")),  # exactly 40%: "at least 40%" holds
        ("0.399999", "0.399999", "0.100000", "true", Decimal("0")),  # below 40% with board control: not a CoC
        ("0.399999", "0.399999", "0.100000", "false", Decimal("1")),  # below 40% without board control
        ("0.300000", "0.300000", "0.100000", "true", Decimal("0")),  # exactly 30% with board control: "30% or greater"
        ("0.299999", "0.299999", "0.100000", "true", Decimal("1")),  # below 30%: board control no longer helps
        ("0.630000", "0.450000", "0.450001", None, Decimal("1")),  # another holder owns more voting stock (R-I31)
        ("0.630000", "0.450000", "0.450000", None, Decimal("0")),  # equal is not "more ... than MAXXAM"
    ],
)
def test_change_of_control_rule(con, m, m_vote, g_max, board, actual):
    ownership(con, m, m_vote, g_max, board)
    build(con, "change_of_control_tests")
    found = one(con, "select * from change_of_control_tests")
    assert (found["actual"], json.loads(found["missing_inputs"])) == (actual, [])
    assert found["threshold_reduction"] == Decimal("0.00")  # the definition has no amount to reduce


def test_exactly_30_percent_without_board_control_is_read_under_the_proviso(con):
    # "30% or greater" holds at 30%: the proviso's limb, not "m < 30%", though both give a Change of Control (1)
    ownership(con, "0.300000", "0.300000", "0.100000", "false")
    build(con, "change_of_control_tests")
    found = one(con, "select * from change_of_control_tests")
    assert found["actual"] == Decimal("1")
    assert json.loads(found["inputs"])["rule_applied"]["value"] == "30% <= m < 40% without control of a majority of the Board"


@pytest.mark.parametrize("m", ["0.350000", "0.300000"])  # inside "30% or greater" and "less than 40%", and at 30%
def test_change_of_control_missing_inputs(con, m):
    ownership(con, m=m, m_vote=m, g_max="0.100000")  # 30% to 40%: the board flag is needed
    build(con, "change_of_control_tests")
    found = one(con, "select * from change_of_control_tests")
    assert found["actual"] is None
    assert json.loads(found["missing_inputs"]) == [f"maxxam_controls_board attested for {DAY} (needed when 30% <= m < 40%)"]


def test_at_exactly_40_percent_the_board_flag_is_not_named_missing(con):
    # "at least 40%" holds at 40%, so the board's control (asked for only when 30% <= m < 40%) is not needed; with
    # MAXXAM's Voting Stock (m_vote) not attested the result is unknown and that alone is named
    ownership(con, m="0.400000", g_max="0.100000")
    build(con, "change_of_control_tests")
    found = one(con, "select * from change_of_control_tests")
    assert found["actual"] is None
    assert json.loads(found["missing_inputs"]) == [f"maxxam_voting_stock_ownership (m_vote) attested for {DAY}"]


def event(con, event_id, kind, on, amount=None, cured_on=None, instrument=None, insured=None, entity="KACC"):
    add(con, "default_events", event_id=event_id, kind=kind, event_date=on, amount=amount, cured_on=cured_on,
        instrument_id=instrument, insured_amount=insured, entity_id=entity)


def test_cross_default_aggregates_accelerations_and_exactly_25_million_is_not_exceeding(con):
    event(con, "A-1", "other_debt_acceleration", "2001-03-01", "15000000.00", instrument="IRB")
    event(con, "A-2", "other_debt_acceleration", "2001-03-01", "10000000.00", instrument="TL")
    event(con, "A-3", "other_debt_acceleration", "2001-04-02", "0.01", instrument="LC")
    build(con, "cross_default_tests")
    found = {r["test_date"]: r["actual"] for r in rows(con, "select * from cross_default_tests")}
    # 15,000,000 + 10,000,000 = 25,000,000: not "exceeding" (passes <= 25,000,000); one cent more on April 2 exceeds
    assert found == {date(2001, 3, 1): Decimal("25000000.00"), date(2001, 4, 2): Decimal("25000000.01")}


def test_cross_default_payment_default_counts_only_after_30_days(con):
    event(con, "P-1", "other_debt_payment_default", "2000-03-31", "30000000.00", instrument="KBC", cured_on="2000-04-30")
    event(con, "P-2", "other_debt_payment_default", "2000-06-01", "30000000.00", instrument="TL", cured_on="2000-07-02")
    build(con, "cross_default_tests")
    found = {r["test_date"]: r["actual"] for r in rows(con, "select * from cross_default_tests")}
    # P-1 cured on day 30 (April 30): never counts. P-2 counts from day 31 (July 2) and was cured only on July 2
    assert found == {date(2000, 5, 1): Decimal("0.00"), date(2000, 7, 2): Decimal("0.00")}
    con.execute("update raw_default_events set cured_on = date '2000-07-03' where event_id = 'P-2'")
    build(con, "cross_default_tests")
    assert one(con, "select actual from cross_default_tests where test_date = date '2000-07-02'")["actual"] == Decimal("30000000.00")


def test_cross_default_per_instrument_when_the_parameter_says_so(con):
    con.execute("update policy_parameters set value = '0' where name = 'cross_default_aggregation'")
    event(con, "A-1", "other_debt_acceleration", "2001-03-01", "15000000.00", instrument="IRB")
    event(con, "A-2", "other_debt_acceleration", "2001-03-01", "20000000.00", instrument="TL")
    build(con, "cross_default_tests")
    assert one(con, "select actual from cross_default_tests")["actual"] == Decimal("20000000.00")  # the largest one


def test_judgments_net_of_attested_insurance(con):
    # 6,500,000 less 2,000,000 attested insurance = 4,500,000, undischarged on day 30 (1999-07-15)
    event(con, "J-1", "judgment", "1999-06-15", "6500000.00", insured="2000000.00")
    attest(con, "judgment_insurance_valid", "1999-06-15", "true", reference_id="J-1")
    # 25,500,000 entered 1999-06-20 with 500,000 insured: 25,000,000 net; with J-1, 29,500,000 on 1999-07-20
    event(con, "J-2", "judgment", "1999-06-20", "25500000.00", insured="500000.00")
    attest(con, "judgment_insurance_valid", "1999-06-20", "true", reference_id="J-2")
    build(con, "judgment_default_tests")
    found = {r["transaction_id"]: (r["test_date"], r["actual"]) for r in rows(con, "select * from judgment_default_tests")}
    assert found == {"J-1": (date(1999, 7, 15), Decimal("4500000.00")), "J-2": (date(1999, 7, 20), Decimal("29500000.00"))}


def test_judgment_discharged_on_day_30_is_not_counted_and_unattested_insurance_is_missing(con):
    event(con, "J-1", "judgment", "1999-06-15", "30000000.00", cured_on="1999-07-15")
    event(con, "J-2", "judgment", "1999-08-01", "1000000.00", insured="500000.00")
    build(con, "judgment_default_tests")
    found = {r["transaction_id"]: r for r in rows(con, "select * from judgment_default_tests")}
    assert found["J-1"]["actual"] == Decimal("0.00")
    assert json.loads(found["J-2"]["missing_inputs"]) == ["judgment_insurance_valid attested for each insured judgment counted on 1999-08-31"]


def test_one_dollar_of_unattested_insurance_is_missing_and_no_insurance_is_not(con):
    # An insured amount counts only where attested valid and collectible (R-I30): J-1's 1.00 of insurance, unattested,
    # leaves day 30 (1999-07-15) indeterminate; J-2, with no insured amount, needs no attestation on its day 30
    # (1999-07-20), when J-1, discharged on 1999-07-16, is no longer counted.
    event(con, "J-1", "judgment", "1999-06-15", "1000000.00", insured="1.00", cured_on="1999-07-16")
    event(con, "J-2", "judgment", "1999-06-20", "1000000.00")
    build(con, "judgment_default_tests")
    found = {r["transaction_id"]: json.loads(r["missing_inputs"]) for r in rows(con, "select * from judgment_default_tests")}
    assert found == {"J-1": ["judgment_insurance_valid attested for each insured judgment counted on 1999-07-15"], "J-2": []}

def test_bankruptcy_filing_and_involuntary_order(con):
    event(con, "BK", "bankruptcy_filing", "2002-02-12")
    event(con, "INV-1", "involuntary_bankruptcy_order", "2003-01-01", cured_on="2003-04-01")  # stayed on day 90
    event(con, "INV-2", "involuntary_bankruptcy_order", "2003-01-01", cured_on="2003-04-02")  # stayed on day 91
    build(con, "bankruptcy_default_tests")
    found = {r["transaction_id"]: (r["clause_id"], r["test_date"], r["actual"]) for r in rows(con, "select * from bankruptcy_default_tests")}
    assert found == {
        "BK": ("indenture-1996/6.01(g)", date(2002, 2, 12), Decimal("1.00")),
        "INV-1": ("indenture-1996/6.01(f)", date(2003, 4, 1), Decimal("0.00")),
        "INV-2": ("indenture-1996/6.01(f)", date(2003, 4, 1), Decimal("1.00")),
    }


def notes_defaults(con):
    build(con, "notes_default_tests")
    return {r["transaction_id"]: r for r in rows(con, "select * from notes_default_tests")}


def test_interest_unpaid_thirty_days(con):
    # Due 2002-04-15; the 30th day after is 2002-05-15 (15 days left in April + 15 in May), the test date
    event(con, "I-30", "interest_payment_default", "2002-04-15", "2718750.00", cured_on="2002-05-15")  # paid on day 30
    event(con, "I-31", "interest_payment_default", "2002-04-15", "2718750.00", cured_on="2002-05-16")  # paid on day 31
    event(con, "I-never", "interest_payment_default", "2002-04-15", "2718750.00")
    found = {k: (r["clause_id"], r["test_date"], r["actual"]) for k, r in notes_defaults(con).items()}
    assert found == {
        "I-30": ("indenture-1996/6.01(a)", date(2002, 5, 15), Decimal("0.00")),
        "I-31": ("indenture-1996/6.01(a)", date(2002, 5, 15), Decimal("1.00")),
        "I-never": ("indenture-1996/6.01(a)", date(2002, 5, 15), Decimal("1.00")),
    }


def test_principal_unpaid_when_due_has_no_grace_and_guarantee_ceased(con):
    event(con, "P", "principal_payment_default", "2006-02-01", "225000000.00", cured_on="2006-02-02")  # paid a day late
    event(con, "G", "guarantee_ceased", "2001-06-30", entity="KACC")
    found = {k: (r["clause_id"], r["test_date"], r["actual"], r["missing_inputs"]) for k, r in notes_defaults(con).items()}
    assert found == {
        "P": ("indenture-1996/6.01(b)", date(2006, 2, 1), Decimal("1.00"), "[]"),
        "G": ("indenture-1996/6.01(h)", date(2001, 6, 30), Decimal("1.00"), "[]"),
    }


def test_notice_of_default_sixty_days_and_materiality(con):
    # Notice 1998-09-01; the 60th day after is 1998-10-31 (29 days left in September + 31 in October), the test date
    event(con, "N-60", "notice_of_default", "1998-09-01", cured_on="1998-10-31")  # remedied on day 60
    event(con, "N-61", "notice_of_default", "1998-09-01", cured_on="1998-11-01")  # remedied on day 61
    event(con, "N-never", "notice_of_default", "1998-09-01")
    event(con, "N-immaterial", "notice_of_default", "1998-09-01")
    for notice, material in (("N-61", "true"), ("N-never", "true"), ("N-immaterial", "false")):
        attest(con, "covenant_failure_material", "1998-09-01", material, reference_id=notice)
    found = {k: (r["test_date"], r["actual"]) for k, r in notes_defaults(con).items()}
    assert found == {
        "N-60": (date(1998, 10, 31), Decimal("0.00")),  # remedied in time: no Event of Default, materiality not needed
        "N-61": (date(1998, 10, 31), Decimal("1.00")),
        "N-never": (date(1998, 10, 31), Decimal("1.00")),
        "N-immaterial": (date(1998, 10, 31), Decimal("0.00")),  # not "in any material respect"
    }


def test_notice_of_default_unattested_materiality_is_missing(con):
    event(con, "N-1", "notice_of_default", "1998-09-01", cured_on="1998-11-01")  # remedied on day 61, unattested
    found = notes_defaults(con)["N-1"]
    assert found["actual"] is None
    assert json.loads(found["missing_inputs"]) == ["covenant_failure_material attested for N-1"]
