"""What happened to the Asset Sales' cash under indenture 4.14: receipts, Asset Sale Offers and the attestations the
definitions need (SYNTHETIC, calibrated to the storyline of pipelines.sample.transactions).

- 1998: the Sherman sale's note is collected on day 20 (deemed cash under 4.14(a)), the Baton Rouge note on day 31 (not
  deemed cash: 9,000,000 of 12,000,000 is exactly the 75% minimum); that last collection takes the pool of unapplied Net
  Cash Proceeds to 25,450,000, over the $25,000,000 threshold, and the Company makes an Asset Sale Offer in April 1999.
- 1999: the Nevada micromill proceeds (4.14(e)) are committed within 140 days to the Gramercy rebuilding (U.S. Fixed
  Assets that are not Permitted Collateral) and used by June 2000.
- 2000: the Gramercy salvage proceeds (4.14(e), no threshold) get an offer whose notice is mailed on day 146: late, the
  sample's true failure. The Center for Technology proceeds are committed to Gramercy within 140 days and used by the
  end of August 2001; its GAAP Reserve is certified by the CFO, and 500,000 of it reversed in December 2002.
- 2003: the Kaiser Center sale takes the pool over the threshold again during the Chapter 11 case; no offer is made.
The balances in each offer (Credit Agreement principal and undrawn letters of credit) follow debt_balances around the
notice date; Specified Pari Passu Indebtedness is taken as nil.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

D = Decimal
CFO = ("Margaret A. Hollis", "Chief Financial Officer")
SECRETARY = ("Thomas E. Calder", "Corporate Secretary")


@dataclass(frozen=True)
class Receipt:
    receipt_id: str
    transaction_id: str
    receipt_date: date
    kind: str
    amount: Decimal


RECEIPTS: tuple[Receipt, ...] = (
    Receipt("ASR-1998-SHERMAN-1", "AS-1998-SHERMAN", date(1998, 4, 15), "closing_cash", D("9000000.00")),
    Receipt("ASR-1998-SHERMAN-2", "AS-1998-SHERMAN", date(1998, 5, 5), "note_collection", D("5000000.00")),  # day 20
    Receipt("ASR-1998-BATON-ROUGE-1", "AS-1998-BATON-ROUGE", date(1998, 11, 20), "closing_cash", D("9000000.00")),
    Receipt("ASR-1998-BATON-ROUGE-2", "AS-1998-BATON-ROUGE", date(1998, 12, 21), "note_collection", D("3000000.00")),  # day 31
    Receipt("ASR-2000-CFT-1", "AS-2000-CFT", date(2000, 8, 25), "closing_cash", D("50000000.00")),
    Receipt("ASR-2000-CFT-2", "AS-2000-CFT", date(2002, 12, 31), "reserve_reversal", D("500000.00")),
)

OFFERS: tuple[dict[str, object], ...] = (
    # 25,450,000 x 50,000,000 / (50,000,000 + 0 + 134,000,000) = 6,915,760.87 (cent up); offered in $1,000s
    {"offer_id": "ASO-1999-01", "notice_mailed_on": date(1999, 4, 15), "asset_sale_purchase_date": date(1999, 5, 14),
     "net_cash_proceeds": D("25450000.00"), "offer_amount": D("6916000.00"), "notes_outstanding": D("50000000.00"),
     "credit_agreement_principal": D("0.00"), "credit_agreement_letters_of_credit": D("134000000.00"),
     "specified_pari_passu_indebtedness": D("0.00"), "purchase_completed_on": date(1999, 5, 14)},
    # the Gramercy salvage NCP 10,500,000 x 50,000,000 / (50,000,000 + 75,017,227.37 + 63,000,000) = 2,792,297.32;
    # notice on day 146 after the receipt of March 15, 2000 (day 145 was August 7)
    {"offer_id": "ASO-2000-01", "notice_mailed_on": date(2000, 8, 8), "asset_sale_purchase_date": date(2000, 9, 6),
     "net_cash_proceeds": D("10500000.00"), "offer_amount": D("2793000.00"), "notes_outstanding": D("50000000.00"),
     "credit_agreement_principal": D("75017227.37"), "credit_agreement_letters_of_credit": D("63000000.00"),
     "specified_pari_passu_indebtedness": D("0.00"), "purchase_completed_on": date(2000, 9, 6)},
)

# (attestation id, subject, transaction, date, value, signer, signed on, document)
ATTESTATIONS: tuple[tuple[str, str, str, date, str, tuple[str, str], date, str], ...] = (
    ("ATT-AS-1998-BATON-ROUGE-FMV", "asset_sale_non_cash_consideration_fmv", "AS-1998-BATON-ROUGE", date(1998, 11, 20),
     "3000000.00", SECRETARY, date(1998, 11, 18), "Board Resolution 98-41: value of the buyer's 30-day note"),
    ("ATT-AS-2003-TACOMA-FMV", "asset_sale_non_cash_consideration_fmv", "AS-2003-TACOMA", date(2003, 5, 30),
     "4000000.00", SECRETARY, date(2003, 5, 28), "Board Resolution 03-12: value of the escrowed consideration"),
    ("ATT-AS-2000-CFT-RESERVE", "gaap_reserves_cfo_certificate", "AS-2000-CFT", date(2000, 8, 25), "2000000.00", CFO,
     date(2000, 9, 5), "CFO certificate to the Trustee: GAAP Reserves, Center for Technology sale"),
    ("ATT-AS-2003-KAISER-CENTER-RESERVE", "gaap_reserves_cfo_certificate", "AS-2003-KAISER-CENTER", date(2003, 3, 14),
     "1000000.00", CFO, date(2003, 3, 24), "CFO certificate to the Trustee: GAAP Reserves, Kaiser Center sale"),
    ("ATT-AS-1999-MICROMILL-COMMIT", "asset_sale_reinvestment_commitment_us_fixed_assets", "AS-1999-MICROMILL",
     date(1999, 10, 15), "11600000.00", SECRETARY, date(1999, 10, 15),
     "Board Resolution 99-30: micromill proceeds committed to the Gramercy rebuilding"),
    ("ATT-AS-1999-MICROMILL-USED", "asset_sale_reinvestment_utilised", "AS-1999-MICROMILL", date(2000, 6, 30),
     "11600000.00", CFO, date(2000, 7, 20), "Gramercy rebuilding capital expenditure schedule, June 2000"),
    ("ATT-AS-2000-CFT-COMMIT", "asset_sale_reinvestment_commitment", "AS-2000-CFT", date(2000, 12, 15), "46500000.00",
     SECRETARY, date(2000, 12, 15), "Board Resolution 00-44: Center for Technology proceeds committed to Gramercy"),
    ("ATT-AS-2000-CFT-USED", "asset_sale_reinvestment_utilised", "AS-2000-CFT", date(2001, 8, 31), "46500000.00", CFO,
     date(2001, 9, 20), "Gramercy rebuilding capital expenditure schedule, August 2001"),
)


def receipt_rows() -> list[dict[str, object]]:
    return [r.__dict__.copy() for r in RECEIPTS]


def offer_rows() -> list[dict[str, object]]:
    return [dict(o) for o in OFFERS]


def attestation_rows() -> list[dict[str, object]]:
    return [{"attestation_id": a, "subject": s, "reference_id": t, "period_end": d, "value": v, "attested_by": who[0],
             "role": who[1], "attested_on": signed, "document": doc} for a, s, t, d, v, who, signed, doc in ATTESTATIONS]
