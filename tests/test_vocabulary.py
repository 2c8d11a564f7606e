"""Users see only the project's own words: no working vocabulary of how the project was built reaches a result, a
ledger, a deadline, a manifest, a certificate, the command's printed summary, the deadline calendar or a text file a
user reads. Readings of unclear wording are cited by their id in docs/interpretations.md, sources by their own names,
and the agreements by their own section numbers (`Indenture § 4.10(a)`), never by a line or character offset into a
copy of their text (`[IND L4482]`, `[A6 c8514]`), which a trustee holding the agreement cannot follow.

The sample is run once, every quarter, through the command line (about a minute and a half), and every output is
scanned line by line (the workbook cell by cell); a hit names the file (or the command) and the line. The PDFs are not
read back (that would double the test's time): each is rendered from the print edition of the HTML beside it, the same
document less its annex, whose template words are scanned with the project's texts."""

from __future__ import annotations

import io
import re
import subprocess
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pipelines.cli import main
from pipelines.layout import ROOT, SAMPLE_EXTRACTS_DIR

# Words of the project's making that mean nothing to a trustee, a lender or someone with a fresh clone.
FORBIDDEN = (
    ("an ambiguity tag of the specification", re.compile(r"AMB-")),
    ("a seed file", re.compile(r"seed", re.IGNORECASE)),
    ("a path outside the project", re.compile(r"\.\./shared")),
    ("an issue number", re.compile(r"\bissue[ -]?#?\d+", re.IGNORECASE)),
    ("the specification's folder", re.compile(r"\bspec/")),
    (
        "a line or character offset into a copy of the agreements' text",
        # [IND L4482], [A6 c8514-c8600], [A11], IND L1244, or a bare L4482 / c8514 (a colour such as #c62828 is not one)
        re.compile(r"\[(?:IND|PPCA|CA|A\d{1,2}|D0)(?:\s+[Lc]\d+[^\]]*)?\]|\b(?:IND|PPCA|CA|A\d{1,2}|D0)\s+[Lc]\d+|(?<![#\w-])[Lc]\d{3,}\b"),
    ),
)
# Nothing the project holds, code and tests included, points outside it: to a folder beside the checkout, to the copies
# of the agreements' text the team worked from, or to the tags of its working notes; what a reader needs from those is
# in docs/ in the project's own words (docs/glossary.md, docs/clauses.md, docs/interpretations.md). A random-number
# `seed` in a test is a word of its own; the copies were "the seeds", "seed 001" or their file names.
EVERYWHERE = (
    *(kind for kind in FORBIDDEN if kind[0] != "a seed file"),
    ("a copy of the agreements' text", re.compile(r"seeds|\bseed (?:files?|documents?|texts?|\d{3})\b|\b\d{3}_[0-9a-f]{16}\.txt\b", re.IGNORECASE)),
    ("a path outside the project", re.compile(r"/work/|\bshared/(?:spec|seeds|design|reference)\b")),
    ("a tag of the working notes", re.compile(r"\bA-\d\d\b|\(M\d{1,2}\)")),
)
MARKDOWN_NAME = re.compile(r"[\w./-]*\w\.md\b(?!\()")  # `MetadataValue.md(` is a call, not a file
USER_READ_FILES = ("README.md", "pyproject.toml", "workspace.yaml", "Makefile")
USER_READ_FOLDERS = ("docs", "policies", "templates", "sql")


def hits(name: str, text: str, folder: Path = ROOT, forbidden: tuple = FORBIDDEN) -> list[str]:
    """`name:line: what (the words)` for each forbidden word, and each `.md` file named that the project does not have
    (looked up from the project's root, its docs/ and `folder`)."""
    # A word found in a line is found in the whole text (a line ends at a character none of the patterns takes for part
    # of a word), so only the patterns found in the text are looked for line by line, and names of .md files only in
    # lines that have ".md": the outputs of a run are megabytes, and almost always clean.
    present = [(what, pattern) for what, pattern in forbidden if pattern.search(text)]
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for what, pattern in present:
            found += [f"{name}:{number}: {what} ({m.group(0)!r})" for m in pattern.finditer(line)]
        for m in MARKDOWN_NAME.finditer(line) if ".md" in line else ():
            named = m.group(0).lstrip("./")
            if not any((base / named).is_file() for base in (ROOT, ROOT / "docs", folder)):
                found.append(f"{name}:{number}: a file the project does not have ({m.group(0)!r})")
    return found


def test_the_scan_finds_each_kind_of_word():
    text = "\n".join([
        "see AMB-X02",
        "not in the Seeds",
        "../shared/design.md",
        "synthetic (issue 3)",
        "as in spec/clauses.md",
        "kaiser_public_record.md N60",
        "docs/interpretations.md, R-X02, Section 9.2.11, issued 1998",
        "greater than 2.0 to 1 [IND L4482-4483]; the Availability Reserve [A6 c8514]",
        "as amended [A11]; business day (IND L1244); line L7215",
        "Indenture § 4.10(a), Sixth Amendment § 1.1(c), colour #c62828, account 2100, LIEN-1998-01",
    ])
    found = hits("sample.txt", text)
    assert [f.split(": ", 1)[0] for f in found] == [
        "sample.txt:1", "sample.txt:2", "sample.txt:3", "sample.txt:3", "sample.txt:4", "sample.txt:5", "sample.txt:5", "sample.txt:6",
        "sample.txt:8", "sample.txt:8", "sample.txt:9", "sample.txt:9", "sample.txt:9",
    ]
    assert found[7] == "sample.txt:6: a file the project does not have ('kaiser_public_record.md')"
    assert found[8] == "sample.txt:8: a line or character offset into a copy of the agreements' text ('[IND L4482-4483]')"


