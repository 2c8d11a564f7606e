"""indenture-1996/def/ConsolidatedNetIncome: each exclusion (i)-(vii), both provisos and the frozen-GAAP adjustment,
on a one-quarter ledger (Q1 1997, March year-to-date balances; December 1996 reported so balance-sheet movements are known)."""

import json
from decimal import Decimal

from raw_tables import add, attest, attest_cni_quarters, build, one, tb

MODEL = "consolidated_net_income"

Q = "1997-03-31"


def group(con):
    add(con, "entities", entity_id="SUB", role="subsidiary")
    add(con, "entities", entity_id="UNR", role="subsidiary", is_unrestricted_subsidiary="true")
    add(con, "entities", entity_id="QAL", role="investee", consolidation_method="equity", is_specified_party="true", is_subsidiary="false")
    add(con, "entities", entity_id="INV2", role="investee", consolidation_method="equity", is_subsidiary="false")
    for entity in ("KACC", "SUB", "UNR"):
        tb(con, "1996-12-31", "cash", "0.00", entity=entity)


def full_quarter(con):
    group(con)
    tb(con, Q, "net_sales", "-10000000.00")
    tb(con, Q, "cost_of_products_sold", "6000000.00")
    tb(con, Q, "extraordinary_gain", "-200000.00")
    tb(con, Q, "extraordinary_loss", "50000.00")
    tb(con, Q, "debt_extinguishment_gain", "-300000.00")
    tb(con, Q, "equity_method_income", "-400000.00", counterparty="INV2")
    tb(con, Q, "investee_distributions_received", "-150000.00", counterparty="INV2")
    tb(con, Q, "equity_method_income", "-100000.00", counterparty="QAL")
    tb(con, Q, "investee_distributions_received", "-80000.00", counterparty="QAL")
    tb(con, Q, "existing_intercompany_note_interest", "-500000.00", counterparty="KAC")
    tb(con, Q, "notes_1425_redemption_premium", "90000.00")
    tb(con, Q, "deferred_financing_writeoff_credit_agreement", "60000.00")
    tb(con, Q, "asset_sale_gain_loss", "-5500000.00")
    tb(con, Q, "income_tax_expense", "1400000.00")
    tb(con, Q, "pre_acquisition_income", "-120000.00", entity="SUB")
    tb(con, Q, "net_sales", "-700000.00", entity="UNR")
    tb(con, Q, "cost_of_products_sold", "200000.00", entity="UNR")
    tb(con, Q, "extraordinary_gain", "-10000.00", entity="UNR")
    add(con, "asset_sales", transaction_id="AS1", sale_date="1997-02-15", gross_proceeds="25000000.00", pretax_gain_loss="4000000.00", tax_on_gain_loss="1400000.00")
    # exactly the de minimis $10,000,000: "do not exceed" is <=, so not an Asset Sale (N9)
    add(con, "asset_sales", transaction_id="AS2", sale_date="1997-03-01", gross_proceeds="10000000.00", pretax_gain_loss="1000000.00")
    add(con, "asset_sales", transaction_id="AS3", sale_date="1997-03-05", gross_proceeds="50000000.00", pretax_gain_loss="500000.00", asset_sale_exclusion="C")
    attest(con, "frozen_gaap_net_income_adjustment", Q, "25000.00")
    attest(con, "restricted_subsidiary_income", Q, "40000.00")
    attest(con, "existing_intercompany_note_interest_received", Q, "350000.00")
    attest(con, "specified_party_cash_management_consistent", Q, "true", reference_id="QAL")


def cni(con, quarter=Q):
    return one(con, "select * from consolidated_net_income where quarter_end = ?", [quarter])


