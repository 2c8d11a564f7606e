"""The registry of document kinds: every declaration in pipelines/certificates/kinds/ is found, each kind states its
clause and signatories, a run whose triggers are not met issues nothing, and the Dagster certificates asset issues
nothing while the extracts' blocking checks have not passed."""

from __future__ import annotations

from dagster import AssetKey, DagsterInstance, materialize
from dagster_duckdb import DuckDBResource

from pipelines.assets import extracts, models, policies, results
from pipelines.assets.resources import CovenantFolders
from pipelines.certificates.registry import RunFacts, document_kinds, file_stem, render
from pipelines.fiscal import FiscalQuarter
from pipelines.layout import SAMPLE_EXTRACTS_DIR, TEMPLATES_DIR
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


def test_the_certificates_asset_issues_nothing_while_blocking_checks_have_not_passed(tmp_path):
    resources = {
        "duckdb": DuckDBResource(database=str(tmp_path / "covenants.duckdb")),
        "folders": CovenantFolders(extracts_dir=str(SAMPLE_EXTRACTS_DIR), out_dir=str(tmp_path / "out")),
    }
    with DagsterInstance.ephemeral() as instance:  # no extract check has run in this instance
        outcome = materialize(
            [*extracts.assets, *extracts.checks, *policies.assets, *models.assets, *results.assets],
            selection=[AssetKey("certificates")],
            partition_key="2003Q4",
            resources=resources,
            instance=instance,
            raise_on_error=False,
        )
    assert not outcome.success
    failure = next(e for e in outcome.all_events if e.event_type_value == "STEP_FAILURE")
    assert "blocking checks of the extracts did not pass" in str(failure.event_specific_data.error)
    assert not (tmp_path / "out").exists()
