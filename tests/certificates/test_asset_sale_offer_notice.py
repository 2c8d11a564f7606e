"""indenture-1996/4.14(c) notice of an Asset Sale Offer, drafted from a literal offer (clauses.md E13 figures)."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import pytest

from pipelines.certificates.asset_sale_offer_notice import asset_sale_offer_notice_html

sys.path.insert(0, str(Path(__file__).parent.parent / "sql"))
from raw_tables import add, build, create_raw_tables  # noqa: E402

MANIFEST = {
    "run_id": "0123456789abcdef",
    "as_of": "2000-12-31",
    "code": {"git_commit": "a" * 40, "source_sha256": "b" * 64},
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
    build(connection, "asset_sale_offer_obligations")
    yield connection
    connection.close()


def test_the_notice_states_the_computed_amount_and_dates(con):
    html = asset_sale_offer_notice_html(con, "ASO-E13", MANIFEST)
    assert "$15,030,750.00 in principal amount of Notes" in html
    assert "$60,123,000.00, rounded down to the nearest $1,000" in html
    assert "May 5, 2000" in html and "Mailed April 3, 2000" in html
    assert "First Trust National Association" in html
    assert MANIFEST["run_id"] in html


def test_an_unknown_offer_is_refused(con):
    with pytest.raises(LookupError):
        asset_sale_offer_notice_html(con, "ASO-NONE", MANIFEST)
