"""ppca-2002 Borrowing Base and Compliance Certificates from hand-built results: every figure with its clause id, the
9.2.4(a) computation with each adjustment, the Actual VALCO EBITDA Amount, the manifest hash; quarters from 2003Q3."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pipelines.certificates.kinds.ppca_certificates import (
    borrowing_base_certificate_html,
    certificate_quarters,
    compliance_certificate_html,
)
from pipelines.certificates.registry import RunFacts, render
from pipelines.fiscal import FiscalQuarter
from pipelines.outputs.manifest import manifest_hash
from pipelines.policy.result import Result
from test_annual_compliance import MANIFEST

pytestmark = pytest.mark.filterwarnings("ignore:HarfBuzz-Subset:DeprecationWarning")

ANEO = "ppca-2002/def/AdjustedNetEarningsFromOperations"


def given(value, clause_id):
    return {"value": value, "clause_id": clause_id}


def ebitda_result(test_date=date(2003, 12, 31)) -> Result:
    # EBITDA -80,000,000; minimum -92,000,000 reduced by 20,000,000 (c) and 5,000,000 (d) -> -117,000,000
    inputs = {
        "net_income": given("-150000000.00", ANEO),
        "aneo_m_non_cash_pension_expense_excluded": given("30000000.00", ANEO),
        "adjusted_net_earnings_from_operations": given("-120000000.00", ANEO),
        "interest_expense": given("10000000.00", "ppca-2002/def/EBITDA"),
        "depreciation_and_depletion": given("30000000.00", "ppca-2002/def/EBITDA"),
        "ebitda": given("-80000000.00", "ppca-2002/def/EBITDA"),
        "valco_shortfall_reduction": given("20000000.00", "ppca-2002/9.2.4(c)"),
        "natural_gas_reduction": given("5000000.00", "ppca-2002/9.2.4(d)"),
        "actual_valco_ebitda_amount": given("-7500000.00", "ppca-2002/def/ActualVALCOEBITDAAmount"),
        "forecast_valco_ebitda_amount": given("3000000.00", "ppca-2002/def/ForecastVALCOEBITDAAmount"),
        "valco_shortfall": given("10500000.00", "ppca-2002/9.2.4(c)"),
        "natural_gas_price_p3": given("4.500000", "ppca-2002/9.2.4(d)"),
    }
    return Result("ppca-2002/9.2.4(a)", "ppca-2002", test_date, "maintenance", "pass", Decimal("-80000000.00"), ">=",
                  Decimal("-117000000.00"), Decimal("37000000.00"), None, inputs, ("Sixth Amendment § 1.4 (Credit Agreement § 9.2.4(a))",),
                  explanation="EBITDA -80000000.00 >= -117000000.00 is true.", figure="EBITDA for the 4 Fiscal Quarters")


def borrowing_base_result() -> Result:
    inputs = {"inventory_component": given("130000000.00", "ppca-2002/def/BorrowingBase(b)"),
              "ppe_subcomponent": given("96428572.00", "ppca-2002/def/BorrowingBase(c)"),
              "availability_reserve": given("28500000.00", "ppca-2002/def/AvailabilityReserve"),
              "net_recovery_percentage": given("0.780000", "ppca-2002/def/NetRecoveryPercentage")}
    return Result("ppca-2002/def/BorrowingBase", "ppca-2002", date(2003, 12, 31), "maintenance", "indeterminate",
                  None, ">=", Decimal("0"), None, None, inputs, (), explanation="Cannot be determined: base agreement.")


def test_quarters_from_2003q3():
    quarters = [FiscalQuarter.parse(q) for q in ("2003Q2", "2003Q3", "2003Q4")]
    assert [str(q) for q in certificate_quarters(quarters)] == ["2003Q3", "2003Q4"]


def test_compliance_certificate_shows_each_adjustment_and_valco():
    html = compliance_certificate_html([ebitda_result(), borrowing_base_result()], FiscalQuarter.parse("2003Q4"), MANIFEST)
    assert "(150,000,000.00)" in html and "30,000,000.00" in html  # net income; (m) excluded pension expense
    assert "(92,000,000.00)" in html  # the table's minimum: -117,000,000 + 20,000,000 + 5,000,000
    assert "(117,000,000.00)" in html and "37,000,000.00" in html
    assert "(7,500,000.00)" in html and "ppca-2002/def/ActualVALCOEBITDAAmount" in html
    assert "ppca-2002/9.2.4(c)" in html and "ppca-2002/9.2.4(d)" in html
    assert manifest_hash(MANIFEST) in html
    assert "ppca-2002/def/BorrowingBase" in html  # the quarter's other result


def test_borrowing_base_certificate():
    html = borrowing_base_certificate_html([borrowing_base_result()], FiscalQuarter.parse("2003Q4"), MANIFEST)
    assert "130,000,000.00" in html and "96,428,572.00" in html and "28,500,000.00" in html and "0.780000" in html
    assert "ppca-2002/def/AvailabilityReserve" in html and manifest_hash(MANIFEST) in html


def test_rendered_files(tmp_path):
    facts = RunFacts([FiscalQuarter.parse("2003Q4")], [ebitda_result(), borrowing_base_result()], MANIFEST)
    written = render(facts, tmp_path)
    assert sorted(p.name for p in written if p.name.startswith("ppca-2002")) == [
        "ppca-2002-borrowing-base-2003Q4.html", "ppca-2002-borrowing-base-2003Q4.pdf",
        "ppca-2002-compliance-2003Q4.html", "ppca-2002-compliance-2003Q4.pdf"]
