"""indenture-1996/def/BusinessDay: "a day other than a Saturday, a Sunday or a day in The City of New York, New York,
Houston, Texas or San Francisco, California on which banking institutions are authorized or obligated by law,
regulation or executive order to be closed" [Indenture § 1.01, “Business Day”].

The bank holidays of all three cities are taken to be the Federal Reserve System's holidays (the days the Federal
Reserve Banks of New York, Dallas (Houston Branch) and San Francisco close), built here from their rules: a holiday on
a Sunday is observed the Monday after; one on a Saturday is not moved (the banks are open the Friday before). A day
a user knows banks were also closed (an executive order, an emergency) is added in the dated closures file
policies/business_day_closures.yaml, which lists none by default.

The `business_days` DuckDB table has one row per calendar day from 1996-01-01 to 2010-12-31 with a running count of
Business Days, so SQL finds "the date that is thirty Business Days after" a day as the Business Day whose count is
thirty more than that day's.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import duckdb
import polars as pl
import pyarrow as pa
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pipelines.layout import POLICIES_DIR
from pipelines.policy.loading import PolicyError, field_problems, read_yaml

FIRST_DAY = date(1996, 1, 1)
LAST_DAY = date(2010, 12, 31)
CLOSURES_FILE = POLICIES_DIR / "business_day_closures.yaml"
CITIES = ("New York", "Houston", "San Francisco")
MONDAY, THURSDAY, SATURDAY, SUNDAY = 0, 3, 5, 6


class Closure(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    day: date
    cities: tuple[str, ...] = Field(min_length=1)
    reason: str = Field(min_length=3)
    source: str = Field(min_length=3)


class ClosuresFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    clause_id: str
    description: str
    closures: tuple[Closure, ...] = ()


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _last_weekday(year: int, month: int, weekday: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    last = following - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def federal_reserve_holidays(year: int) -> dict[date, str]:
    """The Federal Reserve holidays observed in `year`: a Sunday holiday moves to Monday, a Saturday one does not."""
    fixed = {
        date(year, 1, 1): "New Year's Day",
        date(year, 7, 4): "Independence Day",
        date(year, 11, 11): "Veterans Day",
        date(year, 12, 25): "Christmas Day",
    }
    observed = {(d + timedelta(days=1) if d.weekday() == SUNDAY else d): name for d, name in fixed.items()}
    observed.update(
        {
            _nth_weekday(year, 1, MONDAY, 3): "Martin Luther King, Jr. Day",
            _nth_weekday(year, 2, MONDAY, 3): "Washington's Birthday",
            _last_weekday(year, 5, MONDAY): "Memorial Day",
            _nth_weekday(year, 9, MONDAY, 1): "Labor Day",
            _nth_weekday(year, 10, MONDAY, 2): "Columbus Day",
            _nth_weekday(year, 11, THURSDAY, 4): "Thanksgiving Day",
        }
    )
    return {d: name for d, name in observed.items() if d.weekday() < SATURDAY}


def load_closures(path: Path | None = None) -> tuple[Closure, ...]:
    """The closures of `path` (default: CLOSURES_FILE, read when called); PolicyError naming the file when it is not
    a valid closures file."""
    path = CLOSURES_FILE if path is None else path
    data = read_yaml(path)
    try:
        return ClosuresFile.model_validate(data).closures
    except ValidationError as error:
        raise PolicyError(f"{path}: {field_problems(error)}") from error


def non_business_days(closures: tuple[Closure, ...] = ()) -> dict[date, str]:
    """Every weekday in FIRST_DAY..LAST_DAY that is not a Business Day, with the reason."""
    days = {d: f"{name} (Federal Reserve holiday)" for year in range(FIRST_DAY.year, LAST_DAY.year + 1) for d, name in federal_reserve_holidays(year).items()}
    for closure in closures:
        if closure.day.weekday() < SATURDAY:
            days[closure.day] = f"{closure.reason}, banks closed in {', '.join(closure.cities)} ({closure.source})"
    return days


def is_business_day(day: date, closures: tuple[Closure, ...] = ()) -> bool:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(f"{day} is outside the Business Day calendar ({FIRST_DAY} to {LAST_DAY})")
    return day.weekday() < SATURDAY and day not in non_business_days(closures)


def business_day_count_after(day: date, count: int, closures: tuple[Closure, ...] = ()) -> date:
    """The date that is `count` Business Days after `day` (the count starts the day after, whatever `day` is)."""
    found = 0
    while found < count:
        day += timedelta(days=1)
        found += is_business_day(day, closures)
    return day


CALENDAR_SCHEMA = {"day": pl.Date, "is_business_day": pl.Boolean, "reason": pl.String, "business_day_count": pl.Int32, "is_federal_reserve_holiday": pl.Boolean}


def calendar_table(closures: tuple[Closure, ...] = ()) -> pa.Table:
    """One row per calendar day: whether it is a Business Day, why not, the running count of Business Days, and whether
    it is a Federal Reserve holiday (whatever the closures; ppca-2002 reads that alone, R-X07)."""
    closed = non_business_days(closures)
    holidays = non_business_days()
    days, flags, reasons, counts = [], [], [], []
    count, day = 0, FIRST_DAY
    while day <= LAST_DAY:
        weekend = day.weekday() >= SATURDAY
        business = not weekend and day not in closed
        count += business
        days.append(day)
        flags.append(business)
        reasons.append(None if business else ("Saturday" if day.weekday() == SATURDAY else "Sunday") if weekend else closed[day])
        counts.append(count)
        day += timedelta(days=1)
    # Polars, not pyarrow's own constructors: pa.array imports pandas (0.2 s) to ask whether it was given a pandas object
    columns = {
        "day": days,
        "is_business_day": flags,
        "reason": reasons,
        "business_day_count": counts,
        "is_federal_reserve_holiday": [day in holidays for day in days],
    }
    return pl.DataFrame(columns, schema=CALENDAR_SCHEMA).to_arrow()


def load_business_days(con: duckdb.DuckDBPyConnection, closures: tuple[Closure, ...] | None = None) -> None:
    """Replace the `business_days` table the SQL models read (closures from the policy file unless given)."""
    table = calendar_table(load_closures() if closures is None else closures)
    con.execute("drop table if exists business_days")
    con.from_arrow(table).create("business_days")
