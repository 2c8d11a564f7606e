"""The indenture's notices of default and of a Change of Control: indenture-1996/4.06(a), 4.06(c) and 3.05(b), drafted
from literal default events, attestations and 6.01 results; every date below is derived by hand beside it. Their
golden files are in test_golden.py, from the same rows."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from pipelines.certificates.kinds.change_of_control_offer import CHANGE_OF_CONTROL_OFFER
from pipelines.certificates.kinds.default_notices import ACCELERATION_NOTICE, OFFICERS_CERTIFICATE
from pipelines.certificates.registry import RunFacts, document_html
from pipelines.fiscal import FiscalQuarter, quarters_between
from pipelines.policy.result import Result

sys.path.insert(0, str(Path(__file__).parent.parent / "sql"))
from raw_tables import add, attest, build, create_raw_tables  # noqa: E402

MANIFEST = {
    "run_id": "0123456789abcdef",
    "as_of": "2002-06-30",
    "periods": ["1998Q3", "2002Q2"],
    "options": {"period": None, "as_of": None},
    "code": {"source_sha256": "b" * 64},
    "extracts": {},
    "inputs": {},
    "policies": {},
}
QUARTERS = quarters_between(date(1998, 7, 1), date(2002, 6, 30))


def event(con, event_id, kind, on, amount=None, cured_on=None, instrument=None, document="an event"):
    add(con, "default_events", event_id=event_id, kind=kind, event_date=on, amount=amount, cured_on=cured_on,
        instrument_id=instrument, document=document)


def result(clause, on, status, actual, figure="Events of Default", threshold="0", explanation=""):
    return Result(
        clause_id=f"indenture-1996/{clause}", instrument="indenture-1996", test_date=on, test_kind="maintenance",
        status=status, actual=Decimal(actual), operator="<=", threshold=Decimal(threshold), headroom=None,
        headroom_pct=None, figure=figure, explanation=explanation,
    )


# the 6.01 results of the events below, as the engine gives them
RESULTS = [
    result("6.01(c)", date(1998, 10, 31), "pass", "0"),  # the Notice of Default's 60th day: remedied on day 20
    result("6.01(e)", date(1999, 7, 15), "pass", "0.00", "aggregate undischarged judgments", "25000000.00"),
    result("6.01(g)", date(2002, 2, 12), "fail", "1"),
    result("6.01(d)", date(2002, 2, 12), "fail", "174000000.00", "defaulted principal", "25000000.00"),
    result("6.01(a)", date(2002, 5, 15), "fail", "1"),  # the April 15 coupon still unpaid on its 30th day
]


def default_event_rows() -> dict[str, list[dict]]:
    """What the two default kinds gather from a database holding the sample's kinds of default events."""
    con = duckdb.connect()
    create_raw_tables(con)
    event(con, "NOD-1998-09-01", "notice_of_default", "1998-09-01", cured_on="1998-09-21", instrument="NOTES-10875-2006",
          document="Trustee's Notice of Default")
    event(con, "JDG-1999-06-15", "judgment", "1999-06-15", amount="6500000.00", cured_on="1999-07-09", document="final judgment")
    event(con, "BK-2002-02-12", "bankruptcy_filing", "2002-02-12", document="Voluntary petition under chapter 11")
    event(con, "ACC-2002-02-12-NOTES", "acceleration", "2002-02-12", amount="50000000.00", instrument="NOTES-10875-2006",
          document="ipso facto acceleration on the petition")
    event(con, "ACC-2002-02-12-0975", "other_debt_acceleration", "2002-02-12", amount="174000000.00",
          instrument="NOTES-0975-2002", document="Acceleration of pre-petition debt on the petition")
    event(con, "IPD-2002-04-15", "interest_payment_default", "2002-04-15", amount="2718750.00",
          instrument="NOTES-10875-2006", document="April 15, 2002 coupon not paid")
    # the 1998 certificate was delivered September 4, 1998
    attest(con, "obligation_completed_on", "1998-09-01", "1998-09-04", reference_id="indenture-1996/4.06(a)")
    build(con, "indenture_certificate_deadlines", "stg_debt_instruments", "stg_entities")
    rows = {kind.name: kind.gather(con, QUARTERS) for kind in (OFFICERS_CERTIFICATE, ACCELERATION_NOTICE)}
    con.close()
    return rows


@pytest.fixture
def gathered():
    return default_event_rows()


