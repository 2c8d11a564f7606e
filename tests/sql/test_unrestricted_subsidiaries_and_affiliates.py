"""indenture-1996/4.15 and 4.08 on literal rows: the 30-day grace (day 30 in, day 31 out), the deadline rows, the
$10,000,000 fairness-opinion threshold (exactly $10,000,000 needs none; Principal Products with an Unrestricted
Subsidiary left out), the Board Resolution (missing: fail; unattested: indeterminate, R-I11) and the 60-day certificate."""

import json
from datetime import date
from decimal import Decimal

from raw_tables import add, attest, build, rows, tb


def unrestricted_subsidiary(con):
    tb(con, "2001-03-31", "cash", "0.00")
    tb(con, "2001-06-30", "cash", "0.00")
    add(con, "entities", entity_id="KCP", is_unrestricted_subsidiary="true")
    add(con, "unrestricted_subsidiary_officers", entity_id="KCP", person_name="Officer", position="executive_officer", appointed_on="1998-01-01")


def director(con, name, appointed_on, ceased_on=None, reason=None, independent="true"):
    add(con, "unrestricted_subsidiary_officers", entity_id="KCP", person_name=name, position="director", is_independent=independent,
        appointed_on=appointed_on, ceased_on=ceased_on, cessation_reason=reason)


def vacancy_rows(con):
    return rows(con, "select * from unrestricted_subsidiary_tests where clause_id = 'indenture-1996/4.15(iii)' and test_kind = 'transaction'")


def test_replacement_on_day_30_is_in_time(con):
    unrestricted_subsidiary(con)
    director(con, "A", "1998-01-01", "2001-04-10", "resignation")
    director(con, "B", "2001-05-10", independent="true")  # 2001-04-10 + 30 days = 2001-05-10
    build(con, "unrestricted_subsidiary_tests", "unrestricted_subsidiary_deadlines")
    [row] = vacancy_rows(con)
    assert (row["test_date"], row["actual"]) == (date(2001, 5, 10), Decimal("0.00"))
    [deadline] = rows(con, "select * from unrestricted_subsidiary_deadlines")
    assert (deadline["trigger_date"], deadline["due_date"], deadline["completed_on"], deadline["business_day_convention"]) == (
        date(2001, 4, 10), date(2001, 5, 10), date(2001, 5, 10), "none")


def test_a_successor_appointed_the_day_the_director_resigns_leaves_no_vacancy(con):
    # B, independent, takes the seat on 2001-04-10, the day A's resignation takes effect: no period without an
    # independent director, so no vacancy to test
    unrestricted_subsidiary(con)
    director(con, "A", "1998-01-01", "2001-04-10", "resignation")
    director(con, "B", "2001-04-10")
    build(con, "unrestricted_subsidiary_vacancies")
    assert rows(con, "select * from unrestricted_subsidiary_vacancies") == []


def test_replacement_on_day_31_is_late(con):
    unrestricted_subsidiary(con)
    director(con, "A", "1998-01-01", "2001-04-10", "death")
    director(con, "B", "2001-05-11")
    build(con, "unrestricted_subsidiary_tests")
    [row] = vacancy_rows(con)
    # tested on the first day after the grace, 2001-05-11
    assert (row["test_date"], row["actual"]) == (date(2001, 5, 11), Decimal("1.00"))


def test_a_non_independent_director_does_not_count_and_quarter_ends_count_open_seats(con):
    unrestricted_subsidiary(con)
    director(con, "A", "1998-01-01", "2001-03-20", "removal")  # no grace for a removal
    director(con, "Insider", "1998-01-01", independent="false")
    attest(con, "unrestricted_subsidiary_no_credit_support", "2001-03-31", "true", reference_id="KCP")
    attest(con, "unrestricted_subsidiary_lender_notice", "2001-03-31", "false", reference_id="KCP")
    build(con, "unrestricted_subsidiary_tests")
    [row] = vacancy_rows(con)
    assert (row["test_date"], row["actual"]) == (date(2001, 3, 21), Decimal("1.00"))
    found = {(r["clause_id"], str(r["test_date"])): r for r in rows(con, "select * from unrestricted_subsidiary_tests where test_kind = 'maintenance'")}
    assert found[("indenture-1996/4.15(iii)", "2001-03-31")]["actual"] == 1  # the director seat is open
    assert found[("indenture-1996/4.15(i)", "2001-03-31")]["actual"] == 0
    assert found[("indenture-1996/4.15(ii)", "2001-03-31")]["actual"] == 1
    assert json.loads(found[("indenture-1996/4.15(i)", "2001-06-30")]["missing_inputs"]) == ["unrestricted_subsidiary_no_credit_support for KCP at 2001-06-30"]


def test_a_lien_by_the_unrestricted_subsidiary_for_group_debt_is_credit_support(con):
    unrestricted_subsidiary(con)
    director(con, "A", "1998-01-01")
    add(con, "debt_instruments", instrument_id="REV", obligor_entity_id="KACC")
    add(con, "liens", lien_id="KCP-LIEN", entity_id="KCP", principal_secured="1.00", created_on="2001-01-01", permitted_clause="4.11(b)(xi)", instrument_id="REV")
    attest(con, "unrestricted_subsidiary_no_credit_support", "2001-03-31", "true", reference_id="KCP")
    build(con, "unrestricted_subsidiary_tests")
    [row] = rows(con, "select * from unrestricted_subsidiary_tests where clause_id = 'indenture-1996/4.15(i)' and test_date = '2001-03-31'")
    assert row["actual"] == 1


