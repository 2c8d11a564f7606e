"""indenture-1996/4.14(c) notice of an Asset Sale Offer, drafted from a literal offer (the worked example's figures)."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import pytest

from pipelines.certificates.kinds.asset_sale_offer_notice import ASSET_SALE_OFFER_NOTICE, asset_sale_offer_notice_html, offers_due
from pipelines.certificates.registry import RunFacts, render
from pipelines.fiscal import FiscalQuarter

sys.path.insert(0, str(Path(__file__).parent.parent / "sql"))
from raw_tables import add, build, create_raw_tables  # noqa: E402

MANIFEST = {
    "run_id": "0123456789abcdef",
    "as_of": "2000-12-31",
    "code": {"source_sha256": "b" * 64},
    "extracts": {},
    "inputs": {},
    "policies": {},
}


@pytest.fixture
def con():
    connection = duckdb.connect()
    create_raw_tables(connection)
    # E13: NCP 60,123,456.78; Notes 50,000,000; Credit Agreement 150,000,000 -> 60,123,000 x 50/200 = 15,030,750
    add(connection, "asset_sales", transaction_id="E13", sale_date="2000-01-03", gross_proceeds="60123456.78",
        cash_consideration="60123456.78", pretax_gain_loss="0.00")
    add(connection, "asset_sale_offers", offer_id="ASO-E13", notice_mailed_on="2000-04-03", asset_sale_purchase_date="2000-05-05",
        net_cash_proceeds="60123456.78", offer_amount="15030750.00", notes_outstanding="50000000.00",
        credit_agreement_principal="150000000.00")
    build(connection, "notes_purchase_prices")
    yield connection
    connection.close()


def test_the_notice_states_the_computed_amount_and_dates(con):
    html = asset_sale_offer_notice_html(con, "ASO-E13", MANIFEST)
    assert "$15,030,750.00 in principal amount of Notes" in html
    assert "$60,123,000.00, rounded down to the nearest $1,000" in html
    assert "May 5, 2000" in html and "Mailed April 3, 2000" in html
    assert "First Trust National Association" in html
    assert MANIFEST["run_id"] in html


def test_the_notice_states_the_asset_sale_purchase_price(con):
    # 100% plus interest from the coupon of April 15, 2000 to (not including) May 5, 2000: 30 x (5 - 4) + (5 - 15) = 20
    # days of 30/360; per $1,000: 1,000 x 0.10875 x 20 / 360 = 6.041666..., kept to ten places, never rounded
    html = asset_sale_offer_notice_html(con, "ASO-E13", MANIFEST)
    assert "Purchase Price) is 100% of the principal amount together" in html
    assert "$1,000.00 for each $1,000.00 principal amount plus $6.0416666666 of accrued and unpaid interest (10.875% a year for\n20 days" in html
    assert "<strong>$1,006.0416666666</strong> in all" in html
    # 15,030,750 x 0.10875 x 20 / 360 = 32,691,881.25 / 360 = 90,810.78125: 15,121,560.78125 for the whole amount
    assert "for the whole Asset Sale Offer Amount, $15,030,750.00 principal amount, $15,121,560.78125." in html
    # limb (A): 60,123,000 x 150,000,000 / 200,000,000 = 45,092,250 to the Credit Agreement, nothing to Specified Pari
    # Passu Indebtedness (none outstanding)
    assert "Credit Agreement, at most\n$45,092,250.00, and Specified Pari Passu Indebtedness, at most\n$0.00" in html


def test_the_notice_adds_the_prepayment_declined_to_the_amount(con):
    # the Credit Agreement's lenders decline 1,000,000.00 of their 45,092,250 share: 15,030,750 + 1,000,000 = 16,030,750
    con.execute("update raw_asset_sale_offers set credit_agreement_prepayment_declined = 1000000.00")
    build(con, "notes_purchase_prices")
    html = asset_sale_offer_notice_html(con, "ASO-E13", MANIFEST)
    assert "$16,030,750.00 in principal amount of Notes" in html
    assert ("before this notice: $15,030,750.00, plus $1,000,000.00 of prepayment the holders of\n"
            "Indebtedness under the Credit Agreement elected not to receive)") in html


def test_an_unknown_offer_is_refused(con):
    with pytest.raises(LookupError):
        asset_sale_offer_notice_html(con, "ASO-NONE", MANIFEST)


@pytest.mark.parametrize(("quarter", "due"), [("2000Q2", ["ASO-E13"]), ("2000Q1", []), ("2000Q3", [])])
def test_a_notice_is_due_in_the_quarter_of_day_145(con, quarter, due):
    # the offer became due on the receipt of 2000-01-03: day 145 is 2000-05-27, in 2000Q2 only
    assert [o["offer_id"] for o in offers_due(con, [FiscalQuarter.parse(quarter)])] == due


def test_the_run_writes_the_notice_as_html_and_pdf(con, tmp_path):
    quarters = [FiscalQuarter.parse("2000Q2")]
    # this kind's rows only: the other kinds read tables this database does not build, and issue nothing without rows
    written = render(RunFacts(quarters, [], MANIFEST, {ASSET_SALE_OFFER_NOTICE.name: offers_due(con, quarters)}), tmp_path)
    assert [p.name for p in written] == ["indenture-1996-4.14c-ASO-E13.html", "indenture-1996-4.14c-ASO-E13.pdf"]
    assert (tmp_path / "certificates" / "indenture-1996-4.14c-ASO-E13.pdf").read_bytes().startswith(b"%PDF")


def test_the_notice_states_the_credit_for_notes_retired_after_the_sale(con):
    # 15,030,750 less 5,000,000 of Notes redeemed 2000-02-01, after the sale of 2000-01-03: 10,030,750 to offer
    con.execute("update raw_asset_sale_offers set notes_credited = 5000000.00, notes_credited_retired_on = date '2000-02-01'")
    build(con, "notes_purchase_prices")
    html = asset_sale_offer_notice_html(con, "ASO-E13", MANIFEST)
    assert "$10,030,750.00 in principal amount of Notes" in html
    assert "before this notice: $15,030,750.00, less $5,000,000.00 principal amount of Notes" in html
    # the price on the 10,030,750 left to offer: 10,030,750 x 0.10875 x 20 / 360 = 60,602.4479166666... of interest
    assert "for the whole Asset Sale Offer Amount, $10,030,750.00 principal amount, $10,091,352.4479166666." in html


def test_a_notice_mailed_on_time_says_so(con):
    # received 2000-01-03: day 145 is May 27, 2000; mailed April 3, 2000
    html = asset_sale_offer_notice_html(con, "ASO-E13", MANIFEST)
    assert "under Section 4.14(c) this notice was due by May 27, 2000 (within 145 days) and was mailed on time.</p>" in html


@pytest.mark.parametrize(("mailed", "said"), [
    ("2000-05-28", "it was mailed 1 day late, on May 28, 2000."),  # the day after day 145
    ("2000-06-08", "it was mailed 12 days late, on June 8, 2000."),
])
def test_a_notice_mailed_after_day_145_says_how_late(con, mailed, said):
    con.execute(f"update raw_asset_sale_offers set notice_mailed_on = date '{mailed}'")
    build(con, "notes_purchase_prices")
    html = asset_sale_offer_notice_html(con, "ASO-E13", MANIFEST)
    assert f"this notice was due by May 27, 2000 (within 145 days): {said}</p>" in html
