"""The print workers: started before the render that takes them, each document to the first free worker, every
failure reported and no worker waited for."""

from __future__ import annotations

import pytest

from pipelines.certificates.printing import PrintWorkers, start_print_workers, stop_print_workers
from pipelines.certificates.rendering import write_documents

PAGE = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{0}</title></head><body><p>{0}</p></body></html>'


def test_workers_started_early_print_the_next_render_and_end_after_it(tmp_path):
    workers = start_print_workers()
    assert start_print_workers() is workers  # started once, whoever asks again
    written = write_documents([("a", PAGE.format("a"), PAGE.format("a")), ("b", PAGE.format("b"), PAGE.format("b"))], tmp_path)
    assert [p.name for p in written] == ["a.html", "a.pdf", "b.html", "b.pdf"]
    assert all(p.read_bytes().startswith(b"%PDF") for p in written[1::2])
    assert [worker.process.wait(timeout=10) for worker in workers.workers] == [0] * len(workers.workers)
    assert start_print_workers() is not workers  # the next run gets its own
    stop_print_workers()


def test_a_run_that_issues_nothing_stops_the_workers_it_started(tmp_path):
    workers = start_print_workers()
    assert write_documents([], tmp_path) == []
    assert [worker.process.wait(timeout=10) for worker in workers.workers] == [0] * len(workers.workers)


def test_a_document_that_fails_is_reported_and_the_others_are_printed(tmp_path):
    fetching = '<p>x<img src="https://example.com/x.png"></p>'  # the renderer fetches nothing but the project's fonts
    workers = PrintWorkers(2)
    with pytest.raises(RuntimeError, match="rendering a PDF failed") as failure:
        workers.print_all([(fetching, tmp_path / "bad.pdf"), (PAGE.format("good"), tmp_path / "good.pdf")])
    workers.stop()
    assert "https://example.com/x.png" in str(failure.value)
    assert (tmp_path / "good.pdf").read_bytes().startswith(b"%PDF")
    assert not (tmp_path / "bad.pdf").exists()


def test_a_worker_that_dies_is_reported_and_nothing_waits_for_it(tmp_path):
    workers = PrintWorkers(2)
    workers.workers[0].process.kill()
    with pytest.raises(RuntimeError, match="exit code -9"):
        workers.print_all([(PAGE.format(n), tmp_path / f"{n}.pdf") for n in range(3)])
    workers.stop()
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == ["0.pdf", "1.pdf", "2.pdf"]  # the other printed them all
