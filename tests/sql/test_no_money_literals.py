"""Every amount an agreement fixes is a dated parameter (policies/<instrument>/parameters/), read in SQL through the
`parameter` macro: no SQL file writes one as a number.

The rule (docs/policies.md, "Amounts in SQL"): a money literal is a numeric literal in SQL code (not in a comment, a
string, or the precision and scale of a decimal type) that is 1,000 or more, or is written with two or more decimals.
None may stand in sql/ except
- zero in any form (0.00), a power of ten (a scale: cents, fixed-point shifts, the $1,000 denomination of the Notes),
- a whole number from 1990 to 2010 (a year, such as the Fiscal Years the Sixth Amendment names),
- the day-count constants in DAY_COUNT_CONSTANTS.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipelines.extracts.screen import SCREENS_DIR
from pipelines.layout import SQL_DIR

# 26280 = 360 x 73 = 365 x 72: interest on a 30/360 and on an actual/365 basis over one integer divisor; times 10^8
# and half of that, to round a number of 26280ths to the cent, half up
DAY_COUNT_CONSTANTS = {Decimal(26280), Decimal(2628000000000), Decimal(1314000000000)}

_CODE = re.compile(r"--[^\n]*|'(?:[^']|'')*'|\"[^\"]*\"|\b(?:decimal|numeric)\s*\([^)]*\)|(?<![\w.])(\d+(?:\.\d+)?)(?![\w.])", re.IGNORECASE)


def money_literals(sql: str) -> list[tuple[int, str]]:
    """The money literals of a SQL text, with their line numbers."""
    found = []
    for match in _CODE.finditer(sql):
        literal = match.group(1)
        if literal is None:  # a comment, a string or a decimal type's arguments
            continue
        value = Decimal(literal)
        decimals = len(literal.partition(".")[2])
        if value < 1000 and decimals < 2:
            continue
        if value == 0 or _power_of_ten(value) or (decimals == 0 and 1990 <= value <= 2010) or value in DAY_COUNT_CONSTANTS:
            continue
        found.append((sql.count("\n", 0, match.start()) + 1, literal))
    return found


def _power_of_ten(value: Decimal) -> bool:
    return value.normalize().as_tuple().digits == (1,)


def test_no_sql_file_writes_an_agreement_amount():
    # sql/screens/ is compiled from the extracts' Pandera models, whose bounds are rules of the data (a hundred years of
    # monthly rentals at most), not amounts of an agreement
    paths = [p for p in sorted(SQL_DIR.rglob("*.sql")) if p.parent != SCREENS_DIR]
    found = [f"{path.relative_to(SQL_DIR)}:{line}: {literal}" for path in paths for line, literal in money_literals(path.read_text())]
    assert found == [], "amounts to move into policies/<instrument>/parameters/ and read with parameter(...):\n" + "\n".join(found)


def test_the_rule_finds_amounts_and_passes_scales_years_and_text():
    sql = "\n".join([
        "-- not to exceed $75,000,000: a comment",  # line 1: comments are prose
        "select 75000000.00 as cap,",  # line 2: an amount, two decimals
        "    x > 25000000,",  # line 3: an amount, whole
        "    r >= 0.05,",  # line 4: a fraction written with two decimals
        "    'above $175,000,000' as label,",  # line 5: a string is text
        "    cast(y as decimal(38, 2)) * 0.01 * 1000 + 0.00,",  # line 6: a type, a scale, the denomination, zero
        "    year(d) between 2002 and 2004, n * 26280, 0.5",  # line 7: years, the day-count divisor, one decimal
    ])
    assert money_literals(sql) == [(2, "75000000.00"), (3, "25000000"), (4, "0.05")]
