"""Fiscal quarters: the indenture's fiscal year is the calendar year (4.06(b)); the credit agreements' default is the same (R-X07)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True, order=True)
class FiscalQuarter:
    year: int
    quarter: int

    @classmethod
    def parse(cls, text: str) -> FiscalQuarter:
        match = re.fullmatch(r"(\d{4})Q([1-4])", text.strip().upper())
        if not match:
            raise ValueError(f"{text!r} is not a fiscal quarter like 2003Q4")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def containing(cls, day: date) -> FiscalQuarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.quarter - 2, 1)

    @property
    def end(self) -> date:
        following = FiscalQuarter(self.year + self.quarter // 4, self.quarter % 4 + 1)
        return following.start - timedelta(days=1)

    def __str__(self) -> str:
        return f"{self.year}Q{self.quarter}"


def quarters_between(first: date, last: date) -> list[FiscalQuarter]:
    quarters, current = [], FiscalQuarter.containing(first)
    while current.start <= last:
        quarters.append(current)
        current = FiscalQuarter(current.year + current.quarter // 4, current.quarter % 4 + 1)
    return quarters
