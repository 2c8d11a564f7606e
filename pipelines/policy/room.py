"""Room to move: how far the figure that drives a result may move before the result flips, and its band.

Headroom says how far the tested figure stands from its threshold, in the figure's own unit. Room to move says it in
the terms of the figure a reader can change: EBITDA may fall by so much before ppca-2002 9.2.4(a) fails; so much more
debt can be Incurred before the Consolidated Fixed Charge Coverage Ratio of 4.10(a) is no longer greater than 2.0 to 1.
Every flip point is solved exactly in fractions (the figures enter linearly, or through the ratio's denominator);
nothing is searched. The band places a compliant result against the policy's cushion, a management choice
(R-I75).
"""

from __future__ import annotations

import operator as op
import re
from dataclasses import replace
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction

from pipelines.policy.result import Result, RoomToMove
from pipelines.policy.schema import Covenant, Cushion
from pipelines.typography import amount, money

COMPARE = {">": op.gt, ">=": op.ge, "<": op.lt, "<=": op.le}
CENT = Fraction(1, 100)
DAY = Fraction(1)
DECIMAL_PLACES = Decimal("0.0000000001")
CENTS, SIX_PLACES = Decimal("0.01"), Decimal("0.000001")
DEFAULT_CUSHION = Cushion(
    value="10",
    unit="percent",
    source="the default cushion (docs/results.md): 10 percent of the threshold's magnitude, a management choice",
)
RATIO_DEBT_CLAUSE = "indenture-1996/4.10(a)"
COVERAGE_RATIO = "indenture-1996/def/ConsolidatedFixedChargeCoverageRatio"
CASH_FLOW = ("Consolidated Cash Flow Available for Fixed Charges", "indenture-1996/def/ConsolidatedCashFlowAvailableForFixedCharges")
EXACT_INTEREST = re.compile(r"^\s*(\S+)\s*/\s*\(\s*(\S+)\s*x\s*26280\s*\)\s*$")


def with_room(covenant: Covenant, result: Result, ratio_terms: tuple[Fraction, Fraction] | None) -> Result:
    """The result with its room to move and band, or with the reason there is none. `ratio_terms` are a ratio's
    numerator and its denominator divided by the divisor, exact (None for an amount)."""
    reason = _no_room(covenant, result, ratio_terms)
    if reason is not None:
        return replace(result, room_to_move=None, room_to_move_reason=reason, band=None)
    if covenant.figure.form == "ratio":
        actual = ratio_terms[0] / ratio_terms[1]
        room = _ratio_room(covenant, result, ratio_terms)
    else:
        actual = Fraction(result.actual)
        room = _amount_room(covenant, result, actual)
    return replace(result, room_to_move=room, room_to_move_reason=None, band=band(covenant, result, actual))


def _no_room(covenant: Covenant, result: Result, ratio_terms: tuple[Fraction, Fraction] | None) -> str | None:
    if result.status == "indeterminate":
        return "the result cannot be determined, so neither can how far its figure may move"
    if result.actual is None or result.threshold is None:
        return "not tested: the clause does not apply on this date" if result.status == "not_applicable" else "no figure or threshold to measure from"
    if covenant.operator in ("<", "<=") and result.threshold == 0:
        return "a yes-or-no test: the clause permits none, so there is no amount to move"
    if covenant.figure.form == "ratio" and (ratio_terms is None or result.cautions):
        return "the ratio is known only within bounds, so its flip point is not one figure"
    return None


def complies(covenant: Covenant, actual: Fraction, threshold: Decimal) -> bool:
    return COMPARE[covenant.operator](actual, Fraction(threshold))


def cushion_of(covenant: Covenant, threshold: Decimal) -> Fraction:
    """The cushion in the figure's unit: a percent of the threshold's magnitude, or the policy's amount."""
    cushion = covenant.cushion or DEFAULT_CUSHION
    if cushion.unit == "amount":
        return Fraction(cushion.value)
    return abs(Fraction(threshold)) * Fraction(cushion.value) / 100


