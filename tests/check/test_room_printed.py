"""The room to move as `covenants check` and `covenants explain` print it: in the run summary's words (the band as a
reader meets it, money with separators, percentages), for a result with room, a breach, and a result that cannot be
determined (which has none). Every figure is derived by hand beside its assertion (docs/time-and-scenarios.md, "Room
to move", and tests/check/test_room_to_move.py derive the same ones)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_room_to_move import DIVIDEND

from pipelines.cli import main
from pipelines.layout import ROOT, SAMPLE_EXTRACTS_DIR

NOTES = ROOT / "sample" / "transactions" / "notes-1997-11.yaml"


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cache")


def check(cache: Path, transaction: Path, capsys, out: Path | None = None) -> list[str]:
    args = ["check", "--extracts", str(SAMPLE_EXTRACTS_DIR), "--date", "1997-11-14", "--transaction", str(transaction), "--cache", str(cache)]
    assert main(args + (["--out", str(out)] if out else [])) == 0
    return capsys.readouterr().out.splitlines()


def section(lines: list[str], title: str) -> list[str]:
    """The lines under `title`, to the next blank line."""
    start = lines.index(title) + 1
    return lines[start:lines.index("", start)]


def explain(cache: Path, clause: str, on: str, capsys) -> list[str]:
    assert main(["explain", clause, "--date", on, "--cache", str(cache)]) == 0
    return capsys.readouterr().out.splitlines()


def test_check_prints_the_room_left_after_the_sample_notes(cache, capsys):
    # The sample's 100,000,000.00 of 10% 30/360 notes on 1997-11-14. Consolidated Cash Flow Available for Fixed Charges
    # N = 318,444,594.97; forward Consolidated Fixed Charges x 26280 = 3,712,206,676,250 with the deemed 4.10(b)(ii)
    # draw (tests/check/test_check.py). The notes add a year's interest, 10,000,000.00, x 26280 = 262,800,000,000.
    # Ratio after: 318,444,594.97 x 26280 / 3,975,006,676,250 = 2.1053...: headroom 0.1053 -> 0.11, and
    # 0.1053 / 2.0 = 5.27% of the threshold. Within the default cushion, 10% of 2.0 = 0.2: tight.
    # More debt D costs what a dollar of the deemed draw costs, 0.0725 x 365 / 360 a year (x 26280 = 1,931.7625), so
    # "greater than 2.0" holds while D < (318,444,594.97 x 13140 - 3,712,206,676,250 - 262,800,000,000) / 1,931.7625
    # = 209,355,301,655.80 / 1,931.7625 = 229,430,467,568 / 2,117 = 108,375,279.909305...: at most 108,375,279.90.
    lines = check(cache, NOTES, capsys)
    assert "indenture-1996/4.10(a)  complies  2.3 to 1  2.1 to 1  greater than  2.0 to 1   0.11      5.27%" in lines
    assert section(lines, "Room to move") == [
        "  indenture-1996/4.10(a) (tight: complying within the cushion the policy sets): Indebtedness Incurred under "
        "4.10(a) on the Transaction Date besides this Incurrence may rise by less than 108,375,279.909305... "
        "(at most 108,375,279.90) before indenture-1996/4.10(a) fails; a rise of 108,375,279.91 fails it."
    ]


def test_check_prints_a_breach_and_no_room_for_what_cannot_be_determined(cache, capsys, tmp_path):
    # 4.09(a)(C) on 1997-11-14: capacity 29,088,522.50, Used 10,000,000.00 before; with the dividend
    # 29,088,522.51: a cent over "not exceed", so breach, cured by a fall of at least 0.01. Headroom (0.01), and
    # -0.01 / 29,088,522.50 = -0.0000344% of the threshold, 0.00% to two places.
    # The MAXXAM cap: the 1997 4.09(a) dividends to KAC so far, 5,000,000.00 (June 30) + 3,000,000.00 (September 15),
    # less the 1,200,000.00 KAC paid on to its public holders on October 10 (within thirty days) = 6,800,000.00; with
    # the dividend 25,888,522.51 against 75,000,000.00 ("would exceed": equality complies), so it may rise by up to
    # 75,000,000.00 - 25,888,522.51 = 49,111,477.49 (65.48% of 75,000,000), far above the default cushion of 10% of
    # 75,000,000 = 7,500,000.00: comfortable.
    # 4.09(a)(A) needs a no_default attestation and (B) the projected other fixed charges (R-I02): the proposal gives
    # neither, so both are indeterminate, and a result that cannot be determined has no room to move to print.
    transaction = tmp_path / "dividend.yaml"
    transaction.write_text(DIVIDEND.format(amount="19088522.51"))  # to KAC, with no attestation
    lines = check(cache, transaction, capsys, tmp_path / "out")
    assert "indenture-1996/4.09(a)(C)          does not comply       -       29,088,522.51  at most       29,088,522.50  (0.01)         0.00%" in lines
    assert section(lines, "Room to move") == [
        "  indenture-1996/4.09(a)(C) (breach: the figure does not comply, waived or not): Used (x) + (y) + (z) would "
        "have to fall by at least 0.01 for indenture-1996/4.09(a)(C) to be met.",
        "  indenture-1996/4.09(a)-maxxam-cap (comfortable: complying by more than the cushion the policy sets): "
        "Calendar-year 4.09(a) items to or in MAXXAM and its Affiliates, less KAC pass-throughs may rise by up to "
        "49,111,477.49 before indenture-1996/4.09(a)-maxxam-cap fails; a rise of 49,111,477.50 fails it.",
    ]
    # check.json gives the same, and says why the undetermined results have no room
    recorded = {r["clause_id"]: r for r in json.loads((tmp_path / "out" / "check.json").read_text())["results"]}
    assert (recorded["indenture-1996/4.09(a)(C)"]["band"], recorded["indenture-1996/4.09(a)(C)"]["room_to_move"]["flips_at"]) == ("breach", "0.01")
    for clause in ("indenture-1996/4.09(a)(A)", "indenture-1996/4.09(a)(B)"):
        assert (recorded[clause]["status"], recorded[clause]["band"], recorded[clause]["room_to_move"]) == ("indeterminate", None, None)
        assert recorded[clause]["room_to_move_reason"] == "the result cannot be determined, so neither can how far its figure may move"


ROOMS = {
    # ppca-2002 9.2.4(a) on June 30, 2004: EBITDA 11,000,000.00 against 9,000,000 less 55,000,000.00 of 9.2.4(c) and
    # (d) reductions = (46,000,000.00). "Not less than" holds at equality: it may fall by 11,000,000 + 46,000,000 =
    # 57,000,000.00, and a fall of 57,000,000.01 fails; 57,000,000 / 46,000,000 = 123.91% of the threshold. Above
    # the policy's 10,000,000 cushion: comfortable.
    "2004-06-30": ("complies", "│   ├── Headroom: 57,000,000.00, 123.91% of the threshold", [
        "│   ├── Room to move (comfortable: complying by more than the cushion the policy sets): EBITDA for the 4",
        "│   │   Fiscal Quarters may fall by up to 57,000,000.00 before ppca-2002/9.2.4(a) fails; a fall of",
        "│   │   57,000,000.01 fails it.",
    ]),
    # December 31, 2003: EBITDA (135,000,000.00) against (92,000,000) less 31,000,000.00 = (123,000,000.00). Waived
    # by the March 29, 2004 letter, but the figure is in breach: it would have to rise by at least
    # 135,000,000 - 123,000,000 = 12,000,000.00 ("not less than": equality is met); 12 / 123 = 9.76%.
    "2003-12-31": ("waived", "│   ├── Headroom: (12,000,000.00), (9.76%) of the threshold", [
        "│   ├── Room to move (breach: the figure does not comply, waived or not): EBITDA for the 4 Fiscal Quarters",
        "│   │   would have to rise by at least 12,000,000.00 for ppca-2002/9.2.4(a) to be met.",
    ]),
}


@pytest.mark.parametrize("on", ROOMS)
def test_explain_prints_the_room_beneath_the_headroom_with_its_assumption(cache, capsys, on):
    status, headroom, room = ROOMS[on]
    lines = explain(cache, "ppca-2002/9.2.4(a)", on, capsys)
    assert lines[0] == f"ppca-2002/9.2.4(a) on {on}: {status}"
    at = lines.index(headroom)
    # an amount test holds its threshold, and that alone, fixed
    assert lines[at + 1:at + 2 + len(room)] == [*room, "│   │   └── Assuming the threshold and its reductions stay as they are"]


def test_explain_says_why_a_result_that_cannot_be_determined_has_no_room(cache, capsys):
    # The Borrowing Base test on December 31, 2003 needs clause (a) of the base agreement, which is not held: no
    # figure, so no distance to the threshold and no band; explain says so where the room would be.
    lines = explain(cache, "ppca-2002/def/BorrowingBase", "2003-12-31", capsys)
    assert lines[0] == "ppca-2002/def/BorrowingBase on 2003-12-31: cannot be determined"
    assert "│   ├── No room to move: the result cannot be determined, so neither can how far its figure may move" in lines
    assert not any("Room to move" in line for line in lines)
