"""What makes a warm `covenants check` fast, and that none of it changes an answer: the policies and SQL model graph
kept in the prepared database, the cache key that finds a stale one, the evaluation of one transaction's rows only, the
zero-money "before" pass against the prepared figures, and the command in a process of its own (pandas hidden)."""

from __future__ import annotations

import hashlib
import json
import pickle
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

from pipelines.check.command import check_record, run_check
from pipelines.check.prepared import PARSED, PREFIX, _key, content_key, open_prepared
from pipelines.layout import policy_files
from pipelines.layout import POLICIES_DIR, ROOT, SAMPLE_EXTRACTS_DIR
from pipelines.models.sql_models import discover
from pipelines.policy.evaluation import evaluate_all
from pipelines.policy.loading import load_policies

NOTES = ROOT / "sample" / "transactions" / "notes-1997-11.yaml"


@pytest.fixture(scope="module")
def cache(prepared_cache) -> Path:
    """The module's cache folder, the sample's prepared database in it (tests/conftest.py)."""
    return prepared_cache


def test_the_key_covers_exactly_the_policy_files_that_are_loaded():
    # open_prepared takes the key before parsing anything: it must list the same files load_policies reads, so that
    # the key of a warm check is the key the database was prepared under
    policies = load_policies()
    assert policy_files() == sorted(policies.files)
    assert _key(SAMPLE_EXTRACTS_DIR, policy_files()) == content_key(SAMPLE_EXTRACTS_DIR, policies)


def test_a_warm_check_reads_the_parsed_policies_and_models_from_the_prepared_database(cache):
    first = open_prepared(SAMPLE_EXTRACTS_DIR, cache)
    first.con.close()
    warm = open_prepared(SAMPLE_EXTRACTS_DIR, cache)
    warm.con.close()
    assert warm.cached and warm.path == first.path
    assert warm.policies == load_policies()
    assert [(m.name, m.sql, m.depends_on) for m in warm.models] == [(m.name, m.sql, m.depends_on) for m in discover()]


def _copy_of_prepared(cache: Path, folder: Path) -> Path:
    prepared = open_prepared(SAMPLE_EXTRACTS_DIR, cache)
    prepared.con.close()
    folder.mkdir()
    for path in (prepared.path, prepared.path.with_name(prepared.path.name + ".sha256")):
        shutil.copy(path, folder / path.name)
    return folder / prepared.path.name


def _rehash(path: Path) -> None:
    """What someone who can write to the cache could also do: make the sidecar hash agree with changed bytes."""
    path.with_name(path.name + ".sha256").write_text(hashlib.sha256(path.read_bytes()).hexdigest() + "\n")


class _Payload:
    """A pickle that, if ever unpickled, leaves a file behind: the proof that the cache runs no code."""

    def __init__(self, proof: Path):
        self.proof = proof

    def __reduce__(self):
        return (Path.touch, (self.proof,))


def test_an_unreadable_parsed_copy_is_parsed_afresh_from_the_files(cache, tmp_path):
    copy = _copy_of_prepared(cache, tmp_path / "damaged")
    with duckdb.connect(str(copy)) as con:
        con.execute(f"update {PARSED} set policies = ?", ['{"instruments": "not a list"}'])
    _rehash(copy)
    reopened = open_prepared(SAMPLE_EXTRACTS_DIR, copy.parent)
    reopened.con.close()
    assert reopened.cached and reopened.note is None and reopened.policies == load_policies()


def test_a_pickle_planted_in_the_cache_is_never_run(cache, tmp_path):
    copy = _copy_of_prepared(cache, tmp_path / "planted")
    proof = tmp_path / "code-ran"
    with duckdb.connect(str(copy)) as con:
        con.execute(f"alter table {PARSED} alter policies type blob")
        con.execute(f"update {PARSED} set policies = ?", [pickle.dumps(_Payload(proof))])
    _rehash(copy)
    reopened = open_prepared(SAMPLE_EXTRACTS_DIR, copy.parent)
    reopened.con.close()
    assert not proof.exists()
    assert reopened.cached and reopened.policies == load_policies()


@pytest.mark.parametrize(
    "damage, note",
    [
        (lambda path: path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2]), "damaged or changed since it was prepared"),
        (lambda path: path.with_name(path.name + ".sha256").unlink(), "written without its hash"),
        (lambda path: path.write_bytes(b"not a database"), "damaged or changed since it was prepared"),
    ],
    ids=["truncated", "no-hash", "replaced"],
)
def test_a_damaged_prepared_database_is_prepared_afresh_with_a_one_line_note(cache, tmp_path, damage, note):
    copy = _copy_of_prepared(cache, tmp_path / "cache")
    damage(copy)
    reopened = open_prepared(SAMPLE_EXTRACTS_DIR, copy.parent)
    reopened.con.close()
    assert (reopened.cached, reopened.path) == (False, copy)
    assert reopened.note == f"the cached prepared database {copy} was {note}; it was prepared afresh"
    again = open_prepared(SAMPLE_EXTRACTS_DIR, copy.parent)  # and the next check finds it whole
    again.con.close()
    assert (again.cached, again.note) == (True, None)


