"""Prepared databases for `covenants check`, cached per content: extracts ingested and validated, every SQL model built.

Preparing takes seconds; a check must answer in well under one. The cache key hashes every extract file, every policy
file and the code (pipelines, SQL models, templates), so any change to any of them prepares afresh. A prepared file is
written beside its final name and renamed into place, and is only ever opened read-only afterwards.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import duckdb

from pipelines.layout import ROOT
from pipelines.outputs.manifest import sha256, source_sha256
from pipelines.policy.loading import PolicySet
from pipelines.quarter_end import input_files, prepare

DEFAULT_CACHE_DIR = Path(".covenants-cache")
PREFIX = "prepared-"
KEEP = 3  # prepared databases kept: a few sets of extracts checked in turn stay warm, the folder does not grow


def content_key(extracts_dir: Path, policies: PolicySet) -> str:
    """Raises ExtractMissing when an extract file is missing or given twice."""
    body = {
        "inputs": {p.name: sha256(p) for p in input_files(extracts_dir)},
        "policies": {str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else str(p): sha256(p) for p in policies.files},
        "code": source_sha256(),
    }
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:32]


def prepared_database(extracts_dir: Path, policies: PolicySet, cache_dir: Path = DEFAULT_CACHE_DIR) -> tuple[Path, bool]:
    """The prepared database for these extracts and policies, and whether it was already cached.

    Raises BadExtracts (nothing is cached) when an extract is refused.
    """
    path = cache_dir / f"{PREFIX}{content_key(extracts_dir, policies)}.duckdb"
    if path.exists():
        return path, True
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.unlink(missing_ok=True)
    con = duckdb.connect(str(partial))
    try:
        prepare(con, extracts_dir, policies)
        con.execute("checkpoint")
    except BaseException:
        con.close()
        partial.unlink(missing_ok=True)
        raise
    con.close()
    os.replace(partial, path)
    _prune(cache_dir, keep=path)
    return path, False


def _prune(cache_dir: Path, keep: Path) -> None:
    """Remove all but the KEEP most recently prepared databases (a check still reading one keeps its open file)."""
    prepared = sorted(cache_dir.glob(f"{PREFIX}*.duckdb"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [p for p in prepared if p != keep][KEEP - 1 :]:
        old.unlink(missing_ok=True)
