"""`python -m pipelines.certificates.print_worker`: a print worker (pipelines/certificates/printing.py).

It loads the renderer, the print stylesheet and the fonts (printing a line in each face), says `ready`, then reads
one JSON line per document, `{"html": <print edition>, "pdf": <path>}`, writes the PDF and answers `{}`, or
`{"error": <traceback>}`; it ends at the end of its input. It imports the renderer and nothing else:
multiprocessing's spawned children would first re-import the parent's main module (for `make bench` or the Dagster
code location: Polars, Pandera, Dagster).
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import sys
import tempfile
import traceback
from pathlib import Path

from pipelines.certificates.pdf import print_styles, warm_up, write_pdf
from pipelines.layout import CACHE_DIR
from pipelines.processes import running

# WeasyPrint writes the fonts it loads into a temporary folder, which it removes when its font configuration is
# collected: a worker that is killed (with its run, or by a test) never gets there, and each left 0.6 MB in the
# system's temporary folder. Each worker's goes in a folder of its own here, named after its process.
WORKER_FOLDERS = CACHE_DIR / "print-workers"


def own_temporary_folder() -> Path | None:
    """Make this worker's temporary folder the one WeasyPrint writes into, having removed those of workers no longer
    running; None (the system's temporary folder) when the cache folder cannot be written."""
    try:
        WORKER_FOLDERS.mkdir(parents=True, exist_ok=True)
        for folder in WORKER_FOLDERS.iterdir():
            if folder.name.isdigit() and not running(int(folder.name)):
                shutil.rmtree(folder, ignore_errors=True)
        mine = WORKER_FOLDERS / str(os.getpid())
        mine.mkdir(exist_ok=True)
    except OSError:
        return None
    tempfile.tempdir = str(mine)
    return mine


def main() -> None:
    answers, sys.stdout = sys.stdout, sys.stderr  # whatever a library prints must not be taken for an answer
    mine = own_temporary_folder()
    warm_up()
    # A document makes a great many short-lived objects, and the collector's passes over them took a tenth of its time:
    # it runs once after each document instead, over that document's objects only (the renderer's own are frozen).
    gc.freeze()
    gc.disable()
    answers.write("ready\n")
    answers.flush()
    for line in sys.stdin:
        document = json.loads(line)
        try:
            write_pdf(document["html"], Path(document["pdf"]))
            answer = {}
        except Exception:
            answer = {"error": traceback.format_exc()}
        answers.write(json.dumps(answer) + "\n")
        answers.flush()
        gc.collect()  # while the run reads the answer
    # The folder the fonts were loaded into goes with the stylesheet, and the worker's own folder after it; the rest of
    # the interpreter's teardown (a third of a second for WeasyPrint and Pango) would only take a core from the run.
    print_styles.cache_clear()
    gc.unfreeze()
    gc.collect()
    if mine is not None:
        shutil.rmtree(mine, ignore_errors=True)
    os._exit(0)


if __name__ == "__main__":
    main()