def test_every_exclusion_and_proviso(con):
    full_quarter(con)
    build(con, MODEL)
    row = cni(con)
    # KACC: 10,000,000 sales - 6,000,000 cost + 200,000 extraordinary gain - 50,000 extraordinary loss + 300,000 debt
    # extinguishment gain + 400,000 + 100,000 equity income + 500,000 note interest - 90,000 premium - 60,000 write-off
    # + 5,500,000 asset sale gains - 1,400,000 tax = 9,400,000; SUB 120,000; UNR 700,000 - 200,000 + 10,000 = 510,000
    assert row["group_net_income"] == Decimal("10030000.00")
    assert row["extraordinary_gain"] == Decimal("200000.00")  # (i) KACC's gain only; UNR's 10,000 is inside (vii)
    assert row["debt_extinguishment_gain"] == Decimal("300000.00")  # (i)
    assert row["equity_method_income"] == Decimal("400000.00")  # (ii) INV2; QAL kept under proviso (2)
    assert row["investee_distributions_received"] == Decimal("150000.00")  # (ii) INV2's credit movement of 150,000
    assert row["specified_party_equity_income_kept"] == Decimal("100000.00")  # proviso (2): QAL, attested consistent
    assert row["pre_acquisition_income"] == Decimal("120000.00")  # (iii)
    assert row["restricted_subsidiary_income"] == Decimal("40000.00")  # (iv) attested
    assert row["asset_sale_net_after_tax_gain"] == Decimal("2600000.00")  # (v) AS1 only: 4,000,000 - 1,400,000 tax
    assert row["tax_on_excluded_asset_sale_gain"] == Decimal("1400000.00")
    assert row["existing_intercompany_note_interest_not_received"] == Decimal("150000.00")  # (vi) 500,000 - 350,000 cash
    assert row["unrestricted_subsidiary_net_income"] == Decimal("510000.00")  # (vii)
    assert row["notes_1425_redemption_premium"] == Decimal("90000.00")  # proviso (1)(a)
    assert row["deferred_financing_writeoff_credit_agreement"] == Decimal("60000.00")  # proviso (1)(b)
    assert row["frozen_gaap_net_income_adjustment"] == Decimal("25000.00")
    # CNI = 10,030,000 - 200,000 - 300,000 - 400,000 + 150,000 - 120,000 - 40,000 - 2,600,000 - 150,000 - 510,000
    #       + 90,000 + 60,000 + 25,000 = 6,035,000
    assert row["consolidated_net_income"] == Decimal("6035000.00")
    assert row["missing_inputs"] == []


def test_specified_party_without_consistent_cash_management_is_limited_by_clause_ii(con):
    full_quarter(con)
    attest(con, "specified_party_cash_management_consistent", Q, "false", reference_id="QAL", attestation_id="LATER", attested_on="2005-06-01")
    build(con, MODEL)
    row = cni(con)
    assert row["equity_method_income"] == Decimal("500000.00")  # INV2 400,000 + QAL 100,000 both excluded
    assert row["investee_distributions_received"] == Decimal("230000.00")  # INV2 150,000 + QAL 80,000 added
    # 6,035,000 - 100,000 QAL income + 80,000 QAL distributions = 6,015,000
    assert row["consolidated_net_income"] == Decimal("6015000.00")
    assert row["missing_inputs"] == []


def test_missing_attestations_are_named_and_the_figure_still_computed(con):
    group(con)
    tb(con, Q, "net_sales", "-1000000.00")
    tb(con, Q, "equity_method_income", "-100000.00", counterparty="QAL")
    tb(con, Q, "existing_intercompany_note_interest", "-500000.00", counterparty="KAC")
    build(con, MODEL)
    row = cni(con)
    assert row["missing_inputs"] == [
        "existing_intercompany_note_interest_received for the fiscal quarter ending 1997-03-31",
        "frozen_gaap_net_income_adjustment (R-I01) for the fiscal quarter ending 1997-03-31",
        "restricted_subsidiary_income for the fiscal quarter ending 1997-03-31",
        "specified_party_cash_management_consistent (QAL) for the fiscal quarter ending 1997-03-31",
    ]
    # 1,000,000 + 100,000 + 500,000 group net income - 100,000 QAL (limitation applies until attested) - 500,000 note
    # interest (nothing attested as received) = 1,000,000
    assert row["consolidated_net_income"] == Decimal("1000000.00")


