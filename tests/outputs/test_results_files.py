"""results.csv in plain columns with the fiscal quarter, result_inputs.csv one row per result and input,
result_limits.csv one row per result and limit, results.json with the full records; no text cell a spreadsheet would
run as a formula."""

import csv
import json
from decimal import Decimal

from pipelines.outputs.results_files import write_results


def rows(path):
    with path.open(newline="") as handle:
        return list(csv.DictReader(handle))


def test_three_files(results, tmp_path):
    assert [p.name for p in write_results(results, tmp_path)] == ["results.json", "results.csv", "result_inputs.csv", "result_limits.csv"]


def test_results_csv_has_plain_columns_and_the_fiscal_quarter(results, tmp_path):
    write_results(results, tmp_path)
    header = (tmp_path / "results.csv").read_text().splitlines()[0]
    assert header == (
        "fiscal_quarter,clause_id,instrument,test_date,test_kind,transaction_id,status,status_before_waiver,figure,actual,"
        "operator,threshold,headroom,headroom_pct,citations,amendments,waiver_id,determination_date,explanation,cautions,rules_applied,"
        "band,room_to_move_reason,room_figure,room_clause_id,room_direction,room_unit,room_change,room_strict,room_holds_up_to,"
        "room_flips_at,room_flips_to,room_statement,room_assumptions"
    )
    november = rows(tmp_path / "results.csv")[1]
    assert (november["fiscal_quarter"], november["test_date"], november["status"]) == ("2003Q4", "2003-11-30", "fail")
    assert (november["actual"], november["threshold"], november["headroom"]) == ("-127541418.02", "-127000000.00", "-541418.02")
    assert november["citations"] == "[PPCA 9.2.4]; ppca-2002/def/EBITDA"
    assert (november["band"], november["room_direction"], november["room_change"], november["room_strict"], november["room_flips_at"]) == (
        "breach", "rise", "541418.02", "False", "541418.02"
    )
    march = rows(tmp_path / "results.csv")[4]
    assert (march["fiscal_quarter"], march["test_date"]) == ("2004Q1", "2004-03-31")
    assert (march["band"], march["room_holds_up_to"], march["room_assumptions"]) == ("tight", "1000000.00", "the threshold and its reductions stay as they are")


def test_a_formula_in_a_text_cell_is_neutralised_but_a_negative_amount_is_not(results, tmp_path):
    write_results(results, tmp_path)
    ratio_debt = rows(tmp_path / "results.csv")[6]
    assert ratio_debt["transaction_id"] == """'=HYPERLINK("http://example.invalid/","click")"""
    assert ratio_debt["explanation"] == "'+1 as the ratio is below 2.0 to 1"
    assert (ratio_debt["actual"], ratio_debt["headroom"]) == ("-0.156174", "-2.156174")


def test_result_inputs_one_row_per_result_and_input(results, tmp_path):
    write_results(results, tmp_path)
    found = rows(tmp_path / "result_inputs.csv")
    assert list(found[0]) == [
        "fiscal_quarter", "clause_id", "test_date", "test_kind", "transaction_id", "input", "value", "input_clause_id", "source",
    ]
    assert [tuple(r.values()) for r in found] == [
        ("2003Q4", "ppca-2002/9.2.4(b)", "2003-11-30", "maintenance", "", "ebitda", "-127541418.02", "ppca-2002/def/EBITDA", ""),
        ("2003Q4", "ppca-2002/9.2.4(b)", "2003-11-30", "maintenance", "", "forward_interest", "9.95",
         "indenture-1996/def/ConsolidatedFixedChargeCoverageRatio", "exact: 261486 / 26280"),
        ("2003Q4", "ppca-2002/9.2.4(b)", "2003-11-30", "maintenance", "", "liens_counted", "12345678901234567.89",
         "indenture-1996/4.11(b)(i)", "liens: L-1 100.00; L-2 200.00"),
        ("2003Q4", "ppca-2002/def/BorrowingBase", "2003-12-31", "maintenance", "", "appraisal", "", "ppca-2002/def/BorrowingBase", ""),
    ]


