"""Letters of credit issued under the 1994 Credit Agreement and the Post-Petition Credit Agreement.

SYNTHETIC: every letter of credit, beneficiary and amount. The Venezuela letters of credit of 1998-1999 follow the shape of
the Thirteenth Amendment (July 20, 1998) and a worked example (issued 1998-08-03; a bid-bond-related
letter of credit ended 1998-10-15; all expired by 1999-06-30); their amounts are synthetic. A letter of credit is outstanding
from its issue date to its expiry date, both included.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

from pipelines.sample.fiscal_periods import month_start
from pipelines.sample.money import ZERO, cents


@dataclass(frozen=True)
class LetterOfCredit:
    lc_id: str
    facility_instrument_id: str
    beneficiary: str
    purpose: str
    issue_date: date
    expiry_date: date
    stated_amount: Decimal
    cash_collateralized: bool


BENEFICIARIES = {
    "insurance": "Washington Department of Labor and Industries (self-insured workers' compensation)",
    "environmental": "Louisiana Department of Environmental Quality (closure and post-closure assurance)",
    "general": "U.S. Customs Service and trade suppliers",
}

# (facility, term start, term end, {purpose: amount}) - synthetic annual programmes
PROGRAMMES: tuple[tuple[str, date, date, dict[str, str]], ...] = (
    ("CA1994-REVOLVER", date(1995, 1, 15), date(1996, 1, 14), {"insurance": "30000000", "environmental": "15000000", "general": "12000000"}),
    ("CA1994-REVOLVER", date(1996, 1, 15), date(1997, 1, 14), {"insurance": "30000000", "environmental": "15000000", "general": "12000000"}),
    ("CA1994-REVOLVER", date(1997, 1, 15), date(1998, 1, 14), {"insurance": "32000000", "environmental": "15000000", "general": "12000000"}),
    ("CA1994-REVOLVER", date(1998, 1, 15), date(1999, 1, 14), {"insurance": "33000000", "environmental": "16000000", "general": "10000000"}),
    ("CA1994-REVOLVER", date(1999, 1, 15), date(2000, 1, 14), {"insurance": "33000000", "environmental": "16000000", "general": "10000000"}),
    ("CA1994-REVOLVER", date(2000, 1, 15), date(2001, 1, 14), {"insurance": "34000000", "environmental": "17000000", "general": "12000000"}),
    ("CA1994-REVOLVER", date(2001, 1, 15), date(2002, 2, 11), {"insurance": "35000000", "environmental": "17000000", "general": "12000000"}),
    ("DIP-2002", date(2002, 2, 12), date(2003, 2, 11), {"insurance": "28000000", "environmental": "14000000", "general": "8000000"}),
    ("DIP-2002", date(2003, 2, 12), date(2004, 2, 11), {"insurance": "30000000", "environmental": "16000000", "general": "9000000"}),
    ("DIP-2002", date(2004, 2, 12), date(2005, 2, 11), {"insurance": "27000000", "environmental": "15000000", "general": "8000000"}),
)

VENEZUELA: tuple[LetterOfCredit, ...] = (
    LetterOfCredit("LC-1998-VEN-01", "CA1994-REVOLVER", "Corporacion Venezolana de Guayana (privatisation bid)", "venezuela",
                   date(1998, 8, 3), date(1999, 6, 30), Decimal("75000000.00"), False),
    LetterOfCredit("LC-1998-VEN-02", "CA1994-REVOLVER", "Corporacion Venezolana de Guayana (bid bond support)", "bid_bond",
                   date(1998, 8, 3), date(1998, 10, 15), Decimal("35000000.00"), False),
    LetterOfCredit("LC-1998-VEN-03", "CA1994-REVOLVER", "Venezuela Aluminum Partners (pledged cash)", "venezuela",
                   date(1998, 9, 1), date(1999, 3, 31), Decimal("15000000.00"), True),
)


@lru_cache(maxsize=None)
def register() -> tuple[LetterOfCredit, ...]:
    out: list[LetterOfCredit] = []
    for facility, start, end, amounts in PROGRAMMES:
        prefix = "LC-CA" if facility == "CA1994-REVOLVER" else "LC-DIP"
        for purpose, amount in amounts.items():
            lc_id = f"{prefix}-{start.year}-{purpose[:3].upper()}"
            out.append(LetterOfCredit(lc_id, facility, BENEFICIARIES[purpose], purpose, start, end, Decimal(amount), False))
    out.extend(VENEZUELA)
    return tuple(sorted(out, key=lambda lc: lc.lc_id))


def outstanding(facility: str, day: date) -> Decimal:
    return sum((lc.stated_amount for lc in register()
                if lc.facility_instrument_id == facility and lc.issue_date <= day <= lc.expiry_date), ZERO)


@lru_cache(maxsize=None)
def _daily(facility: str, day: date) -> Decimal:
    return outstanding(facility, day)


def monthly_fee(facility: str, fee_rate: Decimal, month: date) -> Decimal:
    """Fee for the month: each day's outstanding stated amount times the annual fee rate, actual/360."""
    total, day = Decimal(0), month_start(month)
    while day <= month:
        total += _daily(facility, day) * fee_rate / 360
        day += timedelta(days=1)
    return cents(total)


def rows() -> list[dict[str, object]]:
    return [lc.__dict__.copy() for lc in register()]
