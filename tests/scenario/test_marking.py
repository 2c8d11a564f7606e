"""A scenario's documents say what they are: the words come from the run's manifest."""

from datetime import date

from openpyxl import load_workbook

from pipelines.outputs.workbook import write_workbook
from pipelines.policy.loading import load_policies
from pipelines.scenario.marking import banner

RECORD = {"name": "EBITDA of 2004Q2 10% lower", "file": "x.yaml", "sha256": "0" * 64, "files": {}}


def test_the_banner_names_the_scenario_and_a_run_of_the_extracts_as_they_are_has_none():
    assert banner({"options": {"period": "2004Q2", "as_of": None, "scenario": RECORD}}) == "Scenario: EBITDA of 2004Q2 10% lower. Not for delivery"
    assert banner({"options": {"period": "2004Q2", "as_of": None}}) is None
    assert banner({}) is None  # a run of the Dagster job records no options


def test_the_workbook_of_a_scenario_opens_on_its_banner(tmp_path):
    words = "Scenario: EBITDA of 2004Q2 10% lower. Not for delivery"
    book = load_workbook(write_workbook([], [], [], load_policies(), tmp_path, date(2004, 6, 30), words))
    assert book.sheetnames[0] == "Scenario" and book.active.title == "Scenario"
    assert book["Scenario"]["A1"].value == f"{words}."
    assert book.properties.title == f"{words}. Covenant compliance as of 2004-06-30"
    plain = load_workbook(write_workbook([], [], [], load_policies(), tmp_path, date(2004, 6, 30)))
    assert "Scenario" not in plain.sheetnames and plain.properties.title == "Covenant compliance as of 2004-06-30"
