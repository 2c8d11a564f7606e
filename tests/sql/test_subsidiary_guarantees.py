"""asset_transfer_basket_ledger and subsidiary_guarantee_tests: 4.12(a) transfers, the 4.12(b)(J) basket at the greater
of $25,000,000 and 5% of pro forma Consolidated Net Worth (E17), and 4.12(c) Credit Agreement obligors."""

from decimal import Decimal

from raw_tables import add, attest, build, rows

M = Decimal


def test_other_transfers_basket_and_unexempt_transfers(con):
    add(con, "entities", entity_id="SUB", role="subsidiary")
    add(con, "entities", entity_id="SG", role="subsidiary", is_subsidiary_guarantor="true")
    add(con, "asset_transfers", transfer_id="T1", transfer_date="1999-08-31", transferee_entity_id="SUB", fair_market_value="30000000.00", exemption_clause="J")
    add(con, "asset_transfers", transfer_id="T2", transfer_date="1999-09-30", transferee_entity_id="SUB", fair_market_value="12000000.00", exemption_clause="J")
    add(con, "asset_transfers", transfer_id="T3", transfer_date="1999-10-29", transferor_entity_id="SUB", transferee_entity_id="KACC",
        fair_market_value="5000000.00", exemption_clause="J", is_return="true")
    add(con, "asset_transfers", transfer_id="T4", transfer_date="1999-11-30", transferee_entity_id="SUB", fair_market_value="1000000.00")
    add(con, "asset_transfers", transfer_id="T5", transfer_date="1999-12-15", transferee_entity_id="SG", fair_market_value="1000000.00", exemption_clause="B")
    attest(con, "pro_forma_consolidated_net_worth", "1999-08-31", "800000000.00", reference_id="T1")
    attest(con, "pro_forma_consolidated_net_worth", "1999-09-30", "400000000.00", reference_id="T2")
    build(con, "subsidiary_guarantee_tests")
    j = {r["transaction_id"]: r for r in rows(con, "select * from subsidiary_guarantee_tests where clause_id = 'indenture-1996/4.12(b)(J)'")}
    assert (j["T1"]["actual"], j["T1"]["threshold"]) == (M("30000000.00"), M("40000000.00"))  # E17: 5% x 800,000,000
    assert (j["T2"]["actual"], j["T2"]["threshold"]) == (M("42000000.00"), M("25000000.00"))  # 5% x 400,000,000 = 20,000,000 < 25,000,000
    assert j["T3"]["actual"] == M("37000000.00") and j["T3"]["threshold"] is None  # 42 - 5 returned; CNW not attested
    assert "pro_forma_consolidated_net_worth" in j["T3"]["missing_inputs"]
    a = {r["transaction_id"]: r["actual"] for r in rows(con, "select * from subsidiary_guarantee_tests where clause_id = 'indenture-1996/4.12(a)'")}
    assert a == {"T1": M("0.00"), "T2": M("0.00"), "T4": M("1.00"), "T5": M("0.00")}  # T4: no exemption, SUB not a guarantor


def test_credit_agreement_obligor_that_is_not_a_guarantor(con):
    add(con, "entities", entity_id="SUB", role="subsidiary")
    add(con, "entities", entity_id="BANKG", role="subsidiary", is_bank_guarantor="true")
    add(con, "trial_balances", entity_id="KACC", period_end="1999-12-31", account_id="cash", balance="0.00")
    for instrument, obligor in (("REV", "KACC"), ("REV-SUB", "SUB"), ("REV-BG", "BANKG")):
        add(con, "debt_instruments", instrument_id=instrument, obligor_entity_id=obligor, indenture_basket="4.10(b)(ii)")
        add(con, "debt_balances", instrument_id=instrument, period_end="1999-12-31", principal_outstanding="1000000.00")
    build(con, "subsidiary_guarantee_tests")
    [row] = rows(con, "select * from subsidiary_guarantee_tests where clause_id = 'indenture-1996/4.12(c)'")
    assert row["actual"] == M("1.00")  # SUB only: the Company is not a Subsidiary, BANKG is a Bank Guarantor