def documents(kind, gathered_rows, results=RESULTS, quarters=QUARTERS):
    facts = RunFacts(quarters=quarters, results=results, manifest=MANIFEST, gathered=gathered_rows)
    return {d.stem: document_html(kind, d, MANIFEST) for d in kind.documents(facts)}


def test_one_officers_certificate_per_day_of_defaults_and_not_for_events_that_could_never_be_one(gathered):
    issued = documents(OFFICERS_CERTIFICATE, gathered)
    # the 1999 judgment of $6,500,000 passed 6.01(e) on its 30th day (below $25,000,000): not a Default
    assert sorted(issued) == ["indenture-1996-4.06a-1998-09-01", "indenture-1996-4.06a-2002-02-12", "indenture-1996-4.06a-2002-04-15"]


def test_the_petition_certificate_specifies_the_events_and_the_notes_acceleration(gathered):
    html = documents(OFFICERS_CERTIFICATE, gathered)["indenture-1996-4.06a-2002-02-12"]
    assert "<strong>Voluntary bankruptcy case</strong> on February 12, 2002" in html
    assert "an Event of Default from February 12, 2002." in html  # 6.01(g): any voluntary case, no amount
    assert "an Event of Default from February 12, 2002 (defaulted principal: $174,000,000.00, where Section 6.01(d) allows at most $25,000,000.00)" in html
    assert "<strong>Acceleration of other indebtedness</strong> on February 12, 2002, NOTES-0975-2002, $174,000,000.00" in html
    assert "<strong>Consequence: the Notes became due and payable</strong> on February 12, 2002, $50,000,000.00 principal amount" in html
    # no delivery recorded; February 12 to June 30, 2002: 16 + 31 + 30 + 31 + 30 = 138 days
    assert "as of June 30, 2002, 138 days had passed" in html
    for officer in ("Chairman of the Board, the President or any Vice President", "Chief Financial Officer, the Controller"):
        assert officer in html
    assert html.count("By:") == 2


def test_an_unpaid_coupon_is_specified_on_its_date_and_becomes_an_event_of_default_thirty_days_later(gathered):
    html = documents(OFFICERS_CERTIFICATE, gathered)["indenture-1996-4.06a-2002-04-15"]
    assert "<strong>Interest payment default</strong> on April 15, 2002, NOTES-10875-2006, $2,718,750.00" in html
    assert "an Event of Default from May 15, 2002, 30 days after the event" in html


def test_a_remedied_notice_of_default_is_specified_with_its_cure_and_delivery(gathered):
    html = documents(OFFICERS_CERTIFICATE, gathered)["indenture-1996-4.06a-1998-09-01"]
    assert "it did not become an Event of Default: on October 31, 1998 the test of Section 6.01(c) was met (remedied September 21, 1998)" in html
    assert "Delivered September 4, 1998, 3 days after the event." in html


def test_an_acceleration_notice_is_due_five_days_after_and_says_it_was_missed(gathered):
    issued = documents(ACCELERATION_NOTICE, gathered)
    assert sorted(issued) == ["indenture-1996-4.06c-ACC-2002-02-12-0975"]  # the Notes' own acceleration is not other debt
    html = issued["indenture-1996-4.06c-ACC-2002-02-12-0975"]
    assert "on or before <strong>February 17, 2002</strong>" in html  # February 12 + 5 calendar days
    # February 17 to June 30, 2002: 11 + 31 + 30 + 31 + 30 = 133 days
    assert "<strong>Missed</strong> (Section 4.06(c)): no delivery is recorded, and the date passed 133 days before June 30, 2002." in html
    assert "$174,000,000.00" in html and "an Event of Default under Section 6.01(d)" in html


def test_an_acceleration_notice_delivered_after_five_days_is_late(gathered):
    rows = {name: [dict(r, completed_on=date(2002, 2, 20)) for r in found] for name, found in gathered.items()}
    html = documents(ACCELERATION_NOTICE, rows)["indenture-1996-4.06c-ACC-2002-02-12-0975"]
    assert "Delivered February 20, 2002: <strong>late by 3 days</strong>, under Section 4.06(c)." in html  # due February 17


def test_a_run_of_another_quarter_issues_none_of_them(gathered):
    later = [FiscalQuarter(2003, 4)]
    con = duckdb.connect()
    create_raw_tables(con)
    event(con, "BK-2002-02-12", "bankruptcy_filing", "2002-02-12")
    build(con, "indenture_certificate_deadlines", "stg_debt_instruments", "stg_entities")
    assert OFFICERS_CERTIFICATE.gather(con, later) == []
    con.close()


