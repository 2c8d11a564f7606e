"""The income statement side of the ledger: each entity's monthly activity, debt interest, and the two plugs that land
the Company group on the storyline (from 2002 KACC's asbestos claims accrual, an ANEO (q)(iv) exclusion, for EBITDA;
KACC's cost of products sold for net income). Amounts are debit positive; see ledger.py for the whole method."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from pipelines.sample import indebtedness as debt
from pipelines.sample import letters_of_credit as lcs
from pipelines.sample import operating_profiles as ops
from pipelines.sample import storyline, transactions, valco
from pipelines.sample.chart_of_accounts import INCOME_STATEMENT
from pipelines.sample.ebitda import ADDBACKS, ASSET_SALE_THRESHOLD, EXCLUDED_LINES, excludable_pension
from pipelines.sample.fiscal_periods import month_ends, months_of_quarter, quarter_of, same_month
from pipelines.sample.money import ZERO, cents, split, split_evenly

D = Decimal
KAC_MONTHLY_EXPENSES = D("25000.00")
CAPITAL_LEASE_AMORTIZATION = D("40000.00")  # SYNTHETIC, like every constant here
INTANGIBLES_AMORTIZATION = D("100000.00")
DEBT_DISCOUNT_AMORTIZATION = D("25000.00")
HEDGING_NET_COST = D("50000.00")


def equity_income(month: date) -> Decimal:
    """Equity in Anglesey's earnings (SYNTHETIC), a credit."""
    return D("-900000.00") if month.year < 2002 else D("-600000.00")



