"""The output folder: replaced whole, and only when the product made it.

A run writes into a staging folder beside `--out` and swaps it into place only when everything succeeded, so earlier
outputs are never half-overwritten. Because the swap removes what `--out` held, the folder must be one the product
created itself (it carries MARKER) or an empty one; and it may not be, hold or sit inside the extracts, the project's
own folders, the project or the home folder, whatever the marker says. One run at a time writes a given folder: a lock
file beside it is held for the whole run, and under that lock whatever a killed run left beside it (a staging folder,
or the earlier outputs moved aside mid-swap) is cleaned up or put back.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from pipelines.layout import ROOT

MARKER = ".covenants-output"
_MARKER_TEXT = "Written by covenants. The next run into this folder replaces it whole.\n"

# The project's own folders: an output there would replace or mix with the project itself.
_PROJECT_FOLDERS = ("pipelines", "policies", "sql", "templates", "tests", "docs", "sample", ".git")


class OutputRefused(Exception):
    """The folder may not be replaced by a run (exit 2: nothing was written)."""


class OutputBusy(Exception):
    """Another run is writing the same folder (exit 4: nothing was written)."""


def _overlap(out_dir: Path, folder: Path) -> str | None:
    if out_dir == folder:
        return "is"
    if folder.is_relative_to(out_dir):
        return "contains"
    if out_dir.is_relative_to(folder):
        return "lies inside"
    return None


def refuse_location(out_dir: Path, inputs: dict[str, Path]) -> None:
    """Raise OutputRefused when out_dir is, holds or lies inside what a run reads or the project is made of. `inputs`
    names the folders the run reads (the extracts, a cache)."""
    for name, folder in {"the project": ROOT, "the home folder": Path.home().resolve()}.items():
        if (how := _overlap(out_dir, folder)) in ("is", "contains"):
            raise OutputRefused(f"--out {out_dir} {how} {name} ({folder}); choose a folder of its own")
    guarded = {**{name: path.resolve() for name, path in inputs.items()}, **{f"the project's {f} folder": ROOT / f for f in _PROJECT_FOLDERS}}
    for name, folder in guarded.items():
        if (how := _overlap(out_dir, folder)) is not None:
            raise OutputRefused(f"--out {out_dir} {how} {name} ({folder}); choose a folder of its own")
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputRefused(f"--out {out_dir} is a file, not a folder")


def refuse_foreign(folder: Path) -> None:
    """Raise OutputRefused when folder holds anything and covenants did not make it."""
    if folder.is_dir() and not (folder / MARKER).exists() and any(folder.iterdir()):
        raise OutputRefused(
            f"{folder} holds files that covenants did not write (it has no {MARKER} file), and a run replaces its "
            "folder whole; choose a new or empty folder"
        )


@contextmanager
def _lock(out_dir: Path) -> Iterator[None]:
    """Hold `.<out>.lock` beside out_dir for the block, and remove it after; the system releases the lock when the
    process dies, so a killed run's lock file blocks no one and goes with the next run."""
    path = out_dir.with_name(f".{out_dir.name}.lock")
    busy = OutputBusy(f"another run is writing {out_dir} now; nothing was written, try again when it has finished")
    with path.open("a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise busy from None
        if not path.exists() or path.stat().st_ino != os.fstat(handle.fileno()).st_ino:
            raise busy  # the run that held it has just finished and removed it: ours is a stale copy
        try:
            yield
        finally:
            path.unlink(missing_ok=True)


def _recover(out_dir: Path) -> None:
    """What a killed run left beside out_dir: its staging folders go; earlier outputs it had moved aside come back if
    the new ones never took their place (else they go too). Called under the lock, so no live run owns them."""
    for previous in sorted(out_dir.parent.glob(f".{out_dir.name}.previous-*")):
        if not out_dir.exists():
            previous.rename(out_dir)
        else:
            shutil.rmtree(previous, ignore_errors=True)
    for staging in out_dir.parent.glob(f".{out_dir.name}.staging-*"):
        shutil.rmtree(staging, ignore_errors=True)


def marked_folder(folder: Path) -> Path:
    """Create folder (and its parents) as one the product writes, with its marker. Raises OutputRefused when it
    exists and holds what the product did not write."""
    refuse_foreign(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).write_text(_MARKER_TEXT)
    return folder


class StagedFolder:
    """A fresh folder beside out_dir, held for a whole run (which may span several steps of a Dagster job): `open()`
    refuses a folder that may not be replaced, takes the lock and cleans up after a killed run; `publish()` swaps the
    staging folder into place; `close()` discards it unless published, and releases the lock.

    `open()` raises OutputRefused (before anything is written) when out_dir may not be replaced, OutputBusy when another
    run holds it, OSError when the folder beside it cannot be written.
    """

    def __init__(self, out_dir: Path, inputs: dict[str, Path]) -> None:
        self.out_dir = out_dir.resolve()
        self._inputs = inputs
        self._held = ExitStack()
        self.staging: Path | None = None
        self.published = False

    def open(self) -> Path:
        refuse_location(self.out_dir, self._inputs)
        self.out_dir.parent.mkdir(parents=True, exist_ok=True)
        self._held.enter_context(_lock(self.out_dir))
        try:
            _recover(self.out_dir)
            refuse_foreign(self.out_dir)
            self.staging = marked_folder(self.out_dir.with_name(f".{self.out_dir.name}.staging-{os.getpid()}"))
        except BaseException:
            self._held.close()
            raise
        return self.staging

    def publish(self) -> None:
        previous = self.out_dir.with_name(f".{self.out_dir.name}.previous-{os.getpid()}")
        if self.out_dir.exists():
            self.out_dir.rename(previous)
        self.staging.rename(self.out_dir)
        self.published = True
        shutil.rmtree(previous, ignore_errors=True)

    def close(self) -> None:
        if self.staging is not None and not self.published:
            shutil.rmtree(self.staging, ignore_errors=True)
        self._held.close()


@contextmanager
def staged(out_dir: Path, inputs: dict[str, Path]) -> Iterator[Path]:
    """A fresh folder beside out_dir that replaces it whole if the block succeeds, and vanishes if it fails
    (StagedFolder, for a block of one process)."""
    folder = StagedFolder(out_dir, inputs)
    try:
        yield folder.open()
        folder.publish()
    finally:
        folder.close()
