"""indenture-1996/4.06(b) annual statement as to compliance: hand-built results, rendered to HTML and PDF.

Expected values are derived by hand: FY1996 ends 1996-12-31 and 120 days later is 1997-04-30 (Jan 31 + Feb 28 + Mar 31
+ Apr 30 = 120); FY1999 ends 1999-12-31 and 2000 is a leap year, so 120 days later is 2000-04-29 (31 + 29 + 31 + 29).
"""

from __future__ import annotations

import html as html_module
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from jinja2 import UndefinedError

from pipelines.certificates.kinds.annual_compliance import annual_statement_html, due_date, instrument_status_note
from pipelines.certificates.registry import RunFacts, render
from pipelines.certificates.pdf import write_pdf
from pipelines.certificates.rendering import amount, clauses_in, environment, render_html
from pipelines.fiscal import FiscalQuarter
from pipelines.outputs.manifest import manifest_hash
from pipelines.policy.result import Result

# WeasyPrint warns on import that it lacks the system library harfbuzz-subset; the documents embed their fonts whole,
# so nothing is subset and the warning is noise here.
pytestmark = pytest.mark.filterwarnings("ignore:HarfBuzz-Subset:DeprecationWarning")

NO_DEFAULT = "there is no Event of Default or event which with notice or the passage of time would become an Event of Default which has occurred and is continuing"
RB_CITATIONS = (
    "Indenture § 4.09(a)",
    "Indenture § 4.09(a)(B)",
    "indenture-1996/def/ConsolidatedFixedChargeCoverageRatio",
)
DEBT_CITATIONS = (
    "Indenture § 4.10(a)",
    "indenture-1996/def/ConsolidatedFixedChargeCoverageRatio",
)
CHAPTER_11_NOTE = (
    "the Company filed for Chapter 11 on February 12, 2002, an Event of Default under 6.01(g) with automatic"
    " acceleration; covenant results are informational while the case is pending; whether they can be enforced in the"
    " case is for counsel (R-X05) (Bankr. D. Del. case no. 02-10429; Kaiser Aluminum Corporation Form 8-K, Exhibit 99.1,"
    " press release of February 12, 2002)."
)

MANIFEST = {
    "run_id": "0123456789abcdef",
    "as_of": "1999-12-31",
    "periods": ["1996Q4", "1999Q4"],
    "code": {"source_sha256": "b" * 64},
    "extracts": {"trial_balances": "e" * 64},
    "policies": {"policies/indenture-1996/covenants/4.10-a.yaml": "d" * 64},
    "inputs": {"trial_balances.csv": "c" * 64},
}


def ratio_result(clause_id: str, test_date: date, status: str, actual: str | None, headroom: str | None, **fields) -> Result:
    citations = RB_CITATIONS if clause_id.startswith("indenture-1996/4.09") else DEBT_CITATIONS
    values = dict(
        clause_id=clause_id,
        instrument="indenture-1996",
        test_date=test_date,
        test_kind="transaction",
        status=status,
        actual=None if actual is None else Decimal(actual),
        operator=">",
        threshold=Decimal("2.0"),
        headroom=None if headroom is None else Decimal(headroom),
        headroom_pct=None,
        inputs={
            "consolidated_ebitda": {"value": "1234567.89", "clause_id": "indenture-1996/def/ConsolidatedEBITDA"},
            "consolidated_fixed_charges": {"value": "503907.30", "clause_id": "indenture-1996/def/ConsolidatedFixedCharges"},
        },
        citations=citations,
        figure="Consolidated Fixed Charge Coverage Ratio",
        determination_date=test_date,
    )
    values.update(fields)
    return Result(**values)


