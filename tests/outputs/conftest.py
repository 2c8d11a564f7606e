"""A few results, ledger entries and deadlines written by hand for the output writers' tests, on real clause ids.

The figures are the sample's 2003Q4 minimum-EBITDA results (docs/sample.md) and made-up ones; the transaction id is
hostile: a spreadsheet would run it as a formula if it were written as one.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pipelines.outputs.deadlines import Deadline, statement
from pipelines.policy.result import Limit, Result, RoomToMove

HOSTILE_ID = '=HYPERLINK("http://example.invalid/","click")'
MONTHLY = "ppca-2002/9.2.4(b)"
QUARTERLY = "ppca-2002/9.2.4(a)"
RATIO_DEBT = "indenture-1996/4.10(a)"
OVERADVANCE = "ppca-2002/def/BorrowingBase"


def monthly(test_date: date, status: str, actual: str | None, headroom: str | None, **extra) -> Result:
    return Result(
        clause_id=MONTHLY,
        instrument="ppca-2002",
        test_date=test_date,
        test_kind="maintenance",
        status=status,
        actual=None if actual is None else Decimal(actual),
        operator=">=",
        threshold=None if actual is None else Decimal("-127000000.00"),
        headroom=None if headroom is None else Decimal(headroom),
        headroom_pct=None,
        figure="EBITDA for the 12 months",
        determination_date=date(2004, 3, 30),
        **extra,
    )


def ebitda_room(figure: str, direction: str, change: str, flip_points: tuple[str, str], says: str) -> RoomToMove:
    """EBITDA's room to move under ">=" (not strict): a fall flips a pass, a rise cures a failure."""
    return RoomToMove(
        figure=figure, clause_id="ppca-2002/def/EBITDA", direction=direction, unit="US dollars", change=Decimal(change), strict=False,
        holds_up_to=Decimal(flip_points[0]), flips_at=Decimal(flip_points[1]), flips_to="pass" if direction == "rise" else "fail",
        statement=f"{figure} {says}", assumptions=("the threshold and its reductions stay as they are",),
    )