def band(covenant: Covenant, result: Result, actual: Fraction) -> str:
    """`breach` when the figure does not comply (failed, waived or not); `tight` when it complies with headroom no more
    than the cushion; `comfortable` otherwise."""
    if result.status in ("fail", "waived") or not complies(covenant, actual, result.threshold):
        return "breach"
    headroom = actual - Fraction(result.threshold) if covenant.operator in (">", ">=") else Fraction(result.threshold) - actual
    return "tight" if headroom <= cushion_of(covenant, result.threshold) else "comfortable"


def flip_points(change: Fraction, strict: bool, passing: bool, step: Fraction) -> tuple[Fraction, Fraction]:
    """(holds_up_to, flips_at) for an exact `change` (>= 0) at which the figure meets the threshold, in steps of a cent
    or a day. A pass under ">=" still holds at `change`; under ">" it flips there. A failure under ">=" is cured at
    `change`; under ">" only beyond it."""
    below = -((-change) // step) * step - step  # the largest step strictly below change
    at_or_below = (change // step) * step
    if passing:
        holds = below if strict else at_or_below
        return holds, holds + step
    flips = at_or_below + step if strict else -((-change) // step) * step
    return flips - step, flips


def _decimal(value: Fraction, step: Fraction = CENT) -> tuple[Decimal, str | None]:
    """The value as a decimal, in cents (or whole days) where that is exact, with the exact fraction beside it when it
    has no finite decimal."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    if Fraction(exact) != value:
        return exact.quantize(DECIMAL_PLACES), f"{value.numerator} / {value.denominator}"
    places = Decimal(1) if step == DAY else CENTS
    return (exact.quantize(places) if Fraction(exact.quantize(places)) == value else exact), None


def _room(
    figure: str, clause_id: str, clause_tested: str, moves_up: bool, change: Fraction, strict: bool, passing: bool, unit: str, assumptions: tuple[str, ...]
) -> RoomToMove:
    """`moves_up`: a rise in the figure moves it towards failure (a cap); `change` the exact move to the threshold."""
    step = DAY if unit == "days" else CENT
    holds, flips = flip_points(change, strict, passing, step)
    direction = ("rise" if moves_up else "fall") if passing else ("fall" if moves_up else "rise")
    written = _written(unit)
    if passing:
        bound = f"by less than {written(change)} (at most {written(holds)})" if strict else f"by up to {written(change)}"
        statement = f"{figure} may {direction} {bound} before {clause_tested} fails; a {direction} of {written(flips)} fails it."
    else:
        bound = f"by more than {written(change)} (at least {written(flips)})" if strict else f"by at least {written(change)}"
        statement = f"{figure} would have to {direction} {bound} for {clause_tested} to be met."
    shown, exact = _decimal(change, step)
    return RoomToMove(
        figure=figure,
        clause_id=clause_id,
        direction=direction,
        unit=unit,
        change=shown,
        strict=strict,
        holds_up_to=_decimal(holds, step)[0],
        flips_at=_decimal(flips, step)[0],
        flips_to="fail" if passing else "pass",
        statement=statement,
        assumptions=assumptions,
        change_exact=exact,
    )


def _written(unit: str):
    """A move in words: whole days; dollars to the cent, or with every digit when it falls between cents, to six
    places and "..." when they do not end (so "by less than 244,416,848.166273..." never reads as a cent it does not
    reach)."""
    if unit == "days":
        return lambda value: f"{value} day" if value == 1 else f"{value} days"

    def dollars(value: Fraction) -> str:
        shown, exact = _decimal(value)
        if exact is None:
            return amount(shown.quantize(CENTS) if shown == shown.quantize(CENTS) else shown)
        return amount(shown.quantize(SIX_PLACES, ROUND_DOWN)) + "..."

    return dollars


def _amount_room(covenant: Covenant, result: Result, actual: Fraction) -> RoomToMove:
    """An amount test: the figure itself drives it, linearly, so the room is the distance to the threshold."""
    threshold = Fraction(result.threshold)
    cap = covenant.operator in ("<", "<=")
    change = abs(threshold - actual)
    unit = "days" if covenant.figure.name.startswith("Days") else "US dollars"
    assumptions = ("the threshold and its reductions stay as they are",)
    if result.cautions:
        assumptions += ("the missing facts take the values nearest the threshold, as the figures shown do",)
    return _room(
        covenant.figure.name, covenant.figure.clause_id, covenant.clause_id, cap, change, covenant.operator in ("<", ">"),
        complies(covenant, actual, result.threshold), unit, assumptions,
    )


def _ratio_room(covenant: Covenant, result: Result, ratio_terms: tuple[Fraction, Fraction]) -> RoomToMove:
    """A ratio test. Under 4.10(a), the Indebtedness that could be Incurred at the rate the clause prices its deemed
    4.10(b)(ii) draw, where that rate is known; otherwise the numerator's move (the denominator as it is)."""
    numerator, denominator = ratio_terms
    threshold = Fraction(result.threshold)
    passing = complies(covenant, numerator / denominator, result.threshold)
    strict = covenant.operator in ("<", ">")
    # a failing ratio is cured by cash flow, not by less debt: the shortfall may exceed the Incurrence itself
    cost = forward_cost_per_dollar(result.inputs) if covenant.clause_id == RATIO_DEBT_CLAUSE and passing else None
    if cost is not None:
        return additional_debt_room(covenant, result, ratio_terms, cost)
    name, clause_id = CASH_FLOW if covenant.figure.clause_id == COVERAGE_RATIO else (f"the numerator of the {covenant.figure.name}", covenant.figure.clause_id)
    # numerator / denominator meets the threshold at numerator = threshold x denominator
    change = abs(numerator - threshold * denominator)
    assumptions = (f"the ratio's denominator stays as it is ({money(_decimal(denominator)[0])})",)
    if covenant.clause_id == RATIO_DEBT_CLAUSE and passing:
        assumptions += ("no rate for more debt today: nothing is deemed drawn under 4.10(b)(ii), so the clause names no rate",)
    return _room(name, clause_id, covenant.clause_id, False, change, strict, passing, "US dollars", assumptions)


def forward_cost_per_dollar(inputs: dict) -> Fraction | None:
    """The Consolidated Fixed Charges a dollar of the deemed 4.10(b)(ii) draw adds over the four forward quarters: its
    exact interest (numerator / (divisor x 26280)) over its principal; None when nothing is deemed drawn."""
    principal = (inputs.get("deemed_4_10_b_ii_draw_principal") or {}).get("value")
    exact = (inputs.get("deemed_4_10_b_ii_draw_interest") or {}).get("exact")
    found = EXACT_INTEREST.match(exact or "")
    if principal is None or found is None or Fraction(principal) <= 0:
        return None
    return Fraction(found.group(1)) / (Fraction(found.group(2)) * 26280) / Fraction(principal)


def additional_debt_room(covenant: Covenant, result: Result, ratio_terms: tuple[Fraction, Fraction], cost: Fraction) -> RoomToMove:
    """Debt D adds cost x D to the forward Consolidated Fixed Charges and nothing to the cash flow (the four quarters
    before the Transaction Date are history), so the ratio N / (F + cost x D) meets the threshold T at
    D = (N / T - F) / cost."""
    numerator, denominator = ratio_terms
    threshold = Fraction(result.threshold)
    change = (numerator / threshold - denominator) / cost
    rate = _decimal(cost)[0].normalize()
    assumptions = (
        f"the added Indebtedness costs what a dollar of the deemed 4.10(b)(ii) draw costs over the four forward quarters, "
        f"{rate:f} a dollar (the weighted average rate of the 4.10(b)(ii) Indebtedness outstanding, on its day counts)",
        "it is Incurred on the Transaction Date and outstanding for the four forward quarters; its proceeds repay nothing",
        f"Consolidated Cash Flow Available for Fixed Charges stays {money(_decimal(numerator)[0])}: the four quarters before the Transaction Date do not change",
        "the 4.10(b)(ii) amount deemed drawn stays as it is: Indebtedness under 4.10(a) uses no 4.10(b) basket",
    )
    # an information row prices a transaction on the day after its quarter end
    figure = (
        "Indebtedness Incurred under 4.10(a) on the Transaction Date besides this Incurrence"
        if result.transaction_id
        else "Indebtedness Incurred under 4.10(a) on the day after the quarter end"
    )
    return _room(figure, covenant.clause_id, covenant.clause_id, True, change, covenant.operator in ("<", ">"), True, "US dollars", assumptions)
