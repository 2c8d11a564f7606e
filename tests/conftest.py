"""Every test, and every command a test starts, records its Dagster runs in a scratch instance, never the project's."""

import os
import tempfile

os.environ["DAGSTER_HOME"] = tempfile.mkdtemp(prefix="covenants-test-dagster-home-")
