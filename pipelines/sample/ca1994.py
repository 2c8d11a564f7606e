"""The 1994 Credit Agreement's own facts in the sample: the 9.2.2 debt classes, the Eleventh Amendment's MAXXAM tax
payment, the Venezuela Investment and Pledged Cash, and the Venezuela Bid Bond Obligation's end.

Real: the MAXXAM payment of "$11,438,000 plus interest from June 30, 1997, under the Tax Allocation Agreement" [Eleventh Amendment § 2, item 1]; the Venezuela storyline of the Thirteenth Amendment (July 20, 1998) and worked example E20 (bid bond obligation
terminated 1998-10-15). SYNTHETIC: the payment date, the 8% simple interest (the Tax Allocation Agreement's rate is not
held, R-C02), the Venezuela Pledged Cash amounts, and the debt-class crosswalk (R-X04: the 9 7/8% notes as
Senior Debt, the $175,000,000 Series B 10 7/8% notes as New Senior Debt, the $50,000,000 10 7/8% notes as Additional
New Senior Debt, the 12 3/4% notes as Subordinated Debt). No New Subordinated Debt was issued in the sample.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pipelines.sample.indebtedness import NEW_SUBORDINATED_ISSUE_DATE, NEW_SUBORDINATED_NOTES

DEBT_CLASSES = {
    "NOTES-0975-2002": "senior_debt",
    "NOTES-10875-2006-B": "new_senior_debt",
    "NOTES-10875-2006": "additional_new_senior_debt",
    "NOTES-1275-2003": "subordinated_debt",
    NEW_SUBORDINATED_NOTES: "new_subordinated_debt",
}
PAYMENT_CLAUSES = {"RP-1998-09-VEN": "9.2.5(u)"}

MAXXAM_PAYMENT_DATE = date(1997, 11, 14)
MAXXAM_PRINCIPAL = Decimal("11438000.00")
# 11,438,000 x 8% x 135/360 (June 30 to November 14, 1997, 30/360) = 343,140.00
MAXXAM_INTEREST = Decimal("343140.00")

NEW_SUBORDINATED_ISSUE_COSTS = Decimal("1250000.00")
SUBORDINATED_PRINCIPAL_RETIRED = Decimal("46000000.00")
SUBORDINATED_RETIREMENT = SUBORDINATED_PRINCIPAL_RETIRED + Decimal("2750000.00")  # principal + premium

CFO = ("J. Doe", "Chief Financial Officer")
COUNSEL = ("R. Roe", "General Counsel")


def debt_instrument_rows(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    return [{**r, "ca1994_debt_class": DEBT_CLASSES.get(str(r["instrument_id"]), "other")} for r in rows]


def restricted_payment_rows(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    tagged = [{**r, "ca1994_clause": PAYMENT_CLAUSES.get(str(r["transaction_id"]))} for r in rows]
    maxxam = {
        "transaction_id": "RP-1997-11-MAXXAM-TAX", "payment_date": MAXXAM_PAYMENT_DATE, "payer_entity_id": "KACC",
        "payment_kind": "tax_sharing_payment", "recipient_kind": "maxxam", "amount": MAXXAM_PRINCIPAL + MAXXAM_INTEREST,
        "basket": "4.09(b)(III)", "declared_on": None, "ca1994_clause": "9.2.14",
        "description": "Payment to MAXXAM under the Tax Allocation Agreement ($11,438,000 plus interest from June 30, 1997)",
    }
    retirement = {
        "transaction_id": "RP-1998-01-SUB-1275", "payment_date": NEW_SUBORDINATED_ISSUE_DATE, "payer_entity_id": "KACC",
        "payment_kind": "subordinated_debt_retirement", "recipient_kind": "public", "amount": SUBORDINATED_RETIREMENT,
        "basket": "4.09(b)(IV)", "declared_on": date(1997, 12, 15), "ca1994_clause": "9.2.6(b)",
        "retired_instrument_id": "NOTES-1275-2003", "principal_retired": SUBORDINATED_PRINCIPAL_RETIRED,
        "description": "Redemption of $46,000,000 of 12 3/4% Senior Subordinated Notes at a $2,750,000 premium from the proceeds of "
                       "the New Subordinated Notes (principal plus premium; accrued interest paid separately)",
    }
    return sorted(tagged + [maxxam, retirement], key=lambda r: (r["payment_date"], r["transaction_id"]))


def attestation_rows() -> list[dict[str, object]]:
    def row(att_id, subject, reference, period_end, value, who, signed, document):
        return {"attestation_id": att_id, "subject": subject, "reference_id": reference, "period_end": period_end,
                "value": value, "attested_by": who[0], "role": who[1], "attested_on": signed, "document": document}
    return [
        row("ATT-CA1994-MAXXAM-INT", "maxxam_tax_allocation_interest", "RP-1997-11-MAXXAM-TAX", MAXXAM_PAYMENT_DATE,
            str(MAXXAM_INTEREST), CFO, date(1997, 11, 12), "Tax Allocation Agreement interest computation"),
        row("ATT-CA1994-VPC-1998-07", "venezuela_pledged_cash", None, date(1998, 7, 20), "0.00", CFO, date(1998, 7, 20),
            "Treasury schedule of Venezuela Pledged Cash"),
        row("ATT-CA1994-VPC-1998-09", "venezuela_pledged_cash", None, date(1998, 9, 1), "15000000.00", CFO,
            date(1998, 9, 1), "Treasury schedule of Venezuela Pledged Cash"),
        row("ATT-CA1994-VPC-1999-04", "venezuela_pledged_cash", None, date(1999, 4, 1), "0.00", CFO, date(1999, 4, 1),
            "Treasury schedule of Venezuela Pledged Cash"),
        row("ATT-CA1994-BIDBOND", "venezuela_bid_bond_obligation_terminated", None, date(1998, 10, 15), "true", CFO,
            date(1998, 10, 16), "Notice of termination of the Venezuela Bid Bond Obligation"),
        row("ATT-CA1994-FORM-B", "ca1994_indenture_form_confirmed", "NOTES-10875-2006-B", date(1997, 10, 20), "true",
            COUNSEL, date(1997, 10, 20), "Opinion: New Senior Indenture substantially in the form of the Senior Indenture"),
        row("ATT-CA1994-FORM-C", "ca1994_indenture_form_confirmed", "NOTES-10875-2006", date(1997, 10, 20), "true",
            COUNSEL, date(1997, 10, 20), "Opinion: Additional New Senior Indenture in the form of the New Senior Indenture"),
        row("ATT-CA1994-FORM-D", "ca1994_indenture_form_confirmed", NEW_SUBORDINATED_NOTES, NEW_SUBORDINATED_ISSUE_DATE,
            "true", COUNSEL, date(1998, 1, 14),
            "Opinion: subordination provisions substantially those of the Subordinated Indenture; changes approved by the Agent"),
        row("ATT-CA1994-NSD-COSTS", "new_subordinated_debt_issue_costs", "INC-1998-01-NSD", NEW_SUBORDINATED_ISSUE_DATE,
            str(NEW_SUBORDINATED_ISSUE_COSTS), CFO, date(1998, 1, 20), "Closing statement of the New Subordinated Notes"),
    ]
