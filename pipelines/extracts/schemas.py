"""The Pandera models of the extracts, validated by Pandera's Ibis backend on the typed tables where they lie in
DuckDB: one factory builds every model from the contract plus the rules declared below.

The contract gives types, required columns, allowed values and keys; the rules below add the domain checks a single
extract can carry. Each rule is a Pandera check: Pandera's own where it has one (isin, ge, in_range), else an Ibis
expression, on a column's cells or, for a rule across the columns of a row, on the table. Pandera runs each check as
a query over the table in DuckDB and reports, lazily, every check that fails; only then are the rows failing it read
out, by the check's own expression, each named by the file's row number (`_row`) and column. No table is read into
Python. The checks that span extracts (references, the trial-balance identity) are SQL in validation.py.

A run asks Pandera only of an extract that the screen of screen.py, one query compiled from the model below, finds at
fault: importing Pandera and Ibis costs more than validating the sample.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from functools import cache

import duckdb
import ibis
import ibis.expr.datatypes as dt
import ibis.expr.types as ir
import pandera.ibis as pa
from ibis.backends.sql.datatypes import DuckDBType
from pandera.api.ibis.types import IbisData
from pandera.backends.ibis.checks import IbisCheckBackend
from pandera.config import ValidationDepth, config_context
from pandera.errors import SchemaError, SchemaErrorReason, SchemaErrors

from pipelines.extracts.contract import EXTRACTS, Column, Extract
from pipelines.extracts.date_range import DateRange
from pipelines.extracts.reading import ROW, Issue, quoted
from pipelines.extracts.screen import DUCKDB_TYPES, EXTRACT_TABLE, FIRST_DAY, LAST_DAY, shared_key_hashes

# The types as Pandera's Ibis backend names them, from the DuckDB types the screen holds the tables to (screen.py).
DTYPES = {kind: DuckDBType.from_string(name) for kind, name in DUCKDB_TYPES.items()}

# Amounts and rates that cannot be negative. Gains and losses, their tax, trial balances, VALCO EBITDA, spreads and
# Revolving Commitment Availability (which an overadvance makes negative) keep their sign.
NOT_NEGATIVE: dict[str, tuple[str, ...]] = {
    "debt_instruments": ("fixed_rate", "letter_of_credit_fee_rate", "commitment"),
    "debt_balances": ("principal_outstanding", "letters_of_credit_outstanding", "interest_rate"),
    "asset_sales": (
        "gross_proceeds",
        "cash_consideration",
        "notes_converted_within_30_days",
        "assumed_liabilities",
        "other_non_cash_consideration",
        "selling_expenses",
        "taxes_paid_or_payable",
        "debt_repaid_from_proceeds",
        "reserves_established",
        "debt_repaid_due_by_reason_of_sale",
        "deductions_payable_to_affiliates",
    ),
    "asset_sale_receipts": ("amount",),
    "asset_sale_offers": (
        "net_cash_proceeds",
        "offer_amount",
        "notes_outstanding",
        "credit_agreement_principal",
        "credit_agreement_letters_of_credit",
        "specified_pari_passu_indebtedness",
        "notes_credited",
        "credit_agreement_prepayment_declined",
        "specified_pari_passu_prepayment_declined",
    ),
    "restricted_payments": ("amount", "kac_pass_through_amount", "principal_retired", "net_book_value", "fair_market_value"),  # the direction is in payment_kind
    "incurrences": ("amount", "proceeds_applied_amount", "premium_and_fees", "accrued_interest_refinanced"),
    "equity_issuances": ("net_proceeds", "excluded_from_4_09_a_ii"),
    "capital_expenditures": ("amount",),
    "letters_of_credit": ("stated_amount",),
    "guarantees": ("maximum_liability",),
    "asset_transfers": ("fair_market_value",),
    "default_events": ("amount", "insured_amount"),
    "liens": ("principal_secured", "asset_cost"),
    "affiliate_transactions": ("amount", "principal_products_amount"),
    "sale_leasebacks": ("fair_market_value", "periodic_rental"),
    "acquisitions": ("consideration",),
    "note_redemptions": ("principal_amount",),
    "borrowing_base": (
        "eligible_inventory",
        "olv_in_place_value",
        "eligible_accounts",
        "revolving_credit_outstandings",
        "letters_of_credit_outstandings",
    ),
    "market_data": ("value",),
    "facility_commitments": ("commitment",),
    "capital_expenditure_base_amounts": ("base_amount",),
    "ppca_asset_dispositions": ("fair_market_value",),
    "ppca_disposition_proceeds": ("net_disposition_proceeds",),
    "lenders": ("revolving_commitment",),
    "lender_fees": ("amount",),
    "lender_consents": ("outstanding_principal",),
    "qal_investments": ("amount", "participants_amount"),
    "ca1994_pricing_items": (
        "adjusted_capital_expenditures",
        "pik_note_interest",
        "pik_note_interest_paid_in_cash",
        "equity_proceeds_notes_interest",
        "equity_proceeds_notes_interest_paid_in_cash",
        "interest_income",
    ),
    "board_resolutions": ("amount",),
}

# Counts that must be whole numbers within bounds: the Attributable Debt model discounts one rental per row, so the
# number of rentals must be bounded by construction (a hundred years of monthly rentals at most).
WHOLE_NUMBERS: dict[str, dict[str, tuple[int, int]]] = {
    "sale_leasebacks": {"lease_term_months": (1, 1200), "payments_per_year": (1, 12), "number_of_payments": (0, 1200)},
}

# Dates a contract fixes ahead (a stated maturity, 9999-12-31 for preferred stock that has none; an expiry): they may
# fall after the last day the instruments can be tested, never before the first. Every other date lies within.
STATED_TERMS: dict[str, tuple[str, ...]] = {
    "debt_instruments": ("maturity_date",),
    "letters_of_credit": ("expiry_date",),
}

# Shares that are fractions from 0 to 1 inclusive.
FRACTIONS: dict[str, tuple[str, ...]] = {
    "entities": ("ownership_pct",),
    "borrowing_base": ("inventory_net_recovery_pct",),
    "qal_investments": ("ownership_interest",),
}

# Dates that must be the last day of a calendar month.
MONTH_ENDS: dict[str, tuple[str, ...]] = {
    "trial_balances": ("period_end",),
    "debt_balances": ("period_end",),
    "capital_expenditures": ("period_end",),
    "valco_ebitda": ("period_end",),
    "capital_expenditure_base_amounts": ("fiscal_year_end",),
    "ca1994_pricing_items": ("quarter_end",),
}

# Dates that must be the last day of a fiscal quarter (the calendar quarter: the fiscal year is the calendar year).
QUARTER_ENDS: dict[str, tuple[str, ...]] = {
    "financial_statements": ("period_end",),
}

# (later, earlier): the later date may not fall before the earlier one on the same row.
NOT_BEFORE: dict[str, tuple[tuple[str, str], ...]] = {
    "entities": (("valid_to", "valid_from"),),
    "debt_instruments": (("maturity_date", "issue_date"),),
    "letters_of_credit": (("expiry_date", "issue_date"),),
    "market_data": (("period_end", "period_start"),),
    "guarantees": (("released_on", "given_on"),),
    "restricted_payments": (("payment_date", "declared_on"), ("kac_pass_through_date", "payment_date")),
    "default_events": (("cured_on", "event_date"),),
    "asset_sale_offers": (("asset_sale_purchase_date", "notice_mailed_on"), ("purchase_completed_on", "notice_mailed_on")),
    "liens": (("released_on", "created_on"),),
    "unrestricted_subsidiary_officers": (("ceased_on", "appointed_on"),),
    "note_redemptions": (("redemption_date", "notice_mailed_on"),),
    "facility_commitments": (("valid_to", "valid_from"),),
    "board_resolutions": (("delivered_to_trustee_on", "adopted_on"), ("effective_date", "adopted_on")),
    "financial_statements": (("available_on", "period_end"),),
}

# (part, whole): the part may not exceed the whole it is part of, on the same row.
PART_OF: dict[str, tuple[tuple[str, str], ...]] = {
    "default_events": (("insured_amount", "amount"),),
    "equity_issuances": (("excluded_from_4_09_a_ii", "net_proceeds"),),
    "qal_investments": (("amount", "participants_amount"),),
    "ca1994_pricing_items": (
        ("pik_note_interest_paid_in_cash", "pik_note_interest"),
        ("equity_proceeds_notes_interest_paid_in_cash", "equity_proceeds_notes_interest"),
    ),
}

# (column, when column, when value): the column is required on rows where `when column` holds `when value`.
REQUIRED_WHEN: dict[str, tuple[tuple[str, str, str], ...]] = {
    "debt_instruments": (
        ("fixed_rate", "rate_kind", "fixed"),
        ("floating_index", "rate_kind", "floating"),
        ("spread", "rate_kind", "floating"),
    ),
    "restricted_payments": (
        ("fair_market_value", "investment_form", "property"),
        ("net_book_value", "investment_form", "designation"),
        ("fair_market_value", "investment_form", "designation"),
    ),
}

# (column, other): the column is required on rows where the other column is given.
REQUIRED_WITH: dict[str, tuple[tuple[str, str], ...]] = {
    "asset_sale_offers": (("notes_credited_retired_on", "notes_credited"),),
    "ppca_asset_dispositions": (("fair_market_value", "alpart_proviso_clause"),),
    "restricted_payments": (("principal_retired", "retired_instrument_id"), ("retired_instrument_id", "principal_retired")),
    "capital_expenditures": (("expenditure_date", "expenditure_id"), ("expenditure_id", "expenditure_date")),
}

# (column, month end column): the date falls within the month that the other column ends.
IN_MONTH_OF: dict[str, tuple[tuple[str, str], ...]] = {
    "capital_expenditures": (("expenditure_date", "period_end"),),
}

# Ids that name one row where they are given (an empty cell names none).
UNIQUE_WHEN_GIVEN: dict[str, tuple[str, ...]] = {
    "capital_expenditures": ("expenditure_id",),
}

# (column, by column, {by value: the only value allowed}): a series is quoted in one unit.
IMPLIED: dict[str, tuple[tuple[str, str, dict[str, str]], ...]] = {
    "market_data": (("unit", "series", {"natural_gas_price_paid": "usd_per_mmbtu", "libor_3m": "rate", "prime_rate": "rate"}),),
}

SHOWN_ALLOWED = 12  # longer lists of allowed values are named by count, not spelled out in every issue
FAILURE_CASES = 10  # Pandera keeps a sample of each failed check's cases; the issues list every refused cell


def _cells(passes: Callable[[ir.Column], ir.BooleanColumn], name: str, reason: str) -> pa.Check:
    """A rule on a column's cells, as an Ibis expression of the column. An empty cell passes: whether the column may
    have empty cells is its `nullable`."""
    return pa.Check(lambda data: passes(data.table[data.key]), name=name, error=reason, n_failure_cases=FAILURE_CASES)


def _row_rule(passes: Callable[[ibis.Table], ir.BooleanColumn], column: str, name: str, reason: str, *uses: str) -> pa.Check:
    """A rule across the columns of a row, as an Ibis expression of the table, reported on `column`; a row on which it
    is null (an empty cell) passes. `statistics` keeps the columns it reads, which Pandera does not know of."""
    statistics = {"column": column, "uses": (column, *uses)}
    return pa.Check(lambda data: passes(data.table).fill_null(True), name=name, error=reason, n_failure_cases=FAILURE_CASES, statistics=statistics)


def _is_month_end(day: ir.DateValue) -> ir.BooleanValue:
    return (day + ibis.interval(days=1)).day() == 1


def _given_once(data: IbisData) -> ir.BooleanColumn:
    """An id given is on one row only: it is not among the values the column repeats. A subquery, not a window:
    Pandera aggregates a check's outcome in the query that computes it, where a window cannot be aggregated."""
    value = data.table[data.key]
    rows = data.table.group_by(data.key).aggregate(rows=data.table.count())
    return value.isnull() | value.notin(rows.filter(rows.rows > 1)[data.key])


