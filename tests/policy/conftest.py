"""Hand-made mart tables for the policy engine: literal figures, no SQL model involved."""

from __future__ import annotations

import duckdb
import pytest
from mart_rows import create_mart_tables

from pipelines.policy.loading import load_policies


@pytest.fixture(scope="session")
def policies():
    return load_policies()


@pytest.fixture(scope="session")
def mart_database(policies):
    """An empty table per mart the policies read (mart_rows.create_mart_tables), made once a session."""
    connection = duckdb.connect()
    create_mart_tables(connection, policies)
    yield connection
    connection.close()


@pytest.fixture
def con(mart_database):
    """The empty mart tables; whatever a test inserts or creates is rolled back after it (DuckDB's DDL is
    transactional), so each test starts from empty tables. A test that must commit makes its own connection."""
    mart_database.begin()
    yield mart_database
    mart_database.rollback()
