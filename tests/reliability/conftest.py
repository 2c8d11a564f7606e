"""The hostile corpus: bad inputs, folders, caches and faults, each run through the command line as a person would.

Every case asserts the exit code the README documents, one clear message (never a traceback), that nothing was issued,
and that what was there before (earlier outputs, the extracts) is byte for byte intact.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipelines.cli import main
from pipelines.layout import SAMPLE_EXTRACTS_DIR


@dataclass(frozen=True)
class Invocation:
    code: int
    out: str
    err: str


@pytest.fixture
def invoke(capsys):
    """Run `covenants ARGS` in this process: the exit code and what it printed; a traceback fails the test."""

    def run(*args: str) -> Invocation:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        assert "Traceback" not in captured.out + captured.err
        return Invocation(code, captured.out, captured.err)

    return run


@pytest.fixture
def sample_extracts(tmp_path: Path) -> Path:
    """A private copy of the sample's extracts, free to damage."""
    return Path(shutil.copytree(SAMPLE_EXTRACTS_DIR, tmp_path / "extracts"))
