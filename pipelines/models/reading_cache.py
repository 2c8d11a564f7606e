"""What reading the SQL models found, kept as JSON in the cache folder (layout.CACHE_DIR) and keyed by a hash of everything
it was read from: sqlglot takes about 2 s to parse the models and as long again to trace their columns, and a run may
spend a tenth of a second on it (docs/performance.md).

A cache is input too (pipelines/json_cache.py): a file that cannot be read or lacks a model is read afresh from the
SQL. The readings of the project's own sql/ are also shipped with the code, in SHIPPED (`make docs` writes them:
pipelines/models/shipped_readings.py), under the same keys: a fresh clone's first run, and a process with an empty
cache folder, find them there.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from collections.abc import Callable
from pathlib import Path

from pipelines.json_cache import cached_json
from pipelines.layout import CACHE_DIR

SHIPPED = Path(__file__).with_name("readings")
KEEP = 3  # readings kept of each kind: a few branches' SQL stay read, the folder does not grow


def reader_version() -> str:
    """What a reading depends on besides the SQL: sqlglot's version and the reading's rules (sql_reading.py), taken
    from their files, since importing sqlglot alone costs a run more than its whole budget for reading the SQL."""
    sqlglot = Path(importlib.util.find_spec("sqlglot").origin).with_name("_version.py")
    rules = Path(__file__).with_name("sql_reading.py")
    return hashlib.sha256(sqlglot.read_bytes() + b"\0" + rules.read_bytes()).hexdigest()[:16]


def key_of(texts: dict[str, str], *more: object) -> str:
    """The key of a reading of the models' SQL `texts` (name → text) and `more` (JSON values), with the reader's version."""
    digest = hashlib.sha256(reader_version().encode())
    for name in sorted(texts):
        digest.update(f"\0{name}\0{texts[name]}".encode())
    digest.update(json.dumps(more, sort_keys=True).encode())
    return digest.hexdigest()[:32]


def cached(kind: str, key: str, read: Callable[[], dict], names: set[str], cache_dir: Path | None = CACHE_DIR) -> dict:
    """The JSON object `read` returns for `key` (one entry for each of `names`), from the cache when it holds one
    with those entries, else from SHIPPED when it holds one; None as cache_dir: neither."""
    return cached_json(f"sql-{kind}", key, read, lambda kept: isinstance(kept, dict) and set(kept) == names, KEEP, cache_dir, SHIPPED)
