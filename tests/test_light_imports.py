"""What a run imports: pandas (0.2 s) only where something needs it."""

from __future__ import annotations

import subprocess
import sys

from pipelines.layout import ROOT


def test_the_tables_a_run_loads_besides_the_extracts_import_no_pandas():
    # pyarrow's own constructors import pandas (0.2 s) to ask whether they were given a pandas object
    script = (
        "import sys\n"
        "from pipelines.calendar.business_days import calendar_table\n"
        "from pipelines.policy.loading import load_policies\n"
        "from pipelines.quarter_end import parameters_table\n"
        "calendar_table(), parameters_table(load_policies())\n"
        "print('pandas' in sys.modules)\n"
    )
    shown = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "False"
