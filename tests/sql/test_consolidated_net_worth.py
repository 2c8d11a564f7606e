"""consolidated_net_worth: stockholders' equity from the quarter-end trial balance, less Redeemable Stock and the
Existing Intercompany Note, with the two proviso charges added back. Figures derived by hand beside each assertion."""

from decimal import Decimal

from raw_tables import add, build, one


def test_net_worth_from_the_trial_balance(con):
    add(con, "entities", entity_id="KAC", role="parent", is_subsidiary="false", ownership_pct="0.000000", consolidation_method="none")
    q = "1997-03-31"
    for item, balance in (
        ("property_plant_equipment", "900000000.00"),
        ("cash", "100000000.00"),
        ("long_term_debt", "-500000000.00"),
        ("minority_interest_equity", "-20000000.00"),
        ("common_equity", "-300000000.00"),
        ("retained_earnings", "-130000000.00"),
        ("preferred_stock", "-40000000.00"),
        ("notes_1425_redemption_premium", "4000000.00"),
        ("net_sales", "-44000000.00"),
    ):
        add(con, "trial_balances", entity_id="KACC", period_end=q, account_id=item, balance=balance)
    add(con, "trial_balances", entity_id="KACC", period_end=q, account_id="intercompany", counterparty_entity_id="KAC", balance="30000000.00")
    add(con, "equity_issuances", transaction_id="PRF", issue_date="1997-01-15", issuer_entity_id="KACC", issuance_kind="preferred_stock",
        purchaser_kind="public", net_proceeds="40000000.00", is_redeemable="true")
    build(con, "consolidated_net_worth")
    row = one(con, "select * from consolidated_net_worth where quarter_end = date '1997-03-31'")
    # net assets = 900 + 100 + 30 (note receivable) - 500 - 20 (minority) = 510,000,000 (= 300 + 130 + 40 + 44 - 4)
    assert row["stockholders_equity"] == Decimal("510000000.00")
    assert row["redeemable_stock"] == Decimal("40000000.00")
    assert row["existing_intercompany_note"] == Decimal("30000000.00")
    assert row["disregarded_charges"] == Decimal("4000000.00")  # the 14 1/4% premium, disregarded
    # 510,000,000 - 40,000,000 - 30,000,000 + 4,000,000 = 444,000,000
    assert row["consolidated_net_worth"] == Decimal("444000000.00")
