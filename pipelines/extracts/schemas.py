"""The models of the extracts, as SQL over the typed tables in DuckDB: one factory builds every model from the contract
plus the rules declared below.

The contract gives types, required columns, allowed values and keys; the rules below add the domain checks a single
extract can carry. Each rule is a SQL condition a row must meet; one scan of the table finds the rows that fail any
of them, and only those rows come back to Python, each failure named by the file's row number (`_row`) and column.
(These models were Pandera models on Polars frames until the trial balance grew to millions of rows: reading a table
out of DuckDB to validate it cost several times its size. Pandera's DuckDB backend needs Ibis, which the pins do
not include.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache

import duckdb
import polars as pl

from pipelines.extracts.contract import EXTRACTS, KINDS, Column, Extract
from pipelines.extracts.date_range import DateRange, instruments_date_range
from pipelines.extracts.reading import ROW, Issue, literal, quoted

# Declared here rather than taken from reading.py, so that the model is an independent check of what reading produces.
DTYPES = {
    "text": pl.String,
    "money": pl.Decimal(18, 2),
    "rate": pl.Decimal(12, 8),
    "pct": pl.Decimal(9, 6),
    "quantity": pl.Decimal(18, 6),
    "date": pl.Date,
    "bool": pl.Boolean,
}

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


@dataclass(frozen=True)
class Rule:
    """A condition each row must meet (SQL, true when the row passes; a null condition passes), the column it is
    reported on, and the name and reason of its issues. `uses` are the other columns it reads."""

    column: str
    check: str
    reason: str
    passes: str
    uses: tuple[str, ...] = ()


@dataclass(frozen=True)
class Model:
    """One extract's model: its columns and their exact types, the rules its rows must meet, and its key."""

    name: str
    columns: dict[str, str]  # column → DuckDB type, `_row` first
    required: tuple[str, ...]
    rules: tuple[Rule, ...]
    key: tuple[str, ...]


def _allowed_reason(allowed: tuple[str, ...]) -> str:
    if len(allowed) <= SHOWN_ALLOWED:
        return "not one of the allowed values: " + ", ".join(allowed)
    return f"not one of the {len(allowed)} allowed values listed in the extract contract"


def _date(value) -> str:
    return f"DATE {literal(str(value))}"


def date_rules(extract: Extract, column: Column, dates: DateRange) -> list[Rule]:
    value = quoted(column.name)
    if column.name in STATED_TERMS.get(extract.name, ()):
        reason = f"before {dates.first}, the earliest day the instruments' definitions read"
        return [Rule(column.name, "date_range", reason, f"{value} >= {_date(dates.first)}")]
    reason = f"outside the days the instruments can be tested, {dates} (records_from and tested_through in policies/*/instrument.yaml)"
    return [Rule(column.name, "date_range", reason, f"{value} between {_date(dates.first)} and {_date(dates.last)}")]