def test_a_stale_cache_is_found_and_prepared_afresh(cache, tmp_path):
    # the cache starts with the sample's prepared database, which a copy of the sample's files finds: the key is of
    # the files' bytes, not of where they are (a first preparation in an empty cache: tests/check/test_check.py)
    extracts = tmp_path / "extracts"
    shutil.copytree(SAMPLE_EXTRACTS_DIR, extracts)
    cache = _copy_of_prepared(cache, tmp_path / "cache").parent
    first = open_prepared(extracts, cache)
    first.con.close()
    again = open_prepared(extracts, cache)
    again.con.close()
    assert (first.cached, again.cached, again.path) == (True, True, first.path)
    entities = extracts / "entities.csv"
    entities.write_text(entities.read_text() + "\n")  # one byte more: another key, whatever the parse would say
    changed = open_prepared(extracts, cache)
    changed.con.close()
    assert not changed.cached and changed.path != first.path
    assert sorted(p.name for p in cache.glob(f"{PREFIX}*.duckdb")) == sorted([first.path.name, changed.path.name])


def test_a_changed_policy_file_changes_the_key(tmp_path):
    policies = tmp_path / "policies"
    shutil.copytree(POLICIES_DIR, policies)
    before = _key(SAMPLE_EXTRACTS_DIR, policy_files(policies))
    parameter = next((policies / "indenture-1996" / "parameters").glob("*.yaml"))
    parameter.write_text(parameter.read_text() + "# edited\n")
    assert _key(SAMPLE_EXTRACTS_DIR, policy_files(policies)) != before


def test_one_transactions_evaluation_is_its_share_of_the_whole(cache):
    prepared = open_prepared(SAMPLE_EXTRACTS_DIR, cache)
    try:
        prepared.con.execute("use prepared")
        everything = evaluate_all(prepared.con, prepared.policies)
        alone = evaluate_all(prepared.con, prepared.policies, transaction_id="INC-1997-11-TL")
    finally:
        prepared.con.close()
    assert alone and alone == [r for r in everything if r.transaction_id == "INC-1997-11-TL"]


def test_before_is_the_prepared_figure_of_a_transaction_with_the_same_date_and_projection(cache):
    # notes-1997-11.yaml on 1997-11-14 attests the same projected_other_fixed_charges (778,875.00) as INC-1997-11-TL,
    # incurred that day and already in the pro forma debt, so the zero-money "before" pass must give exactly the 4.10(a)
    # ratio the prepared marts hold for INC-1997-11-TL: 318,444,594.97 / 141,255,961.81 = 2.254380 (derived in
    # test_check.py and tests/test_end_to_end.py; 2.310018 before CNI (ii) excluded QAL's Net Income).
    record = check_record(run_check(SAMPLE_EXTRACTS_DIR, date(1997, 11, 14), NOTES, cache))
    prepared = open_prepared(SAMPLE_EXTRACTS_DIR, cache)
    try:
        prepared.con.execute("use prepared")
        [existing] = [r for r in evaluate_all(prepared.con, prepared.policies, transaction_id="INC-1997-11-TL") if r.clause_id == "indenture-1996/4.10(a)"]
    finally:
        prepared.con.close()
    assert record["ratios"][0]["before"] == format(existing.actual, "f") == "2.254380"


def test_the_command_in_its_own_process_answers_as_in_process(cache, tmp_path):
    # the typed command hides hypothesis from pandera (pipelines.cli._HideUnusedImports): the same check.json all the same
    args = ["check", "--extracts", str(SAMPLE_EXTRACTS_DIR), "--date", "1997-11-14", "--transaction", str(NOTES), "--cache", str(cache)]
    subprocess.run([sys.executable, "-m", "pipelines.cli", *args, "--out", str(tmp_path / "typed")], check=True, capture_output=True)
    typed = json.loads((tmp_path / "typed" / "check.json").read_text())
    in_process = check_record(run_check(SAMPLE_EXTRACTS_DIR, date(1997, 11, 14), NOTES, cache))
    assert typed.pop("trace")[1:] == in_process.pop("trace")[1:] and typed == in_process