def _allowed_reason(allowed: tuple[str, ...]) -> str:
    if len(allowed) <= SHOWN_ALLOWED:
        return "not one of the allowed values: " + ", ".join(allowed)
    return f"not one of the {len(allowed)} allowed values listed in the extract contract"


def date_checks(extract: Extract, column: Column, dates: DateRange) -> list[pa.Check]:
    if column.name in STATED_TERMS.get(extract.name, ()):
        reason = f"before {dates.first}, the earliest day the instruments' definitions read"
        return [_cells(lambda v: v >= dates.first, "date_range", reason)]
    reason = f"outside the days the instruments can be tested, {dates} (records_from and tested_through in policies/*/instrument.yaml)"
    return [_cells(lambda v: v.between(dates.first, dates.last), "date_range", reason)]


def column_checks(extract: Extract, column: Column, dates: DateRange) -> list[pa.Check]:
    """The checks of one column's cells."""
    name = column.name
    checks = date_checks(extract, column, dates) if column.kind == "date" else []
    if column.allowed:
        checks.append(_cells(lambda v: v.isin(column.allowed), "allowed_values", _allowed_reason(column.allowed)))
    if name in NOT_NEGATIVE.get(extract.name, ()):
        checks.append(_cells(lambda v: v >= 0, "not_negative", "must not be negative"))
    if name in WHOLE_NUMBERS.get(extract.name, {}):
        low, high = WHOLE_NUMBERS[extract.name][name]
        checks.append(_cells(lambda v: (v == v.floor()) & v.between(low, high), "whole_number", f"must be a whole number from {low} to {high}"))
    if name in FRACTIONS.get(extract.name, ()):
        checks.append(_cells(lambda v: v.between(0, 1), "fraction", "must be a fraction from 0 to 1"))
    if name in MONTH_ENDS.get(extract.name, ()):
        checks.append(_cells(_is_month_end, "month_end", "must be the last day of a month"))
    if name in QUARTER_ENDS.get(extract.name, ()):
        checks.append(_cells(lambda v: _is_month_end(v) & (v.month() % 3 == 0), "quarter_end", "must be the last day of a fiscal quarter"))
    if name in UNIQUE_WHEN_GIVEN.get(extract.name, ()):
        checks.append(pa.Check(_given_once, name="unique_when_given", error="given on more than one row", n_failure_cases=FAILURE_CASES))
    return checks


