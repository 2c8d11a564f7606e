"""The post-petition facility's Lenders, the Sixth Amendment's fee and signatures, and the Company's QAL financing.

Real: the seven Lenders and their Revolving Commitments [Sixth Amendment, Schedule A], $285,000,000 in all; the
amendment signed by every Lender (its signature blocks); the amendment fee of .008 times the Revolving Commitment
Amount [Sixth Amendment § 3]; no borrowings outstanding under the facility in 2003 [N12] (the sample's borrowing base
shows none on August 1, 2003); "Kaiser's share of additional financings at QAL is $43 million" [N13].
SYNTHETIC: the fee's payment date (the effective date, R-P01); the QAL financing's date (the report's, August 14,
2003), its form (KAAC's guarantee of QAL's borrowings, a Contingent Liability) and the participants' total, chosen so
that the sample's 28.3% ownership interest times it is $43,000,000 to the cent.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

EFFECTIVE = date(2003, 8, 1)
SCHEDULE_A = (
    ("BOFA", "Bank of America, N.A.", Decimal("55000000.00")),
    ("GECC", "General Electric Capital Corporation", Decimal("55000000.00")),
    ("CIT", "The CIT Group/Business Credit, Inc.", Decimal("40000000.00")),
    ("WFF", "Wells Fargo Foothill, Inc. (fka Foothill Capital Corporation)", Decimal("45000000.00")),
    ("MLBF", "Merrill Lynch Business Financial Services Inc", Decimal("35000000.00")),
    ("GMAC", "GMAC Commercial Finance LLC", Decimal("30000000.00")),
    ("PNC", "PNC Bank, National Association", Decimal("25000000.00")),
)
AMENDMENT_FEE_RATE = Decimal("0.008")
QAL_OWNERSHIP = Decimal("0.283000")
QAL_FINANCING = Decimal("43000000.00")
# 0.283 x 151,943,462.90 = 42,999,999.9997, which is 43,000,000.00 to the cent
QAL_PARTICIPANTS_TOTAL = Decimal("151943462.90")


def lender_rows() -> list[dict[str, object]]:
    return [{"lender_id": lender_id, "lender_name": name, "effective_date": EFFECTIVE, "revolving_commitment": commitment,
             "document": "Sixth Amendment, Schedule A"} for lender_id, name, commitment in SCHEDULE_A]


def fee_rows() -> list[dict[str, object]]:
    fee = AMENDMENT_FEE_RATE * sum(commitment for _, _, commitment in SCHEDULE_A)  # .008 x 285,000,000 = 2,280,000
    return [{"fee_id": "FEE-2003-08-AMEND6", "fee_kind": "sixth_amendment_fee", "paid_on": EFFECTIVE,
             "amount": fee.quantize(Decimal("0.01")), "document": "Agent's acknowledgement of the amendment fee"}]


def consent_rows() -> list[dict[str, object]]:
    return [{"request_id": "REQ-2003-08-AMEND6", "request_date": EFFECTIVE, "subject": "sixth_amendment", "lender_id": lender_id,
             "consented": True, "outstanding_principal": Decimal("0.00"), "document": "Sixth Amendment, signature page"}
            for lender_id, _, _ in SCHEDULE_A]


def qal_investment_rows() -> list[dict[str, object]]:
    return [{"investment_id": "QAL-2003-08", "made_on": date(2003, 8, 14), "investor": "kaac",
             "investment_kind": "contingent_liability", "amount": QAL_FINANCING, "participants_amount": QAL_PARTICIPANTS_TOTAL,
             "ownership_interest": QAL_OWNERSHIP, "document": "Guarantee of QAL's additional financings (Kaiser's share)"}]
