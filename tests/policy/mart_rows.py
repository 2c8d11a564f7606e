"""The hand-made mart tables of conftest.py and their literal rows."""

import json

RATIO_COLUMNS = """clause_id varchar, test_date date, test_kind varchar, transaction_id varchar,
    period_start date, period_end date, forward_start date, forward_end date,
    numerator decimal(38,2), denominator decimal(38,10), denominator_divisor integer,
    inputs varchar, missing_inputs varchar"""
AMOUNT_COLUMNS = """clause_id varchar, test_date date, test_kind varchar, transaction_id varchar,
    period_start date, period_end date, actual decimal(38,2), threshold_reduction decimal(38,2),
    inputs varchar, missing_inputs varchar, threshold decimal(38,2)"""


def create_mart_tables(con, policies):
    """One empty mart table per mart the policies and waiver conditions read, in the shape of its figure's form."""
    marts = {(c.figure.mart, c.figure.form) for c in policies.covenants}
    marts |= {(c.figure.mart, "amount") for w in policies.waivers for c in w.conditions if c.figure is not None}
    for mart, form in sorted(marts):
        con.execute(f"create table if not exists {mart} ({RATIO_COLUMNS if form == 'ratio' else AMOUNT_COLUMNS})")


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
