"""A run's database as its extracts step and SQL models left it, kept in the cache folder (layout.CACHE_DIR), so that
the next run reads again only the extract files that differ from those it read, and builds again only the models that
read them (docs/performance.md, "A run over files prepared before").

A kept database is found by the days the policies let an extract's dates name (instruments_date_range) and the code
(pipelines, SQL models, templates), whatever folder the extracts are in (the database records each file's name and row
numbers, never its folder: tonight's export in a folder of its own starts from last night's). Each records the name and
sha256 of every extract file it read (FILES, and its sidecar, from which the one holding most of a run's files is
chosen), the Dagster run that read and validated each file, the one that built each model and the one that kept it,
which the materializations of a run that takes the database link to. A run of every extract copies it as its own
database and reads, types and validates again the extracts whose files differ (and, of the checks across extracts, those
that read one of them: the others read the same accepted rows as before). Besides the extracts, the models read only the
tables the policies step loads (SOURCES: the dated parameters and the Business Day calendar), whose digest the database
records as its models were built (BUILT_FROM). The models step builds again every model that reads, directly or through
other models, an extract read again or, when the digest differs (a run under --rules-as-of, a parameter of a policy file
edited), the sources; the others are those the database holds, built from the same inputs by the same SQL.

Only a database whose extracts were all accepted and whose models were all built is kept, never a scenario's: its
extracts are a changed, temporary copy of another folder's, and keeping it would push out a database the next run will
want. A scenario's run does take one: the files its scenario leaves untouched are linked to the user's, so it reads
again only those the scenario changes. A kept file is written beside its name and renamed into place, with a
JSON sidecar holding the sha256 of its bytes and its files; a copy whose bytes do not hash to it (damaged, truncated or
changed since) is removed with the kept file, and the run prepares afresh. `covenants run --fresh`, and `covenants
verify`, whose re-run must derive everything from the files, never take one; the re-run keeps none either.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipelines.extracts.contract import EXTRACTS, Extract
from pipelines.extracts.date_range import DateRange
from pipelines.extracts.ingest import table_name
from pipelines.extracts.reading import ExtractMissing, locate
from pipelines.file_hashes import sha256
from pipelines.layout import CACHE_DIR
from pipelines.models.sql_models import SOURCES, SqlModel
from pipelines.outputs.manifest import source_sha256
from pipelines.processes import running

PREFIX = "run-"
KEEP = 2  # databases kept: the last two sets of extracts run stay warm; at a large group's scale each is gigabytes
BUILT_FROM = "prepared_run.built_from"  # one row: the digest of SOURCES as the models were built from them
# each extract's name, the file it was read from ("<file name> <sha256>") and the Dagster run that read and validated it
FILES = "prepared_run.files"
BUILT_IN = "prepared_run.models"  # each model's name and the Dagster run that built it
KEPT_IN = "prepared_run.kept_in"  # one row: the Dagster run that kept the database


@dataclass(frozen=True)
class Taken:
    kept: Path  # the kept database copied as the run's
    changed: tuple[Extract, ...]  # the extracts whose files differ from those it read, in the contract's order
    read_in: dict[str, str]  # every other extract's name → the Dagster run that read and validated its file
    kept_in: str  # the Dagster run that kept the database


def extract_files(folder: Path) -> dict[str, str] | None:
    """Each extract's name and its file in `folder`, as "<file name> <sha256>"; None when one is missing, given twice
    or not a file (the extracts step then reads the folder and reports it)."""
    try:
        return {extract.name: f"{path.name} {sha256(path)}" for extract, path in ((e, locate(folder, e)) for e in EXTRACTS)}
    except (ExtractMissing, OSError):
        return None


def runs_key(dates: DateRange) -> str:
    """What a kept database must share with a run besides its files: the days an extract's dates may name, the code."""
    body = {"dates": [str(dates.first), str(dates.last)], "code": source_sha256()}
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:16]


