"""indenture-1996/def/ConsolidatedFixedCharges (i)-(iv), ConsolidatedIncomeTaxExpense, ConsolidatedDepreciationExpense,
ConsolidatedAmortizationExpense and ConsolidatedCashFlowAvailableForFixedCharges on one quarter (Q1 1997)."""

from decimal import Decimal

from raw_tables import add, attest_cni_quarters, build, one, tb

Q = "1997-03-31"


def setup_group(con):
    add(con, "entities", entity_id="UNR", role="subsidiary", is_unrestricted_subsidiary="true")
    tb(con, "1996-12-31", "preferred_dividends", "1000000.00")
    tb(con, "1996-12-31", "cash", "0.00", entity="UNR")
    attest_cni_quarters(con, "1996-12-31", Q)


def test_fixed_charges_each_clause_and_the_joint_venture_carve_out(con):
    setup_group(con)
    # the ledger books the joint-venture partners' share of interest on its own line item
    tb(con, Q, "interest_expense", "2600000.00")
    tb(con, Q, "interest_expense_borne_by_jv_partners", "400000.00")
    tb(con, Q, "letter_of_credit_fees", "150000.00")
    tb(con, Q, "interest_hedging_net_cost", "50000.00")
    tb(con, Q, "preferred_dividends", "1200000.00")
    tb(con, Q, "debt_discount_amortization", "75000.00")
    tb(con, Q, "deferred_financing_writeoff_credit_agreement", "60000.00")
    tb(con, Q, "interest_expense", "500000.00", entity="UNR")
    build(con, "consolidated_fixed_charges")
    row = one(con, "select * from consolidated_fixed_charges where quarter_end = ?", [Q])
    assert row["interest_expense"] == Decimal("2600000.00")  # UNR's 500,000 is not a Subsidiary's
    assert row["consolidated_interest_expense"] == Decimal("3000000.00")  # GAAP: 2,600,000 + 400,000 partners' share
    assert row["interest_expense_borne_by_jv_partners"] == Decimal("400000.00")
    assert row["preferred_dividends_paid"] == Decimal("200000.00")  # (iii) movement 1,200,000 - 1,000,000
    assert row["credit_agreement_financing_costs_in_debt_discount"] == Decimal("0.00")
    # (i) 3,000,000 consolidated interest expense - 400,000 minority partners' share + (ii) 150,000 LC fees + 50,000 hedging + (iii) 200,000 preferred
    # dividends + (iv) 75,000 debt discount = 3,075,000; the 60,000 Credit Agreement write-off is not debt discount
    assert row["consolidated_fixed_charges"] == Decimal("3075000.00")


def test_tax_depreciation_and_amortization(con):
    setup_group(con)
    tb(con, Q, "income_tax_expense", "1400000.00")
    tb(con, Q, "income_tax_expense", "100000.00", entity="UNR")
    tb(con, Q, "depreciation_and_depletion", "800000.00")
    tb(con, Q, "capital_lease_amortization", "40000.00")
    tb(con, Q, "amortization", "30000.00")
    tb(con, Q, "debt_discount_amortization", "5000.00")
    build(con, "consolidated_income_tax_expense", "consolidated_depreciation_expense", "consolidated_amortization_expense")
    tax = one(con, "select * from consolidated_income_tax_expense where quarter_end = ?", [Q])
    dep = one(con, "select * from consolidated_depreciation_expense where quarter_end = ?", [Q])
    amo = one(con, "select * from consolidated_amortization_expense where quarter_end = ?", [Q])
    assert tax["consolidated_income_tax_expense"] == Decimal("1400000.00")  # UNR's 100,000 left out
    assert dep["consolidated_depreciation_expense"] == Decimal("840000.00")  # 800,000 + 40,000 capital lease amortization
    assert amo["consolidated_amortization_expense"] == Decimal("30000.00")  # debt discount is a fixed charge, not here


