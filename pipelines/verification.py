"""`covenants verify FILE`: re-run a quarter-end run from what a document or manifest names, and compare byte for byte.

A certificate (HTML or PDF) carries its run record (the `covenants-run` meta of the HTML, the same JSON in the PDF's
document information): run id, manifest hash, as-of date, periods, the `covenants run` options and the code version.
The folder of the extracts is not in the document, so that the same files give the same document wherever they sit:
it is read from the manifest.json of the document's run folder (`<out>/manifest.json` beside `<out>/certificates/`),
or given with `--extracts`. The re-run's document is the one with the same file name, else the same title.

Outcomes: confirmed (every byte the same), refuted (what differs is listed: inputs and policy files whose hashes
changed, the code version, the run id, the lines of the document that differ), or not verifiable (the file carries no
run record, or an input it names is missing: named). The code version is the sha256 of the product's source files; a
different git commit (manifest.json records the checkout's beside the run) is told as a note and refutes nothing.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import tempfile
import zlib
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from pipelines.extracts.reading import ExtractMissing
from pipelines.layout import ROOT
from pipelines.outputs.manifest import identity

RECORD_META = "covenants-run"
PDF_RECORD_KEY = b"covenantsrun"  # WeasyPrint keeps only the letters and digits of a custom meta name
MAX_DIFF_LINES = 24
MAX_LINE = 160  # a differing line is cut to this many characters: the run record's meta line alone is 500
STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.S)


class NotVerifiable(Exception):
    """The file cannot be checked: it carries no run record, or the inputs it names are not to be found."""


@dataclass
class Verdict:
    confirmed: bool
    checked: list[str] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # information that refutes nothing: another git commit


class _HeadReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.record: str | None = None
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        values = dict(attrs)
        if tag == "meta" and values.get("name") == RECORD_META:
            self.record = values.get("content")
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def _pdf_string(chunk: bytes, key: bytes) -> str | None:
    """The value of `/key` in a PDF dictionary within `chunk`: a literal `( ... )` or a UTF-16 hex `< ... >` string."""
    found = re.search(rb"/" + re.escape(key) + rb"\s*(\(|<)", chunk)
    if not found:
        return None
    start = found.end()
    if found.group(1) == b"<":
        end = chunk.find(b">", start)
        try:
            raw = bytes.fromhex(chunk[start:end].decode("ascii"))
            return raw.decode("utf-16") if raw.startswith(b"\xfe\xff") else raw.decode("latin-1")
        except (ValueError, UnicodeDecodeError):  # a damaged file: no readable string
            return None
    text, index = bytearray(), start
    while index < len(chunk) and chunk[index:index + 1] != b")":
        if chunk[index:index + 1] == b"\\":
            index += 1
        text += chunk[index:index + 1]
        index += 1
    return text.decode("latin-1") if index < len(chunk) else None


def _pdf_information(data: bytes) -> bytes | None:
    """The PDF's document information dictionary (the one holding the run record), searched in the file's bytes and
    in every Flate stream decompressed: it may sit in a compressed object stream."""
    chunks = [data]
    for stream in STREAM.finditer(data):
        try:
            chunks.append(zlib.decompressobj().decompress(stream.group(1)))
        except zlib.error:
            continue
    for chunk in chunks:
        at = chunk.find(b"/" + PDF_RECORD_KEY)
        if at >= 0:
            return chunk[chunk.rfind(b"<<", 0, at):chunk.find(b">>", at) + 2]
    return None


def document_head(path: Path) -> tuple[dict, str]:
    """The run record and the title a certificate carries. Raises NotVerifiable when it carries no record."""
    data = path.read_bytes()
    if path.suffix.lower() == ".pdf":
        information = _pdf_information(data) or b""
        record, title = _pdf_string(information, PDF_RECORD_KEY), _pdf_string(information, b"Title") or ""
    else:
        reader = _HeadReader()
        reader.feed(data.decode("utf-8", errors="replace"))
        record, title = reader.record, reader.title.strip()
    if not record:
        raise NotVerifiable(f"{path} carries no run record: it is not a certificate of this product, or was altered")
    try:
        parsed = json.loads(record)
    except json.JSONDecodeError:
        parsed = None
    if not isinstance(parsed, dict) or not isinstance(parsed.get("run_id"), str):
        raise NotVerifiable(f"{path}: its run record is not readable")
    return parsed, title


def _read_manifest(path: Path) -> dict:
    try:
        return json.loads(path.read_text())
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise NotVerifiable(f"{path} is not a readable manifest.json ({error})") from None


def _run_manifest_beside(document: Path, record: dict) -> dict | None:
    """The manifest.json of the document's run folder, when it is that run's (same run id)."""
    for candidate in (document.parent / "manifest.json", document.parent.parent / "manifest.json"):
        if candidate.is_file():
            manifest = _read_manifest(candidate)
            if manifest.get("run_id") == record.get("run_id"):
                return manifest
    return None


def _extracts_folder(manifest: dict | None, given: Path | None) -> Path:
    if given is not None:
        folder = given
    elif manifest and manifest.get("location", {}).get("extracts"):
        folder = Path(manifest["location"]["extracts"])
    else:
        raise NotVerifiable("the folder of the extracts is not known: no manifest.json of the run beside the document; give it with --extracts")
    if not folder.is_dir():
        raise NotVerifiable(f"the extracts folder {folder} does not exist; give the folder holding the run's extracts with --extracts")
    return folder


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def input_differences(manifest: dict, extracts: Path) -> list[str]:
    """What changed in the extracts and policy files the manifest names. Raises NotVerifiable naming missing extracts."""
    missing = sorted(name for name in manifest.get("inputs", {}) if not (extracts / name).is_file())
    if missing:
        raise NotVerifiable(f"input {', '.join(missing)} named by the run's manifest is not in {extracts}")
    changed = [
        f"input {name}: sha256 {digest[:12]}… in the run, {_sha256(extracts / name)[:12]}… now"
        for name, digest in sorted(manifest.get("inputs", {}).items())
        if _sha256(extracts / name) != digest
    ]
    for name, digest in sorted(manifest.get("policies", {}).items()):
        path = Path(name) if Path(name).is_absolute() else ROOT / name
        if not path.is_file():
            changed.append(f"policy file {name}: named by the run, no longer in the project")
        elif _sha256(path) != digest:
            changed.append(f"policy file {name}: changed since the run")
    return changed


def _code_difference(given: dict, rerun: dict) -> list[str]:
    """How the code version of the run (the sha256 of its source files) differs from this checkout's, in words."""
    made, here = given.get("source_sha256", "unknown"), rerun.get("source_sha256", "unknown")
    if made == here:
        return []
    return [f"code: the run's code, SQL models and templates have sha256 {made[:12]}…, this checkout's {here[:12]}…"]


