"""One HTML golden file per document kind, rendered from hand-built results and a literal manifest: any change to a
template, the stylesheet or the wording shows as a diff to review. After a deliberate change, regenerate with
`COVENANTS_UPDATE_GOLDEN=1 pytest tests/certificates/test_golden.py`, look at the diff and at the PDF, and commit."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from pipelines.certificates.kinds.annual_compliance import annual_statement_html
from pipelines.certificates.kinds.asset_sale_offer_notice import ASSET_SALE_OFFER_NOTICE, notice
from pipelines.certificates.kinds.change_of_control_offer import CHANGE_OF_CONTROL_OFFER
from pipelines.certificates.kinds.default_notices import ACCELERATION_NOTICE, OFFICERS_CERTIFICATE
from pipelines.certificates.kinds.ppca_certificates import borrowing_base_certificate_html, compliance_certificate_html
from pipelines.certificates.registry import document_html, document_kinds
from pipelines.fiscal import FiscalQuarter
from test_annual_compliance import MANIFEST, RESULTS
from test_indenture_notices import CHANGE_OF_CONTROL_RESULTS
from test_indenture_notices import RESULTS as DEFAULT_RESULTS
from test_indenture_notices import change_of_control_rows, default_event_rows, documents
from test_ppca_certificates import borrowing_base_result, ebitda_result

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("COVENANTS_UPDATE_GOLDEN") == "1"
OFFER = {  # an Asset Sale Offer row as asset_sale_offer_obligations gives it (the figures of the 4.14(c) notice test)
    "offer_id": "ASO-E13",
    "trigger_date": date(2000, 1, 3),
    "notice_mailed_on": date(2000, 4, 3),
    "asset_sale_purchase_date": date(2000, 5, 5),
    "asset_sale_offer_amount": Decimal("15030750.00"),
    "ncp_rounded_down": Decimal("60123000.00"),
    "notes_outstanding": Decimal("50000000.00"),
    "notes_credit_allowed": Decimal("0.00"),
    "required_offer_amount": Decimal("15030750.00"),
    "notice_due_on": date(2000, 5, 27),
    "credit_agreement_prepayment_share": Decimal("45092250.00"),  # 60,123,000 x 150 / 200
    "specified_pari_passu_prepayment_share": Decimal("0.00"),
    "credit_agreement_declined": Decimal("0.00"),
    "specified_pari_passu_declined": Decimal("0.00"),
    "remaining_after_complete_prepayment": Decimal("0.00"),
    "notes_offer_amount": Decimal("15030750.00"),
    "purchase_price": {  # 100% plus 20 days of 30/360 interest from April 15, 2000 (notes_purchase_prices)
        "price_percent": "100",
        "rate_percent": "10.875",
        "accrual_start": date(2000, 4, 15),
        "accrued_days_30_360": 20,
        "price_per_1000": Decimal("1000.00000"),
        "accrued_interest_per_1000": Decimal("6.0416666666"),
        "purchase_price_per_1000": Decimal("1006.0416666666"),
        "principal_amount": Decimal("15030750.00"),
        "purchase_price_amount": Decimal("15121560.7812500000"),
    },
}
Q4_2003 = FiscalQuarter.parse("2003Q4")
CASES: dict[str, Callable[[], str]] = {
    "indenture-1996-4.06b": lambda: annual_statement_html(RESULTS, 1999, MANIFEST),
    "indenture-1996-4.14c": lambda: document_html(ASSET_SALE_OFFER_NOTICE, notice(OFFER), MANIFEST),
    "ppca-2002-borrowing-base": lambda: borrowing_base_certificate_html([borrowing_base_result()], Q4_2003, MANIFEST),
    "ppca-2002-compliance": lambda: compliance_certificate_html([ebitda_result(), borrowing_base_result()], Q4_2003, MANIFEST),
    # the petition's certificate, the 9 7/8% notes' acceleration and the 1998 offer of test_indenture_notices.py
    "indenture-1996-4.06a": lambda: documents(OFFICERS_CERTIFICATE, default_event_rows())["indenture-1996-4.06a-2002-02-12"],
    "indenture-1996-4.06c": lambda: documents(ACCELERATION_NOTICE, default_event_rows(), DEFAULT_RESULTS)[
        "indenture-1996-4.06c-ACC-2002-02-12-0975"
    ],
    "indenture-1996-3.05": lambda: documents(
        CHANGE_OF_CONTROL_OFFER, {CHANGE_OF_CONTROL_OFFER.name: change_of_control_rows()}, CHANGE_OF_CONTROL_RESULTS,
        [FiscalQuarter(1998, 4)],
    )["indenture-1996-3.05-1998-11-20"],
}


def test_every_document_kind_has_a_golden_file():
    assert {kind.name for kind in document_kinds()} <= set(CASES)


@pytest.mark.parametrize("kind", sorted(CASES))
def test_html_matches_its_golden_file(kind):
    html = CASES[kind]()
    golden = GOLDEN / f"{kind}.html"
    if UPDATE:
        golden.write_text(html, encoding="utf-8")
    assert html == golden.read_text(encoding="utf-8"), f"{kind} differs from {golden}; see the module docstring"