class IncomeStatement:
    """Mixed into Ledger: needs its months, group, plants, activity, swept, fixed, group_sales, state, _profiles,
    _items, _fee_amortization, ebitda_plug and realized_gains."""

    # ----------------------------------------------------------------------------------------------- debt
    def principal_for_interest(self, instrument: debt.Instrument, day: date) -> Decimal:
        """Principal on which the instrument accrues interest on `day` (100%)."""
        if not instrument.swept:
            return debt.principal(instrument.instrument_id, day)
        facility = "DIP-2002" if day >= debt.PETITION_DATE else "CA1994-REVOLVER"
        if instrument.instrument_id != facility:
            return ZERO
        year, quarter = quarter_of(day)
        spike = ZERO
        if instrument.instrument_id == "DIP-2002" and transactions.DIP_DRAW_DATE <= day < transactions.DIP_REPAY_DATE:
            spike = transactions.DIP_DRAW
        return self._quarter_opening_swept(year, quarter) + spike

    def _quarter_opening_swept(self, year: int, quarter: int) -> Decimal:
        first = months_of_quarter(year, quarter)[0]
        prior = first.replace(day=1) - timedelta(days=1)
        if prior < self.months[0]:
            return debt.BY_ID["CA1994-REVOLVER"].opening_principal
        return self.swept[prior]

    def interest(self, instrument: debt.Instrument, month: date) -> Decimal:
        """Interest expense of the instrument for the month, at 100%."""
        if instrument.instrument_id in self.fixed:
            return self.fixed[instrument.instrument_id].expense[month]
        return debt.floating_interest(instrument, month, lambda day: self.principal_for_interest(instrument, day))

    def _interest_by_obligor(self, entity: str, month: date) -> tuple[Decimal, Decimal]:
        """(interest_expense, interest_expense_borne_by_jv_partners) booked by the entity for the month."""
        own, partners = ZERO, ZERO
        for instrument in debt.INSTRUMENTS:
            if instrument.obligor_entity_id != entity:
                continue
            amount = cents(self.interest(instrument, month) * debt.TB_SHARE.get(instrument.instrument_id, D(1)))
            partner = cents(amount * debt.JV_PARTNER_SHARE.get(instrument.instrument_id, ZERO))
            own += amount - partner
            partners += partner
        return own, partners

    # ----------------------------------------------------------------------------------------------- income statement
    def _sales(self, entity: str, month: date) -> Decimal:
        if entity == "KCP":
            return -ops.KCP_RENT
        share = ops.sales_share(entity, month) if entity not in self.plants else self._profiles[entity].sales_share
        return -cents(self.group_sales[month] * share)

    def _dated_items(self, entity: str, month: date, act: dict[str, Decimal]) -> None:
        for item in self._items.get((entity, month), []):
            act[item.line_item] += item.amount
        for sale in transactions.ASSET_SALES:
            if sale.seller_entity_id == entity and (sale.sale_date.year, sale.sale_date.month) == (month.year, month.month):
                act["asset_sale_gain_loss"] -= self._gain(sale)

    def _gain(self, sale: transactions.AssetSale) -> Decimal:
        if sale.pretax_gain_loss is not None:
            return sale.pretax_gain_loss
        if sale.transaction_id not in self.realized_gains:
            entity = sale.seller_entity_id
            state = self.state[entity]
            book_value = state.ppe + state.accumulated
            profile = self._profiles.get(entity, ops.HOLDING)
            month = months_of_quarter(*quarter_of(sale.sale_date))[0]
            while month <= sale.sale_date:  # months still to book before the sale, this quarter
                book_value -= ops.depreciation(entity, profile, month)
                book_value += sum((a for _, a, _ in ops.capex(entity, profile, month)), ZERO)
                month = month_ends()[month_ends().index(month) + 1]
            self.realized_gains[sale.transaction_id] = (sale.gross_proceeds - sale.selling_expenses
                                                        - sale.reserves_established - book_value)
        return self.realized_gains[sale.transaction_id]

    def _subsidiary_activity(self, entity: str, month: date) -> dict[str, Decimal]:
        profile = self._profiles[entity]
        act: dict[str, Decimal] = defaultdict(lambda: ZERO)
        sales = self._sales(entity, month)
        act["net_sales"] = sales
        act["selling_administrative_research"] = profile.sar
        act["depreciation_and_depletion"] = ops.depreciation(entity, profile, month)
        own, partners = self._interest_by_obligor(entity, month)
        act["interest_expense"] = own
        act["interest_expense_borne_by_jv_partners"] = partners
        act["amortization"] = self._fee_amortization.get((entity, month), ZERO)
        if entity == "VALCO" and month >= valco.FIRST_MONTH:
            target = valco.ebitda_at_100_percent()[month]
            act["cost_of_products_sold"] = -target - sales - profile.sar
        else:
            act["cost_of_products_sold"] = cents(-sales * profile.cogs_ratio)
        self._dated_items(entity, month, act)
        pretax = -sum(act.values(), ZERO)
        act["income_tax_expense"] = cents(pretax * profile.tax_rate) if pretax > 0 else ZERO
        if entity == "VALCO":
            before_minority = -sum(act.values(), ZERO)
            act["minority_interests"] = cents(before_minority * D("0.10"))
        return act

    def _kac_activity(self, month: date) -> dict[str, Decimal]:
        act: dict[str, Decimal] = defaultdict(lambda: ZERO)
        act["interest_expense"] = transactions.EXISTING_INTERCOMPANY_NOTE_MONTHLY_INTEREST
        act["selling_administrative_research"] = KAC_MONTHLY_EXPENSES
        for payment in transactions.RESTRICTED_PAYMENTS:
            if payment.recipient_kind == "kac" and same_month(payment.payment_date, month) and \
                    payment.payment_kind == "dividend":
                act["other_income_expense"] -= payment.amount
        return act

    def _kacc_activity(self, month: date, others: list[dict[str, Decimal]]) -> dict[str, Decimal]:
        act: dict[str, Decimal] = defaultdict(lambda: ZERO)
        act["net_sales"] = -self.group_sales[month] - sum((o["net_sales"] for o in others), ZERO)
        act["selling_administrative_research"] = ops.kacc_sar(month)
        act["depreciation_and_depletion"] = ops.kacc_depreciation(month)
        act["amortization"] = self._fee_amortization.get(("KACC", month), ZERO) + INTANGIBLES_AMORTIZATION
        act["capital_lease_amortization"] = CAPITAL_LEASE_AMORTIZATION
        if month < debt.PETITION_DATE:
            act["debt_discount_amortization"] = DEBT_DISCOUNT_AMORTIZATION
        if date(1998, 1, 1) <= month <= date(1999, 12, 31):
            act["interest_hedging_net_cost"] = HEDGING_NET_COST
        for instrument in debt.INSTRUMENTS:
            if instrument.letter_of_credit_fee_rate:
                act["letter_of_credit_fees"] += lcs.monthly_fee(instrument.instrument_id,
                                                                instrument.letter_of_credit_fee_rate, month)
        own, partners = self._interest_by_obligor("KACC", month)
        act["interest_expense"] = own
        act["existing_intercompany_note_interest"] = -transactions.EXISTING_INTERCOMPANY_NOTE_MONTHLY_INTEREST
        act["equity_method_income"] = equity_income(month)
        self._dated_items("KACC", month, act)
        return act

    def _close_quarter_income(self, year: int, quarter: int) -> None:
        months = months_of_quarter(year, quarter)
        plan = storyline.QUARTERS[(year, quarter)]
        for month in months:
            others = [self._subsidiary_activity(e, month) for e in self.group if e != "KACC"]
            for entity, act in zip([e for e in self.group if e != "KACC"], others):
                self.activity[(entity, month)] = act
            self.activity[("KAC", month)] = self._kac_activity(month)
            self.activity[("KACC", month)] = self._kacc_activity(month, others)
        kacc = [self.activity[("KACC", m)] for m in months]
        # income tax: the group's plan before the petition, state minimum taxes at KACC after it
        if year < 2002:
            group_tax = cents(plan.net_income * storyline.TAX_RATE / (1 - storyline.TAX_RATE))
            group_tax += storyline.TAX_SPECIAL.get((year, quarter), ZERO)
            for month, part, act in zip(months, split_evenly(group_tax, 3), kacc):
                others_tax = sum((self.activity[(e, month)]["income_tax_expense"] for e in self.group if e != "KACC"), ZERO)
                act["income_tax_expense"] = part - others_tax
        else:
            for act in kacc:
                act["income_tax_expense"] = storyline.POST_PETITION_KACC_TAX
        # EBITDA plan: KACC's balancing ANEO charge (storyline.BALANCING) in the quarter's last month
        if (year, quarter) in storyline.EBITDA:
            plug = storyline.EBITDA[(year, quarter)] - plan.net_income - self._ebitda_before_net_income(months)
            if plug < 0:
                raise ValueError(f"{year}Q{quarter}: EBITDA plan needs a negative non-cash charge ({plug})")
            entity, line, note, offset = storyline.BALANCING
            assert entity == "KACC"
            self.ebitda_plug[(year, quarter)] = plug
            kacc[2][line] += plug
            self._items[(entity, months[2])].append(storyline.Item(months[2], entity, line, plug, note, offset))
        # net income plan: KACC's cost of products sold, in proportion to its monthly net sales
        rest = sum((self._group_total(m, line) for m in months for line in INCOME_STATEMENT
                    if line != "cost_of_products_sold"), ZERO)
        rest += sum((self.activity[(e, m)]["cost_of_products_sold"] for m in months for e in self.group if e != "KACC"),
                    ZERO)
        kacc_cogs = -plan.net_income - rest
        for act, part in zip(kacc, split(kacc_cogs, [-a["net_sales"] for a in kacc])):
            act["cost_of_products_sold"] = part

    def _ebitda_before_net_income(self, months: list[date]) -> Decimal:
        """EBITDA less net income for the quarter as booked so far (ebitda.py): the add-backs, the ANEO exclusions of
        (m) and (k)-(q) (all within their caps; (o) less the part below OLV In-Place Value), less (a) capital-asset sale
        gains over $150,000, (f) debt extinguishment gains and (g) extraordinary gains. (c) and (d) are nil in 2002-2004."""
        total = sum((self._group_total(m, line) for m in months for line in ADDBACKS), ZERO)
        total += sum(self._excluded_pension(m) for m in months)
        total += sum((self._group_total(m, line) for m in months for line in EXCLUDED_LINES), ZERO)
        total -= storyline.IMPAIRMENT_BELOW_OLV.get(months[2], ZERO)
        for sale in transactions.ASSET_SALES:
            if months[0].replace(day=1) <= sale.sale_date <= months[2] and abs(self._gain(sale)) > ASSET_SALE_THRESHOLD:
                total -= self._gain(sale)
        for line in ("debt_extinguishment_gain", "extraordinary_gain"):
            total += min(ZERO, sum((self._group_total(m, line) for m in months), ZERO))
        return total

    def _group_total(self, month: date, line: str) -> Decimal:
        return sum((self.activity[(e, month)][line] for e in self.group), ZERO)

    def _excluded_pension(self, month: date) -> Decimal:
        pension = [self._pension(m) for m in self.months if m.year == month.year and m <= month]
        return excludable_pension(month.year, pension)[-1]

    def _pension(self, month: date) -> Decimal:
        return sum((item.amount for item in self._items.get(("KACC", month), []) if item.line_item ==
                    "non_cash_pension_expense"), ZERO)
