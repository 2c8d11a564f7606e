"""docs/clauses.md and docs/glossary.md are generated from the policies, the SQL models and the tests; each must say
exactly what the code holds, and the index must find what a reader looks for in it."""

from pipelines.clause_index import defined_in, render_clauses, render_glossary
from pipelines.layout import ROOT


def test_docs_clauses_md_matches_the_code():
    assert (ROOT / "docs" / "clauses.md").read_text() == render_clauses(), "regenerate: make docs"


def test_docs_glossary_md_matches_the_code():
    assert (ROOT / "docs" / "glossary.md").read_text() == render_glossary(), "regenerate: make docs"


def test_a_covenant_is_indexed_with_its_policy_its_mart_and_its_case_file():
    # 4.10(a) is tested by policies/indenture-1996/covenants/4.10-a.yaml on the mart fixed_charge_coverage_tests, with
    # its cases in tests/policy/cases/indenture-1996-4.10-a.yaml
    row = next(line for line in render_clauses().splitlines() if line.startswith("| `indenture-1996/4.10(a)` |"))
    policy, models, tests = row.split(" | ")[1:4]
    assert "`indenture-1996/covenants/4.10-a.yaml`" in policy
    assert "`marts/fixed_charge_coverage_tests`" in models
    assert "`policy/cases/indenture-1996-4.10-a.yaml`" in tests


def test_a_term_is_spelled_and_placed_as_the_agreement_cites_it():
    headers = ["Pricing [Thirteenth Amendment § 1.1, item C, “Pricing Interest Coverage Ratio”] replaces it"]
    assert defined_in("ca-1994", "PricingInterestCoverageRatio", headers) == ("Pricing Interest Coverage Ratio", "Thirteenth Amendment § 1.1, item C")
    # no header cites it: spelled from the clause id; every Indenture term is defined in its § 1.01
    assert defined_in("indenture-1996", "CARIFAFinancing", []) == ("CARIFA Financing", "Indenture § 1.01")
    assert defined_in("ppca-2002", "ActualVALCOEBITDAAmount", []) == ("Actual VALCO EBITDA Amount", "")
