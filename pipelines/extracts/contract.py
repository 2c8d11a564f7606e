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
    # ppca-2002/def/AdjustedNetEarningsFromOperations (g): gain from a non-recurring transaction other than an
    # extraordinary item or a sale of capital assets; each account on it holds one transaction's gain (R-P60)
    "non_recurring_transaction_gain",
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

# ca-1994/9.2.2: the debt classes the Credit Agreement of February 15, 1994 names (Eleventh Amendment,
# [Eleventh Amendment § 1.3, item D (Credit Agreement § 9.2.2(b)(i))]); which instrument is which is a crosswalk
# confirmed by counsel (R-X04)
CA1994_DEBT_CLASSES = (
    "senior_debt",
    "new_senior_debt",
    "additional_new_senior_debt",
    "subordinated_debt",
    "new_subordinated_debt",
    "ongoing_indebtedness",
    "other",
)

# ca-1994 clauses a payment falls under (the Eleventh Amendment's waivers, the Thirteenth Amendment's Venezuela
# Investments)
CA1994_PAYMENT_CLAUSES = ("9.2.14", "9.2.6(b)", "9.2.5(u)")

ATTESTATION_SUBJECTS = (
    # indenture-1996/def/GAAP (R-I01): adjustment from the ledger to frozen December 31, 1992 GAAP, per quarter
    "frozen_gaap_net_income_adjustment",
    # indenture-1996/def/ConsolidatedNetIncome (iv)(A): Net Income of Subsidiaries whose dividends are not at the time
    # permitted, per quarter; reference_id the Subsidiary, or empty for the quarter's total
    "restricted_subsidiary_income",
    # indenture-1996/def/ConsolidatedNetIncome (vi): Existing Intercompany Note interest received in cash, per quarter
    "existing_intercompany_note_interest_received",
    # indenture-1996/def/ConsolidatedNetIncome proviso (2): cash management with Specified Parties consistent with past practice
    "specified_party_cash_management_consistent",
    # indenture-1996/def/ConsolidatedCashFlowAvailableForFixedCharges (x) (R-I03): per Asset Sale
    "ccfafc_attributable_to_asset_sale",
    # indenture-1996/def/ConsolidatedFixedChargeCoverageRatio (R-I02): preferred dividends, hedging and discount
    # amortization to be accrued in the four forward quarters, per transaction date
    "projected_other_fixed_charges",
    # indenture-1996/4.10(a) (R-I04): rate for the deemed 4.10(b)(ii) draw when nothing is outstanding under it
    "credit_agreement_fallback_rate",
    # indenture-1996/4.09(a)(A), 4.06: no Default or Event of Default, as of a date
    "no_default",
    # ppca-2002/9.2.4(d) (R-P12): method behind the average natural gas price actually paid
    "natural_gas_price_methodology",
    # ppca-2002/def/ActualVALCOEBITDAAmount and VALCO PPE Reduction (R-P23): VALCO production, per quarter
    "valco_primary_aluminum_production",
    # ppca-2002 EBITDA definition (R-P02): the base agreement's EBITDA as applied in the Company's certificates
    "ppca_ebitda_definition",
    # ppca-2002/def/AdjustedNetEarningsFromOperations (o) (R-P24): the part of the quarter's impairment charges that
    # reduced an Eligible Fixed Asset's book value below its OLV In-Place Value, which (o) does not exclude
    "impairment_below_olv_in_place_value",
    # indenture-1996/4.10(b)(iii)(B) (R-I26): the Company's then percentage ownership interest in Alpart, direct and
    # indirect through KJC and AJI (effective economic ownership), as a fraction, as of a date
    "alpart_ownership_interest",
    # indenture-1996/4.12(b)(J) (R-I27): Consolidated Net Worth "calculated after giving effect to such transfers and
    # returns", per asset transfer
    "pro_forma_consolidated_net_worth",
    # indenture-1996/4.09(a)(C) (R-I06): opening balances at a cut-over date (period_end), rolled forward from the
    # ledger after it: (I) Consolidated Net Income cumulative from January 1, 1993; (x) Restricted Payments after
    # December 31, 1992; (y) Restricted Investments after February 17, 1994 net of returns; (II) net equity proceeds after
    # December 31, 1992 (less those used under 4.09(b)(II), (V) and (IV) conversions)
    "cumulative_consolidated_net_income_opening",
    "restricted_payments_opening",
    "restricted_investments_opening",
    "equity_proceeds_opening",
    # indenture-1996/4.09(b)(VIII) (R-I06, R-I23): usage from February 1, 1993, in all and to or in MAXXAM and its
    # Affiliates (net of KAC pass-throughs), at the cut-over
    "basket_4_09_b_viii_opening",
    "basket_4_09_b_viii_maxxam_opening",
    # indenture-1996/4.09(b)(IV) (R-I06): subordinated-debt retirements and subordinated-debt proceeds since February
    # 17, 1994, at the cut-over
    "subordinated_debt_retirements_opening",
    "subordinated_debt_proceeds_opening",
    # indenture-1996/4.09(a) proviso 2 (R-I24): pro forma senior debt rating Baa3/BBB or better, per transaction
    "senior_debt_rating_investment_grade",
    # indenture-1996/3.05(a)-definition (R-I31): MAXXAM's direct or indirect sole beneficial ownership (Rule 13d-3)
    # of the Company's total Voting Stock on a fully diluted basis, as a fraction (`m`)
    "maxxam_sole_beneficial_ownership",
    # indenture-1996/3.05(a)-definition (R-I31): MAXXAM's direct and indirect ownership of the
    # Voting Stock entitled to vote generally in the election of directors, as a fraction (`m_vote`)
    "maxxam_voting_stock_ownership",
    # indenture-1996/3.05(a)-definition (R-I31): the largest such holding of any other person or 13(d)(3) group,
    # on the same basis as m_vote (`g_max`)
    "largest_other_voting_stock_holding",
    # indenture-1996/3.05(a)-definition (R-I31): MAXXAM controls a majority of the Company's Board, true/false
    "maxxam_controls_board",
    # indenture-1996/6.01(e) (R-I30): a judgment's insurance is valid and collectible from solvent unaffiliated
    # insurers, true/false; reference_id is the default_events event_id
    "judgment_insurance_valid",
    # indenture-1996/4.06, 5.03(d), 3.05 (R-I37): the date (YYYY-MM-DD) a dated obligation was performed;
    # reference_id is the deadline's clause id, period_end its trigger date (5.03(d): the date delivered)
    "obligation_completed_on",
    # indenture-1996/def/AssetSale (B) and 4.14(a) (R-I28): Fair Market Value of a disposition's non-cash
    # consideration, determined in good faith by the Board of Directors, per transaction
    "asset_sale_non_cash_consideration_fmv",
    # indenture-1996/def/NetCashProceeds (iii): GAAP Reserves per the CFO's signed certificate to the Trustee, per transaction
    "gaap_reserves_cfo_certificate",
    # indenture-1996/4.14(d) (R-I20): commitment to reinvest NCP in the lines of business, per transaction, dated
    "asset_sale_reinvestment_commitment",
    # indenture-1996/4.14(e) (R-I20): commitment to reinvest NCP in U.S. Fixed Assets (other than Permitted Collateral)
    "asset_sale_reinvestment_commitment_us_fixed_assets",
    # indenture-1996/4.14(d), 4.14(e) (R-I20): NCP utilised as committed, cumulative, per transaction and date
    "asset_sale_reinvestment_utilised",
    # indenture-1996/def/NetBetterments (R-I08): GAAP depreciation on Permitted Collateral for the fiscal quarter (for
    # assets existing at the Merger of October 28, 1988, historical depreciation before purchase-accounting adjustments)
    "permitted_collateral_depreciation",
    # indenture-1996/def/MaximumSecuredAmount (iv)/(v) (R-I07): a deduction on a sale of Permitted Collateral or a
    # Refinancing of 4.11(b)(i) Indebtedness; reference_id names the sale or Refinancing, period_end its date
    "maximum_secured_amount_deduction",
    # indenture-1996/4.15(i): no guarantee or credit support by this Unrestricted Subsidiary (reference_id) of Indebtedness
    # of the Company or its Subsidiaries, as of the quarter end ("true" = none)
    "unrestricted_subsidiary_no_credit_support",
    # indenture-1996/4.15(ii): every lender of Indebtedness the Unrestricted Subsidiary (reference_id) Incurred without an
    # Unrestricted Subsidiary Investment was notified in writing of no recourse, as of the quarter end ("true" = done)
    "unrestricted_subsidiary_lender_notice",
    # indenture-1996/4.08(a)(ii) (R-I11): the Board Resolution for the transaction (reference_id) was adopted by a
    # majority of the independent members of the Board ("true" / "false")
    "affiliate_transaction_independent_approval",
    # indenture-1996/4.08 quarterly Officers' Certificate: value = the date it was delivered to the Trustee (YYYY-MM-DD)
    "affiliate_transaction_officers_certificate",
    # ca-1994/def/MaximumLetterOfCreditAmount (R-C04, R-C60): the date the Venezuela Bid Bond Obligation was terminated
    # (period_end = that date, value "true"), or "false": not terminated as of period_end, until a later attestation
    "venezuela_bid_bond_obligation_terminated",
    # ca-1994/9.2.3(y), 2.1.3(b)(i)(B) (R-C05): Venezuela Pledged Cash outstanding from period_end until the next
    # attestation; reference_id "bid_bond" for the part in respect of the Venezuela Bid Bond Obligation
    "venezuela_pledged_cash",
    # ca-1994/amend11/waiver-1 (R-C02): interest from June 30, 1997 under the Tax Allocation Agreement, per payment
    "maxxam_tax_allocation_interest",
    # ca-1994/9.2.2(b)(i)(B)(5), (C)(5), (D)(5) (LEGAL): counsel's confirmation, per instrument, that its indenture is
    # substantially in the required form (and, for New Subordinated Debt, that the Agent approved any changes)
    "ca1994_indenture_form_confirmed",
    # ca-1994/amend11/waiver-A: reasonable costs and expenses of incurring New Subordinated Debt, per incurrence
    "new_subordinated_debt_issue_costs",
    # ppca-2002/9.2.7 (R-P15): Adjusted Capital Expenditures of the Company and Subsidiaries per Fiscal Year (period_end
    # = Fiscal Year end); the term is defined only in the base agreement
    "ppca_adjusted_capital_expenditures",
    # ppca-2002/9.2.7 ALPART limit (R-P17): Capital Expenditures in respect of ALPART financed directly or funded
    # indirectly by the Obligors, per Fiscal Year 2002-2004
    "ppca_alpart_capital_expenditures_financed",
    # indenture-1996/6.01(c) (R-I30): the failure named in a Notice of Default is a failure to perform "in any
    # material respect", true/false; reference_id is the notice's default_events event_id
    "covenant_failure_material",
    # indenture-1996/def/Indebtedness (d) (R-I11): Fair Market Value, at period_end, of the asset of the Company or a
    # Subsidiary subject to a Lien securing Indebtedness of others; reference_id is the debt_instruments instrument_id
    "encumbered_asset_fair_market_value",
    # indenture-1996/def/Indebtedness (g) (R-I11): Assumed Pension Obligations "determined by the Company in good faith
    # as evidenced by a certificate of the Chief Financial Officer" [Indenture § 1.01, “Indebtedness”], as of
    # period_end, per instrument_id
    "assumed_pension_obligations_cfo_certificate",
    # indenture-1996/def/ConsolidatedCashFlowAvailableForFixedCharges (y) (R-I03): the acquired business's CCFAFC for
    # the part of the fiscal quarter ending period_end before the acquisition; reference_id is the acquisitions transaction_id
    "ccfafc_of_acquired_business",
    # indenture-1996/4.10(c) (LEGAL, R-I11): counsel's confirmation that the guarantor's guarantee of the Notes is "on a
    # substantially similar basis" to its guarantee (reference_id = guarantees guarantee_id) of subordinated Other
    # Indebtedness, true/false
    "note_guarantee_substantially_similar",
    # indenture-1996/4.10(c) second proviso (LEGAL, R-I11): a guarantee of Refinancing Indebtedness (reference_id) is "on
    # substantially the same terms as the guarantee of the Refinanced Indebtedness", true/false
    "refinancing_guarantee_same_terms",
    # indenture-1996/15.05(a)(y) (R-I24): the Notes are rated Baa3 or better by Moody's or BBB- or better by S&P on the
    # release (reference_id = the released Note guarantee's guarantee_id), true/false
    "notes_rated_investment_grade",
    # indenture-1996/5.01 (no ambiguity id; ATTEST like R-I30): the Trustee is the Note registrar from period_end
    # until a later attestation, true/false; while true no noteholder list is required [Indenture § 5.01, proviso]
    "trustee_is_note_registrar",
    # indenture-1996/11.01(a)(v), 15.03(b)(i)(D) (R-I11): Consolidated Net Worth of the surviving corporation
    # "immediately after giving effect to" the merger, consolidation or transfer (reference_id = mergers merger_id)
    "surviving_corporation_consolidated_net_worth",
    # indenture-1996/15.03(b)(i)(D) (R-I11): Consolidated Net Worth of the Subsidiary Guarantor "immediately prior to
    # such transaction" (reference_id = merger_id); the Company's own comes from the ledger
    "subsidiary_guarantor_consolidated_net_worth_before",
    # indenture-1996/11.01(a)(iii) (R-I03): a surviving corporation other than the Company, pro forma for the merger:
    # its Consolidated Cash Flow Available for Fixed Charges for the four quarters, and its Consolidated Fixed Charges to
    # be accrued in the four forward quarters with the full 4.10(b)(ii) amount deemed Incurred (reference_id = merger_id)
    "surviving_corporation_ccfafc",
    "surviving_corporation_forward_fixed_charges",
    # indenture-1996/11.01(a)(iii), 15.03(b)(i)(C) (R-I03): the CCFAFC, for the four quarters ending period_end, of the
    # business the Company's group takes in by the merger (a counterparty that was not a Subsidiary; reference_id = merger_id)
    "ccfafc_of_merged_business",
    # indenture-1996/11.01(a) closing paragraph, 15.03(b)(I): the Officers' Certificate and the Opinion of Counsel
    # stating compliance were delivered to the Trustee, true/false (reference_id = merger_id)
    "merger_officers_certificate_delivered",
    "merger_opinion_of_counsel_delivered",
    # indenture-1996/4.05 (R-I11): "in the judgment of the Company it shall be necessary, advisable or in the interest of
    # the Company to discontinue" the Subsidiary (not a Subsidiary Guarantor), true/false (reference_id = merger_id)
    "subsidiary_discontinuance_judgment",
    # indenture-1996/def/ConsolidatedNetIncome (iv)(B) (R-I64): a foreign Subsidiary's (or one with significant foreign
    # source income) Net Income for the fiscal quarter ending period_end not distributed to the Company, whose
    # distribution would result in a material tax liability not otherwise deducted; reference_id the Subsidiary
    "foreign_subsidiary_undistributed_income",
    # ppca-2002/9.2.7(i) (R-X60): Adjusted Capital Expenditures made in the Fiscal Year before one capital expenditure
    # (reference_id = its capital_expenditures expenditure_id, period_end = its expenditure_date)
    "ppca_adjusted_capital_expenditures_to_date",
    # ppca-2002/9.2.7(ii) (R-X61): ALPART Capital Expenditures financed or funded by the Obligors in the Fiscal Year before
    # one capital expenditure in respect of ALPART (reference_id = its expenditure_id, period_end = its expenditure_date)
    "ppca_alpart_capital_expenditures_financed_to_date",
)

