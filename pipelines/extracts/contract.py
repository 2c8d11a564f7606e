"""The extract contract: every file the pipeline accepts, its columns, types, keys and allowed values.

This module is the single source of truth for ingestion (parsing and casting), the Pandera models
(`schemas.py`) and `docs/extracts.md`. Money is DECIMAL(18,2) in US dollars; it is never read as a float.
"""

from __future__ import annotations

from dataclasses import dataclass

# Column kinds and the exact DuckDB / Polars type each becomes.
KINDS = {
    "text": "VARCHAR",
    "money": "DECIMAL(18,2)",  # US dollars and cents
    "rate": "DECIMAL(12,8)",  # annual rate as a fraction: 0.10875 is 10 7/8%
    "pct": "DECIMAL(9,6)",  # ownership and similar shares as a fraction: 0.65 is 65%
    "quantity": "DECIMAL(18,6)",  # prices and other non-money measures, with their unit
    "date": "DATE",  # ISO 8601, YYYY-MM-DD
    "bool": "BOOLEAN",  # true / false
}

LINE_ITEMS = (
    # income statement (balances are fiscal-year-to-date, debit positive)
    "net_sales",
    "cost_of_products_sold",
    "selling_administrative_research",
    "restructuring_charge",
    "interest_expense",
    "interest_expense_borne_by_jv_partners",
    "letter_of_credit_fees",
    "interest_hedging_net_cost",
    "debt_discount_amortization",
    "deferred_financing_writeoff_credit_agreement",
    "notes_1425_redemption_premium",
    "depreciation_and_depletion",
    "capital_lease_amortization",
    "amortization",
    "non_cash_pension_expense",
    # non-cash charges that ppca-2002 Adjusted Net Earnings from Operations excludes, each within its own cap
    "lifo_inventory_charges",  # (k)
    "kaiser_center_disposition_charges",  # (l)
    "pension_special_charges",  # (n)
    "impairment_charges",  # (o) fixed assets or Investments
    "foreign_inventory_writedowns",  # (p)
    "prepetition_bpa_rejection_accruals",  # (q)(i)
    "prepetition_labor_claims_accruals",  # (q)(ii)
    "prepetition_pbgc_accruals",  # (q)(iii)
    "asbestos_claims_accruals",  # (q)(iv)
    "other_prepetition_accruals",  # (q)(v)
    "other_non_cash_charges",
    "other_non_cash_credits",
    "other_income_expense",
    "reorganization_items",
    "asset_sale_gain_loss",
    "equity_method_income",
    "existing_intercompany_note_interest",
    "pre_acquisition_income",
    "extraordinary_gain",
    "extraordinary_loss",
    "debt_extinguishment_gain",
    "minority_interests",
    "income_tax_expense",
    # balance sheet (closing balances, debit positive)
    "cash",
    "receivables",
    "inventories",
    "property_plant_equipment",
    "accumulated_depreciation",
    "investments_in_affiliates",
    "investee_distributions_received",
    "other_assets",
    "accounts_payable",
    "accrued_liabilities",
    "long_term_debt",
    "liabilities_subject_to_compromise",
    "other_liabilities",
    "minority_interest_equity",
    "preferred_stock",
    "preferred_dividends",
    "common_equity",
    "retained_earnings",
    "intercompany",
)

INDENTURE_DEBT_BASKETS = (
    "4.10(a)",
    "4.10(b)(i)",
    "4.10(b)(ii)",
    "4.10(b)(iii)(A)",
    "4.10(b)(iii)(B)",
    "4.10(b)(iv)",
    "4.10(b)(v)",
    "4.10(b)(vi)",
    "4.10(b)(vii)",
    "4.10(b)(viii)",
    "4.10(b)(x)",
    "4.10(b)(xi)",
    "4.10(b)(xii)",
    "4.10(b)(xiii)",
    "pre-existing",
    "not-indebtedness",
)

RESTRICTED_PAYMENT_BASKETS = (
    "4.09(a)",
    "4.09(b)(I)",
    "4.09(b)(II)",
    "4.09(b)(III)",
    "4.09(b)(IV)",
    "4.09(b)(V)",
    "4.09(b)(VI)",
    "4.09(b)(VII)",
    "4.09(b)(VIII)",
    "4.09(b)(IX)",
)

