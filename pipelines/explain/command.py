"""`covenants explain`: one result's derivation, from the extracts prepared through the check's cache.

It reads the extracts (not a run's out folder) so that it needs no earlier run, always explains the extracts and
policies as they are now (or the agreements as they stood on `--rules-as-of`), and shares the cached prepared database
with `covenants check`: a warm explain prepares nothing, unless the rules of that day give the SQL models other
parameter values (then a database is prepared afresh, in memory).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from pipelines.check.prepared import ATTACHED, open_prepared
from pipelines.check.reprepared import database_for
from pipelines.explain.derivation import covenant_of, derivation, find
from pipelines.explain.sources import ACCOUNTS_SHOWN
from pipelines.extracts.contract import EXTRACTS
from pipelines.extracts.reading import locate
from pipelines.layout import CACHE_DIR
from pipelines.models.column_lineage import leaf_columns, lineage
from pipelines.policy.rules_as_of import rules_on


def explain(extracts_dir: Path, clause_id: str, on: date, transaction_id: str | None = None,
            cache_dir: Path = CACHE_DIR, as_of: date | None = None, rules_as_of: date | None = None,
            accounts_shown: int | None = ACCOUNTS_SHOWN) -> str:
    """The derivation tree as text, under the agreements as they stood on `rules_as_of` when given, listing the first
    `accounts_shown` trial-balance accounts of each input (None: every one). Raises NotFound, ExtractMissing,
    BadExtracts or PolicyError."""
    prepared = open_prepared(extracts_dir, cache_dir, before_preparing=lambda policies: covenant_of(policies, clause_id))
    if prepared.note:
        print(f"covenants: {prepared.note}", file=sys.stderr)
    policies = rules_on(prepared.policies, rules_as_of)
    try:
        prepared.con.execute(f"use {ATTACHED}")
        with database_for(extracts_dir, prepared.con, prepared.policies, policies) as con:
            covenant, figures, result = find(con, policies, clause_id, on, transaction_id, as_of)
            files = {extract.name: locate(extracts_dir, extract).name for extract in EXTRACTS}
            traced = lineage(prepared.models, leaf_columns(con))
            return derivation(con, policies, covenant, figures, result, files, traced, accounts_shown).render()
    finally:
        prepared.con.close()
