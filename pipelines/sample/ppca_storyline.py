"""ppca-2002 facts of the sample: the facility's commitment over time, the Mead smelter sale's Net Disposition Proceeds
for the PPE Subcomponent Reduction, and Section 9.2.7 capital expenditures with the chart's Base Amounts.
Real: the $300,000,000 commitment cut to $285,000,000 by the Sixth Amendment of 2003-08-01 and its $75,000,000 Fiscal Year
2004 Base Amount. SYNTHETIC amounts, calibrated loosely to the storyline (the Mead smelter sale of May 2004, ALPART's
capital programme, the group's capital expenditures): the Fiscal Year 2003 Base Amount (in the chart of the agreement as
signed, not available), Net Disposition Proceeds, Capital Expenditures and Adjusted Capital Expenditures.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

D = Decimal

# debt_instruments credit_agreement: the revolving facility of each credit agreement
CREDIT_AGREEMENT_FACILITIES = {"CA1994-REVOLVER": "ca-1994", "DIP-2002": "ppca-2002"}
# ppca-2002/2.1.1(b): debt_instruments holds the $285,000,000 the facility stands at; before the Sixth Amendment it was
# $300,000,000
DIP_COMMITMENT_BEFORE_SIXTH_AMENDMENT = (date(2002, 2, 12), date(2003, 7, 31), D("300000000.00"))

# ppca-2002/def/PPESubcomponentReduction: Asset Disposition -> (date the proceeds were received, Net Disposition
# Proceeds). Mead: $7,400,000 cash less $500,000 selling expenses, received by KACC (wholly the Company); no Section
# 9.2.11 clause of exception (w), not Accounts, not ALPART.
NET_DISPOSITION_PROCEEDS = {"AS-2004-MEAD": (date(2004, 5, 28), D("6900000.00"))}

# ppca-2002/9.2.7(i): the chart's Base Amount for Fiscal Year 2003 and the Adjusted Capital Expenditures of that year
# (the Carryover Amount: min($10,000,000, 70,000,000 - 56,400,000) = $10,000,000)
BASE_AMOUNT_2003 = D("70000000.00")
ADJUSTED_CAPITAL_EXPENDITURES_2003 = D("56400000.00")

# ppca-2002/9.2.7(ii): ALPART Capital Expenditures financed or funded by the Obligors, per Fiscal Year (<= $49,000,000)
ALPART_CAPITAL_EXPENDITURES = {2002: D("14000000.00"), 2003: D("16000000.00"), 2004: D("12000000.00")}

# ppca-2002/9.2.7(i): Adjusted Capital Expenditures for Fiscal Year 2004
ADJUSTED_CAPITAL_EXPENDITURES_2004 = D("61000000.00")


def debt_instrument_rows(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    return [{**r, "credit_agreement": CREDIT_AGREEMENT_FACILITIES.get(str(r["instrument_id"]))} for r in rows]


def facility_commitment_rows() -> list[dict[str, object]]:
    valid_from, valid_to, commitment = DIP_COMMITMENT_BEFORE_SIXTH_AMENDMENT
    return [{"instrument_id": "DIP-2002", "valid_from": valid_from, "valid_to": valid_to, "commitment": commitment,
             "document": "Post-Petition Credit Agreement § 2.1.1(b) clause (x) as signed ($300,000,000)"}]


def capital_expenditure_base_amount_rows() -> list[dict[str, object]]:
    return [{"fiscal_year_end": date(2003, 12, 31), "base_amount": BASE_AMOUNT_2003,
             "document": "Post-Petition Credit Agreement § 9.2.7 chart, Fiscal Year 2003"}]


def asset_disposition_rows() -> list[dict[str, object]]:
    return [{"transaction_id": sale, "is_sale_of_accounts": False,
             "document": f"Borrowing Base Certificate schedule of Asset Dispositions ({sale})"} for sale in NET_DISPOSITION_PROCEEDS]


def disposition_proceeds_rows() -> list[dict[str, object]]:
    return [{"proceeds_id": f"NDP-{sale.removeprefix('AS-')}", "transaction_id": sale, "event_date": received,
             "event_kind": "received", "net_disposition_proceeds": amount, "document": f"Closing statement ({sale})"}
            for sale, (received, amount) in NET_DISPOSITION_PROCEEDS.items()]


def attestations(add, who: tuple[str, str]) -> None:
    """Append the ppca-2002 attestations through attestations.rows()'s `add`."""
    for year, amount in ALPART_CAPITAL_EXPENDITURES.items():
        add(f"ATT-FY{year}-ALPART-CAPEX", "ppca_alpart_capital_expenditures_financed", "ALPART", date(year, 12, 31),
            f"{amount:.2f}", who, date(year + 1, 2, 15), f"Schedule of ALPART Capital Expenditures, Fiscal Year {year}")
    add("ATT-FY2003-ADJ-CAPEX", "ppca_adjusted_capital_expenditures", None, date(2003, 12, 31),
        f"{ADJUSTED_CAPITAL_EXPENDITURES_2003:.2f}", who, date(2004, 2, 15),
        "Schedule of Adjusted Capital Expenditures, Fiscal Year 2003")
    add("ATT-FY2004-ADJ-CAPEX", "ppca_adjusted_capital_expenditures", None, date(2004, 12, 31),
        f"{ADJUSTED_CAPITAL_EXPENDITURES_2004:.2f}", who, date(2005, 2, 15),
        "Schedule of Adjusted Capital Expenditures, Fiscal Year 2004")