def column_rules(extract: Extract, column: Column, dates: DateRange) -> list[Rule]:
    name = column.name
    value = quoted(name)
    rules = date_rules(extract, column, dates) if column.kind == "date" else []

    def rule(check: str, reason: str, passes: str, *uses: str) -> None:
        rules.append(Rule(name, check, reason, passes, uses))

    if column.allowed:
        rule("allowed_values", _allowed_reason(column.allowed), f"{value} in ({', '.join(literal(a) for a in column.allowed)})")
    if name in NOT_NEGATIVE.get(extract.name, ()):
        rule("not_negative", "must not be negative", f"{value} >= 0")
    if name in WHOLE_NUMBERS.get(extract.name, {}):
        low, high = WHOLE_NUMBERS[extract.name][name]
        rule("whole_number", f"must be a whole number from {low} to {high}", f"{value} = floor({value}) and {value} between {low} and {high}")
    if name in FRACTIONS.get(extract.name, ()):
        rule("fraction", "must be a fraction from 0 to 1", f"{value} between 0 and 1")
    if name in MONTH_ENDS.get(extract.name, ()):
        rule("month_end", "must be the last day of a month", f"{value} = last_day({value})")
    if name in QUARTER_ENDS.get(extract.name, ()):
        rule("quarter_end", "must be the last day of a fiscal quarter", f"{value} = last_day({value}) and month({value}) % 3 = 0")
    for later, earlier in NOT_BEFORE.get(extract.name, ()):
        if name == later:
            rule("date_order", f"must not be before {earlier}", f"{value} >= {quoted(earlier)}", earlier)
    for part, whole in PART_OF.get(extract.name, ()):
        if name == part:
            rule("part_of", f"must not exceed {whole}", f"{value} <= {quoted(whole)}", whole)
    for target, other in REQUIRED_WITH.get(extract.name, ()):
        if name == target:
            rule("required_with", f"required with {other}", f"{quoted(other)} is null or {value} is not null", other)
    for target, month_end in IN_MONTH_OF.get(extract.name, ()):
        if name == target:
            rule("in_month_of", f"must fall in the month {month_end} ends", f"last_day({value}) = {quoted(month_end)}", month_end)
    if name in UNIQUE_WHEN_GIVEN.get(extract.name, ()):
        rule("unique_when_given", "given on more than one row", f"{value} is null or count(*) over (partition by {value}) = 1")
    for target, when, when_value in REQUIRED_WHEN.get(extract.name, ()):
        if name == target:
            passes = f"{quoted(when)} <> {literal(when_value)} or {value} is not null"
            rule("required_when", f"required when {when} is {when_value}", passes, when)
    for target, by, mapping in IMPLIED.get(extract.name, ()):
        if name == target:
            expected = "case " + quoted(by) + " " + " ".join(f"when {literal(k)} then {literal(v)}" for k, v in mapping.items()) + " end"
            reason = "does not match " + by + " (" + ", ".join(f"{k}: {v}" for k, v in mapping.items()) + ")"
            rule("matches_" + by, reason, f"({expected}) is null or {value} = ({expected})", by)
    return rules


@cache
def extract_model(extract: Extract, dates: DateRange) -> Model:
    """The model of one extract, as loaded in DuckDB: its contract columns plus `_row`, its dates within `dates`."""
    rules = [Rule(c.name, "not_null", "required value is empty", f"{quoted(c.name)} is not null") for c in extract.columns if c.required]
    for column in extract.columns:
        rules += column_rules(extract, column, dates)
    return Model(
        name=extract.name,
        columns={ROW: "BIGINT", **{c.name: KINDS[c.kind] for c in extract.columns}},
        required=tuple(c.name for c in extract.columns if c.required),
        rules=tuple(rules),
        key=extract.key,
    )


def models(dates: DateRange) -> dict[str, Model]:
    return {e.name: extract_model(e, dates) for e in EXTRACTS}


_POLARS_NAMES = {"DOUBLE": "Float64", "FLOAT": "Float32", "VARCHAR": "String", "DATE": "Date", "BOOLEAN": "Boolean", "BIGINT": "Int64",
                 "INTEGER": "Int32", "SMALLINT": "Int16", "TINYINT": "Int8", "HUGEINT": "Int128"}  # fmt: skip


def _type_name(sql_type: str) -> str:
    """A column type as the issues have always named it (Polars' names: the models were Polars frames)."""
    decimal = re.fullmatch(r"DECIMAL\((\d+),(\d+)\)", sql_type)
    if decimal:
        return f"Decimal(precision={decimal[1]}, scale={decimal[2]})"
    return _POLARS_NAMES.get(sql_type, sql_type)


def _key_issues(con: duckdb.DuckDBPyConnection, table: str, extract: Extract, file: str) -> list[Issue]:
    """One issue per row whose key another row repeats, naming every row that shares it (rows of a key with an
    empty cell share it with rows whose same cell is empty).

    The rows are first grouped by a 64-bit hash of their key, which is several times cheaper than grouping a large
    table by its text columns; only the hashes more than one row share are then grouped by the key itself, so that a
    collision of hashes is never taken for a duplicate."""
    key = list(extract.key)
    columns = ", ".join(quoted(c) for c in key)
    shared_hashes = con.sql(f"select hash({columns}) as h from {table} group by h having count(*) > 1").fetchall()
    if not shared_hashes:
        return []
    shown = ", ".join(f"cast({quoted(c)} as varchar)" for c in key)
    query = (
        f"select {shown}, list({ROW} order by {ROW}) from {table} where hash({columns}) in (select unnest($hashes)) "
        f"group by {columns} having count(*) > 1 order by min({ROW})"
    )
    shared = con.execute(query, {"hashes": [h for (h,) in shared_hashes]}).fetchall()
    issues = []
    for *values, rows in shared:
        value = ", ".join(v or "(empty)" for v in values)
        reason = f"duplicate key ({', '.join(key)}): rows {', '.join(map(str, rows))} have the same values"
        issues += [Issue(file, row, ", ".join(key), value, reason, "unique_key") for row in rows]
    return issues


