"""indenture-1996/4.14(c): the notice of an Asset Sale Offer, drafted from the offer's row in asset_sale_offer_obligations.

[IND L5056] "Notice of an Asset Sale Offer shall be mailed by the Company to all holders at their last registered address
within 145 days of the receipt ... of such Net Cash Proceeds." The notice states items (1)-(9) of 4.14(c); the Asset Sale
Offer Amount is the one the mart computed (floor_to_$1,000 of the pool's NCP times the Notes' share, AMB-I18), never the
stated one, so a short offer cannot be drafted. Rendered with the certificate machinery (HTML, and PDF on request); the
run command does not yet call it.
"""

from __future__ import annotations

from decimal import Decimal

import duckdb

from pipelines.certificates.rendering import render_html, run_footer

TEMPLATE = "indenture-1996/asset_sale_offer_notice_4_14c.html.j2"
TRUSTEE = "First Trust National Association"  # [IND L29] the indenture's Trustee (policies/indenture-1996/instrument.yaml)
GENERATED_FROM = "Generated from sql/intermediate/asset_sale_offer_obligations and policies/indenture-1996"


def notice_context(con: duckdb.DuckDBPyConnection, offer_id: str, manifest: dict) -> dict:
    relation = con.execute(
        "select offer_id, trigger_date, notice_mailed_on, asset_sale_purchase_date, asset_sale_offer_amount, "
        "ncp_rounded_down, notes_outstanding from asset_sale_offer_obligations where offer_id = ?",
        [offer_id],
    )
    found = relation.fetchall()
    if len(found) != 1:
        raise LookupError(f"no single Asset Sale Offer {offer_id} in asset_sale_offer_obligations")
    offer = dict(zip([d[0] for d in relation.description], found[0]))
    if offer["asset_sale_offer_amount"] is None:
        raise ValueError(f"{offer_id}: the Asset Sale Offer Amount cannot be computed")
    return {
        "offer": offer,
        "offer_amount": Decimal(offer["asset_sale_offer_amount"]),
        "trustee": TRUSTEE,
        "run": run_footer(manifest, GENERATED_FROM),
    }


def asset_sale_offer_notice_html(con: duckdb.DuckDBPyConnection, offer_id: str, manifest: dict) -> str:
    return render_html(TEMPLATE, notice_context(con, offer_id, manifest))
