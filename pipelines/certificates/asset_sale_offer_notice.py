"""indenture-1996/4.14(c): the notice of an Asset Sale Offer, drafted from the offer's row in asset_sale_offer_obligations.

[IND L5056] "Notice of an Asset Sale Offer shall be mailed by the Company to all holders at their last registered address
within 145 days of the receipt ... of such Net Cash Proceeds." The notice states items (1)-(9) of 4.14(c); the Asset Sale
Offer Amount is the one the mart computed (floor_to_$1,000 of the pool's NCP times the Notes' share, R-I18, less the
Notes credited under [IND L5137-5150]), never the stated one, so a short offer cannot be drafted.

`covenants run` issues one notice (HTML and PDF, beside the other certificates) for each Asset Sale Offer whose notice
is due in the run's quarters: day 145 after the day the offer became due (R-I19) falls in one of them. The offer rows
are read before the run's database closes (`offers_due`) and rendered with the run manifest (`render_asset_sale_offer_notices`).
"""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal
from pathlib import Path

import duckdb

from pipelines.certificates.rendering import render_html, run_footer, write_documents
from pipelines.fiscal import FiscalQuarter

TEMPLATE = "indenture-1996/asset_sale_offer_notice_4_14c.html.j2"
TRUSTEE = "First Trust National Association"  # [IND L29] the indenture's Trustee (policies/indenture-1996/instrument.yaml)
GENERATED_FROM = "Generated from sql/intermediate/asset_sale_offer_obligations and policies/indenture-1996"
FILE_NAME_SAFE = re.compile(r"[A-Za-z0-9._-]+")
FILE_NAME_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")
COLUMNS = (
    "offer_id, trigger_date, notice_mailed_on, asset_sale_purchase_date, asset_sale_offer_amount, ncp_rounded_down, "
    "notes_outstanding, notes_credit_allowed, required_offer_amount, notice_due_on"
)


def _offers(con: duckdb.DuckDBPyConnection, where: str, parameters: list) -> list[dict]:
    relation = con.execute(f"select {COLUMNS} from asset_sale_offer_obligations where {where} order by trigger_date, offer_id", parameters)
    names = [d[0] for d in relation.description]
    return [dict(zip(names, row)) for row in relation.fetchall()]


def offers_due(con: duckdb.DuckDBPyConnection, quarters: list[FiscalQuarter]) -> list[dict]:
    """The answered offers whose notice falls due (day 145) in one of `quarters`, with a computable amount."""
    offers = _offers(con, "offer_id is not null and asset_sale_offer_amount is not null", [])
    first_answered: dict[str, dict] = {}
    for offer in offers:  # one offer may answer two days the pool crossed: its notice is issued once
        first_answered.setdefault(offer["offer_id"], offer)
    return [o for o in first_answered.values() if any(q.start <= o["notice_due_on"] <= q.end for q in quarters)]


def notice_html(offer: dict, manifest: dict) -> str:
    context = {
        "offer": offer,
        "offer_amount": Decimal(offer["required_offer_amount"]),
        "computed_amount": Decimal(offer["asset_sale_offer_amount"]),
        "notes_credited": Decimal(offer["notes_credit_allowed"]),
        "notice_due": offer["notice_due_on"],
        "trustee": TRUSTEE,
        "run": run_footer(manifest, GENERATED_FROM),
    }
    return render_html(TEMPLATE, context)


def asset_sale_offer_notice_html(con: duckdb.DuckDBPyConnection, offer_id: str, manifest: dict) -> str:
    found = _offers(con, "offer_id = ?", [offer_id])
    if len(found) != 1:
        raise LookupError(f"no single Asset Sale Offer {offer_id} in asset_sale_offer_obligations")
    if found[0]["asset_sale_offer_amount"] is None:
        raise ValueError(f"{offer_id}: the Asset Sale Offer Amount cannot be computed")
    return notice_html(found[0], manifest)


def file_stem(offer_id: str) -> str:
    """`indenture-1996-4.14c-<offer_id>`; an id from the extracts with characters a file name must not hold ("/", "<")
    has each replaced by "_" and a hash of the id appended, so that two such ids never share a file."""
    if FILE_NAME_SAFE.fullmatch(offer_id):
        return f"indenture-1996-4.14c-{offer_id}"
    digest = hashlib.sha256(offer_id.encode()).hexdigest()[:8]
    return f"indenture-1996-4.14c-{FILE_NAME_UNSAFE.sub('_', offer_id)}-{digest}"


def render_asset_sale_offer_notices(offers: list[dict], manifest: dict, out_dir: Path) -> list[Path]:
    """Write `certificates/<file_stem(offer_id)>.html` and `.pdf` for each offer of `offers_due`."""
    documents = [(file_stem(o["offer_id"]), notice_html(o, manifest)) for o in offers]
    return write_documents(documents, out_dir / "certificates")