ATTESTATION_SUBJECTS = (
    # indenture-1996/def/GAAP (AMB-I01): adjustment from the ledger to frozen December 31, 1992 GAAP, per quarter
    "frozen_gaap_net_income_adjustment",
    # indenture-1996/def/ConsolidatedNetIncome (iv): income of Subsidiaries whose dividends are restricted, per quarter
    "restricted_subsidiary_income",
    # indenture-1996/def/ConsolidatedNetIncome (vi): Existing Intercompany Note interest received in cash, per quarter
    "existing_intercompany_note_interest_received",
    # indenture-1996/def/ConsolidatedNetIncome proviso (2): cash management with Specified Parties consistent with past practice
    "specified_party_cash_management_consistent",
    # indenture-1996/def/ConsolidatedCashFlowAvailableForFixedCharges (x) (AMB-I03): per Asset Sale
    "ccfafc_attributable_to_asset_sale",
    # indenture-1996/def/ConsolidatedFixedChargeCoverageRatio (AMB-I02): preferred dividends, hedging and discount
    # amortization to be accrued in the four forward quarters, per transaction date
    "projected_other_fixed_charges",
    # indenture-1996/4.10(a) (AMB-I04): rate for the deemed 4.10(b)(ii) draw when nothing is outstanding under it
    "credit_agreement_fallback_rate",
    # indenture-1996/4.09(a)(A), 4.06: no Default or Event of Default, as of a date
    "no_default",
    # ppca-2002/9.2.4(d) (AMB-P12): method behind the average natural gas price actually paid
    "natural_gas_price_methodology",
    # ppca-2002/def/ActualVALCOEBITDAAmount and VALCO PPE Reduction (AMB-P23): VALCO production, per quarter
    "valco_primary_aluminum_production",
    # ppca-2002 EBITDA definition (AMB-P02): the base agreement's EBITDA as applied in the Company's certificates
    "ppca_ebitda_definition",
    # ppca-2002/def/AdjustedNetEarningsFromOperations (o) (AMB-P24): the part of the quarter's impairment charges that
    # reduced an Eligible Fixed Asset's book value below its OLV In-Place Value, which (o) does not exclude
    "impairment_below_olv_in_place_value",
    # ppca-2002/def/PPESubcomponentReduction (AMB-P20, AMB-P21): per Asset Disposition after the Sixth Amendment
    # (reference_id = asset_sales transaction_id, period_end = date the Net Disposition Proceeds were received), the
    # PPE Subcomponent Reduction after exceptions (w)-(z) and the ownership proviso; Net Disposition Proceeds and
    # Section 9.2.11 are defined only in the base agreement (not in the seeds)
    "ppca_ppe_subcomponent_reduction",
    # ppca-2002/9.2.7 (AMB-P15): Adjusted Capital Expenditures of the Company and Subsidiaries per Fiscal Year (period_end
    # = Fiscal Year end); the term is defined only in the base agreement
    "ppca_adjusted_capital_expenditures",
    # ppca-2002/9.2.7 ALPART limit (AMB-P17): Capital Expenditures in respect of ALPART financed directly or funded
    # indirectly by the Obligors, per Fiscal Year 2002-2004
    "ppca_alpart_capital_expenditures_financed",
)


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    description: str
    required: bool = True
    allowed: tuple[str, ...] | None = None
    references: str | None = None  # "extract.column" that must hold this value
    example: str = ""

    @property
    def sql_type(self) -> str:
        return KINDS[self.kind]


@dataclass(frozen=True)
class Extract:
    name: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _flag(name: str, description: str) -> Column:
    return Column(name, "bool", description, example="false")


