"""covenants.xlsx, opened as a reader would: the grid of clauses × quarters, a sheet per instrument, the inputs, the
basket ledger and the deadlines; exact figures, formats, colours, frozen headers and filters; text never a formula."""

import re
import zipfile
from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from pipelines.outputs.workbook import write_workbook
from pipelines.policy.loading import load_policies

AS_OF = date(2003, 12, 31)
MONEY = "#,##0.00;(#,##0.00)"


@pytest.fixture(scope="module")
def policies():
    return load_policies()


@pytest.fixture
def path(results, ledger, deadlines, policies, tmp_path):
    return write_workbook(results, ledger, deadlines, policies, tmp_path, AS_OF)


@pytest.fixture
def book(path):
    return load_workbook(path)


def cells(sheet, row):
    return [c.value for c in sheet[row]]


def fill(cell):
    return cell.fill.fgColor.rgb


def test_sheets(book, path):
    assert path.name == "covenants.xlsx"
    assert book.sheetnames == ["Grid", "indenture-1996", "ppca-2002", "Inputs", "Limits", "Basket ledger", "Deadlines"]


def test_grid_of_clauses_by_quarter_shows_the_worst_status_and_its_headroom(book):
    grid = book["Grid"]
    assert cells(grid, 1) == ["Instrument", "Clause", "Title", "2003Q4", "2004Q1"]
    assert [cells(grid, row)[:2] for row in range(2, 6)] == [
        ["indenture-1996", "indenture-1996/4.10(a)"],
        ["ppca-2002", "ppca-2002/9.2.4(a)"],
        ["ppca-2002", "ppca-2002/9.2.4(b)"],
        ["ppca-2002", "ppca-2002/def/BorrowingBase"],
    ]
    assert grid["C4"].value == "Minimum EBITDA, monthly test after a Trigger Event (Section 9.2.4 as replaced by the Sixth Amendment)"
    # 9.2.4(b) in 2003Q4: October passed, November failed, December not applicable: the quarter shows November's failure
    assert (grid["D4"].value, grid["D4"].number_format, fill(grid["D4"])) == (
        -541418.02, '"fail "#,##0.00;"fail "(#,##0.00)', "00FFC7CE",
    )
    assert grid["D4"].font.color.rgb == "009C0006"
    assert (grid["D3"].value, grid["D3"].number_format, fill(grid["D3"])) == (
        -12000000, '"waived "#,##0.00;"waived "(#,##0.00)', "00FFEB9C",
    )
    assert (grid["E3"].value, grid["E3"].number_format, fill(grid["E3"])) == (1000000, '"pass "#,##0.00;"pass "(#,##0.00)', "00C6EFCE")
    # a ratio's headroom in the ratio's own terms
    assert (grid["D2"].value, grid["D2"].number_format) == (-2.156174, '"fail "0.0#####;"fail "(0.0#####)')
    # no headroom: the status in words; not tested in the quarter: blank
    assert (grid["D5"].value, fill(grid["D5"])) == ("indeterminate", "00DDEBF7")
    assert grid["E2"].value is None and grid["E4"].value is None


def test_frozen_headers_and_filters(book):
    frozen = {name: book[name].freeze_panes for name in book.sheetnames}
    assert frozen == {"Grid": "D2", "indenture-1996": "D2", "ppca-2002": "D2", "Inputs": "D2", "Limits": "D2", "Basket ledger": "C2", "Deadlines": "C2"}
    filters = {name: book[name].auto_filter.ref for name in book.sheetnames}
    assert filters == {
        "Grid": "A1:E5", "indenture-1996": "A1:T2", "ppca-2002": "A1:T7", "Inputs": "A1:I5", "Limits": "A1:M6", "Basket ledger": "A1:K2", "Deadlines": "A1:L5",
    }