PERMITTED_INDEBTEDNESS_CLAUSES = ("a", "b", "c", "d", "e", "f", "g", "h", "i", "j-i", "j-ii")

DEFAULT_EVENT_KINDS = (
    "interest_payment_default",  # 6.01(a)
    "principal_payment_default",  # 6.01(b)
    "notice_of_default",  # 6.01(c): a written Notice of Default received
    "other_debt_payment_default",  # 6.01(d)(a): indebtedness for money borrowed
    "other_debt_acceleration",  # 6.01(d)(b), 4.06(c)
    "judgment",  # 6.01(e): final judgment entered (or a stay expired)
    "bankruptcy_filing",  # 6.01(g): voluntary case or other act of the Company
    "involuntary_bankruptcy_order",  # 6.01(f): decree or order for relief against the Company
    "acceleration",  # 6.01: the Notes declared or become due
    "change_of_control",  # 3.05(a): a Change of Control recorded as an event
    "guarantee_ceased",  # 6.01(h): a Subsidiary Guarantor's Guarantee held unenforceable, ceasing in effect, or denied
)

LIEN_CLAUSES = (
    "4.11(b)(i)",
    "4.11(b)(ii)",
    "4.11(b)(iii)",
    "4.11(b)(iv)",
    "4.11(b)(v)",
    "4.11(b)(vi)",
    "4.11(b)(vii)",
    "4.11(b)(viii)(a)",
    "4.11(b)(viii)(b)",
    "4.11(b)(ix)",
    "4.11(b)(x)",
    "4.11(b)(xi)",
    "4.11(b)(xii)",
    "none",
)