def test_json_keeps_the_full_records(results, tmp_path):
    write_results(results, tmp_path)
    november = json.loads((tmp_path / "results.json").read_text())[1]
    assert november["inputs"]["liens_counted"] == {
        "value": "12345678901234567.89", "liens": ["L-1 100.00", "L-2 200.00"], "clause_id": "indenture-1996/4.11(b)(i)",
    }
    assert november["citations"] == ["[PPCA 9.2.4]", "ppca-2002/def/EBITDA"]
    assert "fiscal_quarter" not in november
    # the room to move nested, its money as strings
    assert (november["band"], november["room_to_move"]["change"], november["room_to_move"]["flips_to"]) == ("breach", "541418.02", "pass")
    assert november["room_to_move"]["assumptions"] == ["the threshold and its reductions stay as they are"]


def test_result_limits_one_row_per_result_and_limit(results, tmp_path):
    write_results(results, tmp_path)
    found = rows(tmp_path / "result_limits.csv")
    assert list(found[0]) == [
        "fiscal_quarter", "clause_id", "test_date", "test_kind", "transaction_id", "kind", "name", "value", "limit_clause_id", "source",
        "applies_to", "period_start", "period_end",
    ]
    key = ("2003Q4", "ppca-2002/9.2.4(a)", "2003-12-31", "maintenance", "")
    assert [tuple(r.values()) for r in found] == [
        (*key, "threshold", "threshold for EBITDA for the 4 Fiscal Quarters", "-123000000.00", "ppca-2002/9.2.4(a)",
         "the threshold before reductions less the reductions under ppca-2002/9.2.4(c), ppca-2002/9.2.4(d)", "threshold", "", ""),
        (*key, "base", "threshold before reductions", "-92000000", "ppca-2002/9.2.4(a)",
         "[Sixth Amendment § 1.4 (Credit Agreement § 9.2.4(a))] 4 Fiscal Quarters ending 12/31/03 $ (92,000,000)", "threshold", "", ""),
        (*key, "reduction", "VALCO shortfall reduction", "21000000.00", "ppca-2002/9.2.4(c)", "the credits of the Fiscal Quarters", "threshold", "", ""),
        # a source starting with "=" is text, never a formula
        (*key, "credit", "VALCO shortfall credit", "12000000.00", "ppca-2002/9.2.4(c)", "'=valco_ebitda for 2003-10-31, 2003-11-30, 2003-12-31",
         "valco_shortfall_reduction", "2003-10-01", "2003-12-31"),
        (*key, "reduction", "natural gas price reduction", "10000000.00", "ppca-2002/9.2.4(d)", "R1 + R2", "threshold", "", ""),
    ]
    # the base less the reductions is the threshold: -92,000,000 - 21,000,000 - 10,000,000 = -123,000,000
    reductions = sum(Decimal(r["value"]) for r in found if r["kind"] == "reduction" and r["applies_to"] == "threshold")
    assert Decimal(found[1]["value"]) - reductions == Decimal(found[0]["value"])


def test_json_keeps_the_limits_with_money_as_strings(results, tmp_path):
    write_results(results, tmp_path)
    quarter = json.loads((tmp_path / "results.json").read_text())[3]
    assert quarter["limits"][3] == {
        "kind": "credit", "name": "VALCO shortfall credit", "value": "12000000.00", "clause_id": "ppca-2002/9.2.4(c)",
        "source": "=valco_ebitda for 2003-10-31, 2003-11-30, 2003-12-31", "applies_to": "valco_shortfall_reduction", "period_start": "2003-10-01",
        "period_end": "2003-12-31",
    }
    assert json.loads((tmp_path / "results.json").read_text())[0]["limits"] == []
