"""Text from the extracts (a transaction id, a description) must never become a formula in a spreadsheet.

A spreadsheet program opening a CSV evaluates a cell that starts with = + - @ (or a tab or carriage return) as a
formula; such a text cell is written with a leading apostrophe, which the programs show as text. A decimal number
("-127541418.02") is left as it is: it is a figure, not a formula. In the workbook a cell is typed as a string
instead (workbook.py), so its text stays verbatim.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_decimal_number(text: str) -> bool:
    if text != text.strip():  # Decimal() ignores surrounding whitespace; a spreadsheet does not
        return False
    try:
        return Decimal(text).is_finite()
    except InvalidOperation:
        return False


def csv_cell(value: object) -> object:
    """`value`, or a text that would start a formula with an apostrophe before it."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not is_decimal_number(value):
        return "'" + value
    return value
