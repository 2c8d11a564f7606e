"""The Transaction Dates the extracts can answer for: a check on any other date is refused, never computed on defaults.

The agreements test a transaction against "the four full fiscal quarters ... immediately prior to the Transaction
Date for which financial information ... is available" [Indenture § 1.01, “Consolidated Fixed Charge Coverage Ratio”]: the four quarters ending on the latest quarter end
E before the Transaction Date whose statements were available on it: from the day the financial_statements extract
records for E, else from E + lag + 1, the lag being the parameter financial_information_available_lag_days
(sql/intermediate/financial_statements_available.sql and coverage_ratio_tests.sql pick them the same way, R-I61). A date
is covered when those four quarters are quarters of the trial balances:
- first covered date: the day the fourth covered quarter's statements became available;
- last covered date: the day before the statements of the quarter after the last covered quarter became (or, without
  a row, would become) available: the extracts do not have that quarter.
So a treasurer may check a proposal dated today, weeks or months after the last month-end in the extracts, until
the next quarter's statements are due. A covered quarter is one whose every month-end the trial balances reach.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from pipelines.fiscal import FiscalQuarter
from pipelines.policy.loading import PolicySet

LAG_PARAMETER = ("indenture-1996", "financial_information_available_lag_days")


class DateNotCovered(ValueError):
    """The check date is outside what the extracts can answer for."""


@dataclass(frozen=True)
class CoveredDates:
    first_quarter: FiscalQuarter
    last_quarter: FiscalQuarter
    lag_days: int
    recorded: Mapping[date, date] = field(default_factory=dict)  # quarter end -> the day its statements were available

    @property
    def first(self) -> date:
        return available_on(_following(self.first_quarter, 3), self.lag_days, self.recorded)

    @property
    def last(self) -> date:
        return available_on(_following(self.last_quarter, 1), self.lag_days, self.recorded) - timedelta(days=1)


def _following(quarter: FiscalQuarter, count: int) -> FiscalQuarter:
    index = quarter.year * 4 + quarter.quarter - 1 + count
    return FiscalQuarter(index // 4, index % 4 + 1)


def available_on(quarter: FiscalQuarter, lag_days: int, recorded: Mapping[date, date]) -> date:
    """The first day the quarter's financial statements were available: the day recorded for it, else its end + lag + 1."""
    return recorded.get(quarter.end, quarter.end + timedelta(days=lag_days + 1))


def latest_available_quarter_end(on: date, lag_days: int, recorded: Mapping[date, date] | None = None) -> date:
    """The end of the latest fiscal quarter ended before `on` whose financial statements were available on `on`."""
    quarter = _following(FiscalQuarter.containing(on), -1)
    while available_on(quarter, lag_days, recorded or {}) > on:
        quarter = _following(quarter, -1)
    return quarter.end


def lag_days_on(policies: PolicySet, on: date) -> int:
    """The lag in force on `on`; before its first value (the indenture's date), that first value, so that the window
    has the same edges on every date. The ratio's own test names a missing lag."""
    parameter = next(p for p in policies.parameters if (p.instrument, p.name) == LAG_PARAMETER)
    values = sorted(parameter.values, key=lambda v: v.effective_from)
    return int(next((v for v in reversed(values) if v.effective_from <= on), values[0]).value)


def covered_dates(first_month_end: date, last_month_end: date, lag_days: int, recorded: Mapping[date, date] | None = None) -> CoveredDates | None:
    """The covered window for trial balances from `first_month_end` to `last_month_end`; None without four quarters."""
    first = FiscalQuarter.containing(first_month_end)
    if first.start.month != first_month_end.month:  # the trial balances start within the quarter
        first = _following(first, 1)
    last = FiscalQuarter.containing(last_month_end)
    if last.end != last_month_end:
        last = _following(last, -1)
    if _following(first, 3) > last:
        return None
    return CoveredDates(first, last, lag_days, recorded or {})


def refuse_uncovered(
    on: date, first_month_end: date | None, last_month_end: date | None, policies: PolicySet, recorded: Mapping[date, date] | None = None
) -> None:
    """DateNotCovered, saying why, when the extracts cannot answer for a transaction on `on`; `recorded` holds the days
    the financial_statements extract gives, by quarter end."""
    lag = lag_days_on(policies, on)
    window = covered_dates(first_month_end, last_month_end, lag, recorded) if first_month_end and last_month_end else None
    if window is None:
        span = f"from {first_month_end} to {last_month_end}" if first_month_end else "none"
        raise DateNotCovered(f"the trial balances hold fewer than four full fiscal quarters (month-ends: {span}); no date can be checked")
    if window.first <= on <= window.last:
        return
    tested = FiscalQuarter.containing(latest_available_quarter_end(on, lag, recorded))
    edge = f"before the first date the extracts can answer for ({window.first})" if on < window.first else (
        f"after the last date the extracts can answer for ({window.last})"
    )
    raise DateNotCovered(
        f"--date {on} is {edge}: on that date the agreements test the fiscal quarters {_following(tested, -3)} to {tested} "
        f"(financial information is available on the day the financial statements extract records, else {lag} days after "
        f"a quarter's end), and the trial balances cover "
        f"{window.first_quarter} to {window.last_quarter}"
    )
