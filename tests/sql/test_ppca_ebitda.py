"""ppca-2002/def/AdjustedNetEarningsFromOperations (a), (d), (g), (m) and EBITDA for the 4 Fiscal Quarters (9.2.4(a))."""

import json
from decimal import Decimal

from raw_tables import add, attest, build, one, quarter_total, rows, tb


def aneo(con, quarter_end):
    return quarter_total(con, "ppca_adjusted_net_earnings_from_operations", quarter_end)


def test_capital_asset_sales_over_150000_per_transaction(con):
    tb(con, "2003-03-31", "asset_sale_gain_loss", "-100000.01")
    add(con, "asset_sales", transaction_id="AS1", sale_date="2003-01-15", gross_proceeds="1000000.00", pretax_gain_loss="150000.00")
    add(con, "asset_sales", transaction_id="AS2", sale_date="2003-02-15", gross_proceeds="1000000.00", pretax_gain_loss="150000.01")
    add(con, "asset_sales", transaction_id="AS3", sale_date="2003-03-15", gross_proceeds="1000000.00", pretax_gain_loss="-200000.00")
    build(con, "ppca_adjusted_net_earnings_from_operations")
    row = aneo(con, "2003-03-31")
    # (a) "in an amount greater than $150,000": AS1's 150,000.00 stays in; AS2 +150,000.01 and AS3 -200,000 are excluded
    assert row["a_capital_asset_sale_gain_loss"] == Decimal("-49999.99")
    assert row["capital_asset_sale_ids"] == ["AS2", "AS3"]
    assert row["net_income"] == Decimal("100000.01")  # the ledger's gains net of the loss
    assert row["adjusted_net_earnings_before_d"] == Decimal("150000.00")  # 100,000.01 - (-49,999.99): AS1's gain only


def test_pension_cap_on_each_side_of_2003_01_01(con):
    tb(con, "2002-12-31", "non_cash_pension_expense", "5000000.00")  # FY2002 (YTD; first month reported)
    tb(con, "2003-03-31", "non_cash_pension_expense", "30000000.00")
    tb(con, "2003-06-30", "non_cash_pension_expense", "55000000.00")
    tb(con, "2003-09-30", "non_cash_pension_expense", "65000000.00")
    build(con, "ppca_adjusted_net_earnings_from_operations")
    q4_2002, q1, q2, q3 = (aneo(con, q) for q in ("2002-12-31", "2003-03-31", "2003-06-30", "2003-09-30"))
    assert (q4_2002["m_fiscal_year_cap"], q4_2002["m_non_cash_pension_expense_excluded"]) == (Decimal("0.00"), Decimal("0.00"))  # M7: FY2002 $0
    assert q4_2002["adjusted_net_earnings_before_d"] == Decimal("-5000000.00")  # the expense stays in
    assert (q1["m_fiscal_year_cap"], q1["m_non_cash_pension_expense_excluded"]) == (Decimal("48000000.00"), Decimal("30000000.00"))
    assert q1["adjusted_net_earnings_before_d"] == Decimal("0.00")  # -30,000,000 + 30,000,000 excluded
    assert q2["m_non_cash_pension_expense_excluded"] == Decimal("18000000.00")  # 25,000,000 in Q2, 48,000,000 - 30,000,000 left
    assert q2["adjusted_net_earnings_before_d"] == Decimal("-7000000.00")  # -25,000,000 + 18,000,000
    assert q3["m_non_cash_pension_expense_excluded"] == Decimal("0.00")  # FY2003 cap used up
    assert q3["adjusted_net_earnings_before_d"] == Decimal("-10000000.00")


def neutral_adjustments(con):
    """VALCO on forecast and gas at the $3.50 Forecast Price or below: no 9.2.4(c)/(d) reduction and nothing missing."""
    for month in ("2003-07-31", "2003-08-31", "2003-09-30", "2003-10-31", "2003-11-30", "2003-12-31",
                  "2004-01-31", "2004-02-29", "2004-03-31", "2004-04-30", "2004-05-31", "2004-06-30",
                  "2004-07-31", "2004-08-31", "2004-09-30", "2004-10-31", "2004-11-30", "2004-12-31"):
        add(con, "valco_ebitda", period_end=month, actual_valco_ebitda="1000000.00", forecast_valco_ebitda="1000000.00")
    add(con, "market_data", series="natural_gas_price_paid", period_start="2003-07-01", period_end="2003-09-30", value="3.000000", unit="usd_per_mmbtu")
    add(con, "market_data", series="natural_gas_price_paid", period_start="2003-10-01", period_end="2003-12-31", value="3.500000", unit="usd_per_mmbtu")


