"""Every SQL model cites its clause first, and discover() orders each model after everything it reads."""

from raw_tables import build, rows

from pipelines.layout import SQL_DIR
from pipelines.models.sql_models import LAYERS, discover


def test_every_sql_file_starts_with_a_clause_line():
    files = [p for layer in LAYERS for p in sorted((SQL_DIR / layer).glob("*.sql"))]
    assert files
    for path in files:
        first = path.read_text().splitlines()[0]
        assert first.startswith("-- clause: "), f"{path.name} starts with {first!r}"


def test_discover_orders_dependencies():
    models = discover()
    position = {m.name: i for i, m in enumerate(models)}
    for model in models:
        for dependency in model.depends_on:
            if dependency in position:
                assert position[dependency] < position[model.name], f"{model.name} runs before {dependency}"
    by_name = {m.name: m for m in models}
    assert set(by_name["consolidated_cash_flow_available_for_fixed_charges"].depends_on) >= {
        "consolidated_net_income", "consolidated_fixed_charges", "consolidated_income_tax_expense",
        "consolidated_depreciation_expense", "consolidated_amortization_expense",
    }
    assert "financial_statements_available" in by_name["coverage_ratio_tests"].depends_on
    assert "policy_parameters" in by_name["financial_statements_available"].depends_on
    assert position["stg_trial_balance_activity"] < position["consolidated_ledger"] < position["consolidated_net_income"]
    assert position["consolidated_fixed_charges_forward"] < position["fixed_charge_coverage_tests"]
    assert position["ppca_ebitda"] < position["minimum_ebitda_tests"]
    assert position["ppca_aneo_non_cash_charge_exclusions"] < position["ppca_adjusted_net_earnings_from_operations"] < position["ppca_ebitda"]
    assert "policy_parameters" in by_name["ppca_aneo_non_cash_charge_exclusions"].depends_on
    assert {m.layer for m in models if m.name in ("fixed_charge_coverage_tests", "minimum_ebitda_tests")} == {"marts"}
    assert by_name["consolidated_net_income"].clause_ids[0] == "indenture-1996/def/ConsolidatedNetIncome"


def test_every_model_builds_on_empty_extracts(con):
    build(con)
    assert rows(con, "select count(*) as n from fixed_charge_coverage_tests") == [{"n": 0}]
    assert rows(con, "select count(*) as n from minimum_ebitda_tests") == [{"n": 0}]