def test_cash_flow_available_for_fixed_charges(con):
    setup_group(con)
    tb(con, Q, "net_sales", "-10000000.00")
    tb(con, Q, "cost_of_products_sold", "4000000.00")
    tb(con, Q, "interest_expense", "1000000.00")
    tb(con, Q, "income_tax_expense", "1500000.00")
    tb(con, Q, "depreciation_and_depletion", "700000.00")
    tb(con, Q, "amortization", "100000.00")
    tb(con, Q, "other_non_cash_charges", "50000.00")
    tb(con, Q, "non_cash_pension_expense", "80000.00")
    tb(con, Q, "other_non_cash_credits", "-30000.00")
    tb(con, Q, "asset_sale_gain_loss", "-3000000.00")
    tb(con, Q, "preferred_dividends", "1000000.00")  # no movement
    add(con, "asset_sales", transaction_id="AS1", sale_date="1997-03-10", gross_proceeds="20000000.00", pretax_gain_loss="3000000.00", tax_on_gain_loss="1050000.00")
    build(con, "consolidated_cash_flow_available_for_fixed_charges")
    row = one(con, "select * from consolidated_cash_flow_available_for_fixed_charges where quarter_end = ?", [Q])
    # net income 10,000,000 - 4,000,000 - 1,000,000 - 1,500,000 - 700,000 - 100,000 - 50,000 - 80,000 + 30,000
    # + 3,000,000 = 5,600,000; CNI (v) excludes 3,000,000 - 1,050,000 = 1,950,000 -> 3,650,000
    assert row["consolidated_net_income"] == Decimal("3650000.00")
    assert row["tax_on_items_not_in_consolidated_net_income"] == Decimal("1050000.00")
    # CCFAFC = 3,650,000 CNI + 1,000,000 CFC + (1,500,000 - 1,050,000 tax on the excluded gain) + 700,000 + 100,000
    #          + 50,000 + 80,000 non-cash charges - 30,000 non-cash credit = 6,000,000
    assert row["consolidated_cash_flow_available_for_fixed_charges"] == Decimal("6000000.00")
    assert row["missing_inputs"] == []
    # no charge booked on the line items of ANEO (k)-(q): each is shown as 0.00, as is their total
    specific = ("lifo_inventory_charges", "kaiser_center_disposition_charges", "pension_special_charges", "impairment_charges",
                "foreign_inventory_writedowns", "prepetition_bpa_rejection_accruals", "prepetition_labor_claims_accruals",
                "prepetition_pbgc_accruals", "asbestos_claims_accruals", "other_prepetition_accruals", "specific_non_cash_charges")
    assert {name: row[name] for name in specific} == dict.fromkeys(specific, Decimal("0.00"))


def test_cash_flow_adds_back_the_non_cash_charges_on_their_own_line_items(con):
    # the line items for the charges ppca-2002 ANEO (k)-(q) excludes are non-cash items reducing CNI: the indenture adds
    # them back in full, with no cap and no OLV exception
    setup_group(con)
    tb(con, Q, "preferred_dividends", "1000000.00")  # no movement
    tb(con, Q, "net_sales", "-10000000.00")
    tb(con, Q, "cost_of_products_sold", "4000000.00")
    charges = {
        "lifo_inventory_charges": "100000.00",
        "kaiser_center_disposition_charges": "200000.00",
        "pension_special_charges": "300000.00",
        "impairment_charges": "400000.00",
        "foreign_inventory_writedowns": "500000.00",
        "prepetition_bpa_rejection_accruals": "600000.00",
        "prepetition_labor_claims_accruals": "700000.00",
        "prepetition_pbgc_accruals": "800000.00",
        "asbestos_claims_accruals": "900000.00",
        "other_prepetition_accruals": "1000000.00",
    }
    for line_item, amount in charges.items():
        tb(con, Q, line_item, amount)
    tb(con, Q, "impairment_charges", "250000.00", entity="UNR")  # an Unrestricted Subsidiary's: outside CNI
    build(con, "consolidated_cash_flow_available_for_fixed_charges")
    row = one(con, "select * from consolidated_cash_flow_available_for_fixed_charges where quarter_end = ?", [Q])
    # net income 10,000,000 - 4,000,000 - (100,000 + 200,000 + ... + 1,000,000 = 5,500,000) - 250,000 UNR = 250,000;
    # CNI (vii) leaves out UNR's -250,000 -> 500,000
    assert row["consolidated_net_income"] == Decimal("500000.00")
    assert row["specific_non_cash_charges"] == Decimal("5500000.00")  # KACC's ten lines; UNR's impairment not added back
    assert row["impairment_charges"] == Decimal("400000.00")
    assert row["asbestos_claims_accruals"] == Decimal("900000.00")
    # CCFAFC = 500,000 CNI + 0 CFC + 0 tax + 0 depreciation + 0 amortization + 5,500,000 non-cash charges = 6,000,000
    assert row["consolidated_cash_flow_available_for_fixed_charges"] == Decimal("6000000.00")
    assert row["missing_inputs"] == []


