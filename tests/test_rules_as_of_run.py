"""A real run of 2003Q3 under the agreements as they stood on July 31, 2003, the day before the Sixth Amendment was
signed: its minimum EBITDA tables, Borrowing Base clauses and capital expenditure chart are left out, and 9.2.4 as it
stood then is in the agreement as signed and its First to Fifth Amendments, which are not held. The option is in the
manifest and on every document, each result states the rule versions it applied, and `covenants verify` re-runs it."""

import csv
import json
from contextlib import redirect_stdout
from io import StringIO

import pytest

from pipelines.cli import main
from pipelines.layout import SAMPLE_EXTRACTS_DIR

BEFORE_SIXTH = (
    "ppca-2002/9.2.4(a): before ppca-2002/amend6, the Post-Petition Credit Agreement as signed (February 12, 2002) and its "
    "First to Fifth Amendments (not held), signing date not known (policies/ppca-2002/covenants/9.2.4-a.yaml)"
)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """The run's output folder and what it printed."""
    folder = tmp_path_factory.mktemp("rules-as-of") / "out"
    printed = StringIO()
    with redirect_stdout(printed):
        assert main(["run", "--extracts", str(SAMPLE_EXTRACTS_DIR), "--out", str(folder), "--period", "2003Q3", "--rules-as-of", "2003-07-31", "--quiet"]) == 0
    return folder, printed.getvalue()


@pytest.fixture(scope="module")
def out(run):
    return run[0]


def test_the_option_is_in_the_manifest(out):
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["options"] == {"period": "2003Q3", "as_of": None, "rules_as_of": "2003-07-31"}


def test_the_september_2003_minimum_ebitda_test_is_in_a_text_not_held(out):
    # as the agreements are, 9/30/03: (120,000,000) >= (114,000,000) less reductions of 15,750,000 = (129,750,000),
    # pass; as they stood on July 31, 2003 the table did not exist and the text in force then is not held
    [september] = [r for r in json.loads((out / "results.json").read_text()) if r["clause_id"] == "ppca-2002/9.2.4(a)"]
    assert (september["test_date"], september["status"], september["threshold"]) == ("2003-09-30", "indeterminate", None)
    assert september["rules_applied"] == [{
        "rule": "clause", "rule_id": "ppca-2002/9.2.4(a)", "version": "before ppca-2002/amend6",
        "title": "the Post-Petition Credit Agreement as signed (February 12, 2002) and its First to Fifth Amendments (not held)",
        "signed_on": None, "effective_on": None, "policy_file": "policies/ppca-2002/covenants/9.2.4-a.yaml",
    }]
    with (out / "results.csv").open(newline="") as handle:
        [row] = [r for r in csv.DictReader(handle) if r["clause_id"] == "ppca-2002/9.2.4(a)"]
    assert row["rules_applied"] == BEFORE_SIXTH


def test_every_document_says_so_and_lists_the_rules_applied(out):
    documents = sorted((out / "certificates").glob("*.html"))
    assert [d.name for d in documents] == ["ppca-2002-borrowing-base-2003Q3.html", "ppca-2002-compliance-2003Q3.html"]
    for document in documents:
        html = document.read_text()
        assert "rules as of 2003-07-31" in html and "&#34;rules_as_of&#34;: &#34;2003-07-31&#34;" in html
        assert "Under the agreements as they stood on 2003-07-31: what was signed after that day is left out." in html
    assert ('<li><span class="nowrap">ppca-2002/9.2.4(a)</span>: before ppca-2002/amend6, the Post-Petition Credit Agreement as '
            "signed (February 12, 2002) and its First to Fifth Amendments (not held), signing date not known "
            '<span class="nowrap">(policies/ppca-2002/covenants/9.2.4-a.yaml)</span></li>') in (out / "certificates/ppca-2002-compliance-2003Q3.html").read_text()
    assert "under the agreements as they stood on 2003-07-31" in (out / "report.html").read_text()


def test_verify_re_runs_it_under_the_same_rules(out, capsys):
    assert main(["verify", str(out / "certificates/ppca-2002-compliance-2003Q3.pdf")]) == 0


def test_the_summary_says_so_under_its_first_line(run):
    lines = run[1].splitlines()
    # the quarter's results are determined from the Sixth Amendment's effectiveness conditions on its date (August 1)
    # to the September 30 tests of 9.2.4 and the Borrowing Base, determined when the quarter's statements are due, 45
    # days after it (November 14): seven dates, more than the first line lists one by one
    assert lines[0].startswith("Quarter-end run ") and lines[0].endswith(
        "2003Q3, figures to September 30, 2003; determined on 7 dates, August 1, 2003 to November 14, 2003 (each result's own in results.json)"
    )
    assert lines[1] == "Under the agreements as they stood on July 31, 2003: what was signed after that day is left out."


def test_a_scenario_under_rules_as_of_is_refused(tmp_path, capsys):
    scenario = SAMPLE_EXTRACTS_DIR.parent / "scenarios" / "amend-minimum-ebitda-2004-06.yaml"
    assert main(["run", "--extracts", str(SAMPLE_EXTRACTS_DIR), "--out", str(tmp_path / "out"), "--scenario", str(scenario), "--rules-as-of", "2003-07-31"]) == 2
    assert "--scenario and --rules-as-of cannot be given together yet" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
