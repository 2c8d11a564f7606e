"""The last element of every published sort key: the whole record as canonical text.

Results, ledger entries and deadlines are sorted first in the order a reader expects (date, clause, transaction...).
Two records that order does not tell apart (one incurrence tested against two limits of a clause, two obligations of
a clause due on one day) would otherwise keep the order in which the database or the extracts happened to yield them;
the record itself breaks the tie, so the same content gives the same bytes whatever the order of the input rows.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from itertools import groupby


def tie_breaker(record: Mapping) -> str:
    """Every field, keys sorted, decimals and dates as their exact text."""
    return json.dumps(record, sort_keys=True, default=str, ensure_ascii=False)


def in_total_order(items: Iterable, key: Callable, record: Callable[[object], Mapping] = lambda item: item) -> list:
    """`items` sorted by `key` then, where `key` ties, by `tie_breaker(record(item))`: the order of sorting by
    `(key, tie_breaker)`, without writing out as text the records `key` already tells apart (nearly all of them)."""
    ordered = []
    for _, tied in groupby(sorted(items, key=key), key=key):
        tied = list(tied)
        ordered += tied if len(tied) == 1 else sorted(tied, key=lambda item: tie_breaker(record(item)))
    return ordered
