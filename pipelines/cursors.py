"""Work on one DuckDB database done two pieces at a time, each on a cursor of its own, and given back in its order.

DuckDB binds and plans a statement on one core and releases Python's lock while it runs, and most of what a run asks
of it is small (a model of a few thousand rows, an extract of a few hundred): two threads keep both cores of the
machine busy where one left the second idle. The SQL models are built this way (the sample's 146: 1.3 to 1.5 s one
after another, 0.7 to 0.86 s two at a time) and the extracts loaded (the sample's 38: 1.2 to 1.4 s, 0.8 to 0.9 s);
docs/performance.md. A piece that reads what another makes waits for it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Generic, TypeVar

import duckdb

WORKERS = 2
Piece = TypeVar("Piece")
Done = TypeVar("Done")


def each_in_order(
    con: duckdb.DuckDBPyConnection,
    pieces: list[Piece],
    work: Callable[[duckdb.DuckDBPyConnection, Piece], Done],
    name: Callable[[Piece], Hashable],
    reads: Callable[[Piece], Iterable[Hashable]] = lambda piece: (),
    thread_name: str = "duckdb-work",
) -> Iterator[tuple[Piece, Done]]:
    """Each piece with what `work(cursor, piece)` gave, yielded in the given order as soon as it and those before it
    are done. WORKERS threads do them, each on a cursor of `con` of its own; a piece starts once the pieces it `reads`
    (by `name`) are done, and must come after them in the order. Nothing else may use `con` until the iteration ends,
    and no transaction may be open on it: each cursor commits what it does on its own.

    As if done one after another: when a piece fails, the pieces before it are done and yielded, then its error is
    raised. No piece after it is started once it has failed (one the other thread had started by then may be done,
    and is not yielded). Closing the iteration early waits for the pieces being done."""
    shared = _Shared(pieces, work, name, reads)
    workers = [threading.Thread(target=shared.work_on, args=(con.cursor(),), name=thread_name, daemon=True) for _ in range(min(WORKERS, len(pieces)))]
    for worker in workers:
        worker.start()
    try:
        yield from shared.in_order()
    finally:
        shared.stop()
        for worker in workers:
            worker.join()


class _Shared(Generic[Piece, Done]):
    """What the threads share, under one lock: the pieces waiting, done and failed."""

    def __init__(self, pieces: list[Piece], work, name, reads):
        self.pieces = pieces
        self.work = work
        self.names = [name(p) for p in pieces]
        self.position = {n: i for i, n in enumerate(self.names)}
        self.reads = [[self.position[r] for r in reads(p) if r in self.position] for p in pieces]
        for i, read in enumerate(self.reads):
            if later := [self.names[j] for j in read if j >= i]:
                raise ValueError(f"{self.names[i]} reads {', '.join(map(str, later))}, which the list has after it")
        self.waiting = list(range(len(pieces)))
        self.done: dict[int, Done] = {}
        self.failed: dict[int, BaseException] = {}
        self.stopped = False
        self.changed = threading.Condition()

    def _take(self) -> int | None:
        """The first waiting piece whose reads are done and that comes before every piece that failed; None when there
        is no such piece left."""
        with self.changed:
            while True:
                limit = min(self.failed, default=len(self.pieces))
                candidates = [i for i in self.waiting if i < limit]
                if self.stopped or not candidates:
                    return None
                ready = next((i for i in candidates if all(j in self.done for j in self.reads[i])), None)
                if ready is not None:
                    self.waiting.remove(ready)
                    return ready
                self.changed.wait()

    def work_on(self, cursor: duckdb.DuckDBPyConnection) -> None:
        try:
            while (i := self._take()) is not None:
                try:
                    done = self.work(cursor, self.pieces[i])
                except BaseException as error:  # noqa: BLE001 - raised in the thread that iterates
                    with self.changed:
                        self.failed[i] = error
                        self.changed.notify_all()
                    continue
                with self.changed:
                    self.done[i] = done
                    self.changed.notify_all()
        finally:
            cursor.close()

    def in_order(self) -> Iterator[tuple[Piece, Done]]:
        for i, piece in enumerate(self.pieces):
            with self.changed:
                while i not in self.done and i not in self.failed:
                    self.changed.wait()
                if i in self.failed:
                    raise self.failed[i]
                done = self.done[i]
            yield piece, done

    def stop(self) -> None:
        with self.changed:
            self.stopped = True
            self.changed.notify_all()