def row_checks(extract: Extract) -> list[pa.Check]:
    """The checks across the columns of a row, each reported on the column it constrains."""
    name = extract.name
    checks = []
    for later, earlier in NOT_BEFORE.get(name, ()):
        checks.append(_row_rule(lambda t, a=later, b=earlier: t[a] >= t[b], later, "date_order", f"must not be before {earlier}", earlier))
    for part, whole in PART_OF.get(name, ()):
        checks.append(_row_rule(lambda t, a=part, b=whole: t[a] <= t[b], part, "part_of", f"must not exceed {whole}", whole))
    for target, other in REQUIRED_WITH.get(name, ()):
        checks.append(_row_rule(lambda t, a=target, b=other: t[b].isnull() | t[a].notnull(), target, "required_with", f"required with {other}", other))
    for target, month_end in IN_MONTH_OF.get(name, ()):
        reason = f"must fall in the month {month_end} ends"
        checks.append(_row_rule(lambda t, a=target, b=month_end: (t[a].truncate("M") == t[b].truncate("M")) & _is_month_end(t[b]), target, "in_month_of", reason, month_end))
    for target, when, when_value in REQUIRED_WHEN.get(name, ()):
        reason = f"required when {when} is {when_value}"
        checks.append(_row_rule(lambda t, a=target, b=when, v=when_value: (t[b] != v) | t[a].notnull(), target, "required_when", reason, when))
    for target, by, mapping in IMPLIED.get(name, ()):
        reason = "does not match " + by + " (" + ", ".join(f"{k}: {v}" for k, v in mapping.items()) + ")"
        checks.append(_row_rule(lambda t, a=target, b=by, pairs=tuple(mapping.items()): _matches(t[a], t[b].cases(*pairs, else_=None)), target, "matches_" + by, reason, by))
    return checks


