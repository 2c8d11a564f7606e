"""The print workers: one process per core that turns print editions into PDFs (pipelines/certificates/print_worker.py).

A worker spends most of a second importing WeasyPrint and parsing the print stylesheet before its first page, longer
than a quarter's documents take to print. `start_print_workers()` starts them when a run begins, so that this overlaps
the run's database work; the run's render then takes them and hands each document to whichever worker is free (the
longest first). A render that finds none started starts its own. When it is done it gives them back: the process's
next render takes them ready (a process that closes many quarters, as the test suite's and `make bench`'s, would
otherwise pay two starts, 1.5 s of CPU, for each), and they end when the process exits. A worker that stopped is
never given back or taken: the next render starts new ones.
"""

from __future__ import annotations

import atexit
import json
import os
import select
import subprocess
import sys
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path


class PrintWorker:
    """One worker process. It answers a line `ready` once it can print, then one JSON line per document it is sent."""

    def __init__(self) -> None:
        self.errors = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # a file, not a pipe: it never fills up
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pipelines.certificates.print_worker"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.errors, text=True, encoding="utf-8",
        )  # fmt: skip
        self.ready = False
        self.ended = False  # its output has ended: it stopped, and said why on its error output

    def send(self, print_html: str, pdf: Path) -> None:
        try:
            self.process.stdin.write(json.dumps({"html": print_html, "pdf": str(pdf)}) + "\n")
            self.process.stdin.flush()
        except BrokenPipeError:
            pass  # it stopped: the end of its output, read next, says why

    def receive(self) -> str | None:
        """The next answer: None when it is `ready` or a PDF was written, else what went wrong."""
        line = self.process.stdout.readline()
        if line == "ready\n":
            self.ready = True
            return None
        if not line:
            self.ended = True
            self.process.wait()
            self.errors.seek(0)
            return self.errors.read() or f"a print worker stopped with exit code {self.process.returncode}"
        return json.loads(line).get("error")

    def stop(self) -> None:
        """End the worker: it ends at the end of its input, and a thread reaps it, so nothing waits for its exit."""
        if not self.process.stdin.closed:
            try:
                self.process.stdin.close()
            except BrokenPipeError:
                pass  # it stopped already
        threading.Thread(target=self._reap, daemon=True).start()

    def _reap(self) -> None:
        try:
            self.process.wait(timeout=60)  # one still starting takes seconds to end on a busy machine
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.errors.close()


class PrintWorkers:
    def __init__(self, count: int) -> None:
        self.owner = os.getpid()  # a forked child must not write to its parent's workers
        self.workers = [PrintWorker() for _ in range(count)]

    def wait_ready(self) -> None:
        """Block until every worker can print (`make bench` times the render of a run whose workers started early)."""
        for worker in self.workers:
            if not worker.ready and (error := worker.receive()):
                raise RuntimeError(f"a print worker did not start:\n{error}")

    def print_all(self, documents: Sequence[tuple[str, Path]]) -> None:
        """Write each (print_html, pdf_path), the longest first, each to the first free worker."""
        waiting = sorted(documents, key=lambda document: -len(document[0]))
        by_stream = {worker.process.stdout: worker for worker in self.workers}
        printing: set[PrintWorker] = set()
        failures = []

        def give_next(worker: PrintWorker) -> None:
            if waiting and not worker.ended:
                worker.send(*waiting.pop(0))
                printing.add(worker)

        for worker in self.workers:
            if worker.ready:
                give_next(worker)
        while waiting or printing:
            # a starting worker is heard from too: its `ready` means it can take the next document
            listening = [worker.process.stdout for worker in self.workers if worker in printing or not (worker.ready or worker.ended)]
            if not listening:
                break
            for stream in select.select(listening, [], [])[0]:
                worker = by_stream[stream]
                printing.discard(worker)
                if error := worker.receive():
                    failures.append(error)
                give_next(worker)
        if failures or waiting:
            raise RuntimeError("rendering a PDF failed:\n" + "\n".join(failures or ["every print worker stopped"]))

    def stop(self) -> None:
        for worker in self.workers:
            worker.stop()

    def alive(self) -> bool:
        return self.owner == os.getpid() and all(not worker.ended and worker.process.poll() is None for worker in self.workers)


_started: PrintWorkers | None = None
_lock = threading.Lock()


def start_print_workers() -> PrintWorkers:
    """Start one print worker per core for the next render of this process, unless they are started already, and
    return them. A quarter-end run (or an orchestrator's step that will render) calls it first thing; workers no
    render takes are stopped when the process exits."""
    global _started
    with _lock:
        _started = _alive_or_new(_started)
        return _started


def take_print_workers() -> PrintWorkers:
    """The workers started for this render, or new ones: the caller's alone until it gives them back."""
    global _started
    with _lock:
        workers, _started = _started, None
    return _alive_or_new(workers)


def _alive_or_new(workers: PrintWorkers | None) -> PrintWorkers:
    """`workers` when every one of them can still print; otherwise they are stopped and new ones started."""
    if workers is not None and workers.alive():
        return workers
    if workers is not None:
        workers.stop()
    return PrintWorkers(os.cpu_count() or 1)


def give_back_print_workers(workers: PrintWorkers) -> None:
    """Workers a render is done with, kept for the process's next render; stopped if it has some already, or if one of
    them stopped."""
    global _started
    with _lock:
        kept = _started is None and workers.alive()
        if kept:
            _started = workers
    if not kept:
        workers.stop()


@atexit.register
def stop_print_workers() -> None:
    """Stop the workers started for a render that will not come (a run that issues nothing, or the process's end)."""
    global _started
    with _lock:
        workers, _started = _started, None
    if workers is not None and workers.owner == os.getpid():
        workers.stop()
