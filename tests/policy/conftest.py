"""Hand-made mart tables for the policy engine: literal figures, no SQL model involved."""

from __future__ import annotations

import duckdb
import pytest
from mart_rows import create_mart_tables

from pipelines.policy.loading import load_policies


@pytest.fixture(scope="session")
def policies():
    return load_policies()


@pytest.fixture
def con(policies):
    """An empty table per mart the policies read (mart_rows.create_mart_tables)."""
    connection = duckdb.connect()
    create_mart_tables(connection, policies)
    yield connection
    connection.close()
