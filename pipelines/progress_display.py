"""Progress of a run on stderr, from the records of pipelines.progress: on a terminal a bar per stage (rich), otherwise
one plain line per finished stage; `--quiet` shows nothing."""

from __future__ import annotations

import logging
import sys
from typing import TextIO

from pipelines.progress import ITEMS, LOGGER


class ProgressDisplay(logging.Handler):
    def __init__(self, stream: TextIO | None = None) -> None:
        super().__init__(logging.DEBUG)
        stream = stream or sys.stderr  # looked up now: the stderr of the moment, not the one at import
        self._stream = stream
        self._bars = None
        self._tasks: dict[str, int] = {}
        if stream.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._bars = Progress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=Console(file=stream)
            )

    def emit(self, record: logging.LogRecord) -> None:
        stage = getattr(record, "covenants_stage", None)
        if stage is None:
            return
        if self._bars is None:
            if getattr(record, "finished", False):
                print(record.getMessage(), file=self._stream, flush=True)
            return
        total = getattr(record, "total", None)
        if stage not in self._tasks:
            self._tasks[stage] = self._bars.add_task(stage, total=total)
        task = self._tasks[stage]
        if getattr(record, "finished", False):
            done = self._bars.tasks[task].total or 1  # a stage reported only when finished is one step
            self._bars.update(task, description=record.getMessage(), completed=done, total=done)
        else:
            self._bars.update(task, description=record.getMessage(), completed=record.done, total=total)

    def __enter__(self) -> ProgressDisplay:
        if self._bars is not None:
            self._bars.start()
        LOGGER.setLevel(logging.INFO)  # the finished stages, whatever the levels of the loggers above it
        ITEMS.setLevel(logging.DEBUG)
        LOGGER.addHandler(self)
        ITEMS.addHandler(self)
        return self

    def __exit__(self, *_exc) -> None:
        LOGGER.removeHandler(self)
        ITEMS.removeHandler(self)
        ITEMS.setLevel(logging.NOTSET)
        if self._bars is not None:
            self._bars.stop()
