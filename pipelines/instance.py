"""The project's Dagster instance: where every run, from the command line, the schedule, the sensor or the UI, is
recorded, so that the UI lists each with its materializations, checks and logs.

DAGSTER_HOME is `<repo>/.dagster_home` unless the environment sets it. `prepare_home` writes its `dagster.yaml` when
missing (or when it is one this module wrote, so that it follows the code); a `dagster.yaml` of the user's own is kept.

The event log is SQLite, as Dagster's default, through `PooledSqliteEventLogStorage`: Dagster's own SQLite storage
creates a new database engine for every event and syncs every commit, which cost about 5 s for the ~500 events of a
quarter-end run (measured; docs/orchestration.md). This one keeps one engine with a connection pool and uses
`synchronous=NORMAL` under SQLite's write-ahead log, which keeps the database consistent through a crash of the
process or the machine; a power cut may lose the last events, never the file.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

from dagster import AssetKey, DagsterInstance
from dagster._core.event_api import EventLogRecord
from dagster._core.events import ASSET_CHECK_EVENTS, ASSET_EVENTS
from dagster._core.storage.asset_check_execution_record import AssetCheckExecutionRecordStatus
from dagster._core.storage.event_log import ConsolidatedSqliteEventLogStorage
from dagster._core.storage.event_log.schema import AssetCheckExecutionsTable, AssetKeyTable, SqlEventLogStorageTable
from dagster._time import datetime_from_timestamp
from sqlalchemy import bindparam, create_engine
from sqlalchemy import event as sqlalchemy_event

from pipelines.layout import ROOT

DEFAULT_HOME = ROOT / ".dagster_home"
_WRITTEN_BY = "# Written by covenants (pipelines/instance.py)"
_BUSY_TIMEOUT_SECONDS = 15  # what Dagster's SQLite storages wait for a lock held by another process
# Dagster hands a storage batches of events only when this variable is above 0 (dagster/_core/instance/utils.py)
BATCH_ENVIRONMENT = {"DAGSTER_EVENT_BATCH_SIZE": "1000"}
# One statement each, the values bound as parameters: SQLAlchemy compiles it once. Dagster's storage writes the values
# into a new statement for every event, whose cache key and SQL are made again each time.
_INSERT_EVENT = SqlEventLogStorageTable.insert()
_INSERT_CHECK_EXECUTION = AssetCheckExecutionsTable.insert()
_UPDATE_ASSET_KEY = AssetKeyTable.update().where(AssetKeyTable.c.asset_key == bindparam("key"))
_INSERT_ASSET_KEY = AssetKeyTable.insert()


def dagster_home() -> Path:
    return Path(os.environ.get("DAGSTER_HOME") or DEFAULT_HOME).resolve()


def instance_config(home: Path) -> str:
    return f"""\
{_WRITTEN_BY} when missing; rewritten while this line stays first.
telemetry:
  enabled: false
# No first-visit dialog in the UI asking for an e-mail address for Dagster's newsletter.
nux:
  enabled: false
# Every run opens its own DuckDB file, but runs launched from the UI share one output folder per quarter: one at a time.
concurrency:
  runs:
    max_concurrent_runs: 1
event_log_storage:
  module: pipelines.instance
  class: PooledSqliteEventLogStorage
  config:
    base_dir: {home / "history"}
# Steps print nothing worth keeping: what they report goes through the Python logs below. Capturing their stdout and
# stderr would start two `tail` processes and two Python watchers per step.
compute_logs:
  module: dagster._core.storage.noop_compute_log_manager
  class: NoOpComputeLogManager
# The progress lines of a run (stages, extracts read, models built, documents rendered) go to the run's logs.
python_logs:
  managed_python_loggers:
    - covenants
  python_log_level: INFO
