"""The transactions of the story: Asset Sales, Restricted Payments, Incurrences and equity issuances.

Real: the Center for Technology sale of August 2000 (the Limited Waiver of Aug 18, 2000; the ~$50,000,000 price is the
assumed, not confirmed [N30][N31]), the Kaiser Center sale in Oakland for $65,500,000 in March 2003 [N29], the Tacoma smelter
sale for $12,100,000 plus about $4,000,000 in escrow in 2003 [N29], the Mead smelter sold at auction for $7,400,000 with a
$23,400,000 gain in 2004 [N50][N19], the 10 7/8% notes of October and December 1996, and the Post-Petition Credit Agreement.
SYNTHETIC: every other transaction (among them the 1998 Sherman and Baton Rouge sales with buyer's notes collected on
days 20 and 31, the Gramercy salvage sale of March 2000 and the two related Spokane parcels of 2001), each date and amount not quoted above, and the consideration mix, expenses and gains.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from pipelines.sample.fiscal_periods import quarter_ends

D = Decimal
Z = D("0.00")


@dataclass(frozen=True)
class AssetSale:
    transaction_id: str
    sale_date: date
    seller_entity_id: str
    asset_description: str
    buyer_kind: str
    cash_consideration: Decimal
    notes_converted_within_30_days: Decimal
    assumed_liabilities: Decimal
    other_non_cash_consideration: Decimal
    selling_expenses: Decimal
    taxes_paid_or_payable: Decimal
    debt_repaid_from_proceeds: Decimal
    reserves_established: Decimal
    pretax_gain_loss: Decimal | None  # None: the seller sells all its assets and the ledger finds the gain
    tax_on_gain_loss: Decimal
    asset_sale_exclusion: str | None
    cost_to_book_value: Decimal = D("2.0")  # gross cost removed per dollar of net book value (synthetic)
    related_group_id: str | None = None  # R-I09: the Company's record of related transactions
    asset_class: str | None = None  # indenture 4.14(e) class of the assets
    debt_repaid_due_by_reason_of_sale: Decimal = Z
    deductions_payable_to_affiliates: Decimal = Z

    @property
    def gross_proceeds(self) -> Decimal:
        return (self.cash_consideration + self.notes_converted_within_30_days + self.assumed_liabilities
                + self.other_non_cash_consideration)


ASSET_SALES: tuple[AssetSale, ...] = (
    AssetSale("AS-1997-BELLWOOD", date(1997, 9, 30), "KBC", "Surplus extrusion equipment, Bellwood, Virginia",
              "third_party", D("2350000.00"), Z, Z, Z, D("85000.00"), Z, Z, Z, D("400000.00"), D("140000.00"), "B"),
    AssetSale("AS-1998-TRENTWOOD", date(1998, 10, 30), "KACC", "Idle rolling-mill equipment, Trentwood, Washington",
              "third_party", D("8000000.00"), D("2000000.00"), Z, Z, D("250000.00"), Z, Z, Z, D("1750000.00"),
              D("612500.00"), "B"),
    AssetSale("AS-1998-SHERMAN", date(1998, 4, 15), "KACC", "Idle extrusion press line and tooling, Sherman, Texas",
              "third_party", D("9000000.00"), D("5000000.00"), Z, Z, D("300000.00"), Z, Z, Z, Z, Z, None),
    AssetSale("AS-1998-BATON-ROUGE", date(1998, 11, 20), "KACC",
              "Surplus carbon-bake furnace equipment, Baton Rouge, Louisiana (buyer's note collected on day 31)",
              "third_party", D("9000000.00"), Z, Z, D("3000000.00"), D("250000.00"), Z, Z, Z, Z, Z, None),
    AssetSale("AS-1999-MICROMILL", date(1999, 6, 30), "KSM", "Nevada micromill, Reno, Nevada (all assets of KSM)",
              "third_party", D("12000000.00"), Z, Z, Z, D("400000.00"), Z, Z, Z, None, Z, None,
              asset_class="nevada_micromill"),
    AssetSale("AS-2000-GRAMERCY-SALVAGE", date(2000, 3, 15), "KACC",
              "Gramercy alumina refinery digestion equipment damaged in the July 1999 explosion, sold for salvage",
              "third_party", D("10800000.00"), Z, Z, Z, D("300000.00"), Z, Z, Z, Z, Z, None,
              asset_class="gramercy_refinery"),
    AssetSale("AS-2000-CFT", date(2000, 8, 25), "KACC", "Center for Technology, Pleasanton, California",
              "third_party", D("50000000.00"), Z, Z, Z, D("1500000.00"), Z, Z, D("2000000.00"), D("26500000.00"),
              D("9275000.00"), None),
    # SYNTHETIC: a second sale at Pleasanton that the Limited Waiver of August 18, 2000 does not reach ("limited
    # precisely as written", R-W01): land kept out of the 2000 sale, to another buyer; under $10,000,000 and not
    # related to the 2000 sale, so not an indenture Asset Sale (def/AssetSale (B))
    AssetSale("AS-2001-CFT-PARCEL", date(2001, 9, 28), "KACC",
              "Center for Technology, Pleasanton, California: undeveloped parcel kept out of the August 2000 sale",
              "third_party", D("6000000.00"), Z, Z, Z, D("150000.00"), Z, Z, Z, D("3350000.00"), Z, "B"),
    AssetSale("AS-2001-SPOKANE-1", date(2001, 5, 15), "KACC", "Spokane distribution warehouse, first of two parcels",
              "third_party", D("6000000.00"), Z, Z, Z, D("150000.00"), Z, Z, Z, Z, Z, None,
              related_group_id="GRP-2001-SPOKANE"),
    AssetSale("AS-2001-SPOKANE-2", date(2001, 6, 29), "KACC", "Spokane distribution warehouse, second of two parcels",
              "third_party", D("6000000.00"), Z, Z, Z, D("150000.00"), Z, Z, Z, Z, Z, None,
              related_group_id="GRP-2001-SPOKANE"),
    AssetSale("AS-2003-KAISER-CENTER", date(2003, 3, 14), "KACC", "Kaiser Center office complex, Oakland, California",
              "third_party", D("65500000.00"), Z, Z, Z, D("2100000.00"), Z, Z, D("1000000.00"), D("-8000000.00"), Z, None),
    AssetSale("AS-2003-TACOMA", date(2003, 5, 30), "KACC", "Tacoma, Washington aluminum smelter (curtailed since 2000)",
              "third_party", D("12100000.00"), Z, Z, D("4000000.00"), D("600000.00"), Z, Z, Z, D("15000000.00"), Z, None),
    AssetSale("AS-2004-MEAD", date(2004, 5, 28), "KACC", "Mead, Washington aluminum smelter (sold at auction)",
              "third_party", D("7400000.00"), Z, D("18000000.00"), Z, D("500000.00"), Z, Z, Z, D("23400000.00"), Z, None),
)

# Attested cash flow available for fixed charges directly attributable to each asset sold, over the four quarters before
# the sale (indenture def/CCFAFC proviso (x), R-I03). SYNTHETIC.
CCFAFC_ATTRIBUTABLE = {
    "AS-1997-BELLWOOD": D("0.00"), "AS-1998-TRENTWOOD": D("0.00"), "AS-1999-MICROMILL": D("-6200000.00"),
    "AS-2000-CFT": D("-1800000.00"), "AS-2003-KAISER-CENTER": D("3400000.00"), "AS-2003-TACOMA": D("-2600000.00"),
    "AS-2004-MEAD": D("-3100000.00"), "AS-1998-SHERMAN": D("0.00"), "AS-1998-BATON-ROUGE": D("0.00"),
    "AS-2000-GRAMERCY-SALVAGE": D("0.00"), "AS-2001-SPOKANE-1": D("0.00"), "AS-2001-SPOKANE-2": D("0.00"),
    "AS-2001-CFT-PARCEL": D("0.00"),
}


@dataclass(frozen=True)
class RestrictedPayment:
    transaction_id: str
    payment_date: date
    payer_entity_id: str
    payment_kind: str
    recipient_kind: str
    amount: Decimal
    basket: str
    declared_on: date | None
    description: str
    unrestricted_subsidiary_id: str | None = None
    returns_transaction_id: str | None = None
    kac_pass_through_date: date | None = None
    kac_pass_through_amount: Decimal | None = None
    investment_form: str | None = None
    net_book_value: Decimal | None = None
    fair_market_value: Decimal | None = None


PREFERRED_DIVIDEND = D("7218.75")  # $700,000 of $100 Preferred Stock at 4 1/8% a year, paid quarterly (SYNTHETIC)


def _preferred_dividends() -> list[RestrictedPayment]:
    return [RestrictedPayment(f"RP-{q.year}-{q.month:02d}-PFD", q, "KACC", "dividend", "public", PREFERRED_DIVIDEND,
                              "4.09(b)(VI)", None, "Quarterly dividend on the Preferred Stock ($100), paid to public holders")
            for q in quarter_ends(1996, 2001)]


# SYNTHETIC: a payment under each 4.09 basket. 1997: dividends to KAC well inside 4.09(a)(C), one of them
# passed on by KAC to its public holders within thirty days (4.09(a) proviso 1); KAC expenses under (VII) up to exactly
# $300,000 in 1998; (VIII) investments, one in a MAXXAM affiliate; a cash return from Kaiser Center Properties. After
# the Gramercy explosion (July 5, 1999) the Company declares a $40,000,000 dividend to KAC under 4.09(a) in December
# 1999 that the coverage ratio and the basket refuse (a true failure).
RESTRICTED_PAYMENT_STORY: tuple[RestrictedPayment, ...] = (
    RestrictedPayment("RP-1997-09-DIV", date(1997, 9, 15), "KACC", "dividend", "kac", D("3000000.00"), "4.09(a)", None,
                      "Cash dividend on common stock to KAC, paid on by KAC to its public holders",
                      kac_pass_through_date=date(1997, 10, 10), kac_pass_through_amount=D("1200000.00")),
    RestrictedPayment("RP-1998-03-KAC", date(1998, 3, 31), "KACC", "dividend", "kac", D("200000.00"), "4.09(b)(VII)",
                      None, "Payment to KAC for its reasonable out-of-pocket expenses of fiscal year 1998 (first half)"),
    RestrictedPayment("RP-1998-11-KAC", date(1998, 11, 30), "KACC", "dividend", "kac", D("100000.00"), "4.09(b)(VII)",
                      None, "Payment to KAC for its reasonable out-of-pocket expenses of fiscal year 1998 (to $300,000)"),
    RestrictedPayment("RP-1998-10-MXM", date(1998, 10, 15), "KACC", "restricted_investment", "maxxam_affiliate",
                      D("2500000.00"), "4.09(b)(VIII)", None, "Loan to a MAXXAM affiliate (real estate venture)"),
    RestrictedPayment("RP-1999-03-KCPR", date(1999, 3, 31), "KACC", "return_of_investment", "unrestricted_subsidiary",
                      D("1500000.00"), "4.09(a)", None, "Cash distribution from Kaiser Center Properties",
                      unrestricted_subsidiary_id="KCP", returns_transaction_id="RP-1998-01-KCP"),
    RestrictedPayment("RP-1999-12-DIV", date(1999, 12, 15), "KACC", "dividend", "kac", D("40000000.00"), "4.09(a)", None,
                      "Cash dividend on common stock to KAC declared after the Gramercy explosion (refused)"),
)

RESTRICTED_PAYMENTS: tuple[RestrictedPayment, ...] = tuple(sorted(
    [
        RestrictedPayment("RP-1997-06-DIV", date(1997, 6, 30), "KACC", "dividend", "kac", D("5000000.00"), "4.09(a)", None,
                          "Cash dividend on common stock to KAC"),
        RestrictedPayment("RP-1997-12-DIV", date(1997, 12, 15), "KACC", "dividend", "kac", D("10000000.00"), "4.09(a)",
                          None, "Cash dividend on common stock to KAC"),
        RestrictedPayment("RP-1998-01-KCP", date(1998, 1, 1), "KACC", "unrestricted_subsidiary_investment",
                          "unrestricted_subsidiary", D("6000000.00"), "4.09(a)", None,
                          "Investment deemed made on designating Kaiser Center Properties an Unrestricted Subsidiary "
                          "(greater of net book value and Fair Market Value)", unrestricted_subsidiary_id="KCP",
                          # SYNTHETIC: the book value is the greater, so the $6,000,000 counted is unchanged
                          investment_form="designation", net_book_value=D("6000000.00"), fair_market_value=D("5400000.00")),
        RestrictedPayment("RP-1998-02-ANG", date(1998, 2, 27), "KACC", "restricted_investment", "non_affiliate_joint_venture",
                          D("7500000.00"), "4.09(a)", None,
                          "Capital contribution to Anglesey Aluminium Limited (49%) for a potline upgrade"),
        RestrictedPayment("RP-1998-06-DIV", date(1998, 6, 30), "KACC", "dividend", "kac", D("8000000.00"), "4.09(a)", None,
                          "Cash dividend on common stock to KAC"),
        RestrictedPayment("RP-1998-09-VEN", date(1998, 9, 30), "KACC", "restricted_investment", "other", D("4000000.00"),
                          "4.09(b)(VIII)", None,
                          "Investment in Venezuela Aluminum Partners (privatisation bid vehicle, Thirteenth Amendment)"),
        RestrictedPayment("RP-1999-06-KAC", date(1999, 6, 30), "KACC", "dividend", "kac", D("250000.00"), "4.09(b)(VII)",
                          None, "Payment to KAC for its reasonable out-of-pocket expenses of fiscal year 1999"),
    ]
    + list(RESTRICTED_PAYMENT_STORY)
    + _preferred_dividends(),
    key=lambda p: (p.payment_date, p.transaction_id),
))


@dataclass(frozen=True)
class Incurrence:
    transaction_id: str
    incurrence_date: date
    instrument_id: str
    amount: Decimal
    basket: str
    proceeds_applied_to_instrument_id: str | None
    proceeds_applied_amount: Decimal
    description: str
    basket_detail: str | None = None  # 4.10(b)(viii) sub-clause
    premium_and_fees: Decimal | None = None  # 4.10(b)(vi) / (viii)(B) refinancing: premium and fees


DIP_DRAW_DATE = date(2003, 11, 17)  # SYNTHETIC borrowing for three Business Days (17-19 November 2003): a Trigger Event
DIP_REPAY_DATE = date(2003, 11, 20)
DIP_DRAW = D("105000000.00")
# SYNTHETIC borrowing for three Business Days (9-11 March 2004) that takes Revolving Credit Outstandings above
# $125,000,000: a Trigger Event of ppca-2002 9.2.4(b) clause (i) (and, availability falling with it, clause (ii))
DIP_MARCH_2004_DATE = date(2004, 3, 9)
DIP_MARCH_2004_REPAY_DATE = date(2004, 3, 12)
DIP_MARCH_2004_DRAW = D("130000000.00")
# (first day, repayment day, amount) of each short Post-Petition Credit Agreement borrowing
DIP_SHORT_DRAWS = (
    (DIP_DRAW_DATE, DIP_REPAY_DATE, DIP_DRAW),
    (DIP_MARCH_2004_DATE, DIP_MARCH_2004_REPAY_DATE, DIP_MARCH_2004_DRAW),
)

INCURRENCES: tuple[Incurrence, ...] = (
    Incurrence("INC-1996-10-SERIES-B", date(1996, 10, 23), "NOTES-10875-2006-B", D("175000000.00"), "pre-existing",
               "NOTES-1425-2004", D("50000000.00"),
               "Issue of 10 7/8% Senior Notes due 2006, Series B (before the indenture of Dec 23, 1996)"),
    Incurrence("INC-1996-12-NOTES", date(1996, 12, 23), "NOTES-10875-2006", D("50000000.00"), "4.10(b)(i)",
               "NOTES-1425-2004", D("50000000.00"), "Issue of the 10 7/8% Senior Notes due 2006 under the indenture"),
    Incurrence("INC-1997-03-ALPART", date(1997, 3, 14), "ALPART-PROJECT", D("40000000.00"), "4.10(b)(iii)(A)", None, Z,
               "Alpart borrowing for refinery capital expenditures (100%; the Company's share is 65%)"),
    Incurrence("INC-1997-11-TL", date(1997, 11, 14), "TL-1997", D("50000000.00"), "4.10(a)", "CA1994-REVOLVER",
               D("45000000.00"), "Senior Term Loan; proceeds applied to revolving credit borrowings"),
    # SYNTHETIC: New Subordinated Debt of the 1994 Credit Agreement (Eleventh Amendment), refinancing 12 3/4% notes
    Incurrence("INC-1998-01-NSD", date(1998, 1, 15), "NOTES-1050-2007", D("50000000.00"), "4.10(b)(vi)",
               "NOTES-1275-2003", D("46000000.00"),
               "Issue of 10 1/2% Senior Subordinated Notes due 2007; proceeds retire 12 3/4% Senior Subordinated Notes",
               premium_and_fees=D("4000000.00")),  # $2,750,000 redemption premium + $1,250,000 issue costs
    Incurrence("INC-1998-04-TL", date(1998, 4, 15), "TL-1997", D("25000000.00"), "4.10(a)", None, Z,
               "Senior Term Loan add-on for capital expenditures"),
    Incurrence("INC-1998-06-REV", date(1998, 6, 15), "CA1994-REVOLVER", D("35000000.00"), "4.10(b)(ii)", None, Z,
               "Revolving credit borrowing under the 1994 Credit Agreement (working capital ahead of the strike)"),
    Incurrence("INC-1998-09-KBC", date(1998, 9, 30), "KBC-EQUIPMENT", D("12000000.00"), "4.10(b)(xiii)", None, Z,
               "Kaiser Bellwood equipment loan"),
    Incurrence("INC-1998-11-ALPART", date(1998, 11, 16), "ALPART-PROJECT", D("30000000.00"), "4.10(b)(iii)(A)", None, Z,
               "Alpart borrowing for refinery capital expenditures (100%; the Company's share is 65%)"),
    Incurrence("INC-1999-10-TL", date(1999, 10, 15), "TL-1997", D("30000000.00"), "4.10(a)", None, Z,
               "Senior Term Loan add-on to fund the Gramercy refinery rebuild"),
    Incurrence("INC-2000-03-VALCO", date(2000, 3, 15), "VALCO-LOAN", D("6000000.00"), "4.10(b)(v)", None, Z,
               "VALCO borrowing for potline relining"),
    Incurrence("INC-2001-05-TL", date(2001, 5, 15), "TL-1997", D("20000000.00"), "4.10(a)", None, Z,
               "Senior Term Loan add-on for general corporate purposes"),
    # SYNTHETIC: a QAL loan under (iv), a Facilities loan under (viii)(A)(IV) and a VALCO borrowing that takes
    # VALCO's debt to $26,000,000, over the (v) basket of $25,000,000 (a true failure)
    Incurrence("INC-1999-06-QAL", date(1999, 6, 15), "KAAC-QAL-LOAN", D("20000000.00"), "4.10(b)(iv)", None, Z,
               "KAAC borrowing for QAL capital expenditures"),
    Incurrence("INC-2000-04-FAB", date(2000, 4, 14), "FAB-FACILITY-2000", D("40000000.00"), "4.10(b)(viii)", None, Z,
               "Loan to retrofit the Trentwood fabrication plant", "A-IV"),
    Incurrence("INC-2001-07-VALCO", date(2001, 7, 16), "VALCO-LOAN", D("16000000.00"), "4.10(b)(v)", None, Z,
               "VALCO borrowing for working capital after the 2001 curtailment (repaid 2002-01-15)"),
    Incurrence("INC-2003-11-DIP", DIP_DRAW_DATE, "DIP-2002", DIP_DRAW, "4.10(b)(ii)", None, Z,
               "Borrowing under the Post-Petition Credit Agreement (repaid 2003-11-20)"),
    Incurrence("INC-2004-03-DIP", DIP_MARCH_2004_DATE, "DIP-2002", DIP_MARCH_2004_DRAW, "4.10(b)(ii)", None, Z,
               "Borrowing under the Post-Petition Credit Agreement (repaid 2004-03-12)"),
)


@dataclass(frozen=True)
class EquityIssuance:
    transaction_id: str
    issue_date: date
    issuer_entity_id: str
    issuance_kind: str
    purchaser_kind: str
    net_proceeds: Decimal
    is_redeemable: bool
    excluded_from_4_09_a_ii: Decimal | None = None


EQUITY_ISSUANCES: tuple[EquityIssuance, ...] = (
    EquityIssuance("EQ-1997-02-KAC", date(1997, 2, 28), "KACC", "capital_contribution", "kac", D("5000000.00"), False),
)

# Existing Intercompany Note (KAC to the Company, dated Dec 21, 1989; initial principal $818,585,280 per the indenture).
# SYNTHETIC: the $30,000,000 outstanding in 1996-2004 and 7% a year, i.e. $175,000.00 a month and $525,000.00 a quarter.
EXISTING_INTERCOMPANY_NOTE = D("30000000.00")
EXISTING_INTERCOMPANY_NOTE_MONTHLY_INTEREST = D("175000.00")
EXISTING_INTERCOMPANY_NOTE_SHORT_RECEIPT = {date(2001, 12, 31): D("300000.00")}  # received in cash that quarter


def note_interest_received(quarter_end: date) -> Decimal:
    return EXISTING_INTERCOMPANY_NOTE_SHORT_RECEIPT.get(quarter_end, 3 * EXISTING_INTERCOMPANY_NOTE_MONTHLY_INTEREST)


def restricted_payment_rows() -> list[dict[str, object]]:
    return [p.__dict__.copy() for p in RESTRICTED_PAYMENTS]


def incurrence_rows() -> list[dict[str, object]]:
    return [i.__dict__.copy() for i in INCURRENCES]


def equity_issuance_rows() -> list[dict[str, object]]:
    return [e.__dict__.copy() for e in EQUITY_ISSUANCES]


def asset_sale_rows(realized_gains: dict[str, Decimal]) -> list[dict[str, object]]:
    rows = []
    for s in ASSET_SALES:
        gain = s.pretax_gain_loss if s.pretax_gain_loss is not None else realized_gains[s.transaction_id]
        rows.append({
            "transaction_id": s.transaction_id, "sale_date": s.sale_date, "seller_entity_id": s.seller_entity_id,
            "asset_description": s.asset_description, "buyer_kind": s.buyer_kind, "gross_proceeds": s.gross_proceeds,
            "cash_consideration": s.cash_consideration, "notes_converted_within_30_days": s.notes_converted_within_30_days,
            "assumed_liabilities": s.assumed_liabilities, "other_non_cash_consideration": s.other_non_cash_consideration,
            "selling_expenses": s.selling_expenses, "taxes_paid_or_payable": s.taxes_paid_or_payable,
            "debt_repaid_from_proceeds": s.debt_repaid_from_proceeds, "reserves_established": s.reserves_established,
            "pretax_gain_loss": gain, "tax_on_gain_loss": s.tax_on_gain_loss, "asset_sale_exclusion": s.asset_sale_exclusion,
            "related_group_id": s.related_group_id, "asset_class": s.asset_class,
            "debt_repaid_due_by_reason_of_sale": s.debt_repaid_due_by_reason_of_sale,
            "deductions_payable_to_affiliates": s.deductions_payable_to_affiliates,
        })
    return rows
