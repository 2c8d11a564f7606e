"""How each entity's own operations are sized: its share of the group's net sales, cost ratio, overheads, depreciation,
working capital, capital expenditures and opening balance sheet. Everything in this module is SYNTHETIC; KACC takes
the remainder of the group's net sales, so the group totals of storyline.py hold whatever the other entities do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from pipelines.sample.money import ZERO

D = Decimal


@dataclass(frozen=True)
class Profile:
    sales_share: Decimal = ZERO  # of the group's net sales
    cogs_ratio: Decimal = ZERO
    sar: Decimal = ZERO  # monthly selling, administrative, research and general
    dd: Decimal = ZERO  # monthly depreciation and depletion
    tax_rate: Decimal = ZERO  # foreign income taxes on positive pre-tax income
    receivable_months: Decimal = D("1.5")
    inventory_months: Decimal = D("1.5")
    payable_months: Decimal = D("0.8")
    cash: Decimal = D("100000.00")  # operating cash kept; the rest is swept to KACC through intercompany
    capex: tuple[tuple[str, Decimal], ...] = ()  # monthly, by project
    opening: dict[str, Decimal] = field(default_factory=dict)  # balance sheet at 1995-12-31 (without working capital)


HOLDING = Profile(sar=D("15000.00"))

PROFILES: dict[str, Profile] = {
    "ALPART": Profile(D("0.045"), D("0.80"), D("150000.00"), D("900000.00"), D("0.30"), D("1.0"), D("1.5"), D("0.6"),
                      D("1500000.00"), (("Alpart refinery sustaining capital", D("800000.00")),),
                      {"property_plant_equipment": D("210000000.00"), "accumulated_depreciation": D("-95000000.00"),
                       "other_assets": D("4000000.00"), "accrued_liabilities": D("-6000000.00"),
                       "other_liabilities": D("-4000000.00"), "common_equity": D("-60000000.00")}),
    "QAL": Profile(D("0.035"), D("0.78"), D("100000.00"), D("650000.00"), D("0.30"), D("1.0"), D("1.5"), D("0.6"),
                   D("1000000.00"), (("QAL refinery sustaining capital", D("600000.00")),),
                   {"property_plant_equipment": D("160000000.00"), "accumulated_depreciation": D("-75000000.00"),
                    "accrued_liabilities": D("-4000000.00"), "common_equity": D("-45000000.00")}),
    "KJBC": Profile(D("0.010"), D("0.86"), D("30000.00"), D("120000.00"), D("0.25"), D("1.0"), D("1.0"), D("0.6"),
                    D("300000.00"), (("KJBC mine development", D("100000.00")),),
                    {"property_plant_equipment": D("22000000.00"), "accumulated_depreciation": D("-9000000.00"),
                     "common_equity": D("-8000000.00")}),
    "VALCO": Profile(D("0.060"), D("0.86"), D("200000.00"), D("550000.00"), D("0.25"), D("1.2"), D("1.5"), D("0.7"),
                     D("1500000.00"), (("VALCO potline relining", D("400000.00")),),
                     {"property_plant_equipment": D("130000000.00"), "accumulated_depreciation": D("-60000000.00"),
                      "accrued_liabilities": D("-3000000.00"), "minority_interest_equity": D("-12000000.00"),
                      "common_equity": D("-40000000.00")}),
    "KAII": Profile(D("0.070"), D("0.95"), D("400000.00"), D("50000.00"), D("0.30"), D("2.0"), D("0.5"), D("0.5"),
                    D("2000000.00"), (("International sales office systems", D("50000.00")),),
                    {"property_plant_equipment": D("5000000.00"), "accumulated_depreciation": D("-2000000.00"),
                     "common_equity": D("-10000000.00")}),
    "KBX": Profile(D("0.005"), D("0.90"), D("20000.00"), D("50000.00"), ZERO, D("1.0"), D("1.0"), D("0.6"),
                   D("200000.00"), (("Bauxite mining equipment", D("50000.00")),),
                   {"property_plant_equipment": D("14000000.00"), "accumulated_depreciation": D("-8000000.00"),
                    "common_equity": D("-5000000.00")}),
    "KBC": Profile(D("0.030"), D("0.88"), D("200000.00"), D("150000.00"), ZERO, D("1.5"), D("1.8"), D("0.8"),
                   D("500000.00"), (("Bellwood extrusion press upgrade", D("200000.00")),),
                   {"property_plant_equipment": D("40000000.00"), "accumulated_depreciation": D("-15000000.00"),
                    "common_equity": D("-20000000.00")}),
    "KSM": Profile(D("0.005"), D("1.10"), D("100000.00"), D("150000.00"), ZERO, D("1.5"), D("1.5"), D("0.8"),
                   D("200000.00"), (("Nevada micromill", D("100000.00")),),
                   {"property_plant_equipment": D("60000000.00"), "accumulated_depreciation": D("-6000000.00"),
                    "common_equity": D("-55000000.00")}),
    "KCP": Profile(ZERO, D("0.35"), D("10000.00"), D("25000.00"), ZERO, D("0.5"), ZERO, D("0.5"),
                   D("500000.00"), (("Property improvements", D("20000.00")),),
                   {"property_plant_equipment": D("9000000.00"), "accumulated_depreciation": D("-3500000.00"),
                    "common_equity": D("-6000000.00")}),
    "AJI": HOLDING, "KJC": HOLDING, "KFC": HOLDING, "KAAC": HOLDING, "KMH": HOLDING, "KTH": HOLDING, "KTS": HOLDING,
}

# The three fabricated-products plant subsidiaries, together (divided evenly among them).
PLANTS_TOGETHER = Profile(D("0.080"), D("0.90"), D("300000.00"), D("400000.00"), ZERO, D("1.6"), D("1.8"), D("0.8"),
                          D("1200000.00"), (("Plant maintenance capital", D("600000.00")),),
                          {"property_plant_equipment": D("45000000.00"), "accumulated_depreciation": D("-16000000.00"),
                           "common_equity": D("-30000000.00")})

KCP_RENT = D("150000.00")  # monthly rental revenue of Kaiser Center Properties

KACC_OPENING = {
    "property_plant_equipment": D("1480000000.00"), "accumulated_depreciation": D("-660000000.00"),
    "other_assets": D("560000000.00"), "accrued_liabilities": D("-300000000.00"),
    "other_liabilities": D("-1200000000.00"), "preferred_stock": D("-700000.00"), "common_equity": D("-540000000.00"),
}
KACC_CASH_OPENING = D("15000000.00")


def valco_sales_share(month: date) -> Decimal:
    """VALCO's share of group sales: power curtailments 2002-2003, last potline stopped 2003-05-05 [N32]."""
    if month < date(2002, 3, 1):
        return D("0.060")
    if month < date(2003, 1, 1):
        return D("0.045")
    if month < date(2003, 5, 1):
        return D("0.025")
    if month < date(2003, 6, 1):
        return D("0.008")
    return ZERO


