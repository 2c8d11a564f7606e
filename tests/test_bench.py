"""The parts of `make bench` (pipelines/bench.py) whose figures a reader trusts without seeing them measured: the peak
memory of a process, and the nightly run's change to one month of one entity."""

from __future__ import annotations

import shutil
import sys

from pipelines.bench import _one_month_changed, _process
from pipelines.layout import SAMPLE_EXTRACTS_DIR


def test_a_process_peak_memory_is_its_own_not_the_benchs():
    # 300 MB held by a bare interpreter (about 10 MB): the bench's own memory, copied by a fork, would show as more
    seconds, peak_mb, output = _process([sys.executable, "-c", "held = bytearray(300 * 2**20); print('done')"])
    assert 300 <= peak_mb < 360
    assert output == "done\n" and seconds > 0


def test_one_month_of_one_entity_changes_and_still_nets_to_zero(tmp_path):
    shutil.copy(SAMPLE_EXTRACTS_DIR / "trial_balances.csv", tmp_path)
    before = (tmp_path / "trial_balances.csv").read_text().splitlines()
    _one_month_changed(tmp_path, 3)
    after = (tmp_path / "trial_balances.csv").read_text().splitlines()
    changed = [(b, a) for b, a in zip(before, after) if b != a]
    # KACC's cash 148,324,688.63 and receivables 118,507,725.00 at 2004-11-30 (sample/extracts/trial_balances.csv)
    assert changed == [
        ("KACC,2004-11-30,1000,,148324688.63", "KACC,2004-11-30,1000,,148324688.66"),
        ("KACC,2004-11-30,1100,,118507725.00", "KACC,2004-11-30,1100,,118507724.97"),
    ]
    assert len(after) == len(before)
