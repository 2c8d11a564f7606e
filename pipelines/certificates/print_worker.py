"""`python -m pipelines.certificates.print_worker HTML PDF [HTML PDF ...]`: render each print edition to its PDF.

The PDFs of a run render in worker processes of this module rather than in multiprocessing's spawned children, which
re-import the parent's main module (for `make bench` or the Dagster code location: Polars, Pandera, Dagster) before
their first document; this imports the renderer and nothing else.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pipelines.certificates.rendering import write_pdf


def main(arguments: list[str]) -> None:
    pairs = list(zip(arguments[::2], arguments[1::2], strict=True))
    for html, pdf in pairs:
        write_pdf(Path(html).read_text(encoding="utf-8"), Path(pdf))


if __name__ == "__main__":
    main(sys.argv[1:])