ENTITIES = Extract(
    "entities",
    "Entity register, effective-dated: one row per entity and period over which its status did not change.",
    (
        Column("entity_id", "text", "Stable short id", example="KACC"),
        Column("entity_name", "text", "Legal name", example="Kaiser Aluminum & Chemical Corporation"),
        Column("valid_from", "date", "First day this row's status applies", example="1996-01-01"),
        Column("valid_to", "date", "Last day it applies; empty while current", required=False, example=""),
        Column("parent_entity_id", "text", "Direct parent", required=False, references="entities.entity_id", example="KAC"),
        Column(
            "role",
            "text",
            "Relationship to the Company (Kaiser Aluminum & Chemical Corporation)",
            allowed=("company", "parent", "subsidiary", "joint_venture", "investee", "affiliate"),
            example="company",
        ),
        _flag("is_subsidiary", "A Subsidiary under the indenture's definition"),
        _flag("is_unrestricted_subsidiary", "Designated an Unrestricted Subsidiary (indenture 4.15)"),
        _flag("is_subsidiary_guarantor", "A Subsidiary Guarantor of the Notes"),
        _flag("is_bank_guarantor", "A Bank Guarantor of Credit Agreement Indebtedness"),
        _flag("is_specified_party", "Named in the indenture's definition of Specified Parties"),
        _flag("is_foreign", "Organised or operating outside the United States"),
        _flag("is_joint_venture", "A joint venture with outside partners"),
        Column("ownership_pct", "pct", "The Company's direct and indirect ownership, as a fraction", example="1.000000"),
        Column(
            "consolidation_method",
            "text",
            "How its trial balance enters the Company's consolidated figures",
            allowed=("full", "proportional", "equity", "cost", "none"),
            example="full",
        ),
    ),
    ("entity_id", "valid_from"),
)

CHART_OF_ACCOUNTS = Extract(
    "chart_of_accounts",
    "Chart of accounts, each account classified into the one line item the covenant definitions use.",
    (
        Column("account_id", "text", "Account number", example="4000"),
        Column("account_name", "text", "Account name", example="Net sales"),
        Column(
            "statement",
            "text",
            "Balance sheet accounts carry closing balances; income statement accounts fiscal-year-to-date balances",
            allowed=("balance_sheet", "income_statement"),
            example="income_statement",
        ),
        Column("line_item", "text", "Covenant line-item classification", allowed=LINE_ITEMS, example="net_sales"),
    ),
    ("account_id",),
)

TRIAL_BALANCES = Extract(
    "trial_balances",
    "Monthly trial balances per entity and account, in US dollars, debits positive and credits negative. "
    "Every entity's balances net to zero in every month.",
    (
        Column("entity_id", "text", "Entity", references="entities.entity_id", example="KACC"),
        Column("period_end", "date", "Last day of the fiscal month", example="1997-03-31"),
        Column("account_id", "text", "Account", references="chart_of_accounts.account_id", example="4000"),
        Column(
            "counterparty_entity_id",
            "text",
            "Investee or intercompany counterparty, where the line item needs one",
            required=False,
            references="entities.entity_id",
            example="",
        ),
        Column("balance", "money", "Closing (balance sheet) or year-to-date (income statement) balance", example="-547400000.00"),
    ),
    ("entity_id", "period_end", "account_id", "counterparty_entity_id"),
)

DEBT_INSTRUMENTS = Extract(
    "debt_instruments",
    "Debt instruments, each with the indenture basket it was Incurred under and its pricing.",
    (
        Column("instrument_id", "text", "Stable id", example="NOTES-10875-2006"),
        Column("instrument_name", "text", "Name", example="10 7/8% Senior Notes due 2006"),
        Column("obligor_entity_id", "text", "Primary obligor", references="entities.entity_id", example="KACC"),
        Column(
            "instrument_kind",
            "text",
            "Kind of Indebtedness",
            allowed=(
                "senior_notes",
                "senior_subordinated_notes",
                "revolving_credit",
                "term_loan",
                "capital_lease",
                "industrial_revenue_bonds",
                "other",
            ),
            example="senior_notes",
        ),
        Column("indenture_basket", "text", "indenture-1996 clause it relies on", allowed=INDENTURE_DEBT_BASKETS, example="4.10(b)(i)"),
        Column("rate_kind", "text", "Fixed or floating", allowed=("fixed", "floating"), example="fixed"),
        Column("fixed_rate", "rate", "Coupon for fixed-rate debt", required=False, example="0.10875000"),
        Column(
            "floating_index", "text", "market_data series for floating debt", required=False, references="market_data.series", example=""
        ),
        Column("spread", "rate", "Margin over the index for floating debt", required=False, example=""),
        Column("day_count", "text", "Accrual convention", allowed=("30/360", "actual/360", "actual/365"), example="30/360"),
        Column("letter_of_credit_fee_rate", "rate", "Annual fee on letters of credit issued under it", required=False, example=""),
        Column("commitment", "money", "Committed amount for revolving facilities", required=False, example=""),
        Column("issue_date", "date", "Date first Incurred", example="1996-12-23"),
        Column("maturity_date", "date", "Stated maturity", example="2006-10-15"),
        _flag("is_subordinated", "Contractually subordinated to the Notes"),
        _flag("is_secured", "Secured by a Lien"),
    ),
    ("instrument_id",),
)