def test_instrument_sheet_has_every_result_with_its_figures_formatted(book):
    ppca = book["ppca-2002"]
    assert cells(ppca, 1) == [
        "Fiscal quarter", "Test date", "Clause", "Test", "Transaction", "Status", "Status before waiver", "Figure", "Actual",
        "Operator", "Threshold", "Headroom", "Headroom %", "Waiver", "Determined on", "Explanation",
        "Band", "Room to move", "Holds up to", "Flips at",
    ]
    # in date order: 10-31, 11-30, then on 12-31 9.2.4(a), 9.2.4(b), BorrowingBase, then 2004-03-31
    assert [(ppca.cell(row, 2).value, ppca.cell(row, 3).value) for row in range(2, 8)] == [
        (datetime(2003, 10, 31), "ppca-2002/9.2.4(b)"),
        (datetime(2003, 11, 30), "ppca-2002/9.2.4(b)"),
        (datetime(2003, 12, 31), "ppca-2002/9.2.4(a)"),
        (datetime(2003, 12, 31), "ppca-2002/9.2.4(b)"),
        (datetime(2003, 12, 31), "ppca-2002/def/BorrowingBase"),
        (datetime(2004, 3, 31), "ppca-2002/9.2.4(a)"),
    ]
    november = cells(ppca, 3)
    assert november[:8] == ["2003Q4", datetime(2003, 11, 30), "ppca-2002/9.2.4(b)", "maintenance", None, "fail", None, "EBITDA for the 12 months"]
    assert november[8:12] == [-127541418.02, ">=", -127000000, -541418.02]
    assert [ppca.cell(3, column).number_format for column in (2, 9, 11, 12)] == ["yyyy-mm-dd", MONEY, MONEY, MONEY]
    assert fill(ppca["F3"]) == "00FFC7CE"
    waived = cells(ppca, 4)
    assert (waived[5], waived[6], waived[12], waived[13]) == ("waived", "fail", -9.76, "ppca-2002/waiver-2004-03-29-minimum-ebitda")
    assert ppca["M4"].number_format == '0.00"%";(0.00"%")'
    # the band in its colour (breach red, tight amber), the room to move in words and its flip points as money
    assert (november[16], november[18], november[19]) == ("breach", 541418.01, 541418.02)
    assert november[17].startswith("EBITDA for the 12 months would have to rise by at least 541,418.02")
    assert (fill(ppca["Q3"]), ppca["S3"].number_format) == ("00FFC7CE", MONEY)
    march = cells(ppca, 7)
    assert (march[16], march[18], march[19], fill(ppca["Q7"])) == ("tight", 1000000, 1000000.01, "00FFEB9C")


def test_a_ratio_is_shown_as_the_clause_states_it(book):
    indenture = book["indenture-1996"]
    assert [indenture.cell(2, column).value for column in (9, 10, 11, 12)] == [-0.156174, ">", 2, -2.156174]
    assert [indenture.cell(2, column).number_format for column in (9, 11, 12)] == [
        '0.0#####" to 1";-0.0#####" to 1"', '0.0#####" to 1";-0.0#####" to 1"', "0.0#####;(0.0#####)",
    ]


def sheet_xml(path, index):
    with zipfile.ZipFile(path) as archive:
        return archive.read(f"xl/worksheets/sheet{index}.xml").decode()


def test_money_is_written_with_the_decimals_own_digits(path):
    # through a binary float, -787785491804.57 would be written -787785491804.5699 and 9.95 as 9.949999999999999
    ppca = sheet_xml(path, 3)
    assert '<c r="I4" s="' in ppca and re.search(r'<c r="I4" s="\d+" t="n"><v>-787785491804.57</v></c>', ppca)
    assert re.search(r'<c r="D4" s="\d+" t="n"><v>-541418.02</v></c>', sheet_xml(path, 1))
    assert re.search(r'<c r="G3" s="\d+" t="n"><v>9.95</v></c>', sheet_xml(path, 4))


def test_a_figure_with_more_digits_than_a_spreadsheet_keeps_is_text(book):
    inputs = book["Inputs"]
    assert cells(inputs, 4)[5:] == ["liens_counted", "12345678901234567.89", "indenture-1996/4.11(b)(i)", "liens: L-1 100.00; L-2 200.00"]
    assert inputs["G4"].data_type == "s"


def test_inputs_sheet(book):
    inputs = book["Inputs"]
    assert cells(inputs, 1) == ["Fiscal quarter", "Clause", "Test date", "Test", "Transaction", "Input", "Value", "Defined in", "Source"]
    assert cells(inputs, 2) == ["2003Q4", "ppca-2002/9.2.4(b)", datetime(2003, 11, 30), "maintenance", None, "ebitda", -127541418.02, "ppca-2002/def/EBITDA", None]
    assert cells(inputs, 5)[5:8] == ["appraisal", None, "ppca-2002/def/BorrowingBase"]


