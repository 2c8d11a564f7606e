"""Fiscal periods of the sample: the fiscal year is the calendar year; months, quarters and Business Days (Mon-Fri)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

FIRST_YEAR = 1996
LAST_YEAR = 2004


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def month_ends(first_year: int = FIRST_YEAR, last_year: int = LAST_YEAR) -> list[date]:
    return [month_end(y, m) for y in range(first_year, last_year + 1) for m in range(1, 13)]


def quarter_ends(first_year: int = FIRST_YEAR, last_year: int = LAST_YEAR) -> list[date]:
    return [month_end(y, m) for y in range(first_year, last_year + 1) for m in (3, 6, 9, 12)]


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def quarter_end_of(day: date) -> date:
    year, quarter = quarter_of(day)
    return month_end(year, quarter * 3)


def quarter_label(day: date) -> str:
    year, quarter = quarter_of(day)
    return f"{year}Q{quarter}"


def months_of_quarter(year: int, quarter: int) -> list[date]:
    return [month_end(year, 3 * (quarter - 1) + k) for k in (1, 2, 3)]


def month_start(day: date) -> date:
    return day.replace(day=1)


def previous_month_end(day: date) -> date:
    return month_start(day) - timedelta(days=1)


def days_in_month(day: date) -> int:
    return calendar.monthrange(day.year, day.month)[1]


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def same_month(day: date, month: date) -> bool:
    return (day.year, day.month) == (month.year, month.month)


def business_days(first: date, last: date) -> list[date]:
    """Monday to Friday; the sample ignores bank holidays (R-X07 leaves the calendar to a parameter)."""
    days, day = [], first
    while day <= last:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def days360(start: date, end: date) -> int:
    """30/360 (bond basis) day count from `start` to `end`."""
    d1 = min(start.day, 30)
    d2 = end.day if (end.day < 31 or d1 < 30) else 30
    return (end.year - start.year) * 360 + (end.month - start.month) * 30 + (d2 - d1)