def kept_path(key: str, files: dict[str, str], cache_dir: Path = CACHE_DIR) -> Path:
    """Where the database prepared from `files` under `key` is kept."""
    digest = hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest()[:16]
    return cache_dir / f"{PREFIX}{key}-{digest}.duckdb"


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def _copy(source: Path, target: Path) -> str:
    """Copy source's bytes to target (by the kernel, without passing through this process); the sha256 of the copy."""
    shutil.copyfile(source, target)
    with open(target, "rb") as copied:
        return hashlib.file_digest(copied, "sha256").hexdigest()


def take(key: str, database: Path, files: dict[str, str], cache_dir: Path = CACHE_DIR) -> Taken | None:
    """Copy the database kept under `key` that holds most of `files` to `database` (not there yet), with the extracts
    whose files it did not read; None when none is kept, none holds any of them, or the one chosen was damaged (then
    removed, and nothing is left at `database`)."""
    candidates = []
    for kept in cache_dir.glob(f"{PREFIX}{key}-*.duckdb"):
        try:
            sidecar = json.loads(_sidecar(kept).read_text())
            held = sum(sidecar["files"].get(name) == file for name, file in files.items())
            candidates.append((held, kept.stat().st_mtime, kept, str(sidecar["sha256"])))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            continue  # a sidecar that cannot be read: the file is no candidate (and pruned in its turn)
    held, _, kept, recorded = max(candidates, default=(0, 0, None, ""))
    if not held:
        return None
    try:
        copied = _copy(kept, database)
    except OSError:
        database.unlink(missing_ok=True)
        return None
    if copied != recorded:
        for path in (database, kept, _sidecar(kept)):
            path.unlink(missing_ok=True)
        return None
    try:
        os.utime(kept)  # the KEEP kept are those last used
    except OSError:
        pass
    with duckdb.connect(str(database), read_only=True) as con:  # what the database itself says it read, its bytes checked
        read_in, kept_in = _read_in(con, files), con.execute(f"select run from {KEPT_IN}").fetchone()[0]
    return Taken(kept, tuple(e for e in EXTRACTS if e.name not in read_in), read_in, kept_in)


def to_build(con: duckdb.DuckDBPyConnection, models: list[SqlModel], taken: Taken) -> list[SqlModel]:
    """The models of a kept database (`con`) that must be built again, in build order: those reading, directly or
    through other models (their declared dependencies), an extract read again, or the sources when they are not those
    the models were built from."""
    reached = {table_name(e) for e in taken.changed}
    if built_from(con) != sources_digest(con):
        reached |= set(SOURCES)
    chosen = []
    for model in models:  # in build order: a model's inputs come before it
        if reached.intersection(model.depends_on):
            reached.add(model.name)
            chosen.append(model)
    return chosen


def sources_digest(con: duckdb.DuckDBPyConnection) -> str:
    """The digest of the tables besides the extracts that the models read, row by row in a fixed order."""
    rows = " union all ".join(
        f"select '{table}' as source, string_agg(r::varchar, chr(10) order by r::varchar) as rows from (select t as r from {table} t)" for table in SOURCES
    )
    return con.execute(f"select sha256(string_agg(source || chr(10) || coalesce(rows, ''), chr(0) order by source)) from ({rows})").fetchone()[0]


def built_from(con: duckdb.DuckDBPyConnection) -> str | None:
    """The digest of SOURCES recorded when the models of this database were built; None in a database not kept."""
    if not _holds(con, BUILT_FROM):
        return None
    return con.execute(f"select digest from {BUILT_FROM}").fetchone()[0]


def row_counts(con: duckdb.DuckDBPyConnection, tables: list[str]) -> dict[str, int]:
    """Each table's rows, in one statement: a kept database's materializations are reported, not built, and a query a
    table would cost more than copying the whole database."""
    union = " union all ".join(f"select ? as name, count(*) as n from {table}" for table in tables)
    return dict(con.execute(union, tables).fetchall())


def columns(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[str, str]]]:
    """Each table's columns with their types, as DuckDB names them (the types a relation's `types` gives)."""
    found = con.execute(
        "select table_name, list(column_name order by column_index), list(data_type order by column_index) "
        "from duckdb_columns() where schema_name = 'main' group by table_name"
    ).fetchall()
    return {table: list(zip(names, types)) for table, names, types in found}


