"""One covenant result: a clause tested on a date, with everything a reader needs to check it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

STATUSES = ("pass", "fail", "waived", "indeterminate", "not_applicable")
# what a limit is to the result: the threshold compared; the threshold before its reductions (`base`); a reduction of
# it or of an input; a credit that adds up to a reduction or a capacity; a cap or a floor on one of those; a waiver's
# condition
# where a compliant figure stands against the policy's cushion, or a breach (failed, waived or not)
BANDS = ("comfortable", "tight", "breach")
LIMIT_KINDS = ("threshold", "base", "reduction", "credit", "cap", "floor", "condition")


@dataclass(frozen=True)
class Limit:
    """One threshold, cap, credit or reduction a result uses, as a figure a reader can add up and trace: its value, the
    clause that sets it, where the value comes from, what it limits or adjusts (`applies_to`: the threshold, an input's
    name, a waiver) and, for a per-period credit or reduction, the period it is for."""

    kind: str
    name: str
    value: Decimal | None
    clause_id: str
    source: str
    applies_to: str = "threshold"
    period_start: date | None = None
    period_end: date | None = None

    def __post_init__(self) -> None:
        if self.kind not in LIMIT_KINDS:
            raise ValueError(f"unknown limit kind {self.kind!r}")


@dataclass(frozen=True)
class RuleVersion:
    """The version of one rule a result applied: the clause's text (or a waiver letter) as an amendment, the agreement
    as signed, or a text not held left it; when that version was signed and took effect; the policy file holding it."""

    rule: str  # clause | parameter | waiver | waiver extension
    rule_id: str  # the clause id, or the waiver's or extension's id
    version: str  # the amendment id, the waiver letter, "as signed", or "before <amendment id>" (a text not held)
    title: str
    signed_on: date | None
    effective_on: date | None
    policy_file: str | None


@dataclass(frozen=True)
class RoomToMove:
    """How far the figure that drives a result may move before the result flips (pipelines.policy.room).

    `change` is the exact move at which the figure meets the threshold (`change_exact` gives it as a fraction when it
    has no finite decimal); `strict` is the comparison's strictness ("greater than", "less than"): the threshold itself
    does not comply. `holds_up_to` is the largest move, in cents (or whole days), that leaves the status as it is;
    `flips_at` the least that flips it to `flips_to`."""

    figure: str
    clause_id: str
    direction: str  # fall | rise: the way the figure moves to flip the result
    unit: str  # US dollars | days
    change: Decimal
    strict: bool
    holds_up_to: Decimal
    flips_at: Decimal
    flips_to: str  # fail | pass
    statement: str
    assumptions: tuple[str, ...] = ()
    change_exact: str | None = None


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
    limits: tuple[Limit, ...] = ()
    rules_applied: tuple[RuleVersion, ...] = ()
    # how far the driving figure may move before the result flips; None with the reason in `room_to_move_reason`
    room_to_move: RoomToMove | None = None
    room_to_move_reason: str | None = None
    band: str | None = None  # comfortable | tight | breach (BANDS); None where there is no room to measure

    def __post_init__(self) -> None:
        if self.band is not None and self.band not in BANDS:
            raise ValueError(f"unknown band {self.band!r}")
        if self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}")
