"""Acquisitions for indenture-1996 def/ConsolidatedCashFlowAvailableForFixedCharges (y) (SYNTHETIC: the acquisition,
its date and price are invented).

One small purchase on 1999-04-30 of an extrusion press line and its dies for the fabricated products business, $6,000,000,
which the Company attests is in the ordinary course of business (not "material assets out of the ordinary course"), so
CCFAFC (y) makes no pro forma adjustment and the 4.10(a) ratios are those of the ledger alone.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal


def rows() -> list[dict[str, object]]:
    return [
        {
            "transaction_id": "ACQ-1999-EXTRUSION-LINE",
            "acquisition_date": date(1999, 4, 30),
            "acquirer_entity_id": "KACC",
            "description": "Extrusion press line and dies, fabricated products (synthetic)",
            "consideration": Decimal("6000000.00"),
            "is_material_out_of_ordinary_course": False,
        }
    ]
