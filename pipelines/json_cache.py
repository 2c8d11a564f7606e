"""What is costly to compute and follows from its inputs alone, kept as JSON files in the cache folder (layout.CACHE_DIR),
each named by a hash of everything it follows from (its key).

A cache is input too: a file is JSON (never unpickled), and one that cannot be read or does not hold what is expected
is computed afresh; one that cannot be written is no error (the work is only redone next time). A file found is
touched, so that the `keep` files of a kind kept are those last used and the folder does not grow.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from pipelines.layout import CACHE_DIR


def cached_json(
    kind: str, key: str, compute: Callable[[], object], valid: Callable[[object], bool], keep: int, cache_dir: Path | None = CACHE_DIR, shipped: Path | None = None
):
    """The JSON value `compute` returns for `key`, from `<kind>-<key>.json` in cache_dir, or else in `shipped` (a
    folder of the project, read only), when that file holds a value `valid` accepts; None as cache_dir: no cache."""
    if cache_dir is None:
        return compute()
    path = cache_dir / f"{kind}-{key}.json"
    kept = _read(path)
    if valid(kept):
        try:
            os.utime(path)
        except OSError:
            pass  # a cache that cannot be touched is still read
        return kept
    if shipped is not None and valid(found := _read(shipped / path.name)):
        return found
    found = compute()
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        partial.write_text(json.dumps(found))
        os.replace(partial, path)
        for old in sorted(cache_dir.glob(f"{kind}-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)[keep:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
    return found


def _read(path: Path) -> object:
    """The JSON value the file holds; None when it cannot be read."""
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None
