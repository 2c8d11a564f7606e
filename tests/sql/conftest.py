import duckdb
import pytest

from raw_tables import create_raw_tables


@pytest.fixture
def con():
    connection = duckdb.connect()
    create_raw_tables(connection)
    yield connection
    connection.close()
