"""out/covenants.xlsx: the run's results for people who work in a spreadsheet.

Sheets: `Grid` (clauses × fiscal quarters: each cell shows the quarter's worst status, coloured, and its least headroom),
one sheet per instrument (every result), `Inputs` (one row per result and input, as result_inputs.csv), `Limits` (one
row per result and threshold, cap, credit or reduction, as result_limits.csv), `Basket ledger` and `Deadlines`; each
with a frozen header row and a filter.

Figures are numbers, so a reader can sort, filter and add them; the cell holds the Decimal's own digits (openpyxl would
write a number through a binary float: 9.95 became 9.949999999999999). A spreadsheet keeps 15 significant digits, every
amount below $10 trillion to the cent; a figure with more digits is written as text, with all of them. Text from the
extracts is typed as text, so a transaction id starting with "=" stays text and never becomes a formula.
The file's bytes depend only on its contents: the document's dates and the archive's timestamps are the run's as-of date.
"""

from __future__ import annotations

import io
import re
import textwrap
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from zipfile import ZIP_DEFLATED, ZIP_STORED, ZipFile, ZipInfo

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from pipelines.fiscal import FiscalQuarter
from pipelines.outputs.basket_ledger import MEASURE_WORDS
from pipelines.outputs.deadlines import Deadline
from pipelines.outputs.results_files import input_rows, limit_rows, plain
from pipelines.outputs.spreadsheet_safety import is_decimal_number
from pipelines.policy.loading import PolicySet
from pipelines.policy.result import Result

FILE_NAME = "covenants.xlsx"
MONEY = "#,##0.00;(#,##0.00)"
RATIO = '0.0#####" to 1";-0.0#####" to 1"'  # as the clauses state them: "greater than 2.0 to 1"
RATIO_DIFFERENCE = "0.0#####;(0.0#####)"
PERCENT = '0.00"%";(0.00"%")'  # headroom_pct is already a percentage: -109.27 is (109.27%)
DECIMAL = "#,##0.00####;(#,##0.00####)"  # an input: an amount, a ratio or a share, with its own decimals
DATE = "yyyy-mm-dd"
SPREADSHEET_DIGITS = 15

# the worst status first: a grid cell shows its quarter's worst result
STATUS_ORDER = ("fail", "indeterminate", "waived", "pass", "not_applicable")
STATUS_LABELS = {"not_applicable": "n/a"}
# (fill, font) of Excel's own Good / Bad / Neutral styles, so the colours read as a spreadsheet user expects
GOOD, BAD, NEUTRAL = ("C6EFCE", "006100"), ("FFC7CE", "9C0006"), ("FFEB9C", "9C5700")
UNKNOWN, QUIET = ("DDEBF7", "1F4E78"), ("EDEDED", "595959")
STATUS_COLOURS = {"pass": GOOD, "fail": BAD, "waived": NEUTRAL, "indeterminate": UNKNOWN, "not_applicable": QUIET}
BAND_COLOURS = {"comfortable": GOOD, "tight": NEUTRAL, "breach": BAD}
DEADLINE_COLOURS = {"met": GOOD, "missed": BAD, "due": NEUTRAL, "lapsed": QUIET, "indeterminate": UNKNOWN}
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
LINE_HEIGHT, MAX_ROW_HEIGHT, CHARACTERS_PER_WIDTH = 15, 409, 1.15  # points; a spreadsheet's tallest row
TOP, WRAP, RIGHT = Alignment(vertical="top"), Alignment(vertical="top", wrap_text=True), Alignment(horizontal="right", vertical="top")
FONT = "Calibri"  # the workbook's default; a Font without a name is shown in the program's own serif font


@dataclass(frozen=True)
class Column:
    title: str
    width: int
    number_format: str | None = None
    wrap: bool = False  # long text: wrapped within the column, not spilling over the next ones (nor off a printed page)


def _escaped(match: re.Match) -> str:
    return f"\\x{ord(match.group()):02x}"


def put(cell: Cell, value: object, number_format: str | None = None) -> None:
    """`value` into `cell`: a Decimal as a number with its own digits, a date as a date, anything else as text."""
    if value is None:
        return
    if isinstance(value, Decimal) and len(value.normalize().as_tuple().digits) <= SPREADSHEET_DIGITS:
        cell.value = value
        cell._value = format(value, "f")  # written as these digits, not as "%.16g" of a float
        cell.number_format = number_format or DECIMAL
    elif isinstance(value, date):
        cell.value = value
        cell.number_format = DATE
    else:
        # a control character cannot be stored in a sheet; it is shown escaped
        cell.value = ILLEGAL_CHARACTERS_RE.sub(_escaped, format(value, "f") if isinstance(value, Decimal) else str(value))
        cell.data_type = "s"  # never a formula or an error code, whatever the text starts with


