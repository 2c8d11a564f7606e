"""The sql_models step builds the next models in a thread of their own while Dagster records the one before
(pipelines/assets/models.py, built_ahead): the models come in their order with their row counts and columns, the error
of a model that fails comes after the models built before it, and nothing is built after a caller stops."""

from pathlib import Path

import duckdb
import pytest

from pipelines.assets.models import built_ahead
from pipelines.models.sql_models import SqlModel


def model(name: str, sql: str) -> SqlModel:
    return SqlModel(name=name, layer="staging", path=Path(f"{name}.sql"), sql=sql, description="", clause_ids=(), depends_on=(), transactions_of=None)


MODELS = [
    model("a", "select range as n from range(3)"),
    model("b", "select n, n * 2 as twice from a"),
    model("c", "select count(*) as rows_of_b from b"),
]


def test_models_come_in_their_order_with_their_rows_and_columns():
    con = duckdb.connect()
    given = [(m.name, rows, [(c.name, c.type) for c in schema.columns]) for m, rows, schema in built_ahead(con, MODELS)]
    assert given == [("a", 3, [("n", "BIGINT")]), ("b", 3, [("n", "BIGINT"), ("twice", "BIGINT")]), ("c", 1, [("rows_of_b", "BIGINT")])]
    assert con.execute("select rows_of_b from c").fetchone() == (3,)


def test_a_failing_model_raises_its_error_after_the_models_built_before_it():
    con = duckdb.connect()
    failing = [MODELS[0], model("bad", "select * from no_such_table"), MODELS[1]]
    given = []
    with pytest.raises(duckdb.CatalogException, match="no_such_table"):
        for m, _, _ in built_ahead(con, failing):
            given.append(m.name)
    assert given == ["a"]
    assert con.execute("select count(*) from duckdb_tables() where table_name = 'b'").fetchone() == (0,)  # nothing after it


def test_a_caller_that_stops_early_leaves_the_connection_free_and_the_rest_unbuilt():
    con = duckdb.connect()
    slow = [model(f"m{i}", "select count(*) as n from range(2000000) t(x) where x % 7 = 0") for i in range(100)]
    models = built_ahead(con, slow)
    next(models)
    models.close()  # as when the step stops: the builder finishes the model it is building, and no other
    built = con.execute("select count(*) from duckdb_tables() where table_name like 'm%'").fetchone()[0]
    assert built < len(slow)
    assert con.execute("select 1").fetchone() == (1,)  # this thread has the connection back
