"""Chart of accounts: one account per covenant line item (1000s assets, 2000s liabilities, 3000s equity, 4000s revenue,
5000s-8000s expenses and other items). Synthetic numbering; the classification follows the extract contract."""

from __future__ import annotations

from dataclasses import dataclass

from pipelines.extracts.contract import LINE_ITEMS

INCOME_STATEMENT = LINE_ITEMS[: LINE_ITEMS.index("income_tax_expense") + 1]


@dataclass(frozen=True)
class Account:
    account_id: str
    account_name: str
    line_item: str

    @property
    def statement(self) -> str:
        return "income_statement" if self.line_item in INCOME_STATEMENT else "balance_sheet"


ACCOUNTS: tuple[Account, ...] = (
    Account("1000", "Cash and cash equivalents", "cash"),
    Account("1100", "Trade and other receivables", "receivables"),
    Account("1200", "Inventories", "inventories"),
    Account("1500", "Property, plant and equipment, at cost", "property_plant_equipment"),
    Account("1550", "Accumulated depreciation, depletion and impairment", "accumulated_depreciation"),
    Account("1600", "Investments in and advances to unconsolidated affiliates", "investments_in_affiliates"),
    Account("1650", "Cumulative distributions received from equity-method investees", "investee_distributions_received"),
    Account("1700", "Deferred charges and other assets", "other_assets"),
    Account("1900", "Intercompany receivables (payables)", "intercompany"),
    Account("2000", "Accounts payable", "accounts_payable"),
    Account("2100", "Accrued interest, salaries, taxes and other accrued liabilities", "accrued_liabilities"),
    Account("2500", "Long-term debt", "long_term_debt"),
    Account("2600", "Liabilities subject to compromise", "liabilities_subject_to_compromise"),
    Account("2700", "Accrued postretirement medical, pension and other long-term liabilities", "other_liabilities"),
    Account("2900", "Minority interests", "minority_interest_equity"),
    Account("3000", "Preferred stock", "preferred_stock"),
    Account("3050", "Cumulative preferred dividends paid", "preferred_dividends"),
    Account("3100", "Common stock and additional capital", "common_equity"),
    Account("3900", "Retained earnings (accumulated deficit)", "retained_earnings"),
    Account("4000", "Net sales", "net_sales"),
    Account("5000", "Cost of products sold", "cost_of_products_sold"),
    Account("5100", "Selling, administrative, research and general", "selling_administrative_research"),
    Account("5200", "Restructuring of operations", "restructuring_charge"),
    Account("5300", "Depreciation and depletion", "depreciation_and_depletion"),
    Account("5310", "Amortization of capitalized lease assets", "capital_lease_amortization"),
    Account("5320", "Amortization of intangibles and deferred financing costs", "amortization"),
    Account("5400", "Non-cash pension expense", "non_cash_pension_expense"),
    Account("5410", "Special pension charges, non-cash", "pension_special_charges"),
    Account("5500", "Other non-cash charges", "other_non_cash_charges"),
    Account("5510", "Other non-cash credits", "other_non_cash_credits"),
    Account("5520", "LIFO inventory valuation charges, non-cash", "lifo_inventory_charges"),
    Account("5530", "Kaiser Center disposition charges, non-cash", "kaiser_center_disposition_charges"),
    Account("5540", "Impairment of fixed assets and investments", "impairment_charges"),
    Account("5550", "Write-down of inventories outside the United States", "foreign_inventory_writedowns"),
    Account("5600", "Pre-petition claims accrual: rejection of the BPA power contract", "prepetition_bpa_rejection_accruals"),
    Account("5610", "Pre-petition claims accrual: USWA unfair labor practice claims", "prepetition_labor_claims_accruals"),
    Account("5620", "Pre-petition claims accrual: PBGC (pension plans)", "prepetition_pbgc_accruals"),
    Account("5630", "Asbestos claims accrual", "asbestos_claims_accruals"),
    Account("5640", "Pre-petition claims accrual: other pre-petition liabilities", "other_prepetition_accruals"),
    Account("6000", "Interest expense", "interest_expense"),
    Account("6010", "Interest expense borne by joint-venture minority partners", "interest_expense_borne_by_jv_partners"),
    Account("6100", "Letter of credit fees", "letter_of_credit_fees"),
    Account("6200", "Interest rate hedging, net cost", "interest_hedging_net_cost"),
    Account("6300", "Amortization of debt discount", "debt_discount_amortization"),
    Account("6400", "Write-off of deferred financing costs, Credit Agreement", "deferred_financing_writeoff_credit_agreement"),
    Account("6500", "Redemption premium, 14 1/4% Senior Subordinated Notes", "notes_1425_redemption_premium"),
    Account("7000", "Other income (expense), net", "other_income_expense"),
    Account("7100", "Reorganization items", "reorganization_items"),
    Account("7200", "Gain (loss) on sale of assets", "asset_sale_gain_loss"),
    Account("7300", "Equity in earnings of unconsolidated affiliates", "equity_method_income"),
    Account("7400", "Interest income, Existing Intercompany Note", "existing_intercompany_note_interest"),
    Account("7500", "Pre-acquisition income of acquired businesses", "pre_acquisition_income"),
    Account("7600", "Extraordinary gains", "extraordinary_gain"),
    Account("7610", "Extraordinary losses", "extraordinary_loss"),
    Account("7700", "Gain on extinguishment of debt", "debt_extinguishment_gain"),
    Account("7800", "Gains on non-recurring transactions", "non_recurring_transaction_gain"),
    Account("8000", "Minority interests", "minority_interests"),
    Account("8100", "Income tax provision (benefit)", "income_tax_expense"),
)

BY_LINE_ITEM = {a.line_item: a for a in ACCOUNTS}
assert set(BY_LINE_ITEM) == set(LINE_ITEMS), "every line item needs exactly one account"


def account_id(line_item: str) -> str:
    return BY_LINE_ITEM[line_item].account_id