def _matches(value: ir.Column, expected: ir.Column) -> ir.BooleanColumn:
    return expected.isnull() | (value == expected)


@cache
def extract_schema(extract: Extract, dates: DateRange, unchecked: frozenset[str] = frozenset(), key_unique: bool = True) -> pa.DataFrameSchema:
    """The model of one extract, as loaded in DuckDB: its contract columns plus `_row`, its dates within `dates`.
    The checks of `unchecked` columns (missing, or of another type, in the table validated) are left out, with the
    row rules reading them: those columns are refused as a whole. Without `key_unique`, the key is not checked (a
    scan found no two rows sharing it)."""
    columns = {ROW: pa.Column(dt.int64, nullable=False)}
    for column in extract.columns:
        checks = [] if column.name in unchecked else column_checks(extract, column, dates)
        nullable = column.name in unchecked or not column.required
        columns[column.name] = pa.Column(DTYPES[column.kind], checks=checks, nullable=nullable)
    rows = [c for c in row_checks(extract) if not set(c.statistics["uses"]) & unchecked]
    unique = list(extract.key) if key_unique and not set(extract.key) & unchecked else None
    return pa.DataFrameSchema(columns, checks=rows, unique=unique, strict=True, name=extract.name)


def schemas(dates: DateRange) -> dict[str, pa.DataFrameSchema]:
    return {e.name: extract_schema(e, dates) for e in EXTRACTS}


