"""Liens, Unrestricted Subsidiary officers and Affiliate transactions for indenture-1996 4.11, 4.15 and 4.08 (SYNTHETIC:
the Lien register, the people and the transactions are invented, calibrated to the sample's debt register; the people's
names are fictional).

Lien register: the Credit Agreement revolver secured by Permitted Collateral under 4.11(b)(i) (its commitment less the
CARIFA letters of credit, registered separately), the CARIFA-related Lien (letters of credit supporting the CBI
Industrial Revenue Bonds, on Permitted Collateral: it adds up to $43,000,000 to the Maximum Secured Amount), both released
on the petition date when the Post-Petition Credit Agreement took a new (b)(i) Lien; the pre-1996 industrial revenue bond
Lien of more than $5,000,000 under (b)(ii) (indeterminate: Schedule A is blank); the Bellwood press purchase-money Lien
under (b)(ix), Incurred on day 180 after completion; and a 1999 Richmond plant Lien under the $10,000,000 basket (b)(xi).
Capital expenditures are Permitted Collateral at the facilities the group used on December 23, 1996 in the U.S., except
the Gramercy refinery and the Nevada micromill (def/PermittedCollateral (3)), and except the Unrestricted Subsidiary's.
Kaiser Center Properties (KCP, an Unrestricted Subsidiary from 1998) has an independent director who resigned on
2001-04-10 and was replaced on day 25 (2001-05-05). MAXXAM is reimbursed for services each year (4.08(b)(iii)); one
$12,500,000 purchase from MAXXAM has its Board Resolution and fairness opinion; KCP leases office space to the Company.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from pipelines.sample.fiscal_periods import quarter_ends, quarter_label

NOT_PERMITTED_COLLATERAL_PROJECTS = (
    "Gramercy alumina refinery",
    "Gramercy refinery rebuild",
    "Nevada micromill",
    "Bauxite mining equipment",  # Kaiser Bauxite Company's equipment is in Jamaica: not a U.S. Fixed Asset
)
UNRESTRICTED_SUBSIDIARY = "KCP"
UNRESTRICTED_FROM = date(1998, 1, 1)
PETITION_DATE = date(2002, 2, 12)
PRESS_LIEN = "LIEN-KBC-PRESS"
PRESS_COMPLETED = date(1998, 4, 3)
# GAAP depreciation on Permitted Collateral per quarter, pre-Merger historical basis (R-I08)
PERMITTED_COLLATERAL_DEPRECIATION = Decimal("14000000.00")

CONTROLLER = ("Daniel R. Ortega", "Vice President and Controller")
SECRETARY = ("Laura P. Keane", "Corporate Secretary")


def is_permitted_collateral(entity_id: str, project: str, is_foreign: bool) -> bool:
    return not is_foreign and entity_id != UNRESTRICTED_SUBSIDIARY and project not in NOT_PERMITTED_COLLATERAL_PROJECTS


def capital_expenditure_lien(entity_id: str, period_end: date) -> str | None:
    """The Bellwood press upgrade, completed April 3, 1998, is financed by the (b)(ix) Lien: out of Net Betterments."""
    return PRESS_LIEN if entity_id == "KBC" and date(1998, 1, 1) <= period_end <= date(1998, 4, 30) else None


def _lien(lien_id, entity, asset, facility, instrument, principal, created, clause, *, pc=True, usfa=True, acquired=None,
          cost=None, carifa=False, released=None) -> dict[str, object]:
    return {"lien_id": lien_id, "entity_id": entity, "asset_description": asset, "facility": facility,
            "is_us_fixed_asset": usfa, "is_permitted_collateral": pc, "instrument_id": instrument,
            "principal_secured": Decimal(principal), "created_on": created, "asset_acquired_or_completed_on": acquired,
            "asset_cost": None if cost is None else Decimal(cost), "permitted_clause": clause,
            "is_carifa_financing": carifa, "notes_equally_and_ratably_secured": False, "released_on": released}


def lien_rows() -> list[dict[str, object]]:
    return [
        _lien("LIEN-CA1994-PC", "KACC", "Trentwood, Mead and Tacoma real property, plant and equipment (Permitted Collateral)",
              "Trentwood; Mead; Tacoma", "CA1994-REVOLVER", "265000000.00", date(1996, 12, 23), "4.11(b)(i)",
              released=PETITION_DATE),
        _lien("LIEN-CARIFA-LC", "KACC", "Mead smelter plant and equipment, securing the letters of credit supporting the CBI "
              "Industrial Revenue Bonds (CARIFA Financing)", "Mead", "CA1994-REVOLVER", "60000000.00", date(1996, 12, 23),
              "4.11(b)(i)", carifa=True, released=PETITION_DATE),
        _lien("LIEN-IRB-1992", "KACC", "Pollution control equipment financed by industrial revenue bonds", "Trentwood",
              "IRB-KACC", "8500000.00", date(1992, 12, 1), "4.11(b)(ii)"),
        _lien(PRESS_LIEN, "KBC", "Bellwood extrusion press upgrade", "Bellwood", "KBC-EQUIPMENT", "12000000.00",
              date(1998, 9, 30), "4.11(b)(ix)", acquired=PRESS_COMPLETED, cost="12400000.00"),
        _lien("LIEN-IRB-1999-RICHMOND", "PLANT0001", "Richmond plant equipment, industrial revenue bond series 1999",
              "Richmond", "IRB-KACC", "6500000.00", date(1999, 6, 15), "4.11(b)(xi)"),
        _lien("LIEN-DIP-2002-PC", "KACC", "Trentwood, Mead and Tacoma real property, plant and equipment (Permitted Collateral)",
              "Trentwood; Mead; Tacoma", "DIP-2002", "300000000.00", PETITION_DATE, "4.11(b)(i)"),
    ]


def officer_rows() -> list[dict[str, object]]:
    def officer(name, position, independent, appointed, ceased=None, reason=None):
        return {"entity_id": UNRESTRICTED_SUBSIDIARY, "person_name": name, "position": position,
                "is_independent": independent, "appointed_on": appointed, "ceased_on": ceased, "cessation_reason": reason}

    return [
        officer("Elaine M. Porter", "director", True, UNRESTRICTED_FROM, date(2001, 4, 10), "resignation"),
        officer("Thomas W. Reyes", "director", True, date(2001, 5, 5)),  # day 25 after the resignation
        officer("Daniel R. Ortega", "director", False, UNRESTRICTED_FROM),  # the Company's Controller: not independent
        officer("Gregory S. Lind", "executive_officer", True, UNRESTRICTED_FROM),
    ]


def affiliate_transaction_rows() -> list[dict[str, object]]:
    rows = [
        {"transaction_id": f"AT-{year}-MAXXAM-SVC", "transaction_date": date(year, 12, 31), "entity_id": "KACC",
         "counterparty": "MAXXAM Inc.", "counterparty_kind": "affiliate", "amount": Decimal("2400000.00"),
         "principal_products_amount": Decimal("0.00"), "exemption": "4.08(b)(iii)", "series_id": None,
         "board_resolution_document": None, "fairness_opinion_document": None,
         "description": f"Reimbursement of MAXXAM for corporate services in {year} at actual cost plus allocable overhead"}
        for year in range(1997, 2002)
    ]
    rows.append({"transaction_id": "AT-1999-MAXXAM-AIRCRAFT", "transaction_date": date(1999, 6, 30), "entity_id": "KACC",
                 "counterparty": "MAXXAM Inc.", "counterparty_kind": "affiliate", "amount": Decimal("12500000.00"),
                 "principal_products_amount": Decimal("0.00"), "exemption": None, "series_id": None,
                 "board_resolution_document": "Board Resolution 1999-06-24 (independent directors)",
                 "fairness_opinion_document": "Fairness opinion of an independent investment bank, 1999-06-22",
                 "description": "Purchase of MAXXAM's corporate aircraft interest"})
    rows.append({"transaction_id": "AT-1998-KCP-LEASE", "transaction_date": date(1998, 3, 31), "entity_id": "KACC",
                 "counterparty": "Kaiser Center Properties", "counterparty_kind": "unrestricted_subsidiary",
                 "amount": Decimal("1800000.00"), "principal_products_amount": Decimal("0.00"), "exemption": None,
                 "series_id": None, "board_resolution_document": "Board Resolution 1998-03-12 (independent directors)",
                 "fairness_opinion_document": None, "description": "Lease of office space in the Kaiser Center, 1998-2000"})
    return sorted(rows, key=lambda r: r["transaction_id"])


def attestation_rows() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []

    def add(att_id, subject, reference, period_end, value, who, attested_on, document):
        out.append({"attestation_id": att_id, "subject": subject, "reference_id": reference, "period_end": period_end,
                    "value": value, "attested_by": who[0], "role": who[1], "attested_on": attested_on, "document": document})

    for end in quarter_ends():
        if end < date(1996, 12, 23):
            continue
        label = quarter_label(end)
        signed = end + timedelta(days=40)
        add(f"ATT-{label}-PCDEP", "permitted_collateral_depreciation", None, end,
            f"{PERMITTED_COLLATERAL_DEPRECIATION if end > date(1996, 12, 31) else Decimal('1100000.00'):f}", CONTROLLER,
            signed, f"Fixed-asset subledger {label}, Permitted Collateral depreciation (pre-Merger historical basis)")
        add(f"ATT-{label}-AFFCERT", "affiliate_transaction_officers_certificate", None, end,
            (end + timedelta(days=45)).isoformat(), SECRETARY, end + timedelta(days=45),
            f"Officers' Certificate under Section 4.08, {label}, trustee receipt")
        if end >= UNRESTRICTED_FROM:
            add(f"ATT-{label}-KCP-CS", "unrestricted_subsidiary_no_credit_support", UNRESTRICTED_SUBSIDIARY, end, "true",
                CONTROLLER, signed, f"Unrestricted Subsidiary compliance schedule {label}")
            add(f"ATT-{label}-KCP-LN", "unrestricted_subsidiary_lender_notice", UNRESTRICTED_SUBSIDIARY, end, "true",
                CONTROLLER, signed, f"Unrestricted Subsidiary compliance schedule {label}")
    for transaction_id, resolution_date in (("AT-1999-MAXXAM-AIRCRAFT", date(1999, 6, 24)), ("AT-1998-KCP-LEASE", date(1998, 3, 12))):
        add(f"ATT-{transaction_id}-IND", "affiliate_transaction_independent_approval", transaction_id, resolution_date,
            "true", SECRETARY, resolution_date, f"Secretary's certificate on the Board Resolution of {resolution_date}")
    return out
