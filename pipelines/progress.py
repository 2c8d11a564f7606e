"""What a run is doing, as Python log records of the `covenants.progress` logger.

The steps of the Dagster job report each item (an extract read, a model built, a document rendered) at DEBUG and each
finished stage at INFO: the instance keeps the INFO records in the run's logs (pipelines/instance.py), and
`covenants run` shows both on stderr (pipelines/outputs/progress_display.py).
"""

from __future__ import annotations

import logging

LOGGER = logging.getLogger("covenants.progress")


def item(stage: str, done: int, total: int, what: str) -> None:
    LOGGER.debug("%s: %s", stage, what, extra={"covenants_stage": stage, "done": done, "total": total})


def finished(stage: str, summary: str) -> None:
    LOGGER.info("%s: %s", stage, summary, extra={"covenants_stage": stage, "finished": True})
