"""The JSON cache's bound (pipelines/json_cache.py): the entries kept of a kind are those last used, not last written."""

import os

import pytest

from pipelines.json_cache import cached_json


def _number(kept: object) -> bool:
    return isinstance(kept, int)


def test_the_entries_kept_are_those_last_used(tmp_path):
    assert cached_json("n", "a", lambda: 1, _number, 2, tmp_path) == 1
    assert cached_json("n", "b", lambda: 2, _number, 2, tmp_path) == 2
    os.utime(tmp_path / "n-a.json", (1_000, 1_000))  # written first, long ago
    os.utime(tmp_path / "n-b.json", (2_000, 2_000))
    assert cached_json("n", "a", lambda: pytest.fail("computed again"), _number, 2, tmp_path) == 1  # used now
    assert cached_json("n", "c", lambda: 3, _number, 2, tmp_path) == 3
    # two kept: a (used last) and c (written last); b, the least recently used, is gone
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n-a.json", "n-c.json"]
