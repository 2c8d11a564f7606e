"""attributable_debt, sale_leaseback_tests and the Refinancing Sale and Leaseback Transaction in Indebtedness (h) and
the 4.10(b)(ii) ledger. Expected figures are derived by hand beside each assertion."""

from decimal import Decimal

from raw_tables import add, build, rows

M = Decimal


def sale_leaseback(con, transaction_id, fmv, rental, number, per_year="2", designated="false", notice=None, months="60"):
    add(con, "sale_leasebacks", transaction_id=transaction_id, transaction_date="2001-06-29", fair_market_value=fmv,
        lease_term_months=months, periodic_rental=rental, payments_per_year=per_year, number_of_payments=number,
        designated_as_rslt=designated, trustee_notice_date=notice)


def attributable(con):
    build(con, "attributable_debt")
    return {r["transaction_id"]: r for r in rows(con, "select * from attributable_debt")}


def test_present_value_of_ten_semi_annual_rentals_at_the_notes_rate(con):
    sale_leaseback(con, "SLB", "80000000.00", "12000000.00", "10")
    [found] = attributable(con).values()
    # 10 7/8% compounded semi-annually: i = 0.10875 / 2 = 0.054375 a half-year. Ten rentals of 12,000,000 in arrears:
    # PV = 12,000,000 x (1 - 1.054375^-10) / 0.054375; 1.054375^10 = 1.699229...; 1 - 1/1.699229... = 0.411537...;
    # x 12,000,000 / 0.054375 = 90,723,288.8766 (exactly 12,000,000 x sum (1600/1687)^k, k = 1..10) -> 90,723,288.88
    assert found["present_value_of_rentals"] == M("90723288.88")
    # FMV 80,000,000 below the PV: AD = max(80,000,000, 90,723,288.88) = 90,723,288.88
    assert found["attributable_debt"] == M("90723288.88")
    assert found["is_refinancing_sale_and_leaseback"] is False  # below 100,000,000 and not designated
    assert found["lease_ends_on"].isoformat() == "2006-06-29"  # 60 months after 2001-06-29


def test_fair_market_value_above_the_present_value_is_the_attributable_debt(con):
    sale_leaseback(con, "SLB", "120000000.00", "12000000.00", "10", designated="true", notice="2001-06-29")
    [found] = attributable(con).values()
    assert found["attributable_debt"] == M("120000000.00")  # max(120,000,000, 90,723,288.88)
    assert found["is_refinancing_sale_and_leaseback"] is True  # >= 100,000,000 and designated in a notice


def test_annual_rentals_discount_by_the_semi_annual_factor_squared(con):
    sale_leaseback(con, "SLB", "1.00", "1000000.00", "2", per_year="1")
    [found] = attributable(con).values()
    # two annual rentals of 1,000,000: v = 1/1.054375^2 = 1/1.111706640625 = 0.8995178795;
    # PV = 1,000,000 x (v + v^2) = 1,000,000 x (0.8995178795 + 0.8091324155) = 1,708,650.295 -> 1,708,650.30
    assert found["present_value_of_rentals"] == M("1708650.30")


def test_quarterly_rentals_are_indeterminate(con):
    sale_leaseback(con, "SLB", "1.00", "1000000.00", "4", per_year="4")
    [found] = attributable(con).values()
    assert found["attributable_debt"] is None
    assert "4 times a year" in found["missing_inputs"][0]


def test_rslt_boundary_at_exactly_100_000_000(con):
    # FMV above the PV of one small rental, so AD = FMV: exactly 100,000,000 qualifies ("at least"), a cent less not
    sale_leaseback(con, "AT", "100000000.00", "1000.00", "1", designated="true", notice="2001-06-29")
    sale_leaseback(con, "BELOW", "99999999.99", "1000.00", "1", designated="true", notice="2001-06-29")
    found = attributable(con)
    assert found["AT"]["is_refinancing_sale_and_leaseback"] is True
    assert found["BELOW"]["is_refinancing_sale_and_leaseback"] is False


def test_mart_rows_designated_undesignated_and_without_notice(con):
    sale_leaseback(con, "RSLT", "120000000.00", "12000000.00", "10", designated="true", notice="2001-06-29")
    sale_leaseback(con, "PLAIN", "45000000.00", "5500000.00", "10")
    sale_leaseback(con, "NO-NOTICE", "120000000.00", "12000000.00", "10", designated="true")
    build(con, "sale_leaseback_tests")
    found = {r["transaction_id"]: r for r in rows(con, "select * from sale_leaseback_tests")}
    assert found["RSLT"]["actual"] == M("120000000.00")
    assert found["RSLT"]["not_applicable_because"] is None and found["RSLT"]["missing_inputs"] == "[]"
    assert "Asset Sale" in found["PLAIN"]["not_applicable_because"]
    assert "notice to the Trustee" in found["NO-NOTICE"]["missing_inputs"]


def test_an_rslt_is_indebtedness_h_and_uses_the_4_10_b_ii_basket_until_the_lease_ends(con):
    add(con, "debt_instruments", instrument_id="REV", instrument_kind="revolving_credit", indenture_basket="4.10(b)(ii)")
    add(con, "debt_balances", instrument_id="REV", period_end="2001-06-30", principal_outstanding="100000000.00")
    add(con, "debt_balances", instrument_id="REV", period_end="2006-06-30", principal_outstanding="100000000.00")
    sale_leaseback(con, "RSLT", "120000000.00", "12000000.00", "10", designated="true", notice="2001-06-29")
    build(con, "indebtedness")
    found = {(r["period_end"].isoformat(), r["instrument_id"]): r for r in rows(con, "select * from indebtedness")}
    assert (found[("2001-06-30", "RSLT")]["indebtedness_clause"], found[("2001-06-30", "RSLT")]["indebtedness"]) == ("h", M("120000000.00"))
    assert ("2006-06-30", "RSLT") not in found  # the lease ended 2006-06-29
    build(con, "indebtedness_basket_ledger")
    ledger = rows(con, "select * from indebtedness_basket_ledger where clause_id = 'indenture-1996/4.10(b)(ii)' order by entry_date, transaction_id")
    entries = [(r["transaction_id"], r["amount"], r["usage_after"]) for r in ledger]
    # opening REV 100,000,000 at 2001-06-30 month end comes after the RSLT on 2001-06-29: 120,000,000 then 220,000,000;
    # the lease ends 2006-06-29: 220,000,000 - 120,000,000 = 100,000,000
    assert entries[0] == ("RSLT", M("120000000.00"), M("120000000.00"))
    assert entries[1][2] == M("220000000.00")
    assert ("RSLT/lease_ended", M("-120000000.00"), M("100000000.00")) in entries
    build(con, "indebtedness_basket_tests")
    [tested] = rows(con, "select * from indebtedness_basket_tests where transaction_id = 'RSLT'")
    # tested under (ii) on consummation: usage 0 + 120,000,000 against the $400,000,000 parameter
    assert (tested["clause_id"], tested["actual"], tested["threshold"]) == ("indenture-1996/4.10(b)(ii)", M("120000000.00"), M("400000000.00"))
