"""Layout of every page of every document the sample issues for 2003Q4 (the FY2003 annual statement and the ppca-2002
certificates), 2002Q1 (the quarter of the petition) and 2000Q3 (a 4.14(c) notice), read back from the PDFs: no two
words overlap, no word runs into the page margin, no clause id is split across lines, the company name copies out as
written, and every glyph is set in the project's own font."""

from __future__ import annotations

import html as html_module
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pdfplumber
import pytest

from pipelines.certificates.registry import RunFacts, document_kinds, gather, render
from pipelines.extracts.ingest import extract_fingerprints
from pipelines.fiscal import FiscalQuarter
from pipelines.layout import SAMPLE_EXTRACTS_DIR
from pipelines.policy.evaluation import evaluate_all
from pipelines.policy.loading import load_policies
from pipelines.quarter_end import run_manifest

QUARTERS = ("2000Q3", "2002Q1", "2003Q4")
# What a clause id looks like: an instrument, a slash, then section letters, digits, dots, brackets, slashes and dashes.
CLAUSE_ID = re.compile(r"(?:indenture-1996|ca-1994|ppca-2002)/[A-Za-z0-9.()/-]+")
# A line that ends inside an instrument name or right after its slash has split a clause id.
SPLIT_AT_LINE_END = re.compile(r"(?:^|[\s(\[])(?:indenture|ppca|ca)(?:-\d{0,4}/?)?$")
OVERLAP_TOLERANCE = 0.5  # points: glyph boxes of neighbouring words may touch, never cover each other
MARGIN = 40  # points: the narrowest page margin is 16 mm (45 pt); no word may run into it
COMPANY = "Kaiser Aluminum & Chemical Corporation"
FONT = "Source-Serif-Pro"

pytestmark = pytest.mark.skipif(not SAMPLE_EXTRACTS_DIR.is_dir(), reason="no sample extracts (make sample)")


def whole_clause_id(found: str) -> str:
    """The id without the sentence's punctuation that the pattern also takes: a final "." or an unbalanced ")"."""
    while found and (found[-1] in ".-/:" or (found[-1] == ")" and found.count(")") > found.count("("))):
        found = found[:-1]
    return found


@dataclass(frozen=True)
class Page:
    number: int
    width: float
    words: list[dict]
    text: str
    fonts: set[str]


def read_back(pdf: Path) -> list[Page]:
    """Each page as pdfplumber reads it back: parsed once for all the tests (pdfminer's parse is most of their time)."""
    with pdfplumber.open(pdf) as document:
        return [
            Page(number, page.width, page.extract_words(), page.extract_text() or "", {c["fontname"].split("+")[-1] for c in page.chars})
            for number, page in enumerate(document.pages, start=1)
        ]


@pytest.fixture(scope="module")
def documents(tmp_path_factory, sample_database) -> list[tuple[Path, set[str], list[Page]]]:
    """(PDF, clause ids its print edition states, its pages read back) for every document of the three quarters, from
    the sample's prepared database (tests/conftest.py)."""
    policies = load_policies()
    con = duckdb.connect(str(sample_database), read_only=True)
    results = evaluate_all(con, policies)
    written: list[Path] = []
    for quarter in map(FiscalQuarter.parse, QUARTERS):
        manifest = run_manifest(policies, SAMPLE_EXTRACTS_DIR, extract_fingerprints(con), quarter.end, [quarter])
        facts = RunFacts([quarter], [r for r in results if r.test_date <= quarter.end], manifest, gather(con, [quarter]))
        written += render(facts, tmp_path_factory.mktemp(str(quarter)))
    con.close()
    pairs = []
    for pdf in (p for p in written if p.suffix == ".pdf"):
        text = html_module.unescape(re.sub(r"<[^>]+>", " ", pdf.with_suffix(".html").read_text(encoding="utf-8")))
        pairs.append((pdf, {whole_clause_id(m) for m in CLAUSE_ID.findall(text)}, read_back(pdf)))
    return pairs


def test_every_kind_of_the_sample_is_laid_out(documents):
    names = {pdf.name for pdf, _, _ in documents}
    assert {"indenture-1996-4.06b-FY2003.pdf", "ppca-2002-compliance-2003Q4.pdf", "ppca-2002-borrowing-base-2003Q4.pdf",
            "indenture-1996-4.14c-ASO-2000-01.pdf"} <= names
    assert {kind.name for kind in document_kinds()} >= {"indenture-1996-4.06b", "indenture-1996-4.14c", "ppca-2002-compliance", "ppca-2002-borrowing-base"}


def _overlaps(words: list[dict]) -> list[str]:
    found = []
    ordered = sorted(words, key=lambda w: w["x0"])
    for index, word in enumerate(ordered):
        for other in ordered[index + 1:]:
            if other["x0"] >= word["x1"] - OVERLAP_TOLERANCE:
                break
            vertical = min(word["bottom"], other["bottom"]) - max(word["top"], other["top"])
            if vertical > OVERLAP_TOLERANCE:
                found.append(f"{word['text']!r} and {other['text']!r} at ({word['x0']:.0f}, {word['top']:.0f})")
    return found


def test_no_two_words_overlap_and_none_runs_into_the_margin_on_any_page(documents):
    problems = []
    for pdf, _, pages in documents:
        for page in pages:
            problems += [f"{pdf.name} page {page.number}: {o}" for o in _overlaps(page.words)]
            problems += [
                f"{pdf.name} page {page.number}: {w['text']!r} runs into the margin"
                for w in page.words
                if w["x0"] < MARGIN or w["x1"] > page.width - MARGIN
            ]
    assert problems == []


def test_no_clause_id_or_section_number_is_split_across_lines(documents):
    problems = []
    for pdf, known, pages in documents:
        for page in pages:
            for line in page.text.splitlines():
                line = line.strip()
                if SPLIT_AT_LINE_END.search(line):
                    problems.append(f"{pdf.name} page {page.number}: line ends inside a clause id: {line!r}")
                if line.endswith("§"):
                    problems.append(f"{pdf.name} page {page.number}: a section sign apart from its number: {line!r}")
                problems += [
                    f"{pdf.name} page {page.number}: {token!r} is not a whole clause id of the document, in {line!r}"
                    for token in map(whole_clause_id, CLAUSE_ID.findall(line))
                    if token not in known
                ]
    assert problems == []


def test_company_name_copies_out_as_written_and_only_the_project_font_is_used(documents):
    problems = []
    for pdf, _, pages in documents:
        text = " ".join(" ".join(page.text.split()) for page in pages)
        fonts = set().union(*(page.fonts for page in pages))
        mentions = re.findall(r"kaiser aluminum & chemical corporation", text, flags=re.IGNORECASE)
        problems += [f"{pdf.name}: {m!r}" for m in mentions if m != COMPANY]
        if not mentions:
            problems.append(f"{pdf.name}: the company is not named")
        problems += [f"{pdf.name}: font {f}" for f in fonts if not f.startswith(FONT)]
    assert problems == []
