"""Jinja → HTML → PDF for every certificate and notice, with exact figures and reproducible output.

One Environment over `templates/`: autoescape=True (the helper `select_autoescape` does not escape `*.html.j2`) and
StrictUndefined, so a misspelt or missing variable stops the run instead of leaving a blank in a signed document.
Amounts are formatted from their Decimal (or decimal string) digits and never pass through a float.
HTML is a pure function of the template and the context; the print workers render it to PDF, reproducibly
(pipelines/certificates/pdf.py).
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Sequence
from datetime import date
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from pipelines.certificates.printing import give_back_print_workers, take_print_workers
from pipelines.layout import TEMPLATES_DIR
from pipelines.outputs.manifest import manifest_hash
from pipelines.scenario.marking import banner
from pipelines.typography import amount, exact_amount, figure, long_date

STYLESHEET = "certificate.css.j2"  # the print stylesheet every document shares
def clause(value: str) -> Markup:
    """A clause id as one unbreakable token: `indenture-1996/4.09(a)(B)` never wraps at its "/" or inside a word."""
    return Markup('<span class="clause">{}</span>').format(value)


CLAUSE_ID = re.compile(r"\b(?:indenture-1996|ca-1994|ppca-2002)/[A-Za-z0-9.()/-]+")
# "§ 4.10(a)", "§§ 1.1(a)": a section sign never ends a line apart from its number
SECTION_NUMBER = re.compile(r"§§? \d+(?:\.\d+)*(?:\([A-Za-z0-9]+\))*")


def _clause_token(found: str) -> str:
    """The clause id a match holds, less the sentence's own punctuation: a final "." or an unbalanced ")"."""
    while found and (found[-1] in ".-/" or (found[-1] == ")" and found.count(")") > found.count("("))):
        found = found[:-1]
    return found


def _section_numbers_in(text: str) -> Markup:
    pieces, position = [], 0
    for match in SECTION_NUMBER.finditer(text):
        pieces.append(Markup.escape(text[position:match.start()]))
        pieces.append(Markup('<span class="nowrap">{}</span>').format(match.group()))
        position = match.end()
    pieces.append(Markup.escape(text[position:]))
    return Markup("").join(pieces)


def clauses_in(text: str) -> Markup:
    """Escape `text` and set every clause id and section number in it as one unbreakable token, so prose can wrap but
    an id or a "§ 4.10(a)" cannot."""
    pieces, position = [], 0
    for match in CLAUSE_ID.finditer(text):
        token = _clause_token(match.group())
        pieces.append(_section_numbers_in(text[position:match.start()]))
        pieces.append(clause(token))
        position = match.start() + len(token)
    pieces.append(_section_numbers_in(text[position:]))
    return Markup("").join(pieces)


OPERATOR_SYMBOLS = {">=": "≥", "<=": "≤", "!=": "≠"}  # one glyph each, so `<=` can never wrap between "<" and "="


def operator(value: str) -> Markup:
    return Markup('<span class="op">{}</span>').format(OPERATOR_SYMBOLS.get(value, value))


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
    env.filters["exact"] = exact_amount
    env.filters["clause"] = clause
    env.filters["clauses_in"] = clauses_in
    env.filters["operator"] = operator
    env.filters["figure"] = figure
    env.filters["long_date"] = long_date
    return env


def render_html(template: str, context: dict) -> str:
    """Render `templates/<template>` with `context`. Raises jinja2.UndefinedError on any missing variable."""
    return environment().get_template(template).render(context)


def write_documents(documents: Sequence[tuple[str, str, str]], folder: Path) -> list[Path]:
    """Write each (stem, html, print_html) as `<stem>.html` and, rendered from print_html, `<stem>.pdf` in folder;
    return the paths, HTML then PDF per document.

    WeasyPrint uses one core, so the PDFs are printed by one worker process per core (pipelines/certificates/
    printing.py), started when the run began if it asked for them.
    """
    return start_documents(documents, folder).wait()


class DocumentsPrinting:
    """Documents whose HTML is written and whose PDFs the print workers are printing, handed out by a thread of this
    process (it mostly waits on their answers), while the caller writes its other files: `wait` returns the paths as
    write_documents does, or raises what stopped the printing."""

    def __init__(self, paths: list[Path], workers=None, documents: Sequence[tuple[str, Path]] = ()) -> None:
        self.paths = paths
        self._failure: BaseException | None = None
        self._thread = None
        if workers is not None:
            self._thread = threading.Thread(target=self._print, args=(workers, documents), name="print-documents", daemon=True)
            self._thread.start()

    def _print(self, workers, documents: Sequence[tuple[str, Path]]) -> None:
        try:
            workers.print_all(documents)
        except BaseException as failure:  # raised by wait(), in the caller's thread
            self._failure = failure
        finally:
            give_back_print_workers(workers)

    def wait(self) -> list[Path]:
        if self._thread is not None:
            self._thread.join()
        if self._failure is not None:
            raise self._failure
        return self.paths


def start_documents(documents: Sequence[tuple[str, str, str]], folder: Path) -> DocumentsPrinting:
    """write_documents, returning as soon as the HTML is written and the PDFs are handed to the print workers."""
    if not documents:  # the workers started for this render are left for the process's next
        return DocumentsPrinting([])
    folder.mkdir(parents=True, exist_ok=True)
    html_paths = [folder / f"{stem}.html" for stem, _, _ in documents]
    pdf_paths = [folder / f"{stem}.pdf" for stem, _, _ in documents]
    for path, (_, html, _) in zip(html_paths, documents):
        path.write_bytes(html.encode("utf-8"))
    paths = [path for pair in zip(html_paths, pdf_paths) for path in pair]
    return DocumentsPrinting(paths, take_print_workers(), [(print_html, pdf) for (_, _, print_html), pdf in zip(documents, pdf_paths)])


RECORD_KEYS = ("run_id", "as_of", "periods", "options", "code")


def run_record(manifest: dict) -> str:
    """The run as JSON, carried in every document's metadata (HTML meta `covenants-run`, PDF document information):
    what `covenants verify` needs to re-run it (periods, options, as-of) and to tell a different run or code from a
    different rendering (run id, manifest hash, code version: the sha256 of the source files, never the git commit)."""
    record = {key: manifest[key] for key in RECORD_KEYS if key in manifest}
    return json.dumps({**record, "manifest_hash": manifest_hash(manifest)}, sort_keys=True)


def run_footer(manifest: dict, generated_from: str) -> dict:
    """What every certificate page carries so it can be traced and regenerated: run id, manifest hash, as-of, code sha256."""
    return {
        "record": run_record(manifest),
        "run_id": manifest["run_id"],
        "manifest_hash": manifest_hash(manifest),
        "as_of": date.fromisoformat(manifest["as_of"]),
        "source_sha256": manifest["code"]["source_sha256"],
        "generated_from": generated_from,
        "rules_as_of": (manifest.get("options") or {}).get("rules_as_of"),
        "scenario_banner": banner(manifest),  # a scenario's documents are marked on every page (base template)
    }
