"""ppca-2002 certificates for each Fiscal Quarter end from 2003Q3 (the first quarter under the Sixth Amendment): a
Borrowing Base Certificate (the components the Sixth Amendment replaced, from the def/BorrowingBase result of the
quarter's last Business Day) and a Compliance Certificate (the 9.2.4(a) minimum EBITDA computation with every ANEO
exclusion and the 9.2.4(c)/(d) reductions, the Actual VALCO EBITDA Amount "in reasonable detail" [Sixth Amendment § 1.1(a), “Actual VALCO EBITDA Amount”], and the
quarter's other ppca-2002 results). The base agreement's certificate forms are not available (R-X02): these are
drafts built only from the results, each figure with its clause id.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from pipelines.certificates.clause_groups import clause_tests
from pipelines.certificates.registry import Document, DocumentKind, RunFacts, Signatory, document_html
from pipelines.fiscal import FiscalQuarter
from pipelines.policy.result import Result

INSTRUMENT = "ppca-2002"
FIRST_QUARTER_END = date(2003, 9, 30)  # the first Fiscal Quarter ending after the Sixth Amendment (2003-08-01)
BORROWING_BASE = "ppca-2002/def/BorrowingBase"
MINIMUM_EBITDA = "ppca-2002/9.2.4(a)"
BORROWING_BASE_TEMPLATE = "ppca-2002/borrowing_base_certificate.html.j2"
COMPLIANCE_TEMPLATE = "ppca-2002/compliance_certificate.html.j2"
# the lines of the minimum EBITDA computation, in the certificate's order: (input name, label, sign in the sum)
EBITDA_LINES = (
    ("net_income", "Consolidated net income after provision for income taxes", ""),
    ("aneo_a_capital_asset_sale_gain_loss", "(a) gains/losses over $150,000 on sales of capital assets", "less"),
    ("aneo_c_pre_acquisition_income", "(c) pre-acquisition earnings", "less"),
    ("aneo_d_excess_excluded", "(d) investee earnings above cash received + $3,000,000", "less"),
    ("aneo_f_debt_extinguishment_gain", "(f) gains on cancellation or forgiveness of Indebtedness", "less"),
    ("aneo_g_extraordinary_gain", "(g) extraordinary gains", "less"),
    ("aneo_g_non_recurring_transaction_gain", "(g) gains over $150,000 from other non-recurring transactions", "less"),
    ("aneo_k_lifo_inventory_charges_excluded", "(k) non-cash LIFO charges (cap $20,000,000)", "add"),
    ("aneo_l_kaiser_center_disposition_charges_excluded", "(l) Kaiser Center disposition charges (cap $25,000,000)", "add"),
    ("aneo_m_non_cash_pension_expense_excluded", "(m) non-cash pension expenses (FY2003 $48,000,000, FY2004 $68,000,000)", "add"),
    ("aneo_n_pension_special_charges_excluded", "(n) special pension charges ($25,000,000 a Fiscal Year)", "add"),
    ("aneo_o_impairment_charges_excluded", "(o) impairment charges (cap $300,000,000, less below OLV In-Place Value)", "add"),
    ("aneo_p_foreign_inventory_writedowns_excluded", "(p) non-U.S. inventory write-downs (cap $50,000,000)", "add"),
    ("aneo_q_i_prepetition_bpa_rejection_accruals_excluded", "(q)(i) BPA contract rejection accruals (cap $80,000,000)", "add"),
    ("aneo_q_ii_prepetition_labor_claims_accruals_excluded", "(q)(ii) USWA labor claims accruals (cap $250,000,000)", "add"),
    ("aneo_q_iii_prepetition_pbgc_accruals_excluded", "(q)(iii) PBGC accruals (cap $200,000,000)", "add"),
    ("aneo_q_iv_asbestos_claims_accruals_excluded", "(q)(iv) asbestos claims accruals (no cap)", "add"),
    ("aneo_q_v_other_prepetition_accruals_excluded", "(q)(v) other pre-petition accruals (cap $50,000,000)", "add"),
    ("adjusted_net_earnings_from_operations", "Adjusted Net Earnings from Operations", "="),
    ("interest_expense", "interest expense", "add"),
    ("income_tax_expense", "income taxes", "add"),
    ("depreciation_and_depletion", "depreciation and depletion", "add"),
    ("capital_lease_amortization", "capital lease amortization", "add"),
    ("amortization", "amortization", "add"),
    ("ebitda", "EBITDA for the 4 Fiscal Quarters", "="),
)
BORROWING_BASE_LINES = (
    ("eligible_inventory", "Eligible Inventory"),
    ("net_recovery_percentage", "Net Recovery Percentage (most recent satisfactory appraisal)"),
    ("inventory_component", "(b) inventory: least of $175,000,000, 65% of Eligible Inventory and, after an appraisal, 85% of the Net Recovery Percentage"),
    ("ppe_amortized_amount", "(c)(i) $100,000,000 less $1,190,476 a month from October 2003"),
    ("ppe_olv_amount", "(c)(ii) 50% of the OLV In-Place Value of Eligible Fixed Assets"),
    ("cumulative_ppe_subcomponent_reductions", "cumulative PPE Subcomponent Reductions"),
    ("cumulative_valco_ppe_reductions", "cumulative VALCO PPE Reductions"),
    ("ppe_subcomponent", "(c) PPE Subcomponent: the lesser of (i) and (ii), less the greater of the two cumulative reductions (not additive)"),
    ("revolving_commitment_amount", "Revolving Commitment Amount"),
    ("availability_reserve", "Availability Reserve: lesser of $30,000,000 and 10% of the commitment, at least $25,000,000"),
    ("reported_revolving_commitment_availability", "Revolving Commitment Availability as reported by the Agent"),
)


def _line(result: Result, name: str) -> dict:
    given = result.inputs.get(name) or {}
    return {"value": given.get("value"), "clause_id": given.get("clause_id") or result.clause_id}


def certificate_quarters(quarters: list[FiscalQuarter]) -> list[FiscalQuarter]:
    return [q for q in quarters if q.end >= FIRST_QUARTER_END]


def _quarter_results(results: list[Result], quarter: FiscalQuarter) -> list[Result]:
    return sorted(
        (r for r in results if r.instrument == INSTRUMENT and quarter.start <= r.test_date <= quarter.end),
        key=lambda r: (r.test_date, r.clause_id, r.transaction_id or ""),
    )


def borrowing_base_certificate(results: list[Result], quarter: FiscalQuarter) -> Document | None:
    found = [r for r in _quarter_results(results, quarter) if r.clause_id == BORROWING_BASE]
    if not found:
        return None
    result = found[-1]
    context = {
        "quarter": quarter,
        "result": result,
        "lines": [{"label": label, **_line(result, name)} for name, label in BORROWING_BASE_LINES],
    }
    return Document(f"ppca-2002-borrowing-base-{quarter}", context)


def compliance_certificate(results: list[Result], quarter: FiscalQuarter) -> Document | None:
    of_quarter = _quarter_results(results, quarter)
    ebitda = next((r for r in of_quarter if r.clause_id == MINIMUM_EBITDA and r.test_date == quarter.end), None)
    if ebitda is None:
        return None
    reductions = [
        {"label": "9.2.4(c) VALCO shortfall reduction", **_line(ebitda, "valco_shortfall_reduction")},
        {"label": "9.2.4(d) natural gas price reduction", **_line(ebitda, "natural_gas_reduction")},
    ]
    context = {
        "quarter": quarter,
        "ebitda": ebitda,
        "minimum_before_reductions": None
        if ebitda.threshold is None
        else ebitda.threshold + sum((Decimal(line["value"] or "0") for line in reductions), Decimal("0")),
        "lines": [{"label": label, "sign": sign, **_line(ebitda, name)} for name, label, sign in EBITDA_LINES],
        "reductions": reductions,
        "valco": [
            {"label": "Actual VALCO EBITDA Amount for the Fiscal Quarter", **_line(ebitda, "actual_valco_ebitda_amount")},
            {"label": "Forecast VALCO EBITDA Amount for the Fiscal Quarter", **_line(ebitda, "forecast_valco_ebitda_amount")},
            {"label": "Shortfall (Forecast less Actual, not below zero)", **_line(ebitda, "valco_shortfall")},
        ],
        "gas": [
            {"label": "Average natural gas price paid, quarter ending 9/30/03 ($/mmbtu)", **_line(ebitda, "natural_gas_price_p3")},
            {"label": "Average natural gas price paid, quarter ending 12/31/03 ($/mmbtu)", **_line(ebitda, "natural_gas_price_p4")},
        ],
        "others": clause_tests(r for r in of_quarter if r is not ebitda and r.status != "not_applicable"),
        "matters": [r for r in of_quarter if r.status in ("fail", "indeterminate")],
    }
    return Document(f"ppca-2002-compliance-{quarter}", context)


def _each_quarter(
    certificate: Callable[[list[Result], FiscalQuarter], Document | None],
) -> Callable[[RunFacts], list[Document]]:
    """A trigger: the certificate of each quarter of the run from 2003Q3 whose results it needs are there."""

    def documents(facts: RunFacts) -> list[Document]:
        found = (certificate(facts.results, quarter) for quarter in certificate_quarters(facts.quarters))
        return [document for document in found if document is not None]

    return documents


def borrowing_base_certificate_html(results: list[Result], quarter: FiscalQuarter, manifest: dict) -> str | None:
    document = borrowing_base_certificate(results, quarter)
    return None if document is None else document_html(BORROWING_BASE_CERTIFICATE, document, manifest)


def compliance_certificate_html(results: list[Result], quarter: FiscalQuarter, manifest: dict) -> str | None:
    document = compliance_certificate(results, quarter)
    return None if document is None else document_html(COMPLIANCE_CERTIFICATE, document, manifest)


# The base agreement's exhibits (the forms of both certificates) are not among the documents held: the signatory is
# the customary one for such a certificate (docs/documents.md says so).
FINANCIAL_OFFICER = Signatory("Chief Financial Officer, Treasurer or Controller of the Company")

BORROWING_BASE_CERTIFICATE = DocumentKind(
    name="ppca-2002-borrowing-base",
    title="Borrowing Base Certificate",
    clause_id=BORROWING_BASE,
    instrument=INSTRUMENT,
    template=BORROWING_BASE_TEMPLATE,
    trigger="each Fiscal Quarter of the run ending on or after September 30, 2003 with a Borrowing Base result",
    states=(BORROWING_BASE, "ppca-2002/def/AvailabilityReserve"),
    signatories=(FINANCIAL_OFFICER,),
    documents=_each_quarter(borrowing_base_certificate),
)

COMPLIANCE_CERTIFICATE = DocumentKind(
    name="ppca-2002-compliance",
    title="Compliance Certificate",
    clause_id=MINIMUM_EBITDA,
    instrument=INSTRUMENT,
    template=COMPLIANCE_TEMPLATE,
    trigger="each Fiscal Quarter of the run ending on or after September 30, 2003 with a 9.2.4(a) result at its end",
    states=(INSTRUMENT,),
    signatories=(FINANCIAL_OFFICER,),
    documents=_each_quarter(compliance_certificate),
)
