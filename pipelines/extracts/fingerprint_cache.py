"""The content fingerprint of a loaded extract, kept in the project's cache by the sha256 of the file it was loaded from.

Sorting and hashing a large trial balance's rows takes seconds (docs/performance.md), and a nightly run loads the same
files night after night. The rows loaded follow from the file's bytes, its format, the extract's contract (columns,
kinds, requiredness, key) and the code and libraries that read, type and hash them; the key of a cached fingerprint
is a hash of all of these (`key_of`). The policies' date range is no part of it: it bounds validation, which comes
after the load and changes no row loaded.

Why a cached value may be cited: its key holds the sha256 of the exact bytes, so it is found only for a file that is
byte for byte the one whose rows were fingerprinted, read by the same code; and it is used only when those bytes are
the ones loaded, that is when the file did not change from before the load until after its hash
(file_hashes.unchanged_since). A cache entry whose value is not a sha256 in hex is ignored and computed afresh, as
is one that cannot be read (pipelines/json_cache.py).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import re
from functools import cache
from pathlib import Path

import duckdb

from pipelines.extracts.contract import KINDS, Extract
from pipelines.extracts.fingerprint import table_fingerprint
from pipelines.file_hashes import Stamp, sha256, unchanged_since
from pipelines.json_cache import cached_json
from pipelines.layout import CACHE_DIR

KIND = "fingerprint"
KEEP = 256  # fingerprints kept (each a few hundred bytes): those of several sets of extract files
_SHA256 = re.compile(r"[0-9a-f]{64}")
# what reads, types and hashes the rows; this module too, since it decides what the key holds
_CODE = ("fingerprint.py", "fingerprint_cache.py", "reading.py", "file_formats.py")
_LIBRARIES = ("duckdb", "polars", "pyarrow", "openpyxl")


@cache
def code_version() -> str:
    """sha256 of the code that reads, types and hashes an extract's rows, and the versions of the libraries it uses."""
    digest = hashlib.sha256()
    for name in _CODE:
        digest.update(name.encode() + b"\0" + Path(__file__).with_name(name).read_bytes() + b"\0")
    for library in _LIBRARIES:
        digest.update(f"{library} {importlib.metadata.version(library)}\0".encode())
    return digest.hexdigest()


def key_of(file_sha256: str, path: Path, extract: Extract) -> str:
    contract = {
        "extract": extract.name,
        "columns": [[c.name, c.kind, KINDS[c.kind], c.required] for c in extract.columns],
        "key": list(extract.key),
        "has_rows": extract.has_rows,
    }
    what = {"file": file_sha256, "format": path.suffix.lower(), "contract": contract, "code": code_version()}
    return hashlib.sha256(json.dumps(what, sort_keys=True).encode()).hexdigest()


def _valid(kept: object) -> bool:
    return isinstance(kept, dict) and set(kept) == {KIND} and isinstance(kept[KIND], str) and bool(_SHA256.fullmatch(kept[KIND]))


def loaded_fingerprint(con: duckdb.DuckDBPyConnection, table: str, extract: Extract, path: Path, before: Stamp, cache_dir: Path | None = CACHE_DIR) -> str:
    """The content fingerprint of `table`, just loaded from `path` whose stamp was `before` the load: from the cache
    when the file's sha256 was seen, else computed (table_fingerprint) and kept."""
    if cache_dir is not None:
        file_sha256 = sha256(path)
        if unchanged_since(path, before):  # else the bytes hashed may not be those loaded
            compute = lambda: {KIND: table_fingerprint(con, table, extract)}  # noqa: E731
            return cached_json(KIND, key_of(file_sha256, path, extract), compute, _valid, KEEP, cache_dir)[KIND]
    return table_fingerprint(con, table, extract)