AFFILIATE_TRANSACTION_EXEMPTIONS = (
    "4.08(b)(i)",
    "4.08(b)(ii)",
    "4.08(b)(iii)",
    "4.08(b)(iv)",
    "4.08(b)(v)",
    "4.08(b)(vi)",
    "4.08(b)(vii)",
    "4.08(b)(viii)",
    "4.08(b)(ix)",
    "4.08(b)(x)",
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
    has_rows: bool = False  # at least one row: every figure reads it, and its dates span the quarters tested

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
    has_rows=True,
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
    has_rows=True,
)

TRIAL_BALANCES = Extract(
    "trial_balances",
    "Monthly trial balances per entity and account, in US dollars, debits positive and credits negative. "
    "Every entity's balances net to zero in every month, and the months reach at least one fiscal quarter's last month "
    "(a run closes the quarters they cover).",
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
    has_rows=True,
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
                "preferred_stock",
                "assumed_pension_obligations",
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
        Column(
            "maturity_date",
            "date",
            "Stated maturity; for preferred_stock the first date on which, by its terms or on any event, it matures, is "
            "mandatorily redeemable, is redeemable at the holder's option or is exchangeable into Indebtedness "
            "(def/RedeemableStock), 9999-12-31 if there is none",
            example="2006-10-15",
        ),
        _flag("is_subordinated", "Contractually subordinated to the Notes"),
        _flag("is_secured", "Secured by a Lien"),
        Column(
            "indebtedness_exclusion",
            "text",
            "Exclusion (A)-(E) of the indenture's Indebtedness definition it falls under, if any: A-ordinary-course "
            "(supply and take-or-pay), A-nrmc (funding or guarantee of National Refractories & Minerals, excluded within "
            "$7,500,000 at any one time outstanding), B (overdraft), C (endorsement), D (cash-collateralised letters of "
            "credit), E (KAAC Liens securing QAL Indebtedness)",
            required=False,
            allowed=("A-ordinary-course", "A-nrmc", "B", "C", "D", "E"),
            example="",
        ),
        Column(
            "ca1994_debt_class",
            "text",
            "ca-1994 9.2.2 debt class (R-X04 crosswalk)",
            required=False,
            allowed=CA1994_DEBT_CLASSES,
            example="additional_new_senior_debt",
        ),
        Column(
            "obligor_relationship",
            "text",
            "How the obligor is liable, when not as principal debtor: guarantee_of_third_party (def/Indebtedness (f), "
            "Indebtedness of others it guarantees; debt_balances principal is its maximum liability) or "
            "lien_for_third_party (def/Indebtedness (d), Indebtedness of others secured by a Lien on its assets; debt_balances "
            "principal is the secured amount)",
            required=False,
            allowed=("guarantee_of_third_party", "lien_for_third_party"),
            example="",
        ),
        Column(
            "permitted_indebtedness_clause",
            "text",
            "For indenture_basket 4.10(b)(xii): the clause (a)-(j) of the Permitted Indebtedness definition it is, j-i "
            "and j-ii for the Preferred Dividend Intercompany Notes of clauses (i) and (ii) of that definition",
            required=False,
            allowed=PERMITTED_INDEBTEDNESS_CLAUSES,
            example="",
        ),
        Column(
            "related_disposition_id",
            "text",
            "For Permitted Indebtedness (d): the disposition of assets the indemnity or guarantee was given on",
            required=False,
            references="asset_sales.transaction_id",
            example="",
        ),
        Column(
            "credit_agreement",
            "text",
            "The credit agreement whose revolving facility this is: its commitment (as dated in facility_commitments) is "
            "that agreement's Revolving Commitment Amount; empty for any other instrument",
            required=False,
            allowed=("ca-1994", "ppca-2002"),
            example="",
        ),
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
        Column(
            "related_group_id",
            "text",
            "Group of related transactions it belongs to, as recorded by the Company (Asset Sale (B), 4.14(d) series; R-I09); "
            "empty when it stands alone",
            required=False,
            example="",
        ),
        Column(
            "asset_class",
            "text",
            "4.14(e) class of the assets sold; empty for any other assets. The two us_fixed_assets classes are U.S. Fixed "
            "Assets that are not Permitted Collateral (NCP (ii)(B) carve-out), acquired after December 23, 1996 or before",
            required=False,
            allowed=(
                "gramercy_refinery",
                "nevada_micromill",
                "us_fixed_assets_not_permitted_collateral_acquired_after_issue",
                "us_fixed_assets_not_permitted_collateral",
            ),
            example="",
        ),
        Column(
            "debt_repaid_due_by_reason_of_sale",
            "money",
            "Debt associated with the assets, due by reason of the sale, repaid, with its fees (NCP deduction (ii)(B))",
            example="0.00",
        ),
        Column(
            "deductions_payable_to_affiliates",
            "money",
            "Part of the deductions above payable to an Affiliate or Unrestricted Subsidiary, other than under the Tax "
            "Sharing Agreements (not deductible from NCP)",
            example="0.00",
        ),
        Column(
            "involuntary_disposition",
            "text",
            "4.14(a) proviso [Indenture § 4.14(a)]: disposed of as a result of a foreclosure, a secured party taking the assets in "
            "lieu of foreclosure, or an involuntary proceeding in which the Company cannot direct the type of proceeds "
            "(the Company's record); empty for any other disposition",
            required=False,
            allowed=("foreclosure", "in_lieu_of_foreclosure", "involuntary_proceeding"),
            example="",
        ),
        # indenture-1996/def/AssetSale: "any assets other than cash or Cash Equivalents" (R-I63)
        Column(
            "assets_are_cash_or_cash_equivalents",
            "bool",
            "The assets disposed of are cash or Cash Equivalents, which the Asset Sale definition leaves out; empty is false",
            required=False,
            example="",
        ),
    ),
    ("transaction_id",),
)

ASSET_SALE_RECEIPTS = Extract(
    "asset_sale_receipts",
    "Cash received from each disposition, as and when received (indenture-1996 Net Cash Proceeds). A disposition with "
    "no receipt recorded is taken to have received its cash_consideration at closing.",
    (
        Column("receipt_id", "text", "Stable id", example="ASR-2000-CFT-1"),
        Column("transaction_id", "text", "Disposition", references="asset_sales.transaction_id", example="AS-2000-CFT"),
        Column(
            "receipt_date",
            "date",
            "Date received; for non-dollar or foreign proceeds the date they became freely convertible into dollars "
            "and lawfully transferable to the United States (or, where the Board found transfer would cost materially "
            "more foreign tax, were transferred)",
            example="2000-08-25",
        ),
        Column(
            "kind",
            "text",
            "What was received",
            allowed=(
                "closing_cash",
                "note_collection",
                "deferred_instalment",
                "non_cash_realisation",
                "reserve_reversal",
                "foreign_proceeds_repatriated",
                "joint_venture_distribution",
            ),
            example="closing_cash",
        ),
        Column("amount", "money", "Amount received (a reserve_reversal: the GAAP Reserve reversed)", example="50000000.00"),
    ),
    ("receipt_id",),
)

