"""report.html shows each result's band in its colour and its room to move: in the list of failures ("How far") and in
each drill-down, with the reason where there is none (the results of conftest.py, written by hand)."""

from __future__ import annotations

from dataclasses import replace

from pipelines.extracts.contract import EXTRACTS
from pipelines.fiscal import FiscalQuarter
from pipelines.outputs.report import write_report
from pipelines.policy.loading import load_policies
from pipelines.policy.result import Result


def test_bands_in_colour_and_the_room_to_move_in_words(results: list[Result], tmp_path):
    manifest = {"run_id": "0123456789abcdef", "as_of": "2004-03-31", "periods": ["2003Q4", "2004Q1"], "inputs": {f"{e.name}.csv": "0" * 64 for e in EXTRACTS}}
    undetermined = next(i for i, r in enumerate(results) if r.status == "indeterminate")
    results[undetermined] = replace(results[undetermined], room_to_move_reason="the result cannot be determined")
    [page] = write_report(results, [FiscalQuarter(2003, 4), FiscalQuarter(2004, 1)], load_policies(), manifest, tmp_path)
    html = page.read_text()
    listed = html[html.index('id="attention"') : html.index('id="grid"')]
    assert "<td>EBITDA for the 12 months would have to rise by at least 541,418.02 for ppca-2002/9.2.4(b) to be met.</td>" in listed
    november = html[html.index("2003-11-30 · ppca-2002/9.2.4(b)") :].split("</details>")[0]
    assert '· <span class="b-breach">breach</span></summary>' in november
    assert ('<tr><th>Room to move</th><td>EBITDA for the 12 months would have to rise by at least 541,418.02 for ppca-2002/9.2.4(b) '
            'to be met. Assuming: the threshold and its reductions stay as they are.</td><td class="b-breach">breach</td></tr>') in november
    march = html[html.index("2004-03-31 · ppca-2002/9.2.4(a)") :].split("</details>")[0]
    assert '<td class="b-tight">tight</td>' in march
    assert "<tr><th>Room to move</th><td colspan=\"2\">None: the result cannot be determined.</td></tr>" in html
    assert ".b-tight { background: var(--waived-bg)" in html