PASS_1996 = ratio_result(
    "indenture-1996/4.09(a)(B)", date(1996, 12, 27), "pass", "2.450000", "0.450000",
    transaction_id="RP-1996-01", explanation="Consolidated Fixed Charge Coverage Ratio 2.450000 > 2.0 is true.",
)
YEAR_END_INFO_1996 = ratio_result(
    "indenture-1996/4.10(a)", date(1996, 12, 31), "not_applicable", "2.310000", "0.310000",
    test_kind="information", explanation="Information only: no transaction on this date.",
)
FAIL_1999 = ratio_result(
    "indenture-1996/4.10(a)", date(1999, 7, 1), "fail", "1.850000", "-0.150000",
    transaction_id="INC-1999-02", explanation="Consolidated Fixed Charge Coverage Ratio 1.850000 > 2.0 is false.",
)
INDETERMINATE_1999 = ratio_result(
    "indenture-1996/4.09(a)(B)", date(1999, 9, 30), "indeterminate", None, None,
    transaction_id="RP-1999-09",
    explanation="Cannot be determined: consolidated_fixed_charges missing for 1999Q3 <script>alert(1)</script>.",
)
WAIVED_1999 = ratio_result(
    "indenture-1996/4.10(a)", date(1999, 11, 2), "waived", "1.990000", "-0.010000",
    transaction_id="INC-1999-03", waiver_id="IND-CONSENT-1999", status_before_waiver="fail",
    explanation="Consolidated Fixed Charge Coverage Ratio 1.990000 > 2.0 is false. Noncompliance waived by IND-CONSENT-1999.",
)
MID_YEAR_INFO_1999 = ratio_result(
    "indenture-1996/4.10(a)", date(1999, 6, 30), "not_applicable", "2.200000", "0.200000",
    test_kind="information", explanation="Information only: mid-year figure, not on the statement.",
)
OTHER_INSTRUMENT_1999 = ratio_result(
    "ppca-2002/9.2.4(a)", date(1999, 12, 31), "fail", "1.000000", "-1.000000",
    instrument="ppca-2002", explanation="Another instrument's failure: not a 4.06(b) matter.",
)
RESULTS = [PASS_1996, YEAR_END_INFO_1996, FAIL_1999, INDETERMINATE_1999, WAIVED_1999, MID_YEAR_INFO_1999, OTHER_INSTRUMENT_1999]
QUARTERS = [FiscalQuarter(1996, 4), FiscalQuarter(1999, 3), FiscalQuarter(1999, 4)]


def text_of(page: str) -> str:
    """The HTML with tags dropped, whitespace collapsed and entities decoded, for phrase assertions across line breaks."""
    import re

    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", "", page)).split())


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> tuple[Path, list[Path]]:
    out_dir = tmp_path_factory.mktemp("run")
    return out_dir, render(RunFacts(QUARTERS, RESULTS, MANIFEST), out_dir)


