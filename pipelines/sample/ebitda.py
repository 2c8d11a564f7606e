"""EBITDA as the sample applies it for the Post-Petition Credit Agreement's minimum-EBITDA test (ppca-2002 9.2.4(a)).

The base agreement's EBITDA definition is not available (R-P02); the sample uses, and attests from the agreement's
inception (ppca_ebitda_definition, period_end 2002-02-12), the literal reading:

    EBITDA = ANEO + interest expense (including interest borne by joint-venture partners) + income tax expense
             + depreciation and depletion + capital lease amortization + amortization
    ANEO   = consolidated net income EXCLUDING (a) gains and losses over $150,000 on sales of capital assets,
             (c) pre-acquisition earnings, (d) equity-investee earnings above cash received + $3,000,000 (per test period),
             (f) gains on the extinguishment of debt, (g) extraordinary gains, (m) non-cash pension expense up to
             $48,000,000 in FY2003 and $68,000,000 in FY2004 (in date order), and (k)-(q) the non-cash charges of
             EXCLUSIONS below, each within its cap (cumulative from 2002-02-12, R-P05; (n) per Fiscal Year from FY2003;
             (o) less the part that takes an Eligible Fixed Asset below its OLV In-Place Value).

Reorganization items, other non-cash charges, letter of credit fees and non-cash pension expense above the (m) cap are
not excluded by any clause: they stay in EBITDA.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

ADDBACKS = (
    "interest_expense",
    "interest_expense_borne_by_jv_partners",
    "income_tax_expense",
    "depreciation_and_depletion",
    "capital_lease_amortization",
    "amortization",
)
PENSION_EXCLUSION_CAP = {2003: Decimal("48000000.00"), 2004: Decimal("68000000.00")}
AGREEMENT_INCEPTION = date(2002, 2, 12)  # the caps run from here (R-P05 default)
ASSET_SALE_THRESHOLD = Decimal("150000.00")  # ANEO (a): "in an amount greater than $150,000"


@dataclass(frozen=True)
class Exclusion:
    line_item: str
    clause: str
    cap: Decimal | None  # None: no cap
    per_fiscal_year_from: int | None = None  # (n): the cap applies to each Fiscal Year from this one, nothing before


EXCLUSIONS: tuple[Exclusion, ...] = (
    Exclusion("lifo_inventory_charges", "(k)", Decimal("20000000.00")),
    Exclusion("kaiser_center_disposition_charges", "(l)", Decimal("25000000.00")),
    Exclusion("pension_special_charges", "(n)", Decimal("25000000.00"), per_fiscal_year_from=2003),
    Exclusion("impairment_charges", "(o)", Decimal("300000000.00")),
    Exclusion("foreign_inventory_writedowns", "(p)", Decimal("50000000.00")),
    Exclusion("prepetition_bpa_rejection_accruals", "(q)(i)", Decimal("80000000.00")),
    Exclusion("prepetition_labor_claims_accruals", "(q)(ii)", Decimal("250000000.00")),
    Exclusion("prepetition_pbgc_accruals", "(q)(iii)", Decimal("200000000.00")),
    Exclusion("asbestos_claims_accruals", "(q)(iv)", None),
    Exclusion("other_prepetition_accruals", "(q)(v)", Decimal("50000000.00")),
)
EXCLUDED_LINES = tuple(e.line_item for e in EXCLUSIONS)
BY_LINE = {e.line_item: e for e in EXCLUSIONS}


def excludable_pension(year: int, pension_by_month: list[Decimal]) -> list[Decimal]:
    """The excludable part of each month's non-cash pension expense of one fiscal year, in date order."""
    room = PENSION_EXCLUSION_CAP.get(year, Decimal("0.00"))
    out = []
    for amount in pension_by_month:
        taken = min(max(amount, Decimal("0.00")), room)
        room -= taken
        out.append(taken)
    return out


def cap_usage(charges: list[tuple[date, str, Decimal]], below_olv: dict[date, Decimal]) -> dict[tuple[str, int | None], Decimal]:
    """Charges counted against each cap: (line item, Fiscal Year for (n) else None) -> amount (excludable part only)."""
    used: dict[tuple[str, int | None], Decimal] = {}
    for month, line, amount in sorted(charges):
        rule = BY_LINE[line]
        if month < AGREEMENT_INCEPTION:
            continue
        if line == "impairment_charges":
            amount = max(Decimal("0.00"), amount - below_olv.get(month, Decimal("0.00")))
        key = (line, month.year if rule.per_fiscal_year_from is not None else None)
        used[key] = used.get(key, Decimal("0.00")) + amount
    return used


def over_cap(charges: list[tuple[date, str, Decimal]], below_olv: dict[date, Decimal]) -> list[str]:
    """Every cap the charges exceed (the sample means each of them to be fully excluded)."""
    problems = []
    for (line, year), amount in sorted(cap_usage(charges, below_olv).items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)):
        rule = BY_LINE[line]
        if rule.per_fiscal_year_from is not None and year is not None and year < rule.per_fiscal_year_from and amount:
            problems.append(f"{line} {rule.clause}: {amount} in FY{year}, before any allowance")
        elif rule.cap is not None and amount > rule.cap:
            problems.append(f"{line} {rule.clause}: {amount} above the {rule.cap} cap")
    return problems
