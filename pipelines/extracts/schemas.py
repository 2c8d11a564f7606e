"""Pandera models of the extracts: one factory builds every model from the contract plus the rules declared below.

The contract gives types, required columns, allowed values and keys; the rules below add the domain checks a single
extract can carry. Every failure is mapped back to the file's row number (`_row`) and column.
"""

from __future__ import annotations

from functools import cache

import pandera.polars as pa
import polars as pl
from pandera.config import ValidationDepth, config_context

from pipelines.extracts.contract import EXTRACTS, Column, Extract
from pipelines.extracts.date_range import DateRange, instruments_date_range
from pipelines.extracts.reading import ROW, Issue

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


def _row_check(expression: pl.Expr, name: str, reason: str) -> pa.Check:
    """A check over whole rows (so it can read other columns); nulls are handled by the expression itself."""
    return pa.Check(lambda data: data.lazyframe.select(expression.fill_null(True)), name=name, error=reason, ignore_na=False)


def _allowed_reason(allowed: tuple[str, ...]) -> str:
    if len(allowed) <= SHOWN_ALLOWED:
        return "not one of the allowed values: " + ", ".join(allowed)
    return f"not one of the {len(allowed)} allowed values listed in the extract contract"


def date_checks(extract: Extract, column: Column, dates: DateRange) -> list[pa.Check]:
    value = pl.col(column.name)
    if column.name in STATED_TERMS.get(extract.name, ()):
        reason = f"before {dates.first}, the earliest day the instruments' definitions read"
        return [_row_check(value >= dates.first, "date_range", reason)]
    reason = f"outside the days the instruments can be tested, {dates} (records_from and tested_through in policies/*/instrument.yaml)"
    return [_row_check(value.is_between(dates.first, dates.last), "date_range", reason)]


def column_checks(extract: Extract, column: Column, dates: DateRange) -> list[pa.Check]:
    name = column.name
    value = pl.col(name)
    checks = date_checks(extract, column, dates) if column.kind == "date" else []
    if column.allowed:
        checks.append(pa.Check.isin(list(column.allowed), name="allowed_values", error=_allowed_reason(column.allowed)))
    if name in NOT_NEGATIVE.get(extract.name, ()):
        checks.append(pa.Check.ge(0, name="not_negative", error="must not be negative"))
    if name in WHOLE_NUMBERS.get(extract.name, {}):
        low, high = WHOLE_NUMBERS[extract.name][name]
        whole = (value == value.floor()) & value.is_between(low, high)
        checks.append(_row_check(whole, "whole_number", f"must be a whole number from {low} to {high}"))
    if name in FRACTIONS.get(extract.name, ()):
        checks.append(pa.Check.in_range(0, 1, name="fraction", error="must be a fraction from 0 to 1"))
    if name in MONTH_ENDS.get(extract.name, ()):
        checks.append(_row_check(value == value.dt.month_end(), "month_end", "must be the last day of a month"))
    if name in QUARTER_ENDS.get(extract.name, ()):
        quarter_end = (value == value.dt.month_end()) & (value.dt.month() % 3 == 0)
        checks.append(_row_check(quarter_end, "quarter_end", "must be the last day of a fiscal quarter"))
    for later, earlier in NOT_BEFORE.get(extract.name, ()):
        if name == later:
            checks.append(_row_check(value >= pl.col(earlier), "date_order", f"must not be before {earlier}"))
    for part, whole in PART_OF.get(extract.name, ()):
        if name == part:
            checks.append(_row_check(value <= pl.col(whole), "part_of", f"must not exceed {whole}"))
    for target, other in REQUIRED_WITH.get(extract.name, ()):
        if name == target:
            checks.append(_row_check(pl.col(other).is_null() | value.is_not_null(), "required_with", f"required with {other}"))
    for target, month_end in IN_MONTH_OF.get(extract.name, ()):
        if name == target:
            checks.append(_row_check(value.dt.month_end() == pl.col(month_end), "in_month_of", f"must fall in the month {month_end} ends"))
    if name in UNIQUE_WHEN_GIVEN.get(extract.name, ()):
        checks.append(_row_check(value.is_null() | value.is_unique(), "unique_when_given", "given on more than one row"))
    for target, when, when_value in REQUIRED_WHEN.get(extract.name, ()):
        if name == target:
            reason = f"required when {when} is {when_value}"
            checks.append(_row_check((pl.col(when) != when_value) | value.is_not_null(), "required_when", reason))
    for target, by, mapping in IMPLIED.get(extract.name, ()):
        if name == target:
            expected = pl.col(by).replace_strict(mapping, default=None, return_dtype=pl.String)
            reason = "does not match " + by + " (" + ", ".join(f"{k}: {v}" for k, v in mapping.items()) + ")"
            checks.append(_row_check(expected.is_null() | (value == expected), "matches_" + by, reason))
    return checks


