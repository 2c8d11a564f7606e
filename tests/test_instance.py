"""The project's Dagster instance: its SQLite event log keeps one pooled engine and stores a batch in one transaction,
with every event read back as Dagster stores it."""

import pytest
from dagster import (
    AssetCheckResult,
    AssetCheckSpec,
    AssetKey,
    AssetSpec,
    DagsterEventType,
    DagsterInstance,
    Definitions,
    MaterializeResult,
    StaticPartitionsDefinition,
    define_asset_job,
    multi_asset,
)
from dagster._core.storage.event_log import ConsolidatedSqliteEventLogStorage
from sqlalchemy import event as sqlalchemy_event
from sqlalchemy import text

from pipelines.instance import BATCH_ENVIRONMENT, PooledSqliteEventLogStorage, prepare_home


@multi_asset(specs=[AssetSpec("a"), AssetSpec("b", deps=["a"]), AssetSpec("c", deps=["b"])])
def three(context):
    for key in ("a", "b", "c"):
        yield MaterializeResult(asset_key=key, metadata={"rows": 3})


JOB = Definitions(assets=[three], jobs=[define_asset_job("three_job")]).resolve_job_def("three_job")


@multi_asset(
    specs=[AssetSpec("d"), AssetSpec("e", deps=["d"])],
    check_specs=[AssetCheckSpec("positive", asset="e"), AssetCheckSpec("not_run", asset="e")],
    partitions_def=StaticPartitionsDefinition(["q1", "q2"]),
    can_subset=True,  # a check not evaluated is left out, as a clause not tested in a quarter
)
def checked(context):
    yield MaterializeResult(asset_key="d", metadata={"rows": 2})
    yield MaterializeResult(asset_key="e", metadata={"rows": 1})
    yield AssetCheckResult(asset_key="e", check_name="positive", passed=True)


CHECKED_JOB = Definitions(assets=[checked], jobs=[define_asset_job("checked_job")]).resolve_job_def("checked_job")


def test_the_project_instance_uses_the_pooled_event_log(tmp_path):
    instance = DagsterInstance.from_config(str(prepare_home(tmp_path)))
    assert isinstance(instance.event_log_storage, PooledSqliteEventLogStorage)
    assert (tmp_path / "dagster.yaml").read_text().count("class: NoOpComputeLogManager") == 1


def test_the_planned_events_are_stored_in_one_batch_and_read_back(tmp_path, monkeypatch):
    for name, value in BATCH_ENVIRONMENT.items():
        monkeypatch.setenv(name, value)
    batches = []
    store_batch = PooledSqliteEventLogStorage.store_event_batch
    monkeypatch.setattr(PooledSqliteEventLogStorage, "store_event_batch", lambda self, events: (batches.append(len(events)), store_batch(self, events)))
    instance = DagsterInstance.from_config(str(prepare_home(tmp_path)))
    run = JOB.execute_in_process(instance=instance)
    assert batches == [3]  # a, b and c announced when the run was created
    logs = instance.all_logs(run.run_id)
    planned = [e for e in logs if e.dagster_event and e.dagster_event.event_type == DagsterEventType.ASSET_MATERIALIZATION_PLANNED]
    assert sorted(e.dagster_event.asset_key for e in planned) == [AssetKey("a"), AssetKey("b"), AssetKey("c")]
    # the storage's own indexes saw them: the latest materialization of each asset is this run's
    records = instance.get_asset_records([AssetKey("a"), AssetKey("c")])
    assert {r.asset_entry.last_materialization_record.run_id for r in records} == {run.run_id}


def test_an_event_is_stored_in_one_transaction_without_a_new_engine_or_schema_query(tmp_path, monkeypatch):
    instance = DagsterInstance.from_config(str(prepare_home(tmp_path)))
    run = JOB.execute_in_process(instance=instance)
    (materialization,) = [e for e in instance.all_logs(run.run_id, of_type=DagsterEventType.ASSET_MATERIALIZATION) if e.dagster_event.asset_key == AssetKey("c")]
    storage = instance.event_log_storage
    import dagster._core.storage.event_log.sqlite.consolidated_sqlite_event_log as dagster_sqlite

    monkeypatch.setattr(dagster_sqlite, "create_engine", lambda *a, **k: pytest.fail("a new engine per event"))
    statements = []
    sqlalchemy_event.listen(storage._engine, "before_cursor_execute", lambda conn, cursor, statement, *rest: statements.append((id(conn), statement)))
    storage.store_event(materialization)
    assert len({connection for connection, _ in statements}) == 1  # the event's row and its asset index rows together
    assert not [s for _, s in statements if "PRAGMA" in s.upper()]  # the columns it asks about were looked up once
    # c has an index row already: it is updated, not inserted first to fail on the asset key's uniqueness
    index_writes = [s.split()[0].upper() for _, s in statements if "asset_keys" in s]
    assert index_writes == ["UPDATE"]
    (record,) = instance.get_asset_records([AssetKey("c")])
    assert record.asset_entry.last_materialization_record.storage_id > 0


