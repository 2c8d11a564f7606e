"""Market data: the prime rate and 3-month LIBOR (monthly) and the average natural gas price paid (quarterly, 2002-2004).

All values are SYNTHETIC. The prime-rate path is patterned on the published U.S. prime rate of 1996-2004 (8.25% to 9.50% to
4.00%) but was not checked against a source; 3-month LIBOR is set at the prime rate less a synthetic spread. The natural gas
prices are synthetic: the quarters ending 2003-09-30 ($4.85) and 2003-12-31 ($4.60) are above the $3.50/mmbtu Forecast Price
of ppca-2002 9.2.4(d). Monthly rate rows give the rate in effect on the last day of the month; they run to 2005-03-31.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pipelines.sample.fiscal_periods import FIRST_YEAR, LAST_YEAR, month_end, month_ends, month_start, quarter_ends

# (first day in effect, prime rate) - synthetic path
PRIME_CHANGES: tuple[tuple[date, str], ...] = (
    (date(1995, 12, 20), "0.0850"),
    (date(1996, 2, 1), "0.0825"),
    (date(1997, 3, 26), "0.0850"),
    (date(1998, 9, 30), "0.0825"),
    (date(1998, 10, 16), "0.0800"),
    (date(1998, 11, 18), "0.0775"),
    (date(1999, 7, 1), "0.0800"),
    (date(1999, 8, 25), "0.0825"),
    (date(1999, 11, 17), "0.0850"),
    (date(2000, 2, 3), "0.0875"),
    (date(2000, 3, 22), "0.0900"),
    (date(2000, 5, 17), "0.0950"),
    (date(2001, 1, 4), "0.0900"),
    (date(2001, 2, 1), "0.0850"),
    (date(2001, 3, 21), "0.0800"),
    (date(2001, 4, 19), "0.0750"),
    (date(2001, 5, 16), "0.0700"),
    (date(2001, 6, 28), "0.0675"),
    (date(2001, 8, 22), "0.0650"),
    (date(2001, 9, 18), "0.0600"),
    (date(2001, 10, 3), "0.0550"),
    (date(2001, 11, 7), "0.0500"),
    (date(2001, 12, 12), "0.0475"),
    (date(2002, 11, 7), "0.0425"),
    (date(2003, 6, 26), "0.0400"),
    (date(2004, 7, 1), "0.0425"),
    (date(2004, 8, 11), "0.0450"),
    (date(2004, 9, 22), "0.0475"),
    (date(2004, 11, 11), "0.0500"),
    (date(2004, 12, 15), "0.0525"),
    (date(2005, 2, 2), "0.0550"),
    (date(2005, 3, 22), "0.0575"),
)

# Synthetic spread of the prime rate over 3-month LIBOR, by year.
PRIME_OVER_LIBOR = {1996: "0.0275", 1997: "0.0275", 1998: "0.0285", 1999: "0.0260", 2000: "0.0280", 2001: "0.0290",
                    2002: "0.0290", 2003: "0.0290", 2004: "0.0285", 2005: "0.0265"}

# The rate series run three months past the sample's last month end, so that the rates "in effect on" the day after the
# last quarter end (2005-01-01, the 2004-12-31 quarter-end information tests) and through 2005-03-31 are known.
RATE_MONTHS = month_ends(FIRST_YEAR, LAST_YEAR) + [month_end(LAST_YEAR + 1, m) for m in (1, 2, 3)]

# Average price actually paid by the Debtors for natural gas, US$/mmbtu, per fiscal quarter (synthetic).
NATURAL_GAS_PRICE_PAID = {
    date(2002, 3, 31): "2.65", date(2002, 6, 30): "3.40", date(2002, 9, 30): "3.25", date(2002, 12, 31): "4.05",
    date(2003, 3, 31): "5.90", date(2003, 6, 30): "5.45", date(2003, 9, 30): "4.85", date(2003, 12, 31): "4.60",
    date(2004, 3, 31): "5.70", date(2004, 6, 30): "6.10", date(2004, 9, 30): "5.85", date(2004, 12, 31): "6.95",
}


def prime_rate(day: date) -> Decimal:
    rate = None
    for start, value in PRIME_CHANGES:
        if start <= day:
            rate = Decimal(value)
    assert rate is not None
    return rate


def libor_3m(day: date) -> Decimal:
    return prime_rate(day) - Decimal(PRIME_OVER_LIBOR[day.year])


INDEX = {"prime_rate": prime_rate, "libor_3m": libor_3m}


def index_rate(series: str, day: date) -> Decimal:
    return INDEX[series](day)


def rows() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for series in ("libor_3m", "prime_rate"):
        for end in RATE_MONTHS:
            out.append({"series": series, "period_start": month_start(end), "period_end": end,
                        "value": index_rate(series, end), "unit": "rate"})
    for end in quarter_ends(2002, 2004):
        start = month_start(month_end(end.year, end.month - 2))
        out.append({"series": "natural_gas_price_paid", "period_start": start, "period_end": end,
                    "value": Decimal(NATURAL_GAS_PRICE_PAID[end]), "unit": "usd_per_mmbtu"})
    return out