DEBT_BALANCES = Extract(
    "debt_balances",
    "Month-end balances of each debt instrument.",
    (
        Column("instrument_id", "text", "Instrument", references="debt_instruments.instrument_id", example="NOTES-10875-2006"),
        Column("period_end", "date", "Month end", example="1997-03-31"),
        Column("principal_outstanding", "money", "Principal outstanding", example="50000000.00"),
        Column("letters_of_credit_outstanding", "money", "Undrawn letters of credit issued under it", example="0.00"),
        Column("interest_rate", "rate", "All-in annual rate in effect at month end", example="0.10875000"),
    ),
    ("instrument_id", "period_end"),
)

ASSET_SALES = Extract(
    "asset_sales",
    "Dispositions of assets, with the consideration mix and the deductions that lead to Net Cash Proceeds.",
    (
        Column("transaction_id", "text", "Stable id", example="AS-2000-CFT"),
        Column("sale_date", "date", "Closing date", example="2000-08-31"),
        Column("seller_entity_id", "text", "Seller", references="entities.entity_id", example="KACC"),
        Column("asset_description", "text", "What was sold", example="Center for Technology, Pleasanton, California"),
        Column(
            "buyer_kind",
            "text",
            "Who bought it",
            allowed=("third_party", "affiliate", "subsidiary", "unrestricted_subsidiary", "non_affiliate_joint_venture"),
            example="third_party",
        ),
        Column("gross_proceeds", "money", "Total consideration", example="50000000.00"),
        Column("cash_consideration", "money", "Cash and Cash Equivalents received", example="50000000.00"),
        Column("notes_converted_within_30_days", "money", "Notes received and converted to cash within thirty days", example="0.00"),
        Column("assumed_liabilities", "money", "Liabilities assumed by the buyer", example="0.00"),
        Column("other_non_cash_consideration", "money", "Other consideration at Fair Market Value", example="0.00"),
        Column("selling_expenses", "money", "Brokerage, legal and other fees (NCP deduction (i))", example="1500000.00"),
        Column("taxes_paid_or_payable", "money", "Taxes on the sale (NCP deduction (ii))", example="0.00"),
        Column("debt_repaid_from_proceeds", "money", "Debt secured by the assets, repaid (NCP deduction (iii))", example="0.00"),
        Column("reserves_established", "money", "GAAP reserves for retained liabilities (NCP deduction (v))", example="0.00"),
        Column("pretax_gain_loss", "money", "Book gain (positive) or loss (negative) before tax", example="12000000.00"),
        Column("tax_on_gain_loss", "money", "Tax effect of that gain or loss", example="0.00"),
        Column(
            "asset_sale_exclusion",
            "text",
            "Clause of the Asset Sale definition that takes it out, if any",
            required=False,
            allowed=("A", "B", "C", "D", "E", "F", "G"),
            example="",
        ),
    ),
    ("transaction_id",),
)