@pytest.fixture
def results() -> list[Result]:
    return [
        monthly(date(2003, 10, 31), "pass", "-126000000.00", "1000000.00"),
        monthly(
            date(2003, 11, 30),
            "fail",
            "-127541418.02",
            "-541418.02",
            inputs={
                "ebitda": {"value": "-127541418.02", "clause_id": "ppca-2002/def/EBITDA"},
                "forward_interest": {"value": "9.95", "exact": "261486 / 26280", "clause_id": "indenture-1996/def/ConsolidatedFixedChargeCoverageRatio"},
                "liens_counted": {"value": "12345678901234567.89", "liens": ["L-1 100.00", "L-2 200.00"], "clause_id": "indenture-1996/4.11(b)(i)"},
            },
            citations=("[PPCA 9.2.4]", "ppca-2002/def/EBITDA"),
            # (127,541,418.02) against (127,000,000.00) "not less than": short by 541,418.02, cured by reaching it
            room_to_move=ebitda_room("EBITDA for the 12 months", "rise", "541418.02", ("541418.01", "541418.02"),
                                     "would have to rise by at least 541,418.02 for ppca-2002/9.2.4(b) to be met."),
            band="breach",
        ),
        monthly(date(2003, 12, 31), "not_applicable", None, None),
        Result(
            clause_id=QUARTERLY,
            instrument="ppca-2002",
            test_date=date(2003, 12, 31),
            test_kind="maintenance",
            status="waived",
            status_before_waiver="fail",
            actual=Decimal("-787785491804.57"),  # "%.16g" of its float is -787785491804.5699
            operator=">=",
            threshold=Decimal("-123000000.00"),
            headroom=Decimal("-12000000.00"),
            headroom_pct=Decimal("-9.76"),
            waiver_id="ppca-2002/waiver-2004-03-29-minimum-ebitda",
            figure="EBITDA for the fiscal quarters",
            # the sample's: (92,000,000) less 21,000,000 (9.2.4(c)) less 10,000,000 (9.2.4(d)) = (123,000,000)
            limits=(
                Limit("threshold", "threshold for EBITDA for the 4 Fiscal Quarters", Decimal("-123000000.00"), QUARTERLY,
                      "the threshold before reductions less the reductions under ppca-2002/9.2.4(c), ppca-2002/9.2.4(d)"),
                Limit("base", "threshold before reductions", Decimal("-92000000"), QUARTERLY,
                      "[Sixth Amendment § 1.4 (Credit Agreement § 9.2.4(a))] 4 Fiscal Quarters ending 12/31/03 $ (92,000,000)"),
                Limit("reduction", "VALCO shortfall reduction", Decimal("21000000.00"), "ppca-2002/9.2.4(c)", "the credits of the Fiscal Quarters"),
                Limit("credit", "VALCO shortfall credit", Decimal("12000000.00"), "ppca-2002/9.2.4(c)", "=valco_ebitda for 2003-10-31, 2003-11-30, 2003-12-31",
                      "valco_shortfall_reduction", date(2003, 10, 1), date(2003, 12, 31)),
                Limit("reduction", "natural gas price reduction", Decimal("10000000.00"), "ppca-2002/9.2.4(d)", "R1 + R2"),
            ),
        ),
        Result(
            clause_id=QUARTERLY,
            instrument="ppca-2002",
            test_date=date(2004, 3, 31),
            test_kind="maintenance",
            status="pass",
            actual=Decimal("-122000000.00"),
            operator=">=",
            threshold=Decimal("-123000000.00"),
            headroom=Decimal("1000000.00"),
            headroom_pct=Decimal("0.81"),
            # 1,000,000 of headroom, within the 10,000,000 cushion of the policy
            room_to_move=ebitda_room("EBITDA for the 4 Fiscal Quarters", "fall", "1000000.00", ("1000000.00", "1000000.01"),
                                     "may fall by up to 1,000,000.00 before ppca-2002/9.2.4(a) fails; a fall of 1,000,000.01 fails it."),
            band="tight",
        ),
        Result(
            clause_id=OVERADVANCE,
            instrument="ppca-2002",
            test_date=date(2003, 12, 31),
            test_kind="maintenance",
            status="indeterminate",
            actual=None,
            operator=">=",
            threshold=Decimal("0"),
            headroom=None,
            headroom_pct=None,
            inputs={"appraisal": {"value": None, "clause_id": "ppca-2002/def/BorrowingBase"}},
        ),
        Result(
            clause_id=RATIO_DEBT,
            instrument="indenture-1996",
            test_date=date(2003, 11, 15),
            test_kind="transaction",
            transaction_id=HOSTILE_ID,
            status="fail",
            actual=Decimal("-0.156174"),
            operator=">",
            threshold=Decimal("2.0"),
            headroom=Decimal("-2.156174"),
            headroom_pct=Decimal("-107.81"),
            figure="Consolidated Fixed Charge Coverage Ratio",
            explanation="+1 as the ratio is below 2.0 to 1",
        ),
    ]


@pytest.fixture
def ledger() -> list[dict]:
    return [
        {
            "clause_id": "indenture-1996/4.10(b)(v)",
            "basket": "VALCO",
            "measure": "at_any_one_time_outstanding",
            "entry_date": date(2001, 7, 2),
            "transaction_id": "INC-2001-07-VALCO",
            "description": "@SUM(A1:A9) draw\x07",
            "amount": Decimal("6000000.00"),
            "usage_after": Decimal("26000000.00"),
            "capacity": Decimal("25000000.00"),
            "remaining": Decimal("-1000000.00"),
            "inputs": {"cap": "25000000", "ownership": {"value": "0.90"}},
        }
    ]


def deadline(status: str, due: date | None, trigger: date | None, reference: str, missing: tuple[str, ...] = (), completed: date | None = None) -> Deadline:
    return Deadline(
        status=status,
        adjusted_due_date=due,
        clause_id="indenture-1996/4.06(b)",
        obligation=f"deliver the annual statement as to compliance for {reference}",
        reference_id=reference,
        trigger_date=trigger,
        due_date=due,
        business_day_convention="following",
        rule="within 120 days after the end of each fiscal year [Indenture § 4.09(b)(V)]",
        completed_on=completed,
        missing_inputs=missing,
        mart="annual_statement_deadlines",
        as_of=date(2003, 12, 31),
        statement=statement(status, "indenture-1996/4.06(b)", due, completed, date(2003, 12, 31)),
    )


@pytest.fixture
def deadlines() -> list[Deadline]:
    return [
        deadline("missed", date(2002, 4, 30), date(2001, 12, 31), "FY2001", completed=date(2002, 5, 10)),
        deadline("indeterminate", None, date(2003, 6, 30), "FY2003-half", missing=("the date the Board approved the accounts",)),
        deadline("indeterminate", None, None, "never-triggered", missing=("the trigger",)),
        deadline("upcoming", date(2004, 4, 30), date(2003, 12, 31), "FY2003"),
    ]
