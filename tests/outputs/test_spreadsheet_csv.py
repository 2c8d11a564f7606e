"""Every CSV the product writes is safe to open in a spreadsheet: text that would start a formula is shown as text,
and exact decimal numbers stay numbers."""

import csv

import pytest

from pipelines.outputs.spreadsheet_safety import inert, write_csv


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("https://evil.example","x")', '\'=HYPERLINK("https://evil.example","x")'),
        ("+1+1", "'+1+1"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("-", "'-"),
        ("-1e5", "'-1e5"),
    ],
)
def test_a_cell_that_would_start_a_formula_is_written_as_text(cell, written):
    assert inert(cell) == written


@pytest.mark.parametrize("cell", ["-135000000.00", "-0.150000", "-12", "2.450000", "INC-1997-11-TL", "a=b", "", " =1+1"])
def test_plain_decimals_and_ordinary_text_are_written_as_they_are(cell):
    assert inert(cell) == cell


@pytest.mark.parametrize("cell", [None, 12, True])
def test_values_that_are_not_text_are_left_to_the_csv_writer(cell):
    assert inert(cell) is cell


def test_write_csv_neutralises_every_cell_and_quotes_what_csv_must(tmp_path):
    path = write_csv(tmp_path / "x.csv", ["id", "amount"], [['=1+2,"x"', "-5.00"], ["@A1", None]])
    assert path.read_bytes() == b"id,amount\r\n\"'=1+2,\"\"x\"\"\",-5.00\r\n'@A1,\r\n"
    assert list(csv.reader(path.open(newline=""))) == [["id", "amount"], ["'=1+2,\"x\"", "-5.00"], ["'@A1", ""]]