def asset_sales_quarter(con, ledger_gain_loss, income_tax, *sales):
    """Q1 1997 with only its Asset Sales: the ledger's net result on them (a credit is a gain), the income tax, and each
    sale as (transaction_id, sale_date, pretax_gain_loss, tax_on_gain_loss). Returns the quarter's CNI row."""
    group(con)
    attest_cni_quarters(con, Q)
    tb(con, Q, "asset_sale_gain_loss", ledger_gain_loss)
    tb(con, Q, "income_tax_expense", income_tax)
    for transaction_id, sale_date, pretax, tax in sales:
        add(con, "asset_sales", transaction_id=transaction_id, sale_date=sale_date, gross_proceeds="20000000.00", pretax_gain_loss=pretax,
            tax_on_gain_loss=tax)
    build(con, MODEL)
    return cni(con)


def test_each_asset_sales_gain_is_excluded_and_each_loss_stays_in(con):
    # the ledger: AS1 +2,000,000 - AS2 3,000,000 = a 1,000,000 pre-tax loss on sales; tax 700,000 - 1,050,000 = a
    # 350,000 credit
    row = asset_sales_quarter(con, "1000000.00", "-350000.00", ("AS1", "1997-01-10", "2000000.00", "700000.00"),
                              ("AS2", "1997-02-10", "-3000000.00", "-1050000.00"))
    # (v) "net after tax gains from Asset Sales (but not excluding the net after tax losses from Asset Sales)": AS1's
    # gain net of its tax, 2,000,000 - 700,000 = 1,300,000, is excluded; AS2's after-tax loss, -3,000,000 + 1,050,000 =
    # -1,950,000, is not. Netting the two first (-650,000, nothing excluded) would take AS2's loss out to the extent of
    # AS1's gain, which the parenthesis forbids.
    assert row["group_net_income"] == Decimal("-650000.00")  # -1,000,000 + 350,000
    assert row["asset_sale_net_after_tax_gain"] == Decimal("1300000.00")
    assert row["tax_on_excluded_asset_sale_gain"] == Decimal("700000.00")  # AS1's tax only
    # -650,000 - 1,300,000 = -1,950,000: exactly AS2's after-tax loss stays in
    assert row["consolidated_net_income"] == Decimal("-1950000.00")


def test_an_asset_sale_loss_alone_stays_in(con):
    row = asset_sales_quarter(con, "3000000.00", "0.00", ("AS2", "1997-02-10", "-3000000.00", "0.00"))
    assert row["asset_sale_net_after_tax_gain"] == Decimal("0.00")  # (v) a loss is never excluded
    assert row["consolidated_net_income"] == Decimal("-3000000.00")  # the ledger's 3,000,000 loss on the sale


def test_an_asset_sale_whose_tax_takes_its_whole_gain_is_no_net_after_tax_gain(con):
    # AS1: a 1,000,000 pre-tax gain and 1,000,000 of tax on it: after tax 0, neither a gain nor a loss
    row = asset_sales_quarter(con, "-1000000.00", "1000000.00", ("AS1", "1997-01-10", "1000000.00", "1000000.00"))
    # (v) excludes "net after tax gains": nothing here, so the tax on the sale is not tax on an item left out of CNI
    assert (row["asset_sale_net_after_tax_gain"], row["tax_on_excluded_asset_sale_gain"]) == (Decimal("0.00"), Decimal("0.00"))
    assert row["consolidated_net_income"] == Decimal("0.00")  # 1,000,000 gain - 1,000,000 tax


