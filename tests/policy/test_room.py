"""Room to move and band (pipelines.policy.room) on hand-made mart rows: how far the driving figure may move before the
result flips, solved exactly, and the flip itself: the figure moved by the solved change, and by one cent more."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from mart_rows import add_amount, add_ebitda, add_ratio
from pydantic import ValidationError

from pipelines.policy.evaluation import evaluate_all
from pipelines.policy.room import flip_points
from pipelines.policy.schema import Cushion


def one(con, policies):
    [result] = evaluate_all(con, policies)
    return result


def ebitda(con, policies, test_date, actual, reduction):
    con.execute("delete from minimum_ebitda_tests")
    add_ebitda(con, test_date, actual, reduction=reduction)
    return one(con, policies)


def test_9_2_4_a_passing_june_2004_may_fall_by_exactly_its_headroom(con, policies):
    # 4 Fiscal Quarters ending 6/30/04: table minimum $9,000,000 [Sixth Amendment § 1.4] less 9.2.4(c) and (d)
    # reductions of 45,000,000 + 10,000,000 = 55,000,000 (the sample's): threshold -46,000,000. EBITDA 11,000,000
    # "not less than" (>=) the threshold: headroom 11,000,000 + 46,000,000 = 57,000,000, and since ">=" holds at equality
    # EBITDA may fall by exactly 57,000,000.00; 57,000,000.01 fails it. 57,000,000 is above the policy's cushion
    # of 10,000,000 (a management choice): comfortable.
    result = ebitda(con, policies, date(2004, 6, 30), "11000000.00", "55000000.00")
    room = result.room_to_move
    assert (result.status, result.band) == ("pass", "comfortable")
    assert (room.figure, room.clause_id, room.direction, room.unit) == ("EBITDA for the 4 Fiscal Quarters", "ppca-2002/def/EBITDA", "fall", "US dollars")
    assert (room.change, room.strict, room.holds_up_to, room.flips_at, room.flips_to) == (
        Decimal("57000000"), False, Decimal("57000000"), Decimal("57000000.01"), "fail"
    )
    assert room.statement == (
        "EBITDA for the 4 Fiscal Quarters may fall by up to 57,000,000.00 before ppca-2002/9.2.4(a) fails; "
        "a fall of 57,000,000.01 fails it."
    )
    # the flip: 11,000,000 - 57,000,000 = -46,000,000.00 is the threshold itself and passes (tight: no headroom left);
    # one cent less fails, and needs exactly that cent back
    at_boundary = ebitda(con, policies, date(2004, 6, 30), "-46000000.00", "55000000.00")
    assert (at_boundary.status, at_boundary.band, at_boundary.room_to_move.change, at_boundary.room_to_move.flips_at) == (
        "pass", "tight", Decimal("0"), Decimal("0.01")
    )
    beyond = ebitda(con, policies, date(2004, 6, 30), "-46000000.01", "55000000.00")
    assert (beyond.status, beyond.band, beyond.room_to_move.direction, beyond.room_to_move.change) == ("fail", "breach", "rise", Decimal("0.01"))


def test_9_2_4_a_at_the_cushion_june_2003_is_tight(con, policies):
    # 4 Fiscal Quarters ending 6/30/03: minimum $(135,000,000), no reduction; EBITDA (125,000,000): headroom exactly
    # 10,000,000, equal to the cushion, so tight (a headroom no more than the cushion); it may fall by up to
    # 10,000,000.00, and (125,000,000) - 10,000,000.00 = (135,000,000.00) still passes, one cent more fails.
    result = ebitda(con, policies, date(2003, 6, 30), "-125000000.00", "0")
    assert (result.status, result.band, result.room_to_move.holds_up_to, result.room_to_move.flips_at) == (
        "pass", "tight", Decimal("10000000"), Decimal("10000000.01")
    )
    assert ebitda(con, policies, date(2003, 6, 30), "-135000000.00", "0").status == "pass"
    assert ebitda(con, policies, date(2003, 6, 30), "-135000000.01", "0").status == "fail"


def test_9_2_4_a_breaching_december_2003_must_rise_by_its_shortfall(con, policies):
    # 4 Fiscal Quarters ending 12/31/03: $(92,000,000) less reductions 21,000,000 + 10,000,000 = (123,000,000); EBITDA
    # (135,000,000) falls short by 12,000,000. The March 29, 2004 letter waives it, but the band is about the figure:
    # breach. EBITDA must rise by at least 12,000,000.00 (">=": reaching the threshold is enough).
    result = ebitda(con, policies, date(2003, 12, 31), "-135000000.00", "31000000.00")
    room = result.room_to_move
    assert (result.status, result.band) == ("waived", "breach")
    assert (room.direction, room.change, room.strict, room.holds_up_to, room.flips_at, room.flips_to) == (
        "rise", Decimal("12000000"), False, Decimal("11999999.99"), Decimal("12000000"), "pass"
    )
    assert room.statement == "EBITDA for the 4 Fiscal Quarters would have to rise by at least 12,000,000.00 for ppca-2002/9.2.4(a) to be met."
    # the flip: (135,000,000) + 12,000,000 = (123,000,000.00) passes with no waiver needed; one cent less still fails
    assert ebitda(con, policies, date(2003, 12, 31), "-123000000.00", "31000000.00").status == "pass"
    assert ebitda(con, policies, date(2003, 12, 31), "-123000000.01", "31000000.00").status == "waived"


def ratio_debt(con, policies, numerator):
    con.execute("delete from fixed_charge_coverage_tests")
    # forward Consolidated Fixed Charges 40,000,000.00, carried x 26280; no inputs, so no 4.10(b)(ii) rate
    add_ratio(con, "indenture-1996/4.10(a)", date(1998, 6, 1), numerator, "1051200000000")
    return one(con, policies)


def test_4_10_a_without_a_rate_moves_the_cash_flow_by_less_than_its_distance_to_2_0(con, policies):
    # Ratio = 100,000,000.00 / 40,000,000.00 = 2.5 "greater than 2.0 to 1" (strict). Consolidated Cash Flow Available
    # for Fixed Charges meets 2.0 at 2.0 x 40,000,000 = 80,000,000, so it may fall by less than 20,000,000.00: at most
    # 19,999,999.99; a fall of exactly 20,000,000.00 gives 2.0, which fails. Headroom 0.5 ratio points is above the
    # default cushion, 10% of 2.0 = 0.2: comfortable.
    result = ratio_debt(con, policies, "100000000.00")
    room = result.room_to_move
    assert (result.status, result.band) == ("pass", "comfortable")
    assert (room.figure, room.clause_id) == (
        "Consolidated Cash Flow Available for Fixed Charges", "indenture-1996/def/ConsolidatedCashFlowAvailableForFixedCharges"
    )
    assert (room.change, room.strict, room.holds_up_to, room.flips_at) == (Decimal("20000000"), True, Decimal("19999999.99"), Decimal("20000000"))
    assert room.statement.startswith(
        "Consolidated Cash Flow Available for Fixed Charges may fall by less than 20,000,000.00 (at most 19,999,999.99) before"
    )
    assert any("nothing is deemed drawn under 4.10(b)(ii)" in a for a in room.assumptions)
    # the flip: 100,000,000.00 - 19,999,999.99 = 80,000,000.01 passes; 80,000,000.00 is exactly 2.0 and fails
    assert ratio_debt(con, policies, "80000000.01").status == "pass"
    failed = ratio_debt(con, policies, "80000000.00")
    assert (failed.status, failed.band, failed.room_to_move.change, failed.room_to_move.flips_at) == ("fail", "breach", Decimal("0"), Decimal("0.01"))


def test_the_default_cushion_is_ten_percent_of_the_threshold(con, policies):
    # 4.10(a) names no cushion: the default, 10% of 2.0 = 0.2 ratio points. 88,000,000 / 40,000,000 = 2.2: headroom 0.2,
    # tight; 88,000,000.01 / 40,000,000 is above 2.2: comfortable.
    assert ratio_debt(con, policies, "88000000.00").band == "tight"
    assert ratio_debt(con, policies, "88000000.01").band == "comfortable"


def test_yes_or_no_tests_and_undetermined_results_have_no_room(con, policies):
    add_ebitda(con, date(2004, 6, 30), None, missing=("EBITDA of KACC for June 2004",))
    result = one(con, policies)
    assert (result.status, result.room_to_move, result.band) == ("indeterminate", None, None)
    assert result.room_to_move_reason == "the result cannot be determined, so neither can how far its figure may move"


@pytest.mark.parametrize(
    ("change", "strict", "passing", "expected"),
    [
        # ">=" passing: holds at the change itself
        (Fraction("5.00"), False, True, (Fraction("5.00"), Fraction("5.01"))),
        # ">" passing: the change itself flips it
        (Fraction("5.00"), True, True, (Fraction("4.99"), Fraction("5.00"))),
        # a change between cents: 5.003 holds up to 5.00 either way, 5.01 flips
        (Fraction("5.003"), True, True, (Fraction("5.00"), Fraction("5.01"))),
        (Fraction("5.003"), False, True, (Fraction("5.00"), Fraction("5.01"))),
        # ">=" failing: reaching the change cures it; ">" needs a cent more
        (Fraction("5.00"), False, False, (Fraction("4.99"), Fraction("5.00"))),
        (Fraction("5.00"), True, False, (Fraction("5.00"), Fraction("5.01"))),
        (Fraction("5.003"), False, False, (Fraction("5.00"), Fraction("5.01"))),
    ],
)
def test_flip_points_in_cents(change, strict, passing, expected):
    assert flip_points(change, strict, passing, Fraction(1, 100)) == expected


def test_a_cushion_is_exact_and_not_negative():
    with pytest.raises(ValidationError, match="quoted strings"):
        Cushion(value=10.0, unit="percent", source="management")
    with pytest.raises(ValidationError, match="cannot be negative"):
        Cushion(value="-1", unit="amount", source="management")


def test_a_count_of_days_moves_by_whole_days(con, policies):
    # 4.11(b)(ix): the purchase-money Indebtedness Incurred within 180 days ("<=") of the acquisition; 179 days used:
    # one more day still complies, a second does not. 1 day of headroom is within 10% of 180 = 18 days: tight.
    add_amount(con, "lien_tests", "indenture-1996/4.11(b)(ix)-180-days", date(1998, 9, 30), "179")
    result = one(con, policies)
    room = result.room_to_move
    assert (result.status, result.band, room.unit, room.holds_up_to, room.flips_at) == ("pass", "tight", "days", Decimal("1"), Decimal("2"))
    assert room.statement.endswith("may rise by up to 1 day before indenture-1996/4.11(b)(ix)-180-days fails; a rise of 2 days fails it.")