@cache
def extract_schema(extract: Extract, dates: DateRange) -> pa.DataFrameSchema:
    """The Pandera model of one extract, as loaded in DuckDB: its contract columns plus `_row`, its dates within `dates`."""
    columns = {ROW: pa.Column(pl.Int64, nullable=False, unique=True)}
    for column in extract.columns:
        checks = column_checks(extract, column, dates)
        columns[column.name] = pa.Column(DTYPES[column.kind], checks=checks, nullable=not column.required)
    return pa.DataFrameSchema(columns, unique=list(extract.key), strict=True, name=extract.name)


def schemas(dates: DateRange) -> dict[str, pa.DataFrameSchema]:
    return {e.name: extract_schema(e, dates) for e in EXTRACTS}


def _shown(value: object) -> str | None:
    """A cell as the file would spell it: exact decimals, ISO dates, true/false."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)  # str() of a Decimal keeps its scale; of a date, ISO form


def _key_issues(frame: pl.DataFrame, indices: list[int], extract: Extract, file: str) -> list[Issue]:
    """One issue per row whose key another row repeats, naming every row that shares it."""
    key = list(extract.key)
    shared = frame.select(pl.all().gather(sorted(set(indices)))).group_by(key, maintain_order=True).agg(pl.col(ROW).sort())
    issues = []
    for group in shared.iter_rows(named=True):
        rows = group[ROW]
        value = ", ".join(_shown(group[c]) or "(empty)" for c in key)
        reason = f"duplicate key ({', '.join(key)}): rows {', '.join(map(str, rows))} have the same values"
        issues += [Issue(file, row, ", ".join(key), value, reason, "unique_key") for row in rows]
    return issues


_PANDERA_CHECKS = {
    "not_nullable": ("not_null", "required value is empty"),
    "column_in_dataframe": ("columns", "required column is missing"),
    "column_in_schema": ("columns", "column is not in the extract contract"),
}


def schema_issues(extract: Extract, frame: pl.DataFrame, file: str, dates: DateRange | None = None) -> list[Issue]:
    """Validate one loaded extract (typed, with `_row`) against its model; every failure as an Issue. Dates must lie
    within `dates`, by default the instruments' range of the policy files (PolicyError when one is invalid)."""
    schema = extract_schema(extract, dates or instruments_date_range())
    with config_context(validation_enabled=True, validation_depth=ValidationDepth.SCHEMA_AND_DATA):
        try:
            schema.validate(frame, lazy=True)
            return []
        except pa.errors.SchemaErrors as errors:
            failures = errors.failure_cases
    rows = frame[ROW] if ROW in frame.columns else None
    issues: list[Issue] = []
    duplicated: list[int] = []
    for failure in failures.iter_rows(named=True):
        index, column, check = failure["index"], failure["column"], failure["check"]
        row = int(rows[index]) if index is not None and rows is not None else None
        value = _shown(frame[column][index]) if index is not None and column in frame.columns else failure["failure_case"]
        if failure["check_number"] is not None:
            checks = schema.columns[column].checks if failure["schema_context"] == "Column" else schema.checks
            declared = checks[failure["check_number"]]
            issues.append(Issue(file, row, column, value, declared.error, declared.name))
        elif check == "multiple_fields_uniqueness" or (check == "field_uniqueness" and (column,) == extract.key):
            duplicated.append(index)
        elif check == "field_uniqueness":
            issues.append(Issue(file, row, column, value, "repeats another row's value", "unique"))
        elif check in _PANDERA_CHECKS:
            name, reason = _PANDERA_CHECKS[check]
            if name == "columns":  # Pandera names the schema as the column and the column as the failure case
                issues.append(Issue(file, None, failure["failure_case"], None, reason, name))
            else:
                issues.append(Issue(file, row, column, value, reason, name))
        elif check.startswith("dtype"):
            expected = schema.columns[column].dtype
            issues.append(Issue(file, None, column, None, f"has type {failure['failure_case']}, expected {expected}", "dtype"))
        else:
            issues.append(Issue(file, row, column, value, f"fails Pandera check {check}", check))
    if duplicated:
        issues += _key_issues(frame, duplicated, extract, file)
    return sorted(issues, key=lambda i: (i.row or 0, i.column or "", i.check))
