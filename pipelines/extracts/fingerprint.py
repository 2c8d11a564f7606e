"""The content fingerprint of an extract: what its rows say, whatever file format or row order carried them.

The manifest keeps each input file's sha256, which ties a run to its exact files; but the same rows as CSV, Parquet or
XLSX, or in another order, are other bytes. The fingerprint is the sha256 of the extract's canonical typed rows, so
the documents can cite it and stay the same when only the carrier changes.

Canonical form: the typed rows sorted by the extract's key, then by its other columns (contract order, empty first);
one line per row, each a JSON object of the row's cells in contract order, every value as text (a decimal with its
kind's places: money `1250.00`, a date `2003-12-31`, a boolean `true`), an empty cell as null; each line ends in "\n".
"""

from __future__ import annotations

import hashlib

import polars as pl

from pipelines.extracts.contract import Extract

_CHUNK = 100_000  # rows encoded as text at a time, so a large trial balance is never held whole as text


def content_fingerprint(typed: pl.DataFrame, extract: Extract) -> str:
    """sha256 of `typed` (the contract's columns, as `read_extract` types them; other columns are ignored)."""
    names = [c.name for c in extract.columns]
    rows = typed.select(names).sort([*extract.key, *(n for n in names if n not in extract.key)], nulls_last=False)
    digest = hashlib.sha256()
    for start in range(0, rows.height, _CHUNK):
        lines = rows.slice(start, _CHUNK).select(pl.struct(pl.all().cast(pl.String)).struct.json_encode()).to_series()
        digest.update(("\n".join(lines.to_list()) + "\n").encode())
    return digest.hexdigest()