def test_the_scan_of_every_file_finds_what_points_outside_the_project():
    text = "\n".join([
        "see ../shared/spec/clauses.md",
        "the indenture (seed 001), as the seeds say",
        "read /work/shared/design.md or shared/reference/x",
        "001_ca062364786c74a9.txt line 12",
        "the deemed draw (M2); reading A-12",
        "random.Random(seed).shuffle(order); event A-1; MetadataValue.md(text); docs/glossary.md; R-I04",
    ])
    found = hits("sample.py", text, forbidden=EVERYWHERE)
    assert [f.split(": ", 1)[0] for f in found] == [
        "sample.py:1", "sample.py:1", "sample.py:1", "sample.py:1", "sample.py:2", "sample.py:2", "sample.py:3", "sample.py:3",
        "sample.py:3", "sample.py:3", "sample.py:4", "sample.py:5", "sample.py:5",
    ]
    assert found[4] == "sample.py:2: a copy of the agreements' text ('seed 001')"


def tracked_files() -> list[Path]:
    """The files of the checkout: git's list where there is one, otherwise every file less what a run or an install
    leaves (a copy of the project without its history)."""
    if (ROOT / ".git").exists():
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.decode()
        return [ROOT / name for name in listed.split("\0") if name and (ROOT / name).is_file()]
    left = {".venv", ".git", "out", ".dagster_home", "__pycache__", "covenant_pipeline.egg-info"}
    return sorted(p for p in ROOT.rglob("*") if p.is_file() and not left & set(p.relative_to(ROOT).parts))


def test_no_file_of_the_project_points_outside_it():
    found = []
    for path in tracked_files():
        if path == Path(__file__).resolve():
            continue  # this file spells out what it looks for
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # fonts, workbooks, Parquet: no prose
        found += hits(str(path.relative_to(ROOT)), text, path.parent, EVERYWHERE)
    assert found == []


def _project_texts() -> list[Path]:
    files = [ROOT / name for name in USER_READ_FILES]
    for folder in USER_READ_FOLDERS:
        files += sorted(p for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return files


def test_the_texts_a_user_reads_have_only_the_projects_words():
    found = [h for path in _project_texts() for h in hits(str(path.relative_to(ROOT)), path.read_text(encoding="utf-8"), path.parent)]
    assert found == []


@pytest.fixture(scope="module")
def sample_texts(sample_run) -> tuple[Path, str, str]:
    """The whole sample, every quarter: the output folder, the run's printed summary (tests/conftest.py) and
    `covenants deadlines`'s."""
    deadlines = io.StringIO()
    with redirect_stdout(deadlines):
        assert main(["deadlines", "--extracts", str(SAMPLE_EXTRACTS_DIR)]) == 0
    return sample_run.out, sample_run.printed, deadlines.getvalue()


def without_library(text: str) -> str:
    """The text less report.html's inlined charting library (plotly.js, whose code says `seedPseudoRandom`): its words
    are the library's, not the product's, and no reader sees them."""
    return re.sub(r'<script id="plotly-library">.*?</script>', "", text, flags=re.DOTALL)


def readable_text(path: Path) -> str:
    """What a reader sees in an output: a text file's text, a workbook's cells one a line."""
    if path.suffix == ".xlsx":
        book = load_workbook(path, read_only=True)
        return "\n".join(str(v) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for v in row if v is not None)
    return without_library(path.read_text(encoding="utf-8"))


def test_every_output_of_the_sample_run_has_only_the_projects_words(sample_texts):
    out, summary, deadlines = sample_texts
    outputs = [p for p in sorted(out.rglob("*")) if p.is_file() and p.suffix in (".json", ".csv", ".html", ".ics", ".xlsx")]
    assert {p.name for p in outputs} >= {
        "results.json", "results.csv", "basket_ledger.json", "basket_ledger.csv", "deadlines.json", "deadlines.csv", "manifest.json",
        "deadlines.ics", "covenants.xlsx",
    }
    assert any(p.parent.name == "certificates" for p in outputs)
    found = [h for path in outputs for h in hits(str(path.relative_to(out)), readable_text(path))]
    found += hits("covenants run (printed)", summary) + hits("covenants deadlines (printed)", deadlines)
    assert found == []


def uncited(pattern: str, known: set[str]) -> list[tuple[str, str]]:
    """(file, id) for each id matching `pattern` in the project's texts and code that is not among `known`."""
    cited = {
        (str(path.relative_to(ROOT)), found)
        for path in _project_texts() + sorted((ROOT / "pipelines").rglob("*.py"))
        for found in re.findall(pattern, path.read_text(encoding="utf-8"))
    }
    return sorted((where, found) for where, found in cited if found not in known)


def test_every_reading_cited_is_an_entry_of_the_register():
    register = (ROOT / "docs" / "interpretations.md").read_text(encoding="utf-8")
    entries = set(re.findall(r"^### (R-[A-Z]\d\d) ", register, re.MULTILINE))
    assert len(entries) > 80
    assert uncited(r"\bR-[A-Z]\d\d\b", entries) == []


def test_every_worked_example_cited_is_on_its_page():
    """A header or a page that cites a worked example by number ("E13: 15,030,750") finds it in
    docs/worked-examples.md."""
    page = (ROOT / "docs" / "worked-examples.md").read_text(encoding="utf-8")
    examples = set(re.findall(r"^\| (E\d+) \|", page, re.MULTILINE))
    assert examples == {f"E{n}" for n in range(1, 23)}
    assert uncited(r"(?<![\w-])E\d{1,2}\b", examples) == []
