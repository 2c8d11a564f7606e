"""The verdict per instrument and quarter: one failure decides, then what cannot be determined, then a waiver."""

from datetime import date
from decimal import Decimal

from pipelines.fiscal import FiscalQuarter
from pipelines.outputs.verdict import verdict_of, verdicts
from pipelines.policy.result import Result


def result(instrument: str, test_date: date, status: str) -> Result:
    return Result(
        clause_id=f"{instrument}/9.2.4(a)", instrument=instrument, test_date=test_date, test_kind="maintenance",
        status=status, actual=Decimal("1"), operator=">=", threshold=Decimal("0"), headroom=Decimal("1"), headroom_pct=None,
    )


def test_one_failure_makes_the_quarter_not_compliant_whatever_else_is_known():
    assert verdict_of(["pass", "waived", "indeterminate", "fail"]) == "not compliant"


def test_an_undetermined_result_leaves_the_quarter_undetermined_before_a_waiver_counts():
    assert verdict_of(["pass", "waived", "indeterminate"]) == "cannot be determined"
    assert verdict_of(["pass", "waived"]) == "compliant with waivers"
    assert verdict_of(["pass", "not_applicable"]) == "compliant"


def test_information_rows_alone_decide_nothing():
    assert verdict_of(["not_applicable"]) == "not tested"


def test_one_verdict_per_instrument_and_fiscal_quarter():
    found = verdicts([
        result("ppca-2002", date(2003, 11, 30), "fail"),
        result("ppca-2002", date(2003, 12, 31), "waived"),
        result("ppca-2002", date(2003, 9, 30), "pass"),
        result("indenture-1996", date(2003, 12, 31), "pass"),
    ])
    assert [(str(v.quarter), v.instrument, v.verdict) for v in found] == [
        ("2003Q3", "ppca-2002", "compliant"),
        ("2003Q4", "indenture-1996", "compliant"),
        ("2003Q4", "ppca-2002", "not compliant"),
    ]
    assert found[2].quarter == FiscalQuarter(2003, 4) and found[2].counts == {"fail": 1, "waived": 1}