def test_cash_flow_keeps_the_tax_of_an_asset_sale_loss_and_drops_the_tax_of_an_excluded_gain(con):
    setup_group(con)
    # AS1 gains 3,000,000 (tax 1,050,000), AS2 loses 2,000,000 (tax credit 700,000): ledger 1,000,000 net gain, tax
    # 2,100,000 on operations + 1,050,000 - 700,000 = 2,450,000; preferred dividends: no movement
    ledger = {"net_sales": "-10000000.00", "cost_of_products_sold": "4000000.00", "asset_sale_gain_loss": "-1000000.00",
              "income_tax_expense": "2450000.00", "preferred_dividends": "1000000.00"}
    for line_item, balance in ledger.items():
        tb(con, Q, line_item, balance)
    for sale_id, sold_on, gain, tax in (("AS1", "1997-03-10", "3000000.00", "1050000.00"), ("AS2", "1997-03-20", "-2000000.00", "-700000.00")):
        add(con, "asset_sales", transaction_id=sale_id, sale_date=sold_on, gross_proceeds="20000000.00", pretax_gain_loss=gain, tax_on_gain_loss=tax)
    build(con, "consolidated_cash_flow_available_for_fixed_charges")
    row = one(con, "select * from consolidated_cash_flow_available_for_fixed_charges where quarter_end = ?", [Q])
    # net income 10,000,000 - 4,000,000 + 1,000,000 - 2,450,000 = 4,550,000; CNI (v) excludes AS1's 3,000,000 - 1,050,000
    # = 1,950,000 only (AS2's after-tax loss of 1,300,000 stays in): 2,600,000
    assert row["consolidated_net_income"] == Decimal("2600000.00")
    # CCFAFC (iii) "other than income taxes (including credits) with respect to items of Net Income not included in"
    # CNI: AS1's 1,050,000 is such a tax; AS2's 700,000 credit is on an item CNI includes, so it stays
    assert row["tax_on_items_not_in_consolidated_net_income"] == Decimal("1050000.00")
    # CCFAFC = 2,600,000 + (2,450,000 - 1,050,000) = 4,000,000 (= 6,000,000 operating income before tax - 2,000,000
    # pre-tax loss on AS2: the loss, a real one, reduces cash flow available)
    assert row["consolidated_cash_flow_available_for_fixed_charges"] == Decimal("4000000.00")


def test_cash_flow_drops_the_tax_of_a_non_subsidiarys_excluded_income_and_keeps_its_depreciation(con):
    setup_group(con)
    # JV: consolidated proportionally, not a Subsidiary (as QAL in the sample); its share: sales 2,000,000 - cost
    # 1,200,000 - depreciation 100,000 - tax 245,000 = Net Income 455,000; it pays KACC 100,000 in cash
    add(con, "entities", entity_id="JV", role="joint_venture", consolidation_method="proportional", ownership_pct="0.283000",
        is_subsidiary="false", is_joint_venture="true")
    ledger = {("KACC", "net_sales"): "-10000000.00", ("KACC", "cost_of_products_sold"): "6000000.00",
              ("KACC", "income_tax_expense"): "1400000.00", ("KACC", "preferred_dividends"): "1000000.00",
              ("JV", "net_sales"): "-2000000.00", ("JV", "cost_of_products_sold"): "1200000.00",
              ("JV", "depreciation_and_depletion"): "100000.00", ("JV", "income_tax_expense"): "245000.00"}
    for (entity, line_item), balance in ledger.items():
        tb(con, Q, line_item, balance, entity=entity)
    tb(con, Q, "investee_distributions_received", "-100000.00", counterparty="JV")
    build(con, "consolidated_cash_flow_available_for_fixed_charges")
    row = one(con, "select * from consolidated_cash_flow_available_for_fixed_charges where quarter_end = ?", [Q])
    # CNI (ii): group 2,600,000 + 455,000 - JV's 455,000 + its 100,000 distribution = 2,700,000
    assert row["consolidated_net_income"] == Decimal("2700000.00")
    # (iii): the GAAP consolidated tax 1,400,000 + 245,000 = 1,645,000, less JV's 245,000, the tax "with respect to items
    # of Net Income not included in" CNI
    assert row["consolidated_income_tax_expense"] == Decimal("1645000.00")
    assert row["tax_on_items_not_in_consolidated_net_income"] == Decimal("245000.00")
    # (iv) the GAAP consolidated depreciation "of such Person and its Subsidiaries ... on a consolidated basis", JV's
    # proportional 100,000 included (only CNI carves a non-Subsidiary out)
    assert row["consolidated_depreciation_expense"] == Decimal("100000.00")
    # CCFAFC = 2,700,000 + 0 CFC + (1,645,000 - 245,000) + 100,000 = 4,200,000
    assert row["consolidated_cash_flow_available_for_fixed_charges"] == Decimal("4200000.00")
