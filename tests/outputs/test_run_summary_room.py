"""The run's printout says how far a failure is from being met, and how far a tight result may move before it fails
(the room to move of the results in conftest.py, written by hand)."""

from __future__ import annotations

from pipelines.fiscal import FiscalQuarter
from pipelines.outputs.run_summary import summary
from pipelines.outputs.text_table import text_table


def test_failures_say_how_far_and_tight_results_how_much_room_is_left(results):
    printed = summary("0123456789abcdef", [FiscalQuarter(2003, 4), FiscalQuarter(2004, 1)], results, [], text_table).splitlines()
    failures = printed.index("Failures and waivers")
    tight = printed.index("Tight: complying within the cushion the policy sets")
    # after the failures' table (header, rule, three rows): the room to move of the one failure that has it
    assert printed[failures + 6] == "  2003-11-30 EBITDA for the 12 months would have to rise by at least 541,418.02 for ppca-2002/9.2.4(b) to be met."
    assert printed[tight + 1] == (
        "  ppca-2002/9.2.4(a) (March 31, 2004): EBITDA for the 4 Fiscal Quarters may fall by up to 1,000,000.00 before "
        "ppca-2002/9.2.4(a) fails; a fall of 1,000,000.01 fails it."
    )
    assert printed[tight + 2] == ""
