"""The print workers (started before the render that takes them, each document to the first free worker, every
failure reported and no worker waited for), and what makes a PDF faster without changing a byte of it: the fonts
deflated once per process, and the note rules left out of WeasyPrint's user-agent stylesheet (no document has a
footnote or a note)."""

from __future__ import annotations

import hashlib

import pytest
from weasyprint import HTML
from weasyprint.html import UA

from pipelines.certificates.fonts import ProjectFonts
from pipelines.certificates.kinds.annual_compliance import annual_statement_html
from pipelines.certificates.pdf import NOTE_RULES, print_styles, write_pdf
from pipelines.certificates.print_worker import WORKER_FOLDERS
from pipelines.certificates.printing import PrintWorkers, start_print_workers, stop_print_workers
from pipelines.certificates.rendering import start_documents, write_documents
from pipelines.layout import TEMPLATES_DIR
from test_annual_compliance import MANIFEST, RESULTS

pytestmark = pytest.mark.filterwarnings("ignore:HarfBuzz-Subset:DeprecationWarning")

PAGE = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{0}</title></head><body><p>{0}</p></body></html>'



def plain_weasyprint_pdf(html: str, path) -> bytes:
    """The PDF as WeasyPrint writes it, with its own user-agent stylesheet and pydyf's own compression."""
    _, styles, fonts = print_styles()
    identifier = hashlib.sha256(html.encode()).hexdigest()[:32].encode()
    document = HTML(string=html, base_url=str(TEMPLATES_DIR), url_fetcher=ProjectFonts())
    document.write_pdf(path, stylesheets=[styles], font_config=fonts, pdf_identifier=identifier, full_fonts=True, custom_metadata=True)
    return path.read_bytes()


def test_a_pdf_is_byte_for_byte_what_weasyprint_alone_writes(tmp_path):
    # FY1999: a failure, a waiver and the Chapter 11 note, lists and every table of the statement, on several pages
    html = annual_statement_html(RESULTS, 1999, MANIFEST)
    first = write_pdf(html, tmp_path / "first.pdf").read_bytes()
    again = write_pdf(html, tmp_path / "again.pdf").read_bytes()  # fonts deflated by the first
    assert first == again == plain_weasyprint_pdf(html, tmp_path / "plain.pdf")


def test_only_the_note_rules_are_left_out_and_no_template_has_a_note():
    left_out = [line.split("{")[0].strip() for line in UA.splitlines() if line.startswith(NOTE_RULES)]
    assert left_out == ["::footnote-call", "::footnote-marker", "::note-call", "::note-marker", "::note-callback"]
    for template in TEMPLATES_DIR.rglob("*.j2"):
        text = template.read_text(encoding="utf-8")
        assert "footnote" not in text and "float: note" not in text, f"{template.name} has a note: restore the note rules"


def test_workers_started_early_print_the_next_render_and_are_kept_for_the_one_after(tmp_path):
    stop_print_workers()
    workers = start_print_workers()
    assert start_print_workers() is workers  # started once, whoever asks again
    written = write_documents([("a", PAGE.format("a"), PAGE.format("a")), ("b", PAGE.format("b"), PAGE.format("b"))], tmp_path)
    assert [p.name for p in written] == ["a.html", "a.pdf", "b.html", "b.pdf"]
    assert all(p.read_bytes().startswith(b"%PDF") for p in written[1::2])
    assert start_print_workers() is workers  # given back: the process's next render takes them ready
    assert write_documents([("c", PAGE.format("c"), PAGE.format("c"))], tmp_path / "again")[1].read_bytes().startswith(b"%PDF")
    stop_print_workers()  # as when the process exits
    assert [worker.process.wait(timeout=120) for worker in workers.workers] == [0] * len(workers.workers)
    assert start_print_workers() is not workers
    stop_print_workers()


def test_a_worker_that_stopped_between_renders_is_not_taken_again(tmp_path):
    stop_print_workers()
    workers = start_print_workers()
    workers.workers[0].process.kill()
    workers.workers[0].process.wait(timeout=120)
    written = write_documents([("a", PAGE.format("a"), PAGE.format("a"))], tmp_path)  # no failure: new workers print it
    assert written[1].read_bytes().startswith(b"%PDF")
    assert start_print_workers() is not workers
    stop_print_workers()


def test_a_run_that_issues_nothing_leaves_the_workers_it_started_for_the_next(tmp_path):
    stop_print_workers()
    workers = start_print_workers()
    assert write_documents([], tmp_path) == []
    assert start_print_workers() is workers and workers.alive()
    stop_print_workers()
    assert [worker.process.wait(timeout=120) for worker in workers.workers] == [0] * len(workers.workers)


def test_a_document_that_fails_is_reported_and_the_others_are_printed(tmp_path):
    fetching = '<p>x<img src="https://example.com/x.png"></p>'  # the renderer fetches nothing but the project's fonts
    workers = PrintWorkers(2)
    with pytest.raises(RuntimeError, match="rendering a PDF failed") as failure:
        workers.print_all([(fetching, tmp_path / "bad.pdf"), (PAGE.format("good"), tmp_path / "good.pdf")])
    workers.stop()
    assert "https://example.com/x.png" in str(failure.value)
    assert (tmp_path / "good.pdf").read_bytes().startswith(b"%PDF")
    assert not (tmp_path / "bad.pdf").exists()


def test_a_worker_that_dies_is_reported_and_nothing_waits_for_it(tmp_path):
    workers = PrintWorkers(2)
    workers.workers[0].process.kill()
    with pytest.raises(RuntimeError, match="exit code -9"):
        workers.print_all([(PAGE.format(n), tmp_path / f"{n}.pdf") for n in range(3)])
    workers.stop()
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == ["0.pdf", "1.pdf", "2.pdf"]  # the other printed them all


def test_a_killed_workers_fonts_are_removed_by_the_next_worker_and_a_worker_that_ends_removes_its_own():
    killed = PrintWorkers(1)
    killed.wait_ready()
    folder = WORKER_FOLDERS / str(killed.workers[0].process.pid)
    assert [p.name for p in folder.iterdir()][0].startswith("weasyprint-")  # where WeasyPrint put the fonts it loaded
    killed.workers[0].process.kill()
    killed.workers[0].process.wait(timeout=120)
    assert folder.exists()  # nothing of the killed worker ran to remove it
    after = PrintWorkers(1)
    after.wait_ready()
    assert not folder.exists()
    after.stop()
    after.workers[0].process.wait(timeout=120)
    assert not (WORKER_FOLDERS / str(after.workers[0].process.pid)).exists()
    killed.stop()


def test_documents_print_while_the_caller_writes_its_other_files_and_a_failure_is_raised_by_wait(tmp_path):
    printing = start_documents([("a", PAGE.format("a"), PAGE.format("a"))], tmp_path)
    assert (tmp_path / "a.html").exists()  # written before it returns; the PDF is printed meanwhile
    (tmp_path / "other.txt").write_text("written while the PDF prints")
    assert [p.name for p in printing.wait()] == ["a.html", "a.pdf"]
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")
    failing = start_documents([("bad", PAGE.format("bad"), '<p>x<img src="https://example.com/x.png"></p>')], tmp_path)
    with pytest.raises(RuntimeError, match="rendering a PDF failed"):
        failing.wait()
