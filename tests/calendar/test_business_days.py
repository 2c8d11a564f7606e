"""indenture-1996/def/BusinessDay on known dates, from the Federal Reserve holiday rules (Sunday holidays observed on
Monday, Saturday holidays not moved) [Indenture § 1.01, “Business Day”]."""

from datetime import date

import pytest

from pipelines.calendar.business_days import Closure, business_day_count_after, calendar_table, federal_reserve_holidays, is_business_day, load_closures

SEPTEMBER_11 = (
    Closure(day=date(2001, 9, 11), cities=("New York",), reason="emergency closure", source="user's reading"),
    Closure(day=date(2001, 9, 12), cities=("New York",), reason="emergency closure", source="user's reading"),
)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(1997, 11, 27), False),  # Thanksgiving, fourth Thursday of November 1997
        (date(1997, 11, 28), True),  # the Friday after Thanksgiving is not a Federal Reserve holiday
        (date(1998, 7, 3), True),  # July 4, 1998 was a Saturday: the Fed does not move it, Friday is a Business Day
        (date(1999, 7, 5), False),  # July 4, 1999 was a Sunday: observed Monday July 5
        (date(1999, 12, 31), True),  # January 1, 2000 was a Saturday: Friday December 31, 1999 stays a Business Day
        (date(2000, 1, 17), False),  # Martin Luther King, Jr. Day, third Monday of January 2000
        (date(2000, 2, 21), False),  # Washington's Birthday, third Monday of February 2000
        (date(2001, 5, 28), False),  # Memorial Day, last Monday of May 2001
        (date(2001, 9, 3), False),  # Labor Day, first Monday of September 2001
        (date(2001, 9, 11), True),  # not closed by default: a user adds it in policies/business_day_closures.yaml
        (date(2001, 10, 8), False),  # Columbus Day, second Monday of October 2001
        (date(2001, 11, 12), False),  # Veterans Day: November 11, 2001 was a Sunday, observed Monday
        (date(1998, 11, 11), False),  # Veterans Day on a Wednesday
        (date(2004, 12, 24), True),  # Christmas 2004 was a Saturday: Friday December 24 stays a Business Day
        (date(2005, 12, 26), False),  # Christmas 2005 was a Sunday: observed Monday
        (date(2002, 2, 12), True),  # a Tuesday, the petition date
        (date(2002, 2, 16), False),  # Saturday
        (date(2002, 2, 17), False),  # Sunday
    ],
)
def test_business_day(day: date, expected: bool) -> None:
    assert is_business_day(day) is expected


def test_federal_reserve_holidays_of_1998() -> None:
    # 1998: ten holidays, July 4 fell on a Saturday (not observed), so nine weekdays
    assert sorted(federal_reserve_holidays(1998)) == [
        date(1998, 1, 1), date(1998, 1, 19), date(1998, 2, 16), date(1998, 5, 25), date(1998, 9, 7),
        date(1998, 10, 12), date(1998, 11, 11), date(1998, 11, 26), date(1998, 12, 25),
    ]


def test_added_closures_are_not_business_days() -> None:
    assert not is_business_day(date(2001, 9, 11), SEPTEMBER_11)
    assert not is_business_day(date(2001, 9, 12), SEPTEMBER_11)
    assert is_business_day(date(2001, 9, 13), SEPTEMBER_11)


def test_thirty_business_days_after() -> None:
    # Friday 1998-11-20: Nov 23 (1), 24 (2), 25 (3), 26 Thanksgiving, 27 (4), 30 (5), Dec 1-4 (6-9), Dec 7 (10);
    # Dec 8-11 (11-14), 14-18 (15-19), 21-24 (20-23), 25 Christmas, 28-31 (24-27), Jan 1 1999 New Year, Jan 4-6 (28-30)
    assert business_day_count_after(date(1998, 11, 20), 10) == date(1998, 12, 7)
    assert business_day_count_after(date(1998, 11, 20), 30) == date(1999, 1, 6)
    # Friday 2001-09-07: Sep 10 (1), 11 (2), 12 (3), 13 (4), 14 (5), 17-21 (6-10); closed on the 11th and 12th,
    # Sep 10 (1), 13 (2), 14 (3), 17-21 (4-8), 24 (9), 25 (10)
    assert business_day_count_after(date(2001, 9, 7), 10) == date(2001, 9, 21)
    assert business_day_count_after(date(2001, 9, 7), 10, SEPTEMBER_11) == date(2001, 9, 25)


def test_table_counts_business_days() -> None:
    table = calendar_table().to_pylist()
    assert table[0] == {"day": date(1996, 1, 1), "is_business_day": False, "reason": "New Year's Day (Federal Reserve holiday)", "business_day_count": 0, "is_federal_reserve_holiday": True}
    assert table[1]["business_day_count"] == 1  # Tuesday 1996-01-02
    assert table[-1]["day"] == date(2010, 12, 31)


def test_policy_file_lists_no_closure_by_default() -> None:
    assert load_closures() == ()
