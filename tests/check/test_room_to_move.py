"""Room to move, confirmed by `covenants check`: a proposal of exactly the solved amount keeps its result, one cent more
flips it (docs/time-and-scenarios.md, "Room to move")."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from test_check import NOTES

from pipelines.cli import main
from pipelines.layout import SAMPLE_EXTRACTS_DIR

DIVIDEND = """
kind: restricted_payment
transaction_id: PROPOSED-ROOM-DIV
payer_entity_id: KACC
payment_kind: dividend
recipient_kind: kac
amount: "{amount}"
basket: 4.09(a)
"""


@pytest.fixture(scope="module")
def cache(prepared_cache) -> Path:
    """The module's cache folder, the sample's prepared database in it (tests/conftest.py)."""
    return prepared_cache


def results(cache: Path, tmp_path: Path, on: str, text: str) -> dict[str, dict]:
    transaction, out = tmp_path / "proposal.yaml", tmp_path / "out"
    transaction.write_text(text)
    args = ["check", "--extracts", str(SAMPLE_EXTRACTS_DIR), "--date", on, "--transaction", str(transaction), "--cache", str(cache), "--out", str(out)]
    assert main(args) == 0
    return {r["clause_id"]: r for r in json.loads((out / "results.json").read_text())}


def notes(amount: str, rate: str = "0.07250000", day_count: str = "actual/360") -> str:
    """test_check's new 4.10(a) notes, by default at the 4.10(b)(ii) revolver's own cost: LIBOR 5.75% + 1.50% = 7.25%,
    actual/360."""
    return NOTES.format(amount=amount).replace('fixed_rate: "0.10000000"', f'fixed_rate: "{rate}"').replace("day_count: 30/360", f"day_count: {day_count}")


def test_4_10_a_the_debt_that_can_still_be_incurred_at_the_revolver_rate_and_one_cent_more(cache, tmp_path):
    # Sample, 1997-11-14 (tests/check/test_check.py derives the figures): Consolidated Cash Flow Available for Fixed
    # Charges N = 318,444,594.97; forward Consolidated Fixed Charges x 26280 = 3,712,206,676,250 (the deemed 4.10(b)(ii)
    # draw included). A dollar of the deemed draw costs what the revolver costs, 7.25% actual/360 over the 365 days
    # 1997-10-01 to 1998-09-30: 0.0725 x 365 / 360 a year, x 26280 = 0.0725 x 365 x 73 = 1,931.7625.
    # "greater than 2.0": N x 26280 / (3,712,206,676,250 + 1,931.7625 D) > 2 while
    # D < (318,444,594.97 x 13140 - 3,712,206,676,250) / 1,931.7625 = 472,155,301,655.80 / 1,931.7625
    #   = 517,430,467,568 / 2,117 = 244,416,848.1662...
    # So 244,416,848.16 may be incurred, 244,416,848.17 may not. A proposal of 100,000,000.00 leaves room for
    # 244,416,848.1662... - 100,000,000 = 144,416,848.1662...: at most 144,416,848.16 more.
    first = results(cache, tmp_path, "1997-11-14", notes("100000000.00"))["indenture-1996/4.10(a)"]
    room = first["room_to_move"]
    # after it the ratio is 318,444,594.97 x 26280 / (3,712,206,676,250 + 193,176,250,000) = 2.1428...: within the
    # default cushion of 10% of 2.0 = 0.2 ratio points, so tight
    assert (first["status"], first["band"]) == ("pass", "tight")
    assert (room["direction"], room["strict"], room["holds_up_to"], room["flips_at"]) == ("rise", True, "144416848.16", "144416848.17")
    assert Fraction(room["change_exact"].replace(" ", "")) == Fraction(517430467568, 2117) - 100000000
    assert room["figure"] == "Indebtedness Incurred under 4.10(a) on the Transaction Date besides this Incurrence"
    # the flip: 100,000,000.00 + 144,416,848.16 passes with no room left but the fraction of a cent; a cent more fails
    largest = results(cache, tmp_path, "1997-11-14", notes("244416848.16"))["indenture-1996/4.10(a)"]
    assert (largest["status"], largest["band"], largest["room_to_move"]["holds_up_to"], largest["room_to_move"]["flips_at"]) == (
        "pass", "tight", "0.00", "0.01"
    )
    assert results(cache, tmp_path, "1997-11-14", notes("244416848.17"))["indenture-1996/4.10(a)"]["status"] == "fail"


def test_4_10_a_the_solution_at_another_rate_flips_where_the_closed_form_says(cache, tmp_path):
    # The same equation at 10% on 30/360 (a full year's interest, x 26280 = 2,628 a dollar):
    # D < 472,155,301,655.80 / 2,628 = 179,663,356.7944...: 179,663,356.79 passes, 179,663,356.80 fails.
    assert Fraction("472155301655.80") / 2628 == Fraction(32339404223, 180)
    passes = results(cache, tmp_path, "1997-11-14", notes("179663356.79", "0.10000000", "30/360"))
    fails = results(cache, tmp_path, "1997-11-14", notes("179663356.80", "0.10000000", "30/360"))
    assert (passes["indenture-1996/4.10(a)"]["status"], fails["indenture-1996/4.10(a)"]["status"]) == ("pass", "fail")


def test_4_09_the_restricted_payments_capacity_left_and_one_cent_more(cache, tmp_path):
    # 4.09(a)(C) on 1997-11-14: capacity 29,088,522.50 (to 1997 Q2, docs/restricted_payments.md), Used 10,000,000.00
    # (the 1997 dividends to KAC so far). A 5,000,000.00 dividend leaves 29,088,522.50 - 15,000,000.00 = 14,088,522.50
    # ("not exceed": up to and including it). So 19,088,522.50 can be paid; 19,088,522.51 cannot.
    first = results(cache, tmp_path, "1997-11-14", DIVIDEND.format(amount="5000000.00"))["indenture-1996/4.09(a)(C)"]
    room = first["room_to_move"]
    assert (room["figure"], room["direction"], room["strict"], room["change"], room["flips_at"]) == (
        "Used (x) + (y) + (z)", "rise", False, "14088522.50", "14088522.51"
    )
    assert first["band"] == "comfortable"  # 14,088,522.50 above 10% of 29,088,522.50
    full = results(cache, tmp_path, "1997-11-14", DIVIDEND.format(amount="19088522.50"))["indenture-1996/4.09(a)(C)"]
    assert (full["status"], full["headroom"], full["band"]) == ("pass", "0.00", "tight")
    over = results(cache, tmp_path, "1997-11-14", DIVIDEND.format(amount="19088522.51"))["indenture-1996/4.09(a)(C)"]
    assert (over["status"], over["band"], over["room_to_move"]["change"]) == ("fail", "breach", "0.01")
    assert Decimal(over["headroom"]) == Decimal("-0.01")
