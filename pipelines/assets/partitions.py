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


def current_quarter(today: date) -> FiscalQuarter:
    """The latest partition whose quarter has started on `today`, clamped to the partitions' range."""
    return min(max(FiscalQuarter.containing(today), FIRST_QUARTER), LAST_QUARTER)