def test_limits_sheet(book):
    limits = book["Limits"]
    assert cells(limits, 1) == [
        "Fiscal quarter", "Clause", "Test date", "Test", "Transaction", "Kind", "Name", "Value", "Set by", "Source", "Applies to",
        "Period from", "Period to",
    ]
    # the 9.2.4(a) threshold of 2003-12-31 and what makes it: (92,000,000) - 21,000,000 - 10,000,000 = (123,000,000)
    assert [cells(limits, row)[5:8] for row in range(2, 7)] == [
        ["threshold", "threshold for EBITDA for the 4 Fiscal Quarters", -123000000],
        ["base", "threshold before reductions", -92000000],
        ["reduction", "VALCO shortfall reduction", 21000000],
        ["credit", "VALCO shortfall credit", 12000000],
        ["reduction", "natural gas price reduction", 10000000],
    ]
    assert cells(limits, 5)[9:] == ["=valco_ebitda for 2003-10-31, 2003-11-30, 2003-12-31", "valco_shortfall_reduction", datetime(2003, 10, 1), datetime(2003, 12, 31)]
    assert limits["J5"].data_type == "s"  # a source starting with "=" stays text


def test_text_from_the_data_is_never_a_formula(book, path):
    transaction = book["indenture-1996"]["E2"]
    assert (transaction.value, transaction.data_type) == ('=HYPERLINK("http://example.invalid/","click")', "s")
    assert book["indenture-1996"]["P2"].value == "+1 as the ratio is below 2.0 to 1"
    assert book["Basket ledger"]["F2"].value == "@SUM(A1:A9) draw\\x07"  # a control character cannot be stored: escaped
    for index in range(1, 8):
        assert "<f>" not in sheet_xml(path, index)


def test_basket_ledger_sheet(book):
    ledger = book["Basket ledger"]
    assert cells(ledger, 1) == [
        "Clause", "Basket", "Measure", "Entry date", "Transaction", "Description", "Amount", "Usage after", "Capacity", "Remaining", "Inputs",
    ]
    assert cells(ledger, 2)[6:] == [6000000, 26000000, 25000000, -1000000, "cap: 25000000; ownership: 0.90"]
    assert ledger["J2"].number_format == MONEY


def test_deadlines_sheet(book):
    sheet = book["Deadlines"]
    assert cells(sheet, 1)[:4] == ["Status", "Due", "Clause", "Obligation"]
    assert [(sheet.cell(row, 1).value, sheet.cell(row, 2).value, sheet.cell(row, 5).value) for row in range(2, 6)] == [
        ("missed", datetime(2002, 4, 30), "FY2001"),
        ("indeterminate", None, "FY2003-half"),
        ("indeterminate", None, "never-triggered"),
        ("upcoming", datetime(2004, 4, 30), "FY2003"),
    ]
    assert [sheet.cell(row, 7).value for row in range(2, 6)] == ["2001Q4", "2003Q2", None, "2003Q4"]  # the trigger quarter
    assert sheet["L3"].value == "the date the Board approved the accounts"
    assert [fill(sheet.cell(row, 1)) for row in (2, 3)] == ["00FFC7CE", "00DDEBF7"]


def test_same_inputs_give_the_same_bytes_dated_by_the_as_of_date(results, ledger, deadlines, policies, path, tmp_path):
    (tmp_path / "again").mkdir()
    again = write_workbook(results, ledger, deadlines, policies, tmp_path / "again", AS_OF)
    assert again.read_bytes() == path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        assert {member.date_time for member in archive.infolist()} == {(2003, 12, 31, 0, 0, 0)}
    properties = load_workbook(path).properties
    assert (properties.created, properties.modified, properties.creator) == (datetime(2003, 12, 31), datetime(2003, 12, 31), "covenants")


def test_exact_values_read_back_as_the_same_decimals(book):
    # every amount below $10 trillion survives the spreadsheet's 15 digits: its shortest repr is the decimal written
    assert Decimal(repr(book["ppca-2002"]["I4"].value)) == Decimal("-787785491804.57")


def test_long_text_wraps_and_a_sheet_prints_landscape_one_page_wide(book):
    ppca = book["ppca-2002"]
    assert ppca["P2"].alignment.wrap_text and not ppca["C2"].alignment.wrap_text
    assert (ppca.page_setup.orientation, ppca.page_setup.fitToWidth, ppca.page_setup.fitToHeight) == ("landscape", 1, 0)
    assert ppca.sheet_properties.pageSetUpPr.fitToPage and ppca.print_title_rows == "$1:$1"
    # "Status before waiver" takes two lines in its column of 14: the header row is two lines high
    assert ppca.row_dimensions[1].height == 30
