"""Output folders: a run never destroys what it did not create, and no fault leaves a half-written folder behind.

`covenants run` replaces `--out` whole when it succeeds. These cases point it at folders it must not replace, hold
the folder while another run writes it, and kill runs at several stages.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipelines.instance import project_instance
from pipelines.layout import POLICIES_DIR, ROOT
from pipelines.outputs.output_folder import MARKER, staged
from snapshots import snapshot

PERIOD = ("--period", "2003Q4")


@pytest.fixture(scope="module")
def earlier(sample_quarter_run) -> Path:
    """The outputs of one successful run (2003Q4 of the sample, tests/conftest.py): cases copy them and check they survive."""
    return sample_quarter_run


@pytest.fixture
def outputs(earlier, tmp_path) -> Path:
    """A private copy of the earlier run's outputs."""
    return Path(shutil.copytree(earlier, tmp_path / "out"))


def test_the_outputs_carry_the_marker_that_lets_the_next_run_replace_them(earlier):
    assert (earlier / MARKER).is_file()
    assert (earlier / "results.json").is_file() and (earlier / "manifest.json").is_file()


@pytest.mark.parametrize(
    "where, words",
    [
        (lambda extracts: extracts, "is the extracts folder"),
        (lambda extracts: extracts.parent, "contains the extracts folder"),
        (lambda extracts: extracts / "out", "lies inside the extracts folder"),
    ],
    ids=["is-extracts", "parent-of-extracts", "inside-extracts"],
)
def test_an_out_folder_on_the_extracts_is_refused_and_the_extracts_survive(invoke, sample_extracts, where, words):
    before = snapshot(sample_extracts.parent)
    result = invoke("run", "--extracts", sample_extracts, "--out", where(sample_extracts), *PERIOD)
    assert result.code == 2
    assert words in result.err and "choose a folder of its own" in result.err
    assert snapshot(sample_extracts.parent) == before


def test_a_symbolic_link_to_the_extracts_is_seen_through(invoke, sample_extracts, tmp_path):
    link = tmp_path / "link"
    link.symlink_to(sample_extracts)
    before = snapshot(sample_extracts)
    result = invoke("run", "--extracts", sample_extracts, "--out", link, *PERIOD)
    assert result.code == 2 and "is the extracts folder" in result.err
    assert snapshot(sample_extracts) == before


@pytest.mark.parametrize(
    "folder, words",
    [
        (POLICIES_DIR, "is the project's policies folder"),
        (POLICIES_DIR / "indenture-1996", "lies inside the project's policies folder"),
        (ROOT / "sql" / "marts", "lies inside the project's sql folder"),
        (ROOT, "is the project"),
        (ROOT.parent, "contains the project"),
        (Path("/"), "contains the project"),
    ],
    ids=["policies", "inside-policies", "inside-sql", "project", "project-parent", "filesystem-root"],
)
def test_an_out_folder_on_the_project_is_refused(invoke, sample_extracts, folder, words):
    before = snapshot(POLICIES_DIR)
    result = invoke("run", "--extracts", sample_extracts, "--out", folder, *PERIOD)
    assert result.code == 2 and words in result.err
    assert snapshot(POLICIES_DIR) == before


