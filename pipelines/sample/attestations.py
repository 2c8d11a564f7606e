"""Attestations: the facts only a person can supply, one row each (SYNTHETIC values; the people's names are fictional).

Per fiscal quarter 1996Q1-2004Q4: the frozen-GAAP adjustment, restricted-Subsidiary income, Existing Intercompany Note
interest received in cash, cash management with Specified Parties, projected other fixed charges ("quarter-end") and the
absence of a Default. Per 4.10(a) Incurrence and 4.09(a) Restricted Payment: projected other fixed charges at the
Transaction Date (and the fallback rate for the deemed 4.10(b)(ii) draw); per Restricted Payment relying on 4.09(a),
(b)(VII) or (b)(VIII): no Default. Per Asset Sale: its attributable cash flow. For 2003: the natural gas price methodology;
for 2002-2004: VALCO's production; for every quarter end with impairment charges: the part of them below an Eligible
Fixed Asset's OLV In-Place Value (ANEO (o)); and the EBITDA definition applied in the Compliance Certificates, in force
since the agreement's inception (period_end 2002-02-12, signed 2003-08-01).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from pipelines.sample import indebtedness as debt
from pipelines.sample import market_data, ppca_storyline, storyline, transactions, valco
from pipelines.sample.fiscal_periods import add_months, month_end, quarter_end_of, quarter_ends, quarter_label

CFO = ("Margaret A. Hollis", "Chief Financial Officer")
CONTROLLER = ("Daniel R. Ortega", "Vice President and Controller")
TREASURER = ("Karen L. Whitfield", "Vice President and Treasurer")

FROZEN_GAAP_ADJUSTMENT = {date(1998, 12, 31): Decimal("1250000.00")}  # added to ledger net income (SFAS 121 timing)
# indenture-1996/4.09 opening balances at the cut-over (R-I06). SYNTHETIC: the ledgers from 1993 to 1995 are not in
# the sample; Consolidated Net Income 1993-1995 is taken as a small surplus after the 1993-1994 losses.
RESTRICTED_PAYMENT_CUT_OVER = date(1995, 12, 31)
RESTRICTED_PAYMENT_OPENINGS = {
    "cumulative_consolidated_net_income_opening": Decimal("12000000.00"),
    "restricted_payments_opening": Decimal("2000000.00"),
    "restricted_investments_opening": Decimal("0.00"),
    "equity_proceeds_opening": Decimal("0.00"),
    "basket_4_09_b_viii_opening": Decimal("5000000.00"),
    "basket_4_09_b_viii_maxxam_opening": Decimal("0.00"),
    "subordinated_debt_retirements_opening": Decimal("0.00"),
    "subordinated_debt_proceeds_opening": Decimal("0.00"),
}
# CNI (iv)(A), by Subsidiary: VALCO's dividends not permitted by Ghana's foreign exchange rules (a governmental regulation)
RESTRICTED_SUBSIDIARY_INCOME = {date(2001, 9, 30): ("VALCO", Decimal("1200000.00"))}
PREFERRED_DIVIDENDS_LAST = date(2001, 12, 31)
HEDGE_MONTHS = (date(1998, 1, 1), date(1999, 12, 31))

EBITDA_DEFINITION = (
    "EBITDA for any period = Adjusted Net Earnings from Operations plus, to the extent deducted in computing it, interest "
    "expense (including interest borne by joint-venture partners), income tax expense, depreciation and depletion, "
    "amortization of capitalized leases and other amortization. Adjusted Net Earnings from Operations = the Company's "
    "consolidated net income after provision for income taxes as reported, excluding (a) gains and losses over $150,000 "
    "on sales of capital assets, (c) pre-acquisition earnings, (d) earnings of non-Subsidiary investees above cash "
    "received plus $3,000,000, (f) gains on the acquisition or extinguishment of debt, (g) extraordinary gains, "
    "(k)-(q) the non-cash charges for LIFO, Kaiser Center, special pension, impairments (except the part below OLV "
    "In-Place Value), non-U.S. inventory write-downs and pre-petition BPA, labor, PBGC, asbestos and other accruals, each "
    "within its cap from February 12, 2002, and (m) non-cash pension expense up to $48,000,000 in Fiscal Year 2003 and "
    "$68,000,000 in Fiscal Year 2004. Reorganization items and other non-cash charges are not excluded. Applied "
    "since the Agreement's date."
)


def _money(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01')):f}"


def projected_other_fixed_charges(transaction_date: date) -> Decimal:
    """Preferred dividends, hedging net cost and debt-discount amortization to be accrued in the fiscal quarter of the
    Transaction Date and the next three, as projected on that date (nothing after the petition)."""
    if transaction_date >= debt.PETITION_DATE:
        return Decimal("0.00")
    first_month = add_months(quarter_end_of(transaction_date), -2)
    months = [month_end(d.year, d.month) for d in (add_months(first_month, k) for k in range(12))]
    preferred = transactions.PREFERRED_DIVIDEND * sum(1 for m in months if m.month % 3 == 0)
    hedging = Decimal("50000.00") * sum(1 for m in months if HEDGE_MONTHS[0] <= m <= HEDGE_MONTHS[1])
    discount = Decimal("25000.00") * len(months)
    return preferred + hedging + discount


def rows() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []

    def add(att_id: str, subject: str, reference: str | None, period_end: date, value: str, who: tuple[str, str],
            attested_on: date, document: str) -> None:
        out.append({"attestation_id": att_id, "subject": subject, "reference_id": reference, "period_end": period_end,
                    "value": value, "attested_by": who[0], "role": who[1], "attested_on": attested_on,
                    "document": document})

    for end in quarter_ends():
        label = quarter_label(end)
        signed = end + timedelta(days=40)
        certificate = f"Quarterly Officers' Certificate {label}"
        add(f"ATT-{label}-GAAP", "frozen_gaap_net_income_adjustment", None, end,
            _money(FROZEN_GAAP_ADJUSTMENT.get(end, Decimal(0))), CFO, signed, f"{certificate}, frozen-GAAP reconciliation")
        restricted_subsidiary, restricted_income = RESTRICTED_SUBSIDIARY_INCOME.get(end, (None, Decimal(0)))
        add(f"ATT-{label}-RSI", "restricted_subsidiary_income", restricted_subsidiary, end,
            _money(restricted_income), CONTROLLER, signed, f"{certificate}, schedule of dividend restrictions")
        add(f"ATT-{label}-EIN", "existing_intercompany_note_interest_received", "KAC", end,
            _money(transactions.note_interest_received(end)), TREASURER, signed,
            f"Treasury cash receipts ledger {label}, Existing Intercompany Note")
        add(f"ATT-{label}-SPC", "specified_party_cash_management_consistent", None, end, "true", TREASURER, signed,
            f"{certificate}, cash management with Specified Parties")
        add(f"ATT-{label}-POFC", "projected_other_fixed_charges", "quarter-end", end,
            _money(projected_other_fixed_charges(end)), CFO, signed, f"Fixed-charge projection schedule {label}")
        add(f"ATT-{label}-NODEF", "no_default", None, end, "true" if end < date(2002, 1, 1) else "false", CFO, signed,
            certificate)
    add("ATT-2002-01-31-NODEF", "no_default", None, date(2002, 1, 31), "false", CFO, date(2002, 2, 1),
        "Officers' notice of Default: interest on the 12 3/4% Senior Subordinated Notes due February 1, 2002 will not be paid")
    for subject, value in RESTRICTED_PAYMENT_OPENINGS.items():
        add(f"ATT-CUTOVER-{subject}", subject, None, RESTRICTED_PAYMENT_CUT_OVER, _money(value), CFO, date(1996, 12, 20),
            "Schedule of 4.09 ledgers from 1993 to the cut-over (R-I06)")

    for incurrence in transactions.INCURRENCES:
        if incurrence.basket != "4.10(a)":
            continue
        td, ref = incurrence.incurrence_date, incurrence.transaction_id
        signed = td - timedelta(days=2)
        add(f"ATT-{ref}-POFC", "projected_other_fixed_charges", ref, td, _money(projected_other_fixed_charges(td)), CFO,
            signed, f"Fixed-charge projection schedule for {ref}")
        revolver = debt.BY_ID["CA1994-REVOLVER"]
        rate = market_data.index_rate(revolver.floating_index or "prime_rate", td) + (revolver.spread or Decimal(0))
        add(f"ATT-{ref}-RATE", "credit_agreement_fallback_rate", ref, td, f"{rate:.8f}", TREASURER, signed,
            f"Credit Agreement base rate certificate for {ref}")
    for payment in transactions.RESTRICTED_PAYMENTS:
        if payment.basket not in ("4.09(a)", "4.09(b)(VII)", "4.09(b)(VIII)"):
            continue
        td, ref = payment.payment_date, payment.transaction_id
        signed = td - timedelta(days=2)
        if payment.basket == "4.09(a)":
            add(f"ATT-{ref}-POFC", "projected_other_fixed_charges", ref, td, _money(projected_other_fixed_charges(td)),
                CFO, signed, f"Fixed-charge projection schedule for {ref}")
        add(f"ATT-{ref}-NODEF", "no_default", ref, td, "true", CFO, signed, f"Officers' Certificate for {ref}")
    for sale in transactions.ASSET_SALES:
        ref = sale.transaction_id
        add(f"ATT-{ref}-CCFAFC", "ccfafc_attributable_to_asset_sale", ref, sale.sale_date,
            _money(transactions.CCFAFC_ATTRIBUTABLE[ref]), CFO, sale.sale_date + timedelta(days=10),
            f"Schedule of cash flow attributable to the assets sold, {ref}")
    for end in quarter_ends(2003, 2003):
        label = quarter_label(end)
        add(f"ATT-{label}-GAS", "natural_gas_price_methodology", "natural_gas_price_paid", end,
            "Volume-weighted average delivered cost per mmbtu (commodity, transport and fuel; excluding hedge "
            "settlements) actually paid by the Debtors at Gramercy, Baton Rouge and Trentwood in the Fiscal Quarter: "
            f"${market_data.NATURAL_GAS_PRICE_PAID[end]}/mmbtu",
            TREASURER, end + timedelta(days=30), f"Natural gas price certificate {label}")
    for end in quarter_ends(2002, 2004):
        label = quarter_label(end)
        months = [month_end(end.year, end.month - k) for k in (2, 1, 0)]
        produced = any(valco.produced(m) for m in months)
        add(f"ATT-{label}-VALCO", "valco_primary_aluminum_production", "VALCO", end, "true" if produced else "false",
            CONTROLLER, end + timedelta(days=30), f"VALCO production report {label}")
    for end in quarter_ends(2002, 2004):
        if any(item.line_item == "impairment_charges" and quarter_end_of(item.month) == end for item in storyline.ITEMS):
            label = quarter_label(end)
            add(f"ATT-{label}-OLV", "impairment_below_olv_in_place_value", None, end,
                _money(storyline.IMPAIRMENT_BELOW_OLV.get(end, Decimal(0))), CONTROLLER, end + timedelta(days=40),
                f"Schedule of impairment charges against OLV In-Place Values of Eligible Fixed Assets {label}")
    add("ATT-2002-02-12-EBITDA", "ppca_ebitda_definition", "ppca-2002", debt.PETITION_DATE, EBITDA_DEFINITION, CFO,
        date(2003, 8, 1), "Sixth Amendment closing certificate: EBITDA as applied in Compliance Certificates since "
        "the Post-Petition Credit Agreement of February 12, 2002")
    ppca_storyline.attestations(add, CFO)
    return out
