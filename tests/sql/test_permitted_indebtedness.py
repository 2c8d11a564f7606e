"""permitted_indebtedness_basket_ledger and permitted_indebtedness_tests: 4.10(b)(xii) Permitted Indebtedness, its
classification into clauses (a)-(j), the (h) self-insurance letters of credit ($20,000,000 at any one time outstanding),
the Preferred Dividend Intercompany Notes of clause (ii) ($50,000,000) and the (d) disposition indemnities (limited to
the net proceeds). Expected figures are derived by hand beside each assertion."""

import json
from decimal import Decimal

from raw_tables import add, build, rows

M = Decimal


def results_of(con, clause_id):
    return {r["transaction_id"]: r for r in rows(con, "select * from permitted_indebtedness_tests where clause_id = ?", [clause_id])}


def self_insurance_letter(con, lc_id, amount, issue_date, expiry_date, clause="h"):
    add(con, "letters_of_credit", lc_id=lc_id, facility_instrument_id="REV", purpose="insurance", issue_date=issue_date,
        expiry_date=expiry_date, stated_amount=amount, permitted_indebtedness_clause=clause)


def test_self_insurance_letters_of_credit_within_20_000_000_at_any_one_time_outstanding(con):
    add(con, "debt_instruments", instrument_id="REV", instrument_kind="revolving_credit", indenture_basket="4.10(b)(ii)")
    self_insurance_letter(con, "INS1", "12000000.00", "1999-01-15", "1999-12-31")
    self_insurance_letter(con, "INS2", "8000000.00", "1999-03-01", "2000-02-28")
    self_insurance_letter(con, "INS3", "1000000.00", "1999-06-01", "2000-05-31")
    self_insurance_letter(con, "INS4", "5000000.00", "2000-02-01", "2001-01-31")
    build(con, "permitted_indebtedness_tests", "indebtedness_basket_ledger")
    h = results_of(con, "indenture-1996/def/PermittedIndebtedness(h)")
    # INS1 12,000,000; INS2 takes it to 12,000,000 + 8,000,000 = 20,000,000, exactly the cap ("not to exceed": passes)
    assert (h["INS1"]["actual"], h["INS1"]["threshold"]) == (M("12000000.00"), M("20000000.00"))
    assert (h["INS2"]["actual"], h["INS2"]["threshold"]) == (M("20000000.00"), M("20000000.00"))
    assert h["INS3"]["actual"] == M("21000000.00")  # 20,000,000 + 1,000,000 > 20,000,000: a breach
    # INS1 expired 1999-12-31 (gone 2000-01-01): 21,000,000 - 12,000,000 + INS4 5,000,000 = 14,000,000
    assert h["INS4"]["actual"] == M("14000000.00")
    ledger = rows(con, "select * from permitted_indebtedness_basket_ledger order by entry_date, transaction_id")
    assert [(r["transaction_id"], r["usage_after"], r["remaining"]) for r in ledger][:4] == [
        ("INS1", M("12000000.00"), M("8000000.00")),
        ("INS2", M("20000000.00"), M("0.00")),
        ("INS3", M("21000000.00"), M("-1000000.00")),
        ("INS1/expired", M("9000000.00"), M("11000000.00")),
    ]
    assert {r["measure"] for r in ledger} == {"at_any_one_time_outstanding"}
    # 4.10(d): classified (xii)(h), so not in the facility's (b)(ii) basket
    assert rows(con, "select * from indebtedness_basket_ledger where clause_id = 'indenture-1996/4.10(b)(ii)'") == []
    classification = results_of(con, "indenture-1996/4.10(b)(xii)")
    assert classification["INS1"]["actual"] == M("0.00") and classification["INS1"]["missing_inputs"] == "[]"