def transaction(con, transaction_id, amount, **values):
    add(con, "affiliate_transactions", transaction_id=transaction_id, transaction_date="1999-06-30", amount=amount, **values)


def test_fairness_opinion_threshold_and_board_resolution(con):
    tb(con, "1999-06-30", "cash", "0.00")
    add(con, "entities", entity_id="KCP", is_unrestricted_subsidiary="true")
    transaction(con, "EXACT", "10000000.00", board_resolution_document="BR-1")  # exactly 10,000,000: no opinion needed
    transaction(con, "OVER", "10000000.01", board_resolution_document="BR-2")  # greater than: opinion needed, none
    transaction(con, "OVER-OK", "12500000.00", board_resolution_document="BR-3", fairness_opinion_document="FO-3")
    # 14,000,000 with an Unrestricted Subsidiary, 4,000,000 of it Principal Products: 10,000,000 tested, no opinion
    transaction(con, "PP", "14000000.00", counterparty_kind="unrestricted_subsidiary", principal_products_amount="4000000.00", board_resolution_document="BR-4")
    # two related transactions of 6,000,000: the series (12,000,000) is greater than 10,000,000 (R-I09)
    transaction(con, "S1", "6000000.00", series_id="S", board_resolution_document="BR-5")
    transaction(con, "S2", "6000000.00", series_id="S", board_resolution_document="BR-5")
    transaction(con, "SVC", "20000000.00", exemption="4.08(b)(iii)")  # exempt: neither document needed
    transaction(con, "NOBR", "1000000.00")  # no Board Resolution: fails (ii)
    for transaction_id in ("EXACT", "OVER", "OVER-OK", "S1", "S2"):
        attest(con, "affiliate_transaction_independent_approval", "1999-06-30", "true", reference_id=transaction_id)
    # PP's resolution is referenced but its independent approval is not attested: indeterminate (R-I11)
    build(con, "affiliate_transaction_tests")
    got = {(r["clause_id"].removeprefix("indenture-1996/4.08(a)"), r["transaction_id"]): r for r in rows(con, "select * from affiliate_transaction_tests")}
    opinion = {t: got[("(iii)", t)]["actual"] for t in ("EXACT", "OVER", "OVER-OK", "PP", "S1", "S2", "SVC", "NOBR")}
    assert opinion == {"EXACT": 0, "OVER": 1, "OVER-OK": 0, "PP": 0, "S1": 1, "S2": 1, "SVC": 0, "NOBR": 0}
    assert json.loads(got[("(iii)", "PP")]["inputs"])["series_amount_tested"]["value"] == "10000000.00"
    approval = {t: got[("(ii)", t)]["actual"] for t in ("EXACT", "SVC", "NOBR", "PP")}
    assert approval == {"EXACT": 0, "SVC": 0, "NOBR": 1, "PP": 0}
    assert json.loads(got[("(ii)", "PP")]["missing_inputs"])[0].startswith("affiliate_transaction_independent_approval (R-I11)")


def test_quarterly_certificate_within_60_days(con):
    tb(con, "1999-03-31", "cash", "0.00")
    tb(con, "1999-06-30", "cash", "0.00")
    transaction(con, "T", "3000000.00", board_resolution_document="BR")
    transaction(con, "SVC", "2000000.00", exemption="4.08(b)(iii)")  # not reported
    attest(con, "affiliate_transaction_officers_certificate", "1999-06-30", "1999-08-29")
    build(con, "affiliate_transaction_deadlines")
    found = {r["reference_id"]: r for r in rows(con, "select * from affiliate_transaction_deadlines")}
    # 1999-03-31 + 60 = 1999-05-30; 1999-06-30 + 60 = 1999-08-29 (delivered on the last day)
    assert (found["FY1999-Q1"]["due_date"], found["FY1999-Q1"]["completed_on"]) == (date(1999, 5, 30), None)
    assert json.loads(found["FY1999-Q1"]["missing_inputs"]) == ["affiliate_transaction_officers_certificate delivery date for the quarter ending 1999-03-31"]
    assert (found["FY1999-Q2"]["due_date"], found["FY1999-Q2"]["completed_on"]) == (date(1999, 8, 29), date(1999, 8, 29))
    assert "(aggregate 3000000.00 in 1 transactions)" in found["FY1999-Q2"]["obligation"]
    # no transaction in the first quarter: the certificate states an aggregate of 0.00
    assert "(aggregate 0.00 in 0 transactions)" in found["FY1999-Q1"]["obligation"]


def test_a_quarters_certificate_reports_that_quarters_transactions_only(con):
    # the quarter ending June 30, 1999 runs from April 1: a transaction of March 31 is the first quarter's
    tb(con, "1999-03-31", "cash", "0.00")
    tb(con, "1999-06-30", "cash", "0.00")
    add(con, "affiliate_transactions", transaction_id="LAST-Q1", transaction_date="1999-03-31", amount="1000000.00")
    add(con, "affiliate_transactions", transaction_id="FIRST-Q2", transaction_date="1999-04-01", amount="3000000.00")
    build(con, "affiliate_transaction_deadlines")
    found = {r["reference_id"]: r["obligation"] for r in rows(con, "select * from affiliate_transaction_deadlines")}
    assert "(aggregate 1000000.00 in 1 transactions)" in found["FY1999-Q1"]
    assert "(aggregate 3000000.00 in 1 transactions)" in found["FY1999-Q2"]
