"""The registry of document kinds: every declaration in pipelines/certificates/kinds/ is found, each kind states its
clause and signatories, a run whose triggers are not met issues nothing, and the quarter_end job issues nothing once
an extract's blocking check has failed."""

from __future__ import annotations

import shutil


from pipelines.certificates.registry import RunFacts, document_kinds, file_stem, render
from pipelines.fiscal import FiscalQuarter
from pipelines.definitions import defs
from pipelines.instance import project_instance
from pipelines.layout import SAMPLE_EXTRACTS_DIR, TEMPLATES_DIR
from pipelines.run_job import run_config
from test_annual_compliance import MANIFEST, RESULTS


def test_the_existing_kinds_are_found_with_their_clause_template_and_signatories():
    kinds = {kind.name: kind for kind in document_kinds()}
    assert {"indenture-1996-4.06b", "indenture-1996-4.14c", "ppca-2002-compliance", "ppca-2002-borrowing-base"} <= set(kinds)
    assert kinds["indenture-1996-4.06b"].clause_id == "indenture-1996/4.06(b)"
    assert [s.capacity for s in kinds["indenture-1996-4.06b"].signatories] == [
        "Chairman of the Board, President or a Vice President",
        "Chief Financial Officer, Treasurer or Controller",
    ]
    assert [s.capacity for s in kinds["ppca-2002-compliance"].signatories] == ["Chief Financial Officer, Treasurer or Controller of the Company"]
    for kind in kinds.values():
        assert (TEMPLATES_DIR / kind.template).is_file()
        assert kind.signatories, f"{kind.name} has no one to sign it"


def test_a_document_named_after_an_id_from_the_extracts_keeps_its_file_in_the_folder():
    assert file_stem("indenture-1996-4.06c", "ACC-2002-02-12") == "indenture-1996-4.06c-ACC-2002-02-12"
    # "/" and "<" become "_", and the first 8 hex digits of sha256("../ACC<1>") (52a030a4, from sha256sum) tell two
    # such ids apart
    assert file_stem("indenture-1996-4.06c", "../ACC<1>") == "indenture-1996-4.06c-.._ACC_1_-52a030a4"
    assert "/" not in file_stem("indenture-1996-4.06c", "a/b") and file_stem("k", "a/b") != file_stem("k", "a_b")


def test_a_run_whose_triggers_are_not_met_issues_nothing(tmp_path):
    # 1997Q1: no fiscal year closes, no ppca-2002 quarter, no offer gathered
    assert render(RunFacts([FiscalQuarter.parse("1997Q1")], RESULTS, MANIFEST), tmp_path) == []
    assert not (tmp_path / "certificates").exists()


def test_the_job_issues_nothing_once_a_blocking_check_of_the_extracts_failed(tmp_path):
    extracts = shutil.copytree(SAMPLE_EXTRACTS_DIR, tmp_path / "extracts")
    balances = extracts / "trial_balances.csv"
    balances.write_text(balances.read_text().replace("KAC,1996-01-31,1000,,14975000.00", "KAC,1996-01-31,1000,,14975000.001", 1))
    with project_instance() as instance:
        outcome = defs.resolve_job_def("quarter_end").execute_in_process(
            run_config=run_config(extracts, tmp_path / "out", None), partition_key="2003Q4", instance=instance, raise_on_error=False
        )
    assert not outcome.success
    checks = {(e.asset_key, e.check_name): e.passed for e in outcome.get_asset_check_evaluations()}
    # the cent's fraction breaks the trial balances' typing, and with it their identity; every other family passes
    failed = {name for (_, name), passed in checks.items() if not passed}
    assert failed == {"values_typed", "trial_balance_identity"} and len(checks) == 8
    (typed,) = [e for e in outcome.get_asset_check_evaluations() if e.check_name == "values_typed"]
    assert typed.metadata["by_file"].value == {"trial_balances.csv": 1}
    started = {e.step_key for e in outcome.all_events if e.event_type_value == "STEP_START"}
    assert started <= {"extracts", "policy_parameters"}  # no model built, no result evaluated, nothing issued
    assert not (tmp_path / "out").exists()
    assert "trial_balances.csv,2,balance,14975000.001," in (tmp_path / "out-quarantine" / "quarantine.csv").read_text()
