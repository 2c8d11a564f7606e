"""The public output: results.json and results.csv, one record per clause and test date, money as decimal strings."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from decimal import Decimal
from pathlib import Path

from pipelines.outputs.spreadsheet_csv import write_csv
from pipelines.policy.result import Result

FIELDS = (
    "clause_id",
    "instrument",
    "test_date",
    "test_kind",
    "transaction_id",
    "status",
    "status_before_waiver",
    "figure",
    "actual",
    "operator",
    "threshold",
    "headroom",
    "headroom_pct",
    "inputs",
    "citations",
    "amendments",
    "waiver_id",
    "determination_date",
    "explanation",
)


def plain(value: object) -> object:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def record(result: Result) -> dict:
    data = asdict(result)
    return {name: plain(data[name]) for name in FIELDS}


def write_records(records: list[dict], fields: tuple[str, ...], out_dir: Path, stem: str) -> list[Path]:
    """`<stem>.json` and `<stem>.csv` (nested values as JSON text, cells safe to open in a spreadsheet) in out_dir."""
    json_path, csv_path = out_dir / f"{stem}.json", out_dir / f"{stem}.csv"
    json_path.write_text(json.dumps(records, indent=2, ensure_ascii=False) + "\n")
    rows = ([rec[f] for f in fields] for rec in records)
    cells = ([json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v for v in row] for row in rows)
    return [json_path, write_csv(csv_path, fields, cells)]


def write_results(results: list[Result], out_dir: Path) -> list[Path]:
    return write_records([record(r) for r in results], FIELDS, out_dir, "results")
