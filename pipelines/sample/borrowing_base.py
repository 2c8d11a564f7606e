"""Daily borrowing-base data under the Post-Petition Credit Agreement, every Business Day (Mon-Fri) from the petition date.

Real: the $300,000,000 commitment, cut to $285,000,000 by the Sixth Amendment (2003-08-01); the Availability Reserve of
that amendment ($28,500,000); the PPE Subcomponent amortizing by $1,190,476 a month from October 2003; the
VALCO PPE Reduction of $10,000,000 a quarter from 2004-03-31 while VALCO produces no primary aluminum.
SYNTHETIC: everything else. Eligible Inventory and Eligible Accounts are fixed shares of the U.S. Debtors' inventories and
receivables in the ledger (interpolated between month ends), the OLV In-Place Value and the appraisals' Net Recovery
Percentages are invented, and revolving_commitment_availability is computed as
    min(commitment, inventory component + PPE component + 85% x Eligible Accounts) - Availability Reserve
      - Revolving Credit Outstandings - letters of credit
with the inventory component min($175,000,000, 65% x EI [, 85% x NRP x EI once an appraisal is received]), the PPE
component min(amortized $100,000,000, 50% x OLV) less the VALCO PPE Reductions, and a $25,000,000 reserve before the Sixth
Amendment (the base agreement's own definitions are not available; the pipeline may recompute availability).
Revolving Credit Outstandings are the month-end Post-Petition Credit Agreement borrowings, plus a $105,000,000 borrowing of
2003-11-17 to 2003-11-19 that takes availability below $75,000,000 on three consecutive Business Days (a Trigger Event),
and a $130,000,000 borrowing of 2004-03-09 to 2004-03-11 that takes the outstandings above $125,000,000 (a Trigger Event
of clause (i) too; the 3/31/04 monthly test is within the March 29, 2004 waiver). A mixed run (clause (i) on some days, (ii) on others) cannot arise in this sample: with availability
before borrowings near $155,000,000, outstandings above $125,000,000 always leave availability below $75,000,000; the
tests build one from literal rows.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pipelines.sample import letters_of_credit as lcs
from pipelines.sample import transactions, valco
from pipelines.sample.fiscal_periods import business_days, month_end, month_ends, previous_month_end
from pipelines.sample.indebtedness import PETITION_DATE, SIXTH_AMENDMENT
from pipelines.sample.money import ZERO, cents

D = Decimal
ELIGIBLE_INVENTORY_SHARE = D("0.55")
ELIGIBLE_ACCOUNTS_SHARE = D("0.65")
APPRAISALS = ((date(2003, 10, 15), D("0.780000")), (date(2004, 4, 15), D("0.805000")), (date(2004, 10, 15), D("0.812000")))
PPE_AMORTIZATION = D("1190476.00")
VALCO_PPE_REDUCTION = D("10000000.00")


def olv_in_place_value(day: date) -> Decimal:
    """SYNTHETIC: $240,000,000 at the petition, falling straight-line to $200,000,000 at the end of 2004."""
    span = (date(2004, 12, 31) - PETITION_DATE).days
    return cents(D("240000000") - D("40000000") * D((day - PETITION_DATE).days) / D(span))


def _net_recovery(day: date) -> Decimal | None:
    value = None
    for received, pct in APPRAISALS:
        if received <= day:
            value = pct
    return value


def _ppe_component(day: date) -> Decimal:
    reductions = 0 if day < date(2003, 10, 1) else (day.year - 2003) * 12 + day.month - 9
    amortized = D("100000000.00") - PPE_AMORTIZATION * reductions
    valco_reductions = sum((VALCO_PPE_REDUCTION for end in (date(2004, 3, 31), date(2004, 6, 30), date(2004, 9, 30),
                                                             date(2004, 12, 31))
                            if end <= day and not valco.produced(end)), ZERO)
    return max(ZERO, min(amortized, cents(olv_in_place_value(day) / 2)) - valco_reductions)


def rows(ledger, us_entities: list[str]) -> list[dict[str, object]]:
    totals: dict[tuple[str, date], Decimal] = {}

    def month_total(line: str, month: date) -> Decimal:
        if (line, month) not in totals:
            totals[(line, month)] = sum((ledger.balances[(e, month)].get((line, ""), ZERO) for e in us_entities), ZERO)
        return totals[(line, month)]

    out = []
    ends = set(month_ends())
    for day in business_days(PETITION_DATE, date(2004, 12, 31)):
        end = month_end(day.year, day.month)
        start = previous_month_end(day)
        weight = D(day.day) / D(end.day)
        inventory = month_total("inventories", start) * (1 - weight) + month_total("inventories", end) * weight
        accounts = month_total("receivables", start) * (1 - weight) + month_total("receivables", end) * weight
        eligible_inventory = cents(inventory * ELIGIBLE_INVENTORY_SHARE)
        eligible_accounts = cents(accounts * ELIGIBLE_ACCOUNTS_SHARE)
        nrp = _net_recovery(day)
        inventory_component = min(D("175000000.00"), cents(eligible_inventory * D("0.65")))
        if nrp is not None:
            inventory_component = min(inventory_component, cents(eligible_inventory * D("0.85") * nrp))
        olv = olv_in_place_value(day)
        borrowing_base = inventory_component + _ppe_component(day) + cents(eligible_accounts * D("0.85"))
        commitment = D("285000000.00") if day >= SIXTH_AMENDMENT else D("300000000.00")
        reserve = D("28500000.00") if day >= SIXTH_AMENDMENT else D("25000000.00")
        outstanding = ledger.swept[end] if end in ends else ZERO
        outstanding += sum((amount for first, repaid, amount in transactions.DIP_SHORT_DRAWS if first <= day < repaid), ZERO)
        letters = lcs.outstanding("DIP-2002", day)
        availability = max(ZERO, min(commitment, borrowing_base) - reserve - outstanding - letters)
        out.append({"as_of_date": day, "eligible_inventory": eligible_inventory, "inventory_net_recovery_pct": nrp,
                    "olv_in_place_value": olv, "eligible_accounts": eligible_accounts,
                    "revolving_credit_outstandings": outstanding, "letters_of_credit_outstandings": letters,
                    "revolving_commitment_availability": availability})
    return out
