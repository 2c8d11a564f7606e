"""What a run is doing, as Python log records of the `covenants.progress` logger.

The steps of the Dagster job report each finished stage at INFO on `covenants.progress`, which the instance keeps in
the run's logs (pipelines/instance.py), and each item (an extract read, a model built) at DEBUG on
`covenants.progress.items`, which does not propagate: only `covenants run` shows the items, on stderr
(pipelines/progress_display.py). Without that, a run's log would keep a record per item whenever the display had
turned DEBUG on: 180 for one quarter, each stored as an event.
"""

from __future__ import annotations

import logging

LOGGER = logging.getLogger("covenants.progress")
ITEMS = logging.getLogger("covenants.progress.items")
ITEMS.propagate = False


def item(stage: str, done: int, total: int, what: str) -> None:
    ITEMS.debug("%s: %s", stage, what, extra={"covenants_stage": stage, "done": done, "total": total})


def finished(stage: str, summary: str) -> None:
    LOGGER.info("%s: %s", stage, summary, extra={"covenants_stage": stage, "finished": True})