def _commit_note(given: dict | None, rerun: dict) -> list[str]:
    """Another git commit, as information: the source files' sha256 alone says whether the code is the same."""
    made, here = (given or {}).get("git_commit"), rerun.get("git_commit")
    if not made or not here or made == here:
        return []
    return [f"the run was made at git commit {made}, this checkout is at {here}; only the source files' sha256 counts"]


def _rerun(record: dict, extracts: Path, folder: Path, differences: list[str]) -> Path | None:
    """The re-run's output folder; None, with the reason added to `differences`, when the extracts are now refused
    (a document the extracts no longer give is refuted, not unverifiable)."""
    from pipelines.extracts.ingest import BadExtracts
    from dagster import DagsterInstance

    from pipelines.run_job import run_quarter_end  # imported here: the run's modules are no part of reading a record

    options = record.get("options")
    if options is None:
        raise NotVerifiable("the run records no `covenants run` options (it was made by the Dagster job): it cannot be re-run from here")
    if options.get("scenario"):
        raise NotVerifiable(f"it is a document of the scenario {options['scenario']['name']!r}, not for delivery: only a run of the extracts as they are is verified")
    as_of = date.fromisoformat(options["as_of"]) if options.get("as_of") else None
    rules_as_of = date.fromisoformat(options["rules_as_of"]) if options.get("rules_as_of") else None
    try:
        # a scratch instance: a verification is no run of the Company's to list in the UI; fresh: everything derived
        # again from the files, not from a database an earlier run (perhaps the very run verified) prepared; nothing
        # kept: an old certificate's files would push a database the next run wants out of the cache folder
        outcome = run_quarter_end(
            extracts, folder / "rerun", period=options.get("period"), as_of=as_of, instance=DagsterInstance.ephemeral(), rules_as_of=rules_as_of,
            fresh=True, keep=False,
        )
    except ExtractMissing as missing:
        raise NotVerifiable(str(missing)) from None
    except BadExtracts as bad:
        differences.append(f"the re-run refuses the extracts in {extracts}, so issues nothing; {bad.summary(limit=5)}")
        return None
    if json.loads((outcome.out_dir / "manifest.json").read_text())["periods"] != record.get("periods"):
        raise NotVerifiable(f"the extracts in {extracts} no longer cover the run's periods {', '.join(record.get('periods', []))}")
    return outcome.out_dir


def _text_differences(original: bytes, rerun: bytes, label: str) -> list[str]:
    lines = list(
        difflib.unified_diff(
            original.decode("utf-8", errors="replace").splitlines(),
            rerun.decode("utf-8", errors="replace").splitlines(),
            fromfile=f"{label} as given",
            tofile=f"{label} re-run",
            lineterm="",
            n=0,
        )
    )
    shown = [f"  {line[:MAX_LINE]}{'…' if len(line) > MAX_LINE else ''}" for line in lines[:MAX_DIFF_LINES]]
    if len(lines) > MAX_DIFF_LINES:
        shown.append(f"  … {len(lines) - MAX_DIFF_LINES} more lines differ")
    return shown


