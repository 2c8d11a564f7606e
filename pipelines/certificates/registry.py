"""The document kinds a run issues, found the way SQL and policy files are found: every module of
pipelines/certificates/kinds/ that declares a `DocumentKind` adds that kind, and nothing else must change.

A kind is one template and one declaration: the clause that requires the document, its trigger (which documents a
run issues, from the run's results and any rows the kind read from the database), the clause ids whose results and
inputs it states, and its signatories. The run calls `gather` while its database is open and `render` once the
results are final; every document of every kind is rendered in one pass (one pool of PDF workers).
"""

from __future__ import annotations

import hashlib
import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from functools import cache
from pathlib import Path

import duckdb

from pipelines.certificates import kinds as kinds_package
from pipelines.certificates.evidence import evidence_for
from pipelines.certificates.rendering import DocumentsPrinting, render_html, run_footer, start_documents
from pipelines.fiscal import FiscalQuarter
from pipelines.policy.result import Result
from pipelines.policy.versions import version_parts


@dataclass(frozen=True)
class Signatory:
    """One signature block: the capacity the agreement requires of the person who signs."""

    capacity: str


@dataclass(frozen=True)
class RunFacts:
    """What a trigger may look at: the quarters closed, every result determined up to the run's as-of date (a kind
    keeps the ones of its own period), the rows each kind gathered from the database (by kind name) and the manifest."""

    quarters: list[FiscalQuarter]
    results: list[Result]
    manifest: dict
    gathered: dict[str, list[dict]] = field(default_factory=dict)


FILE_NAME_SAFE = re.compile(r"[A-Za-z0-9._-]+")
FILE_NAME_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


def file_stem(kind: str, reference: str) -> str:
    """`<kind>-<reference>` for a document named after an id from the extracts (an offer, an event): an id with
    characters a file name must not hold ("/", "<") has each replaced by "_" and a hash of the id appended, so that the
    file stays in its folder and two such ids never share a file."""
    if FILE_NAME_SAFE.fullmatch(reference):
        return f"{kind}-{reference}"
    digest = hashlib.sha256(reference.encode()).hexdigest()[:8]
    return f"{kind}-{FILE_NAME_UNSAFE.sub('_', reference)}-{digest}"


@dataclass(frozen=True)
class Document:
    """One document to issue: its file stem (without extension) and the template context particular to it."""

    stem: str
    context: dict


@dataclass(frozen=True)
class DocumentKind:
    name: str  # unique; the stem of its files begins with it, e.g. "indenture-1996-4.06b"
    title: str
    clause_id: str  # the clause that requires the document
    instrument: str
    template: str  # under templates/
    trigger: str  # when the run issues it, in words (docs and the Dagster asset's description)
    states: tuple[str, ...]  # clause ids whose results and inputs the document states
    signatories: tuple[Signatory, ...]
    documents: Callable[[RunFacts], list[Document]]  # the run's documents of this kind; [] when the trigger is not met
    gather: Callable[[duckdb.DuckDBPyConnection, list[FiscalQuarter]], list[dict]] | None = None


@cache
def document_kinds() -> tuple[DocumentKind, ...]:
    """Every DocumentKind declared in pipelines/certificates/kinds/, in name order. Two kinds with one name are an error."""
    found: dict[str, DocumentKind] = {}
    for module_info in sorted(pkgutil.iter_modules(kinds_package.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{kinds_package.__name__}.{module_info.name}")
        for value in vars(module).values():
            if isinstance(value, DocumentKind):
                if value.name in found and found[value.name] is not value:
                    raise ValueError(f"two document kinds are named {value.name}")
                found[value.name] = value
    return tuple(found[name] for name in sorted(found))


def gather(con: duckdb.DuckDBPyConnection, quarters: list[FiscalQuarter]) -> dict[str, list[dict]]:
    """The rows each kind reads from the run's database, read before it closes."""
    return {kind.name: kind.gather(con, quarters) for kind in document_kinds() if kind.gather is not None}


def document_html(kind: DocumentKind, document: Document, manifest: dict, edition: str = "html") -> str:
    """The document's HTML: its own context, plus what every template may use: the kind, its signatories, the run
    footer, the manifest, the evidence schedule of the files the document depends on, and the edition: "html" (the
    file a person opens, with the annex of long evidence) or "print" (what the PDF is rendered from, without it)."""
    generated_from = f"Generated from policies/{kind.instrument} and the extracts listed in manifest.json"
    context = {
        **document.context,
        "kind": kind,
        "signatories": kind.signatories,
        "run": run_footer(manifest, generated_from),
        "manifest": manifest,
        "evidence": evidence_for(manifest, kind.instrument),
        "edition": edition,
        "rules_applied": rules_schedule(document.context),
    }
    return render_html(kind.template, context)


def _results_in(value: object, depth: int = 0) -> list[Result]:
    """The results a document's context states, wherever the kind put them (lists, rows, mappings)."""
    if isinstance(value, Result):
        return [value]
    if depth > 6 or isinstance(value, (str, bytes)):
        return []
    if isinstance(value, dict):
        value = list(value.values())
    elif is_dataclass(value) and not isinstance(value, type):
        value = [getattr(value, f.name) for f in fields(value)]
    if isinstance(value, (list, tuple)):
        return [r for item in value for r in _results_in(item, depth + 1)]
    return []


def rules_schedule(context: dict) -> list[tuple[str, str, str | None]]:
    """One line per version of a rule the document's results applied (the clause's text as an amendment or the
    agreement as signed left it, a parameter, a waiver letter), each once, in clause order."""
    versions = {(v.rule_id, v.version): asdict(v) for r in _results_in(context) for v in r.rules_applied}
    return [version_parts(versions[key]) for key in sorted(versions)]


def render(facts: RunFacts, out_dir: Path) -> list[Path]:
    """Write `<out_dir>/certificates/<stem>.html` and `.pdf` for every document every kind issues in this run."""
    return start_render(facts, out_dir).wait()


def start_render(facts: RunFacts, out_dir: Path) -> DocumentsPrinting:
    """render, returning once the HTML is written and the PDFs are being printed: `wait()` gives render's paths."""
    documents = [
        (document.stem, document_html(kind, document, facts.manifest), document_html(kind, document, facts.manifest, "print"))
        for kind in document_kinds()
        for document in kind.documents(facts)
    ]
    return start_documents(documents, out_dir / "certificates")
