"""What `covenants run` prints: the verdict first, the failures and waivers with their figures, what cannot be
determined and why. The results are built by hand; the expected lines are written out."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from pipelines.outputs.text_table import text_table as _table
from pipelines.fiscal import FiscalQuarter
from pipelines.outputs.run_summary import summary
from pipelines.policy.result import Result

Q3, Q4 = FiscalQuarter(2003, 3), FiscalQuarter(2003, 4)


def result(clause_id: str, on: date, status: str, **fields) -> Result:
    values = dict(test_kind="maintenance", actual=None, operator=">=", threshold=None, headroom=None, headroom_pct=None)
    return Result(clause_id=clause_id, instrument=clause_id.split("/")[0], test_date=on, status=status, **{**values, **fields})


RESULTS = [
    # the November 2003 monthly minimum EBITDA: (127,541,418.02) against (127,000,000.00), short by 541,418.02,
    # which is 0.43% of the 127,000,000.00 threshold (541,418.02 / 127,000,000 = 0.00426...)
    result("ppca-2002/9.2.4(b)", date(2003, 11, 30), "fail", actual=Decimal("-127541418.02"), threshold=Decimal("-127000000.00"),
           headroom=Decimal("-541418.02"), headroom_pct=Decimal("-0.43"), determination_date=date(2004, 1, 14)),
    result("ppca-2002/9.2.4(a)", date(2003, 12, 31), "waived", actual=Decimal("-135000000.00"), threshold=Decimal("-123000000.00"),
           headroom=Decimal("-12000000.00"), headroom_pct=Decimal("-9.76"), waiver_id="ppca-2002/waiver-2004-03-29-minimum-ebitda",
           determination_date=date(2004, 3, 30)),
    result("indenture-1996/4.10(a)", date(2003, 12, 31), "pass", determination_date=date(2004, 3, 30)),
    result("indenture-1996/4.10(a)", date(2003, 9, 30), "not_applicable", test_kind="information"),
    result("ppca-2002/def/BorrowingBase", date(2003, 10, 31), "indeterminate", explanation="Cannot be determined: Eligible Accounts."),
    result("ppca-2002/def/BorrowingBase", date(2003, 12, 31), "indeterminate", explanation="Cannot be determined: Eligible Accounts."),
    result("ppca-2002/9.2.7(ii)", date(2003, 8, 31), "pass"),
]


def test_the_verdict_comes_first_then_failures_and_waivers_then_what_is_undetermined():
    printed = summary("0123456789abcdef", [Q3, Q4], RESULTS, [Path("out/results.json")], _table).splitlines()
    assert printed == [
        "Quarter-end run 0123456789abcdef: 2003Q3 to 2003Q4 (2 quarters), figures to December 31, 2003; determined on "
        "January 14, 2004 and March 30, 2004",
        "",
        "Verdict",
        "quarter  indenture-1996  ca-1994     ppca-2002",
        "-------  --------------  ----------  -------------",
        # 2003Q3: only an information row of the indenture, which decides nothing; 9.2.7(ii) passed
        "2003Q3   not tested      not tested  compliant",
        # 2003Q4: the November failure makes the quarter not compliant whatever the waiver of December
        "2003Q4   compliant       not tested  not compliant",
        "",
        "Failures and waivers",
        "test date   clause              status           figure            must be   threshold         headroom         headroom %  waiver",
        "----------  ------------------  ---------------  ----------------  --------  ----------------  ---------------  ----------  ------------------------------------------",
        "2003-11-30  ppca-2002/9.2.4(b)  does not comply  (127,541,418.02)  at least  (127,000,000.00)  (541,418.02)     (0.43%)",
        "2003-12-31  ppca-2002/9.2.4(a)  waived           (135,000,000.00)  at least  (123,000,000.00)  (12,000,000.00)  (9.76%)     ppca-2002/waiver-2004-03-29-minimum-ebitda",
        "",
        "Cannot be determined",
        "  ppca-2002/def/BorrowingBase (2 test dates, October 31, 2003 to December 31, 2003): Eligible Accounts.",
        "",
        "Every clause's results, quarter by quarter, with their inputs: report.html and covenants.xlsx.",
        "",
        "Wrote:",
        "  out/results.json",
    ]


def test_a_quarter_with_nothing_to_act_on_says_so_in_one_verdict_line():
    printed = summary("0123456789abcdef", [Q3], [RESULTS[-1]], [], _table)
    assert "Failures and waivers" not in printed and "Cannot be determined" not in printed
    assert "2003Q3   not tested      not tested  compliant" in printed.splitlines()
    assert printed.splitlines()[0] == "Quarter-end run 0123456789abcdef: 2003Q3, figures to September 30, 2003"


def test_a_run_of_many_determination_dates_gives_their_span():
    # seven certificate dates, one a quarter from 2002Q2 to 2003Q4 (each the quarter end + 45 days): listed they would
    # run over the line, so the first and the last are given with the count
    ends = [date(2002, 6, 30), date(2002, 9, 30), date(2002, 12, 31), date(2003, 3, 31), date(2003, 6, 30), date(2003, 9, 30), date(2003, 12, 31)]
    determined = [date(2002, 8, 14), date(2002, 11, 14), date(2003, 2, 14), date(2003, 5, 15), date(2003, 8, 14), date(2003, 11, 14), date(2004, 2, 14)]
    results = [result("ppca-2002/9.2.7(ii)", end, "pass", determination_date=on) for end, on in zip(ends, determined)]
    quarters = [FiscalQuarter.containing(end) for end in ends]
    assert summary("0123456789abcdef", quarters, results, [], _table).splitlines()[0] == (
        "Quarter-end run 0123456789abcdef: 2002Q2 to 2003Q4 (7 quarters), figures to December 31, 2003; determined on "
        "7 dates, August 14, 2002 to February 14, 2004 (each result's own in results.json)"
    )


def test_a_run_names_what_it_leaves_out_and_why():
    from pipelines.outputs.run_summary import outside_lines

    january = result("ppca-2002/def/BorrowingBase", date(2004, 1, 31), "pass")
    letter = result("ca-1994/2.1.3(b)(ii)", date(2004, 2, 15), "fail")
    # a run of 2003Q4 when the trial balances close 2003Q4: January and February 2004 cannot be reported by any run
    assert outside_lines([Q4], [RESULTS[-1]], [january, letter], Q4) == [
        "",
        "Not in this run",
        "  Results of other quarters: 1 dated before October 1, 2003; run every quarter (no --period) to see them.",
        "  2 result(s) dated after December 31, 2003, the last quarter end the trial balances close, are reported once "
        "the trial balances of their quarter are in the extracts: ca-1994/2.1.3(b)(ii), ppca-2002/def/BorrowingBase.",
    ]
    # a run of 2003Q3 when they close 2003Q4: the later results belong to another run
    assert outside_lines([Q3], [], [january], Q4)[2] == (
        "  Results of other quarters: 1 dated after September 30, 2003; run every quarter (no --period) to see them."
    )
    assert outside_lines([Q3, Q4], [], [], Q4) == []


def test_a_run_counts_the_deadlines_settled_before_its_quarter():
    from pipelines.outputs.deadlines import Deadline
    from pipelines.outputs.run_summary import outside_lines

    done = Deadline("met", date(2003, 4, 30), "indenture-1996/4.06(b)", "deliver", "FY2002", date(2002, 12, 31), date(2003, 4, 30),
                    "none", "rule", date(2003, 4, 29), (), "indenture_certificate_deadlines", date(2003, 12, 31), "met")
    assert outside_lines([Q4], [], [], Q4, [done, done]) == [
        "",
        "Not in this run",
        "  Deadlines settled before October 1, 2003 (done, or an option lapsed): 2, in the calendars of the runs of their "
        "quarters. The calendar lists every obligation still open in the run's quarters, however old, with the quarter of "
        "the transaction or event behind it (trigger_quarter).",
    ]