def table_issues(con: duckdb.DuckDBPyConnection, table: str, extract: Extract, file: str, dates: DateRange | None = None) -> list[Issue]:
    """Validate one loaded extract (a typed table or view with `_row`) against its model; every failure as an Issue.
    Dates must lie within `dates`, by default the instruments' range of the policy files (PolicyError when one is
    invalid). Only the failing rows are read out of DuckDB."""
    model = extract_model(extract, dates or instruments_date_range())
    relation = con.sql(f"select * from {table} limit 0")
    present = {name: str(kind) for name, kind in zip(relation.columns, relation.types, strict=True)}
    issues = [Issue(file, None, c, None, "required column is missing", "columns") for c in model.columns if c not in present]
    issues += [Issue(file, None, c, None, "column is not in the extract contract", "columns") for c in present if c not in model.columns]
    mistyped = {c for c, kind in model.columns.items() if c in present and present[c] != kind}
    for column in (c for c in model.columns if c in mistyped):
        issues.append(Issue(file, None, column, None, f"has type {_type_name(present[column])}, expected {_type_name(model.columns[column])}", "dtype"))
    missing = {c for c in model.columns if c not in present}
    rules = [r for r in model.rules if not ({r.column, *r.uses} & (mistyped | missing))]
    if ROW in present and rules:
        columns = sorted({r.column for r in rules}, key=list(model.columns).index)
        rows = _failing_rows(con, table, rules, columns)
        for row, values, failed in rows:
            for rule, fails in zip(rules, failed, strict=True):
                if fails:
                    value = None if rule.check == "not_null" else values[columns.index(rule.column)]
                    issues.append(Issue(file, row, rule.column, value, rule.reason, rule.check))
    if ROW in present and not (set(extract.key) & (mistyped | missing)):
        issues += _key_issues(con, table, extract, file)
    return sorted(issues, key=lambda i: (i.row or 0, i.column or "", i.check))


def _failing_rows(con: duckdb.DuckDBPyConnection, table: str, rules: list[Rule], columns: list[str]) -> list[tuple[int, tuple, tuple]]:
    """(row, the columns' cells as text, which rules it fails) for each row that fails a rule, in row order."""
    fails = [f"not coalesce({r.passes}, true)" for r in rules]
    shown = [f"cast({quoted(c)} as varchar)" for c in columns]
    query = (
        f"select * from (select {ROW}, {', '.join(shown)}, {', '.join(f'{f} as _fails_{i}' for i, f in enumerate(fails))} from {table}) "
        f"where {' or '.join(f'_fails_{i}' for i in range(len(fails)))} order by {ROW}"
    )
    width = len(columns)
    return [(row[0], row[1 : 1 + width], row[1 + width :]) for row in con.sql(query).fetchall()]


@contextmanager
def frames_in_duckdb(frames: dict[str, pl.DataFrame]) -> Iterator[duckdb.DuckDBPyConnection]:
    """A new in-memory DuckDB where each frame is a view of its name: for the small frames a proposal adds."""
    con = duckdb.connect()
    try:
        for name, frame in frames.items():
            con.register(name, frame.to_arrow())
        yield con
    finally:
        con.close()


def schema_issues(extract: Extract, frame: pl.DataFrame, file: str, dates: DateRange | None = None) -> list[Issue]:
    """`table_issues` of a typed Polars frame (with `_row`), e.g. a proposed transaction's rows."""
    with frames_in_duckdb({"frame": frame}) as con:
        return table_issues(con, "frame", extract, file, dates)