"""


def prepare_home(home: Path | None = None) -> Path:
    home = (home or dagster_home()).resolve()
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists() or config.read_text().startswith(_WRITTEN_BY):
        wanted = instance_config(home)
        if not config.exists() or config.read_text() != wanted:
            config.write_text(wanted)
    return home


def project_instance() -> DagsterInstance:
    """The persistent instance at DAGSTER_HOME, prepared if needed."""
    return DagsterInstance.from_config(str(prepare_home()))


class PooledSqliteEventLogStorage(ConsolidatedSqliteEventLogStorage):
    """Dagster's consolidated SQLite event log with one pooled engine (see the module's docstring).

    Each event is stored in one transaction: its row, its asset index rows and its check rows (Dagster's storage
    opens two or three), the event's row, a planned check's row and an asset's index row through statements compiled
    once. A batch of events (the planned materializations and checks a run announces when it starts: about 300) is
    stored in one transaction when batches are on (BATCH_ENVIRONMENT). The tables and columns Dagster
    asks about before writing an asset or check event (`has_table`, the asset key columns), which its storage looks up
    with a new engine or a schema query for every event, are looked up once: a table or column found stays (only a
    schema migration adds them; none removes one). An asset's last materialization that this process wrote is read back
    as the record it wrote rather than deserialized again (`_get_latest_materialization_records`)."""

    def __init__(self, base_dir, inst_data=None):
        self._transaction = threading.local()  # the connection of the event or batch being stored, per thread
        self._tables_found: set[str] = set()
        self._asset_key_columns_found: set[str] = set()
        self._written: dict[str, tuple[str, EventLogRecord]] = {}  # asset key → its last materialization written here
        super().__init__(base_dir, inst_data=inst_data)

    @cached_property
    def _engine(self):
        engine = create_engine(self._conn_string, connect_args={"timeout": _BUSY_TIMEOUT_SECONDS})

        @sqlalchemy_event.listens_for(engine, "connect")
        def _synchronous_normal(connection, _record) -> None:
            connection.execute("PRAGMA synchronous=NORMAL")

        return engine

    @contextmanager
    def _connect(self) -> Iterator:
        current = getattr(self._transaction, "connection", None)
        if current is not None:  # inside store_event or store_event_batch: its transaction
            yield current
            return
        with self._engine.connect() as connection, connection.begin():
            yield connection

    @contextmanager
    def _one_transaction(self) -> Iterator:
        if getattr(self._transaction, "connection", None) is not None:
            yield
            return
        with self._connect() as connection:
            self._transaction.connection = connection
            try:
                yield
            finally:
                self._transaction.connection = None

    def store_event(self, event) -> None:
        """What Dagster's SqlEventLogStorage.store_event stores, in the same rows, through the prepared statements."""
        with self._one_transaction():
            try:
                row = self._event_to_row(event)
                with self._connect() as conn:
                    event_id = conn.execute(_INSERT_EVENT, row).inserted_primary_key[0]
                    if event.is_dagster_event and event.dagster_event_type in ASSET_EVENTS and event.dagster_event.asset_key:
                        self._store_asset_event_tags(conn, [event], [event_id])
                        self._store_asset_event(conn, event, event_id)
                if event.is_dagster_event and event.dagster_event_type in ASSET_CHECK_EVENTS:
                    self.store_asset_check_event(event, event_id)
            finally:
                self._transaction.serialized = None

    def store_event_batch(self, events) -> None:
        with self._one_transaction():
            for event in events:
                self.store_event(event)

    def _event_to_row(self, event) -> dict:
        row = super()._event_to_row(event)
        self._transaction.serialized = (event, row["event"])  # the event's JSON, for its asset index row
        return row

    def _store_asset_check_evaluation_planned(self, event, event_id: int | None) -> None:
        """Dagster's rows for a planned check (one per partition), its event's JSON taken from the event's own row."""
        serialized = getattr(self._transaction, "serialized", None)
        if serialized is None or serialized[0] is not event:
            return super()._store_asset_check_evaluation_planned(event, event_id)
        planned = event.dagster_event.event_specific_data
        partition_keys = planned.partitions_subset.get_partition_keys() if planned.partitions_subset else [None]
        values = {
            "asset_key": planned.asset_key.to_string(),
            "check_name": planned.check_name,
            "run_id": event.run_id,
            "execution_status": AssetCheckExecutionRecordStatus.PLANNED.value,
            "evaluation_event": serialized[1],
            "evaluation_event_timestamp": self._event_insert_timestamp(event),
            "evaluation_event_storage_id": event_id,
        }
        with self._connect() as conn:
            conn.execute(_INSERT_CHECK_EXECUTION, [{**values, "partition": key} for key in partition_keys])

    def _get_asset_entry_values(self, event, event_id: int, has_asset_key_index_cols: bool) -> dict:
        """Dagster's values for the event's asset index row; for a materialization, its EventLogRecord is written
        around the JSON the event's own row has (the same bytes as serialize_value gives, tested), not serialized again:
        a materialization with its metadata (a model's column schema) is the largest event of a run."""
        serialized = getattr(self._transaction, "serialized", None)
        if serialized is None or serialized[0] is not event or not event.dagster_event.is_step_materialization:
            return super()._get_asset_entry_values(event, event_id, has_asset_key_index_cols)
        record = f'{{"__class__": "EventLogRecord", "event_log_entry": {serialized[1]}, "storage_id": {event_id}}}'
        self._written[event.dagster_event.asset_key.to_string()] = (record, EventLogRecord(storage_id=event_id, event_log_entry=event))
        values = {"last_materialization": record, "last_run_id": event.run_id}
        if has_asset_key_index_cols:
            values["last_materialization_timestamp"] = datetime_from_timestamp(event.timestamp)
        return values

    def _get_latest_materialization_records(self, raw_asset_rows) -> dict:
        """Dagster's last materialization of each asset row. A row holding, byte for byte, the record this process
        wrote for it (its storage id included) is answered with the record written, not deserialized again: Dagster
        reads the last materialization of every input of every model it records, about 150 a run, and deserializing
        them was half of that. A row of a wiped asset, or written by another process, is read as Dagster reads it."""
        written, rest = {}, []
        for row in raw_asset_rows:
            kept = self._written.get(row["asset_key"])
            if kept is not None and not row["asset_details"] and row["last_materialization"] == kept[0]:
                written[AssetKey.from_db_string(row["asset_key"])] = kept[1]
            else:
                rest.append(row)
        return {**written, **super()._get_latest_materialization_records(rest)} if rest else written

    def _store_asset_event(self, conn, event, event_id: int) -> None:
        """The asset's index row updated, or inserted when the asset has none yet. Dagster's storage inserts first and
        updates on the IntegrityError, which every event of a known asset raises: two statements and an exception
        wrapped by SQLAlchemy, about half the cost of storing a materialization."""
        if not (event.dagster_event and event.dagster_event.asset_key):
            return
        values = self._get_asset_entry_values(event, event_id, self._has_asset_key_index_cols_on_connection(conn))
        if not values:
            return
        asset_key = event.dagster_event.asset_key.to_string()
        updated = conn.execute(_UPDATE_ASSET_KEY, {"key": asset_key, **values})
        if updated.rowcount == 0:
            conn.execute(_INSERT_ASSET_KEY, {"asset_key": asset_key, **values})

    def has_table(self, table_name: str) -> bool:
        if table_name not in self._tables_found:
            with self._engine.connect() as connection:
                if self._engine.dialect.has_table(connection, table_name):
                    self._tables_found.add(table_name)
        return table_name in self._tables_found

    def _has_asset_key_col_on_connection(self, conn, column_name: str) -> bool:
        if column_name not in self._asset_key_columns_found and super()._has_asset_key_col_on_connection(conn, column_name):
            self._asset_key_columns_found.add(column_name)
        return column_name in self._asset_key_columns_found

    def has_asset_key_col(self, column_name: str) -> bool:
        return column_name in self._asset_key_columns_found or super().has_asset_key_col(column_name)