def test_preferred_dividend_intercompany_notes_ii_within_50_000_000_and_five_years(con):
    def note(instrument_id, issue_date, maturity_date, amount):
        add(con, "debt_instruments", instrument_id=instrument_id, indenture_basket="4.10(b)(xii)",
            permitted_indebtedness_clause="j-ii", issue_date=issue_date, maturity_date=maturity_date)
        add(con, "incurrences", transaction_id=instrument_id, incurrence_date=issue_date, instrument_id=instrument_id,
            amount=amount, basket="4.10(b)(xii)")

    note("PDIN-1", "1997-06-30", "2002-06-30", "30000000.00")  # a term of exactly five years: "not in excess of"
    note("PDIN-2", "1998-01-15", "2003-01-16", "20000000.00")  # five years and a day
    note("PDIN-3", "1998-03-02", "2001-03-02", "1000000.00")
    build(con, "permitted_indebtedness_tests")
    capped = results_of(con, "indenture-1996/def/PreferredDividendIntercompanyNotes(ii)")
    assert (capped["PDIN-1"]["actual"], capped["PDIN-1"]["threshold"]) == (M("30000000.00"), M("50000000.00"))
    assert capped["PDIN-2"]["actual"] == M("50000000.00")  # 30,000,000 + 20,000,000: exactly the cap, passes
    assert capped["PDIN-3"]["actual"] == M("51000000.00")  # + 1,000,000: over the cap
    classification = results_of(con, "indenture-1996/4.10(b)(xii)")
    assert classification["PDIN-1"]["actual"] == M("0.00")
    assert classification["PDIN-2"]["actual"] == M("20000000.00")  # its term exceeds five years: all of it out of line


def test_classification_unknown_clause_pre_existing_debt_and_redeemable_stock(con):
    def instrument(instrument_id, amount, **values):
        add(con, "debt_instruments", instrument_id=instrument_id, indenture_basket="4.10(b)(xii)", issue_date="1998-04-01", **values)
        add(con, "incurrences", transaction_id=instrument_id, incurrence_date="1998-04-01", instrument_id=instrument_id,
            amount=amount, basket="4.10(b)(xii)")

    instrument("UNKNOWN", "5000000.00")
    instrument("LATE-A", "3000000.00", permitted_indebtedness_clause="a")  # "existing on the date of this Indenture"?
    instrument("BONDS", "4000000.00", permitted_indebtedness_clause="e")
    instrument("SUB-PREF", "6000000.00", permitted_indebtedness_clause="b", instrument_kind="preferred_stock", maturity_date="2003-04-01")
    build(con, "permitted_indebtedness_tests")
    classification = results_of(con, "indenture-1996/4.10(b)(xii)")
    assert classification["UNKNOWN"]["actual"] == M("5000000.00")
    assert json.loads(classification["UNKNOWN"]["missing_inputs"]) == [
        "permitted_indebtedness_clause of UNKNOWN (which clause (a)-(j) of Permitted Indebtedness it is, 4.10(b)(xii))"
    ]
    assert classification["LATE-A"]["actual"] == M("3000000.00")  # issued 1998-04-01, after December 23, 1996
    assert classification["BONDS"]["actual"] == M("0.00")
    assert classification["SUB-PREF"]["actual"] == M("0.00")  # (b) "Indebtedness (including Redeemable Stock)"


def test_disposition_indemnities_limited_to_the_net_proceeds(con):
    # AS1: 50,000,000 cash less 2,000,000 selling expenses = Net Cash Proceeds 48,000,000 on 1999-03-31
    add(con, "asset_sales", transaction_id="AS1", sale_date="1999-03-31", gross_proceeds="50000000.00",
        cash_consideration="50000000.00", selling_expenses="2000000.00", pretax_gain_loss="0.00")
    add(con, "debt_instruments", instrument_id="INDEMNITY", indenture_basket="4.10(b)(xii)", permitted_indebtedness_clause="d",
        obligor_relationship="guarantee_of_third_party", related_disposition_id="AS1")
    add(con, "debt_instruments", instrument_id="UNTIED", indenture_basket="4.10(b)(xii)", permitted_indebtedness_clause="d")
    add(con, "incurrences", transaction_id="D1", incurrence_date="1999-03-31", instrument_id="INDEMNITY", amount="48000000.00", basket="4.10(b)(xii)")
    add(con, "incurrences", transaction_id="D2", incurrence_date="1999-04-15", instrument_id="INDEMNITY", amount="1000000.00", basket="4.10(b)(xii)")
    add(con, "incurrences", transaction_id="D3", incurrence_date="1999-04-15", instrument_id="UNTIED", amount="1000000.00", basket="4.10(b)(xii)")
    build(con, "permitted_indebtedness_tests")
    d = results_of(con, "indenture-1996/def/PermittedIndebtedness(d)")
    assert (d["D1"]["actual"], d["D1"]["threshold"]) == (M("48000000.00"), M("48000000.00"))  # exactly the net proceeds
    assert (d["D2"]["actual"], d["D2"]["threshold"]) == (M("49000000.00"), M("48000000.00"))  # 1,000,000 over
    assert d["D3"]["threshold"] is None
    assert "related_disposition_id of UNTIED" in json.loads(d["D3"]["missing_inputs"])[0]
