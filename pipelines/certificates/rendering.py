"""Jinja → HTML → PDF for every certificate and notice, with exact figures and reproducible output.

One Environment over `templates/`: autoescape=True (the helper `select_autoescape` does not escape `*.html.j2`) and
StrictUndefined, so a misspelt or missing variable stops the run instead of leaving a blank in a signed document.
Amounts are formatted from their Decimal (or decimal string) digits and never pass through a float.
HTML is a pure function of the template and the context. The PDF carries no timestamp WeasyPrint would invent: its
creation date is whatever the HTML's `dcterms.created` meta says (the run's as-of date), its file identifier is
derived from the HTML, and the embedded font subsets carry a fixed timestamp, so the same HTML renders to the same PDF
bytes on the same fonts and library versions.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from datetime import date
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from pipelines.layout import TEMPLATES_DIR
from pipelines.outputs.manifest import manifest_hash
from pipelines.typography import amount, figure, long_date

FONT_TIMESTAMP_EPOCH = "0"  # head.modified of embedded font subsets: a constant, never the time of rendering
_RENDER_LOCK = threading.Lock()


def breakable(value: str) -> Markup:
    """Escape `value` and allow a line break after each "/", so a clause id like indenture-1996/4.09(a)(B) wraps
    between its parts in a narrow column (Unicode line breaking forbids a break between "/" and a digit)."""
    return Markup("/<wbr>").join(escape(part) for part in str(value).split("/"))


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["amount"] = amount
    env.filters["breakable"] = breakable
    env.filters["figure"] = figure
    env.filters["long_date"] = long_date
    return env


def render_html(template: str, context: dict) -> str:
    """Render `templates/<template>` with `context`. Raises jinja2.UndefinedError on any missing variable."""
    return environment().get_template(template).render(context)


@contextmanager
def _font_timestamps_fixed() -> Iterator[None]:
    """Pin the `head.modified` timestamp of the embedded font subsets.

    Without the system library harfbuzz-subset (not installed here), WeasyPrint subsets fonts with fontTools, which
    stamps each subset with the current time unless SOURCE_DATE_EPOCH is set: two renders a second apart then differ
    in those bytes. The variable is set for the render only and restored after; the lock keeps two renders of this
    process from interleaving.
    """
    with _RENDER_LOCK:
        previous = os.environ.get("SOURCE_DATE_EPOCH")
        os.environ["SOURCE_DATE_EPOCH"] = FONT_TIMESTAMP_EPOCH
        try:
            yield
        finally:
            if previous is None:
                del os.environ["SOURCE_DATE_EPOCH"]
            else:
                os.environ["SOURCE_DATE_EPOCH"] = previous


def write_pdf(html: str, path: Path) -> Path:
    """Render `html` to a PDF at `path` with WeasyPrint; the PDF identifier is derived from the HTML."""
    from weasyprint import HTML  # imported here: loading Pango takes a moment and only rendering needs it

    from pipelines.certificates.fonts import ProjectFonts

    path.parent.mkdir(parents=True, exist_ok=True)
    identifier = hashlib.sha256(html.encode()).hexdigest()[:32].encode()
    # Certificates are self-contained (the CSS is inlined from a template): the only thing a render may fetch is one of
    # the project's fonts, and any other fetch stops it, so nothing outside the run's inputs can change a PDF.
    with _font_timestamps_fixed():
        # custom_metadata: the run record (the HTML's `covenants-run` meta) goes into the PDF's document information
        HTML(string=html, base_url=str(TEMPLATES_DIR), url_fetcher=ProjectFonts()).write_pdf(
            path, pdf_identifier=identifier, custom_metadata=True
        )
    return path


def write_documents(documents: Sequence[tuple[str, str]], folder: Path) -> list[Path]:
    """Write each (stem, html) as `<stem>.html` and `<stem>.pdf` in folder; return the paths, HTML then PDF per document.

    WeasyPrint uses one core and a year's statement with hundreds of tests takes seconds, so the PDFs render in
    parallel processes (spawned, not forked: the caller may hold DuckDB or Dagster threads).
    """
    if not documents:
        return []
    folder.mkdir(parents=True, exist_ok=True)
    html_paths = [folder / f"{stem}.html" for stem, _ in documents]
    pdf_paths = [folder / f"{stem}.pdf" for stem, _ in documents]
    for path, (_, html) in zip(html_paths, documents):
        path.write_bytes(html.encode("utf-8"))
    htmls = [html for _, html in documents]
    workers = min(len(documents), os.cpu_count() or 1)
    if workers == 1:
        list(map(write_pdf, htmls, pdf_paths))
    else:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            list(pool.map(write_pdf, htmls, pdf_paths))
    return [path for pair in zip(html_paths, pdf_paths) for path in pair]


RECORD_KEYS = ("run_id", "as_of", "periods", "options", "code")


def run_record(manifest: dict) -> str:
    """The run as JSON, carried in every document's metadata (HTML meta `covenants-run`, PDF document information):
    what `covenants verify` needs to re-run it (periods, options, as-of) and to tell a different run or code from a
    different rendering (run id, manifest hash, code version)."""
    record = {key: manifest[key] for key in RECORD_KEYS if key in manifest}
    return json.dumps({**record, "manifest_hash": manifest_hash(manifest)}, sort_keys=True)


def run_footer(manifest: dict, generated_from: str) -> dict:
    """What every certificate page carries so it can be traced and regenerated: run id, manifest hash, as-of, commit."""
    return {
        "record": run_record(manifest),
        "run_id": manifest["run_id"],
        "manifest_hash": manifest_hash(manifest),
        "as_of": date.fromisoformat(manifest["as_of"]),
        "git_commit": manifest["code"]["git_commit"],
        "source_sha256": manifest["code"]["source_sha256"],
        "generated_from": generated_from,
    }
