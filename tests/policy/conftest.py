"""Hand-made mart tables for the policy engine: literal figures, no SQL model involved."""

from __future__ import annotations


import duckdb
import pytest

from pipelines.policy.loading import load_policies

RATIO_COLUMNS = """clause_id varchar, test_date date, test_kind varchar, transaction_id varchar,
    period_start date, period_end date, forward_start date, forward_end date,
    numerator decimal(38,2), denominator decimal(38,10), denominator_divisor integer,
    inputs varchar, missing_inputs varchar"""
AMOUNT_COLUMNS = """clause_id varchar, test_date date, test_kind varchar, transaction_id varchar,
    period_start date, period_end date, actual decimal(38,2), threshold_reduction decimal(38,2),
    inputs varchar, missing_inputs varchar, threshold decimal(38,2)"""


@pytest.fixture(scope="session")
def policies():
    return load_policies()


@pytest.fixture
def con(policies):
    """One empty mart table per mart the policies and waiver conditions read, in the shape of its figure's form."""
    connection = duckdb.connect()
    marts = {(c.figure.mart, c.figure.form) for c in policies.covenants}
    marts |= {(c.figure.mart, "amount") for w in policies.waivers for c in w.conditions if c.figure is not None}
    for mart, form in sorted(marts):
        connection.execute(f"create table if not exists {mart} ({RATIO_COLUMNS if form == 'ratio' else AMOUNT_COLUMNS})")
    yield connection
    connection.close()
