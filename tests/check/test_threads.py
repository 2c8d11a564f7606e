"""A check's four threads (the proposal's schema, its references, and the passes after and before it) never share a
Polars frame: a frame used by two threads at once can deadlock the process (handing it to DuckDB takes the frame's
lock while holding the interpreter's, which a thread reading the frame may wait for). It hung about one
`covenants check` command in a hundred before each thread had frames of its own."""

from __future__ import annotations

import threading
from datetime import date

import polars as pl

import pipelines.check.pro_forma as pro_forma
from pipelines.check.command import run_check
from pipelines.layout import ROOT, SAMPLE_EXTRACTS_DIR

NOTES = ROOT / "sample" / "transactions" / "notes-1997-11.yaml"


def test_each_thread_of_a_check_reads_frames_of_its_own(prepared_cache, monkeypatch):
    seen: dict[int, set[str]] = {}  # id of a frame → the tasks that were handed it
    lock = threading.Lock()

    def frames_of(*args) -> list[pl.DataFrame]:
        found = []
        for arg in args:
            rows = getattr(arg, "rows", arg)
            if isinstance(rows, dict):
                found += [frame for frame in rows.values() if isinstance(frame, pl.DataFrame)]
        return found

    def recorded(function):
        def run(*args, **kwargs):
            task = f"{function.__name__} {args[1] if function.__name__ == 'evaluate_pass' else ''}"
            with lock:
                for frame in frames_of(*args):
                    seen.setdefault(id(frame), set()).add(task)
            return function(*args, **kwargs)

        return run

    for name in ("schema_problems", "reference_problems", "evaluate_pass"):
        monkeypatch.setattr(pro_forma, name, recorded(getattr(pro_forma, name)))
    outcome = run_check(SAMPLE_EXTRACTS_DIR, date(1997, 11, 14), NOTES, prepared_cache)
    assert outcome.answer == "permitted"
    assert len({task for tasks in seen.values() for task in tasks}) == 4  # schema, references, after, before
    assert [tasks for tasks in seen.values() if len(tasks) > 1] == []