def sales_share(entity_id: str, month: date) -> Decimal:
    if entity_id == "VALCO":
        return valco_sales_share(month)
    if entity_id == "KSM" and month > date(1999, 6, 30):
        return ZERO
    return PROFILES.get(entity_id, HOLDING).sales_share


def depreciation(entity_id: str, profile: Profile, month: date) -> Decimal:
    if entity_id == "KSM":
        return ZERO if month > date(1999, 6, 30) else (D("50000.00") if month > date(1998, 12, 31) else profile.dd)
    if entity_id == "VALCO" and month > date(2003, 5, 31):
        return D("300000.00")
    return profile.dd


def kacc_depreciation(month: date) -> Decimal:
    if month.year >= 2003:
        return D("4200000.00")
    if month.year == 2002:
        return D("4600000.00")
    return D("5200000.00")


def kacc_sar(month: date) -> Decimal:
    return D("6800000.00") if month.year >= 2002 else D("7600000.00")


def kacc_inventory_months(month: date) -> Decimal:
    """Inventories in months of net sales: 3.6 in 1996 falling to 2.3 by 2004, roughly as the public balances do [N3]."""
    steps = (month.year - 1996) * 12 + month.month - 1
    return D("3.6") - D("1.3") * D(steps) / D(107)


KACC_RECEIVABLE_MONTHS = D("1.75")
KACC_PAYABLE_MONTHS = D("0.75")


def other_liability_payments(month: date) -> Decimal:
    """Cash paid on retiree medical, pension, environmental and other long-term liabilities (SYNTHETIC): before the
    petition $7,000,000 a month plus the retiree medical accrual above $3,000,000 and the pension expense in excess of
    contributions (storyline.py), so that the accruals add to cash flow available for fixed charges without changing
    the cash path; after it $4,000,000 a month (retiree medical and pension benefits the Debtors kept paying)."""
    if month >= date(2002, 2, 12):
        return D("4000000.00")
    return D("10500000.00") if month.year < 2000 else D("8000000.00")


def capex(entity_id: str, profile: Profile, month: date) -> list[tuple[str, Decimal, bool]]:
    """(project, amount, financed by the Obligors) for the month."""
    if entity_id == "KACC":
        if month.year >= 2002:
            projects = [("Trentwood rolling mill", D("1400000.00")), ("Gramercy alumina refinery", D("600000.00")),
                        ("Fabricated products, other", D("300000.00"))]
        else:
            projects = [("Trentwood rolling mill", D("3500000.00")), ("Gramercy alumina refinery", D("2500000.00")),
                        ("Mead and Tacoma smelters", D("1500000.00"))]
        if date(1999, 8, 1) <= month <= date(2000, 12, 31):
            projects.append(("Gramercy refinery rebuild", D("8000000.00")))
        return [(p, a, True) for p, a in projects]
    if entity_id == "KSM" and month > date(1998, 12, 31):
        return []
    if entity_id == "VALCO" and month > date(2003, 5, 31):
        return []
    out = []
    for project, amount in profile.capex:
        if month.year >= 2002 and entity_id == "ALPART":
            amount = D("1000000.00")
        elif month.year >= 2002 and entity_id in ("QAL", "VALCO"):
            amount = amount * D("0.5")
        financed = entity_id not in ("ALPART", "QAL", "KJBC", "VALCO") or (entity_id == "ALPART" and month.year >= 2002)
        out.append((project, amount, financed))
    return out