def _type_name(dtype: dt.DataType) -> str:
    """A column type as the issues have always named it (Polars' names, which Ibis' match but for decimals)."""
    if dtype.is_decimal():
        return f"Decimal(precision={dtype.precision}, scale={dtype.scale})"
    return type(dtype).__name__


@contextmanager
def ibis_on(con: duckdb.DuckDBPyConnection) -> Iterator[ibis.BaseBackend]:
    """Ibis over the pipeline's own DuckDB connection, so that Pandera's checks run where the tables are. Ibis sets
    the connection's time zone and turns off DuckDB's reading of Python variables as tables; both are put back."""
    settings = ("TimeZone", "python_enable_replacements")
    saved = con.execute("select " + ", ".join(f"current_setting('{s}')" for s in settings)).fetchall()[0]
    try:
        yield ibis.duckdb.from_connection(con)
    finally:
        for setting, value in zip(settings, saved, strict=True):
            con.execute(f"set {setting} = $1", [value])


def _schema_errors(schema: pa.DataFrameSchema, data: ibis.Table, depth: ValidationDepth) -> list[SchemaError]:
    with config_context(validation_enabled=True, validation_depth=depth):
        try:
            schema.validate(data, lazy=True)
        except SchemaErrors as errors:
            return errors.schema_errors
    return []


# What Pandera finds of the columns themselves, reading no data.
_COLUMN_ERRORS = {
    SchemaErrorReason.COLUMN_NOT_IN_DATAFRAME: "required column is missing",
    SchemaErrorReason.COLUMN_NOT_IN_SCHEMA: "column is not in the extract contract",
}


def _column_issues(errors: list[SchemaError], data: ibis.Table, file: str) -> list[Issue]:
    issues = []
    for error in errors:
        if error.reason_code in _COLUMN_ERRORS:  # Pandera gives the column's name as the failure case
            issues.append(Issue(file, None, error.failure_cases, None, _COLUMN_ERRORS[error.reason_code], "columns"))
        elif error.reason_code == SchemaErrorReason.WRONG_DATATYPE:
            column = error.schema.name
            reason = f"has type {_type_name(data[column].type())}, expected {_type_name(error.schema.dtype.type)}"
            issues.append(Issue(file, None, column, None, reason, "dtype"))
        else:
            raise error
    return issues


def _outcome(data: ibis.Table, check: pa.Check, key: str | None) -> ir.BooleanColumn:
    """Whether each row of the table passes `check`, by Pandera's check backend applying it to the whole table (on
    the column `key`, or on the row when None); an empty cell passes, as in Pandera's own run of it."""
    passed = IbisCheckBackend(check).apply(IbisData(data, key))
    if key is not None and check.ignore_na:
        passed = passed | data[key].isnull()
    return passed.fill_null(True)


def _outcomes(data: ibis.Table, schema: pa.DataFrameSchema) -> list[tuple[str, ir.BooleanColumn]]:
    """Whether each row passes each check of the schema, its columns' required cells first; each with what it checks."""
    outcomes = [(f"{name}: required", data[name].notnull()) for name, column in schema.columns.items() if not column.nullable]
    outcomes += [(f"{name}: {check.error}", _outcome(data, check, name)) for name, column in schema.columns.items() for check in column.checks]
    return outcomes + [(f"{check.statistics['column']}: {check.error}", _outcome(data, check, None)) for check in schema.checks]


def _all_pass(data: ibis.Table, outcomes: list[tuple[str, ir.BooleanColumn]]) -> ir.Table:
    """One row: for each outcome, whether every row passes it (null when there is no row to fail it)."""
    return data.aggregate([outcome.all().name(f"check_{i}") for i, (_, outcome) in enumerate(outcomes)])