def wrapped_lines(text: str, width: int) -> int:
    """About how many lines `text` takes wrapped in a column `width` characters wide (text runs narrower than digits)."""
    per_line = max(1, int(width * CHARACTERS_PER_WIDTH))
    return sum(len(textwrap.wrap(line, per_line)) or 1 for line in text.splitlines() or [""])


def colour(cell: Cell, colours: tuple[str, str] | None) -> None:
    if colours:
        fill, font = colours
        cell.fill = PatternFill("solid", fgColor=fill)
        cell.font = Font(name=FONT, size=11, color=font)


def table(sheet: Worksheet, columns: Sequence[Column], rows: Iterable[Sequence[object]], frozen_columns: int = 0) -> None:
    """A header row, then `rows`; the header and the first `frozen_columns` frozen, a filter over all of it."""
    for index, column in enumerate(columns, start=1):
        header = sheet.cell(row=1, column=index)
        put(header, column.title)
        header.font, header.fill, header.alignment = Font(name=FONT, size=11, bold=True), HEADER_FILL, WRAP
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.row_dimensions[1].height = LINE_HEIGHT * max(wrapped_lines(c.title, c.width) for c in columns)
    for row_index, values in enumerate(rows, start=2):
        lines = 1
        for index, (column, value) in enumerate(zip(columns, values), start=1):
            cell = sheet.cell(row=row_index, column=index)
            put(cell, value, column.number_format)
            cell.alignment = WRAP if column.wrap else TOP
            if column.wrap and value:
                lines = max(lines, wrapped_lines(str(value), column.width))
        if lines > 1:  # spreadsheet programs do not fit a row's height to wrapped text they did not lay out themselves
            sheet.row_dimensions[row_index].height = min(LINE_HEIGHT * lines, MAX_ROW_HEIGHT)
    sheet.freeze_panes = sheet.cell(row=2, column=frozen_columns + 1).coordinate
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(sheet.max_row, 1)}"
    # printed: landscape, one page wide, the header row on every page
    sheet.page_setup.orientation = "landscape"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.print_title_rows = "1:1"


def as_decimal(text: object) -> object:
    """A decimal string from a record as a Decimal (so it is written as a number); anything else unchanged."""
    return Decimal(text) if isinstance(text, str) and is_decimal_number(text) else text


def ratio_clauses(policies: PolicySet) -> frozenset[str]:
    return frozenset(c.clause_id for c in policies.covenants if c.figure.form == "ratio")


def grid_format(status: str, ratio: bool) -> str:
    """The status in words before the headroom: "fail (541,418.02)"."""
    label = STATUS_LABELS.get(status, status)
    number = "0.0#####" if ratio else "#,##0.00"
    return f'"{label} "{number};"{label} "({number})'


def governing(results: list[Result]) -> Result:
    """The result a grid cell shows: the worst status, and of those the least headroom."""
    return min(results, key=lambda r: (STATUS_ORDER.index(r.status), r.headroom is None, r.headroom or 0))


def grid_sheet(sheet: Worksheet, results: list[Result], titles: dict[str, str], ratios: frozenset[str]) -> None:
    cells: dict[tuple[str, str], dict[FiscalQuarter, list[Result]]] = {}
    for result in results:
        cells.setdefault((result.instrument, result.clause_id), {}).setdefault(FiscalQuarter.containing(result.test_date), []).append(result)
    quarters = sorted({q for by_quarter in cells.values() for q in by_quarter})
    columns = [Column("Instrument", 16), Column("Clause", 34), Column("Title", 60, wrap=True), *(Column(str(q), 22) for q in quarters)]
    clauses = sorted(cells)
    table(sheet, columns, ([instrument, clause, titles.get(clause)] for instrument, clause in clauses), frozen_columns=3)
    for row, key in enumerate(clauses, start=2):
        for column, quarter in enumerate(quarters, start=4):
            if quarter not in cells[key]:
                continue  # not tested that quarter: left blank
            shown, cell = governing(cells[key][quarter]), sheet.cell(row=row, column=column)
            if shown.headroom is None:
                put(cell, STATUS_LABELS.get(shown.status, shown.status))
            else:
                put(cell, shown.headroom, grid_format(shown.status, key[1] in ratios))
            colour(cell, STATUS_COLOURS[shown.status])
            cell.alignment = RIGHT  # a status alone lines up with the statuses before a headroom


RESULT_COLUMNS = (
    Column("Fiscal quarter", 10),
    Column("Test date", 12),
    Column("Clause", 34),
    Column("Test", 12),
    Column("Transaction", 24),
    Column("Status", 14),
    Column("Status before waiver", 14),
    Column("Figure", 40, wrap=True),
    Column("Actual", 20),
    Column("Operator", 10),
    Column("Threshold", 20),
    Column("Headroom", 20),
    Column("Headroom %", 12, PERCENT),
    Column("Waiver", 40),
    Column("Determined on", 12),
    Column("Explanation", 100, wrap=True),
    Column("Band", 12),
    Column("Room to move", 80, wrap=True),
    Column("Holds up to", 20),
    Column("Flips at", 20),
)
BAND_COLUMN = 17