def _counterpart(document: Path, title: str, rerun_certificates: Path) -> Path | None:
    same_name = rerun_certificates / document.name
    if same_name.is_file():
        return same_name
    for candidate in sorted(rerun_certificates.glob(f"*{document.suffix.lower()}")):
        if title and document_head(candidate)[1] == title:
            return candidate
    return None


def _compare_document(document: Path, rerun: Path, title: str) -> list[str]:
    """What differs between a document and its re-run; empty when they are the same bytes."""
    counterpart = _counterpart(document, title, rerun / "certificates")
    if counterpart is None:
        return [f"{document.name}: the re-run issues no such document ({title or 'untitled'})"]
    given = document.read_bytes()
    again = counterpart.read_bytes()
    if given == again:
        return []
    differences = [f"{document.name}: differs from the re-run's {counterpart.name} ({len(given)} bytes, {len(again)} re-run)"]
    if document.suffix.lower() == ".pdf":
        html = document.with_suffix(".html")
        if html.is_file():
            return differences + _text_differences(html.read_bytes(), counterpart.with_suffix(".html").read_bytes(), html.name)
        return differences
    return differences + _text_differences(given, again, document.name)


def verify_document(document: Path, extracts: Path | None = None) -> Verdict:
    record, title = document_head(document)
    manifest = _run_manifest_beside(document, record)
    folder = _extracts_folder(manifest, extracts)
    differences = input_differences(manifest, folder) if manifest else []
    with tempfile.TemporaryDirectory(prefix="covenants-verify-") as scratch:
        rerun = _rerun(record, folder, Path(scratch), differences)
        if rerun is None:
            return Verdict(confirmed=False, checked=[document.name], differences=differences)
        rerun_manifest = _read_manifest(rerun / "manifest.json")
        differences += _code_difference(record.get("code", {}), rerun_manifest["code"])
        notes = _commit_note(manifest, rerun_manifest)
        if rerun_manifest["run_id"] != record.get("run_id"):
            differences.append(f"run id: {record.get('run_id')} in the document, {rerun_manifest['run_id']} in the re-run")
        document_differences = _compare_document(document, rerun, title)
    if not document_differences:
        return Verdict(confirmed=True, checked=[document.name], notes=notes)
    return Verdict(confirmed=False, checked=[document.name], differences=differences + document_differences, notes=notes)


def verify_manifest(path: Path, extracts: Path | None = None) -> Verdict:
    """Re-run the run of a manifest.json and compare the manifest and every output beside it, certificates included."""
    manifest = _read_manifest(path)
    if "run_id" not in manifest:
        raise NotVerifiable(f"{path} is not a run manifest (no run id)")
    folder = _extracts_folder(manifest, extracts)
    differences = input_differences(manifest, folder)
    outputs = sorted(p for p in path.parent.rglob("*") if p.is_file() and p.suffix in (".json", ".csv", ".html", ".pdf") and p != path)
    with tempfile.TemporaryDirectory(prefix="covenants-verify-") as scratch:
        rerun = _rerun(manifest, folder, Path(scratch), differences)
        if rerun is None:
            return Verdict(confirmed=False, checked=["manifest.json"], differences=differences)
        rerun_manifest = _read_manifest(rerun / "manifest.json")
        differences += _code_difference(manifest.get("code", {}), rerun_manifest["code"])
        notes = _commit_note(manifest, rerun_manifest)
        if identity(rerun_manifest) != identity(manifest):
            differences.append(f"manifest.json: run id {manifest['run_id']} as given, {rerun_manifest['run_id']} re-run")
        for output in outputs:
            relative = output.relative_to(path.parent)
            again = rerun / relative
            if not again.is_file():
                differences.append(f"{relative}: the re-run issues no such file")
            elif again.read_bytes() != output.read_bytes():
                differences.append(f"{relative}: differs from the re-run's")
        issued = {p.relative_to(rerun) for p in rerun.rglob("*") if p.is_file() and p.suffix in (".json", ".csv", ".html", ".pdf")}
        for relative in sorted(issued - {o.relative_to(path.parent) for o in outputs} - {Path("manifest.json")}):
            differences.append(f"{relative}: issued by the re-run, not in {path.parent}")
    checked = ["manifest.json", *(str(o.relative_to(path.parent)) for o in outputs)]
    return Verdict(confirmed=not differences, checked=checked, differences=differences, notes=notes)


def verify(path: Path, extracts: Path | None = None) -> Verdict:
    if not path.is_file():
        raise NotVerifiable(f"{path} is not a file")
    if path.suffix.lower() == ".json":
        return verify_manifest(path, extracts)
    if path.suffix.lower() in (".pdf", ".html"):
        return verify_document(path, extracts)
    raise NotVerifiable(f"{path}: give a certificate (.pdf or .html) or a run's manifest.json")
