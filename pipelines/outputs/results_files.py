"""The public output, money as decimal strings: results.json (one full record per clause and test date), results.csv
(the same results in plain columns, with their fiscal quarter and room to move), result_inputs.csv (one row per result and input) and
result_limits.csv (one row per result and threshold, cap, credit or reduction it uses)."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from decimal import Decimal
from pathlib import Path

from pipelines.fiscal import FiscalQuarter
from pipelines.outputs.spreadsheet_safety import write_csv
from pipelines.policy.result import Result
from pipelines.policy.versions import version_line

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
    "cautions",
    "limits",
    "rules_applied",
    "band",
    "room_to_move",
    "room_to_move_reason",
)
NESTED = ("inputs", "limits", "room_to_move")  # in results.json only; the CSV files have them one per row or column
# results.csv has the room to move in plain columns (pipelines.policy.result.RoomToMove)
ROOM_FIELDS = ("figure", "clause_id", "direction", "unit", "change", "strict", "holds_up_to", "flips_at", "flips_to", "statement", "assumptions")
ROOM_COLUMNS = tuple(f"room_{name}" for name in ROOM_FIELDS)
CSV_FIELDS = ("fiscal_quarter", *(name for name in FIELDS if name not in NESTED), *ROOM_COLUMNS)
RESULT_KEY = ("fiscal_quarter", "clause_id", "test_date", "test_kind", "transaction_id")
INPUT_FIELDS = (*RESULT_KEY, "input", "value", "input_clause_id", "source")
LIMIT_FIELDS = (*RESULT_KEY, "kind", "name", "value", "limit_clause_id", "source", "applies_to", "period_start", "period_end")


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


def fiscal_quarter(test_date: str) -> str:
    return str(FiscalQuarter.containing(date.fromisoformat(test_date)))


def plain_row(rec: dict) -> dict:
    """A result record in plain columns: its fiscal quarter, lists as "; "-separated text, no inputs or limits."""
    row = {name: "; ".join(value) if isinstance(value, list) else value for name, value in rec.items() if name not in (*NESTED, "rules_applied")}
    if "rules_applied" in rec:  # one rule version after another, in words (the JSON keeps their fields)
        row["rules_applied"] = "; ".join(map(version_line, rec["rules_applied"]))
    room = rec["room_to_move"] or {}
    columns = {column: "; ".join(room[name]) if name == "assumptions" and room else room.get(name) for column, name in zip(ROOM_COLUMNS, ROOM_FIELDS)}
    return {"fiscal_quarter": fiscal_quarter(rec["test_date"]), **row, **columns}


def source_text(detail: dict) -> str:
    """What an input names beside its value and clause (the liens counted, the document attested, the exact fraction)."""
    return "; ".join(f"{key}: {'; '.join(map(str, value)) if isinstance(value, list) else value}" for key, value in detail.items())


def result_key(rec: dict) -> dict:
    """The columns that name a record's result in a long-form CSV (as in results.csv)."""
    return {"fiscal_quarter": fiscal_quarter(rec["test_date"]), **{key: rec[key] for key in RESULT_KEY[1:]}}


def limit_rows(rec: dict) -> list[dict]:
    """One row per limit of a result record: what it is, its value, the clause that sets it and its source."""
    return [{**result_key(rec), **{k: v for k, v in limit.items() if k != "clause_id"}, "limit_clause_id": limit["clause_id"]} for limit in rec["limits"]]


def input_rows(rec: dict) -> list[dict]:
    """One row per input of a result record: its value, the clause defining it and what it names as its source."""
    rows = []
    for name, given in rec["inputs"].items():
        detail = dict(given) if isinstance(given, dict) else {"value": given}
        rows.append(
            {
                **result_key(rec),
                "input": name,
                "value": detail.pop("value", None),
                "input_clause_id": detail.pop("clause_id", None),
                "source": source_text(detail),
            }
        )
    return rows


def write_rows(rows: list[dict], fields: tuple[str, ...], path: Path) -> Path:
    """Records as CSV: nested values as JSON text, every cell safe to open in a spreadsheet."""
    cells = ([json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v for v in (row[f] for f in fields)] for row in rows)
    return write_csv(path, fields, cells)


def write_json(records: list[dict], path: Path) -> Path:
    path.write_text(json.dumps(records, indent=2, ensure_ascii=False) + "\n")
    return path


def write_records(records: list[dict], fields: tuple[str, ...], out_dir: Path, stem: str) -> list[Path]:
    """`<stem>.json` and `<stem>.csv` in out_dir."""
    return [write_json(records, out_dir / f"{stem}.json"), write_rows(records, fields, out_dir / f"{stem}.csv")]


def write_results(results: list[Result], out_dir: Path) -> list[Path]:
    records = [record(r) for r in results]
    return [
        write_json(records, out_dir / "results.json"),
        write_rows([plain_row(rec) for rec in records], CSV_FIELDS, out_dir / "results.csv"),
        write_rows([row for rec in records for row in input_rows(rec)], INPUT_FIELDS, out_dir / "result_inputs.csv"),
        write_rows([row for rec in records for row in limit_rows(rec)], LIMIT_FIELDS, out_dir / "result_limits.csv"),
    ]