def test_a_materialization_s_asset_index_row_is_what_dagster_s_storage_writes(tmp_path):
    from dagster._core.storage.event_log.sql_event_log import SqlEventLogStorage

    instance = DagsterInstance.from_config(str(prepare_home(tmp_path)))
    run = JOB.execute_in_process(instance=instance)
    storage = instance.event_log_storage
    for event in instance.all_logs(run.run_id, of_type={DagsterEventType.ASSET_MATERIALIZATION, DagsterEventType.ASSET_MATERIALIZATION_PLANNED}):
        storage._event_to_row(event)  # as store_event does first, keeping the event's JSON
        ours = storage._get_asset_entry_values(event, 42, True)
        assert ours == SqlEventLogStorage._get_asset_entry_values(storage, event, 42, True)
    (record,) = instance.get_asset_records([AssetKey("b")])
    assert record.asset_entry.last_materialization_record.event_log_entry.dagster_event.asset_key == AssetKey("b")


def test_an_asset_s_first_event_inserts_its_index_row(tmp_path):
    instance = DagsterInstance.from_config(str(prepare_home(tmp_path)))
    assert instance.get_asset_records([AssetKey("a")]) == []
    run = JOB.execute_in_process(instance=instance)
    records = instance.get_asset_records([AssetKey("a"), AssetKey("b"), AssetKey("c")])
    assert len(records) == 3
    assert {r.asset_entry.last_run_id for r in records} == {run.run_id}


def _last_materializations(instance: DagsterInstance, keys: list[AssetKey]) -> dict:
    return {r.asset_entry.asset_key: r.asset_entry.last_materialization_record for r in instance.get_asset_records(keys)}


def test_a_materialization_this_process_wrote_is_read_back_as_dagster_s_storage_reads_it(tmp_path):
    instance = DagsterInstance.from_config(str(prepare_home(tmp_path)))
    JOB.execute_in_process(instance=instance)
    keys = [AssetKey("a"), AssetKey("b"), AssetKey("c")]
    ours = _last_materializations(instance, keys)
    written = instance.event_log_storage._written
    assert all(ours[key] is written[key.to_string()][1] for key in keys)  # the records written, not deserialized again
    # another instance on the same files has written nothing: it reads each row as Dagster does
    assert ours == _last_materializations(DagsterInstance.from_config(str(tmp_path)), keys)
    instance.wipe_assets([AssetKey("a")])  # a wiped asset's materialization is no longer its last, whatever was written
    assert _last_materializations(instance, keys) == {key: ours[key] for key in keys[1:]}


def _rows(storage, table: str) -> list[dict]:
    """The table's rows in the order written, without the columns the database fills with the time of writing."""
    with storage.index_connection() as conn:
        rows = [dict(row._mapping) for row in conn.execute(text(f"select * from {table} order by id"))]
    return [{k: v for k, v in row.items() if k not in ("create_timestamp", "updated_timestamp")} for row in rows]


def test_every_event_of_a_run_is_stored_in_the_rows_dagster_s_own_storage_writes(tmp_path, monkeypatch):
    for name, value in BATCH_ENVIRONMENT.items():
        monkeypatch.setenv(name, value)
    instance = DagsterInstance.from_config(str(prepare_home(tmp_path / "home")))
    run = CHECKED_JOB.execute_in_process(instance=instance, partition_key="q2")
    events = instance.all_logs(run.run_id)
    kinds = {e.dagster_event.event_type for e in events if e.dagster_event}
    assert {DagsterEventType.ASSET_CHECK_EVALUATION_PLANNED, DagsterEventType.ASSET_CHECK_EVALUATION, DagsterEventType.STEP_OUTPUT} <= kinds
    dagsters = ConsolidatedSqliteEventLogStorage(str(tmp_path / "dagster"))
    for event in events:  # in the order this run stored them
        dagsters.store_event(event)
    for table in ("event_logs", "asset_keys", "asset_event_tags", "asset_check_executions"):
        ours = _rows(instance.event_log_storage, table)
        assert ours, table
        assert ours == _rows(dagsters, table), table