def year_2003(con):
    tb(con, "2002-12-31", "investee_distributions_received", "0.00", counterparty="INV")
    ytd = {  # each quarter: sales 20M, cost 15M, interest 2M (1.75M + 0.25M borne by joint-venture partners), tax 1M,
        # D&D 3M, capital lease 0.5M, amortization 0.5M
        "2003-03-31": 1, "2003-06-30": 2, "2003-09-30": 3, "2003-12-31": 4,
    }
    for quarter_end, n in ytd.items():
        tb(con, quarter_end, "net_sales", f"-{20000000 * n}.00")
        tb(con, quarter_end, "cost_of_products_sold", f"{15000000 * n}.00")
        tb(con, quarter_end, "interest_expense", f"{1750000 * n}.00")
        tb(con, quarter_end, "interest_expense_borne_by_jv_partners", f"{250000 * n}.00")
        tb(con, quarter_end, "income_tax_expense", f"{1000000 * n}.00")
        tb(con, quarter_end, "depreciation_and_depletion", f"{3000000 * n}.00")
        tb(con, quarter_end, "capital_lease_amortization", f"{500000 * n}.00")
        tb(con, quarter_end, "amortization", f"{500000 * n}.00")
    for quarter_end in ("2003-06-30", "2003-09-30", "2003-12-31"):
        tb(con, quarter_end, "equity_method_income", "-5000000.00", counterparty="INV")  # 5,000,000 in Q2
    for quarter_end in ("2003-09-30", "2003-12-31"):
        tb(con, quarter_end, "non_cash_pension_expense", "4000000.00")  # 4,000,000 in Q3
        tb(con, quarter_end, "investee_distributions_received", "-1000000.00", counterparty="INV")  # 1,000,000 received in Q3
    add(con, "entities", entity_id="INV", role="investee", consolidation_method="equity", is_subsidiary="false")
    neutral_adjustments(con)


def test_ebitda_for_four_fiscal_quarters(con):
    year_2003(con)
    attest(con, "ppca_ebitda_definition", "2003-06-30", "ANEO + interest + taxes + depreciation + amortization")
    build(con, "minimum_ebitda_tests")
    quarterly = quarter_total(con, "ppca_ebitda", "2003-06-30")
    # Q2: net income -20M... : 20 - 15 - 2 - 1 - 3 - 0.5 - 0.5 = -2,000,000 + 5,000,000 equity income = 3,000,000;
    # + 2,000,000 + 1,000,000 + 3,000,000 + 500,000 + 500,000 = 10,000,000 (before (d))
    assert quarterly["ebitda_before_d"] == Decimal("10000000.00")
    row = one(con, "select * from minimum_ebitda_tests where test_date = '2003-12-31'")
    assert (row["clause_id"], row["test_kind"], row["transaction_id"]) == ("ppca-2002/9.2.4(a)", "maintenance", None)
    assert (row["period_start"].isoformat(), row["period_end"].isoformat()) == ("2003-01-01", "2003-12-31")
    # quarters before (d): 5,000,000 + 10,000,000 + 5,000,000 (Q3: -6,000,000 net income + 4,000,000 pension (m)
    # excluded + 7,000,000 add-backs) + 5,000,000 = 25,000,000; (d): 5,000,000 equity earnings - 1,000,000 cash
    # - 3,000,000 allowance = 1,000,000 excluded -> 24,000,000
    assert row["actual"] == Decimal("24000000.00")
    assert row["threshold_reduction"] == Decimal("0.00")
    inputs = json.loads(row["inputs"])
    assert inputs["aneo_d_excess_excluded"] == {"value": "1000000.00", "clause_id": "ppca-2002/def/AdjustedNetEarningsFromOperations"}
    assert inputs["aneo_m_non_cash_pension_expense_excluded"]["value"] == "4000000.00"
    assert inputs["interest_expense"]["value"] == "8000000.00"  # 4 x (1,750,000 + 250,000 partners' share)
    assert json.loads(row["missing_inputs"]) == []


def test_ebitda_definition_must_be_attested_on_or_before_the_test_date(con):
    year_2003(con)
    attest(con, "ppca_ebitda_definition", "2003-12-31", "ANEO + interest + taxes + depreciation + amortization")
    build(con, "minimum_ebitda_tests")
    september = one(con, "select * from minimum_ebitda_tests where test_date = '2003-09-30'")
    december = one(con, "select * from minimum_ebitda_tests where test_date = '2003-12-31'")
    assert json.loads(september["missing_inputs"]) == ["ppca_ebitda_definition (R-P02) dated on or before 2003-09-30"]
    assert json.loads(december["missing_inputs"]) == []
    # 2002-12-31 is the first quarter reported: the 4 quarters ending 2003-09-30 start in 2002-10-01, and are all there
    assert september["period_start"].isoformat() == "2002-10-01"


