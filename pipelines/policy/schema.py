"""The shape of a policy file. Unknown keys, floats where an exact value belongs, and values without a source are errors."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

CLAUSE_ID = r"^(indenture-1996|ca-1994|ppca-2002)/\S+$"
AMENDMENT_ID = r"^(indenture-1996|ca-1994|ppca-2002)/amend\S+$"
IDENTIFIER = r"^[a-z][a-z0-9_]*$"


def _exact(value: object) -> Decimal:
    # YAML reads 2.0 as a binary float; a threshold must be written as a string so it stays exact.
    if not isinstance(value, str):
        raise ValueError(f"write exact values as quoted strings, e.g. \"2.0\", not {value!r}")
    try:
        return Decimal(value)
    except InvalidOperation as error:
        raise ValueError(f"{value!r} is not a decimal number") from error


Exact = Annotated[Decimal, BeforeValidator(_exact)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _once_each(days: list[date], what: str) -> None:
    """Two values taking effect on one day would leave the engine to pick one: refused, naming the day."""
    repeated = sorted({day for day in days if days.count(day) > 1})
    if repeated:
        raise ValueError(f"two values {what} {', '.join(map(str, repeated))}")


class Citation(Strict):
    reference: str = Field(min_length=3)  # the agreement and its section, e.g. "Indenture § 4.10(a)"
    quote: str = Field(min_length=3)


class DatedValue(Strict):
    effective_from: date
    value: Exact
    source: str = Field(min_length=3)
    amendment: str | None = Field(default=None, pattern=AMENDMENT_ID)  # the amendment that introduced the value


class TestDateValue(Strict):
    test_date: date
    value: Exact
    source: str = Field(min_length=3)
    amendment: str | None = Field(default=None, pattern=AMENDMENT_ID)


class ComputedThreshold(Strict):
    """A threshold the mart computes on each row (a basket's capacity, a cap that moves with ownership or net worth)."""

    clause_id: str = Field(pattern=CLAUSE_ID)
    description: str = Field(min_length=10)


class Threshold(Strict):
    by_effective_date: tuple[DatedValue, ...] = ()
    by_test_date: tuple[TestDateValue, ...] = ()
    computed: ComputedThreshold | None = None

    @model_validator(mode="after")
    def _one_form(self) -> Threshold:
        if sum((bool(self.by_effective_date), bool(self.by_test_date), self.computed is not None)) != 1:
            raise ValueError("give exactly one of by_effective_date, by_test_date or computed")
        _once_each([v.effective_from for v in self.by_effective_date], "take effect on")
        _once_each([v.test_date for v in self.by_test_date], "are given for the test date")
        return self


class ThresholdReduction(Strict):
    clause_id: str = Field(pattern=CLAUSE_ID)
    description: str


class NoThresholdPeriod(Strict):
    """Test dates with no threshold to apply, and the honest status for them."""

    from_date: date
    until_date: date
    status: Literal["indeterminate", "not_applicable"]
    explanation: str = Field(min_length=10)
    amendment: str | None = Field(default=None, pattern=AMENDMENT_ID)

    @model_validator(mode="after")
    def _in_order(self) -> NoThresholdPeriod:
        if self.until_date < self.from_date:
            raise ValueError(f"a period without threshold from {self.from_date} ends before it starts ({self.until_date})")
        return self


class Figure(Strict):
    name: str
    clause_id: str = Field(pattern=CLAUSE_ID)
    mart: str = Field(pattern=IDENTIFIER)
    form: Literal["ratio", "amount"]


class Determination(Strict):
    """When a period's result is determined (the certificate date), which decides whether a waiver was in force."""

    days_after_quarter_end: int = Field(ge=0)
    days_after_fiscal_year_end: int = Field(ge=0)
    source: str = Field(min_length=3)


class AmendedBy(Strict):
    """An amendment that gave the clause its current text: its id in the instrument's register, and what it did."""

    amendment: str = Field(pattern=AMENDMENT_ID)
    note: str = Field(min_length=10)


class Cushion(Strict):
    """The margin under which a compliant result is `tight` rather than `comfortable`: a management choice, not a
    clause. `percent` of the threshold's magnitude, or an `amount` in the figure's unit (dollars; ratio points for a
    ratio)."""

    value: Exact
    unit: Literal["percent", "amount"]
    source: str = Field(min_length=3)

    @model_validator(mode="after")
    def _not_negative(self) -> Cushion:
        if self.value < 0:
            raise ValueError(f"a cushion cannot be negative ({self.value})")
        return self


class Covenant(Strict):
    clause_id: str = Field(pattern=CLAUSE_ID)
    instrument: Literal["indenture-1996", "ca-1994", "ppca-2002"]
    title: str
    kind: Literal["incurrence", "maintenance"]
    clause_text: str = Field(min_length=20)
    citations: tuple[Citation, ...] = Field(min_length=1)
    amended_by: tuple[AmendedBy, ...] = ()
    figure: Figure
    operator: Literal[">", ">=", "<", "<="]
    threshold: Threshold
    threshold_reductions: tuple[ThresholdReduction, ...] = ()
    periods_without_threshold: tuple[NoThresholdPeriod, ...] = ()
    determination: Determination
    cushion: Cushion | None = None
    notes: str = ""

    @model_validator(mode="after")
    def _one_period_a_day(self) -> Covenant:
        """Periods without threshold are exceptions to the values and govern their days; two on one day would leave
        the engine to pick one."""
        periods = sorted(self.periods_without_threshold, key=lambda p: p.from_date)
        for earlier, later in zip(periods, periods[1:]):
            if later.from_date <= earlier.until_date:
                raise ValueError(f"periods without threshold overlap: {earlier.from_date} to {earlier.until_date} and {later.from_date} to {later.until_date}")
        return self


class ScopedTestDates(Strict):
    """What a waiver covers under one clause: the results of named test dates, or of named transactions only."""

    clause_id: str = Field(pattern=CLAUSE_ID)
    test_dates: tuple[date, ...] = ()
    transaction_ids: tuple[str, ...] = ()
    all_transactions: bool = False  # every transaction result of the clause (the waiver's conditions limit it)

    @model_validator(mode="after")
    def _one_form(self) -> ScopedTestDates:
        if sum((bool(self.test_dates), bool(self.transaction_ids), self.all_transactions)) != 1:
            raise ValueError("scope a clause by test_dates, transaction_ids or all_transactions (exactly one)")
        return self


class ConditionFigure(Strict):
    """The mart row a condition tests: same clause id, and the row of the waived result's test date or transaction."""

    mart: str = Field(pattern=IDENTIFIER)
    clause_id: str = Field(pattern=CLAUSE_ID)
    match: Literal["test_date", "transaction_id"] = "test_date"


class Condition(Strict):
    """A condition a waiver imposes.

    Checked: `figure`, `operator` and a `threshold` (a value, or `computed` from the mart row's threshold column).
    Uncheckable: `requires` names the source that is not available, so the result stays indeterminate and says why.
    Descriptive: neither, so the result stays indeterminate (the engine cannot check it).
    """

    description: str = Field(min_length=10)
    source: str = Field(min_length=3)
    figure: ConditionFigure | None = None
    operator: Literal[">", ">=", "<", "<="] | None = None
    threshold: Exact | Literal["computed"] | None = None
    requires: str = ""

    @model_validator(mode="after")
    def _checked_or_not(self) -> Condition:
        checked = (self.figure is not None, self.operator is not None, self.threshold is not None)
        if any(checked) and not all(checked):
            raise ValueError("a checked condition needs figure, operator and threshold together")
        if all(checked) and self.requires:
            raise ValueError("a condition is either checked (figure) or needs a missing source (requires), not both")
        return self


class Waiver(Strict):
    waiver_id: str = Field(pattern=r"^(indenture-1996|ca-1994|ppca-2002)/waiver-\S+$")
    instrument: Literal["indenture-1996", "ca-1994", "ppca-2002"]
    title: str
    dated: date  # the day it takes effect
    signed_on: date | None = None  # the letter's date, where it differs from `dated`
    amendment: str | None = Field(default=None, pattern=AMENDMENT_ID)  # the amendment that granted it, if any
    source: str = Field(min_length=3)
    text: str = Field(min_length=20)
    # empty only where the waiver's own terms are not in the sources and only a later letter's additions are known
    scope: tuple[ScopedTestDates, ...] = ()
    effective_through: date | None = None
    conditions: tuple[Condition, ...] = ()
    consideration: str = ""

    @model_validator(mode="after")
    def _scope_or_missing_terms(self) -> Waiver:
        if not self.scope and not any(c.requires for c in self.conditions):
            raise ValueError("a waiver without scope must name, in a condition's `requires`, the terms that are missing")
        return self


class WaiverExtension(Strict):
    """A later letter that extends a waiver's term or adds test dates to its scope; it never edits the waiver's file."""

    extension_id: str = Field(pattern=r"^(indenture-1996|ca-1994|ppca-2002)/waiver-\S+$")
    extends: str
    dated: date
    signed_on: date | None = None  # the letter's date, where it differs from `dated`
    source: str = Field(min_length=3)
    text: str = Field(min_length=20)
    effective_through: date
    adds_scope: tuple[ScopedTestDates, ...] = ()


class AmendedClause(Strict):
    """One clause an amendment changed: `replaced` (a new text for one that existed), `added` (a clause it created in a
    section that existed) or `own_terms` (the amendment's own terms, e.g. the conditions of its effectiveness, which do
    not exist before it is signed)."""

    clause_id: str = Field(pattern=CLAUSE_ID)
    section: str = Field(min_length=3)  # the amendment's own section, e.g. "§ 1.4"
    change: Literal["replaced", "added", "own_terms"]


class EarlierText(Strict):
    """The text the amendment changed: the documents that hold it, and whether the project holds them."""

    documents: str = Field(min_length=10)
    held: bool


class Amendment(Strict):
    """An amendment, by the day it was signed: `--rules-as-of` leaves out what an amendment signed after its date
    introduced."""

    amendment_id: str = Field(pattern=AMENDMENT_ID)
    instrument: Literal["indenture-1996", "ca-1994", "ppca-2002"]
    title: str
    signed_on: date
    effective_on: date | None = None  # where it differs from signed_on
    text_held: str = Field(min_length=10)
    source: str = Field(min_length=3)
    changed: tuple[AmendedClause, ...] = Field(min_length=1)
    earlier_text: EarlierText

    @property
    def effective(self) -> date:
        return self.effective_on or self.signed_on

    def change_of(self, clause_id: str) -> AmendedClause | None:
        """The entry that lists the clause: itself, or a clause or section it belongs to (9.2.4 for 9.2.4(a))."""
        return next((c for c in self.changed if clause_id == c.clause_id or clause_id.startswith((c.clause_id + "(", c.clause_id + "/"))), None)


# What a parameter's value measures, and the Python type the loader gives it: an amount of money (at most cents), a
# share of a whole (0 to 1), a multiple such as a price as a share of principal, a price per unit of a commodity, a
# number of days, months or things, or a reading switched on (1) or off (0).
UNITS: dict[str, type] = {
    "currency": Decimal,
    "fraction": Decimal,
    "ratio": Decimal,
    "price": Decimal,
    "days": int,
    "months": int,
    "count": int,
    "switch": int,
}
Unit = Literal["currency", "fraction", "ratio", "price", "days", "months", "count", "switch"]


def _unit_problem(unit: str, value: Decimal) -> str | None:
    """Why `value` cannot be a value in `unit`, or None."""
    if UNITS[unit] is int and value != value.to_integral_value():
        return f"a value in {unit} is a whole number, not {value}"
    if UNITS[unit] is int and value.as_tuple().exponent < 0:
        return f"write a value in {unit} without decimals, not {value}"
    if unit == "switch" and value not in (0, 1):
        return f"a switch is 0 or 1, not {value}"
    if unit == "currency" and value.as_tuple().exponent < -2:
        return f"an amount of money has at most two decimals (cents), not {value}"
    if unit == "fraction" and not 0 <= value <= 1:
        return f"a fraction lies between 0 and 1, not {value}"
    if unit in ("days", "months", "count") and value < 0:
        return f"a number of {unit} is not negative: {value}"
    return None


class Parameter(Strict):
    """One dated quantity the SQL models read, OpenFisca style: values keyed by the date they take effect."""

    instrument: Literal["indenture-1996", "ca-1994", "ppca-2002"]
    name: str = Field(pattern=IDENTIFIER)
    description: str
    clause_id: str = Field(pattern=CLAUSE_ID)
    unit: Unit
    values: tuple[DatedValue, ...] = Field(min_length=1)
    ambiguity: str = ""

    @model_validator(mode="after")
    def _one_value_a_day(self) -> Parameter:
        _once_each([v.effective_from for v in self.values], "take effect on")
        problems = [f"{v.effective_from}: {problem}" for v in self.values if (problem := _unit_problem(self.unit, v.value))]
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def typed(self, value: Decimal) -> Decimal | int:
        """A value as its unit types it: Decimal for money, fractions, ratios and prices, int for counts and switches."""
        return UNITS[self.unit](value)

    def in_force(self, day: date) -> Decimal | int | None:
        """The value in force on `day` (the latest taking effect on or before it), typed by the unit; None before the first."""
        taken = [v for v in self.values if v.effective_from <= day]
        return self.typed(max(taken, key=lambda v: v.effective_from).value) if taken else None


class StatusPeriod(Strict):
    from_date: date
    status: Literal["outstanding", "in_bankruptcy", "terminated"]
    effect: str
    source: str = Field(min_length=3)


class DateBound(Strict):
    """One end of the days an instrument's tests can read or fall on, with the text that fixes it."""

    day: date
    source: str = Field(min_length=3)


class Instrument(Strict):
    instrument: Literal["indenture-1996", "ca-1994", "ppca-2002"]
    title: str
    dated: date
    records_from: DateBound  # the earliest day a record the instrument's definitions read can be dated
    tested_through: DateBound  # the last day the instrument can be tested on
    texts_held: str
    parties: tuple[str, ...]
    fiscal_year_end: str
    status_timeline: tuple[StatusPeriod, ...] = ()
