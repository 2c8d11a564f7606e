"""The last element of every published sort key: the whole record as canonical text.

Results, ledger entries and deadlines are sorted first in the order a reader expects (date, clause, transaction...).
Two records that order does not tell apart (one incurrence tested against two limits of a clause, two obligations of
a clause due on one day) would otherwise keep the order in which the database or the extracts happened to yield them;
the record itself breaks the tie, so the same content gives the same bytes whatever the order of the input rows.
"""

from __future__ import annotations

import json
from collections.abc import Mapping


def tie_breaker(record: Mapping) -> str:
    """Every field, keys sorted, decimals and dates as their exact text."""
    return json.dumps(record, sort_keys=True, default=str, ensure_ascii=False)
