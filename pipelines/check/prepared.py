"""Prepared databases for `covenants check`, cached per content: extracts ingested and validated, every SQL model built,
and the parsed policies and SQL model graph beside them.

Preparing takes seconds; a check is meant to answer in well under one (docs/check.md says where it stands). The cache key hashes every extract file, every policy
file and the code (pipelines, SQL models, templates), so any change to any of them prepares afresh. A prepared file is
written beside its final name and renamed into place, and is only ever opened read-only afterwards.

A warm check parses nothing but the proposal: the policies (about 150 YAML files) and the SQL model graph (about 110
files) were parsed when the database was prepared and are kept in it, pickled, in the `check_cache` schema. They are
exactly what the files held when the key was taken (the key covers every one of those files), and a copy that cannot
be read (another Python or library version) is parsed afresh from the files.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipelines.extracts.contract import EXTRACTS
from pipelines.extracts.reading import locate
from pipelines.layout import POLICIES_DIR, ROOT
from pipelines.models.sql_models import SqlModel, discover
from pipelines.outputs.manifest import sha256, source_sha256
from pipelines.policy.loading import PolicySet, load_policies

DEFAULT_CACHE_DIR = Path(".covenants-cache")
PREFIX = "prepared-"
KEEP = 3  # prepared databases kept: a few sets of extracts checked in turn stay warm, the folder does not grow
PARSED = "check_cache.parsed"  # one row: the pickled PolicySet and SQL models the database was prepared from
ATTACHED = "prepared"  # the name the prepared database is attached under, read-only, in a check's in-memory database


@dataclass(frozen=True)
class Prepared:
    path: Path
    cached: bool  # False: prepared from the extracts by this call
    con: duckdb.DuckDBPyConnection  # in memory, with the prepared database attached read-only as ATTACHED
    policies: PolicySet
    models: list[SqlModel]


def policy_files(root: Path = POLICIES_DIR) -> list[Path]:
    """The files load_policies reads: every YAML file in an instrument folder (a misplaced one is refused there)."""
    return sorted(p for folder in root.iterdir() if folder.is_dir() for p in folder.rglob("*.y*ml"))


def _key(extracts_dir: Path, policy_paths: list[Path]) -> str:
    body = {
        "inputs": {p.name: sha256(p) for p in (locate(extracts_dir, extract) for extract in EXTRACTS)},  # as quarter_end.input_files
        "policies": {str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else str(p): sha256(p) for p in policy_paths},
        "code": source_sha256(),
    }
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:32]


def content_key(extracts_dir: Path, policies: PolicySet) -> str:
    """Raises ExtractMissing when an extract file is missing or given twice."""
    return _key(extracts_dir, list(policies.files))


def prepared_database(extracts_dir: Path, policies: PolicySet, cache_dir: Path = DEFAULT_CACHE_DIR) -> tuple[Path, bool]:
    """The prepared database for these extracts and policies, and whether it was already cached.

    Raises BadExtracts (nothing is cached) when an extract is refused.
    """
    path = cache_dir / f"{PREFIX}{content_key(extracts_dir, policies)}.duckdb"
    if path.exists():
        return path, True
    _prepare(path, extracts_dir, policies)
    return path, False


def open_prepared(extracts_dir: Path, cache_dir: Path = DEFAULT_CACHE_DIR) -> Prepared:
    """The prepared database for these extracts and the policy files as they are now, attached read-only, with its
    parsed policies and SQL models: read from the database when it is cached, else parsed and prepared (and cached) now.

    Raises ExtractMissing, BadExtracts or PolicyError (nothing is cached).
    """
    path = cache_dir / f"{PREFIX}{_key(extracts_dir, policy_files())}.duckdb"
    if not path.exists():
        policies = load_policies()
        models = _prepare(path, extracts_dir, policies)
        return Prepared(path, False, attach(path), policies, models)
    con = attach(path)
    parsed = _read_parsed(con)
    policies, models = parsed if parsed is not None else (load_policies(), discover())
    return Prepared(path, True, con, policies, models)


def attach(path: Path) -> duckdb.DuckDBPyConnection:
    # one thread per query: the two passes run side by side, and the sample's small tables gain nothing from more
    con = duckdb.connect(config={"threads": 1})
    con.execute(f"attach '{path.resolve()}' as {ATTACHED} (read_only)")
    return con


def _prepare(path: Path, extracts_dir: Path, policies: PolicySet) -> list[SqlModel]:
    from pipelines.quarter_end import prepare

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.unlink(missing_ok=True)
    models = discover()
    con = duckdb.connect(str(partial))
    try:
        prepare(con, extracts_dir, policies)
        con.execute("create schema check_cache")
        con.execute(f"create table {PARSED} (policies blob, models blob)")
        con.execute(f"insert into {PARSED} values (?, ?)", [pickle.dumps(policies), pickle.dumps(models)])
        con.execute("checkpoint")
    except BaseException:
        con.close()
        partial.unlink(missing_ok=True)
        raise
    con.close()
    os.replace(partial, path)
    _prune(path.parent, keep=path)
    return models


def _read_parsed(con: duckdb.DuckDBPyConnection) -> tuple[PolicySet, list[SqlModel]] | None:
    """The policies and models pickled in the attached prepared database; None when they cannot be read back (a
    database prepared before they were kept, or pickled by another version of Python or of a library)."""
    try:
        policies, models = con.execute(f"select policies, models from {ATTACHED}.{PARSED}").fetchone()
        return pickle.loads(policies), pickle.loads(models)  # noqa: S301 - written by _prepare into our own cache
    except (duckdb.Error, pickle.UnpicklingError, AttributeError, ImportError, TypeError, EOFError):
        return None


def _prune(cache_dir: Path, keep: Path) -> None:
    """Remove all but the KEEP most recently prepared databases (a check still reading one keeps its open file)."""
    prepared = sorted(cache_dir.glob(f"{PREFIX}*.duckdb"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [p for p in prepared if p != keep][KEEP - 1 :]:
        old.unlink(missing_ok=True)