def _screen(con: duckdb.DuckDBPyConnection, table: str, data: ibis.Table, schema: pa.DataFrameSchema) -> tuple[list[bool], bool]:
    """Whether every row passes each check of the schema (in the order of `_outcomes`), asked of DuckDB in one scan of
    the table (Pandera would run a query per check, some 600 for the 38 extracts, several times the cost of the checks
    themselves), and whether no two rows share a hash of their key (one grouping, several times cheaper than Pandera's
    window over the key, which decides when two do). screen.py asks the same of a table whose columns are all as
    contracted, without Ibis; this is for one whose are not, with the checks of the columns at fault left out."""
    everything = _all_pass(data, _outcomes(data, schema)).to_pyarrow()
    passed = [everything[i][0].as_py() is not False for i in range(everything.num_columns)]
    return passed, not (schema.unique and shared_key_hashes(con, table, schema.unique))


def _failing_only(schema: pa.DataFrameSchema, passed: list[bool]) -> pa.DataFrameSchema:
    """The schema with only the checks the scan found some row failing (`passed`, in the order of `_outcomes`): Pandera
    runs each check as queries of its own, about twenty for a refused extract, and a check every row passes gives no
    issue. The columns and the key are kept as they are."""
    outcome = iter(passed)
    required = {name: not next(outcome) for name, column in schema.columns.items() if not column.nullable}
    columns = {
        name: pa.Column(column.dtype, checks=[check for check in column.checks if not next(outcome)], nullable=not required.get(name, False))
        for name, column in schema.columns.items()
    }
    rows = [check for check in schema.checks if not next(outcome)]
    assert next(outcome, None) is None, "an outcome of the scan matches no check of the schema"
    return pa.DataFrameSchema(columns, checks=rows, unique=schema.unique, strict=schema.strict, name=schema.name)


# Stand-ins compiled into a screen's SQL, then replaced by its parameters: dates no policy names, a table no one makes.
_FIRST, _LAST = date(1111, 11, 11), date(1222, 12, 22)
_TABLE = "screened_extract_table"


def compiled_screen(extract: Extract) -> str:
    """The SQL of the extract's screen (screen.py): whether every row of the table `$extract_table` passes each check
    of the extract's model, with the days `$first_day` to `$last_day`. The query is one line, under a comment naming
    what each of its columns checks: a reader reads the comment, and the 38 screens do not repeat each other's lines."""
    schema = extract_schema(extract, DateRange(_FIRST, _LAST))
    table = ibis.table(ibis.schema({name: column.dtype.type for name, column in schema.columns.items()}), name=_TABLE)
    outcomes = _outcomes(table, schema)
    sql = ibis.to_sql(_all_pass(table, outcomes), dialect="duckdb", pretty=False)
    stand_ins = {
        f'"{_TABLE}"': f"query_table(${EXTRACT_TABLE})",
        f"MAKE_DATE({_FIRST.year}, {_FIRST.month}, {_FIRST.day})": f"${FIRST_DAY}",
        f"MAKE_DATE({_LAST.year}, {_LAST.month}, {_LAST.day})": f"${LAST_DAY}",
    }
    for stand_in, parameter in stand_ins.items():
        sql = sql.replace(stand_in, parameter)
    assert _TABLE not in sql and str(_FIRST.year) not in sql and str(_LAST.year) not in sql, f"a stand-in left in {extract.name}'s screen"
    legend = [f"-- check_{i}: {what.replace(str(_FIRST), 'the first day').replace(str(_LAST), 'the last day')}" for i, (what, _) in enumerate(outcomes)]
    header = [
        f"-- The screen of the {extract.name} extract: one row, whose check_N is false when some row of the table fails",
        "-- the Nth rule of the extract's Pandera model, compiled from pipelines/extracts/schemas.py by",
        "-- `python -m pipelines.extracts.screen` (make docs): do not edit. Its parameters name the table and the first",
        "-- and last day its dates may fall on (policies/*/instrument.yaml).",
    ]
    return "\n".join([*header, *legend, sql, ""])


