"""The SQL models are built two at a time, each once the models it reads are built, and given back in their order
(pipelines/models/sql_models.py, build_each; the sql_models step and quarter_end.prepare both use it): the models come
in their order with their row counts and what is asked of their tables, the error of a model that fails comes after
the models before it, nothing after it is started once it has failed, and nothing is started after a caller stops."""

import threading
from pathlib import Path

import duckdb
import pytest

from pipelines.assets.models import _columns
from pipelines.models.sql_models import SqlModel, build_each


def model(name: str, sql: str, *reads: str) -> SqlModel:
    return SqlModel(name=name, layer="staging", path=Path(f"{name}.sql"), sql=sql, description="", clause_ids=(), depends_on=reads, transactions_of=None)


MODELS = [
    model("a", "select range as n from range(3)"),
    model("b", "select n, n * 2 as twice from a", "a"),
    model("c", "select count(*) as rows_of_b from b", "b"),
]
SLOW = "select count(*) as n from range(3000000) t(x) where x % 7 = 0"


def test_models_come_in_their_order_with_their_rows_and_columns():
    con = duckdb.connect()
    given = [(m.name, rows, [(c.name, c.type) for c in schema.columns]) for m, rows, schema in build_each(con, MODELS, _columns)]
    assert given == [("a", 3, [("n", "BIGINT")]), ("b", 3, [("n", "BIGINT"), ("twice", "BIGINT")]), ("c", 1, [("rows_of_b", "BIGINT")])]
    assert con.execute("select rows_of_b from c").fetchone() == (3,)


def test_a_model_is_built_after_the_models_it_reads_however_long_they_take():
    con = duckdb.connect()
    models = [model("slow", SLOW), model("reads_slow", "select n + 1 as m from slow", "slow"), model("quick", "select 1 as one")]
    given = [(m.name, rows) for m, rows, _ in build_each(con, models)]
    assert given == [("slow", 1), ("reads_slow", 1), ("quick", 1)]
    # 3,000,000 / 7 rounds up to 428,572 multiples of 7 from 0 to 2,999,997
    assert con.execute("select m from reads_slow").fetchone() == (428_573,)


def test_two_models_that_do_not_read_each_other_are_built_at_the_same_time():
    both_building = threading.Barrier(2, timeout=20)  # broken, and the test failed, unless both wait on it at once

    def meet(_cursor, _model):
        both_building.wait()

    con = duckdb.connect()
    assert [m.name for m, _, _ in build_each(con, [model("x", "select 1 as one"), model("y", "select 2 as two")], meet)] == ["x", "y"]


def test_a_failing_model_raises_its_error_after_the_models_before_it():
    con = duckdb.connect()
    # "slow" is still being built when "bad" fails beside it: it is given back all the same, as if built one after another
    failing = [model("slow", SLOW), model("bad", "select * from no_such_table"), model("reads_bad", "select * from bad", "bad")]
    given = []
    with pytest.raises(duckdb.CatalogException, match="no_such_table"):
        for m, _, _ in build_each(con, failing):
            given.append(m.name)
    assert given == ["slow"]
    assert con.execute("select count(*) from duckdb_tables() where table_name = 'reads_bad'").fetchone() == (0,)


def test_no_model_after_a_failed_one_is_started_once_it_has_failed():
    con = duckdb.connect()
    # the other builder may have started one or two of them while "bad" was failing, not the 50
    after = [model(f"m{i}", SLOW) for i in range(50)]
    with pytest.raises(duckdb.CatalogException, match="no_such_table"):
        list(build_each(con, [model("bad", "select * from no_such_table"), *after]))
    built = con.execute("select count(*) from duckdb_tables() where table_name like 'm%'").fetchone()[0]
    assert built < 10


def test_a_list_out_of_order_is_refused_rather_than_waited_on():
    con = duckdb.connect()
    with pytest.raises(ValueError, match="b reads a, which the list has after it"):
        list(build_each(con, [MODELS[1], MODELS[0]]))


def test_a_caller_that_stops_early_leaves_the_connection_free_and_the_rest_unbuilt():
    con = duckdb.connect()
    slow = [model(f"m{i}", SLOW) for i in range(100)]
    models = build_each(con, slow)
    next(models)
    models.close()  # as when the step stops: the builders finish the models they are building, and start no other
    built = con.execute("select count(*) from duckdb_tables() where table_name like 'm%'").fetchone()[0]
    assert built < len(slow)
    assert con.execute("select 1").fetchone() == (1,)  # this thread has the connection back
