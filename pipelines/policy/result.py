"""One covenant result: a clause tested on a date, with everything a reader needs to check it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

STATUSES = ("pass", "fail", "waived", "indeterminate", "not_applicable")


@dataclass(frozen=True)
class Result:
    clause_id: str
    instrument: str
    test_date: date
    test_kind: str  # transaction | maintenance | information
    status: str
    actual: Decimal | None
    operator: str
    threshold: Decimal | None
    headroom: Decimal | None
    headroom_pct: Decimal | None
    inputs: dict = field(default_factory=dict)
    citations: tuple[str, ...] = ()
    waiver_id: str | None = None
    explanation: str = ""
    transaction_id: str | None = None
    figure: str = ""
    determination_date: date | None = None
    amendments: tuple[str, ...] = ()
    status_before_waiver: str | None = None
    # missing inputs that could not change the status: every value they could take gives the same one
    cautions: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}")
