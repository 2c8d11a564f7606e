"""Whether a process is still running: what a killed process left, named by its process id (a print worker's fonts, a
prepared database half copied into the cache folder), is removed by the next process that finds it."""

from __future__ import annotations

import os


def running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process, running
        pass
    return True