@pytest.fixture(scope="module")
def fy1996(rendered) -> str:
    return (rendered[0] / "certificates" / "indenture-1996-4.06b-FY1996.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def fy1999(rendered) -> str:
    return (rendered[0] / "certificates" / "indenture-1996-4.06b-FY1999.html").read_text(encoding="utf-8")


def test_one_html_and_one_pdf_per_fiscal_year_closed_in_the_run(rendered):
    out_dir, paths = rendered
    folder = out_dir / "certificates"
    assert paths == [
        folder / "indenture-1996-4.06b-FY1996.html",
        folder / "indenture-1996-4.06b-FY1996.pdf",
        folder / "indenture-1996-4.06b-FY1999.html",
        folder / "indenture-1996-4.06b-FY1999.pdf",
    ]


def test_no_statement_without_a_fourth_quarter_or_before_fy1996(tmp_path):
    quarters = [FiscalQuarter(1995, 4), FiscalQuarter(1997, 1), FiscalQuarter(1997, 2), FiscalQuarter(1997, 3)]
    assert render(RunFacts(quarters, RESULTS, MANIFEST), tmp_path) == []


def test_pdf_is_written_and_non_trivial(rendered):
    for path in rendered[1]:
        if path.suffix == ".pdf":
            data = path.read_bytes()
            assert data.startswith(b"%PDF")
            assert len(data) > 10_000


def test_due_date_is_fiscal_year_end_plus_120_days(fy1996, fy1999):
    assert due_date(1996) == date(1997, 4, 30)
    assert due_date(1999) == date(2000, 4, 29)  # 2000 is a leap year
    assert due_date(2000) == date(2001, 4, 30)
    assert "On or before <strong>April 30, 1997</strong>" in fy1996
    assert "On or before <strong>April 29, 2000</strong>" in fy1999
    assert "fiscal year ended December 31, 1996" in text_of(fy1996)


def test_addressed_to_the_trustee_from_the_company_citing_the_clause(fy1996):
    text = text_of(fy1996)
    assert "First Trust National Association, as Trustee" in text
    assert "Kaiser Aluminum & Chemical Corporation (the “Company”)" in text
    assert "indenture-1996/4.06(b)" in text
    assert "[Indenture § 4.06(b)]" in text
    assert "a review of the activities of the Company during the fiscal year ended December 31, 1996 and of performance under the Indenture has been made under his or her supervision" in text


def test_clean_year_says_no_event_of_default(fy1996):
    text = text_of(fy1996)
    assert NO_DEFAULT in text
    assert "The following matters are disclosed" not in text


def test_figures_citations_and_inputs_of_each_result(fy1996):
    text = text_of(fy1996)
    for citation in RB_CITATIONS + DEBT_CITATIONS:
        assert citation in text
    assert "2.450000" in text and "0.450000" in text and "2.310000" in text
    assert "1,234,567.89" in text and "503,907.30" in text  # inputs, with their defined-term clause ids
    assert "indenture-1996/def/ConsolidatedEBITDA" in text
    assert "RP-1996-01" in text
    assert "information, year end" in text


def test_failure_is_disclosed_and_the_no_default_sentence_is_absent(fy1999):
    text = text_of(fy1999)
    assert "there is no Event of Default" not in text
    assert "no Event of Default" not in text
    assert "The following matters are disclosed" in text
    disclosed = text.split("The following matters are disclosed", 1)[1].split("IN WITNESS WHEREOF", 1)[0]
    assert "indenture-1996/4.10(a), transaction test on July 1, 1999 (transaction INC-1999-02)" in disclosed
    assert "Consolidated Fixed Charge Coverage Ratio of 1.850000 is not greater than 2.0 (short by 0.150000)" in disclosed
    assert "failed and not waived" in disclosed


def test_indeterminate_result_says_compliance_could_not_be_determined_and_why(fy1999):
    disclosed = text_of(fy1999).split("The following matters are disclosed", 1)[1].split("IN WITNESS WHEREOF", 1)[0]
    assert "compliance with indenture-1996/4.09(a)(B) could not be determined" in disclosed
    assert "Cannot be determined: consolidated_fixed_charges missing for 1999Q3" in disclosed


def test_waived_noncompliance_is_listed_but_not_as_a_continuing_default(fy1999):
    text = text_of(fy1999)
    waived = text.split("Waived noncompliance", 1)[1].split("Basis of this statement", 1)[0]
    assert "IND-CONSENT-1999" in waived and "1.990000" in waived
    disclosed = text.split("The following matters are disclosed", 1)[1].split("Waived noncompliance", 1)[0]
    assert "INC-1999-03" not in disclosed


def test_schedule_keeps_tests_and_year_end_information_only(fy1999):
    text = text_of(fy1999)
    assert "INC-1999-02" in text and "RP-1999-09" in text and "INC-1999-03" in text
    assert "mid-year figure" not in text  # an information row of June 30 is not on the statement
    assert "ppca-2002" not in text  # another instrument's results are not 4.06(b) matters


def test_headroom_shortfall_in_parentheses_as_labelled(fy1999):
    assert "(0.150000)" in fy1999
    assert "Figures in parentheses are negative, and a negative headroom is a shortfall" in text_of(fy1999)


def test_explanations_are_escaped(fy1999):
    assert "<script>" not in fy1999
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in fy1999


def test_a_section_number_is_kept_with_its_sign_and_a_clause_id_whole():
    assert str(clauses_in("Threshold 2.0 ([Indenture § 4.10(a)] greater than 2.0 to 1) under indenture-1996/4.10(a).")) == (
        'Threshold 2.0 ([Indenture <span class="nowrap">§ 4.10(a)</span>] greater than 2.0 to 1) under '
        '<span class="clause">indenture-1996/4.10(a)</span>.'
    )
    assert 'Sixth Amendment <span class="nowrap">§§ 1.1(a)</span> &amp; 1.4' in str(clauses_in("Sixth Amendment §§ 1.1(a) & 1.4"))


def test_run_id_manifest_hash_as_of_and_code_sha256_in_the_footer(fy1996):
    footer = fy1996.split('<div class="page-footer">', 1)[1].split("</div>", 1)[0]
    assert MANIFEST["run_id"] in footer
    assert manifest_hash(MANIFEST) in footer
    assert "as of 1999-12-31" in footer
    assert f'code sha256 <span class="mono">{"b" * 64}</span>' in footer
    assert "Generated from policies/indenture-1996 and the extracts listed in manifest.json" in footer
    assert '<meta name="dcterms.created" content="1999-12-31">' in fy1996


def test_schedule_b_cites_each_extract_by_its_content_fingerprint_not_its_file_bytes(fy1996):
    evidence = fy1996.split("<h2>Evidence schedule</h2>", 1)[1]
    assert '<tr><td>trial_balances</td><td class="mono">' + "e" * 64 + "</td></tr>" in evidence
    assert "c" * 64 not in fy1996 and "trial_balances.csv" not in fy1996


def test_signature_blocks_for_both_officers_left_blank(fy1996):
    text = text_of(fy1996)
    assert "(i) Chairman of the Board, President or a Vice President" in text
    assert "(ii) Chief Financial Officer, Treasurer or Controller" in text
    assert fy1996.count('<span class="label">By:</span><span class="blank"></span>') == 2
    assert fy1996.count('<span class="label">Date:</span><span class="blank"></span>') == 2


def test_chapter_11_note_is_disclosed_and_blocks_the_no_default_sentence():
    explanation = "Consolidated Fixed Charge Coverage Ratio 2.450000 > 2.0 is true. Threshold 2.0 ([Indenture § 4.09(a)(B)]). Note: " + CHAPTER_11_NOTE
    assert instrument_status_note(explanation) == CHAPTER_11_NOTE
    passing = ratio_result(
        "indenture-1996/4.09(a)(B)", date(2002, 6, 3), "pass", "2.450000", "0.450000",
        transaction_id="RP-2002-01", explanation=explanation,
    )
    later = ratio_result(
        "indenture-1996/4.10(a)", date(2002, 9, 3), "pass", "2.500000", "0.500000",
        transaction_id="INC-2002-01", explanation=explanation.replace("2.450000", "2.500000"),
    )
    page = annual_statement_html([passing, later], 2002, MANIFEST)
    text = text_of(page)
    assert "no Event of Default" not in text
    disclosed = text.split("The following matters are disclosed", 1)[1].split("IN WITNESS WHEREOF", 1)[0]
    assert "Note 1: Chapter 11 / informational status of the Notes" in disclosed
    assert CHAPTER_11_NOTE in disclosed
    assert "This note applies to every test in Schedule A" in disclosed
    assert text.count(CHAPTER_11_NOTE) == 1  # stated once, not once per test
    assert page.count('<a href="#note-1">Note 1</a>') == 2  # each row of Schedule A refers to it


def test_html_is_byte_identical_across_renders():
    assert annual_statement_html(RESULTS, 1999, MANIFEST) == annual_statement_html(list(reversed(RESULTS)), 1999, MANIFEST)


def test_pdf_is_byte_identical_across_renders(tmp_path, fy1996):
    first = write_pdf(fy1996, tmp_path / "first.pdf").read_bytes()
    second = write_pdf(fy1996, tmp_path / "second.pdf").read_bytes()
    assert first == second


def test_strict_undefined_raises_on_a_missing_variable():
    with pytest.raises(UndefinedError):
        render_html("indenture-1996/annual_statement_4_06b.html.j2", {"clause_id": "indenture-1996/4.06(b)"})
    with pytest.raises(UndefinedError):
        environment().from_string("{{ missing }}").render()


def test_environment_autoescapes_every_template():
    assert environment().from_string("{{ text }}").render(text="<b>&</b>") == "&lt;b&gt;&amp;&lt;/b&gt;"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("1234567.89"), "1,234,567.89"),
        ("1234567.89", "1,234,567.89"),
        (Decimal("2.450000"), "2.450000"),
        ("-0.150000", "(0.150000)"),
        (Decimal("1E+3"), "1,000"),
        (Decimal("-0.00"), "0.00"),
        (1000000, "1,000,000"),
        (None, "—"),
    ],
)
def test_amount_keeps_every_digit(value, shown):
    assert amount(value) == shown


def test_amount_refuses_floats_and_non_numbers():
    with pytest.raises(TypeError):
        amount(2.45)
    with pytest.raises(ValueError):
        amount("two")
    with pytest.raises(ValueError):
        amount(Decimal("NaN"))
