"""One clear line for every failure, never a traceback: what the command line says when the product itself fails,
when an input folder is not there, and when a cache was damaged."""

from __future__ import annotations

import pytest

import pipelines.assets.results
from pipelines.layout import ROOT

NOTES = ROOT / "sample" / "transactions" / "notes-1997-11.yaml"


def test_a_defect_is_one_line_with_exit_70_and_nothing_issued(invoke, sample_extracts, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise KeyError("fixed_charge_coverage_tests")

    monkeypatch.setattr(pipelines.assets.results, "evaluate_all", broken)  # a defect inside the job's last step
    monkeypatch.delenv("COVENANTS_DEBUG", raising=False)
    result = invoke("run", "--extracts", sample_extracts, "--out", tmp_path / "out", "--period", "2003Q4")
    assert result.code == 70
    *progress, last = result.err.splitlines()  # the stages that finished before the defect, one line each
    assert [line.split(":")[0] for line in progress] == ["extracts", "policies", "models"]
    assert last == (
        "covenants: a defect of the product stopped the run (KeyError: 'fixed_charge_coverage_tests'); nothing was issued. "
        "COVENANTS_DEBUG=1 shows the traceback."
    )
    assert not (tmp_path / "out").exists()


def test_covenants_debug_shows_the_traceback(sample_extracts, tmp_path, monkeypatch):
    from pipelines.cli import main

    monkeypatch.setattr(pipelines.assets.results, "evaluate_all", lambda *a, **k: {}["missing"])
    monkeypatch.setenv("COVENANTS_DEBUG", "1")
    with pytest.raises(KeyError):
        main(["run", "--extracts", str(sample_extracts), "--out", str(tmp_path / "out"), "--period", "2003Q4"])


@pytest.mark.parametrize("command", ["run", "deadlines", "check"])
@pytest.mark.parametrize("kind", ["missing", "file"])
def test_an_extracts_folder_that_is_not_there_is_one_line_and_no_quarantine(invoke, tmp_path, command, kind):
    extracts = tmp_path / "extracts"
    if kind == "file":
        extracts.write_text("not a folder")
    args = {
        "run": ["--out", tmp_path / "out"],
        "deadlines": [],
        "check": ["--date", "1997-11-14", "--transaction", NOTES, "--cache", tmp_path / "cache"],
    }[command]
    result = invoke(command, "--extracts", extracts, *args)
    words = "not found" if kind == "missing" else "is not a folder"
    assert (result.code, result.err) == (2, f"covenants: extracts folder {extracts} {words}; nothing was issued.\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == (["extracts"] if kind == "file" else [])


def test_a_damaged_cache_costs_one_line_and_the_answer_is_given(invoke, sample_extracts, prepared_cache):
    cache = prepared_cache
    args = ("check", "--extracts", sample_extracts, "--date", "1997-11-14", "--transaction", NOTES, "--cache", cache)
    first = invoke(*args)
    assert first.code == 0
    [prepared] = cache.glob("prepared-*.duckdb")
    prepared.write_bytes(prepared.read_bytes()[:4096])  # truncated, as a full disk or a killed copy leaves it
    again = invoke(*args)
    answer = lambda printed: printed.split("Trace:")[0]  # noqa: E731 - the trace says how the database was had
    assert again.code == 0 and answer(again.out) == answer(first.out) and ": PERMITTED" in answer(first.out)
    assert again.err == f"covenants: the cached prepared database {prepared} was damaged or changed since it was prepared; it was prepared afresh\n"
