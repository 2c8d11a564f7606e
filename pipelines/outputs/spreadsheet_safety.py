"""Text from the extracts (a transaction id, a description) must never become a formula in a spreadsheet.

Excel, LibreOffice and Google Sheets evaluate a CSV cell that starts with = + - @ (or a tab or carriage return) as a
formula (OWASP "CSV injection"); such a text cell is written with a leading apostrophe, which the programs show as
text and never evaluate. Every CSV the product writes goes through `write_csv`. A decimal number
("-127541418.02") is left as it is: it is a figure, not a formula. In the workbook a cell is typed as a string
instead (workbook.py), so its text stays verbatim.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def is_decimal_number(text: str) -> bool:
    """A plain decimal as the product writes amounts (`-127541418.02`): a figure, never a formula. Nothing else
    counts, not even `-1e5`, which some spreadsheets would read as a number and others as text."""
    return PLAIN_DECIMAL.fullmatch(text) is not None


def inert(value: object) -> object:
    """`value`, or a text that would start a formula with an apostrophe before it."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not is_decimal_number(value):
        return "'" + value
    return value


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> Path:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([inert(name) for name in header])
        writer.writerows([inert(cell) for cell in row] for row in rows)
    return path
