"""EBITDA as the sample defines it for the Post-Petition Credit Agreement's minimum-EBITDA test (ppca-2002 9.2.4(a)).

The base agreement's EBITDA definition is not in the seeds (AMB-P02); the sample uses, and attests (ppca_ebitda_definition),
this reading: consolidated net income as reported (the Company group), plus interest expense (including interest borne by
joint-venture partners), income tax expense, depreciation and depletion, amortization and capital lease amortization, plus
the non-cash pension expense excludable under ANEO (m) ($48,000,000 in FY2003 and $68,000,000 in FY2004, taken in date
order; nothing in other years), plus reorganization items, losses (less gains) on asset sales and other non-cash charges.
"""

from __future__ import annotations

from decimal import Decimal

ADDBACKS = (
    "interest_expense",
    "interest_expense_borne_by_jv_partners",
    "income_tax_expense",
    "depreciation_and_depletion",
    "amortization",
    "capital_lease_amortization",
    "reorganization_items",
    "asset_sale_gain_loss",
    "other_non_cash_charges",
)
PENSION_EXCLUSION_CAP = {2003: Decimal("48000000.00"), 2004: Decimal("68000000.00")}


def excludable_pension(year: int, pension_by_month: list[Decimal]) -> list[Decimal]:
    """The excludable part of each month's non-cash pension expense of one fiscal year, in date order."""
    room = PENSION_EXCLUSION_CAP.get(year, Decimal("0.00"))
    out = []
    for amount in pension_by_month:
        taken = min(max(amount, Decimal("0.00")), room)
        room -= taken
        out.append(taken)
    return out
