"""Scenario files are read safely and checked strictly: every refusal names the file, the entry and the reason."""

import hashlib
from pathlib import Path

import pytest

from pipelines.layout import ROOT
from pipelines.scenario.definition import ScenarioError, load_scenario

SCENARIOS = ROOT / "sample" / "scenarios"
INPUT = """  - extract: trial_balances
    account: "4000"
    amount: "1.00"
    offset_account: "1000"
"""


def refused(tmp_path: Path, text: str) -> str:
    path = tmp_path / "scenario.yaml"
    path.write_text(text)
    with pytest.raises(ScenarioError) as raised:
        load_scenario(path)
    message = str(raised.value)
    assert message.startswith(f"scenario {path}: ")
    return message.removeprefix(f"scenario {path}: ")


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("name: x\ndescription: y\n", "(file): a scenario changes something: give inputs, transactions or policies"),
        ("name: x\ndescription: y\ninputs:\n" + INPUT + "    percent: \"5\"\n", "inputs.0: give exactly one of percent or amount"),
        ("name: x\ndescription: y\ninputs:\n" + INPUT.replace('"1.00"', "1.5"), "inputs.0.amount: write exact values as quoted strings"),
        ("name: x\ndescription: y\ninputs:\n" + INPUT.replace('"1.00"', '"1.005"'), "inputs.0: amount 1.005 has more than two decimal places"),
        ("name: x\ndescription: y\ninputs:\n" + INPUT + "    line_item: net_sales\n", "inputs.0: give exactly one of account or line_item"),
        ("name: x\ndescription: y\ninputs:\n" + INPUT + "    colour: red\n", "inputs.0.colour: Extra inputs are not permitted"),
        ("name: x\ndescription: y\ninputs:\n" + INPUT.replace("trial_balances", "incurrences"), "inputs.0.extract: Input should be 'trial_balances'"),
        ("name: x\ndescription: y\ninputs:\n" + INPUT + "    from: 2004-06-30\n    to: 2004-03-31\n", "inputs.0: from 2004-06-30 is after to 2004-03-31"),
        ("name: x\ndescription: y\ntransactions:\n  - date: 1997-11-14\n    file: nowhere.yaml\n", "transactions.0.file: nowhere.yaml is not a file"),
        ("name: x\ndescription: y\npolicies: [nowhere.yaml]\n", "policies.0: nowhere.yaml is not a file"),
        ("name: &a x\ndescription: y\n", "(file): not valid YAML: line 1, column 7: anchors and aliases"),
        ("- a list\n", "(file): must be a mapping"),
    ],
)
def test_a_bad_scenario_is_refused_naming_the_entry_and_the_reason(tmp_path, body, reason):
    assert refused(tmp_path, body).startswith(reason)


def test_a_proposal_is_checked_as_covenants_check_checks_it(tmp_path):
    proposal = tmp_path / "notes.yaml"
    proposal.write_text((SCENARIOS / "transactions" / "notes-180m-1997-11.yaml").read_text().replace('"180000000.00"', "180000000"))
    reason = refused(tmp_path, f"name: x\ndescription: y\ntransactions:\n  - date: 1997-11-14\n    file: {proposal.name}\n")
    assert reason.startswith("transactions.0: notes.yaml: field amount: must be a quoted decimal string")


def test_two_proposals_with_one_id_are_refused(tmp_path):
    notes = SCENARIOS / "transactions" / "notes-180m-1997-11.yaml"
    entry = f"  - date: 1997-11-14\n    file: {notes}\n"
    assert refused(tmp_path, "name: x\ndescription: y\ntransactions:\n" + entry + entry).startswith(
        "transactions: two proposals have the id SCENARIO-NOTES-1997"
    )


def test_the_record_names_the_file_and_the_bytes_of_everything_it_names():
    scenario = load_scenario(SCENARIOS / "issue-notes-1997-11.yaml")
    record = scenario.record
    assert record["file"] == "sample/scenarios/issue-notes-1997-11.yaml"
    assert record["sha256"] == hashlib.sha256((SCENARIOS / "issue-notes-1997-11.yaml").read_bytes()).hexdigest()
    assert record["files"] == {"transactions/notes-180m-1997-11.yaml": hashlib.sha256((SCENARIOS / "transactions/notes-180m-1997-11.yaml").read_bytes()).hexdigest()}
    [proposal] = scenario.proposals
    assert (proposal.kind, proposal.transaction_id, str(proposal.on)) == ("incurrence", "SCENARIO-NOTES-1997", "1997-11-14")
