"""ppca-2002 facts only a person can supply in the sample: PPE Subcomponent Reductions and Section 9.2.7 capital
expenditures. SYNTHETIC amounts, calibrated loosely to the storyline (the Mead smelter sale of May 2004, ALPART's
capital programme); the base agreement's definitions (Net Disposition Proceeds, Capital Expenditures, Adjusted Capital
Expenditures) are not available.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

D = Decimal

# ppca-2002/def/PPESubcomponentReduction: Asset Disposition -> (date the proceeds were received, reduction). Mead:
# $7,400,000 cash less $500,000 selling expenses; no exception (w)-(z) applies; seller KACC wholly owned.
PPE_SUBCOMPONENT_REDUCTIONS = {"AS-2004-MEAD": (date(2004, 5, 28), D("6900000.00"))}

# ppca-2002/9.2.7(ii): ALPART Capital Expenditures financed or funded by the Obligors, per Fiscal Year (<= $49,000,000)
ALPART_CAPITAL_EXPENDITURES = {2002: D("14000000.00"), 2003: D("16000000.00"), 2004: D("12000000.00")}

# ppca-2002/9.2.7(i): Adjusted Capital Expenditures for Fiscal Year 2004
ADJUSTED_CAPITAL_EXPENDITURES_2004 = D("61000000.00")


def attestations(add, who: tuple[str, str]) -> None:
    """Append the ppca-2002 attestations through attestations.rows()'s `add`."""
    for sale, (received, reduction) in PPE_SUBCOMPONENT_REDUCTIONS.items():
        add(f"ATT-{sale}-PPE", "ppca_ppe_subcomponent_reduction", sale, received, f"{reduction:.2f}", who,
            date(2004, 6, 15), f"Borrowing Base Certificate schedule of Asset Dispositions ({sale})")
    for year, amount in ALPART_CAPITAL_EXPENDITURES.items():
        add(f"ATT-FY{year}-ALPART-CAPEX", "ppca_alpart_capital_expenditures_financed", "ALPART", date(year, 12, 31),
            f"{amount:.2f}", who, date(year + 1, 2, 15), f"Schedule of ALPART Capital Expenditures, Fiscal Year {year}")
    add("ATT-FY2004-ADJ-CAPEX", "ppca_adjusted_capital_expenditures", None, date(2004, 12, 31),
        f"{ADJUSTED_CAPITAL_EXPENDITURES_2004:.2f}", who, date(2005, 2, 15),
        "Schedule of Adjusted Capital Expenditures, Fiscal Year 2004")
