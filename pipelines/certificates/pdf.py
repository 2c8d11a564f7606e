"""HTML → PDF with WeasyPrint, in a print worker (pipelines/certificates/print_worker.py), reproducibly.

The PDF carries no timestamp WeasyPrint would invent: its creation date is whatever the HTML's `dcterms.created` meta
says (the run's as-of date), its file identifier is derived from the HTML, and its fonts are the project's own
(pipelines/certificates/fonts.py), embedded whole, so the same HTML renders to the same PDF bytes on any machine with
the same library versions. The stylesheets and fonts are loaded once per process and shared by every PDF.
"""

from __future__ import annotations

import atexit
import hashlib
import io
from functools import cache
from pathlib import Path

from weasyprint import CSS, HTML
from weasyprint.html import UA, UA_COUNTER_STYLE
from weasyprint.text.fonts import FontConfiguration

from pipelines.certificates.fonts import ProjectFonts, deflate_fonts_once
from pipelines.certificates.rendering import STYLESHEET, render_html
from pipelines.layout import TEMPLATES_DIR

# WeasyPrint's rules for footnotes and notes select a pseudo-element of every element, whose style it then computes
# for each: about a tenth of a document's time, for documents that have neither.
NOTE_RULES = ("::footnote-", "::note-")


@cache
def print_styles() -> tuple[CSS, CSS, FontConfiguration]:
    """The user-agent stylesheet less its note rules, the print stylesheet and the project's fonts, loaded once per
    process: parsing them and loading the fonts for each document was a large part of a small document's time."""
    fonts = FontConfiguration()
    user_agent = CSS(string="\n".join(line for line in UA.splitlines() if not line.startswith(NOTE_RULES)), counter_style=UA_COUNTER_STYLE)
    styles = CSS(string=render_html(STYLESHEET, {}), base_url=str(TEMPLATES_DIR), url_fetcher=ProjectFonts(), font_config=fonts)
    # released before the interpreter tears its modules down, which FontConfiguration's finalizer still needs
    atexit.register(print_styles.cache_clear)
    return user_agent, styles, fonts


class _Certificate(HTML):
    """A document as WeasyPrint reads it, with the user-agent stylesheet less its note rules. `_ua_stylesheets` is
    WeasyPrint's own hook, not its API: WeasyPrint is pinned, and tests/certificates/test_printing.py proves the PDF
    byte for byte what WeasyPrint alone writes."""

    def _ua_stylesheets(self, forms: bool = False) -> list[CSS]:
        return [print_styles()[0]]  # documents have no forms


def write_pdf(html: str, path: Path) -> Path:
    """Render `html` to a PDF at `path` with the shared print stylesheet; the PDF identifier is derived from the HTML.

    The project's fonts are embedded whole: subsetting them with fontTools took most of a render, and stamped each
    subset with the time of rendering.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    _print(html, path)
    return path


# a line in each face the stylesheet uses: regular, italic, bold, bold italic and small capitals
WARM_UP = '<p>Warm-up <em>italic</em> <strong>bold <em>italic</em></strong> <span class="status">pass</span> 1,234.00</p>'


def warm_up() -> None:
    """Print a line in every face, so that loading the fonts into Pango and deflating them for the PDF are done
    before the first document comes, while the run is still busy with its database."""
    _print(WARM_UP, io.BytesIO())


def _print(html: str, target: Path | io.BytesIO) -> None:
    identifier = hashlib.sha256(html.encode()).hexdigest()[:32].encode()
    _, styles, fonts = print_styles()
    # Certificates are self-contained: the only thing a render may fetch is one of the project's fonts, and any other
    # fetch stops it, so nothing outside the run's inputs can change a PDF.
    document = _Certificate(string=html, base_url=str(TEMPLATES_DIR), url_fetcher=ProjectFonts())
    # custom_metadata: the run record (the HTML's `covenants-run` meta) goes into the PDF's document information
    document.write_pdf(
        target,
        finisher=deflate_fonts_once,
        stylesheets=[styles],
        font_config=fonts,
        pdf_identifier=identifier,
        full_fonts=True,
        custom_metadata=True,
    )
