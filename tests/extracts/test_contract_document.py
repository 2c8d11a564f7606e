"""docs/extracts.md is generated from the contract; it must say exactly what ingestion enforces."""

from pipelines.extracts.document import render
from pipelines.layout import ROOT


def test_docs_extracts_md_matches_the_contract():
    assert (ROOT / "docs" / "extracts.md").read_text() == render(), "regenerate: python -m pipelines.extracts.document > docs/extracts.md"
