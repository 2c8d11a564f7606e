"""The content fingerprint kept by the file's sha256 (pipelines/extracts/fingerprint_cache.py): a file seen before is not
sorted and hashed again, a changed byte or a damaged cache entry is fingerprinted afresh, and a file that may still be
changing is never cached.

A file counts as settled SETTLE_NS after its last change (pipelines/file_hashes.py); the tests shorten that to 50 ms,
well above a file system's clock tick, and wait 0.1 s after each write.
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

import duckdb
import polars as pl
import pytest

from pipelines import file_hashes
from pipelines.extracts import fingerprint
from pipelines.extracts.contract import BY_NAME
from pipelines.extracts.ingest import extract_fingerprints, load_extract

TB = BY_NAME["trial_balances"]
# the clean set's trial balance (tests/extracts/conftest.py) in the canonical form of pipelines/extracts/fingerprint.py,
# written by hand: rows in key order (entity_id, period_end, account_id, counterparty_entity_id), cells in contract
# order, money with two places, the empty counterparty as null
CANONICAL = (
    '{"entity_id":"KACC","period_end":"1997-03-31","account_id":"1000","counterparty_entity_id":null,"balance":"12.34"}\n'
    '{"entity_id":"KACC","period_end":"1997-03-31","account_id":"4000","counterparty_entity_id":null,"balance":"-100.00"}\n'
    '{"entity_id":"KACC","period_end":"1997-03-31","account_id":"5000","counterparty_entity_id":null,"balance":"87.66"}\n'
)
# the same with 12.34 on account 1000 made 12.35, one byte of the file
CHANGED = CANONICAL.replace('"12.34"', '"12.35"')


@pytest.fixture
def digests(monkeypatch) -> list[int]:
    """The row count of every digest of rows (the sort-and-hash the cache saves), appended as it is made."""
    made: list[int] = []
    digest = fingerprint._digest

    def counted(chunks):
        chunks = list(chunks)
        made.append(sum(c.height for c in chunks))
        return digest(chunks)

    monkeypatch.setattr(fingerprint, "_digest", counted)
    monkeypatch.setattr(file_hashes, "_KNOWN", {})
    return made


@pytest.fixture
def settle(monkeypatch):
    monkeypatch.setattr(file_hashes, "SETTLE_NS", 50_000_000)
    return lambda: time.sleep(0.1)


def _load(folder: Path, cache: Path) -> str:
    with duckdb.connect() as con:
        assert load_extract(con, folder, TB, cache) == []
        return extract_fingerprints(con)["trial_balances"]


def test_a_file_seen_before_is_not_fingerprinted_again(extracts_dir, tmp_path, digests, settle):
    settle()
    assert _load(extracts_dir, tmp_path / "cache") == hashlib.sha256(CANONICAL.encode()).hexdigest()
    assert digests == [3]  # the three rows sorted and hashed once
    assert _load(extracts_dir, tmp_path / "cache") == hashlib.sha256(CANONICAL.encode()).hexdigest()
    assert digests == [3]  # not again
    (entry,) = (tmp_path / "cache").glob("fingerprint-*.json")
    assert json.loads(entry.read_text()) == {"fingerprint": hashlib.sha256(CANONICAL.encode()).hexdigest()}


def test_a_changed_byte_is_fingerprinted_afresh(extracts_dir, tmp_path, edit, digests, settle):
    settle()
    _load(extracts_dir, tmp_path / "cache")
    edit("trial_balances", ",12.34\n", ",12.35\n")  # in place: the same size, the same inode
    settle()
    assert _load(extracts_dir, tmp_path / "cache") == hashlib.sha256(CHANGED.encode()).hexdigest()
    assert digests == [3, 3]
    assert len(list((tmp_path / "cache").glob("fingerprint-*.json"))) == 2


@pytest.mark.parametrize(
    "damage",
    [
        "{",  # not JSON
        json.dumps({"fingerprint": "A" * 64}),  # not a sha256 as hexdigest writes it
        json.dumps({"fingerprint": "0" * 63}),  # one digit short
        json.dumps({"fingerprint": 0}),
        json.dumps({"fingerprint": "0" * 64, "note": "extra"}),
        json.dumps(["0" * 64]),
    ],
)
def test_a_damaged_cache_entry_is_ignored_and_written_again(extracts_dir, tmp_path, digests, settle, damage):
    settle()
    _load(extracts_dir, tmp_path / "cache")
    (entry,) = (tmp_path / "cache").glob("fingerprint-*.json")
    entry.write_text(damage)
    assert _load(extracts_dir, tmp_path / "cache") == hashlib.sha256(CANONICAL.encode()).hexdigest()
    assert digests == [3, 3]
    assert json.loads(entry.read_text()) == {"fingerprint": hashlib.sha256(CANONICAL.encode()).hexdigest()}


def test_a_file_changed_moments_ago_is_never_cached(extracts_dir, tmp_path, digests):
    # the real SETTLE_NS of two seconds: the files were written just now, so a write within the same clock tick could
    # still go unseen
    assert _load(extracts_dir, tmp_path / "cache") == _load(extracts_dir, tmp_path / "cache")
    assert digests == [3, 3]
    assert not (tmp_path / "cache").exists()


def test_an_unwritable_cache_is_no_error(extracts_dir, tmp_path, digests, settle):
    (tmp_path / "cache").write_text("a file where the folder should be")
    settle()
    assert _load(extracts_dir, tmp_path / "cache") == hashlib.sha256(CANONICAL.encode()).hexdigest()


def test_the_same_rows_as_csv_and_parquet_have_one_fingerprint_and_two_entries(extracts_dir, tmp_path, digests, settle):
    parquet = tmp_path / "parquet"
    parquet.mkdir()
    for path in extracts_dir.glob("*.csv"):
        pl.read_csv(path, infer_schema=False).write_parquet(parquet / f"{path.stem}.parquet")
    settle()
    assert _load(extracts_dir, tmp_path / "cache") == _load(parquet, tmp_path / "cache") == hashlib.sha256(CANONICAL.encode()).hexdigest()
    assert digests == [3, 3]
    assert len(list((tmp_path / "cache").glob("fingerprint-*.json"))) == 2


def test_a_settled_file_is_hashed_once_a_process(tmp_path, monkeypatch, settle):
    monkeypatch.setattr(file_hashes, "_KNOWN", {})
    read = []
    file_digest = hashlib.file_digest
    monkeypatch.setattr(hashlib, "file_digest", lambda file, name: read.append(name) or file_digest(file, name))
    path = tmp_path / "extract.csv"
    path.write_text("a\n1\n")
    settle()
    # sha256 of the four bytes "a\n1\n"
    assert file_hashes.sha256(path) == file_hashes.sha256(path) == hashlib.sha256(b"a\n1\n").hexdigest()
    assert read == ["sha256"]
    path.write_text("a\n2\n")
    assert file_hashes.sha256(path) == hashlib.sha256(b"a\n2\n").hexdigest()
    assert file_hashes.sha256(path) == hashlib.sha256(b"a\n2\n").hexdigest()
    assert read == ["sha256"] * 3  # changed moments ago: read each time