RESTRICTED_PAYMENTS = Extract(
    "restricted_payments",
    "Restricted Payments, Restricted Investments and Unrestricted Subsidiary Investments, with the 4.09 clause relied on.",
    (
        Column("transaction_id", "text", "Stable id", example="RP-1997-04"),
        Column("payment_date", "date", "Date made", example="1997-06-30"),
        Column("payer_entity_id", "text", "Payer", references="entities.entity_id", example="KACC"),
        Column(
            "payment_kind",
            "text",
            "What it is",
            allowed=(
                "dividend",
                "stock_repurchase",
                "subordinated_debt_retirement",
                "restricted_investment",
                "unrestricted_subsidiary_investment",
                "return_of_investment",
            ),
            example="dividend",
        ),
        Column(
            "recipient_kind",
            "text",
            "Who receives it",
            allowed=("kac", "maxxam", "maxxam_affiliate", "unrestricted_subsidiary", "non_affiliate_joint_venture", "public", "other"),
            example="kac",
        ),
        Column("amount", "money", "Cash paid, or Fair Market Value of property", example="5000000.00"),
        Column("basket", "text", "indenture-1996 clause relied on", allowed=RESTRICTED_PAYMENT_BASKETS, example="4.09(a)"),
        Column("declared_on", "date", "Declaration or redemption-notice date, for 4.09(b)(I)", required=False, example=""),
        Column("description", "text", "What and why", example="Dividend to KAC"),
    ),
    ("transaction_id",),
)

INCURRENCES = Extract(
    "incurrences",
    "Each Incurrence of Indebtedness, with the basket relied on and the application of its proceeds.",
    (
        Column("transaction_id", "text", "Stable id", example="INC-1997-SUB"),
        Column("incurrence_date", "date", "Date Incurred", example="1997-11-15"),
        Column("instrument_id", "text", "Instrument", references="debt_instruments.instrument_id", example="NOTES-10875-2006"),
        Column("amount", "money", "Principal Incurred", example="50000000.00"),
        Column("basket", "text", "indenture-1996 clause relied on", allowed=INDENTURE_DEBT_BASKETS, example="4.10(a)"),
        Column(
            "proceeds_applied_to_instrument_id",
            "text",
            "Debt repaid with the proceeds",
            required=False,
            references="debt_instruments.instrument_id",
            example="",
        ),
        Column("proceeds_applied_amount", "money", "Principal repaid with the proceeds", example="0.00"),
        Column("description", "text", "What and why", example="Issue of Senior Notes"),
    ),
    ("transaction_id",),
)

EQUITY_ISSUANCES = Extract(
    "equity_issuances",
    "Issuances of Capital Stock and capital contributions received by the Company.",
    (
        Column("transaction_id", "text", "Stable id", example="EQ-1997-01"),
        Column("issue_date", "date", "Date received", example="1997-03-31"),
        Column("issuer_entity_id", "text", "Issuer", references="entities.entity_id", example="KACC"),
        Column(
            "issuance_kind",
            "text",
            "What was issued",
            allowed=("common_stock", "preferred_stock", "capital_contribution", "conversion"),
            example="capital_contribution",
        ),
        Column("purchaser_kind", "text", "Who paid", allowed=("kac", "public", "subsidiary", "other"), example="kac"),
        Column("net_proceeds", "money", "Net cash proceeds, or Fair Market Value of property", example="10000000.00"),
        _flag("is_redeemable", "Redeemable Stock under the indenture"),
    ),
    ("transaction_id",),
)

CAPITAL_EXPENDITURES = Extract(
    "capital_expenditures",
    "Capital expenditures per entity, month and project.",
    (
        Column("entity_id", "text", "Entity", references="entities.entity_id", example="KACC"),
        Column("period_end", "date", "Month end", example="2003-03-31"),
        Column("project", "text", "Project", example="Trentwood maintenance"),
        Column("amount", "money", "Capital expenditure", example="2500000.00"),
        _flag("financed_by_obligors", "Financed, directly or indirectly, by the Obligors (ppca-2002 9.2.7)"),
    ),
    ("entity_id", "period_end", "project"),
)

LETTERS_OF_CREDIT = Extract(
    "letters_of_credit",
    "Letters of credit issued for the group.",
    (
        Column("lc_id", "text", "Stable id", example="LC-1998-VEN-01"),
        Column("facility_instrument_id", "text", "Facility", references="debt_instruments.instrument_id", example="CA1994-REVOLVER"),
        Column("beneficiary", "text", "Beneficiary", example="Venezuela Aluminum Partners"),
        Column("purpose", "text", "Purpose", allowed=("general", "venezuela", "bid_bond", "insurance", "environmental"), example="venezuela"),
        Column("issue_date", "date", "Issued", example="1998-08-01"),
        Column("expiry_date", "date", "Expires", example="1999-06-30"),
        Column("stated_amount", "money", "Stated amount", example="75000000.00"),
        _flag("cash_collateralized", "Secured by cash"),
    ),
    ("lc_id",),
)