def instrument_sheet(sheet: Worksheet, results: list[Result], ratios: frozenset[str]) -> None:
    ordered = sorted(results, key=lambda r: (r.test_date, r.clause_id, r.transaction_id or "", r.test_kind))
    table(
        sheet,
        RESULT_COLUMNS,
        (
            [str(FiscalQuarter.containing(r.test_date)), r.test_date, r.clause_id, r.test_kind, r.transaction_id, r.status,
             r.status_before_waiver, r.figure, r.actual, r.operator, r.threshold, r.headroom, r.headroom_pct, r.waiver_id,
             r.determination_date, r.explanation, r.band, *_room_cells(r)]
            for r in ordered
        ),
        frozen_columns=3,
    )
    for row, result in enumerate(ordered, start=2):
        ratio = result.clause_id in ratios
        for column, number_format in ((9, RATIO if ratio else MONEY), (11, RATIO if ratio else MONEY), (12, RATIO_DIFFERENCE if ratio else MONEY)):
            sheet.cell(row=row, column=column).number_format = number_format
        colour(sheet.cell(row=row, column=6), STATUS_COLOURS[result.status])
        colour(sheet.cell(row=row, column=BAND_COLUMN), BAND_COLOURS.get(result.band))
        if result.room_to_move is not None:
            days = result.room_to_move.unit == "days"
            for column in (BAND_COLUMN + 2, BAND_COLUMN + 3):
                sheet.cell(row=row, column=column).number_format = "0" if days else MONEY


def _room_cells(result: Result) -> list[object]:
    """The room to move in words (or why there is none), the largest move that keeps the status and the least that flips it."""
    room = result.room_to_move
    if room is None:
        return [result.room_to_move_reason, None, None]
    return [room.statement, room.holds_up_to, room.flips_at]


RESULT_KEY_COLUMNS = (
    Column("Fiscal quarter", 10),
    Column("Clause", 34),
    Column("Test date", 12),
    Column("Test", 12),
    Column("Transaction", 24),
)
INPUT_COLUMNS = (
    Column("Input", 44),
    Column("Value", 20, DECIMAL),
    Column("Defined in", 44),
    Column("Source", 60, wrap=True),
)
LIMIT_COLUMNS = (
    Column("Kind", 12),
    Column("Name", 50, wrap=True),
    Column("Value", 20, DECIMAL),
    Column("Set by", 44),
    Column("Source", 60, wrap=True),
    Column("Applies to", 30),
    Column("Period from", 12),
    Column("Period to", 12),
)


def key_fields(result: Result) -> dict:
    # the record's key fields only: record() would copy every result whole
    return {**{k: getattr(result, k) for k in ("clause_id", "test_kind", "transaction_id")}, "test_date": result.test_date.isoformat()}


def per_result_sheet(sheet: Worksheet, columns: Sequence[Column], rows: Iterable[dict], cells: Callable[[dict], list]) -> None:
    """One row per result and item (an input, a limit): the result's key columns, then the item's `cells`."""
    table(
        sheet,
        (*RESULT_KEY_COLUMNS, *columns),
        ([r["fiscal_quarter"], r["clause_id"], date.fromisoformat(r["test_date"]), r["test_kind"], r["transaction_id"], *cells(r)] for r in rows),
        frozen_columns=3,
    )


def inputs_sheet(sheet: Worksheet, results: list[Result]) -> None:
    rows = (row for r in results for row in input_rows({**key_fields(r), "inputs": r.inputs}))
    per_result_sheet(sheet, INPUT_COLUMNS, rows, lambda r: [r["input"], as_decimal(r["value"]), r["input_clause_id"], r["source"]])


def limits_sheet(sheet: Worksheet, results: list[Result]) -> None:
    rows = (row for r in results for row in limit_rows({**key_fields(r), "limits": plain([vars(limit) for limit in r.limits])}))
    per_result_sheet(
        sheet,
        LIMIT_COLUMNS,
        rows,
        lambda r: [r["kind"], r["name"], as_decimal(r["value"]), r["limit_clause_id"], r["source"], r["applies_to"],
                   *(date.fromisoformat(r[k]) if r[k] else None for k in ("period_start", "period_end"))],
    )


def inputs_text(inputs: dict) -> str:
    """A ledger entry's inputs in one cell: "cap: 200000000; capacity_from: 1997-10-20"."""
    def shown(value: object) -> object:
        return value.get("value") if isinstance(value, dict) else value

    return "; ".join(f"{name}: {shown(value)}" for name, value in inputs.items())