def test_the_home_folder_is_refused(invoke, sample_extracts, tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    (home / "notes.txt").write_text("mine")
    monkeypatch.setenv("HOME", str(home))
    result = invoke("run", "--extracts", sample_extracts, "--out", home, *PERIOD)
    assert result.code == 2 and "is the home folder" in result.err
    assert (home / "notes.txt").read_text() == "mine"


def test_a_folder_the_product_did_not_write_is_refused_whole_before_a_dagster_run_is_made(invoke, sample_extracts, tmp_path):
    mine = tmp_path / "reports"
    mine.mkdir()
    (mine / "board-pack.xlsx").write_bytes(b"the treasurer's own work")
    runs = len(project_instance().get_runs())
    result = invoke("run", "--extracts", sample_extracts, "--out", mine, *PERIOD)
    assert result.code == 2
    assert f"{mine} holds files that covenants did not write" in result.err and "choose a new or empty folder" in result.err
    assert snapshot(mine) == {"board-pack.xlsx": b"the treasurer's own work"}
    assert len(project_instance().get_runs()) == runs  # no failed run for the UI to list


def test_a_file_given_as_out_is_refused(invoke, sample_extracts, tmp_path):
    target = tmp_path / "results.csv"
    target.write_text("kept\n")
    result = invoke("run", "--extracts", sample_extracts, "--out", target, *PERIOD)
    assert result.code == 2 and "is a file, not a folder" in result.err
    assert target.read_text() == "kept\n"


def test_check_refuses_an_out_folder_on_its_extracts_before_answering(invoke, sample_extracts, tmp_path):
    before = snapshot(sample_extracts)
    result = invoke(
        "check", "--extracts", sample_extracts, "--date", "1997-11-14",
        "--transaction", ROOT / "sample" / "transactions" / "notes-1997-11.yaml",
        "--out", sample_extracts, "--cache", tmp_path / "cache",
    )
    assert result.code == 2 and "is the extracts folder" in result.err and "nothing was checked" in result.err
    assert result.out == ""  # no answer printed for a check whose outputs could not be written
    assert snapshot(sample_extracts) == before


def test_a_folder_that_cannot_be_written_is_one_line_and_exit_4(invoke, sample_extracts):
    # /sys refuses new files even to root, as a read-only or foreign mount would
    result = invoke("run", "--extracts", sample_extracts, "--out", "/sys/covenants-out", *PERIOD)
    assert result.code == 4
    assert result.err.startswith("covenants: the machine refused:") and "nothing was issued" in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_a_run_while_another_writes_the_same_folder_is_refused(invoke, sample_extracts, outputs):
    before = snapshot(outputs)
    with (outputs.parent / f".{outputs.name}.lock").open("a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = invoke("run", "--extracts", sample_extracts, "--out", outputs, *PERIOD)
    assert result.code == 4 and f"another run is writing {outputs} now" in result.err
    assert snapshot(outputs) == before


def test_a_failure_inside_the_run_leaves_the_earlier_outputs_and_no_staging(outputs):
    before = snapshot(outputs)
    with pytest.raises(RuntimeError), staged(outputs, {}) as staging:
        (staging / "results.json").write_text("half")
        raise RuntimeError("the renderer failed")
    assert snapshot(outputs) == before
    assert sorted(p.name for p in outputs.parent.iterdir()) == ["out"]


def test_a_run_killed_mid_swap_gets_its_earlier_outputs_back(outputs):
    # a run killed between moving the earlier outputs aside and putting the new ones in place leaves this behind
    before = snapshot(outputs)
    outputs.rename(outputs.with_name(".out.previous-4242"))
    (outputs.parent / ".out.staging-4242").mkdir()
    with pytest.raises(RuntimeError), staged(outputs, {}):
        raise RuntimeError("stop before replacing anything")
    assert snapshot(outputs) == before
    assert sorted(p.name for p in outputs.parent.iterdir()) == ["out"]


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("stage", ["ingest", "certificates"])
def test_a_run_killed_with_sigkill_leaves_the_earlier_outputs_and_the_next_run_cleans_up(outputs, sample_extracts, stage):
    before = snapshot(outputs)
    command = [sys.executable, "-m", "pipelines.cli", "run", "--extracts", str(sample_extracts), "--out", str(outputs), *PERIOD]
    run = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    staging = outputs.with_name(f".out.staging-{run.pid}")
    # ingest: as soon as the staging folder exists; certificates: once the first certificate is being written
    ready = (lambda: staging.exists()) if stage == "ingest" else (lambda: (staging / "certificates").exists())
    try:
        assert _wait_for(ready, 240), f"the run never reached {stage}"
    finally:
        os.killpg(run.pid, signal.SIGKILL)
        run.wait()
    assert snapshot(outputs) == before and staging.exists()
    with pytest.raises(RuntimeError), staged(outputs, {}):  # what the next run does first, under its lock
        raise RuntimeError("stop before replacing anything")
    assert not staging.exists() and snapshot(outputs) == before