def _refused(data: ibis.Table, check: pa.Check, key: str | None, column: str) -> list[tuple[int, str | None]]:
    """(row, the cell of `column` as text) of every row failing `check`: Pandera's failure cases of a column's check
    carry its values but not their rows."""
    failing = data.filter(~_outcome(data, check, key))
    shown = failing.select(failing[ROW], failing[column].cast(dt.string).name("value")).order_by(ROW).to_pyarrow()
    return list(zip(shown[ROW].to_pylist(), shown["value"].to_pylist(), strict=True))


def _data_issues(con: duckdb.DuckDBPyConnection, table: str, data: ibis.Table, error: SchemaError, extract: Extract, file: str) -> list[Issue]:
    """The refused cells behind one check Pandera found failing."""
    if error.reason_code == SchemaErrorReason.SERIES_CONTAINS_NULLS:
        column = error.schema.name
        rows = data.filter(data[column].isnull()).select(ROW).order_by(ROW).to_pyarrow()[ROW].to_pylist()
        return [Issue(file, row, column, None, "required value is empty", "not_null") for row in rows]
    if error.reason_code == SchemaErrorReason.DUPLICATES:
        return _key_issues(con, table, extract, file)
    if error.reason_code == SchemaErrorReason.DATAFRAME_CHECK:
        check = error.check
        key = error.schema.name if isinstance(error.schema, pa.Column) else None
        column = key or check.statistics["column"]
        return [Issue(file, row, column, value, check.error, check.name) for row, value in _refused(data, check, key, column)]
    raise error  # a check that could not run (CHECK_ERROR) is a defect of the model, not of the extract


def _key_issues(con: duckdb.DuckDBPyConnection, table: str, extract: Extract, file: str) -> list[Issue]:
    """One issue per row whose key another row repeats, naming every row that shares it (rows of a key with an
    empty cell share it with rows whose same cell is empty). Pandera finds that a key repeats; the rows sharing one are
    listed by SQL, because Pandera's failure cases of `unique` are every row of a repeated key, unnumbered.

    The rows are first grouped by a 64-bit hash of their key, which is several times cheaper than grouping a large
    table by its text columns; only the hashes more than one row share are then grouped by the key itself, so that a
    collision of hashes is never taken for a duplicate."""
    key = list(extract.key)
    columns = ", ".join(quoted(c) for c in key)
    shared_hashes = shared_key_hashes(con, table, key)
    if not shared_hashes:
        return []
    shown = ", ".join(f"cast({quoted(c)} as varchar)" for c in key)
    query = (
        f"select {shown}, list({ROW} order by {ROW}) from {table} where hash({columns}) in (select unnest($hashes)) "
        f"group by {columns} having count(*) > 1 order by min({ROW})"
    )
    shared = con.execute(query, {"hashes": shared_hashes}).fetchall()
    issues = []
    for *values, rows in shared:
        value = ", ".join(v or "(empty)" for v in values)
        reason = f"duplicate key ({', '.join(key)}): rows {', '.join(map(str, rows))} have the same values"
        issues += [Issue(file, row, ", ".join(key), value, reason, "unique_key") for row in rows]
    return issues


def pandera_issues(con: duckdb.DuckDBPyConnection, table: str, extract: Extract, file: str, dates: DateRange) -> list[Issue]:
    """Every failure of one loaded extract (a typed table or view with `_row`) against its model, as Issues: for a
    table the screen (screen.py) did not pass. Pandera first checks the columns and their types alone; one scan then
    asks which checks of the columns that can be checked some row fails, and only then does Pandera validate the
    cells, by those checks alone, and are the refused rows read out of DuckDB."""
    with ibis_on(con) as backend:
        data = backend.table(table)
        issues = _column_issues(_schema_errors(extract_schema(extract, dates), data, ValidationDepth.SCHEMA_ONLY), data, file)
        unchecked = frozenset(i.column for i in issues)
        if ROW in data.columns:
            schema = extract_schema(extract, dates, unchecked)
            passed, keys_apart = _screen(con, table, data, schema)
            if not (all(passed) and keys_apart):
                failing = _failing_only(extract_schema(extract, dates, unchecked, key_unique=not keys_apart), passed)
                for error in _schema_errors(failing, data, ValidationDepth.DATA_ONLY):
                    if error.reason_code not in _COLUMN_ERRORS:  # reported by the first pass already
                        issues += _data_issues(con, table, data, error, extract, file)
    return sorted(issues, key=lambda i: (i.row or 0, i.column or "", i.check))
