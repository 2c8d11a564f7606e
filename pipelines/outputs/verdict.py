"""The first answer a reader wants: for each instrument and fiscal quarter, is the Company in compliance?

A verdict is read off the results of the quarter's test dates. Information rows (an incurrence test's figure at a
quarter end, `not_applicable`) and clauses with no threshold in force decide nothing. One failure makes the quarter not
compliant, whatever else is known; otherwise one result that cannot be determined leaves the quarter undetermined,
since that result could be a failure; otherwise a waived failure makes it compliant with waivers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from pipelines.fiscal import FiscalQuarter
from pipelines.policy.result import Result

NOT_COMPLIANT = "not compliant"
UNDETERMINED = "cannot be determined"
WAIVED = "compliant with waivers"
COMPLIANT = "compliant"
NOT_TESTED = "not tested"

# the status that decides each verdict, most serious first
DECIDING = (("fail", NOT_COMPLIANT), ("indeterminate", UNDETERMINED), ("waived", WAIVED), ("pass", COMPLIANT))

# a status as the report and the grid word it; the colour each is shown in belongs to the page's style
STATUS_WORDS = {
    "pass": "complies",
    "fail": "does not comply",
    "waived": "waived",
    "indeterminate": "cannot be determined",
    "not_applicable": "not applicable",
}
SEVERITY = ("fail", "indeterminate", "waived", "pass", "not_applicable")  # the worst status of a cell shows first


@dataclass(frozen=True)
class Verdict:
    instrument: str
    quarter: FiscalQuarter
    verdict: str
    counts: Counter  # results per status, information rows included


def quarter_of(result: Result) -> FiscalQuarter:
    return FiscalQuarter.containing(result.test_date)


def verdict_of(statuses: Iterable[str]) -> str:
    present = set(statuses)
    return next((verdict for status, verdict in DECIDING if status in present), NOT_TESTED)


def worst(statuses: Iterable[str]) -> str:
    present = set(statuses)
    return next(status for status in SEVERITY if status in present)


def verdicts(results: Iterable[Result]) -> list[Verdict]:
    """One verdict per instrument and fiscal quarter that has results, by quarter then instrument."""
    grouped: dict[tuple[FiscalQuarter, str], Counter] = {}
    for result in results:
        grouped.setdefault((quarter_of(result), result.instrument), Counter())[result.status] += 1
    return [
        Verdict(instrument=instrument, quarter=quarter, verdict=verdict_of(counts), counts=counts)
        for (quarter, instrument), counts in sorted(grouped.items())
    ]
