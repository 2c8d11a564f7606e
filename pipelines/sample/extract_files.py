"""Writing an extract as CSV exactly as the contract asks: its columns in order, a header row, ISO dates, money with two
decimals, rates with eight, shares and quantities with six, booleans as true/false and empty optional values as ''."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

from pipelines.extracts.contract import Extract

PLACES = {"money": Decimal("0.01"), "rate": Decimal("0.00000001"), "pct": Decimal("0.000001"), "quantity": Decimal("0.000001")}


def cell(kind: str, value: object) -> str:
    if value is None or value == "":
        return ""
    if kind == "bool":
        assert isinstance(value, bool), value
        return "true" if value else "false"
    if kind == "date":
        assert isinstance(value, date), value
        return value.isoformat()
    if kind in PLACES:
        assert isinstance(value, Decimal), (kind, value)
        exact = value.quantize(PLACES[kind])
        if exact != value:
            raise ValueError(f"{value} has more decimal places than a {kind} allows")
        return f"{(exact if exact != 0 else abs(exact)):f}"
    return str(value)


def write(path: Path, extract: Extract, rows: list[dict[str, object]]) -> int:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow([c.name for c in extract.columns])
        for row in rows:
            writer.writerow([cell(c.kind, row.get(c.name)) for c in extract.columns])
    return len(rows)
