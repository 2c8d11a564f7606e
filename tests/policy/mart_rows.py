"""Literal rows for the hand-made mart tables of conftest.py."""

import json


def add_ratio(con, clause_id, test_date, numerator, denominator_x26280, kind="transaction", transaction_id="T1", missing=(), mart="fixed_charge_coverage_tests", divisor=26280):
    """One row of a ratio-form mart: the figure is numerator x divisor / denominator (26,280 hours of a 3-year forward
    period for 4.10(a); 1 for a plain share)."""
    con.execute(
        f"insert into {mart} values (?, ?, ?, ?, null, null, null, null, ?, ?, ?, ?, ?)",
        [clause_id, test_date, kind, transaction_id, numerator, denominator_x26280, divisor, json.dumps({}), json.dumps(list(missing))],
    )


def add_ebitda(con, test_date, actual, reduction="0", missing=()):
    con.execute(
        "insert into minimum_ebitda_tests values ('ppca-2002/9.2.4(a)', ?, 'maintenance', null, null, null, ?, ?, ?, ?, null)",
        [test_date, actual, reduction, json.dumps({"ebitda": {"value": actual, "clause_id": "ppca-2002/def/EBITDA"}}), json.dumps(list(missing))],
    )


def add_amount(con, mart, clause_id, test_date, actual, threshold=None, kind="transaction", transaction_id="T1", inputs=None, missing=()):
    """One row of an amount-form mart; `threshold` is the mart-computed threshold, for policies that declare one."""
    con.execute(
        f"insert into {mart} values (?, ?, ?, ?, null, null, ?, 0, ?, ?, ?)",
        [clause_id, test_date, kind, transaction_id, actual, json.dumps(inputs or {}), json.dumps(list(missing)), threshold],
    )