def test_intercompany_note_cash_beyond_the_accrual_does_not_create_income(con):
    group(con)
    attest_cni_quarters(con, Q)
    tb(con, Q, "existing_intercompany_note_interest", "-200000.00", counterparty="KAC")
    attest(con, "existing_intercompany_note_interest_received", Q, "300000.00")
    build(con, MODEL)
    row = cni(con)
    # (vi) accrued 200,000, received 300,000 (some for an earlier quarter): nothing excluded, CNI = 200,000
    assert row["existing_intercompany_note_interest_not_received"] == Decimal("0.00")
    assert row["consolidated_net_income"] == Decimal("200000.00")


def test_dealings_with_an_unrestricted_subsidiary_are_not_eliminated(con):
    group(con)
    attest_cni_quarters(con, Q)
    # KACC lends to UNR: 100,000 interest income at KACC, 100,000 interest expense at UNR
    tb(con, Q, "other_income_expense", "-100000.00", counterparty="UNR")
    tb(con, Q, "interest_expense", "100000.00", entity="UNR", counterparty="KACC")
    # KACC and SUB: 40,000 management fee, eliminated on consolidation
    tb(con, Q, "other_income_expense", "-40000.00", counterparty="SUB")
    tb(con, Q, "selling_administrative_research", "40000.00", entity="SUB", counterparty="KACC")
    build(con, MODEL)
    row = cni(con)
    assert row["group_net_income"] == Decimal("0.00")  # GAAP consolidated: both pairs cancel
    assert row["unrestricted_subsidiary_net_income"] == Decimal("-100000.00")  # (vii) UNR's own loss
    assert row["consolidated_net_income"] == Decimal("100000.00")  # 0 - (-100,000): KACC's interest from UNR stays in
    assert json.loads(json.dumps(row["missing_inputs"])) == []


def non_subsidiary_member(con, specified_party="false"):
    """JV, consolidated proportionally at its 28.3% share and not a Subsidiary (as QAL in the sample), beside KACC.
    KACC: sales 10,000,000 - third-party cost 6,000,000 - 500,000 bought from JV - tax 1,400,000 = own Net Income
    2,100,000. JV: third-party sales 2,000,000 + 500,000 sold to KACC - cost 1,200,000 - depreciation 100,000 - tax
    245,000 = own Net Income 955,000. Consolidation eliminates the 500,000 on both sides: group net income 3,055,000.
    JV pays 100,000 in cash to KACC and 30,000 to UNR, an Unrestricted Subsidiary (not "such Person or any of its
    Subsidiaries")."""
    group(con)
    add(con, "entities", entity_id="JV", role="joint_venture", consolidation_method="proportional", ownership_pct="0.283000",
        is_subsidiary="false", is_joint_venture="true", is_specified_party=specified_party)
    attest_cni_quarters(con, Q)
    tb(con, Q, "net_sales", "-10000000.00")
    tb(con, Q, "cost_of_products_sold", "6000000.00")
    tb(con, Q, "cost_of_products_sold", "500000.00", counterparty="JV")
    tb(con, Q, "income_tax_expense", "1400000.00")
    tb(con, Q, "net_sales", "-2000000.00", entity="JV")
    tb(con, Q, "net_sales", "-500000.00", entity="JV", counterparty="KACC")
    tb(con, Q, "cost_of_products_sold", "1200000.00", entity="JV")
    tb(con, Q, "depreciation_and_depletion", "100000.00", entity="JV")
    tb(con, Q, "income_tax_expense", "245000.00", entity="JV")
    tb(con, Q, "investee_distributions_received", "-100000.00", counterparty="JV")
    tb(con, Q, "investee_distributions_received", "-30000.00", entity="UNR", counterparty="JV")


