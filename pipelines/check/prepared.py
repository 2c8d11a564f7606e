"""Prepared databases for `covenants check`, cached per content: extracts ingested and validated, every SQL model built,
and the parsed policies and SQL model graph beside them.

Preparing takes seconds; a check is meant to answer in well under one (docs/check.md says where it stands). The cache key hashes every extract file, every policy
file and the code (pipelines, SQL models, templates), so any change to any of them prepares afresh. A prepared file is
written beside its final name and renamed into place, and is only ever opened read-only afterwards.

A warm check parses nothing but the proposal: the policies (about 150 YAML files) and the SQL model graph (about 110
files) were parsed when the database was prepared and are kept in it as JSON, in the `check_cache` schema, and
validated again by the policy schema when read (never unpickled: a cache is input too, and must not be able to run
code). They are exactly what the files held when the key was taken (the key covers every one of those files), and a
copy that cannot be read is parsed afresh from the files.

Each prepared database has a sidecar `<name>.sha256` with the hash of its bytes, written when it was prepared and
checked on every open: a file that is damaged, truncated or changed since is removed and prepared afresh, with a
one-line note, so a damaged cache never gives an answer and never needs deleting by hand.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb

from pipelines import prepared_runs
from pipelines.database import connect
from pipelines.extracts.contract import EXTRACTS
from pipelines.extracts.date_range import instruments_date_range
from pipelines.extracts.reading import locate
from pipelines.layout import CACHE_DIR, ROOT, policy_files
from pipelines.models.sql_models import SqlModel, discover
from pipelines.outputs.manifest import sha256, source_sha256
from pipelines.policy.loading import PolicySet, load_policies
from pipelines.policy.schema import Amendment, Covenant, Instrument, Parameter, Waiver, WaiverExtension

PREFIX = "prepared-"
KEEP = 3  # prepared databases kept: a few sets of extracts checked in turn stay warm, the folder does not grow
PARSED = "check_cache.parsed"  # one row: the PolicySet and SQL models the database was prepared from, as JSON
ATTACHED = "prepared"  # the name the prepared database is attached under, read-only, in a check's in-memory database


@dataclass(frozen=True)
class Prepared:
    path: Path
    cached: bool  # False: prepared from the extracts by this call
    con: duckdb.DuckDBPyConnection  # in memory, with the prepared database attached read-only as ATTACHED
    policies: PolicySet
    models: list[SqlModel]
    note: str | None = None  # a damaged cache found and prepared afresh: one line for the person checking


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


def prepared_database(extracts_dir: Path, policies: PolicySet, cache_dir: Path = CACHE_DIR) -> tuple[Path, bool]:
    """The prepared database for these extracts and policies, and whether it was already cached.

    Raises BadExtracts (nothing is cached) when an extract is refused.
    """
    path = cache_dir / f"{PREFIX}{content_key(extracts_dir, policies)}.duckdb"
    if path.exists() and _damage(path) is None:
        return path, True
    _prepare(path, extracts_dir, policies)
    return path, False


def open_prepared(extracts_dir: Path, cache_dir: Path = CACHE_DIR, before_preparing: Callable[[PolicySet], None] | None = None) -> Prepared:
    """The prepared database for these extracts and the policy files as they are now, attached read-only, with its
    parsed policies and SQL models: read from the database when it is cached, else parsed and prepared (and cached) now.
    `before_preparing` is given the policies before a database is prepared, and may raise to stop it: a question
    no policy can answer (a clause id mistyped) should not wait for a large group's extracts to be prepared first.

    Raises ExtractMissing, BadExtracts or PolicyError (nothing is cached), or what `before_preparing` raises.
    """
    path = cache_dir / f"{PREFIX}{_key(extracts_dir, policy_files())}.duckdb"
    damage = _damage(path) if path.exists() else None
    if not path.exists() or damage is not None:
        policies = load_policies()
        if before_preparing is not None:
            before_preparing(policies)
        models = _prepare(path, extracts_dir, policies)
        note = None if damage is None else f"the cached prepared database {path} was {damage}; it was prepared afresh"
        return Prepared(path, False, attach(path), policies, models, note)
    con = attach(path)
    parsed = _read_parsed(con)
    policies, models = parsed if parsed is not None else (load_policies(), discover())
    return Prepared(path, True, con, policies, models)


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def _damage(path: Path) -> str | None:
    """Why the prepared database at path cannot be trusted (removing it), or None when its bytes are those prepared."""
    sidecar = _sidecar(path)
    recorded = sidecar.read_text().strip() if sidecar.exists() else None
    if recorded == sha256(path):
        return None
    path.unlink(missing_ok=True)
    sidecar.unlink(missing_ok=True)
    return "written without its hash" if recorded is None else "damaged or changed since it was prepared"


def attach(path: Path) -> duckdb.DuckDBPyConnection:
    # one thread per query: the two passes run side by side, and the sample's small tables gain nothing from more
    con = connect(threads=1)
    con.execute(f"attach '{path.resolve()}' as {ATTACHED} (read_only)")
    return con


def _prepare(path: Path, extracts_dir: Path, policies: PolicySet) -> list[SqlModel]:
    from pipelines.quarter_end import prepare

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.unlink(missing_ok=True)
    models = discover()
    # a run over these extracts may have kept its database in the same cache folder: copied, and what differs prepared
    files = prepared_runs.extract_files(extracts_dir)
    taken = prepared_runs.take(prepared_runs.runs_key(instruments_date_range()), partial, files, path.parent) if files is not None else None
    con = connect(partial)
    try:
        prepare(con, extracts_dir, policies, taken)
        con.execute("create schema check_cache")
        con.execute(f"create table {PARSED} (policies json, models json)")
        con.execute(f"insert into {PARSED} values (?, ?)", [_policies_json(policies), _models_json(models)])
        con.execute("checkpoint")
    except BaseException:
        con.close()
        partial.unlink(missing_ok=True)
        raise
    con.close()
    partial_sidecar = _sidecar(partial)
    partial_sidecar.write_text(sha256(partial) + "\n")
    os.replace(partial_sidecar, _sidecar(path))
    os.replace(partial, path)
    _prune(path.parent, keep=path)
    return models


_POLICY_KINDS = {"instruments": Instrument, "covenants": Covenant, "waivers": Waiver, "extensions": WaiverExtension, "parameters": Parameter, "amendments": Amendment}


def _policies_json(policies: PolicySet) -> str:
    body = {kind: [item.model_dump(mode="json") for item in getattr(policies, kind)] for kind in _POLICY_KINDS}
    return json.dumps({**body, "files": [str(p) for p in policies.files], "origins": policies.origins})


def _models_json(models: list[SqlModel]) -> str:
    return json.dumps([{**asdict(m), "path": str(m.path)} for m in models])


def _read_parsed(con: duckdb.DuckDBPyConnection) -> tuple[PolicySet, list[SqlModel]] | None:
    """The policies and models kept in the attached prepared database, validated again by the policy schema; None
    when they cannot be read back (a database prepared before they were kept, or by another version of the schema)."""
    try:
        policies, models = (json.loads(text) for text in con.execute(f"select policies, models from {ATTACHED}.{PARSED}").fetchone())
        return (
            PolicySet(
                **{kind: tuple(model.model_validate(item) for item in policies[kind]) for kind, model in _POLICY_KINDS.items()},
                files=tuple(Path(p) for p in policies["files"]),
                origins=tuple(tuple(pair) for pair in policies["origins"]),
            ),
            [
                SqlModel(**{**m, "path": Path(m["path"]), "clause_ids": tuple(m["clause_ids"]), "depends_on": tuple(m["depends_on"]),
                            "transactions_of": None if m["transactions_of"] is None else tuple(m["transactions_of"])})
                for m in models
            ],
        )
    except (duckdb.Error, ValueError, KeyError, TypeError):  # pydantic's ValidationError is a ValueError
        return None


def _prune(cache_dir: Path, keep: Path) -> None:
    """Remove all but the KEEP most recently prepared databases (a check still reading one keeps its open file)."""
    prepared = sorted(cache_dir.glob(f"{PREFIX}*.duckdb"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [p for p in prepared if p != keep][KEEP - 1 :]:
        old.unlink(missing_ok=True)
        _sidecar(old).unlink(missing_ok=True)
