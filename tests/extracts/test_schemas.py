"""The Pandera models: one per extract, made by the factory from the contract, and rules that name real columns."""

from __future__ import annotations

import re

import ibis.expr.datatypes as dt

from pipelines.extracts.contract import BY_NAME, EXTRACTS, KINDS
from pipelines.extracts.reading import ROW
from pipelines.extracts.date_range import instruments_date_range
from pipelines.extracts.schemas import (
    DTYPES,
    FRACTIONS,
    IMPLIED,
    MONTH_ENDS,
    NOT_BEFORE,
    NOT_NEGATIVE,
    PART_OF,
    REQUIRED_WHEN,
    REQUIRED_WITH,
    STATED_TERMS,
    WHOLE_NUMBERS,
    schemas,
)


def test_one_model_per_extract_with_the_contract_columns_in_order():
    models = schemas(instruments_date_range())
    assert list(models) == [e.name for e in EXTRACTS]
    for extract in EXTRACTS:
        schema = models[extract.name]
        assert list(schema.columns) == [ROW, *(c.name for c in extract.columns)]
        assert schema.unique == list(extract.key)
        assert schema.strict is True
        for column in extract.columns:
            assert schema.columns[column.name].nullable is not column.required, (extract.name, column.name)


def test_dtypes_match_the_contract_sql_types():
    for kind, sql_type in KINDS.items():
        dtype = DTYPES[kind]
        decimal = re.fullmatch(r"DECIMAL\((\d+),(\d+)\)", sql_type)
        if decimal:
            assert dtype == dt.Decimal(int(decimal[1]), int(decimal[2])), kind
        else:
            assert dtype == {"VARCHAR": dt.String(), "DATE": dt.Date(), "BOOLEAN": dt.Boolean()}[sql_type], kind


def test_every_rule_names_a_contract_column_of_the_right_kind():
    def kind(extract: str, column: str) -> str:
        return BY_NAME[extract].column(column).kind  # raises StopIteration for an unknown column

    for extract, columns in NOT_NEGATIVE.items():
        assert all(kind(extract, c) in ("money", "rate", "pct", "quantity") for c in columns), extract
    for extract, columns in FRACTIONS.items():
        assert all(kind(extract, c) == "pct" for c in columns), extract
    for extract, columns in MONTH_ENDS.items():
        assert all(kind(extract, c) == "date" for c in columns), extract
    for extract, pairs in PART_OF.items():
        assert all(kind(extract, a) == kind(extract, b) == "money" for a, b in pairs), extract
    for extract, pairs in REQUIRED_WITH.items():
        assert all(not BY_NAME[extract].column(a).required and not BY_NAME[extract].column(b).required for a, b in pairs), extract
    for extract, columns in STATED_TERMS.items():
        assert all(kind(extract, c) == "date" for c in columns), extract
    for extract, bounds in WHOLE_NUMBERS.items():
        assert all(kind(extract, c) == "quantity" for c in bounds), extract
    for extract, pairs in NOT_BEFORE.items():
        assert all(kind(extract, a) == kind(extract, b) == "date" for a, b in pairs), extract
    for extract, rules in REQUIRED_WHEN.items():
        for column, when, value in rules:
            assert not BY_NAME[extract].column(column).required
            assert value in BY_NAME[extract].column(when).allowed
    for extract, rules in IMPLIED.items():
        for column, by, mapping in rules:
            assert set(mapping) == set(BY_NAME[extract].column(by).allowed)
            assert set(mapping.values()) <= set(BY_NAME[extract].column(column).allowed)


def test_the_required_period_end_columns_are_month_ends():
    assert MONTH_ENDS == {
        **{name: ("period_end",) for name in ("trial_balances", "debt_balances", "capital_expenditures", "valco_ebitda")},
        "capital_expenditure_base_amounts": ("fiscal_year_end",),
        "ca1994_pricing_items": ("quarter_end",),
    }
