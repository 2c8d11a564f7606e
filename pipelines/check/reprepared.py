"""A database for policies whose parameter values differ from those the prepared database was built with (the
agreements as they stood on an earlier day, or without an amendment): the SQL models read the parameters, so it is
prepared afresh, in memory, from the same extracts. Otherwise the prepared database serves as it is."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import duckdb

from pipelines.database import connect
from pipelines.policy.loading import PolicySet


@contextmanager
def database_for(extracts_dir: Path, prepared: duckdb.DuckDBPyConnection, prepared_with: PolicySet, policies: PolicySet):
    if policies.parameters == prepared_with.parameters:
        yield prepared
        return
    from pipelines.quarter_end import prepare  # the whole model graph: imported only when it is needed

    fresh = connect()  # bounded as every database of the project
    try:
        prepare(fresh, extracts_dir, policies)
        yield fresh
    finally:
        fresh.close()
