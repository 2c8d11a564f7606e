"""`covenants explain`: one result's derivation, from the extracts prepared through the check's cache.

It reads the extracts (not a run's out folder) so that it needs no earlier run, always explains the extracts and
policies as they are now, and shares the cached prepared database with `covenants check`: a warm explain prepares
nothing.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from pipelines.check.prepared import ATTACHED, DEFAULT_CACHE_DIR, open_prepared
from pipelines.explain.derivation import derivation, find
from pipelines.extracts.contract import EXTRACTS
from pipelines.extracts.reading import locate
from pipelines.models.column_lineage import leaf_columns, lineage


def explain(extracts_dir: Path, clause_id: str, on: date, transaction_id: str | None = None,
            cache_dir: Path = DEFAULT_CACHE_DIR, as_of: date | None = None) -> str:
    """The derivation tree as text. Raises NotFound, ExtractMissing, BadExtracts or PolicyError."""
    prepared = open_prepared(extracts_dir, cache_dir)
    if prepared.note:
        print(f"covenants: {prepared.note}", file=sys.stderr)
    con = prepared.con
    try:
        con.execute(f"use {ATTACHED}")
        covenant, figures, result = find(con, prepared.policies, clause_id, on, transaction_id, as_of)
        files = {extract.name: locate(extracts_dir, extract).name for extract in EXTRACTS}
        traced = lineage(prepared.models, leaf_columns(con))
        return derivation(con, prepared.policies, covenant, figures, result, files, traced).render()
    finally:
        con.close()