def gain_account(con, account_id):
    add(con, "chart_of_accounts", account_id=account_id, account_name="Gain on a non-recurring transaction",
        statement="income_statement", line_item="non_recurring_transaction_gain")


def test_non_recurring_transaction_gains_over_150000_per_transaction(con):
    # (g) "gain ... from any other non-recurring transaction resulting in gain in an amount greater than $150,000",
    # each entity's account in a month one transaction (R-P60), balances year to date:
    #   KACC NRG-1 January 150,000.00 gain: not greater than 150,000, stays in
    #   KACC NRG-2 February 150,000.01 gain: excluded whole (R-P03)
    #   KACC NRG-3 March 400,000 loss: not a gain, stays in
    #   SUB NRG-2 March 100,000 gain: its own transaction, stays in
    #   KACC NRG-4 March 200,000: two 100,000 gains booked on one account in one month read as one transaction, excluded
    add(con, "entities", entity_id="SUB")
    for account in ("NRG-1", "NRG-2", "NRG-3", "NRG-4"):
        gain_account(con, account)
    ytd = {("KACC", "NRG-1"): ("-150000.00", "-150000.00", "-150000.00"), ("KACC", "NRG-2"): ("0.00", "-150000.01", "-150000.01"),
           ("KACC", "NRG-3"): ("0.00", "0.00", "400000.00"), ("SUB", "NRG-2"): ("0.00", "0.00", "-100000.00"),
           ("KACC", "NRG-4"): ("0.00", "0.00", "-200000.00")}
    for (entity, account), balances in ytd.items():
        for month, balance in zip(("2003-01-31", "2003-02-28", "2003-03-31"), balances):
            add(con, "trial_balances", entity_id=entity, period_end=month, account_id=account, balance=balance)
    build(con, "ppca_adjusted_net_earnings_from_operations")
    months = {r["period_end"].isoformat(): r for r in rows(con, "select * from ppca_adjusted_net_earnings_from_operations")}
    assert months["2003-01-31"]["g_non_recurring_transaction_gain"] == Decimal("0.00")
    assert months["2003-01-31"]["non_recurring_transaction_accounts"] == []  # NRG-1's 150,000.00 is not named either
    assert months["2003-02-28"]["g_non_recurring_transaction_gain"] == Decimal("150000.01")
    assert months["2003-03-31"]["non_recurring_transaction_accounts"] == ["KACC account NRG-4"]
    row = aneo(con, "2003-03-31")
    # net income 150,000 + 150,000.01 - 400,000 + 100,000 + 200,000 = 200,000.01; less 150,000.01 + 200,000 excluded
    assert row["net_income"] == Decimal("200000.01")
    assert row["g_non_recurring_transaction_gain"] == Decimal("350000.01")
    assert row["adjusted_net_earnings_before_d"] == Decimal("-150000.00")
    assert row["missing_inputs"] == []


def test_non_recurring_gain_before_the_threshold_is_in_force_is_missing_and_a_twelve_month_input(con):
    # the $150,000 applies from the agreement's date (2002-02-12): a January 2002 gain cannot be tested; the February
    # 2002 gain of 150,000.01 is excluded and shows in the 12 months ending 2002-03-31
    gain_account(con, "NRG-1")
    for month, balance in (("2002-01-31", "-200000.00"), ("2002-02-28", "-350000.01"), ("2002-03-31", "-350000.01")):
        add(con, "trial_balances", entity_id="KACC", period_end=month, account_id="NRG-1", balance=balance)
    attest(con, "ppca_ebitda_definition", "2002-01-31", "ANEO + interest + taxes + depreciation + amortization")
    build(con, "ppca_ebitda_twelve_months")
    row = one(con, "select * from ppca_ebitda_twelve_months where test_date = '2002-03-31'")
    assert json.loads(row["ebitda_inputs"])["aneo_g_non_recurring_transaction_gain"] == {
        "value": "150000.01", "clause_id": "ppca-2002/def/AdjustedNetEarningsFromOperations"}
    assert row["ebitda_missing_inputs"] == ["parameter aneo_threshold_non_recurring_gains on 2002-01-31 (KACC account NRG-1)"]