LEDGER_COLUMNS = (
    Column("Clause", 34),
    Column("Basket", 40),
    Column("Measure", 26),
    Column("Entry date", 12),
    Column("Transaction", 24),
    Column("Description", 60, wrap=True),
    Column("Amount", 20, MONEY),
    Column("Usage after", 20, MONEY),
    Column("Capacity", 20, MONEY),
    Column("Remaining", 20, MONEY),
    Column("Inputs", 60, wrap=True),
)


def ledger_sheet(sheet: Worksheet, ledger: list[dict]) -> None:
    table(
        sheet,
        LEDGER_COLUMNS,
        (
            [e["clause_id"], e["basket"], MEASURE_WORDS[e["measure"]], e["entry_date"], e["transaction_id"], e["description"], e["amount"],
             e["usage_after"], e["capacity"], e["remaining"], inputs_text(e["inputs"])]
            for e in ledger
        ),
        frozen_columns=2,
    )


DEADLINE_COLUMNS = (
    Column("Status", 14),
    Column("Due", 12),
    Column("Clause", 30),
    Column("Obligation", 70, wrap=True),
    Column("Reference", 24),
    Column("Triggered", 12),
    Column("Trigger quarter", 10),
    Column("Due as the rule says", 12),
    Column("Business Day convention", 14),
    Column("Rule", 70, wrap=True),
    Column("Completed on", 12),
    Column("Missing inputs", 70, wrap=True),
)


def deadlines_sheet(sheet: Worksheet, deadlines: list[Deadline]) -> None:
    table(
        sheet,
        DEADLINE_COLUMNS,
        (
            [d.status, d.adjusted_due_date, d.clause_id, d.obligation, d.reference_id, d.trigger_date, d.trigger_quarter, d.due_date,
             d.business_day_convention, d.rule, d.completed_on, "; ".join(d.missing_inputs)]
            for d in deadlines
        ),
        frozen_columns=2,
    )
    for row, deadline in enumerate(deadlines, start=2):
        colour(sheet.cell(row=row, column=1), DEADLINE_COLOURS.get(deadline.status))


def save(workbook: Workbook, path: Path, as_of: date) -> None:
    """The workbook with the as-of date as its document dates and as every archive member's timestamp."""
    stamp = datetime.combine(as_of, time())
    workbook.properties.created = workbook.properties.modified = stamp
    buffer = io.BytesIO()
    # save_workbook() would stamp the clock's time; the members are compressed once, below, as they are stamped again
    ExcelWriter(workbook, ZipFile(buffer, "w", ZIP_STORED)).save()
    zip_time = (max(as_of.year, 1980), as_of.month, as_of.day, 0, 0, 0)  # a zip archive cannot hold a date before 1980
    with ZipFile(buffer) as written, ZipFile(path, "w", ZIP_DEFLATED) as archive:
        for member in written.infolist():
            archive.writestr(ZipInfo(member.filename, date_time=zip_time), written.read(member), compress_type=ZIP_DEFLATED)


def write_workbook(
    results: list[Result],
    ledger: list[dict],
    deadlines: list[Deadline],
    policies: PolicySet,
    out_dir: Path,
    as_of: date,
    banner: str | None = None,
) -> Path:
    """`covenants.xlsx` in out_dir from a run's results, basket ledger (as basket_ledger() gives it) and deadlines.
    `banner`: a scenario's "Scenario: NAME. Not for delivery", which then heads the title and a first sheet of its own."""
    ratios = ratio_clauses(policies)
    workbook = Workbook()
    workbook.properties.creator = "covenants"
    workbook.properties.title = f"Covenant compliance as of {as_of.isoformat()}"
    if banner:
        workbook.properties.title = f"{banner}. {workbook.properties.title}"
    grid = workbook.active
    grid.title = "Grid"
    grid_sheet(grid, results, {c.clause_id: c.title for c in policies.covenants}, ratios)
    for instrument in (i.instrument for i in policies.instruments):
        mine = [r for r in results if r.instrument == instrument]
        if mine:
            instrument_sheet(workbook.create_sheet(instrument), mine, ratios)
    inputs_sheet(workbook.create_sheet("Inputs"), results)
    limits_sheet(workbook.create_sheet("Limits"), results)
    ledger_sheet(workbook.create_sheet("Basket ledger"), ledger)
    deadlines_sheet(workbook.create_sheet("Deadlines"), deadlines)
    if banner:
        marked = workbook.create_sheet("Scenario", 0)
        marked["A1"] = f"{banner}."
        marked["A1"].font = Font(bold=True, color="B00000", size=14)
        workbook.active = 0
    path = out_dir / FILE_NAME
    save(workbook, path, as_of)
    return path