BORROWING_BASE = Extract(
    "borrowing_base",
    "Daily borrowing-base and availability data under the Post-Petition Credit Agreement.",
    (
        Column("as_of_date", "date", "Business Day", example="2003-12-31"),
        Column("eligible_inventory", "money", "Eligible Inventory", example="240000000.00"),
        Column("inventory_net_recovery_pct", "pct", "Net Recovery Percentage from the last appraisal", required=False, example=""),
        Column("olv_in_place_value", "money", "OLV In-Place Value of Eligible Fixed Assets", example="180000000.00"),
        Column("eligible_accounts", "money", "Eligible Accounts", example="120000000.00"),
        Column("revolving_credit_outstandings", "money", "Revolving Credit Outstandings", example="0.00"),
        Column("letters_of_credit_outstandings", "money", "Letter of credit exposure", example="40000000.00"),
        Column("revolving_commitment_availability", "money", "Revolving Commitment Availability", example="150000000.00"),
    ),
    ("as_of_date",),
)

MARKET_DATA = Extract(
    "market_data",
    "Market data series: floating-rate indices and the average natural gas price actually paid.",
    (
        Column(
            "series",
            "text",
            "Series",
            allowed=("natural_gas_price_paid", "libor_3m", "prime_rate"),
            example="natural_gas_price_paid",
        ),
        Column("period_start", "date", "First day the value covers", example="2003-07-01"),
        Column("period_end", "date", "Last day the value covers", example="2003-09-30"),
        Column("value", "quantity", "Value in the unit", example="4.850000"),
        Column("unit", "text", "Unit", allowed=("usd_per_mmbtu", "rate"), example="usd_per_mmbtu"),
    ),
    ("series", "period_end"),
)

VALCO_EBITDA = Extract(
    "valco_ebitda",
    "VALCO actual and forecast EBITDA per month (ppca-2002 Actual and Forecast VALCO EBITDA Amounts).",
    (
        Column("period_end", "date", "Month end", example="2003-09-30"),
        Column("actual_valco_ebitda", "money", "Actual VALCO EBITDA Amount", example="-2500000.00"),
        Column("forecast_valco_ebitda", "money", "Forecast VALCO EBITDA Amount", example="1000000.00"),
        _flag("primary_aluminum_produced", "VALCO produced primary aluminum in the month"),
    ),
    ("period_end",),
)

ATTESTATIONS = Extract(
    "attestations",
    "Facts only a person can supply, each with who attested it, in what role, when, and the supporting document.",
    (
        Column("attestation_id", "text", "Stable id", example="ATT-2003Q4-GAAP"),
        Column("subject", "text", "What is attested", allowed=ATTESTATION_SUBJECTS, example="frozen_gaap_net_income_adjustment"),
        Column("reference_id", "text", "Transaction or entity it concerns", required=False, example=""),
        Column("period_end", "date", "Quarter end or date it concerns", example="2003-12-31"),
        Column("value", "text", "The attested value: a decimal string, true/false, or text", example="0.00"),
        Column("attested_by", "text", "Name", example="J. Doe"),
        Column("role", "text", "Role", example="Chief Financial Officer"),
        Column("attested_on", "date", "Date signed", example="2004-02-15"),
        Column("document", "text", "Supporting document", example="CFO certificate 2003-Q4-07"),
    ),
    ("attestation_id",),
)

EXTRACTS: tuple[Extract, ...] = (
    ENTITIES,
    CHART_OF_ACCOUNTS,
    TRIAL_BALANCES,
    DEBT_INSTRUMENTS,
    DEBT_BALANCES,
    ASSET_SALES,
    RESTRICTED_PAYMENTS,
    INCURRENCES,
    EQUITY_ISSUANCES,
    CAPITAL_EXPENDITURES,
    LETTERS_OF_CREDIT,
    BORROWING_BASE,
    MARKET_DATA,
    VALCO_EBITDA,
    ATTESTATIONS,
)

BY_NAME = {e.name: e for e in EXTRACTS}
