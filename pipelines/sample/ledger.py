"""The general ledger of the sample: month by month, each entity's income statement activity and closing balance sheet.

How the trial balances are built (all amounts exact decimals in cents):
* The Company group's quarterly net sales and net income are the storyline's (storyline.py); from 2002 the quarterly EBITDA
  is too (ebitda.py). Every entity other than KACC books its own operations (operating_profiles.py), its debt's interest
  (indebtedness.py) and the dated items; KACC books its own items, takes the rest of the group's net sales, its asbestos
  claims accrual (ANEO (q)(iv), uncapped) is set so that the group's EBITDA lands on the plan, and its cost of products
  sold so that net income does. Every other ANEO (k)-(q) charge is dated in storyline.py and must stay within its cap.
* Balance sheet accounts follow rules (balance_sheet.py): working capital in months of the last three months' average net
  sales, fixed assets by capital expenditure, depreciation, impairments and sales, debt from the debt schedules, and so
  on. One account per entity balances its trial balance to zero: cash for KACC, KCP and KAC, intercompany with KACC for
  every other entity (KACC carries the mirror). There are no investment-in-subsidiary accounts and no elimination
  entries: adding up the group's trial balances is the consolidation (intercompany balances net to zero).
* KACC's cash is kept at a target (public cash balances before the petition, a floor after it) by borrowing under the
  revolving facility of the day (the 1994 Credit Agreement, then the Post-Petition Credit Agreement): a cash sweep.
  Revolver interest for a fiscal quarter is accrued on the balance outstanding at the end of the previous quarter.
* Income statement accounts carry fiscal-year-to-date balances and restart each January, when the prior year's income is
  closed to retained earnings.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from pipelines.sample import indebtedness as debt
from pipelines.sample import operating_profiles as ops
from pipelines.sample import storyline
from pipelines.sample.balance_sheet import BalanceSheet, EntityState
from pipelines.sample.chart_of_accounts import BY_LINE_ITEM
from pipelines.sample.ebitda import EXCLUDED_LINES, over_cap
from pipelines.sample.entities import company_group, ledger_entities, plant_ids
from pipelines.sample.fiscal_periods import month_ends, months_of_quarter
from pipelines.sample.income_statement import IncomeStatement
from pipelines.sample.money import ZERO, split, split_evenly

D = Decimal
FEE_AMORTIZATION_MONTHS = 60  # deferred financing costs are amortized over five years (SYNTHETIC)


class Ledger(IncomeStatement, BalanceSheet):
    """The whole sample ledger; `run()` books every month, then `balances` holds each entity-month's trial balance."""

    def __init__(self) -> None:
        self.entities = ledger_entities()
        self.group = company_group()
        self.plants = plant_ids()
        self.months = month_ends()
        self.activity: dict[tuple[str, date], dict[str, Decimal]] = {}
        self.balances: dict[tuple[str, date], dict[tuple[str, str], Decimal]] = {}
        self.swept: dict[date, Decimal] = {}
        self.realized_gains: dict[str, Decimal] = {}
        self.ebitda_plug: dict[tuple[int, int], Decimal] = {}
        self.fixed = {i.instrument_id: debt.fixed_accrual(i) for i in debt.INSTRUMENTS if i.rate_kind == "fixed"
                      and i.day_count == "30/360"}
        self.group_sales = self._group_sales()
        self.state = {e: EntityState() for e in self.entities}
        self._profiles = self._entity_profiles()
        self._items = defaultdict(list)
        for item in storyline.ITEMS:
            self._items[(item.entity_id, item.month)].append(item)
        self._fee_amortization = self._fee_amortization_schedule()

    # ----------------------------------------------------------------------------------------------- set-up
    def _group_sales(self) -> dict[date, Decimal]:
        out = {}
        for (year, quarter), plan in storyline.QUARTERS.items():
            months = months_of_quarter(year, quarter)
            parts = split(plan.net_sales, [D(storyline.SALES_WEIGHTS[m.month]) for m in months])
            out.update(zip(months, parts))
        return out

    def _entity_profiles(self) -> dict[str, ops.Profile]:
        profiles = dict(ops.PROFILES)
        together = ops.PLANTS_TOGETHER
        count = len(self.plants)
        sar, dd, cash = (split_evenly(v, count) for v in (together.sar, together.dd, together.cash))
        capex = [split_evenly(a, count) for _, a in together.capex]
        opening = {k: split_evenly(v, count) for k, v in together.opening.items()}
        for n, plant in enumerate(self.plants):
            profiles[plant] = ops.Profile(
                together.sales_share / count, together.cogs_ratio, sar[n], dd[n], together.tax_rate,
                together.receivable_months, together.inventory_months, together.payable_months, cash[n],
                tuple((p, capex[k][n]) for k, (p, _) in enumerate(together.capex)),
                {k: v[n] for k, v in opening.items()},
            )
        return profiles

    def _fee_amortization_schedule(self) -> dict[tuple[str, date], Decimal]:
        out: dict[tuple[str, date], Decimal] = defaultdict(lambda: ZERO)
        for when, entity, fee in debt.FINANCING_FEES:
            parts = split_evenly(fee, FEE_AMORTIZATION_MONTHS)
            months = [m for m in self.months if m > when][:FEE_AMORTIZATION_MONTHS]
            for month, part in zip(months, parts):
                out[(entity, month)] += part
        return out

    # ----------------------------------------------------------------------------------------------- run
    def run(self) -> "Ledger":
        for year in range(self.months[0].year, self.months[-1].year + 1):
            for quarter in (1, 2, 3, 4):
                self._close_quarter_income(year, quarter)
                if (year, quarter) == (self.months[0].year, 1):
                    self._open()
                for month in months_of_quarter(year, quarter):
                    self._book_month(month)
        problems = over_cap(self.aneo_charges(), storyline.IMPAIRMENT_BELOW_OLV)
        if problems:
            raise ValueError("ANEO charges the sample means to exclude in full exceed a cap: " + "; ".join(problems))
        return self

    def aneo_charges(self) -> list[tuple[date, str, Decimal]]:
        """(month, line item, group amount) of every ANEO (k)-(q) charge booked."""
        return [(m, line, amount) for m in self.months for line in EXCLUDED_LINES
                if (amount := self._group_total(m, line))]

    def trial_balance_rows(self) -> list[dict[str, object]]:
        """Every nonzero balance, by month, entity (register order), account and counterparty."""
        accounts = {line: account.account_id for line, account in BY_LINE_ITEM.items()}
        rows = []
        for month in self.months:
            for entity in self.entities:
                sheet = self.balances[(entity, month)]
                for (account, counterparty), amount in sorted(((accounts[line], cp), amount)
                                                              for (line, cp), amount in sheet.items() if amount):
                    rows.append({"entity_id": entity, "period_end": month, "account_id": account,
                                 "counterparty_entity_id": counterparty or None, "balance": amount})
        return rows



def capital_expenditure_rows(ledger: Ledger) -> list[dict[str, object]]:
    rows = []
    for month in ledger.months:
        for entity in ledger.entities:
            for project, amount, financed in ops.capex(entity, ledger._profiles.get(entity, ops.HOLDING), month):
                if amount:
                    rows.append({"entity_id": entity, "period_end": month, "project": project, "amount": amount,
                                 "financed_by_obligors": financed})
    return rows
