"""VALCO's EBITDA, 2002-02 to 2004-12: the Forecast and Actual VALCO EBITDA Amounts of ppca-2002 (Sixth Amendment).

Real: VALCO (Volta Aluminium Company, Ghana) is 90% owned; power curtailments in 2002-2003; the last potline was stopped on
May 5, 2003 [N32]; an MOU to sell it to Ghana was signed on Dec 19, 2003 [N33]. So the sample shows primary aluminum
produced through May 2003 and none from June 2003 (the public record is followed).
SYNTHETIC: every amount. The Actual VALCO EBITDA Amount is 90% (the Debtors' interest) of VALCO's own EBITDA in its trial
balance, which the ledger books to these figures; from July 2003 the actual falls short of the forecast by $3,000,000 a
month (quarter ending 2003-09-30) and $4,000,000 a month from October 2003.
"""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal
from functools import lru_cache

from pipelines.sample.fiscal_periods import month_ends

DEBTORS_SHARE = Decimal("0.90")
FIRST_MONTH = date(2002, 2, 28)
LAST_PRODUCING_MONTH = date(2003, 5, 31)


@lru_cache(maxsize=None)
def ebitda_at_100_percent() -> dict[date, Decimal]:
    """VALCO's own monthly EBITDA (100%), in whole thousands of dollars so that 90% of it is exact."""
    rng = random.Random(19961223)
    out: dict[date, Decimal] = {}
    for month in month_ends(2002, 2004):
        if month < FIRST_MONTH:
            continue
        if month.year == 2002:
            base, wiggle = 1700000, 150
        elif month < date(2003, 5, 1):
            base, wiggle = 1100000, 150
        elif month == date(2003, 5, 31):
            base, wiggle = 400000, 0
        elif month == date(2003, 6, 30):
            base, wiggle = -2000000, 0
        elif month < date(2003, 10, 1):
            base, wiggle = -3000000, 0
        else:
            base, wiggle = -3100000, 0
        noise = rng.randint(-wiggle, wiggle) * 1000 if wiggle else 0
        out[month] = Decimal(base + noise).quantize(Decimal("0.01"))
    return out


def forecast(month: date) -> Decimal:
    if month.year == 2002:
        return Decimal("1500000.00")
    if month < date(2003, 6, 1):
        return Decimal("1000000.00")
    if month == date(2003, 6, 30):
        return Decimal("500000.00")
    if month < date(2003, 10, 1):
        return Decimal("300000.00")
    return Decimal("1210000.00")


def produced(month: date) -> bool:
    return month <= LAST_PRODUCING_MONTH


def rows() -> list[dict[str, object]]:
    return [{"period_end": month, "actual_valco_ebitda": (DEBTORS_SHARE * amount).quantize(Decimal("0.01")),
             "forecast_valco_ebitda": forecast(month), "primary_aluminum_produced": produced(month)}
            for month, amount in ebitda_at_100_percent().items()]
