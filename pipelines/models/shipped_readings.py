"""`python -m pipelines.models.shipped_readings` (`make docs`): what reading the project's sql/ finds (the tables each
model reads, the models' column lineage), written into pipelines/models/readings/ and committed with the SQL.

Reading the SQL with sqlglot takes about 2.5 s, which a run pays once for each new SQL and each new cache folder: a
fresh clone's first run, each process of the test suite, each command a test starts with a cache folder of its own.
With the readings shipped, they take them from the project (pipelines/models/reading_cache.py), under the same keys
as the cache: a reading of other SQL, or of other columns below the models, is never taken for them. A test fails
when they are not what reading sql/ as it is finds.
"""

from __future__ import annotations

import json

from pipelines.models.column_lineage import lineage
from pipelines.models.reading_cache import SHIPPED
from pipelines.models.sql_models import discover


def write() -> None:
    """The readings of sql/ as it is, read afresh, in place of those shipped before."""
    from pipelines.assets.models import contract_leaves  # the columns below the models, as the Dagster definitions read them

    for old in SHIPPED.glob("*.json"):
        old.unlink()
    SHIPPED.mkdir(exist_ok=True)
    lineage(discover(cache_dir=SHIPPED), contract_leaves(), cache_dir=SHIPPED)
    for path in SHIPPED.glob("*.json"):
        # one model a line, so that a change to the SQL shows in a diff as the models whose reading it changed
        reading = json.loads(path.read_text())
        path.write_text("{\n" + ",\n".join(f"{json.dumps(name)}: {json.dumps(found)}" for name, found in reading.items()) + "\n}\n")


if __name__ == "__main__":
    write()
