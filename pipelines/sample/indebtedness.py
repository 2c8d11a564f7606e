"""Debt instruments, their principal schedules and the interest each accrues, month by month.

Real [the Company's Form 10-K filings and the notes' offering documents]: the four public note issues, their coupons, maturities, subordination and the
amounts outstanding at the petition date ($400,000,000 12 3/4%; $174,000,000 9 7/8% after an earlier $225,000,000;
$225,000,000 10 7/8% in total), the skipped $25,500,000 12 3/4% coupon of February 2002, the Chapter 11 petition of
2002-02-12 (interest on pre-petition notes stops accruing), and the Post-Petition Credit Agreement ($300,000,000, reduced to
$285,000,000 by the Sixth Amendment of 2003-08-01; stated maturity 2005-02-13).
SYNTHETIC: the 14 1/4% notes' amount and redemption dates, the $175,000,000 / $50,000,000 split of the 10 7/8% notes (assumed;
not confirmed by a source), the $51,000,000 repurchase of 9 7/8% notes on 2001-08-15, the industrial revenue bonds, the 1997
Senior Term Loan (4.10(a)), the Alpart, VALCO and Kaiser Bellwood loans, every spread and fee rate, and the revolver path
(set by a cash sweep in the ledger).
SYNTHETIC (ca-1994 Eleventh Amendment): the record shows no New Subordinated Debt and only the petition-date
amount of the 12 3/4% notes, so the sample opens them at $446,000,000 and on 1998-01-15 issues $50,000,000 of 10 1/2%
Senior Subordinated Notes due 2007 as New Subordinated Debt, whose proceeds retire $46,000,000 of them (leaving the
record's $400,000,000 and its $25,500,000 coupon). At odds with the record: the sample's senior subordinated notes at the
petition total $450,000,000, not the $400,000,000 Jones Day reports.
Principal in this module is the instrument's legal (100%) amount; the trial balance books Alpart's debt at the Company's 65%.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from pipelines.sample.fiscal_periods import days360, month_end, month_ends, month_start
from pipelines.sample.market_data import index_rate
from pipelines.sample.money import ZERO, cents

PETITION_DATE = date(2002, 2, 12)
NEW_SUBORDINATED_NOTES = "NOTES-1050-2007"
NEW_SUBORDINATED_ISSUE_DATE = date(1998, 1, 15)
SIXTH_AMENDMENT = date(2003, 8, 1)


@dataclass(frozen=True)
class Instrument:
    instrument_id: str
    instrument_name: str
    obligor_entity_id: str
    instrument_kind: str
    indenture_basket: str
    rate_kind: str
    fixed_rate: Decimal | None
    floating_index: str | None
    spread: Decimal | None
    day_count: str
    letter_of_credit_fee_rate: Decimal | None
    commitment: Decimal | None
    issue_date: date
    maturity_date: date
    is_subordinated: bool
    is_secured: bool
    coupon_dates: tuple[tuple[int, int], ...] = ()  # (month, day) of fixed coupons
    pre_petition: bool = False  # a Debtor's pre-petition debt: subject to compromise, stops accruing on the petition date
    swept: bool = False  # a revolver whose month-end principal is set by the ledger's cash sweep
    opening_principal: Decimal = ZERO  # outstanding on 1995-12-31


def _d(value: str) -> Decimal:
    return Decimal(value)


INSTRUMENTS: tuple[Instrument, ...] = (
    Instrument("NOTES-1425-2004", "14 1/4% Senior Subordinated Notes due 2004", "KACC", "senior_subordinated_notes",
               "pre-existing", "fixed", _d("0.1425"), None, None, "30/360", None, None, date(1989, 12, 21),
               date(2004, 6, 23), True, False, ((4, 23), (10, 23)), True, opening_principal=_d("100000000.00")),
    Instrument("NOTES-0975-2002", "9 7/8% Senior Notes due 2002", "KACC", "senior_notes", "pre-existing", "fixed",
               _d("0.09875"), None, None, "30/360", None, None, date(1994, 2, 17), date(2002, 2, 15), False, False,
               ((2, 15), (8, 15)), True, opening_principal=_d("225000000.00")),
    Instrument("NOTES-10875-2006-B", "10 7/8% Senior Notes due 2006, Series B", "KACC", "senior_notes", "pre-existing",
               "fixed", _d("0.10875"), None, None, "30/360", None, None, date(1996, 10, 23), date(2006, 10, 15), False,
               False, ((4, 15), (10, 15)), True),
    Instrument("NOTES-10875-2006", "10 7/8% Senior Notes due 2006", "KACC", "senior_notes", "4.10(b)(i)", "fixed",
               _d("0.10875"), None, None, "30/360", None, None, date(1996, 12, 23), date(2006, 10, 15), False, False,
               ((4, 15), (10, 15)), True),
    Instrument("NOTES-1275-2003", "12 3/4% Senior Subordinated Notes due 2003", "KACC", "senior_subordinated_notes",
               "pre-existing", "fixed", _d("0.1275"), None, None, "30/360", None, None, date(1993, 2, 1), date(2003, 2, 1),
               True, False, ((2, 1), (8, 1)), True, opening_principal=_d("446000000.00")),
    Instrument(NEW_SUBORDINATED_NOTES, "10 1/2% Senior Subordinated Notes due 2007 (New Subordinated Notes)", "KACC",
               "senior_subordinated_notes", "4.10(b)(vi)", "fixed", _d("0.105"), None, None, "30/360", None, None,
               NEW_SUBORDINATED_ISSUE_DATE, date(2007, 1, 15), True, False, ((1, 15), (7, 15)), True),
    Instrument("IRB-KACC", "Industrial revenue bonds, various series", "KACC", "industrial_revenue_bonds", "pre-existing",
               "fixed", _d("0.0725"), None, None, "30/360", None, None, date(1992, 12, 1), date(2012, 12, 1), False, True,
               ((6, 1), (12, 1)), True, opening_principal=_d("32200000.00")),
    Instrument("CA1994-REVOLVER", "Credit Agreement of February 15, 1994, revolving credit facility", "KACC",
               "revolving_credit", "4.10(b)(ii)", "floating", None, "libor_3m", _d("0.0150"), "actual/360", _d("0.0125"),
               _d("325000000.00"), date(1994, 2, 15), date(2002, 8, 15), False, True, (), True, True,
               opening_principal=_d("60000000.00")),
    Instrument("TL-1997", "Senior Term Loan of 1997", "KACC", "term_loan", "4.10(a)", "floating", None, "libor_3m",
               _d("0.0275"), "actual/360", None, None, date(1997, 11, 14), date(2003, 11, 14), False, False, (), True),
    Instrument("ALPART-PROJECT", "Alpart project financing", "ALPART", "term_loan", "4.10(b)(iii)(A)", "floating", None,
               "libor_3m", _d("0.0275"), "actual/360", None, None, date(1997, 3, 14), date(2007, 3, 14), False, True),
    Instrument("VALCO-LOAN", "VALCO term loan", "VALCO", "term_loan", "4.10(b)(v)", "floating", None, "libor_3m",
               _d("0.0300"), "actual/360", None, None, date(1995, 6, 30), date(2004, 6, 30), False, True,
               opening_principal=_d("15000000.00")),
    Instrument("KBC-EQUIPMENT", "Kaiser Bellwood equipment loan", "KBC", "term_loan", "4.10(b)(xiii)", "fixed", _d("0.0825"),
               None, None, "actual/365", None, None, date(1998, 9, 30), date(2001, 9, 30), False, True),
    # SYNTHETIC: a QAL borrowing by KAAC under 4.10(b)(iv) and a fabrication-plant Facilities loan under
    # 4.10(b)(viii)(A)(IV)
    Instrument("KAAC-QAL-LOAN", "KAAC loan for QAL capital expenditures", "KAAC", "term_loan", "4.10(b)(iv)", "floating", None,
               "libor_3m", _d("0.0250"), "actual/360", None, None, date(1999, 6, 15), date(2001, 6, 15), False, False),
    Instrument("FAB-FACILITY-2000", "Trentwood fabrication plant Facilities loan", "KACC", "term_loan", "4.10(b)(viii)",
               "fixed", _d("0.0900"), None, None, "30/360", None, None, date(2000, 4, 14), date(2007, 4, 14), False, True,
               ((4, 14), (10, 14)), True),
    Instrument("DIP-2002", "Post-Petition Credit Agreement of February 12, 2002, revolving facility", "KACC",
               "revolving_credit", "4.10(b)(ii)", "floating", None, "prime_rate", _d("0.0075"), "actual/360", _d("0.0250"),
               _d("285000000.00"), PETITION_DATE, date(2005, 2, 13), False, True, (), False, True),
)

BY_ID = {i.instrument_id: i for i in INSTRUMENTS}
TB_SHARE = {"ALPART-PROJECT": Decimal("0.65")}  # proportional consolidation: the Company's share
JV_PARTNER_SHARE = {"VALCO-LOAN": Decimal("0.10")}  # interest economically borne by VALCO's 10% minority owner


def _quarterly(instrument_id: str, first: date, last: date, amount: str) -> list[tuple[date, str, Decimal]]:
    return [(end, instrument_id, -Decimal(amount)) for end in month_ends(first.year, last.year)
            if end.month % 3 == 0 and first <= end <= last]


# Principal movements of the instruments not set by the sweep: (date, instrument, +incurred / -repaid).
PRINCIPAL_EVENTS: list[tuple[date, str, Decimal]] = sorted(
    [
        (date(1996, 10, 23), "NOTES-1425-2004", _d("-50000000.00")),
        (date(1996, 10, 23), "NOTES-10875-2006-B", _d("175000000.00")),
        (date(1996, 12, 23), "NOTES-1425-2004", _d("-50000000.00")),
        (date(1996, 12, 23), "NOTES-10875-2006", _d("50000000.00")),
        (date(1997, 3, 14), "ALPART-PROJECT", _d("40000000.00")),
        (date(1997, 11, 14), "TL-1997", _d("50000000.00")),
        (NEW_SUBORDINATED_ISSUE_DATE, NEW_SUBORDINATED_NOTES, _d("50000000.00")),
        (NEW_SUBORDINATED_ISSUE_DATE, "NOTES-1275-2003", _d("-46000000.00")),
        (date(1998, 4, 15), "TL-1997", _d("25000000.00")),
        (date(1998, 9, 30), "KBC-EQUIPMENT", _d("12000000.00")),
        (date(1998, 11, 16), "ALPART-PROJECT", _d("30000000.00")),
        (date(1999, 10, 15), "TL-1997", _d("30000000.00")),
        (date(2000, 3, 15), "VALCO-LOAN", _d("6000000.00")),
        (date(2001, 5, 15), "TL-1997", _d("20000000.00")),
        (date(2001, 8, 15), "NOTES-0975-2002", _d("-51000000.00")),
        (date(1999, 6, 15), "KAAC-QAL-LOAN", _d("20000000.00")),
        (date(2001, 6, 15), "KAAC-QAL-LOAN", _d("-20000000.00")),
        (date(2000, 4, 14), "FAB-FACILITY-2000", _d("40000000.00")),
        (date(2001, 7, 16), "VALCO-LOAN", _d("16000000.00")),
        (date(2002, 1, 15), "VALCO-LOAN", _d("-16000000.00")),
        (date(2001, 12, 14), "TL-1997", _d("-25000000.00")),
        (date(2004, 6, 30), "VALCO-LOAN", _d("-4500000.00")),
    ]
    + _quarterly("ALPART-PROJECT", date(2000, 3, 31), date(2004, 12, 31), "2500000.00")
    + _quarterly("VALCO-LOAN", date(1996, 3, 31), date(2004, 3, 31), "500000.00")
    + _quarterly("KBC-EQUIPMENT", date(1998, 12, 31), date(2001, 9, 30), "1000000.00"),
    key=lambda e: (e[0], e[1]),
)

# Fees paid on incurrence and capitalized as deferred financing costs (synthetic, except the Sixth Amendment fee of
# .008 x $285,000,000 = $2,280,000 computed).
FINANCING_FEES: tuple[tuple[date, str, Decimal], ...] = (
    (date(1996, 10, 23), "KACC", _d("4375000.00")),
    (date(1996, 12, 23), "KACC", _d("1250000.00")),
    (date(1997, 3, 14), "ALPART", _d("260000.00")),
    (date(1997, 11, 14), "KACC", _d("750000.00")),
    (NEW_SUBORDINATED_ISSUE_DATE, "KACC", _d("1250000.00")),
    (date(1998, 4, 15), "KACC", _d("375000.00")),
    (date(1999, 10, 15), "KACC", _d("450000.00")),
    (date(2001, 5, 15), "KACC", _d("300000.00")),
    (date(2002, 2, 12), "KACC", _d("6000000.00")),
    (SIXTH_AMENDMENT, "KACC", _d("2280000.00")),
)


def principal(instrument_id: str, day: date) -> Decimal:
    """Principal of an instrument not set by the sweep, at the end of `day`."""
    amount = BY_ID[instrument_id].opening_principal
    for when, iid, delta in PRINCIPAL_EVENTS:
        if iid == instrument_id and when <= day:
            amount += delta
    return amount


def _coupon_dates(instrument: Instrument, first: date, last: date) -> list[date]:
    dates = []
    for year in range(first.year, last.year + 1):
        for month, day in instrument.coupon_dates:
            coupon = date(year, month, day)
            if first <= coupon <= last:
                dates.append(coupon)
    return sorted(dates)


@dataclass
class FixedAccrual:
    """Month-end figures of one fixed-rate instrument: expense, cash paid, accrued and unpaid interest."""

    expense: dict[date, Decimal]
    paid: dict[date, Decimal]
    accrued: dict[date, Decimal]
    accrued_at_petition: Decimal


def fixed_accrual(instrument: Instrument) -> FixedAccrual:
    """30/360 accrual day by day through coupon dates, principal changes, month ends and the petition date."""
    ends = month_ends()
    start = date(1996, 1, 1)
    events: set[date] = {e + timedelta(days=1) for e in ends}  # first day of each month: the accrual boundary
    events |= set(_coupon_dates(instrument, start, date(2005, 1, 1)))
    events |= {when for when, iid, _ in PRINCIPAL_EVENTS if iid == instrument.instrument_id}
    events.add(PETITION_DATE)
    last_coupon = max(_coupon_dates(instrument, date(1995, 1, 1), date(1995, 12, 31)) or [instrument.issue_date])
    principal_now = instrument.opening_principal
    rate = instrument.fixed_rate or ZERO
    # interest accrued but unpaid at 1996-01-01 (exact), from the last coupon date before it
    accrued_exact = principal_now * rate * days360(last_coupon, start) / 360
    cumulative_expense = accrued_exact
    opening_accrued = cents(accrued_exact)
    paid_total = ZERO
    paid_by_month: dict[date, Decimal] = {}
    month_end_by_first = {e + timedelta(days=1): e for e in ends}
    expense: dict[date, Decimal] = {}
    paid: dict[date, Decimal] = {}
    accrued: dict[date, Decimal] = {}
    previous_cum = opening_accrued
    cursor = start
    stopped = False
    at_petition = ZERO
    coupons = set(_coupon_dates(instrument, start, date(2005, 1, 1)))
    changes = {}
    for when, iid, delta in PRINCIPAL_EVENTS:
        if iid == instrument.instrument_id:
            changes[when] = changes.get(when, ZERO) + delta
    for event in sorted(e for e in events if start < e <= date(2005, 1, 1)):
        if not stopped:
            days = days360(cursor, event)
            interest = principal_now * rate * days / 360
            accrued_exact += interest
            cumulative_expense += interest
        cursor = event
        month = month_end(event.year, event.month)
        if instrument.pre_petition and event == PETITION_DATE:
            stopped = True
            at_petition = cents(accrued_exact)
        if event in coupons and not stopped and event < date(2002, 1, 31):
            payment = cents(accrued_exact)
            accrued_exact -= payment
            paid_by_month[month] = paid_by_month.get(month, ZERO) + payment
        if event in changes:
            delta = changes[event]
            if delta < 0 and principal_now > 0:
                payment = cents(accrued_exact * (-delta) / principal_now)
                accrued_exact -= payment
                paid_by_month[month] = paid_by_month.get(month, ZERO) + payment
            principal_now += delta
        if event in month_end_by_first:
            end = month_end_by_first[event]
            cum = cents(cumulative_expense)
            expense[end] = cum - previous_cum
            previous_cum = cum
            paid[end] = paid_by_month.get(end, ZERO)
            paid_total += paid[end]
            accrued[end] = opening_accrued + sum(expense.values(), ZERO) - paid_total
    return FixedAccrual(expense, paid, accrued, at_petition)


def opening_accrued_interest(instrument: Instrument) -> Decimal:
    start = date(1996, 1, 1)
    last_coupon = max(_coupon_dates(instrument, date(1995, 1, 1), date(1995, 12, 31)) or [instrument.issue_date])
    return cents(instrument.opening_principal * (instrument.fixed_rate or ZERO) * days360(last_coupon, start) / 360)


def floating_interest(instrument: Instrument, month: date, balance_by_day) -> Decimal:
    """Actual/360 (or actual/365) interest for the month: the day's principal times the day's rate, summed."""
    total = Decimal(0)
    day = month_start(month)
    basis = 365 if instrument.day_count == "actual/365" else 360
    while day <= month:
        if instrument.pre_petition and day >= PETITION_DATE:
            break
        amount = balance_by_day(day)
        if amount:
            total += amount * all_in_rate(instrument, day) / basis
        day += timedelta(days=1)
    return cents(total)


def all_in_rate(instrument: Instrument, day: date) -> Decimal:
    if instrument.rate_kind == "fixed":
        return instrument.fixed_rate or ZERO
    assert instrument.floating_index and instrument.spread is not None
    return index_rate(instrument.floating_index, day) + instrument.spread


def is_outstanding_after_petition(instrument: Instrument) -> bool:
    return not instrument.pre_petition


def rows() -> list[dict[str, object]]:
    out = []
    for i in INSTRUMENTS:
        out.append({
            "instrument_id": i.instrument_id, "instrument_name": i.instrument_name, "obligor_entity_id": i.obligor_entity_id,
            "instrument_kind": i.instrument_kind, "indenture_basket": i.indenture_basket, "rate_kind": i.rate_kind,
            "fixed_rate": i.fixed_rate, "floating_index": i.floating_index, "spread": i.spread, "day_count": i.day_count,
            "letter_of_credit_fee_rate": i.letter_of_credit_fee_rate, "commitment": i.commitment,
            "issue_date": i.issue_date, "maturity_date": i.maturity_date, "is_subordinated": i.is_subordinated,
            "is_secured": i.is_secured,
        })
    return out


def balance_rows(swept: dict[date, Decimal]) -> list[dict[str, object]]:
    """Month-end principal (100%), undrawn letters of credit and all-in rate of every instrument while it exists."""
    from pipelines.sample import letters_of_credit as lcs

    out = []
    for instrument in INSTRUMENTS:
        for month in month_ends():
            if instrument.swept:
                active = (month >= PETITION_DATE) == (instrument.instrument_id == "DIP-2002")
                if not active:
                    continue
                amount = swept[month]
            else:
                amount = principal(instrument.instrument_id, month)
            letters = lcs.outstanding(instrument.instrument_id, month)
            if not instrument.swept and amount == 0 and letters == 0:
                continue
            out.append({"instrument_id": instrument.instrument_id, "period_end": month, "principal_outstanding": amount,
                        "letters_of_credit_outstanding": letters, "interest_rate": all_in_rate(instrument, month)})
    return out
