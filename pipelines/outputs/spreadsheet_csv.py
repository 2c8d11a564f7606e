"""CSV files safe to open in a spreadsheet: every CSV the product writes goes through `write_csv`.

Text from the extracts (transaction ids, event ids, descriptions) reaches the CSV outputs as it was given. Excel,
LibreOffice and Google Sheets evaluate a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return as a
formula (OWASP "CSV injection"), so such a cell is written after an apostrophe, which they show as text and never
evaluate. A plain decimal number such as `-135000000.00` is not a formula and is written as it is, so exact amounts
stay numbers. The JSON outputs keep the raw values.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def inert(value: object) -> object:
    """The cell as a spreadsheet must show it: text that would start a formula is prefixed with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not PLAIN_DECIMAL.fullmatch(value):
        return "'" + value
    return value


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> Path:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([inert(name) for name in header])
        writer.writerows([inert(cell) for cell in row] for row in rows)
    return path
