"""Every dated parameter read through `parameter(instrument, name, day)` on each side of the day each of its values
takes effect, against the literals of parameter_cases.yaml (each written by hand from the agreement's words beside it).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from raw_tables import rows

from pipelines.policy.strict_yaml import load as load_yaml  # libyaml, and a key written twice refused

CASES = load_yaml((Path(__file__).parent / "parameter_cases.yaml").read_text())
# (instrument, name, the entry's days and their values, its words)
ENTRIES = [
    (instrument, name, {d: v for d, v in entry.items() if isinstance(d, date)}, entry.get("words"))
    for instrument, parameters in CASES.items()
    for name, entries in parameters.items()
    for entry in entries
]


def _amounts(values: dict[date, str | None]) -> dict[date, Decimal | None]:
    # compared as numbers: the table's "1.00" is the file's "1.00000", its "50000000.00" a whole-dollar "50000000"
    return {d: None if v is None else Decimal(v) for d, v in values.items()}


@pytest.mark.parametrize(("instrument", "name", "days", "words"), ENTRIES, ids=[f"{i}/{n}@{max(d)}" for i, n, d, _ in ENTRIES])
def test_the_value_in_force_each_side_of_its_effective_date(con, instrument, name, days, words):
    got = rows(con, "select d, parameter(?, ?, d) as value from unnest(?::date[]) as t(d)", [instrument, name, list(days)])
    assert _amounts({r["d"]: r["value"] for r in got}) == _amounts(days), words


def test_each_dated_value_has_an_entry_on_its_day_and_the_day_before(con):
    loaded = {(r["instrument"], r["name"], r["effective_from"]) for r in rows(con, "select instrument, name, effective_from from policy_parameters")}
    cased = {(instrument, name, max(days)) for instrument, name, days, _ in ENTRIES}
    assert sorted(loaded - cased) == []  # a value without its entry
    assert sorted(cased - loaded) == []  # an entry for a value the policy files do not hold
    malformed = [
        (instrument, name, sorted(days))
        for instrument, name, days, words in ENTRIES
        # two consecutive days whose values differ (else a day moved is not seen), and the words they come from
        if len(days) != 2 or min(days) != max(days) - timedelta(days=1) or days[min(days)] == days[max(days)] or not words
    ]
    assert malformed == []
