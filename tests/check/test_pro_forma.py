"""The pieces of `covenants check` that need no prepared database: which models a proposal rebuilds, and how every
`*_basket_ledger` mart (none, one or many, whoever adds them) is read for the capacity left on a date."""

from __future__ import annotations

from datetime import date

import duckdb

from pipelines.check.pro_forma import basket_states, decide, downstream, ledger_tables
from pipelines.models.sql_models import discover
from pipelines.policy.result import Result

LEDGER_COLUMNS = (
    "clause_id varchar, basket varchar, measure varchar, entry_date date, transaction_id varchar, description varchar, "
    "amount decimal(38,2), usage_after decimal(38,2), capacity decimal(38,2), remaining decimal(38,2), inputs varchar"
)


def test_an_incurrence_rebuilds_what_reads_incurrences_and_nothing_upstream():
    names = [m.name for m in downstream(discover(), {"raw_incurrences"}, frozenset())]
    assert names[0] == "stg_incurrences"
    assert {"coverage_ratio_tests", "pro_forma_indebtedness", "fixed_charge_coverage_tests"} <= set(names)
    assert "stg_entities" not in names and "consolidated_ledger" not in names
    assert names.index("pro_forma_indebtedness") < names.index("fixed_charge_coverage_tests")


def test_no_ledger_no_basket_rows():
    con = duckdb.connect()
    con.execute("create table fixed_charge_coverage_tests (x integer)")
    assert ledger_tables(con) == [] and basket_states(con, "P", date(1998, 1, 1)) == []


def test_each_ledger_gives_the_proposals_entry_else_the_latest_on_or_before_the_date():
    con = duckdb.connect()
    con.execute(f"create table indebtedness_basket_ledger ({LEDGER_COLUMNS})")
    # another engineer's ledger, a view with no entry yet; a table whose name only contains the suffix is not a ledger
    con.execute("create view restricted_payments_basket_ledger as select * from indebtedness_basket_ledger where false")
    con.execute(f"create table unused_basket_ledger_notes ({LEDGER_COLUMNS})")
    con.execute(
        """insert into indebtedness_basket_ledger values
        ('indenture-1996/4.10(b)(iv)', 'general', 'at_any_one_time_outstanding', '1997-03-01', 'A', 'a', 10.00, 10.00, 25.00, 15.00, '{}'),
        ('indenture-1996/4.10(b)(iv)', 'general', 'at_any_one_time_outstanding', '1998-01-01', 'P', 'p', 5.00, 15.00, 25.00, 10.00, '{}'),
        ('indenture-1996/4.10(b)(iv)', 'general', 'at_any_one_time_outstanding', '1998-06-01', 'B', 'b', 1.00, 16.00, 25.00, 9.00, '{}'),
        ('indenture-1996/4.10(b)(xiii)', 'other', 'at_any_one_time_outstanding', '1997-06-30', 'C', 'c', 2.00, 2.00, null, null, '{}')"""
    )
    states = basket_states(con, "P", date(1998, 1, 1))
    # 4.10(b)(iv): the proposal's own entry (remaining 15.00 - 5.00 = 10.00), not B, which is later;
    # 4.10(b)(xiii): C, the latest on or before the date, whose capacity cannot be computed (null stays null).
    assert [(s["ledger"], s["clause_id"], s["transaction_id"], s["remaining"]) for s in states] == [
        ("indebtedness_basket_ledger", "indenture-1996/4.10(b)(iv)", "P", "10.00"),
        ("indebtedness_basket_ledger", "indenture-1996/4.10(b)(xiii)", "C", None),
    ]
    assert ledger_tables(con) == ["indebtedness_basket_ledger", "restricted_payments_basket_ledger"]


def _result(clause_id: str, status: str, waiver_id: str | None = None) -> Result:
    return Result(clause_id, "ca-1994", date(1998, 3, 2), "transaction", status, None, "<=", None, None, None, waiver_id=waiver_id, explanation="e")


def test_a_proposal_is_permitted_when_every_test_passes_or_a_waiver_in_force_covers_it():
    basis = "indenture-1996/4.09(b)(IV)"
    passed = _result("indenture-1996/4.09(b)(IV)", "pass")
    waived = _result("ca-1994/9.2.6(b)", "waived", "ca-1994/waiver-amend11-A-subordinated-debt")
    assert decide([passed], basis)[:2] == ("permitted", basis)
    # a standing waiver of every transaction of 9.2.6(b), granted before the date, permits the retirement: it is named
    assert decide([passed, waived], basis)[:2] == ("permitted", f"{basis}, under ca-1994/waiver-amend11-A-subordinated-debt")
    assert decide([waived, _result("indenture-1996/4.09(b)(IV)", "fail")], basis)[:2] == ("not permitted", basis)
    assert decide([passed, _result("ca-1994/9.2.6(b)", "indeterminate")], basis)[0] == "cannot be confirmed"
    assert decide([], basis)[0] == "cannot be confirmed"


def test_a_clause_that_does_not_apply_neither_permits_nor_forbids():
    basis = "indenture-1996/11.01, 15.03 and 4.05"
    governs = _result("indenture-1996/4.05", "pass")
    does_not_apply = _result("indenture-1996/15.03(b)", "not_applicable")
    assert decide([does_not_apply, governs], basis)[0] == "permitted"
    assert decide([does_not_apply, _result("indenture-1996/4.05", "fail")], basis)[0] == "not permitted"
    # nothing that applies was tested
    assert decide([does_not_apply], basis)[0] == "cannot be confirmed"


def test_a_claimed_clause_no_result_tests_cannot_be_confirmed():
    basis = "indenture-1996/4.11(b)(iii)"
    unconfirmed = f"{basis} is claimed for the transaction, and no covenant policy tests its conditions yet: the claim cannot be confirmed"
    answer, _, reasons = decide([_result("indenture-1996/4.11(a)", "pass")], basis, unconfirmed)
    assert (answer, reasons[-1]) == ("cannot be confirmed", unconfirmed)
    # a failure still decides
    assert decide([_result("indenture-1996/4.11(a)", "fail")], basis, unconfirmed)[0] == "not permitted"
