"""The price the Company pays for Notes it purchases under 3.05 or 4.14, as the mart notes_purchase_prices computed it,
for the notices that state it (`templates/indenture-1996/purchase_price.html.j2`): per $1,000 principal amount and for
the principal concerned, with the 30/360 accrual behind it. Nothing is recomputed or rounded here."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import duckdb


def purchase_price(con: duckdb.DuckDBPyConnection, kind: str, reference_id: str, arose_on: date) -> dict | None:
    """The row of notes_purchase_prices for one purchase, with the Notes' rate and the price as percentages."""
    relation = con.execute(
        "select * from notes_purchase_prices where purchase_kind = ? and reference_id = ? and arose_on = ?",
        [kind, reference_id, arose_on],
    )
    names = [d[0] for d in relation.description]
    found = [dict(zip(names, row)) for row in relation.fetchall()]
    if not found:
        return None
    price = found[0]
    price["rate_percent"] = _percent(price["rate"])
    price["price_percent"] = _percent(price["price"])
    return price


def _percent(fraction: Decimal | None) -> str | None:
    """`0.10875000` → `10.875`, `1.01000` → `101`."""
    return None if fraction is None else format((fraction * 100).normalize(), "f")

