"""`make bench`: time each stage of a quarter-end run on the sample and print a table. Timings, not assertions."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import duckdb

from pipelines.extracts.ingest import ingest_all
from pipelines.layout import SAMPLE_EXTRACTS_DIR
from pipelines.models.sql_models import build_all
from pipelines.policy.evaluation import evaluate_all
from pipelines.policy.loading import load_policies
from pipelines.quarter_end import load_parameters, quarter_end_run

REPEATS = 3


def _time(action) -> list[float]:
    samples = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return samples


def main() -> None:
    policies = load_policies()
    con = duckdb.connect()
    rows = [("load policies", _time(load_policies))]
    rows.append(("ingest + validate 17 extracts", _time(lambda: ingest_all(con, SAMPLE_EXTRACTS_DIR))))
    load_parameters(con, policies)
    rows.append(("build SQL models", _time(lambda: build_all(con))))
    rows.append(("evaluate policies", _time(lambda: evaluate_all(con, policies))))
    with tempfile.TemporaryDirectory() as scratch:
        rows.append(("covenants run, one quarter (2003Q4)", _time(lambda: quarter_end_run(SAMPLE_EXTRACTS_DIR, Path(scratch) / "q", period="2003Q4"))))
        rows.append(("covenants run, every quarter", _time(lambda: quarter_end_run(SAMPLE_EXTRACTS_DIR, Path(scratch) / "all"))))
    print(f"{'stage':<40} {'median s':>9} {'min s':>9} {'max s':>9}   ({REPEATS} runs each, sample extracts)")
    for name, samples in rows:
        print(f"{name:<40} {statistics.median(samples):>9.3f} {min(samples):>9.3f} {max(samples):>9.3f}")


if __name__ == "__main__":
    main()
