"""How figures and dates are written in every text a person reads: explanations, the deadline calendar, the command
line and the certificate templates.

Money as the agreements write it (thousands separators, negatives in parentheses), ratios to the places the clause
uses, percentages with a % sign, dates in words. Numbers are formatted from their Decimal digits and never pass through
a float. Only text changes here: results, ledgers and deadlines keep their exact machine values in their own fields.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from fractions import Fraction

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fixed names: the output must not depend on the machine's locale
CENTS = Decimal("0.01")
RATIO_MAX_PLACES = 6
OPERATOR_WORDS = {">": "greater than", ">=": "at least", "<": "less than", "<=": "at most"}
INSTRUMENT_NAMES = {
    "indenture-1996": "the Indenture",
    "ca-1994": "the 1994 Credit Agreement",
    "ppca-2002": "the Post-Petition Credit Agreement",
}
# An ISO date standing alone (not inside an id such as waiver-2003-03-24-minimum-ebitda).
_ISO_DATE = re.compile(r"(?<![\w-])(\d{4})-(\d{2})-(\d{2})(?![\w-])")
# A machine-written amount standing alone: four or more digits before a decimal point, or seven or more without one.
# Years, section numbers, rates and ids (1996, 4.10(b)(ii), 0000950129-04-003359, 02-10429) do not match.
_AMOUNT = re.compile(r"(?<![\w.,/-])(-?)([1-9]\d{3,}\.\d+|[1-9]\d{6,})(?![\w/-]|[.,]\d)")


def _as_decimal(value: Decimal | str | int) -> Decimal:
    if isinstance(value, bool) or isinstance(value, float):
        raise TypeError(f"amount {value!r} must be a Decimal, a decimal string or an int, never a float")
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            raise ValueError(f"{value!r} is not a decimal number") from None
    else:
        raise TypeError(f"amount {value!r} of type {type(value).__name__} is not a Decimal or a decimal string")
    if not number.is_finite():
        raise ValueError(f"amount {value!r} is not a finite number")
    return number


def amount(value: Decimal | str | int | None, missing: str = "—", suffix: str = "") -> str:
    """`1234567.89` → `1,234,567.89`; keeps every digit as given (`2.450000` stays `2.450000`); negatives in parentheses.

    None (a figure that could not be computed) shows as `missing`; `suffix` goes inside the parentheses: `(7.50%)`.
    """
    if value is None:
        return missing
    number = _as_decimal(value)
    text = format(abs(number), ",f") + suffix
    return f"({text})" if number.is_signed() and number != 0 else text


def exact_amount(value: Decimal | str | int | None, missing: str = "—") -> str:
    """An amount carried beyond the cent, to its last significant digit and never rounded: `6.0416666666` stays,
    `15121560.7812500000` → `15,121,560.78125`, `1000.0000000` → `1,000.00`."""
    if value is None:
        return missing
    number = _as_decimal(value)
    if number.as_tuple().exponent < -2:
        number = number.normalize()
        number = number.quantize(CENTS) if number.as_tuple().exponent > -2 else number
    return amount(number)


def figure(value: object, missing: str = "missing") -> str:
    """An input value as the extracts gave it: formatted like `amount` when it is a decimal number, else as text."""
    if value is None:
        return missing
    if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
        return amount(value)
    if isinstance(value, str):
        try:
            return amount(value)
        except ValueError:
            return value
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def long_date(value: date) -> str:
    """`1997-04-30` → `April 30, 1997`."""
    return f"{MONTHS[value.month - 1]} {value.day}, {value.year}"


def money(value: Decimal | str | int | None, missing: str = "—") -> str:
    """An amount in text: `-135000000.00` → `(135,000,000.00)`, `120000000` → `120,000,000.00`; more than two decimals
    are rounded to the cent (the exact value stays in the result's own field). A whole number below 1,000 (a count
    of Liens, a number of days) is written without cents: `1`, `45`, `0`."""
    if value is None:
        return missing
    number = _as_decimal(value)
    if abs(number) < 1000 and number == number.to_integral_value():
        number = number.quantize(Decimal(1))  # a count written with cents by the engine: 1.00 Liens reads 1
    elif number.as_tuple().exponent != -2:
        number = number.quantize(CENTS, ROUND_HALF_EVEN)
    return amount(number)


def percent(value: Decimal | str | None, missing: str = "—") -> str:
    """`25.00` → `25.00%`; `-7.5` → `(7.5%)`."""
    return missing if value is None else amount(value, suffix="%")


def ratio(value: Fraction | Decimal, places: int) -> str:
    """`Fraction(7, 4)`, 1 place → `1.8 to 1`."""
    exact = Fraction(value)
    shown = (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_EVEN)
    return f"{shown} to 1"


def ratio_places(actual: Fraction, threshold: Decimal) -> int:
    """The places the clause writes its ratio in ("2.0 to 1": one), more only where the actual would otherwise show as
    the threshold although it differs from it, so the shown figures never contradict the exact comparison."""
    places = max(1, -threshold.as_tuple().exponent)
    while places < RATIO_MAX_PLACES and actual != Fraction(threshold) and _rounded(actual, places) == threshold:
        places += 1
    return places


def _rounded(value: Fraction, places: int) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_EVEN)


def actual_and_threshold(actual: Decimal | None, threshold: Decimal | None) -> tuple[str, str]:
    """A result's actual and threshold for a table: a ratio (the engine gives ratio actuals six places) as `1.8 to 1`
    at the places the threshold is written in, anything else as `money`; `-` where there is none."""
    if actual is not None and threshold is not None and actual.as_tuple().exponent == -6:
        exact = Fraction(actual)
        places = ratio_places(exact, threshold)
        return ratio(exact, places), ratio(threshold, places)
    return money(actual, missing="-"), money(threshold, missing="-")


def comparison(subject: str, actual: str, operator: str, threshold: str, holds: bool) -> str:
    """`EBITDA for the 12 months, (135,000,000.00), is not at least (123,000,000.00).`"""
    return f"{subject}, {actual}, is {'' if holds else 'not '}{OPERATOR_WORDS[operator]} {threshold}."


def day_count(days: int) -> str:
    return f"{days} day" if days == 1 else f"{days} days"


def section(clause_id: str) -> str:
    """`indenture-1996/4.06(b)` → `Section 4.06(b) of the Indenture`; an id of another form is returned as it is."""
    instrument, _, rest = clause_id.partition("/")
    if instrument not in INSTRUMENT_NAMES or not rest[:1].isdigit():
        return clause_id
    return f"Section {rest} of {INSTRUMENT_NAMES[instrument]}"


def prose(text: str) -> str:
    """A text written by the SQL models or the engine, with its ISO dates in words and its machine-written amounts
    formatted like `money` (`-135000000.00` → `(135,000,000.00)`, `1691666.6666666666` → `1,691,666.67`)."""
    text = _ISO_DATE.sub(_date_in_words, text)
    return _AMOUNT.sub(lambda m: money(m[1] + m[2]), text)


def _date_in_words(match: re.Match) -> str:
    try:
        return long_date(date(int(match[1]), int(match[2]), int(match[3])))
    except ValueError:  # not a calendar date: left as written
        return match[0]
