"""`covenants explain`: three results of the embedded sample, down to their rows. Every expected line is derived by
hand from the extract files (the row numbers count the CSV header as row 1) and the policy files, as each test says."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from pipelines.check.prepared import ATTACHED, open_prepared
from pipelines.cli import EXIT_BAD_INPUT, main
from pipelines.explain import command as explain_command
from pipelines.explain.command import explain
from pipelines.explain.derivation import NotFound, find
from pipelines.explain.terms import input_label, readable
from pipelines.extracts.contract import EXTRACTS
from pipelines.fiscal import FiscalQuarter
from pipelines.layout import SAMPLE_EXTRACTS_DIR
from pipelines.outputs.report import write_report


@pytest.fixture(scope="module")
def cache(prepared_cache) -> Path:
    """The module's cache folder, the sample's prepared database in it (tests/conftest.py)."""
    return prepared_cache


def tree(cache: Path, clause: str, on: date, transaction: str | None = None) -> list[str]:
    return explain(SAMPLE_EXTRACTS_DIR, clause, on, transaction, cache).splitlines()


def test_the_november_2003_minimum_ebitda_failure_down_to_the_trial_balance_rows(cache):
    lines = tree(cache, "ppca-2002/9.2.4(b)", date(2003, 11, 30))
    assert lines[0] == "ppca-2002/9.2.4(b) on 2003-11-30: does not comply"
    assert "├── Figure tested: EBITDA for the 12 months (ppca-2002/def/EBITDA), 2002-12-01 to 2003-11-30: (127,541,418.02)" in lines
    # the Sixth Amendment's table: 11/30/03 $(100,000,000); less the VALCO reduction (9,000,000 for the quarter to
    # September, 4,000,000 for October and for November) and the natural gas reduction of 10,000,000: (127,000,000)
    assert ("│   ├── Must be at least (127,000,000.00): (100,000,000) ([Sixth Amendment § 1.4 (Credit Agreement § 9.2.4(b))] 12 months ending 11/30/03 $(100,000,000)), "
            "reduced by 27,000,000.00 under ppca-2002/9.2.4(c), ppca-2002/9.2.4(d)") in lines
    # -127,541,418.02 - (-127,000,000.00) = -541,418.02; 541,418.02 / 127,000,000 = 0.43%
    assert "│   ├── Headroom: (541,418.02), (0.43%) of the threshold" in lines
    # the same threshold as figures: (100,000,000) less 17,000,000 (9.2.4(c): the credits of the 3-month unit to
    # September, 900,000 forecast less (8,100,000) actual = 9,000,000, and of October and November, 1,210,000 less
    # (2,790,000) = 4,000,000 each) less 10,000,000 (9.2.4(d): R1 = 5,000,000 x (4.85 - 3.50) = 6,750,000 and
    # R2 = min(10,000,000 - 6,750,000, 5,000,000 x (4.60 - 3.50) = 5,500,000) = 3,250,000)
    limits = [line for line in lines if line.startswith("│   ├── ") and lines.index(line) > lines.index("├── Threshold, caps, credits and reductions")]
    assert [line.split(": ")[0][8:] + ": " + line.rsplit(": ", 1)[1] for line in limits[:7]] == [
        "Threshold: (127,000,000.00)",
        "Base: (100,000,000)",
        "Reduction: 17,000,000.00",
        "Credit: 9,000,000.00",
        "Credit: 4,000,000.00",
        "Credit: 4,000,000.00",
        "Cap: 60,000,000.00",
    ]
    assert ("│   ├── Credit: natural gas price reduction R1, 2003-07-01 to 2003-09-30 [ppca-2002/9.2.4(d)] "
            "(applies to natural_gas_reduction): 6,750,000.00") in lines
    assert ("│   ├── Credit: natural gas price reduction R2, 2003-10-01 to 2003-12-31 [ppca-2002/9.2.4(d)] "
            "(applies to natural_gas_reduction): 3,250,000.00") in lines
    # KACC's account 6000: 2002-12 YTD 12,362,404.87 (row 21135) less 2002-11 YTD 12,362,404.87 (row 20880) = 0, and
    # 2003-11 YTD 41,562.50 (row 23833), no 2003 row before it
    interest = lines.index("│   ├── Interest expense [ppca-2002/def/EBITDA]: 1,294,603.47")
    assert lines[interest + 1 : interest + 5] == [
        "│   │   └── Trial-balance accounts, 2002-12-01 to 2003-11-30: 1,294,603.47",
        "│   │       ├── 6000 Interest expense: 1,266,972.71",
        "│   │       │   ├── Alumina Partners of Jamaica: 976,733.33 (trial_balances.csv rows 20953, 21208, 21452, 21694, 21939, "
        "22184, 22429, 22675, 22921, 23167, 23412, 23657, 23903)",
        "│   │       │   ├── Kaiser Aluminum & Chemical Corporation: 41,562.50 (trial_balances.csv rows 20880, 21135, 23833)",
    ]
    # the March 29, 2004 letter waives 9.2.4(b) for 2004-03-31, 2004-04-30 and 2004-05-31 only
    assert ("│   ├── Limited waiver of the minimum EBITDA test, March 29, 2004 (ppca-2002/waiver-2004-03-29-minimum-ebitda, "
            "dated 2004-03-29): Not applied: it covers ppca-2002/9.2.4(b) for test dates 2004-03-31, 2004-04-30, 2004-05-31 only.") in lines
    assert any(line.startswith("│   └── Amendment applied, the clause is tested as amended: ppca-2002/amend6 section 1.4") for line in lines)


def test_a_4_10_a_incurrence_down_to_its_row_and_the_depreciation_accounts(cache):
    lines = tree(cache, "indenture-1996/4.10(a)", date(1998, 4, 15), "INC-1998-04-TL")
    assert lines[0] == "indenture-1996/4.10(a) on 1998-04-15 for INC-1998-04-TL: complies"
    # incurrences.csv line 7: INC-1998-04-TL, 1998-04-15, TL-1997, 25,000,000.00 under 4.10(a)
    assert lines[lines.index("├── Transaction INC-1998-04-TL") + 1] == "│   └── incurrences.csv row 7"
    # the four quarters before the Transaction Date whose figures were available: calendar 1997; the 1997-12-31
    # fiscal-year-to-date balances of account 5300: KACC 62,400,000 + KSM 1,800,000 + KBC 1,800,000 + ALPART
    # 10,800,000 + QAL 7,800,000 + KJBC 1,440,000 + VALCO 6,600,000 + KAII 600,000 + KBX 600,000 + KCP 300,000 +
    # the three plants 1,599,999.96 + 1,599,999.96 + 1,600,000.08 = 98,940,000.00; with account 5310 (480,000.00)
    depreciation = lines.index(
        "│   ├── Consolidated Depreciation Expense [indenture-1996/def/ConsolidatedDepreciationExpense]: 99,420,000.00")
    assert lines[depreciation + 1 : depreciation + 3] == [
        "│   │   └── Trial-balance accounts, 1997-01-01 to 1997-12-31: 99,420,000.00",
        "│   │       ├── 5300 Depreciation and depletion: 98,940,000.00",
    ]
    # CCFAFC 362,156,844.74 over the forward charges 115,987,031.25 + 747,743.06 + 928,875.00 + the deemed (b)(ii)
    # draw's 24,381,500.00 = 142,045,149.31 gives 2.549590 (six places), greater than 2.0 by 0.549590, 27.48% of 2.0
    assert lines[lines.index("│   ├── Must be greater than 2.0 ([Indenture § 4.10(a)] greater than 2.0 to 1 (strict: exactly 2.0 fails, R-I05))") + 1] == (
        "│   ├── Headroom: 0.549590, 27.48% of the threshold")
    assert "├── Waivers and amendments considered: none names this clause" in lines
    # the ratio's numerator down to the trial balances' balance column: the four quarters' Consolidated Cash Flow
    # Available for Fixed Charges, whose add-backs are the consolidated ledger's activity, which is each account's
    # movement in the trial balances' fiscal-year-to-date balance
    section = lines.index("├── Where the figure's columns come from, down to the extract columns (the SQL models' column lineage)")
    assert lines[section + 1].startswith("│   ├── fixed_charge_coverage_tests.numerator, the ratio's numerator: ")
    balance = lines.index("│   │   ├── trial_balances.balance, through")
    assert section < balance and lines[balance + 1 : balance + 3] == [
        "│   │   │   consolidated_cash_flow_available_for_fixed_charges.consolidated_cash_flow_available_for_fixed_charges",
        "│   │   │   → consolidated_ledger.activity → stg_trial_balance_activity.activity",
    ]
    assert any(line.startswith("│   ├── fixed_charge_coverage_tests.denominator, the ratio's denominator: ") for line in lines[section:])


def test_an_input_lists_its_first_accounts_and_counts_and_adds_up_the_others(cache):
    # Consolidated Depreciation Expense for 1997 is two accounts (the case above): 5300, 98,940,000.00, and 5310,
    # 480,000.00 (KACC's alone); listing one, the second is counted and added up, and the total is still both
    lines = explain(SAMPLE_EXTRACTS_DIR, "indenture-1996/4.10(a)", date(1998, 4, 15), "INC-1998-04-TL", cache, accounts_shown=1).splitlines()
    depreciation = lines.index(
        "│   ├── Consolidated Depreciation Expense [indenture-1996/def/ConsolidatedDepreciationExpense]: 99,420,000.00")
    end = lines.index("│   ├── Consolidated Amortization Expense [indenture-1996/def/ConsolidatedAmortizationExpense]: 2,393,333.30")
    listed = [line for line in lines[depreciation + 1 : end] if not line.startswith("│   │       │   ")]
    assert listed == [
        "│   │   └── Trial-balance accounts, 1997-01-01 to 1997-12-31: 99,420,000.00",
        "│   │       ├── 5300 Depreciation and depletion: 98,940,000.00",
        "│   │       └── 1 more account: 480,000.00 (`covenants explain --all-accounts` lists each with its rows)",
    ]
    # the sample lists every account by default: no input of it sums more than 25 (net income, 24)
    assert not any("more account" in line for line in tree(cache, "ppca-2002/9.2.4(a)", date(2003, 12, 31)))


def test_the_command_lists_25_accounts_of_an_input_unless_told_every_one(cache, monkeypatch, capsys):
    asked = []
    monkeypatch.setattr(explain_command, "explain", lambda *args: asked.append(args[-1]) or "the tree")
    args = ["explain", "indenture-1996/4.10(a)", "--date", "1998-04-15", "--cache", str(cache)]
    assert main(args) == 0 and main([*args, "--all-accounts"]) == 0
    assert asked == [25, None]
    assert capsys.readouterr().out == "the tree\nthe tree\n"


def test_a_4_10_b_ii_basket_drawing_down_to_its_row(cache):
    lines = tree(cache, "indenture-1996/4.10(b)(ii)", date(2003, 11, 17))
    # incurrences.csv line 17: INC-2003-11-DIP, 105,000,000.00 under the Post-Petition Credit Agreement; already
    # outstanding under it on that day, letters_of_credit.csv lines 29-31 (issued 2003-02-12, not cash
    # collateralised): 16,000,000 + 9,000,000 + 30,000,000 = 55,000,000; after: 160,000,000 of 400,000,000
    assert lines[0] == "indenture-1996/4.10(b)(ii) on 2003-11-17 for INC-2003-11-DIP: complies"
    assert ("├── Figure tested: (ii) Indebtedness outstanding after the Incurrence (indenture-1996/4.10(b)(ii)), "
            "2003-11-17 to 2003-11-17: 160,000,000.00") in lines
    assert "│   ├── Amount incurred [indenture-1996/4.10(b)(ii)]: 105,000,000.00" in lines
    assert "│   ├── Usage before [indenture-1996/4.10(b)(ii)]: 55,000,000.00" in lines
    assert "│   ├── Headroom: 240,000,000.00, 60.00% of the threshold" in lines
    assert lines[lines.index("├── Transaction INC-2003-11-DIP") + 1] == "│   └── incurrences.csv row 17"


def test_the_command_prints_the_tree_and_names_the_dates_a_clause_is_tested_on(cache, capsys):
    assert main(["explain", "indenture-1996/4.10(b)(ii)", "--date", "2003-11-17", "--cache", str(cache)]) == 0
    assert capsys.readouterr().out.startswith("indenture-1996/4.10(b)(ii) on 2003-11-17 for INC-2003-11-DIP: complies\n")
    assert main(["explain", "ppca-2002/9.2.4(b)", "--date", "2003-11-29", "--cache", str(cache)]) == EXIT_BAD_INPUT
    assert capsys.readouterr().err == ("covenants: ppca-2002/9.2.4(b) has no result on 2003-11-29; its nearest test dates are "
                                       "2003-08-31, 2003-09-30, 2003-10-31, 2003-11-30, 2003-12-31, 2004-01-31\n")


def test_inputs_are_named_by_their_defined_terms_and_paragraphs():
    assert input_label("consolidated_net_income", "indenture-1996/def/ConsolidatedNetIncome") == "Consolidated Net Income"
    assert input_label("aneo_q_ii_prepetition_labor_claims_accruals_excluded", "ppca-2002/def/AdjustedNetEarningsFromOperations") == (
        "Adjusted Net Earnings From Operations (q)(ii): prepetition labor claims accruals excluded")
    assert input_label("deemed_4_10_b_ii_draw_principal", "indenture-1996/4.10(a)") == "Deemed 4.10(b)(ii) draw principal"


def test_an_explanation_shows_amounts_as_the_agreements_write_them_and_leaves_dates_and_years_alone():
    assert readable("EBITDA -127541418.02 >= -127000000.00 on 2003-11-30 (Threshold -100000000, 1997, ratio 2.156174 > 2.0)") == (
        "EBITDA (127,541,418.02) >= (127,000,000.00) on 2003-11-30 (Threshold (100,000,000), 1997, ratio 2.156174 > 2.0)")
    # an amount the engine already wrote with commas stays whole (its last group is not an amount of its own)
    assert readable("Fee paid, 2,280,000.00, is at least 2,280,000.00.") == "Fee paid, 2,280,000.00, is at least 2,280,000.00."


def test_the_report_drills_down_to_the_same_trial_balance_rows(cache, tmp_path):
    prepared = open_prepared(SAMPLE_EXTRACTS_DIR, cache)
    try:
        prepared.con.execute(f"use {ATTACHED}")
        _, _, result = find(prepared.con, prepared.policies, "ppca-2002/9.2.4(b)", date(2003, 11, 30), None)
    finally:
        prepared.con.close()
    shutil.copy(prepared.path, tmp_path / "covenants.duckdb")  # a run's database holds what a prepared one does
    manifest = {"run_id": "0123456789abcdef", "as_of": "2003-12-31", "inputs": {f"{e.name}.csv": "0" * 64 for e in EXTRACTS}}
    [page] = write_report([result], [FiscalQuarter(2003, 4)], prepared.policies, manifest, tmp_path)
    html = page.read_text()
    assert "Interest expense: the trial-balance accounts, 2002-12-01 to 2003-11-30: 1,294,603.47</summary>" in html
    assert ('<td>Kaiser Aluminum &amp; Chemical Corporation</td><td class="num">41,562.50</td><td>20880, 21135, 23833</td>') in html


def test_rules_as_of_the_day_before_the_sixth_amendment(cache, capsys):
    # June 30, 2003 under the agreement as it stood on July 31, 2003: 9.2.4 is the text the Sixth Amendment (signed
    # August 1, 2003) replaced, which is in the agreement as signed and its First to Fifth Amendments, not held
    assert main(["explain", "ppca-2002/9.2.4(a)", "--date", "2003-06-30", "--rules-as-of", "2003-07-31", "--cache", str(cache)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "ppca-2002/9.2.4(a) on 2003-06-30: cannot be determined"
    assert "├── Rules applied (the agreements as they stood on 2003-07-31)" in lines
    assert ("│   └── clause: ppca-2002/9.2.4(a): before ppca-2002/amend6, the Post-Petition Credit Agreement as signed (February 12, 2002) "
            "and its First to Fifth Amendments (not held), signing date not known (policies/ppca-2002/covenants/9.2.4-a.yaml)") in lines


def test_rules_applied_as_the_agreements_are_now(cache):
    # the same test date under the Sixth Amendment's table (signed and effective August 1, 2003)
    lines = tree(cache, "ppca-2002/9.2.4(a)", date(2003, 6, 30))
    assert ("│   └── clause: ppca-2002/9.2.4(a): ppca-2002/amend6, Sixth Amendment to Post-Petition Credit Agreement, signed 2003-08-01, "
            "effective 2003-08-01 (policies/ppca-2002/covenants/9.2.4-a.yaml)") in lines


def test_a_clause_no_policy_implements_is_refused_before_anything_is_prepared(tmp_path):
    cold = tmp_path / "cache"  # nothing prepared yet: preparing a large group's extracts takes minutes
    with pytest.raises(NotFound, match=r"no policy implements indenture-1996/4\.99"):
        explain(SAMPLE_EXTRACTS_DIR, "indenture-1996/4.99", date(2003, 12, 31), cache_dir=cold)
    assert not cold.exists() or not list(cold.glob("prepared-*"))

