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
import sys
import traceback
from pathlib import Path

from pipelines.certificates.pdf import print_styles, warm_up, write_pdf


def main() -> None:
    answers, sys.stdout = sys.stdout, sys.stderr  # whatever a library prints must not be taken for an answer
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
    # The folder the fonts were loaded into goes with the stylesheet; the rest of the interpreter's teardown (a third
    # of a second for WeasyPrint and Pango) would only take a core from the run.
    print_styles.cache_clear()
    gc.unfreeze()
    gc.collect()
    os._exit(0)


if __name__ == "__main__":
    main()