def keep(con: duckdb.DuckDBPyConnection, database: Path, key: str, files: dict[str, str], run_id: str, built: list[str], cache_dir: Path = CACHE_DIR) -> None:
    """Record in the run's database the files its extracts were read from, the Dagster run that read each (`run_id`,
    this run, for those the database did not hold already from the same file), the run that built each model (this
    one for those it `built`) and the digest of SOURCES its models were built from, and keep a copy of it under `key`.
    A cache that cannot be written is no error: the next run prepares afresh."""
    earlier = _read_in(con, files)
    con.execute(f"create schema if not exists {BUILT_FROM.split('.')[0]}")
    con.execute(f"create table if not exists {BUILT_IN} (model varchar primary key, built_in_run varchar not null)")
    # one statement for all the rows: executemany runs one per row, half a second for the 146 models
    con.execute(f"insert or replace into {BUILT_IN} select unnest(?::varchar[]), ?", [built, run_id])
    con.execute(f"create or replace table {BUILT_FROM} as select ?::varchar as digest", [sources_digest(con)])
    con.execute(f"create or replace table {KEPT_IN} as select ?::varchar as run", [run_id])
    con.execute(f"create or replace table {FILES} (extract varchar primary key, file varchar not null, read_in_run varchar not null)")
    names = sorted(files)
    con.execute(f"insert into {FILES} select unnest(?::varchar[]), unnest(?::varchar[]), unnest(?::varchar[])", [names, [files[n] for n in names], [earlier.get(n, run_id) for n in names]])
    con.execute("checkpoint")  # every page in the file: nothing else writes it while it is copied
    kept = kept_path(key, files, cache_dir)
    partial = kept.with_name(f".{kept.name}.{os.getpid()}")
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        _remove_partials_of_killed_runs(cache_dir)
        digest = _copy(database, partial)
        _sidecar(partial).write_text(json.dumps({"sha256": digest, "files": files}, sort_keys=True) + "\n")
        os.replace(_sidecar(partial), _sidecar(kept))
        os.replace(partial, kept)
        _prune(cache_dir, kept)
    except OSError:
        partial.unlink(missing_ok=True)
        _sidecar(partial).unlink(missing_ok=True)


def built_in(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """The run that built each model, as a database taken from a kept one records it; empty in a database not kept."""
    if not _holds(con, BUILT_IN):
        return {}
    return dict(con.execute(f"select model, built_in_run from {BUILT_IN}").fetchall())


def _read_in(con: duckdb.DuckDBPyConnection, files: dict[str, str]) -> dict[str, str]:
    """The run that read each extract whose file is the one `files` names, as a database kept (or taken from a kept one)
    records it; an extract whose file differs is left out."""
    if not _holds(con, FILES):
        return {}
    return {extract: run for extract, file, run in con.execute(f"select extract, file, read_in_run from {FILES}").fetchall() if files.get(extract) == file}


def _holds(con: duckdb.DuckDBPyConnection, qualified: str) -> bool:
    """The database holds the table `schema.table`: one a database not kept lacks."""
    schema, table = qualified.split(".")
    return bool(con.execute("select count(*) from duckdb_tables() where schema_name = ? and table_name = ?", [schema, table]).fetchone()[0])


def _remove_partials_of_killed_runs(cache_dir: Path) -> None:
    """A run killed while keeping its database leaves `.run-<key>-<files>.duckdb.<pid>` (and its `.json`): removed once
    that process is no longer running."""
    for partial in cache_dir.glob(f".{PREFIX}*"):
        pid = partial.name.removesuffix(".json").rsplit(".", 1)[-1]
        if pid.isdigit() and not running(int(pid)):
            partial.unlink(missing_ok=True)


def _prune(cache_dir: Path, kept: Path) -> None:
    """Remove all but the KEEP most recently used databases (a run still copying one keeps its open file)."""
    found = sorted(cache_dir.glob(f"{PREFIX}*.duckdb"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [p for p in found if p != kept][KEEP - 1 :]:
        old.unlink(missing_ok=True)
        _sidecar(old).unlink(missing_ok=True)
