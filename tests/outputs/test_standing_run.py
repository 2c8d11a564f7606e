"""A run whose extract files, policies, code and options are those of the output folder's last run makes nothing new:
`covenants run --if-changed` and the nightly schedule then leave the folder's outputs standing, and say so."""

import json
import shutil
from datetime import date, datetime

import pytest
from dagster import build_schedule_context

from pipelines.cli import main
from pipelines.definitions import defs
from pipelines.fiscal import FiscalQuarter
from pipelines.layout import SAMPLE_EXTRACTS_DIR
from pipelines.outputs.standing_run import run_options, standing_run
from pipelines.policy.loading import load_policies
from pipelines.quarter_end import run_manifest

OPTIONS = {"period": "2003Q4", "as_of": None}


def _last_run(out, extracts, options=OPTIONS):
    """A manifest.json as a run of these extracts with these options writes it (the extracts' fingerprints aside:
    they are read from the rows, which this check never reads)."""
    out.mkdir(parents=True, exist_ok=True)
    manifest = run_manifest(load_policies(), extracts, {}, date(2003, 12, 31), [FiscalQuarter(2003, 4)], options)
    (out / "manifest.json").write_text(json.dumps(manifest))
    return manifest


@pytest.fixture
def extracts(tmp_path):
    folder = tmp_path / "extracts"
    shutil.copytree(SAMPLE_EXTRACTS_DIR, folder)
    return folder


def test_the_same_files_policies_code_and_options_leave_the_last_run_standing(tmp_path, extracts):
    manifest = _last_run(tmp_path / "out", extracts)
    standing = standing_run(tmp_path / "out", extracts, OPTIONS)
    assert standing is not None and standing.run_id == manifest["run_id"]
    assert standing.sentence().startswith(f"Nothing changed since run {manifest['run_id']} (")


def test_one_byte_of_one_extract_changed_means_a_run(tmp_path, extracts):
    _last_run(tmp_path / "out", extracts)
    cash = extracts / "trial_balances.csv"
    cash.write_bytes(cash.read_bytes() + b"\n")  # a blank line: the same rows, other bytes; the run decides what it means
    assert standing_run(tmp_path / "out", extracts, OPTIONS) is None


@pytest.mark.parametrize(
    "edit",
    [
        lambda m: m["policies"].popitem(),  # a policy file the last run did not read: added since
        lambda m: m["policies"].update({next(iter(m["policies"])): "0" * 64}),  # a policy file changed since
        lambda m: m["code"].update(source_sha256="0" * 64),  # the code changed since
        lambda m: m.update(options={"period": "2003Q4", "as_of": "2004-01-14"}),  # other options
        lambda m: m["inputs"].pop("trial_balances.csv"),  # an extract the last run did not read
    ],
)
def test_anything_else_that_changed_means_a_run(tmp_path, extracts, edit):
    manifest = _last_run(tmp_path / "out", extracts)
    edit(manifest)
    (tmp_path / "out" / "manifest.json").write_text(json.dumps(manifest))
    assert standing_run(tmp_path / "out", extracts, OPTIONS) is None


def test_what_cannot_be_confirmed_means_a_run(tmp_path, extracts):
    assert standing_run(tmp_path / "out", extracts, OPTIONS) is None  # no earlier run
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "manifest.json").write_text("{not json")
    assert standing_run(tmp_path / "out", extracts, OPTIONS) is None
    _last_run(tmp_path / "out", extracts)
    (extracts / "guarantees.csv").unlink()
    assert standing_run(tmp_path / "out", extracts, OPTIONS) is None


def test_the_options_are_recorded_as_the_run_records_them():
    assert run_options("2003q4", None) == {"period": "2003Q4", "as_of": None}
    assert run_options("2003Q4-2003Q4", date(2004, 1, 14)) == {"period": "2003Q4", "as_of": "2004-01-14"}
    assert run_options("2003Q1-2003Q4", None) == {"period": "2003Q1-2003Q4", "as_of": None}
    assert run_options(None, None) == {"period": None, "as_of": None}


def test_covenants_run_if_changed_makes_no_run_when_the_last_one_stands(tmp_path, extracts, capsys):
    manifest = _last_run(tmp_path / "out", extracts)
    before = sorted(p.name for p in (tmp_path / "out").iterdir())
    code = main(["run", "--extracts", str(extracts), "--out", str(tmp_path / "out"), "--period", "2003Q4", "--if-changed"])
    assert code == 0
    assert f"Nothing changed since run {manifest['run_id']}" in capsys.readouterr().out
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == before


def test_the_nightly_schedule_skips_a_night_when_the_last_run_stands(tmp_path, extracts, monkeypatch):
    monkeypatch.setenv("COVENANTS_OUT", str(tmp_path / "out"))
    monkeypatch.setenv("COVENANTS_EXTRACTS", str(extracts))
    manifest = _last_run(tmp_path / "out" / "2004Q4", extracts, {"period": "2004Q4", "as_of": None})
    context = build_schedule_context(scheduled_execution_time=datetime(2026, 11, 22, 2), repository_def=defs.get_repository_def())
    tick = defs.resolve_schedule_def("nightly").evaluate_tick(context)
    assert tick.run_requests == [] and manifest["run_id"] in tick.skip_message
    (extracts / "trial_balances.csv").write_bytes((extracts / "trial_balances.csv").read_bytes() + b"\n")
    (request,) = defs.resolve_schedule_def("nightly").evaluate_tick(context).run_requests
    assert request.partition_key == "2004Q4"


def test_a_scenario_is_always_run(tmp_path, extracts, monkeypatch):
    from pipelines import cli

    _last_run(tmp_path / "out", extracts)
    args = cli.parser().parse_args(["run", "--extracts", str(extracts), "--out", str(tmp_path / "out"), "--period", "2003Q4", "--if-changed", "--scenario", "any.yaml"])
    assert cli._standing_run(args) is None
    args.scenario = None
    assert cli._standing_run(args) is not None
