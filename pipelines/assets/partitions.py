"""Fiscal-quarter partitions: 1996Q1 to 2004Q4, the quarters the instruments in policies/ can be tested over.

The indenture is dated December 23, 1996 and the Post-Petition Credit Agreement's last amended test dates fall in
2004, so every test date of the three instruments lies in these 36 quarters. The keys are the `FiscalQuarter` strings
of pipelines.fiscal ("2003Q4"), which a StaticPartitionsDefinition keeps exactly; a time-window partitions definition
cannot name its keys that way.
"""

from __future__ import annotations

from datetime import date

from dagster import StaticPartitionsDefinition

from pipelines.fiscal import FiscalQuarter, quarters_between

FIRST_QUARTER = FiscalQuarter(1996, 1)
LAST_QUARTER = FiscalQuarter(2004, 4)
QUARTERS = quarters_between(FIRST_QUARTER.start, LAST_QUARTER.end)

fiscal_quarters = StaticPartitionsDefinition([str(q) for q in QUARTERS])


def latest_closed_quarter(today: date) -> FiscalQuarter:
    """The latest partition whose quarter had ended before `today`, clamped to the partitions' range: the quarter a
    nightly run can close (the one in progress has no quarter-end figures yet)."""
    ended = [q for q in QUARTERS if q.end < today]
    return ended[-1] if ended else FIRST_QUARTER
