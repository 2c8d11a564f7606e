"""The days an extract's dates may name: from the earliest day any instrument's definitions read to the last day any
instrument can be tested on, as the policy files' instrument.yaml state them (records_from, tested_through).

The range comes from the policies, never from the data, so that no table or calendar the pipeline builds can grow with
a date a file names: a trial balance dated 2999-12-31 is refused, not turned into four thousand fiscal quarters.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pipelines.layout import POLICIES_DIR
from pipelines.policy.loading import load_instruments


@dataclass(frozen=True)
class DateRange:
    first: date
    last: date

    def __str__(self) -> str:
        return f"{self.first} to {self.last}"


def instruments_date_range(root: Path = POLICIES_DIR) -> DateRange:
    """Raises PolicyError when an instrument file is invalid."""
    instruments = load_instruments(root)
    return DateRange(min(i.records_from.day for i in instruments), max(i.tested_through.day for i in instruments))
