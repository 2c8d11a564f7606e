"""The calibration plan: the Company group's quarterly net sales and net income, the intended quarterly EBITDA of 2002-2004,
the group income tax, the dated non-recurring items (the real events of the story and SYNTHETIC fillers), and the non-cash
charges of 2002-2004 that ppca-2002 ANEO (k)-(q) excludes.

Amounts are US dollars. Each quarter states where its figures come from (the public sources listed in docs/sample.md):
  REAL-KACC  KACC quarterly financial data, KACC 1998 10-K [N4]
  REAL-KAC   a Kaiser Aluminum Corporation (parent) figure used for the Company group as an approximation
  SYNTHETIC  chosen for this sample, plausible but not a public figure
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from pipelines.sample.fiscal_periods import month_end
from pipelines.sample.money import split_evenly


@dataclass(frozen=True)
class QuarterPlan:
    net_sales: Decimal
    net_income: Decimal
    source: str


def _q(net_sales: str, net_income: str, source: str) -> QuarterPlan:
    return QuarterPlan(Decimal(net_sales), Decimal(net_income), source)


QUARTERS: dict[tuple[int, int], QuarterPlan] = {
    # 1996: SYNTHETIC; the nine-month net income (15.7) equals KACC's 9M-1996 income from continuing operations [N5].
    (1996, 1): _q("560000000.00", "5000000.00", "SYNTHETIC"),
    (1996, 2): _q("585000000.00", "16500000.00", "SYNTHETIC"),
    (1996, 3): _q("540000000.00", "-5800000.00", "SYNTHETIC"),
    (1996, 4): _q("505000000.00", "8900000.00", "SYNTHETIC"),
    # 1997-1998: REAL-KACC [N4], exactly.
    (1997, 1): _q("547400000.00", "4300000.00", "REAL-KACC [N4]"),
    (1997, 2): _q("597100000.00", "14600000.00", "REAL-KACC [N4]; includes the $19.7M restructuring charge"),
    (1997, 3): _q("634100000.00", "18400000.00", "REAL-KACC [N4]"),
    (1997, 4): _q("594600000.00", "14800000.00", "REAL-KACC [N4]"),
    (1998, 1): _q("597000000.00", "12400000.00", "REAL-KACC [N4]"),
    (1998, 2): _q("614800000.00", "17400000.00", "REAL-KACC [N4]"),
    (1998, 3): _q("541600000.00", "11200000.00", "REAL-KACC [N4]; includes the $8.3M tax benefit"),
    (1998, 4): _q("503000000.00", "-38300000.00", "REAL-KACC [N4]; includes the $45.0M Micromill impairment"),
    # 1999: net income REAL-KAC (Q3 (39.2) [N23]; Q1+Q2 (53.9) DERIVED; FY about (54) [N42]); Q4 and net sales SYNTHETIC.
    (1999, 1): _q("500000000.00", "-29900000.00", "REAL-KAC Q1+Q2 (53.9), split SYNTHETIC; sales SYNTHETIC"),
    (1999, 2): _q("520000000.00", "-24000000.00", "REAL-KAC Q1+Q2 (53.9), split SYNTHETIC; sales SYNTHETIC"),
    (1999, 3): _q("470000000.00", "-39200000.00", "REAL-KAC net income [N23] (Gramercy explosion 1999-07-05); sales SYNTHETIC"),
    (1999, 4): _q("545000000.00", "39100000.00", "SYNTHETIC (FY (54.0) per [N42]; insurance recoveries)"),
    # 2000: nine-month net sales 1,645 REAL-KAC [N1]; quarterly split and net income SYNTHETIC (9M 3.0 = EX-27 pretax 6 - tax 3).
    (2000, 1): _q("540000000.00", "5000000.00", "REAL-KAC 9M sales [N1], split SYNTHETIC; net income SYNTHETIC"),
    (2000, 2): _q("560000000.00", "8100000.00", "REAL-KAC 9M sales [N1], split SYNTHETIC; net income SYNTHETIC"),
    (2000, 3): _q("545000000.00", "-10100000.00", "REAL-KAC 9M sales [N1], split SYNTHETIC; net income SYNTHETIC"),
    (2000, 4): _q("525000000.00", "15000000.00", "SYNTHETIC (smelter write-down $33M [N45], power sale $52M [N42])"),
    # 2001: REAL-KAC 9M and Q3 [N62]; Q1/Q2 split and Q4 SYNTHETIC.
    (2001, 1): _q("480000000.00", "30100000.00", "REAL-KAC 9M [N62], split SYNTHETIC"),
    (2001, 2): _q("447100000.00", "25400000.00", "REAL-KAC 9M [N62], split SYNTHETIC"),
    (2001, 3): _q("430300000.00", "68400000.00", "REAL-KAC Q3 [N62]"),
    (2001, 4): _q("375000000.00", "-120000000.00", "SYNTHETIC"),
    # 2002: REAL-KAC 9M and Q3 [N62]; Q1/Q2 split and Q4 SYNTHETIC.
    (2002, 1): _q("370000000.00", "-64400000.00", "REAL-KAC 9M [N62], split SYNTHETIC; Chapter 11 2002-02-12"),
    (2002, 2): _q("386900000.00", "-50100000.00", "REAL-KAC 9M [N62], split SYNTHETIC"),
    (2002, 3): _q("348000000.00", "-83400000.00", "REAL-KAC Q3 [N62]"),
    (2002, 4): _q("330000000.00", "-270800000.00", "SYNTHETIC"),
    # 2003: FY (788.3) [N20] and Q2 (61.4) [N19] REAL-KAC; other quarters and all net sales SYNTHETIC.
    (2003, 1): _q("340000000.00", "-125000000.00", "SYNTHETIC (FY (788.3) REAL-KAC [N20])"),
    (2003, 2): _q("355000000.00", "-61400000.00", "REAL-KAC Q2 net loss [N19]; sales SYNTHETIC"),
    (2003, 3): _q("330000000.00", "-110000000.00", "SYNTHETIC"),
    (2003, 4): _q("315000000.00", "-491900000.00", "SYNTHETIC: FY (788.3) REAL-KAC [N20] less Q1-Q3"),
    # 2004: FY (746.8) [N20], Q2 24.2 [N19] and Q4 net sales 257.7 (DERIVED [N64]) REAL-KAC; the rest SYNTHETIC.
    (2004, 1): _q("300000000.00", "-55000000.00", "SYNTHETIC"),
    (2004, 2): _q("345000000.00", "24200000.00", "REAL-KAC Q2 net income [N19] (includes the $23.4M Mead gain); sales SYNTHETIC"),
    (2004, 3): _q("320000000.00", "-25000000.00", "SYNTHETIC"),
    (2004, 4): _q("257700000.00", "-691000000.00", "REAL-KAC Q4 sales DERIVED [N64]; net loss = FY (746.8) [N20] less Q1-Q3"),
}

# Intended quarterly EBITDA (ppca-2002 9.2.4, the literal definition of ebitda.py), SYNTHETIC. The ledger books each
# quarter's balancing ANEO charge (BALANCING below) so that EBITDA lands here exactly.
EBITDA: dict[tuple[int, int], Decimal] = {
    (2002, 1): Decimal("5000000.00"), (2002, 2): Decimal("10000000.00"),
    (2002, 3): Decimal("-20000000.00"), (2002, 4): Decimal("-33000000.00"),
    (2003, 1): Decimal("-30000000.00"), (2003, 2): Decimal("-42000000.00"),
    (2003, 3): Decimal("-15000000.00"), (2003, 4): Decimal("-48000000.00"),
    (2004, 1): Decimal("10000000.00"), (2004, 2): Decimal("64000000.00"),
    (2004, 3): Decimal("32000000.00"), (2004, 4): Decimal("5000000.00"),
}

# Group income tax per quarter before the petition: 35% of pre-tax income (SYNTHETIC), i.e. NI x 35/65, plus special items.
TAX_RATE = Decimal("0.35")
TAX_SPECIAL = {(1998, 3): Decimal("-8300000.00")}  # REAL-KACC [N4] footnote (1): $8.3M non-cash tax benefit
POST_PETITION_KACC_TAX = Decimal("100000.00")  # SYNTHETIC: monthly state minimum taxes after 2001

# Monthly weights of a quarter's net sales (SYNTHETIC seasonality), by calendar month.
SALES_WEIGHTS = {1: "0.32", 2: "0.32", 3: "0.36", 4: "0.33", 5: "0.33", 6: "0.34",
                 7: "0.33", 8: "0.34", 9: "0.33", 10: "0.35", 11: "0.33", 12: "0.32"}


@dataclass(frozen=True)
class Item:
    """A dated non-recurring or scheduled amount: debit positive (an expense or charge), credit negative (income)."""

    month: date
    entity_id: str
    line_item: str
    amount: Decimal
    note: str
    offset: str = "accumulated_depreciation"  # balance sheet account of a non-cash charge


def _m(year: int, month: int) -> date:
    return month_end(year, month)


def _spread(year: int, months: range, entity: str, line_item: str, total: str, note: str) -> list[Item]:
    parts = split_evenly(Decimal(total), len(months))
    return [Item(_m(year, m), entity, line_item, p, note) for m, p in zip(months, parts)]


def _pension() -> list[Item]:
    """Non-cash pension expense 2002-2004 (SYNTHETIC; large in 2003)."""
    items: list[Item] = []
    by_quarter = {2002: ("5000000", "5000000", "5000000", "5000000"),
                  2003: ("48000000", "22000000", "25000000", "75000000"),
                  2004: ("17000000", "17000000", "17000000", "17000000")}
    for year, amounts in by_quarter.items():
        for quarter, amount in enumerate(amounts, start=1):
            items += _spread(year, range(3 * quarter - 2, 3 * quarter + 1), "KACC", "non_cash_pension_expense", amount,
                             "SYNTHETIC non-cash pension expense")
    return items


def _reorganization() -> list[Item]:
    """Reorganization items after the petition (SYNTHETIC professional fees and other Chapter 11 costs). No ANEO clause
    excludes them, so they stay in EBITDA: $25.0M in 2002, $30.0M in 2003, $33.0M in 2004."""
    items = [Item(_m(2002, 2), "KACC", "reorganization_items", Decimal("5000000.00"), "SYNTHETIC petition-month costs")]
    for year, amount in ((2002, "2000000.00"), (2003, "2500000.00"), (2004, "2750000.00")):
        for month in range(3 if year == 2002 else 1, 13):
            items.append(Item(_m(year, month), "KACC", "reorganization_items", Decimal(amount), "SYNTHETIC professional fees"))
    return items


LSTC = "liabilities_subject_to_compromise"


def _aneo_charges() -> list[Item]:
    """The non-cash charges of 2002-2004 that ANEO (k)-(q) excludes, each on its own line item and within its cap
    (ebitda.py; the ledger checks the caps). SYNTHETIC amounts; the events are real where a source is given. Each
    quarter's asbestos accrual (BALANCING) is not here: the ledger sets it so that the quarter's EBITDA is the plan."""
    c = []

    def add(year: int, month: int, entity: str, line_item: str, amount: str, note: str, offset: str) -> None:
        c.append(Item(_m(year, month), entity, line_item, Decimal(amount), note, offset))

    # 2002: the petition (2002-02-12), then the curtailed Northwest smelters and Kaiser Center
    add(2002, 2, "KACC", "other_prepetition_accruals", "5000000.00",
        "SYNTHETIC (q)(v) rejected pre-petition executory contracts and leases", LSTC)
    add(2002, 3, "KACC", "prepetition_bpa_rejection_accruals", "25000000.00",
        "SYNTHETIC (q)(i) claim for rejecting the Bonneville Power Administration contract (BPA context [N46])", LSTC)
    add(2002, 6, "KACC", "prepetition_labor_claims_accruals", "20000000.00",
        "SYNTHETIC (q)(ii) USWA unfair labor practice claims, 1998-2000 strike and lockout [N23][N24]", LSTC)
    add(2002, 9, "KACC", "prepetition_labor_claims_accruals", "20000000.00", "SYNTHETIC (q)(ii) USWA claims", LSTC)
    add(2002, 9, "ALPART", "foreign_inventory_writedowns", "2500000.00",
        "SYNTHETIC (p) Alpart (Jamaica) alumina inventories written down to market", "inventories")
    add(2002, 12, "KACC", "impairment_charges", "138000000.00",
        "SYNTHETIC (o) Mead and Tacoma smelters, curtailed since 2000, written down (carried at about $160M, sold for "
        "about $20M [N20])", "accumulated_depreciation")
    add(2002, 12, "KACC", "kaiser_center_disposition_charges", "15000000.00",
        "SYNTHETIC (l) Kaiser Center, Oakland, written down ahead of its sale (sold March 2003 [N29])",
        "accumulated_depreciation")
    add(2002, 12, "KACC", "prepetition_labor_claims_accruals", "25000000.00", "SYNTHETIC (q)(ii) USWA claims", LSTC)
    # 2003: Kaiser Center sold, VALCO's last potline stopped (2003-05-05 [N32]), VALCO MOU (2003-12-19 [N33]),
    # pension plans and the PBGC, the Mead smelter taken below its OLV In-Place Value
    add(2003, 3, "KACC", "kaiser_center_disposition_charges", "6000000.00",
        "SYNTHETIC (l) Kaiser Center deferred leasing costs and tenant improvements written off on the sale [N29]",
        "other_assets")
    add(2003, 5, "VALCO", "impairment_charges", "8000000.00",
        "SYNTHETIC (o) VALCO potlines idled: last potline stopped 2003-05-05 [N32]", "accumulated_depreciation")
    add(2003, 9, "VALCO", "impairment_charges", "20000000.00",
        "SYNTHETIC (o) VALCO smelter written down: no restart in sight [N32]", "accumulated_depreciation")
    add(2003, 9, "KACC", "prepetition_pbgc_accruals", "10000000.00",
        "SYNTHETIC (q)(iii) PBGC claims relating to the Pension Plans", LSTC)
    add(2003, 9, "KACC", "prepetition_labor_claims_accruals", "15000000.00", "SYNTHETIC (q)(ii) USWA claims", LSTC)
    add(2003, 12, "KACC", "impairment_charges", "20000000.00",
        "SYNTHETIC (o) Mead smelter written down to about $1.5M ahead of its auction [N50]: $3.2M of it below the "
        "smelter's OLV In-Place Value (attested, not excludable)", "accumulated_depreciation")
    add(2003, 12, "VALCO", "impairment_charges", "10000000.00",
        "SYNTHETIC (o) VALCO written down to the MOU consideration (2003-12-19 [N33])", "accumulated_depreciation")
    add(2003, 12, "KACC", "pension_special_charges", "24000000.00",
        "SYNTHETIC (n) pension curtailment and special termination benefits", "other_liabilities")
    add(2003, 12, "KACC", "prepetition_pbgc_accruals", "85000000.00",
        "SYNTHETIC (q)(iii) PBGC claims: salaried plan termination", LSTC)
    add(2003, 12, "KACC", "prepetition_labor_claims_accruals", "70000000.00", "SYNTHETIC (q)(ii) USWA claims", LSTC)
    add(2003, 12, "KACC", "other_prepetition_accruals", "20000000.00",
        "SYNTHETIC (q)(v) environmental and other pre-petition claims", LSTC)
    add(2003, 12, "KACC", "lifo_inventory_charges", "6000000.00",
        "SYNTHETIC (k) LIFO charge: metal prices up in late 2003", "inventories")
    # 2004: metal prices up (LIFO), Ghana approves VALCO's sale for $18M (2004-10-28 [N34]), pension and retiree
    # medical plans surrendered [N20]
    for month, labor in ((3, "10000000.00"), (6, "10000000.00"), (9, "6000000.00")):
        add(2004, month, "KACC", "prepetition_labor_claims_accruals", labor, "SYNTHETIC (q)(ii) USWA claims", LSTC)
        add(2004, month, "KACC", "lifo_inventory_charges", "3500000.00",
            "SYNTHETIC (k) LIFO charge: metal prices up in 2004", "inventories")
    add(2004, 10, "VALCO", "impairment_charges", "2000000.00",
        "SYNTHETIC (o) VALCO written down to the $18M sale approved by Ghana's Parliament (2004-10-28 [N34])",
        "accumulated_depreciation")
    add(2004, 12, "KACC", "pension_special_charges", "24000000.00",
        "SYNTHETIC (n) special charges on surrendering the pension plans [N20]", "other_liabilities")
    add(2004, 12, "KACC", "prepetition_pbgc_accruals", "95000000.00",
        "SYNTHETIC (q)(iii) PBGC claims: hourly plans terminated [N20]", LSTC)
    add(2004, 12, "KACC", "prepetition_labor_claims_accruals", "60000000.00", "SYNTHETIC (q)(ii) USWA claims", LSTC)
    add(2004, 12, "KACC", "prepetition_bpa_rejection_accruals", "50000000.00",
        "SYNTHETIC (q)(i) BPA rejection claim allowed in a larger amount", LSTC)
    add(2004, 12, "KACC", "other_prepetition_accruals", "22000000.00",
        "SYNTHETIC (q)(v) retiree medical (VEBA) and other pre-petition claims [N20]", LSTC)
    return c


# The part of a quarter's impairment charges that took an Eligible Fixed Asset below its OLV In-Place Value (ANEO (o)
# does not exclude it), attested for every quarter end with impairment charges (impairment_below_olv_in_place_value).
IMPAIRMENT_BELOW_OLV: dict[date, Decimal] = {date(2003, 12, 31): Decimal("3200000.00")}

# Each quarter's balancing charge, booked by KACC in the quarter's last month so that EBITDA is the plan: the accrual
# for asbestos claims, ANEO (q)(iv), which has no cap. SYNTHETIC amounts (the clause itself names the asbestos claims).
BALANCING = ("KACC", "asbestos_claims_accruals", "SYNTHETIC (q)(iv) asbestos claims accrual", LSTC)

# Before the petition, monthly (SYNTHETIC): retiree medical accrued in excess of claims paid, and pension expense in
# excess of contributions (none from 2000, when contributions caught up). Both are non-cash charges that Consolidated
# Cash Flow Available for Fixed Charges adds back; operating_profiles.other_liability_payments pays the liabilities
# down in cash alongside.
OPEB_EXCESS_ACCRUAL = {year: Decimal("5000000.00") if year < 2000 else Decimal("4000000.00") for year in range(1996, 2002)}
PENSION_EXCESS_EXPENSE = {year: Decimal("1500000.00") for year in range(1996, 2000)}

ITEMS: tuple[Item, ...] = tuple(
    [
        Item(_m(1996, 10), "KACC", "notes_1425_redemption_premium", Decimal("1500000.00"),
             "SYNTHETIC 3% premium on $50M of 14 1/4% notes redeemed 1996-10-23"),
        Item(_m(1996, 12), "KACC", "notes_1425_redemption_premium", Decimal("1500000.00"),
             "SYNTHETIC 3% premium on $50M of 14 1/4% notes redeemed 1996-12-23"),
        Item(_m(1997, 6), "KACC", "restructuring_charge", Decimal("19700000.00"), "REAL-KACC [N4] footnote (3)"),
        Item(_m(1997, 10), "KACC", "deferred_financing_writeoff_credit_agreement", Decimal("1250000.00"),
             "SYNTHETIC write-off on the Eleventh Amendment (Oct 20, 1997)"),
        Item(_m(1998, 1), "KACC", "extraordinary_loss", Decimal("2750000.00"),
             "SYNTHETIC $2.75M premium on $46M of 12 3/4% notes retired 1998-01-15 (loss on early retirement, SFAS 4)"),
        Item(_m(1998, 12), "KSM", "other_non_cash_charges", Decimal("45000000.00"), "REAL-KACC [N4] Micromill impairment"),
        Item(_m(1999, 3), "KACC", "other_non_cash_charges", Decimal("4000000.00"),
             "SYNTHETIC write-off of the Venezuela investment", "other_assets"),
        Item(_m(1999, 7), "KACC", "other_non_cash_charges", Decimal("25000000.00"),
             "SYNTHETIC write-off of Gramercy facilities damaged on 1999-07-05 [N65]"),
        Item(_m(1999, 12), "KACC", "other_income_expense", Decimal("-60000000.00"),
             "SYNTHETIC Gramercy business-interruption insurance recoveries"),
        Item(_m(2000, 12), "KACC", "other_non_cash_charges", Decimal("33000000.00"),
             "REAL-KAC [N45] $33M write-down of the smelters' carrying value"),
        Item(_m(2000, 12), "KACC", "other_income_expense", Decimal("-52000000.00"), "REAL-KAC [N42] December 2000 power sale"),
        Item(_m(2001, 8), "KACC", "debt_extinguishment_gain", Decimal("-1530000.00"),
             "SYNTHETIC repurchase of $51M 9 7/8% notes at 97%"),
        Item(_m(2001, 12), "KACC", "other_non_cash_charges", Decimal("165000000.00"),
             "SYNTHETIC impairment of the curtailed smelters and other assets"),
        Item(_m(2001, 12), "KACC", "other_non_cash_credits", Decimal("-4500000.00"), "SYNTHETIC LIFO inventory credit"),
        Item(_m(2002, 2), "KACC", "deferred_financing_writeoff_credit_agreement", Decimal("3400000.00"),
             "SYNTHETIC write-off of 1994 Credit Agreement costs at the petition"),
    ]
    + _spread(2001, range(1, 4), "KACC", "other_income_expense", "-80000000", "SYNTHETIC power resale profits (BPA context [N46])")
    + _spread(2001, range(4, 7), "KACC", "other_income_expense", "-80000000", "SYNTHETIC power resale profits")
    + _spread(2001, range(7, 10), "KACC", "other_income_expense", "-130000000", "SYNTHETIC power resale profits")
    + _spread(2001, range(10, 13), "KACC", "other_income_expense", "-40000000", "SYNTHETIC power resale profits")
    + [Item(month, "KACC", "other_non_cash_charges", OPEB_EXCESS_ACCRUAL[month.year],
            "SYNTHETIC postretirement medical accrual in excess of claims paid", "other_liabilities")
       for month in (_m(y, m) for y in range(1996, 2002) for m in range(1, 13))]
    + [Item(month, "KACC", "non_cash_pension_expense", PENSION_EXCESS_EXPENSE[month.year],
            "SYNTHETIC pension expense in excess of contributions")
       for month in (_m(y, m) for y in range(1996, 2000) for m in range(1, 13))]
    + _pension()
    + _reorganization()
    + _aneo_charges()
)


# Group cash the revolver sweep aims at (KAC/KACC public balance sheets [N3][N56][N49][N1][N25][N63][N47][N18][N26]),
# interpolated linearly month by month, up to the petition; after it a SYNTHETIC floor. Cash above the target stays cash.
CASH_POINTS: tuple[tuple[date, str], ...] = (
    (date(1995, 12, 31), "21700000"), (date(1996, 12, 31), "81300000"), (date(1997, 6, 30), "17400000"),
    (date(1997, 12, 31), "15800000"), (date(1999, 12, 31), "21200000"), (date(2000, 3, 31), "15900000"),
    (date(2000, 9, 30), "47000000"), (date(2001, 12, 31), "153300000"), (date(2002, 1, 31), "150000000"),
)
POST_PETITION_CASH_FLOOR = Decimal("20000000.00")
REORGANIZATION_HOLDBACK = Decimal("0.20")  # share of professional fees accrued and unpaid (fee holdbacks), SYNTHETIC