CHANGE_OF_CONTROL_RESULTS = [
    result("3.05(a)-definition", date(1998, 11, 20), "fail", "1", "Change of Control",
           explanation="MAXXAM held 29.00% of the Voting Stock, less than 30%"),
]


def change_of_control_rows() -> list[dict]:
    """What the 3.05 kind gathers after a Change of Control attested on Friday November 20, 1998."""
    con = duckdb.connect()
    create_raw_tables(con)
    for subject, value in (("maxxam_sole_beneficial_ownership", "0.290000"), ("maxxam_voting_stock_ownership", "0.290000"),
                           ("largest_other_voting_stock_holding", "0.100000"), ("maxxam_controls_board", "false")):
        attest(con, subject, "1998-11-20", value)
    add(con, "debt_instruments", instrument_id="NOTES-10875-2006", instrument_kind="senior_notes", fixed_rate="0.10875",
        issue_date="1996-12-23", maturity_date="2006-10-15")
    # October 31 is the last month end on or before the Change of Control; November 30's balance comes after it
    for period_end, principal in (("1998-10-31", "50000000.00"), ("1998-11-30", "40000000.00")):
        add(con, "debt_balances", instrument_id="NOTES-10875-2006", period_end=period_end, principal_outstanding=principal)
    build(con, "notes_purchase_prices")
    rows = CHANGE_OF_CONTROL_OFFER.gather(con, [FiscalQuarter(1998, 4)])
    con.close()
    return rows


@pytest.fixture
def change_of_control():
    return change_of_control_rows()


def test_the_change_of_control_offer_states_its_business_day_dates(change_of_control):
    assert len(change_of_control) == 1
    occurrence = change_of_control[0]
    # Friday 1998-11-20: ten Business Days (Thanksgiving skipped) end Monday December 7, 1998; thirty end Wednesday
    # January 6, 1999 (Christmas and New Year's Day skipped); the Business Day before it is Tuesday January 5, 1999
    assert occurrence["notice_due"] == date(1998, 12, 7)
    assert occurrence["purchase_date"] == date(1999, 1, 6)
    assert occurrence["purchase_notice_deadline"] == date(1999, 1, 5)
    html = documents(CHANGE_OF_CONTROL_OFFER, {CHANGE_OF_CONTROL_OFFER.name: change_of_control},
                     results=CHANGE_OF_CONTROL_RESULTS, quarters=[FiscalQuarter(1998, 4)])["indenture-1996-3.05-1998-11-20"]
    assert "A Change of Control occurred on\nNovember 20, 1998: MAXXAM held 29.00% of the Voting Stock" in html
    assert "before the close of business on\nJanuary 5, 1999, the Business Day immediately preceding" in html
    assert "<strong>The Change of Control Purchase Date:</strong> January 6, 1999" in html
    assert "101% of the principal amount of each\nNote purchased plus accrued and unpaid interest to, but not including, January 6, 1999" in html
    # 30/360 from the coupon of October 15, 1998 to January 6, 1999: 360 x 1 + 30 x (1 - 10) + (6 - 15) = 81 days;
    # per $1,000: 1,000 x 0.10875 x 81 / 360 = 24.46875 of interest, 1,010 + 24.46875 = 1,034.46875
    assert "$1,010.00 for each $1,000.00 principal amount plus $24.46875 of accrued and unpaid interest (10.875% a year for\n81 days" in html
    assert "<strong>$1,034.46875</strong> in all" in html
    # the Notes at October 31, 1998 (not November 30, after the Change of Control): 50,000,000 x 1.01 = 50,500,000
    # plus 50,000,000 x 0.10875 x 81 / 360 = 1,223,437.50: 51,723,437.50
    assert "for all the Notes outstanding at October 31, 1998, $50,000,000.00 principal amount, $51,723,437.50." in html
    assert "First Trust Center, 180 East 5th Street, St. Paul, Minnesota 55101" in html
    # as of June 30, 2002 with no mailing recorded: December 7, 1998 passed long before
    assert "<strong>Missed</strong> (Section 3.05(b)): no mailing is recorded" in html
    for item in range(1, 10):
        assert f'<span class="label">({item})</span>' in html
    assert "Form of Change of Control Purchase Notice" in html
