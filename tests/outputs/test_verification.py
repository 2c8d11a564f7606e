"""`covenants verify`: a sample run's documents are confirmed, a one-cent change to a trial balance refutes them, and
a missing input is named; another git commit of the same source files changes neither the run id nor a document's
bytes, and verify tells it as a note. One quarter (2003Q4) keeps each re-run at about 25 s."""

from __future__ import annotations

import json
import shutil
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path

import pytest

from pipelines import prepared_runs, run_job
from pipelines.cli import main
from pipelines.layout import CACHE_DIR, SAMPLE_EXTRACTS_DIR
from pipelines.outputs import manifest as run_manifest
from pipelines.verification import _pdf_string, document_head

OTHER_COMMIT = "f" * 40  # a commit that changed no source file, a README edit
ONE_CENT_ROWS = {  # net sales one cent higher, cash one cent higher: the trial balance still nets to zero
    "KACC,2003-12-31,4000,,-957334050.01": "KACC,2003-12-31,4000,,-957334050.02",
    "KACC,2003-12-31,1000,,95335464.19": "KACC,2003-12-31,1000,,95335464.20",
}


@pytest.fixture(scope="module")
def run(sample_quarter_run) -> tuple[Path, Path]:
    """The sample's extracts and the 2003Q4 run made from them (tests/conftest.py): cases copy the extracts to change them."""
    return SAMPLE_EXTRACTS_DIR, sample_quarter_run


def test_a_pdf_carries_its_run_record(run):
    _, out = run
    record, title = document_head(out / "certificates" / "indenture-1996-4.06b-FY2003.pdf")
    assert title == "Annual Statement as to Compliance, Indenture Section 4.06(b), Fiscal Year 2003"
    assert record["periods"] == ["2003Q4"]
    assert record["options"] == {"period": "2003Q4", "as_of": None}
    assert record["as_of"] == "2003-12-31"


def test_a_pdf_string_is_read_with_its_escapes():
    assert _pdf_string(b"<< /Title (a \\(b\\) c\\\\d) /X 1 >>", b"Title") == "a (b) c\\d"
    assert _pdf_string(b"<< /Title <feff00c9> >>", b"Title") == "É"
    assert _pdf_string(b"<< /Title (never closed", b"Title") is None
    assert _pdf_string(b"<< /Title <zz> >>", b"Title") is None


def test_the_run_manifest_and_every_document_are_confirmed(run, capsys, monkeypatch):
    _, out = run

    def taken(*_):
        raise AssertionError("a verification re-runs from the files, never from a database an earlier run kept")

    monkeypatch.setattr(prepared_runs, "take", taken)
    kept = {path: path.stat().st_mtime_ns for path in CACHE_DIR.glob(f"{prepared_runs.PREFIX}*")}
    assert main(["verify", str(out / "manifest.json")]) == 0
    # nor does it keep one: the cache folder's kept databases are as they were
    assert {path: path.stat().st_mtime_ns for path in CACHE_DIR.glob(f"{prepared_runs.PREFIX}*")} == kept
    printed = capsys.readouterr().out
    assert printed.startswith("Confirmed: the re-run gives the same bytes for manifest.json,")
    assert "certificates/indenture-1996-4.06b-FY2003.pdf" in printed
    assert "certificates/ppca-2002-compliance-2003Q4.html" in printed


def test_a_one_cent_change_to_a_trial_balance_refutes_the_pdf(run, tmp_path, capsys):
    extracts, out = run
    changed = Path(shutil.copytree(extracts, tmp_path / "extracts"))
    trial_balances = changed / "trial_balances.csv"
    text = trial_balances.read_text()
    for before, after in ONE_CENT_ROWS.items():
        assert text.count(before + "\n") == 1
        text = text.replace(before + "\n", after + "\n")
    trial_balances.write_text(text)

    assert main(["verify", str(out / "certificates" / "ppca-2002-compliance-2003Q4.pdf"), "--extracts", str(changed)]) == 1
    printed = capsys.readouterr().out
    assert printed.startswith("Refuted:")
    assert "input trial_balances.csv: sha256" in printed
    assert "ppca-2002-compliance-2003Q4.pdf: differs from the re-run's ppca-2002-compliance-2003Q4.pdf" in printed


def test_a_missing_input_is_named(run, tmp_path, capsys):
    extracts, out = run
    partial = Path(shutil.copytree(extracts, tmp_path / "extracts"))
    (partial / "default_events.csv").unlink()
    assert main(["verify", str(out / "certificates" / "indenture-1996-4.06b-FY2003.html"), "--extracts", str(partial)]) == 2
    error = capsys.readouterr().err
    assert "input default_events.csv named by the run's manifest is not in" in error


def test_a_file_that_is_not_a_certificate_is_not_verifiable(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Not ours</title></head><body></body></html>")
    assert main(["verify", str(page)]) == 2
    assert "carries no run record" in capsys.readouterr().err
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.7\n<< /covenantsrun ([1, 2]) >>\n")
    assert main(["verify", str(damaged)]) == 2
    assert "its run record is not readable" in capsys.readouterr().err


def _outputs(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file() and p.suffix in (".json", ".csv", ".html", ".pdf")}


@pytest.fixture(scope="module")
def verified_at_another_commit(run, tmp_path_factory) -> tuple[int, str, Path]:
    """`covenants verify` of the run's manifest from a checkout at another commit: its exit code, what it printed, and
    a copy of the outputs of its re-run, which is a run of the same source at that commit (one run, compared twice)."""
    _, out = run
    rerun = tmp_path_factory.mktemp("another-commit") / "out"
    run_quarter_end = run_job.run_quarter_end

    def kept(*args, **kwargs):
        outcome = run_quarter_end(*args, **kwargs)
        shutil.copytree(outcome.out_dir, rerun)  # verify removes its re-run's folder when it is done
        return outcome

    printed = StringIO()
    with pytest.MonkeyPatch.context() as patch, redirect_stdout(printed):
        patch.setattr(run_manifest, "git_commit", lambda: OTHER_COMMIT)
        patch.setattr(run_job, "run_quarter_end", kept)
        code = main(["verify", str(out / "manifest.json")])
    assert rerun.is_dir(), "verify made no run through pipelines.run_job.run_quarter_end"
    return code, printed.getvalue(), rerun


def test_another_git_commit_of_the_same_source_gives_the_same_run_id_and_document_bytes(run, verified_at_another_commit):
    _, out = run
    _, _, rerun = verified_at_another_commit
    first, second = _outputs(out), _outputs(rerun)
    first_manifest, second_manifest = json.loads(first.pop("manifest.json")), json.loads(second.pop("manifest.json"))
    assert second_manifest["git_commit"] == OTHER_COMMIT != first_manifest["git_commit"]
    assert second_manifest["run_id"] == first_manifest["run_id"]
    assert second_manifest["code"] == first_manifest["code"] == {"source_sha256": run_manifest.source_sha256()}
    assert any(name.endswith(".pdf") for name in first)
    assert [name for name in first if first[name] != second.get(name)] == []
    assert sorted(first) == sorted(second)
    assert OTHER_COMMIT.encode() not in b"".join(second.values())


def test_verify_tells_another_git_commit_as_a_note_and_confirms(run, verified_at_another_commit):
    _, out = run
    made_at = json.loads((out / "manifest.json").read_text())["git_commit"]
    code, printed, _ = verified_at_another_commit
    assert code == 0
    assert printed.startswith("Confirmed:")
    assert f"Note: the run was made at git commit {made_at}, this checkout is at {OTHER_COMMIT}" in printed