def test_a_non_subsidiarys_net_income_is_excluded_except_its_cash_distributions(con):
    non_subsidiary_member(con)
    build(con, MODEL)
    row = cni(con)
    assert row["group_net_income"] == Decimal("3055000.00")  # 2,600,000 KACC outside the JV dealing + 455,000 JV
    # (ii) "the Net Income of any Person that is not a Subsidiary": JV's own 955,000, its 500,000 sale to KACC included
    assert row["non_subsidiary_net_income"] == Decimal("955000.00")
    # "except ... distributions ... actually paid to such Person or any of its Subsidiaries": KACC's 100,000; UNR's
    # 30,000 is not paid to the Company or a Subsidiary
    assert row["non_subsidiary_distributions_received"] == Decimal("100000.00")
    assert row["non_subsidiary_income_tax"] == Decimal("245000.00")  # the tax inside the excluded 955,000
    # CCFAFC (iii) leaves that tax out too; no Asset Sale gain
    assert row["tax_on_items_not_in_consolidated_net_income"] == Decimal("245000.00")
    assert row["equity_method_income"] == Decimal("0.00") and row["investee_distributions_received"] == Decimal("0.00")
    # CNI = 3,055,000 - 955,000 + 100,000 = 2,200,000 = KACC's own 2,100,000 + the 100,000 it received
    assert row["consolidated_net_income"] == Decimal("2200000.00")
    assert row["missing_inputs"] == []


def test_a_specified_party_non_subsidiary_is_kept_while_cash_management_is_consistent(con):
    non_subsidiary_member(con, specified_party="true")
    attest(con, "specified_party_cash_management_consistent", Q, "true", reference_id="JV")
    build(con, MODEL)
    row = cni(con)
    # proviso (2): JV's Net Income "shall not be subject to any of the limitations contained in clauses (ii)": kept whole,
    # and its distribution is not added on top (it is already inside the income kept)
    assert row["non_subsidiary_net_income"] == Decimal("0.00")
    assert row["non_subsidiary_distributions_received"] == Decimal("0.00")
    assert row["specified_party_non_subsidiary_income_kept"] == Decimal("955000.00")
    assert row["tax_on_items_not_in_consolidated_net_income"] == Decimal("0.00")  # JV's tax is on income CNI keeps
    assert row["consolidated_net_income"] == Decimal("3055000.00")  # the group's net income, nothing excluded


def test_a_specified_party_non_subsidiary_is_limited_when_cash_management_is_not_consistent(con):
    non_subsidiary_member(con, specified_party="true")
    attest(con, "specified_party_cash_management_consistent", Q, "false", reference_id="JV")
    build(con, MODEL)
    row = cni(con)
    assert row["specified_party_non_subsidiary_income_kept"] == Decimal("0.00")
    assert row["non_subsidiary_net_income"] == Decimal("955000.00")
    assert row["tax_on_items_not_in_consolidated_net_income"] == Decimal("245000.00")
    assert row["consolidated_net_income"] == Decimal("2200000.00")  # 3,055,000 - 955,000 + 100,000, as a non-Specified Party
    assert row["missing_inputs"] == []


def test_a_specified_party_non_subsidiary_without_an_attestation_is_limited_and_named(con):
    non_subsidiary_member(con, specified_party="true")
    build(con, MODEL)
    row = cni(con)
    assert row["consolidated_net_income"] == Decimal("2200000.00")  # limited until attested, as for an investee
    assert row["missing_inputs"] == ["specified_party_cash_management_consistent (JV) for the fiscal quarter ending 1997-03-31"]


def iv_subsidiaries(con):
    """Two foreign Subsidiaries earning 1,000,000 each in Q (credit balances): FSP a Specified Party, FSUB not."""
    add(con, "entities", entity_id="FSP", role="subsidiary", is_foreign="true", is_specified_party="true")
    add(con, "entities", entity_id="FSUB", role="subsidiary", is_foreign="true")
    for entity in ("KACC", "FSP", "FSUB"):
        tb(con, "1996-12-31", "cash", "0.00", entity=entity)
    for entity in ("FSP", "FSUB"):
        tb(con, Q, "net_sales", "-1000000.00", entity=entity)
        tb(con, Q, "cash", "1000000.00", entity=entity)
    attest(con, "frozen_gaap_net_income_adjustment", Q, "0.00")


