"""indenture-1996/4.14(c): the notice of an Asset Sale Offer, drafted from the offer's row in asset_sale_offer_obligations.

[Indenture § 4.14(c)] "Notice of an Asset Sale Offer shall be mailed by the Company to all holders at their last registered address
within 145 days of the receipt ... of such Net Cash Proceeds." The notice states items (1)-(9) of 4.14(c); the Asset Sale
Offer Amount is the one the mart computed (floor_to_$1,000 of the pool's NCP times the Notes' share, R-I18, plus the
limb (A) prepayments their holders declined and what is left once limb (A) is prepaid in full [Indenture § 4.14(b)],
less the Notes credited under [Indenture § 4.14(c)]), never the stated one, so a short offer cannot be drafted. The
purchase price is the Asset Sale Purchase Price of notes_purchase_prices: 100% plus accrued and unpaid interest to but
not including the Asset Sale Purchase Date [Indenture § 4.14(b)], per $1,000 and for the whole amount; the limb (A)
shares (R-I70) are stated to the officers below the items.

`covenants run` issues one notice (HTML and PDF, beside the other certificates) for each Asset Sale Offer whose notice
is due in the run's quarters: day 145 after the day the offer became due (R-I19) falls in one of them. The offer rows
are gathered before the run's database closes (`offers_due`).
"""

from __future__ import annotations

from decimal import Decimal

import duckdb

from pipelines.certificates.kinds.purchase_prices import purchase_price
from pipelines.certificates.registry import Document, DocumentKind, RunFacts, Signatory, document_html, file_stem
from pipelines.fiscal import FiscalQuarter

TEMPLATE = "indenture-1996/asset_sale_offer_notice_4_14c.html.j2"
TRUSTEE = "First Trust National Association"  # [Indenture, cover page] the indenture's Trustee (policies/indenture-1996/instrument.yaml)
COLUMNS = (
    "offer_id, trigger_date, notice_mailed_on, asset_sale_purchase_date, asset_sale_offer_amount, ncp_rounded_down, "
    "notes_outstanding, notes_credit_allowed, required_offer_amount, notice_due_on, credit_agreement_prepayment_share, "
    "specified_pari_passu_prepayment_share, credit_agreement_declined, specified_pari_passu_declined, "
    "remaining_after_complete_prepayment, notes_offer_amount"
)


def _offers(con: duckdb.DuckDBPyConnection, where: str, parameters: list) -> list[dict]:
    relation = con.execute(f"select {COLUMNS} from asset_sale_offer_obligations where {where} order by trigger_date, offer_id", parameters)
    names = [d[0] for d in relation.description]
    offers = [dict(zip(names, row)) for row in relation.fetchall()]
    return [{**o, "purchase_price": purchase_price(con, "asset_sale_offer", o["offer_id"], o["trigger_date"])} for o in offers]


def offers_due(con: duckdb.DuckDBPyConnection, quarters: list[FiscalQuarter]) -> list[dict]:
    """The answered offers whose notice falls due (day 145) in one of `quarters`, with a computable amount."""
    offers = _offers(con, "offer_id is not null and asset_sale_offer_amount is not null", [])
    first_answered: dict[str, dict] = {}
    for offer in offers:  # one offer may answer two days the pool crossed: its notice is issued once
        first_answered.setdefault(offer["offer_id"], offer)
    return [o for o in first_answered.values() if any(q.start <= o["notice_due_on"] <= q.end for q in quarters)]


def notice(offer: dict) -> Document:
    context = {
        "offer": offer,
        "offer_amount": Decimal(offer["required_offer_amount"]),
        "computed_amount": Decimal(offer["asset_sale_offer_amount"]),
        "notes_credited": Decimal(offer["notes_credit_allowed"]),
        "notice_due": offer["notice_due_on"],
        "trustee": TRUSTEE,
    }
    return Document(file_stem("indenture-1996-4.14c", offer["offer_id"]), context)


def notices(facts: RunFacts) -> list[Document]:
    return [notice(offer) for offer in facts.gathered.get(ASSET_SALE_OFFER_NOTICE.name, [])]


def asset_sale_offer_notice_html(con: duckdb.DuckDBPyConnection, offer_id: str, manifest: dict) -> str:
    found = _offers(con, "offer_id = ?", [offer_id])
    if len(found) != 1:
        raise LookupError(f"no single Asset Sale Offer {offer_id} in asset_sale_offer_obligations")
    if found[0]["asset_sale_offer_amount"] is None:
        raise ValueError(f"{offer_id}: the Asset Sale Offer Amount cannot be computed")
    return document_html(ASSET_SALE_OFFER_NOTICE, notice(found[0]), manifest)


ASSET_SALE_OFFER_NOTICE = DocumentKind(
    name="indenture-1996-4.14c",
    title="Notice of Asset Sale Offer",
    clause_id="indenture-1996/4.14(c)",
    instrument="indenture-1996",
    template=TEMPLATE,
    trigger="the day the notice of an Asset Sale Offer is due (day 145 after the offer became due) falls in a quarter of the run",
    states=("indenture-1996/4.14(c)", "indenture-1996/def/NetCashProceeds"),
    signatories=(Signatory("An Officer of the Company"),),  # mailed by the Company [Indenture § 4.14(c)]
    documents=notices,
    gather=offers_due,
)