ASSET_SALE_OFFERS = Extract(
    "asset_sale_offers",
    "Asset Sale Offers made under indenture-1996 4.14, with the balances at the close of business on the day before "
    "the notice was mailed.",
    (
        Column("offer_id", "text", "Stable id", example="ASO-2000-01"),
        Column("notice_mailed_on", "date", "Date the notice was mailed to holders", example="2001-01-10"),
        Column("asset_sale_purchase_date", "date", "Asset Sale Purchase Date stated in the notice", example="2001-02-09"),
        Column("net_cash_proceeds", "money", "Net Cash Proceeds the offer relates to", example="46500000.00"),
        Column("offer_amount", "money", "Asset Sale Offer Amount stated in the notice", example="9800000.00"),
        Column("notes_outstanding", "money", "Principal of the Notes outstanding", example="50000000.00"),
        Column("credit_agreement_principal", "money", "Principal outstanding under the Credit Agreement", example="180000000.00"),
        Column(
            "credit_agreement_letters_of_credit", "money", "Undrawn letters of credit under the Credit Agreement", example="0.00"
        ),
        Column("specified_pari_passu_indebtedness", "money", "Specified Pari Passu Indebtedness outstanding", example="0.00"),
        Column("purchase_completed_on", "date", "Date the purchase was completed; empty if not", required=False, example=""),
        Column(
            "notes_credited",
            "money",
            "4.14(c) credit [Indenture § 4.14(c)]: principal of Notes acquired or held by the Company, surrendered for "
            "cancellation, redeemed or called for redemption after the Asset Sale, not previously used for any obligation "
            "to redeem or offer to purchase Notes, credited against this offer; empty if none",
            required=False,
            example="",
        ),
        Column(
            "notes_credited_retired_on",
            "date",
            "Earliest date on which the credited Notes were surrendered for cancellation, redeemed or called for "
            "redemption; required with notes_credited",
            required=False,
            example="",
        ),
        Column(
            "credit_agreement_prepayment_declined",
            "money",
            "4.14(b)(y) [Indenture § 4.14(b)]: the part of the Credit Agreement's share of the Net Cash Proceeds its holders "
            "elected not to receive as a prepayment, known when the notice was mailed; it goes to the Notes' offer; empty if none",
            required=False,
            example="",
        ),
        Column(
            "specified_pari_passu_prepayment_declined",
            "money",
            "4.14(b)(y) [Indenture § 4.14(b)]: the part of the Specified Pari Passu Indebtedness's share of the Net Cash "
            "Proceeds its holders elected not to receive as a prepayment, known when the notice was mailed; it goes to the "
            "Notes' offer; empty if none",
            required=False,
            example="",
        ),
    ),
    ("offer_id",),
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
                "tax_sharing_payment",
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
        # indenture-1996/def/UnrestrictedSubsidiaryInvestmentsOutstanding: USIO is kept per Unrestricted Subsidiary
        Column(
            "unrestricted_subsidiary_id",
            "text",
            "Unrestricted Subsidiary invested in, or returning cash (an unrestricted_subsidiary_investment or its return)",
            required=False,
            references="entities.entity_id",
            example="",
        ),
        # indenture-1996/4.09(a)(C)(y) and USIO: a return reduces the investment it returns, under that investment's basket
        Column(
            "returns_transaction_id",
            "text",
            "For a return_of_investment: the transaction_id of the investment returned (payer_entity_id then receives it)",
            required=False,
            references="restricted_payments.transaction_id",
            example="",
        ),
        # indenture-1996/4.09(a) proviso and 4.09(b)(VIII) proviso (R-I23): KAC's distribution of the payment to its
        # holders of Common Stock other than MAXXAM and its Affiliates, counted if within thirty days
        Column("kac_pass_through_date", "date", "Date KAC paid it on to non-MAXXAM holders of its Common Stock", required=False, example=""),
        Column("kac_pass_through_amount", "money", "Amount KAC paid on to non-MAXXAM holders of its Common Stock", required=False, example=""),
        Column(
            "ca1994_clause",
            "text",
            "ca-1994 clause the payment falls under",
            required=False,
            allowed=CA1994_PAYMENT_CLAUSES,
            example="9.2.5(u)",
        ),
        # indenture-1996/4.09(a)(C)(y): a Restricted Investment is reduced by (1) what is "returned in cash, or in
        # property if made in property", (2) "any guarantee that constitutes a Restricted Investment, to the extent it
        # has been released" and (3) "direct liabilities or obligations ... assumed or discharged ... without recourse"
        # [Indenture § 4.09(a)(C)]
        Column(
            "investment_form",
            "text",
            "On a restricted_investment: how it was made (cash, property, or a guarantee); on its return_of_investment: "
            "how it was reduced (returned in cash or property, the guarantee released, or liabilities assumed or "
            "discharged without recourse to the Company, its Subsidiaries or a Controlled Non-Affiliate Joint Venture). "
            "On any payment, property when paid in property other than cash or a sum certain guaranteed; on an "
            "unrestricted_subsidiary_investment, designation when it is the investment deemed made on designating the "
            "Subsidiary an Unrestricted Subsidiary. Empty is cash",
            required=False,
            allowed=("cash", "property", "guarantee", "liability_assumed", "designation"),
            example="",
        ),
        # indenture-1996/4.09(a)(C), 4.09-designation (R-I65): 4.09 counts property at its Fair Market Value and a
        # designation at the greater of net book value and Fair Market Value, whatever amount says
        Column(
            "net_book_value",
            "money",
            "Net book value of the investments deemed made on a designation (investment_form designation), at the "
            "designation; empty otherwise",
            required=False,
            example="",
        ),
        Column(
            "fair_market_value",
            "money",
            "Fair Market Value of the property paid, invested or returned (investment_form property), or of the "
            "investments deemed made on a designation, at that time; empty for cash",
            required=False,
            example="",
        ),
        # ca-1994/9.2.2(a)(iii): "if the Company shall redeem or retire any Subordinated Debt" the Ongoing Indebtedness
        # basket steps down by the amount redeemed or retired, whatever paid for it (R-C09: principal, R-C61)
        Column(
            "retired_instrument_id",
            "text",
            "On a payment that redeems, repurchases or retires debt: the instrument redeemed or retired",
            required=False,
            references="debt_instruments.instrument_id",
            example="",
        ),
        Column("principal_retired", "money", "Principal amount of that instrument redeemed or retired by the payment", required=False, example=""),
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
        Column(
            "basket_detail",
            "text",
            "Sub-clause of 4.10(b)(viii) relied on: A-I bauxite mines, A-II alumina refineries, A-III aluminum smelters, "
            "A-IV fabrication plants (Facilities), B refinancing of (viii) debt, C working capital for Facilities",
            required=False,
            allowed=("A-I", "A-II", "A-III", "A-IV", "B", "C"),
            example="",
        ),
        Column(
            "premium_and_fees",
            "money",
            "For a 4.10(b)(vi) or (viii)(B) refinancing: premium required or reasonable customary premium, and "
            "reasonable fees and expenses",
            required=False,
            example="",
        ),
        # indenture-1996/4.10(b)(vi)(A): "the aggregate amount of such Refinanced Indebtedness (including accrued
        # interest thereon ...)" [Indenture § 4.10(b)(vi)(A)]
        Column(
            "accrued_interest_refinanced",
            "money",
            "For a 4.10(b)(vi) refinancing: interest accrued and unpaid on the Refinanced Indebtedness, paid from the "
            "proceeds; empty if none",
            required=False,
            example="",
        ),
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
        # non_affiliate_joint_venture, unrestricted_subsidiary: indenture-1996/4.09(a)(C)(II) leaves out sales to them
        Column(
            "purchaser_kind",
            "text",
            "Who paid",
            allowed=("kac", "public", "subsidiary", "other", "non_affiliate_joint_venture", "unrestricted_subsidiary"),
            example="kac",
        ),
        Column("net_proceeds", "money", "Net cash proceeds, or Fair Market Value of property", example="10000000.00"),
        _flag("is_redeemable", "Redeemable Stock under the indenture"),
        # indenture-1996/4.09(b)(IV) proviso: stock issued on converting subordinated debt whose proceeds were used for a
        # 4.09(b)(IV) retirement is not counted in 4.09(a)(C)(II)
        Column(
            "excluded_from_4_09_a_ii",
            "money",
            "Part of net_proceeds not counted in 4.09(a)(C)(II) (conversion of debt whose proceeds 4.09(b)(IV) used)",
            required=False,
            example="",
        ),
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
        Column(
            "is_permitted_collateral",
            "bool",
            "Spent on Permitted Collateral (indenture-1996 Net Betterments); empty = not classified. The December 1996 row "
            "holds only what was spent from December 23, 1996",
            required=False,
            example="true",
        ),
        Column(
            "lien_id",
            "text",
            "Lien the improved asset is subject to; one under 4.11(b)(iv), (v), (vi) or (ix) takes the expenditure out of "
            "Net Betterments",
            required=False,
            references="liens.lien_id",
            example="",
        ),
        # ppca-2002/9.2.7 (R-X60, R-X61): a single expenditure, tested on its day as a transaction; `covenants check`
        # proposes one
        Column(
            "expenditure_id",
            "text",
            "Stable id of a single capital expenditure, tested on its expenditure_date under ppca-2002 9.2.7; empty for a "
            "month's total",
            required=False,
            example="",
        ),
        Column("expenditure_date", "date", "Day a single capital expenditure is made, within the month of period_end", required=False, example=""),
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
        Column(
            "permitted_indebtedness_clause",
            "text",
            "When the letter of credit is Permitted Indebtedness under 4.10(b)(xii) rather than under its facility's basket "
            "(4.10(d)): the clause of that definition, e.g. h for self-insurance letters of credit",
            required=False,
            allowed=PERMITTED_INDEBTEDNESS_CLAUSES,
            example="",
        ),
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
        Column("forecast_valco_ebitda", "money", "Forecast VALCO EBITDA Amount for the month; empty where the schedule gives only quarters",
               required=False, example="1000000.00"),
        _flag("primary_aluminum_produced", "VALCO produced primary aluminum in the month"),
        # ppca-2002/def/ForecastVALCOEBITDAAmount, R-P10: the Lenders' schedules may be quarterly only; a month without
        # its own forecast then takes a third of this figure (given on the quarter's last month), flagged
        Column("forecast_valco_ebitda_quarter", "money", "Forecast VALCO EBITDA Amount for the Fiscal Quarter ending this month, where the schedule gives quarters",
               required=False, example=""),
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

ASSET_TRANSFERS = Extract(
    "asset_transfers",
    "Transfers of property or assets by the Company or a Subsidiary Guarantor to a Subsidiary or a Non-Affiliate Joint "
    "Venture, and returns of such assets (indenture-1996 4.12), with the 4.12(b) exemption claimed.",
    (
        Column("transfer_id", "text", "Stable id", example="AT-1999-KMH"),
        Column("transfer_date", "date", "Date transferred", example="1999-03-31"),
        Column("transferor_entity_id", "text", "Transferor", references="entities.entity_id", example="KACC"),
        Column("transferee_entity_id", "text", "Transferee", references="entities.entity_id", example="KMH"),
        Column("fair_market_value", "money", "Amount of cash, or Fair Market Value of non-cash assets at transfer", example="5000000.00"),
        Column(
            "exemption_clause",
            "text",
            "4.12(b) clause claimed; empty if none",
            required=False,
            allowed=("A", "B", "C", "D", "E", "F", "G", "H", "I", "J"),
            example="J",
        ),
        _flag("is_return", "A return of assets to the Company or a Subsidiary Guarantor (credits the 4.12(b)(J) basket)"),
        Column("description", "text", "What and why", example="Equipment contributed to a plant subsidiary"),
    ),
    ("transfer_id",),
)

DEFAULT_EVENTS = Extract(
    "default_events",
    "Defaults, accelerations, judgments, bankruptcy events and Changes of Control, each with its date and document "
    "(indenture-1996 Article Six, 3.05, 4.06). Amounts of other debt are indebtedness for money borrowed.",
    (
        Column("event_id", "text", "Stable id", example="BK-2002-02-12"),
        Column("kind", "text", "What happened", allowed=DEFAULT_EVENT_KINDS, example="bankruptcy_filing"),
        Column("event_date", "date", "Date it happened (for a judgment, entry or the expiry of a stay)", example="2002-02-12"),
        Column("entity_id", "text", "Entity concerned", references="entities.entity_id", example="KACC"),
        Column(
            "instrument_id", "text", "Debt instrument concerned", required=False, references="debt_instruments.instrument_id", example=""
        ),
        Column("amount", "money", "Principal of the debt, or amount of the judgment or payment", required=False, example=""),
        Column("insured_amount", "money", "Part of a judgment covered by insurance", required=False, example=""),
        Column("cured_on", "date", "Date cured, paid, discharged, stayed or dismissed; empty if not", required=False, example=""),
        Column("document", "text", "Supporting document", example="Voluntary petition under chapter 11"),
    ),
    ("event_id",),
)

LIENS = Extract(
    "liens",
    "Lien register: every Lien of the Company and its Subsidiaries securing Indebtedness, with the 4.11(b) clause relied on.",
    (
        Column("lien_id", "text", "Stable id", example="LIEN-CA1994-PC"),
        Column("entity_id", "text", "Grantor", references="entities.entity_id", example="KACC"),
        Column("asset_description", "text", "Assets subject to the Lien", example="Trentwood rolling mill real property, plant and equipment"),
        Column("facility", "text", "Facility where the assets are located or used", example="Trentwood"),
        _flag("is_us_fixed_asset", "The assets are U.S. Fixed Assets (real property, plant or equipment located in the U.S.)"),
        _flag("is_permitted_collateral", "The assets are Permitted Collateral"),
        Column("instrument_id", "text", "Indebtedness secured", references="debt_instruments.instrument_id", example="CA1994-REVOLVER"),
        Column(
            "principal_secured",
            "money",
            "Principal amount of Indebtedness the Lien secures (for a revolving facility, its commitment)",
            example="325000000.00",
        ),
        Column("created_on", "date", "Date the Lien was created and the Indebtedness it secures Incurred", example="1996-12-23"),
        Column(
            "asset_acquired_or_completed_on",
            "date",
            "Acquisition, or final completion of construction, repair, addition or Improvement (4.11(b)(ix))",
            required=False,
            example="",
        ),
        Column("asset_cost", "money", "Original purchase price or cost, plus reasonable fees and expenses (4.11(b)(ix))", required=False, example=""),
        Column("permitted_clause", "text", "indenture-1996 4.11(b) clause relied on, or none", allowed=LIEN_CLAUSES, example="4.11(b)(i)"),
        _flag("is_carifa_financing", "Secures CARIFA Financing (the CBI Industrial Revenue Bonds and their Refinancings)"),
        _flag("notes_equally_and_ratably_secured", "The Notes are equally and ratably secured on a senior basis (4.11(a), (c))"),
        Column("released_on", "date", "Date the Lien was released; empty while it exists", required=False, example=""),
    ),
    ("lien_id",),
)

UNRESTRICTED_SUBSIDIARY_OFFICERS = Extract(
    "unrestricted_subsidiary_officers",
    "Directors and executive officers of each Unrestricted Subsidiary, with whether each is independent (4.15(iii)).",
    (
        Column("entity_id", "text", "Unrestricted Subsidiary", references="entities.entity_id", example="KCP"),
        Column("person_name", "text", "Name", example="A. Smith"),
        Column("position", "text", "Seat held", allowed=("director", "executive_officer"), example="director"),
        _flag("is_independent", "Not a director or executive officer of the Company or any of its Subsidiaries"),
        Column("appointed_on", "date", "First day in the seat", example="1998-01-01"),
        Column("ceased_on", "date", "Day of death, resignation or removal; empty while serving", required=False, example=""),
        Column(
            "cessation_reason",
            "text",
            "Why the person ceased to serve",
            required=False,
            allowed=("death", "resignation", "removal", "other"),
            example="",
        ),
    ),
    ("entity_id", "person_name", "position", "appointed_on"),
)

AFFILIATE_TRANSACTIONS = Extract(
    "affiliate_transactions",
    "Transactions of the Company, its Subsidiaries and Non-Affiliate Joint Ventures with Affiliates and Unrestricted "
    "Subsidiaries (4.08), with the exemption claimed and the approving documents.",
    (
        Column("transaction_id", "text", "Stable id", example="AT-1998-MAXXAM-SVC"),
        Column("transaction_date", "date", "Date entered into", example="1998-03-31"),
        Column("entity_id", "text", "Group party", references="entities.entity_id", example="KACC"),
        Column("counterparty", "text", "Affiliate or Unrestricted Subsidiary", example="MAXXAM Inc."),
        Column("counterparty_kind", "text", "Kind of counterparty", allowed=("affiliate", "unrestricted_subsidiary"), example="affiliate"),
        Column("amount", "money", "Amount of the transaction", example="2500000.00"),
        Column(
            "principal_products_amount",
            "money",
            "Cash purchases or sales of Principal Products with an Unrestricted Subsidiary for use in its ordinary course "
            "(left out of the $10,000,000 test)",
            example="0.00",
        ),
        Column("exemption", "text", "4.08(b) clause claimed, if any", required=False, allowed=AFFILIATE_TRANSACTION_EXEMPTIONS, example="4.08(b)(iii)"),
        Column("series_id", "text", "Series of related transactions it belongs to (R-I09)", required=False, example=""),
        Column("board_resolution_document", "text", "Board Resolution approving it (4.08(a)(ii))", required=False, example=""),
        Column("fairness_opinion_document", "text", "Fairness opinion of an independent investment banking firm (4.08(a)(iii))", required=False, example=""),
        Column("description", "text", "What and why", example="Reimbursement of MAXXAM corporate services at cost"),
    ),
    ("transaction_id",),
)

SALE_LEASEBACKS = Extract(
    "sale_leasebacks",
    "Sale and leaseback transactions of the Company and its Subsidiaries, with the lease's rentals in level-payment form "
    "(for def/AttributableDebt) and any designation as a Refinancing Sale and Leaseback Transaction in a notice to the "
    "Trustee (def/RefinancingSaleAndLeasebackTransaction [Indenture § 1.01, “Refinancing Sale and Leaseback Transaction”]).",
    (
        Column("transaction_id", "text", "Stable id", example="SLB-2001-EXAMPLE"),
        Column("transaction_date", "date", "Date of consummation (Attributable Debt is computed as of this date)", example="2001-06-29"),
        Column("seller_entity_id", "text", "Seller and lessee", references="entities.entity_id", example="KACC"),
        Column("property", "text", "Property sold and leased back", example="Office building"),
        Column("fair_market_value", "money", "Fair Market Value of the property on the date of consummation", example="45000000.00"),
        Column("lease_term_months", "quantity", "Remaining term of the lease in months, including any extension", example="60"),
        Column(
            "periodic_rental",
            "money",
            "Level rental due at the end of each rental period (rentals in arrears; the first one period after consummation)",
            example="5500000.00",
        ),
        Column(
            "payments_per_year",
            "quantity",
            "Rental periods a year; 2 (semi-annual) or 1 (annual) discount exactly at the Notes' semi-annual rate",
            example="2",
        ),
        Column("number_of_payments", "quantity", "Rentals remaining, including those of any extension", example="10"),
        _flag("designated_as_rslt", "Designated by the Company as a Refinancing Sale and Leaseback Transaction"),
        Column(
            "trustee_notice_date",
            "date",
            "Date of the notice to the Trustee designating it and stating its Attributable Debt",
            required=False,
            example="",
        ),
    ),
    ("transaction_id",),
)

ACQUISITIONS = Extract(
    "acquisitions",
    "Acquisitions of assets or Capital Stock by the Company and its Subsidiaries, for the pro forma adjustment (y) of "
    "Consolidated Cash Flow Available for Fixed Charges [Indenture § 1.01, “Consolidated Cash Flow Available for Fixed Charges”, proviso (y)]; the acquired business's cash flow before the "
    "acquisition is attested per fiscal quarter (ccfafc_of_acquired_business).",
    (
        Column("transaction_id", "text", "Stable id", example="ACQ-1999-EXAMPLE"),
        Column("acquisition_date", "date", "Date acquired", example="1999-04-30"),
        Column("acquirer_entity_id", "text", "Acquirer", references="entities.entity_id", example="KACC"),
        Column("description", "text", "What was acquired", example="Extrusion plant"),
        Column("consideration", "money", "Purchase price, including Indebtedness assumed or Incurred to finance it", example="30000000.00"),
        _flag(
            "is_material_out_of_ordinary_course",
            "Material assets acquired out of the ordinary course of business (R-I03, R-I10: attested by the Company)",
        ),
    ),
    ("transaction_id",),
)

GUARANTEES = Extract(
    "guarantees",
    "Guarantee register: every guarantee by a Subsidiary, a Non-Affiliate Joint Venture or the parent of Indebtedness of "
    "the Company or a Subsidiary Guarantor, the Subsidiary Guarantors' guarantees of the Notes included (indenture-1996 "
    "4.10(c), 4.12(c), 15.05). Guarantees of third parties' obligations are not here: they are Indebtedness in the debt "
    "register.",
    (
        Column("guarantee_id", "text", "Stable id", example="GTY-KFC-NOTES"),
        Column("guarantor_entity_id", "text", "Guarantor", references="entities.entity_id", example="KFC"),
        Column("guaranteed_obligor_entity_id", "text", "Obligor of the guaranteed Indebtedness", references="entities.entity_id", example="KACC"),
        Column(
            "guaranteed_instrument_id", "text", "Indebtedness guaranteed", references="debt_instruments.instrument_id", example="NOTES-10875-2006"
        ),
        Column(
            "guaranteed_debt",
            "text",
            "What the guaranteed instrument is for the indenture's rules: the Notes, the Credit Agreement (or a Refinancing "
            "of it, R-X06), the 12 3/4% Notes, the 10 7/8% Notes of October 23, 1996, the 9 7/8% Notes, or other",
            allowed=("notes", "credit_agreement", "notes_1275", "notes_10875_1996", "notes_0975", "other"),
            example="notes",
        ),
        Column(
            "guaranteed_debt_subordination",
            "text",
            "Whether the guaranteed Indebtedness is subordinated by its terms in right and priority of payment: not at "
            "all, to other Indebtedness of its obligor only, or to the Notes (or the obligor's Guarantee of them)",
            allowed=("senior", "subordinated_to_other_indebtedness", "subordinated_to_notes"),
            example="senior",
        ),
        Column(
            "guarantee_ranking",
            "text",
            "How the guarantee itself ranks: senior, subordinated to the guarantor's guarantee of the Notes, or "
            "subordinated otherwise",
            allowed=("senior", "subordinated_to_note_guarantee", "subordinated_other"),
            example="senior",
        ),
        Column("given_on", "date", "Date the guarantee was given (or the guarantor became liable)", example="1996-12-23"),
        Column("released_on", "date", "Date released or discharged; empty while in force", required=False, example=""),
        Column(
            "release_basis",
            "text",
            "Why it ended: 15.05(a), (c) or (d) for a guarantee of the Notes; repaid when the guaranteed debt was repaid",
            required=False,
            allowed=("15.05(a)", "15.05(c)", "15.05(d)", "repaid", "other"),
            example="",
        ),
        Column(
            "release_reference",
            "text",
            "15.05(a): the Officers' Certificate and Opinion of Counsel delivered; 15.05(c): the asset_sales "
            "transaction_id of the sale; 15.05(d): the Board Resolution designating the Unrestricted Subsidiary",
            required=False,
            example="",
        ),
        _flag(
            "existed_when_guarantor_acquired",
            "Existed when the guarantor became a Subsidiary and was not Incurred in connection with or in contemplation of "
            "it (4.10(c) proviso)",
        ),
        Column(
            "refinances_guarantee_id",
            "text",
            "The guarantee of the Refinanced Indebtedness this one replaces (4.10(c) proviso)",
            required=False,
            references="guarantees.guarantee_id",
            example="",
        ),
        Column("maximum_liability", "money", "Cap on the guarantor's liability; empty when it guarantees the whole debt", required=False, example=""),
        Column("description", "text", "What and why", example="Guarantee of the Notes under Article Fifteen"),
    ),
    ("guarantee_id",),
)

NOTE_REDEMPTIONS = Extract(
    "note_redemptions",
    "Optional redemptions of the Notes under indenture-1996/3.01: the date fixed for redemption, the principal called "
    "and the date the notice was mailed to holders (3.02: not less than fifteen nor more than sixty days before).",
    (
        Column("redemption_id", "text", "Stable id", example="RED-2004-10-20"),
        Column("notice_mailed_on", "date", "Date the notice of redemption was mailed by first-class mail to holders", example="2004-09-20"),
        Column("redemption_date", "date", "The date fixed for redemption", example="2004-10-20"),
        Column("principal_amount", "money", "Principal amount of Notes called for redemption", example="10000000.00"),
        Column("document", "text", "The notice of redemption", required=False, example="Notice of redemption"),
    ),
    ("redemption_id",),
)

MERGERS = Extract(
    "mergers",
    "Consolidations, mergers and transfers of all or substantially all property of the Company (indenture-1996 11.01) "
    "or of a Subsidiary Guarantor (15.03), and every liquidation, dissolution or discontinuance of a Subsidiary (4.05): "
    "one row per event, with the surviving corporation (or transferee) and its status immediately after.",
    (
        Column("merger_id", "text", "Stable id", example="MRG-2005-EXAMPLE"),
        Column("effective_date", "date", "Date the merger, consolidation, transfer or dissolution takes effect", example="2005-06-30"),
        Column("entity_id", "text", "The Company, Subsidiary Guarantor or Subsidiary whose event it is", references="entities.entity_id", example="KACC"),
        Column(
            "event_kind",
            "text",
            "What happens to it",
            allowed=("consolidation", "merger", "transfer_of_all_property", "liquidation", "dissolution", "discontinuance"),
            example="merger",
        ),
        Column("counterparty", "text", "The other corporation (merged with, or transferee); empty for a dissolution", required=False, example="Example Metals Inc."),
        Column(
            "counterparty_role",
            "text",
            "The counterparty's status immediately before: the Company, KAC, a Subsidiary Guarantor, another Subsidiary, or other",
            allowed=("company", "kac", "subsidiary_guarantor", "subsidiary", "other", "none"),
            example="other",
        ),
        Column(
            "survivor",
            "text",
            "Which is the surviving corporation (or the one to which the property is transferred): the entity itself, "
            "the counterparty, or none (a liquidation, dissolution or discontinuance)",
            allowed=("entity", "counterparty", "none"),
            example="entity",
        ),
        Column(
            "survivor_role",
            "text",
            "The surviving corporation's status immediately after",
            allowed=("company", "kac", "subsidiary_guarantor", "subsidiary", "other", "none"),
            example="company",
        ),
        Column(
            "survivor_organized_in_us", "bool", "Organized under the laws of the United States or any State", required=False, example="true"
        ),
        Column(
            "supplemental_indenture_date",
            "date",
            "Date the supplemental indenture by which the surviving corporation expressly assumed the obligations was "
            "executed and delivered to the Trustee; empty when none",
            required=False,
            example="",
        ),
        Column(
            "wholly_owned_directly_by_company_or_guarantors",
            "bool",
            "4.05(c): the Subsidiary Guarantor was wholly owned directly by the Company and/or another Subsidiary Guarantor",
            required=False,
            example="",
        ),
        Column("document", "text", "Agreement of merger, instrument of transfer or certificate of dissolution", required=False, example=""),
    ),
    ("merger_id",),
)

FACILITY_COMMITMENTS = Extract(
    "facility_commitments",
    "The commitment of a revolving facility over a span of days where it differs from its debt_instruments "
    "commitment (the amount as the facility now stands), such as the amount before an amendment reduced it. On a day "
    "a row covers, the row's amount is the commitment (the row with the latest valid_from where several do); on any "
    "other day from the facility's issue_date, the debt_instruments commitment.",
    (
        Column("instrument_id", "text", "Facility", references="debt_instruments.instrument_id", example="DIP-2002"),
        Column("valid_from", "date", "First day of the amount", example="2002-02-12"),
        Column("valid_to", "date", "Last day of the amount; empty while it stands", required=False, example="2003-07-31"),
        Column("commitment", "money", "Committed amount on those days", example="300000000.00"),
        Column("document", "text", "The agreement, amendment or notice that fixes it", example="Post-Petition Credit Agreement § 2.1.1(b)"),
    ),
    ("instrument_id", "valid_from"),
)

CAPITAL_EXPENDITURE_BASE_AMOUNTS = Extract(
    "capital_expenditure_base_amounts",
    "ppca-2002 Section 9.2.7: the Base Amount of Capital Expenditures of each Fiscal Year in the chart of the "
    "Post-Petition Credit Agreement. The Sixth Amendment added Fiscal Year 2004 at $75,000,000, the amount taken when no "
    "row gives it; earlier years are in the agreement as signed and have no default.",
    (
        Column("fiscal_year_end", "date", "Last day of the Fiscal Year", example="2003-12-31"),
        Column("base_amount", "money", "Base Amount for the Fiscal Year", example="70000000.00"),
        Column("document", "text", "Where the chart states it", example="Post-Petition Credit Agreement § 9.2.7 chart"),
    ),
    ("fiscal_year_end",),
)

PPCA_ASSET_DISPOSITIONS = Extract(
    "ppca_asset_dispositions",
    "ppca-2002 PPE Subcomponent Reduction: each Asset Disposition (a row of asset_sales) as the Company classifies it for "
    "the exceptions (w)-(z); its Net Disposition Proceeds are in ppca_disposition_proceeds. Needed for every disposition "
    "effected after the Sixth Amendment took effect (August 1, 2003) by the Parent Guarantor, the Company or a Subsidiary.",
    (
        Column("transaction_id", "text", "The disposition", references="asset_sales.transaction_id", example="AS-2004-MEAD"),
        Column(
            "section_9_2_11_clause",
            "text",
            "Clause of Section 9.2.11 of the Post-Petition Credit Agreement that permits it, as the Company's record says; "
            "empty when none. Clauses a, b, c, d, f and i are exception (w)",
            required=False,
            allowed=tuple("abcdefghijklmnopqrstuvwxyz"),
            example="",
        ),
        _flag("is_sale_of_accounts", "A sale of Accounts: exception (x) when the seller is the Company, KAII or Kaiser Bellwood (KBC)"),
        Column(
            "alpart_proviso_clause",
            "text",
            "For a disposition by ALPART: the clause, i or ii, of the second proviso of the last sentence of Section 9.2.11 "
            "that specifically describes it (exception (y)); empty otherwise",
            required=False,
            allowed=("i", "ii"),
            example="",
        ),
        Column(
            "fair_market_value",
            "money",
            "Fair market value of the assets disposed of; required with alpart_proviso_clause (exception (y) holds while "
            "the Fiscal Year's total does not exceed $2,000,000)",
            required=False,
            example="",
        ),
        Column("document", "text", "The Company's record of the classification", required=False, example=""),
    ),
    ("transaction_id",),
)

PPCA_DISPOSITION_PROCEEDS = Extract(
    "ppca_disposition_proceeds",
    "ppca-2002 PPE Subcomponent Reduction: the Net Disposition Proceeds of each disposition of ppca_asset_dispositions as "
    "they move: received by the seller, placed in escrow, or released from escrow to the seller. Amounts are the seller's "
    "whole proceeds; for a less than wholly owned Subsidiary the Company's share is taken from the entity register.",
    (
        Column("proceeds_id", "text", "Stable id", example="NDP-2004-MEAD"),
        Column("transaction_id", "text", "The disposition", references="ppca_asset_dispositions.transaction_id", example="AS-2004-MEAD"),
        Column("event_date", "date", "Date received, placed in escrow or released", example="2004-05-28"),
        Column(
            "event_kind",
            "text",
            "What happened to the proceeds",
            allowed=("received", "placed_in_escrow", "released_from_escrow"),
            example="received",
        ),
        Column("net_disposition_proceeds", "money", "Net Disposition Proceeds concerned", example="6900000.00"),
        Column("document", "text", "Supporting document", required=False, example=""),
    ),
    ("proceeds_id",),
)

# ppca-2002: the Lenders, their Revolving Commitments over time, the fees paid for them and their consents
LENDERS = Extract(
    "lenders",
    "ppca-2002: the register of Lenders under the Post-Petition Credit Agreement, each Lender's Revolving Commitment "
    "from a date until its next row (a commitment of 0 from the day a Lender leaves).",
    (
        Column("lender_id", "text", "Stable id", example="BOFA"),
        Column("lender_name", "text", "The Lender's name", example="Bank of America, N.A."),
        Column("effective_date", "date", "First day this commitment applies", example="2003-08-01"),
        Column("revolving_commitment", "money", "The Lender's Revolving Commitment from that day", example="55000000.00"),
        Column("document", "text", "Where it is set out (a schedule, an assignment)", required=False, example="Sixth Amendment, Schedule A"),
    ),
    ("lender_id", "effective_date"),
)

LENDER_FEES = Extract(
    "lender_fees",
    "ppca-2002: fees paid to the Agent for the ratable benefit of the Lenders (the Sixth Amendment's amendment fee).",
    (
        Column("fee_id", "text", "Stable id", example="FEE-2003-08-AMEND6"),
        Column("fee_kind", "text", "Which fee", allowed=("sixth_amendment_fee",), example="sixth_amendment_fee"),
        Column("paid_on", "date", "Date paid to the Agent", example="2003-08-01"),
        Column("amount", "money", "Amount paid", example="2280000.00"),
        Column("document", "text", "Evidence of payment", required=False, example="Agent's receipt"),
    ),
    ("fee_id",),
)

LENDER_CONSENTS = Extract(
    "lender_consents",
    "ppca-2002: each Lender's answer to a request for an amendment, waiver or consent, with the outstanding principal of "
    "Revolving Credit Outstandings it held on the request's date. Every row of a request carries the same date and subject; "
    "a Lender with a commitment then and no row has not consented.",
    (
        Column("request_id", "text", "The amendment, waiver or consent asked for", example="REQ-2003-08-AMEND6"),
        Column("request_date", "date", "The date the consents are counted (the amendment's effective date)", example="2003-08-01"),
        Column(
            "subject",
            "text",
            "What it does: the Sixth Amendment itself (every Lender must sign) or a change to Borrowing Base clause (c) that "
            "eliminates or reduces a required PPE Subcomponent Reduction (12.1(vii): 86%)",
            allowed=("sixth_amendment", "ppe_subcomponent_reduction"),
            example="sixth_amendment",
        ),
        Column("lender_id", "text", "The Lender", references="lenders.lender_id", example="BOFA"),
        _flag("consented", "The Lender signed or consented"),
        Column(
            "outstanding_principal",
            "money",
            "Outstanding principal of the Revolving Credit Outstandings the Lender held on the request date",
            example="0.00",
        ),
        Column("document", "text", "The signature page or consent", required=False, example="Signature page"),
    ),
    ("request_id", "lender_id"),
)

QAL_INVESTMENTS = Extract(
    "qal_investments",
    "ppca-2002: cash Investments in QAL and Contingent Liabilities incurred in respect of QAL's Indebtedness by the Company "
    "or KAAC, with what all the QAL joint venture participants put in on the same occasion.",
    (
        Column("investment_id", "text", "Stable id", example="QAL-2003-08"),
        Column("made_on", "date", "Date made or incurred", example="2003-08-14"),
        Column("investor", "text", "Who made it", allowed=("company", "kaac"), example="kaac"),
        Column("investment_kind", "text", "A cash Investment or a Contingent Liability", allowed=("cash_investment", "contingent_liability"),
               example="contingent_liability"),
        Column("amount", "money", "Amount invested, or of QAL Indebtedness the Contingent Liability covers", example="43000000.00"),
        Column("participants_amount", "money", "What every QAL joint venture participant put in on that occasion, the investor's included",
               example="151943462.90"),
        Column("ownership_interest", "pct", "The Company's and KAAC's ownership interest in QAL on that date, as a fraction", example="0.283000"),
        Column("document", "text", "The funding request or guarantee", required=False, example=""),
    ),
    ("investment_id",),
)

# ca-1994/def/PricingInterestCoverageRatio: the items the base Credit Agreement defines or the ledger does not split
CA1994_PRICING_ITEMS = Extract(
    "ca1994_pricing_items",
    "ca-1994: per Fiscal Quarter, the Pricing Interest Coverage Ratio's items that the ledger does not carry: EBITDA and "
    "Adjusted Capital Expenditures as the Credit Agreement of February 15, 1994 defines them, the interest on the PIK "
    "Note and the Equity Proceeds Notes and what of it was paid in cash, and interest income included in Net Income.",
    (
        Column("quarter_end", "date", "Last day of the Fiscal Quarter", example="1998-09-30"),
        Column("ebitda", "money", "EBITDA for the quarter as the base Credit Agreement defines it", required=False, example=""),
        Column("adjusted_capital_expenditures", "money", "Adjusted Capital Expenditures for the quarter (base definition)", required=False, example=""),
        Column("pik_note_interest", "money", "Interest on the PIK Note in the quarter's interest expense", example="0.00"),
        Column("pik_note_interest_paid_in_cash", "money", "The part of it paid in cash", example="0.00"),
        Column("equity_proceeds_notes_interest", "money", "Interest on the Equity Proceeds Notes in the quarter's interest expense", example="0.00"),
        Column("equity_proceeds_notes_interest_paid_in_cash", "money", "The part of it paid in cash", example="0.00"),
        Column("interest_income", "money", "Interest income of the Company and its Subsidiaries included in Net Income", example="0.00"),
        Column("document", "text", "Where the figures come from", required=False, example=""),
    ),
    ("quarter_end",),
)

BOARD_RESOLUTIONS = Extract(
    "board_resolutions",
    "Board Resolutions of the Company that change a figure the indenture makes variable: a permanent reduction of the "
    "$400,000,000 of indenture-1996 4.10(b)(ii). A resolution counts once certified and delivered to the Trustee "
    "(def/BoardResolution), from the later of that day and the effective date it sets (R-I60).",
    (
        Column("resolution_id", "text", "Stable id", example="BR-1999-04"),
        Column(
            "subject",
            "text",
            "What it resolves: credit_agreement_amount_reduction, a permanent reduction of the amount of 4.10(b)(ii)",
            allowed=("credit_agreement_amount_reduction",),
            example="credit_agreement_amount_reduction",
        ),
        Column("adopted_on", "date", "Date the Board of Directors adopted it", example="1999-04-20"),
        Column("delivered_to_trustee_on", "date", "Date the certified copy was delivered to the Trustee", example="1999-04-22"),
        Column("effective_date", "date", "Date from which it takes effect, if it sets one; empty is on delivery", required=False, example=""),
        Column("amount", "money", "The permanent reduction, added to any earlier ones", example="50000000.00"),
        Column("document", "text", "The certified resolution", example="Secretary's certificate of April 22, 1999"),
    ),
    ("resolution_id",),
)

FINANCIAL_STATEMENTS = Extract(
    "financial_statements",
    "The day each fiscal quarter's financial statements became available: from that day they are the most recent for "
    "indenture-1996 4.09(a)(C)(I) and the Consolidated Fixed Charge Coverage Ratio. A quarter without a row is taken "
    "as available on the day after quarter end + financial_information_available_lag_days (45 days; R-I02, R-I61).",
    (
        Column("period_end", "date", "Last day of the fiscal quarter", example="1999-03-31"),
        Column("available_on", "date", "First day on which its financial statements were available", example="1999-04-28"),
        Column("document", "text", "The statements, or the filing or certificate that made them available", required=False, example="Form 10-Q for the quarter ended March 31, 1999"),
    ),
    ("period_end",),
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
    ASSET_TRANSFERS,
    DEFAULT_EVENTS,
    ASSET_SALE_RECEIPTS,
    ASSET_SALE_OFFERS,
    LIENS,
    UNRESTRICTED_SUBSIDIARY_OFFICERS,
    AFFILIATE_TRANSACTIONS,
    SALE_LEASEBACKS,
    ACQUISITIONS,
    GUARANTEES,
    NOTE_REDEMPTIONS,
    MERGERS,
    FACILITY_COMMITMENTS,
    CAPITAL_EXPENDITURE_BASE_AMOUNTS,
    PPCA_ASSET_DISPOSITIONS,
    PPCA_DISPOSITION_PROCEEDS,
    LENDERS,
    LENDER_FEES,
    LENDER_CONSENTS,
    QAL_INVESTMENTS,
    CA1994_PRICING_ITEMS,
    BOARD_RESOLUTIONS,
    FINANCIAL_STATEMENTS,
)

BY_NAME = {e.name: e for e in EXTRACTS}
