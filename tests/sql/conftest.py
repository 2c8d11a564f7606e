import duckdb
import pytest

from raw_tables import create_raw_tables, restore_row_numbers, row_numbers


@pytest.fixture(scope="session")
def raw_database():
    """The raw tables, parameters, calendar and macros of create_raw_tables, made once: they take about a fifth of a
    second a connection, and the SQL tests are some 500."""
    connection = duckdb.connect()
    create_raw_tables(connection)
    yield connection, row_numbers(connection)
    connection.close()


@pytest.fixture
def con(raw_database):
    """A test's raw tables: whatever it inserts, updates or builds (DuckDB's DDL is transactional too) is rolled back
    after it, so each test starts from the tables create_raw_tables made. A test that must commit, or read through a
    second connection, makes its own with create_raw_tables."""
    connection, numbers = raw_database
    connection.begin()
    restore_row_numbers(connection, numbers)
    yield connection
    connection.rollback()
