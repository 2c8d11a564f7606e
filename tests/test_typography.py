"""pipelines.typography: how figures and dates read in text. Every expected string is written by hand."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from pipelines.typography import (
    actual_and_threshold,
    comparison,
    day_count,
    exact_amount,
    long_date,
    money,
    percent,
    prose,
    ratio,
    ratio_places,
    section,
)


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("-135000000.00", "(135,000,000.00)"),
        ("120000000", "120,000,000.00"),  # a whole amount gets its cents
        ("1691666.6666666666", "1,691,666.67"),  # rounded to the cent in text only
        (Decimal("0.005"), "0.00"),  # half to even
        ("1", "1"),  # a count stays a count
        ("1.00", "1"),  # even when the engine wrote it with cents
        ("45", "45"),
        ("0.00", "0"),
        ("12.5", "12.50"),
        (None, "—"),
    ],
)
def test_money(value, written):
    assert money(value) == written


def test_money_refuses_a_float():
    with pytest.raises(TypeError):
        money(1.5)


def test_percent_and_dates():
    assert percent(Decimal("25.00")) == "25.00%"
    assert percent(Decimal("-7.50")) == "(7.50%)"
    assert long_date(date(2000, 8, 7)) == "August 7, 2000"
    assert day_count(1) == "1 day" and day_count(12) == "12 days"


def test_ratio_at_the_places_of_the_clause():
    assert ratio(Fraction(7, 4), ratio_places(Fraction(7, 4), Decimal("2.0"))) == "1.8 to 1"
    # 2.04 would read 2.0, the threshold itself: one more place
    assert ratio_places(Fraction(204, 100), Decimal("2.0")) == 2
    assert ratio(Fraction(2), ratio_places(Fraction(2), Decimal("2.0"))) == "2.0 to 1"


def test_comparison_in_words():
    assert comparison("EBITDA for the 12 months", "(135,000,000.00)", ">=", "(123,000,000.00)", False) == (
        "EBITDA for the 12 months, (135,000,000.00), is not at least (123,000,000.00)."
    )
    assert comparison("Liens", "0", "<=", "0", True) == "Liens, 0, is at most 0."


def test_section():
    assert section("indenture-1996/4.14(c)") == "Section 4.14(c) of the Indenture"
    assert section("ppca-2002/9.2.4(a)") == "Section 9.2.4(a) of the Post-Petition Credit Agreement"
    assert section("ca-1994/9.2.11") == "Section 9.2.11 of the 1994 Credit Agreement"
    assert section("ppca-2002/def/BorrowingBase") == "ppca-2002/def/BorrowingBase"


def test_prose_formats_dates_and_amounts_and_leaves_ids_alone():
    assert prose("50000000.00 x 0.10875 x 112/360 = 1691666.6666666666") == "50,000,000.00 x 0.10875 x 112/360 = 1,691,666.67"
    assert prose("-135000000.00 >= -123000000.00, lapsed on 2003-06-29") == "(135,000,000.00) >= (123,000,000.00), lapsed on June 29, 2003"
    kept = "[Indenture § 4.10(a)] waiver-2003-03-24-minimum-ebitda, accession 0000950129-04-003359, case 02-10429, FY2003, 2003Q4"
    assert prose(kept) == kept
    assert prose("2003-02-30") == "2003-02-30"  # not a calendar date


def test_actual_and_threshold_for_a_table():
    assert actual_and_threshold(Decimal("1.756923"), Decimal("2.0")) == ("1.8 to 1", "2.0 to 1")
    assert actual_and_threshold(Decimal("-127541418.02"), Decimal("-127000000.00")) == ("(127,541,418.02)", "(127,000,000.00)")
    assert actual_and_threshold(None, Decimal("0")) == ("-", "0")


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (Decimal("6.0416666666"), "6.0416666666"),  # accrued interest to ten places: every digit kept, never rounded
        (Decimal("15121560.7812500000"), "15,121,560.78125"),  # trailing zeros past the last significant digit dropped
        (Decimal("1000.0000000"), "1,000.00"),  # but never fewer than the cents
        (Decimal("1036.25000"), "1,036.25"),
        (Decimal("0E-10"), "0.00"),
        (None, "—"),
    ],
)
def test_exact_amounts_keep_every_significant_digit(value, written):
    assert exact_amount(value) == written
