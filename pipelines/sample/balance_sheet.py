"""The balance sheet side of the ledger: opening balances, each month's movements, the closing balance sheet of every
entity, the account that balances it (cash or intercompany), KACC's revolver cash sweep and the year-end close.
See ledger.py for the whole method; every amount here is SYNTHETIC unless its comment says otherwise."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from pipelines.sample import indebtedness as debt
from pipelines.sample import letters_of_credit as lcs
from pipelines.sample import operating_profiles as ops
from pipelines.sample import storyline, transactions
from pipelines.sample.ebitda import EXCLUDED_LINES
from pipelines.sample.fiscal_periods import same_month
from pipelines.sample.money import ZERO, cents, split_evenly

D = Decimal
KAC_CASH_OPENING = D("15000000.00")
KAC_OPENING_INVESTMENT = D("600000000.00")
ANGLESEY_OPENING = D("120000000.00")
OPEB_SHARE_SUBJECT_TO_COMPROMISE = D("0.60")  # of the opening long-term liabilities, moved to LSTC at the petition
NON_CASH_CHARGE_LINES = ("other_non_cash_charges", *EXCLUDED_LINES)  # booked against the item's offset account

# Income statement lines that name a counterparty: the investee, or the Existing Intercompany Note's obligor.
INCOME_COUNTERPARTY = {("KACC", "equity_method_income"): "ANG", ("KACC", "existing_intercompany_note_interest"): "KAC"}


def anglesey_distribution(month: date) -> Decimal:
    """Cash dividends from Anglesey at quarter ends (SYNTHETIC)."""
    if month.month % 3:
        return ZERO
    return D("2400000.00") if month.year < 2002 else D("1500000.00")


@dataclass
class EntityState:
    """The running balances of one entity (debit positive)."""

    ppe: Decimal = ZERO
    accumulated: Decimal = ZERO
    other_assets: Decimal = ZERO
    accrued_base: Decimal = ZERO
    other_liabilities: Decimal = ZERO
    compromise_accruals: Decimal = ZERO
    minority: Decimal = ZERO
    preferred_stock: Decimal = ZERO
    preferred_dividends: Decimal = ZERO
    common_equity: Decimal = ZERO
    retained_earnings: Decimal | None = None
    restructuring_reserve: Decimal = ZERO
    inventory_adjustment: Decimal = ZERO  # LIFO credits booked to inventories
    investments: dict[str, Decimal] = field(default_factory=dict)
    distributions: dict[str, Decimal] = field(default_factory=dict)
    note_receivable: Decimal = ZERO  # KACC: Existing Intercompany Note and unpaid interest; KAC: the mirror
    residual: Decimal = ZERO  # cash or intercompany, whichever balances the entity
    ytd: dict[str, Decimal] = field(default_factory=lambda: defaultdict(lambda: ZERO))


class BalanceSheet:
    """Mixed into Ledger: needs its entities, group, months, activity, balances, swept, fixed, state, _profiles and
    _items."""

    # ----------------------------------------------------------------------------------------------- balance sheets
    def _open(self) -> None:
        jan = self.months[0]
        for entity in self.entities:
            s = self.state[entity]
            opening = ops.KACC_OPENING if entity == "KACC" else self._profiles.get(entity, ops.HOLDING).opening
            s.ppe = opening.get("property_plant_equipment", ZERO)
            s.accumulated = opening.get("accumulated_depreciation", ZERO)
            s.other_assets = opening.get("other_assets", ZERO)
            s.accrued_base = opening.get("accrued_liabilities", ZERO)
            s.other_liabilities = opening.get("other_liabilities", ZERO)
            s.minority = opening.get("minority_interest_equity", ZERO)
            s.preferred_stock = opening.get("preferred_stock", ZERO)
            s.common_equity = opening.get("common_equity", ZERO)
            if entity == "KACC":
                s.investments = {"ANG": ANGLESEY_OPENING}
                s.note_receivable = transactions.EXISTING_INTERCOMPANY_NOTE
                cash = ops.KACC_CASH_OPENING
            elif entity == "KAC":
                s.other_assets = KAC_OPENING_INVESTMENT
                s.note_receivable = -transactions.EXISTING_INTERCOMPANY_NOTE
                cash = KAC_CASH_OPENING
            else:
                cash = self._profiles.get(entity, ops.HOLDING).cash
            balances = self._balance_sheet(entity, jan, opening=True)
            s.retained_earnings = -(sum(balances.values(), ZERO) + cash)

    def _fixed_assets_movement(self, entity: str, month: date) -> None:
        """Capital expenditure, depreciation, impairments, then assets sold (at the month end, after depreciation)."""
        s = self.state[entity]
        act = self.activity[(entity, month)]
        profile = self._profiles.get(entity, ops.HOLDING)
        for _, amount, _ in ops.capex(entity, profile, month):
            s.ppe += amount
        s.accumulated -= act["depreciation_and_depletion"]
        for item in self._items.get((entity, month), []):
            if item.line_item not in NON_CASH_CHARGE_LINES:
                continue
            if item.offset == "other_assets":
                s.other_assets -= item.amount
            elif item.offset == "other_liabilities":
                s.other_liabilities -= item.amount
            elif item.offset == "inventories":
                s.inventory_adjustment -= item.amount
            elif item.offset == "liabilities_subject_to_compromise":
                s.compromise_accruals -= item.amount
            elif item.offset == "accumulated_depreciation":
                s.accumulated -= item.amount
            else:
                raise ValueError(f"{item}: no rule for offset {item.offset}")
        for sale in transactions.ASSET_SALES:
            if sale.seller_entity_id != entity or not same_month(sale.sale_date, month):
                continue
            if sale.pretax_gain_loss is None:  # all the seller's fixed assets
                s.ppe, s.accumulated = ZERO, ZERO
            else:
                book_value = sale.gross_proceeds - sale.selling_expenses - sale.reserves_established - sale.pretax_gain_loss
                cost = cents(book_value * sale.cost_to_book_value)
                s.ppe -= cost
                s.accumulated += cost - book_value
            s.other_assets += sale.other_non_cash_consideration
            s.other_liabilities += sale.assumed_liabilities
            s.accrued_base -= sale.reserves_established

    def _other_movements(self, entity: str, month: date) -> None:
        s = self.state[entity]
        act = self.activity[(entity, month)]
        s.other_assets -= (act["amortization"] + act["capital_lease_amortization"] + act["debt_discount_amortization"]
                           + act["deferred_financing_writeoff_credit_agreement"])
        s.other_liabilities -= act["non_cash_pension_expense"]
        if entity == "KACC":
            s.other_liabilities += ops.other_liability_payments(month)
        s.minority -= act["minority_interests"]
        for when, payer, fee in debt.FINANCING_FEES:
            if payer == entity and same_month(when, month):
                s.other_assets += fee
        if entity == "KACC":
            self._kacc_movements(month, act)
        if entity == "KAC":
            s.note_receivable -= transactions.EXISTING_INTERCOMPANY_NOTE_MONTHLY_INTEREST
            if month.month % 3 == 0:
                s.note_receivable += transactions.note_interest_received(month)
            for issue in transactions.EQUITY_ISSUANCES:
                if same_month(issue.issue_date, month):
                    s.other_assets += issue.net_proceeds

    def _kacc_movements(self, month: date, act: dict[str, Decimal]) -> None:
        s = self.state["KACC"]
        s.investments["ANG"] = s.investments.get("ANG", ZERO) - act["equity_method_income"]
        s.distributions["ANG"] = s.distributions.get("ANG", ZERO) - anglesey_distribution(month)
        s.inventory_adjustment -= act["other_non_cash_credits"]
        s.restructuring_reserve -= act["restructuring_charge"]
        s.accrued_base -= cents(act["reorganization_items"] * storyline.REORGANIZATION_HOLDBACK)
        if date(1997, 7, 1) <= month <= date(1998, 6, 30):
            s.restructuring_reserve += split_evenly(D("19700000.00"), 12)[(month.year - 1997) * 12 + month.month - 7]
        s.note_receivable += transactions.EXISTING_INTERCOMPANY_NOTE_MONTHLY_INTEREST
        if month.month % 3 == 0:
            s.note_receivable -= transactions.note_interest_received(month)
        for payment in transactions.RESTRICTED_PAYMENTS:
            if not same_month(payment.payment_date, month):
                continue
            if payment.payment_kind == "dividend" and payment.recipient_kind == "kac":
                s.retained_earnings += payment.amount
            elif payment.payment_kind == "dividend":
                s.preferred_dividends += payment.amount
            elif payment.transaction_id == "RP-1998-02-ANG":
                s.investments["ANG"] += payment.amount
            elif payment.transaction_id == "RP-1998-09-VEN":
                s.other_assets += payment.amount
        for issue in transactions.EQUITY_ISSUANCES:
            if same_month(issue.issue_date, month):
                s.common_equity -= issue.net_proceeds

    def _debt_balances(self, entity: str, month: date) -> tuple[Decimal, Decimal, Decimal]:
        """(long_term_debt, liabilities_subject_to_compromise, accrued interest) for the entity, as credits."""
        long_term, compromise, accrued = ZERO, ZERO, ZERO
        after_petition = month >= debt.PETITION_DATE
        for instrument in debt.INSTRUMENTS:
            if instrument.obligor_entity_id != entity or instrument.swept:
                continue
            amount = cents(debt.principal(instrument.instrument_id, month) * debt.TB_SHARE.get(instrument.instrument_id, D(1)))
            interest = self.fixed[instrument.instrument_id].accrued[month] if instrument.instrument_id in self.fixed else ZERO
            if instrument.pre_petition and after_petition:
                compromise -= amount + interest
            else:
                long_term -= amount
                accrued -= interest
        return long_term, compromise, accrued

    def _balance_sheet(self, entity: str, month: date, opening: bool = False) -> dict[tuple[str, str], Decimal]:
        """Every balance sheet account of the entity but the balancing one (and retained earnings)."""
        s = self.state[entity]
        profile = self._profiles.get(entity, ops.HOLDING)
        out: dict[tuple[str, str], Decimal] = defaultdict(lambda: ZERO)
        sales = max(self._average_sales(entity, month), ZERO)
        if entity == "KACC":
            receivable_months, inventory_months = ops.KACC_RECEIVABLE_MONTHS, ops.kacc_inventory_months(month)
            payable_months = ops.KACC_PAYABLE_MONTHS
        else:  # in months of net sales
            receivable_months = profile.receivable_months
            inventory_months = profile.inventory_months * profile.cogs_ratio
            payable_months = profile.payable_months * profile.cogs_ratio
        out[("receivables", "")] = cents(sales * receivable_months)
        out[("inventories", "")] = cents(sales * inventory_months)
        out[("accounts_payable", "")] = -cents(sales * payable_months)
        out[("property_plant_equipment", "")] = s.ppe
        out[("accumulated_depreciation", "")] = s.accumulated
        out[("other_assets", "")] = s.other_assets
        for investee, amount in s.investments.items():
            out[("investments_in_affiliates", investee)] = amount
        for investee, amount in s.distributions.items():
            out[("investee_distributions_received", investee)] = amount
        long_term, compromise, accrued_interest = self._debt_balances(entity, month)
        if entity == "KACC" and opening:
            long_term -= debt.BY_ID["CA1994-REVOLVER"].opening_principal
            accrued_interest = -sum((debt.opening_accrued_interest(i) for i in debt.INSTRUMENTS
                                     if i.instrument_id in self.fixed), ZERO)
        out[("long_term_debt", "")] = long_term
        other_liabilities = s.other_liabilities
        if entity == "KACC" and month >= debt.PETITION_DATE:
            opeb = cents(ops.KACC_OPENING["other_liabilities"] * OPEB_SHARE_SUBJECT_TO_COMPROMISE)
            other_liabilities -= opeb
            compromise += opeb
        out[("liabilities_subject_to_compromise", "")] = compromise + s.compromise_accruals
        out[("accrued_liabilities", "")] = s.accrued_base + accrued_interest + s.restructuring_reserve
        out[("other_liabilities", "")] = other_liabilities
        out[("minority_interest_equity", "")] = s.minority
        out[("preferred_stock", "")] = s.preferred_stock
        out[("preferred_dividends", "")] = s.preferred_dividends
        out[("common_equity", "")] = s.common_equity
        if entity in ("KACC", "KAC"):
            out[("intercompany", "KAC" if entity == "KACC" else "KACC")] = s.note_receivable
        out[("inventories", "")] += s.inventory_adjustment
        return out

    def _average_sales(self, entity: str, month: date) -> Decimal:
        """Net sales of the month and the two before it, averaged (working capital follows it)."""
        index = self.months.index(month)
        recent = [-self.activity[(entity, m)]["net_sales"] for m in self.months[max(0, index - 2): index + 1]]
        return sum(recent, ZERO) / len(recent)

    def _book_month(self, month: date) -> None:
        if month.month == 1 and month.year > self.months[0].year:
            for entity in self.entities:
                s = self.state[entity]
                s.retained_earnings += sum(s.ytd.values(), ZERO)
                s.ytd = defaultdict(lambda: ZERO)
        sheets: dict[str, dict[tuple[str, str], Decimal]] = {}
        for entity in self.entities:
            s = self.state[entity]
            for line, amount in self.activity[(entity, month)].items():
                s.ytd[line] += amount
            self._fixed_assets_movement(entity, month)
            self._other_movements(entity, month)
            sheets[entity] = self._balance_sheet(entity, month)
        # every entity but KACC, KCP and KAC balances through intercompany with KACC; KCP and KAC through cash
        mirror: dict[str, Decimal] = {}
        for entity in self.entities:
            if entity == "KACC":
                continue
            s = self.state[entity]
            rest = sum(sheets[entity].values(), ZERO) + s.retained_earnings + sum(s.ytd.values(), ZERO)
            if entity in ("KCP", "KAC"):
                sheets[entity][("cash", "")] = -rest
            else:
                cash = self._profiles.get(entity, ops.HOLDING).cash
                sheets[entity][("cash", "")] = cash
                sheets[entity][("intercompany", "KACC")] = -rest - cash
                mirror[entity] = rest + cash
        kacc = sheets["KACC"]
        for entity, amount in mirror.items():
            kacc[("intercompany", entity)] = amount
        s = self.state["KACC"]
        cash_before_sweep = -(sum(kacc.values(), ZERO) + s.retained_earnings + sum(s.ytd.values(), ZERO))
        others_cash = sum((sheets[e][("cash", "")] for e in self.group if e != "KACC"), ZERO)
        target = max(self._cash_target(month) - others_cash, D("5000000.00"))
        facility = "DIP-2002" if month >= debt.PETITION_DATE else "CA1994-REVOLVER"
        drawn = max(ZERO, target - cash_before_sweep)
        limit = debt.BY_ID[facility].commitment - lcs.outstanding(facility, month)
        if drawn > limit:
            raise ValueError(f"{month}: the sweep needs {drawn} under {facility}, above its availability {limit}")
        self.swept[month] = drawn
        kacc[("long_term_debt", "")] -= drawn
        kacc[("cash", "")] = cash_before_sweep + drawn
        for entity in self.entities:
            s = self.state[entity]
            sheet = sheets[entity]
            sheet[("retained_earnings", "")] = s.retained_earnings
            for line, amount in s.ytd.items():
                sheet[(line, INCOME_COUNTERPARTY.get((entity, line), ""))] = amount
            self.balances[(entity, month)] = sheet

    def _cash_target(self, month: date) -> Decimal:
        if month >= debt.PETITION_DATE:
            return storyline.POST_PETITION_CASH_FLOOR
        points = storyline.CASH_POINTS
        for (d0, v0), (d1, v1) in zip(points, points[1:]):
            if d0 <= month <= d1:
                return cents(D(v0) + (D(v1) - D(v0)) * D((month - d0).days) / D((d1 - d0).days))
        return D(points[-1][1])