def test_clause_iv_b_is_lifted_for_a_specified_party_with_consistent_cash_management_and_iv_a_is_not(con):
    # (iv)(B): undistributed Net Income of a foreign Subsidiary whose distribution would cost a material tax; proviso (2):
    # "the Net Income of each of the Specified Parties ... shall not be subject to any of the limitations contained in
    # clauses (ii) and (iv)(B) ... so long as the Company's cash management and intercompany practices with respect to
    # such entity ... are consistent with past practice" [Indenture § 1.01, “Consolidated Net Income”, proviso]
    iv_subsidiaries(con)
    attest(con, "foreign_subsidiary_undistributed_income", Q, "600000.00", reference_id="FSP")
    attest(con, "foreign_subsidiary_undistributed_income", Q, "700000.00", reference_id="FSUB")
    attest(con, "restricted_subsidiary_income", Q, "250000.00", reference_id="FSP")  # (iv)(A): the proviso does not reach it
    attest(con, "specified_party_cash_management_consistent", Q, "true", reference_id="FSP")
    build(con, MODEL)
    row = one(con, "select * from consolidated_net_income where quarter_end = ?", [Q])
    # group 2,000,000; (iv)(B): FSUB's 700,000 out, FSP's 600,000 kept; (iv)(A) 250,000 out
    assert (row["foreign_subsidiary_undistributed_income"], row["specified_party_foreign_income_kept"]) == (Decimal("700000.00"), Decimal("600000.00"))
    assert row["restricted_subsidiary_income"] == Decimal("250000.00")
    assert row["consolidated_net_income"] == Decimal("1050000.00")  # 2,000,000 - 700,000 - 250,000
    assert row["missing_inputs"] == []


def test_clause_iv_b_limits_a_specified_party_when_cash_management_is_not_consistent_or_not_attested(con):
    iv_subsidiaries(con)
    attest(con, "foreign_subsidiary_undistributed_income", Q, "600000.00", reference_id="FSP")
    attest(con, "foreign_subsidiary_undistributed_income", Q, "0.00", reference_id="FSUB")
    build(con, MODEL)
    row = one(con, "select * from consolidated_net_income where quarter_end = ?", [Q])
    # no attestation: FSP's 600,000 is excluded (the proviso is not shown to apply) and the attestation named
    assert (row["foreign_subsidiary_undistributed_income"], row["consolidated_net_income"]) == (Decimal("600000.00"), Decimal("1400000.00"))
    assert row["missing_inputs"] == ["specified_party_cash_management_consistent (FSP) for the fiscal quarter ending 1997-03-31"]
    attest(con, "specified_party_cash_management_consistent", Q, "false", reference_id="FSP")
    build(con, MODEL)
    row = one(con, "select * from consolidated_net_income where quarter_end = ?", [Q])
    assert (row["consolidated_net_income"], row["missing_inputs"]) == (Decimal("1400000.00"), [])  # attested not consistent: limited


def test_a_clause_iv_b_row_that_names_no_subsidiary_is_excluded_and_named(con):
    iv_subsidiaries(con)
    attest(con, "foreign_subsidiary_undistributed_income", Q, "100000.00", reference_id="NOBODY", attestation_id="ATT-B-1")
    build(con, MODEL)
    row = one(con, "select * from consolidated_net_income where quarter_end = ?", [Q])
    # a (B) row states the quarter's (iv), so restricted_subsidiary_income is not missing; the row itself is
    assert row["consolidated_net_income"] == Decimal("1900000.00")  # 2,000,000 - 100,000
    assert row["missing_inputs"] == ["foreign_subsidiary_undistributed_income ATT-B-1 names no Subsidiary (R-I64)"]
