"""Transfers of assets to Subsidiaries and Non-Affiliate Joint Ventures (indenture-1996 4.12), and returns.

SYNTHETIC throughout: the transfers, their Fair Market Values and exemptions, and the attested pro forma Consolidated
Net Worth after each 4.12(b)(J) transfer (R-I27). Calibrated to the storyline: the Micromill companies cease to be
Subsidiary Guarantors on 1999-07-01 (entities.py), so assets moved to them afterwards must rely on an exemption; the
4.12(b)(J) basket is the greater of $25,000,000 and 5% of $600,000,000 = $30,000,000.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

D = Decimal

# (transfer_id, date, transferor, transferee, Fair Market Value, exemption claimed, is_return, description)
TRANSFERS: tuple[tuple[str, date, str, str, Decimal, str | None, bool, str], ...] = (
    ("AT-1997-09-KBC", date(1997, 9, 30), "KACC", "KBC", D("8000000.00"), "B", False,
     "Extrusion press contributed to Kaiser Bellwood Corporation (a Subsidiary Guarantor)"),
    ("AT-1999-08-KMH", date(1999, 8, 31), "KACC", "KMH", D("12000000.00"), "J", False,
     "Equipment contributed to Kaiser Micromill Holdings after its guarantee was released"),
    ("AT-2000-03-KSM", date(2000, 3, 31), "KACC", "KSM", D("10000000.00"), "J", False,
     "Working capital advanced to Kaiser Sierra Micromills"),
    ("AT-2000-11-KMH", date(2000, 11, 30), "KMH", "KACC", D("4000000.00"), "J", True,
     "Equipment returned by Kaiser Micromill Holdings to the Company"),
    ("AT-2001-02-ANG", date(2001, 2, 28), "KACC", "ANG", D("5000000.00"), "G", False,
     "Cash contributed to Anglesey Aluminium Limited (a Non-Affiliate Joint Venture in smelting)"),
)

PRO_FORMA_CONSOLIDATED_NET_WORTH = D("600000000.00")


def rows() -> list[dict[str, object]]:
    return [
        {"transfer_id": t, "transfer_date": d, "transferor_entity_id": src, "transferee_entity_id": dst,
         "fair_market_value": fmv, "exemption_clause": clause, "is_return": ret, "description": text}
        for t, d, src, dst, fmv, clause, ret, text in TRANSFERS
    ]


def attestation_rows() -> list[dict[str, object]]:
    """The CFO's pro forma Consolidated Net Worth after each 4.12(b)(J) transfer or return, signed on its date."""
    return [
        {"attestation_id": f"ATT-{t}-CNW", "subject": "pro_forma_consolidated_net_worth", "reference_id": t,
         "period_end": d, "value": str(PRO_FORMA_CONSOLIDATED_NET_WORTH), "attested_by": "Margaret A. Hollis",
         "role": "Chief Financial Officer", "attested_on": d + timedelta(days=1),
         "document": f"Officers' Certificate on transfer {t}"}
        for t, d, _, _, _, clause, _, _ in TRANSFERS if clause == "J"
    ]
