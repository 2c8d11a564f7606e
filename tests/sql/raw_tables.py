"""Hand-made raw tables for the SQL model tests: the extract contract's exact DuckDB types, literal rows, no pandas.

`create_raw_tables` makes every `raw_<extract>` table empty (plus `_row`) and a chart of accounts with one account per
line item (account id = line item), `policy_parameters` from the policy files, the Business Day calendar with no extra
closures, and the Company (KACC).
`add` inserts one literal row, filling the columns a test does not care about with neutral defaults.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

import duckdb

from pipelines.calendar.business_days import load_business_days
from pipelines.extracts.contract import BY_NAME, EXTRACTS, LINE_ITEMS
from pipelines.models.sql_macros import load_macros
from pipelines.models.sql_models import SqlModel, discover
from pipelines.models.sql_models import build as build_model
from pipelines.policy.loading import PolicySet, load_policies
from pipelines.quarter_end import load_parameters

FIRST_BALANCE_SHEET_ITEM = LINE_ITEMS.index("cash")

DEFAULTS = {
    "entities": {
        "entity_name": "entity",
        "valid_from": "1990-01-01",
        "valid_to": None,
        "parent_entity_id": None,
        "role": "subsidiary",
        "is_subsidiary": "true",
        "is_unrestricted_subsidiary": "false",
        "is_subsidiary_guarantor": "false",
        "is_bank_guarantor": "false",
        "is_specified_party": "false",
        "is_foreign": "false",
        "is_joint_venture": "false",
        "ownership_pct": "1.000000",
        "consolidation_method": "full",
    },
    "trial_balances": {"counterparty_entity_id": None},
    "debt_instruments": {
        "instrument_name": "instrument",
        "obligor_entity_id": "KACC",
        "instrument_kind": "other",
        "indenture_basket": "pre-existing",
        "rate_kind": "fixed",
        "fixed_rate": None,
        "floating_index": None,
        "spread": None,
        "day_count": "30/360",
        "letter_of_credit_fee_rate": None,
        "commitment": None,
        "issue_date": "1990-01-01",
        "maturity_date": "2010-12-31",
        "is_subordinated": "false",
        "is_secured": "false",
        "indebtedness_exclusion": None,
        "ca1994_debt_class": None,
        "obligor_relationship": None,
        "permitted_indebtedness_clause": None,
        "related_disposition_id": None,
        "credit_agreement": None,
    },
    "letters_of_credit": {"beneficiary": "beneficiary", "purpose": "general", "cash_collateralized": "false", "permitted_indebtedness_clause": None},
    "acquisitions": {
        "acquirer_entity_id": "KACC",
        "description": "acquisition",
        "consideration": "0.00",
        "is_material_out_of_ordinary_course": "true",
    },
    "debt_balances": {"letters_of_credit_outstanding": "0.00", "interest_rate": "0.00000000"},
    "asset_sales": {
        "seller_entity_id": "KACC",
        "asset_description": "assets",
        "buyer_kind": "third_party",
        "cash_consideration": "0.00",
        "notes_converted_within_30_days": "0.00",
        "assumed_liabilities": "0.00",
        "other_non_cash_consideration": "0.00",
        "selling_expenses": "0.00",
        "taxes_paid_or_payable": "0.00",
        "debt_repaid_from_proceeds": "0.00",
        "reserves_established": "0.00",
        "tax_on_gain_loss": "0.00",
        "asset_sale_exclusion": None,
        "related_group_id": None,
        "asset_class": None,
        "debt_repaid_due_by_reason_of_sale": "0.00",
        "deductions_payable_to_affiliates": "0.00",
        "involuntary_disposition": None,
        "assets_are_cash_or_cash_equivalents": None,
    },
    "asset_sale_offers": {
        "credit_agreement_letters_of_credit": "0.00",
        "specified_pari_passu_indebtedness": "0.00",
        "purchase_completed_on": None,
        "notes_credited": None,
        "notes_credited_retired_on": None,
        "credit_agreement_prepayment_declined": None,
        "specified_pari_passu_prepayment_declined": None,
    },
    "restricted_payments": {
        "payer_entity_id": "KACC",
        "payment_kind": "dividend",
        "recipient_kind": "kac",
        "amount": "1000000.00",
        "basket": "4.09(a)",
        "declared_on": None,
        "description": "payment",
        "unrestricted_subsidiary_id": None,
        "returns_transaction_id": None,
        "kac_pass_through_date": None,
        "kac_pass_through_amount": None,
        "ca1994_clause": None,
        "investment_form": None,
        "retired_instrument_id": None,
        "principal_retired": None,
        "net_book_value": None,
        "fair_market_value": None,
    },
    "incurrences": {
        "basket": "4.10(a)",
        "proceeds_applied_to_instrument_id": None,
        "proceeds_applied_amount": "0.00",
        "description": "incurrence",
        "basket_detail": None,
        "premium_and_fees": None,
        "accrued_interest_refinanced": None,
    },
    "asset_transfers": {
        "transferor_entity_id": "KACC",
        "exemption_clause": None,
        "is_return": "false",
        "description": "transfer",
    },
    "equity_issuances": {"excluded_from_4_09_a_ii": "0.00"},
    "capital_expenditures": {
        "financed_by_obligors": "false", "is_permitted_collateral": "true", "lien_id": None, "expenditure_id": None, "expenditure_date": None,
    },
    "liens": {
        "entity_id": "KACC",
        "asset_description": "plant",
        "facility": "Trentwood",
        "is_us_fixed_asset": "true",
        "is_permitted_collateral": "true",
        "instrument_id": "DEBT",
        "asset_acquired_or_completed_on": None,
        "asset_cost": None,
        "is_carifa_financing": "false",
        "notes_equally_and_ratably_secured": "false",
        "released_on": None,
    },
    "unrestricted_subsidiary_officers": {"is_independent": "true", "ceased_on": None, "cessation_reason": None},
    "affiliate_transactions": {
        "entity_id": "KACC",
        "counterparty": "MAXXAM Inc.",
        "counterparty_kind": "affiliate",
        "principal_products_amount": "0.00",
        "exemption": None,
        "series_id": None,
        "board_resolution_document": None,
        "fairness_opinion_document": None,
        "description": "transaction",
    },
    "sale_leasebacks": {
        "seller_entity_id": "KACC",
        "property": "property",
        "payments_per_year": "2",
        "designated_as_rslt": "false",
        "trustee_notice_date": None,
    },
    "guarantees": {
        "guarantor_entity_id": "SG",
        "guaranteed_obligor_entity_id": "KACC",
        "guaranteed_instrument_id": "DEBT",
        "guaranteed_debt": "other",
        "guaranteed_debt_subordination": "senior",
        "guarantee_ranking": "senior",
        "given_on": "1997-06-30",
        "released_on": None,
        "release_basis": None,
        "release_reference": None,
        "existed_when_guarantor_acquired": "false",
        "refinances_guarantee_id": None,
        "maximum_liability": None,
        "description": "guarantee",
    },
    "mergers": {
        "entity_id": "KACC",
        "event_kind": "merger",
        "counterparty": "Example Metals Inc.",
        "counterparty_role": "other",
        "survivor": "entity",
        "survivor_role": "company",
        "survivor_organized_in_us": None,
        "supplemental_indenture_date": None,
        "wholly_owned_directly_by_company_or_guarantors": None,
        "document": None,
    },
    "market_data": {"unit": "rate"},
    "qal_investments": {"investor": "kaac", "investment_kind": "cash_investment", "ownership_interest": "0.283000", "document": None},
    "ca1994_pricing_items": {
        "ebitda": None,
        "adjusted_capital_expenditures": None,
        "pik_note_interest": "0.00",
        "pik_note_interest_paid_in_cash": "0.00",
        "equity_proceeds_notes_interest": "0.00",
        "equity_proceeds_notes_interest_paid_in_cash": "0.00",
        "interest_income": "0.00",
        "document": None,
    },
    "valco_ebitda": {"primary_aluminum_produced": "true", "forecast_valco_ebitda_quarter": None},
    "default_events": {
        "entity_id": "KACC",
        "instrument_id": None,
        "amount": None,
        "insured_amount": None,
        "cured_on": None,
        "document": "document",
    },
    "facility_commitments": {"valid_to": None, "document": "Post-Petition Credit Agreement § 2.1.1(b)"},
    "capital_expenditure_base_amounts": {"document": "Section 9.2.7 chart"},
    "ppca_asset_dispositions": {
        "section_9_2_11_clause": None,
        "is_sale_of_accounts": "false",
        "alpart_proviso_clause": None,
        "fair_market_value": None,
        "document": None,
    },
    "ppca_disposition_proceeds": {"event_kind": "received", "document": None},
    "board_resolutions": {"subject": "credit_agreement_amount_reduction", "effective_date": None, "document": "certified resolution"},
    "financial_statements": {"document": None},
    "attestations": {
        "reference_id": None,
        "attested_by": "J. Doe",
        "role": "Chief Financial Officer",
        "attested_on": "2005-01-01",
        "document": "certificate",
    },
}

# The policy files' dated parameters (policies/*/parameters/*.yaml), loaded as the pipeline loads them, so the tests
# check the SQL against the values the files really hold; a test that needs another value inserts or deletes rows.
@cache
def _policies() -> PolicySet:
    return load_policies()


# the last row number used in each raw table of a connection (row 1 of a file is its header line)
_last_row: dict[tuple[int, str], int] = {}


def create_raw_tables(con: duckdb.DuckDBPyConnection) -> None:
    for extract in EXTRACTS:
        columns = ", ".join(f"{c.name} {c.sql_type}" for c in extract.columns)
        con.execute(f"create table raw_{extract.name} ({columns}, _row bigint)")
        _last_row[(id(con), extract.name)] = 1
    chart = ", ".join(
        f"('{item}', '{item}', '{'income_statement' if number < FIRST_BALANCE_SHEET_ITEM else 'balance_sheet'}', '{item}', {number + 2})"
        for number, item in enumerate(LINE_ITEMS)
    )
    con.execute(f"insert into raw_chart_of_accounts values {chart}")
    _last_row[(id(con), "chart_of_accounts")] = len(LINE_ITEMS) + 1
    load_parameters(con, _policies())
    load_business_days(con, closures=())
    load_macros(con)
    add(con, "entities", entity_id="KACC", entity_name="Kaiser Aluminum & Chemical Corporation", role="company", is_subsidiary="false")


def row_numbers(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """The last row number used in each raw table of con, to restore when its rows are rolled back."""
    return {name: number for (connection, name), number in _last_row.items() if connection == id(con)}


def restore_row_numbers(con: duckdb.DuckDBPyConnection, numbers: dict[str, int]) -> None:
    _last_row.update({(id(con), name): number for name, number in numbers.items()})


def add(con: duckdb.DuckDBPyConnection, extract_name: str, **values: object) -> None:
    """Insert one row; every value is given as text (or None) and cast to the contract type by DuckDB."""
    extract = BY_NAME[extract_name]
    row = {**DEFAULTS.get(extract_name, {}), **values}
    unknown = set(row) - {c.name for c in extract.columns}
    if unknown:
        raise KeyError(f"{extract_name} has no column {sorted(unknown)}")
    missing = [c.name for c in extract.columns if c.name not in row]
    if missing:
        raise KeyError(f"{extract_name} row needs {missing}")
    number = _last_row[(id(con), extract_name)] = _last_row[(id(con), extract_name)] + 1
    names = [c.name for c in extract.columns]
    casts = ", ".join(f"cast(? as {c.sql_type})" for c in extract.columns)
    con.execute(
        f"insert into raw_{extract_name} ({', '.join(names)}, _row) values ({casts}, ?)",
        [None if row[n] is None else str(row[n]) for n in names] + [number],
    )


def tb(con: duckdb.DuckDBPyConnection, period_end: str, line_item: str, balance: str, entity: str = "KACC", counterparty: str | None = None) -> None:
    """One trial-balance row; the test chart has one account per line item, named after it."""
    add(con, "trial_balances", entity_id=entity, period_end=period_end, account_id=line_item, counterparty_entity_id=counterparty, balance=balance)


def attest(con: duckdb.DuckDBPyConnection, subject: str, period_end: str, value: str, reference_id: str | None = None, attestation_id: str | None = None, attested_on: str = "2005-01-01") -> None:
    add(
        con,
        "attestations",
        attestation_id=attestation_id or f"ATT-{subject}-{reference_id or ''}-{period_end}",
        subject=subject,
        reference_id=reference_id,
        period_end=period_end,
        value=value,
        attested_on=attested_on,
    )


def attest_cni_quarters(con: duckdb.DuckDBPyConnection, *quarter_ends: str) -> None:
    """The two attestations CNI needs every quarter, both zero."""
    for quarter_end in quarter_ends:
        attest(con, "frozen_gaap_net_income_adjustment", quarter_end, "0.00")
        attest(con, "restricted_subsidiary_income", quarter_end, "0.00")


@cache
def _models() -> tuple[SqlModel, ...]:
    return tuple(discover())


def build(con: duckdb.DuckDBPyConnection, *targets: str) -> None:
    """Build the named models and everything they read (all models when none is named), in dependency order."""
    models = _models()
    if not targets:
        for model in models:
            build_model(con, model)
        return
    by_name = {m.name: m for m in models}
    needed, pending = set(), list(targets)
    while pending:
        name = pending.pop()
        if name in by_name and name not in needed:
            needed.add(name)
            pending.extend(by_name[name].depends_on)
    for model in models:
        if model.name in needed:
            build_model(con, model)


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    relation = con.execute(sql, params or [])
    columns = [d[0] for d in relation.description]
    return [dict(zip(columns, r)) for r in relation.fetchall()]


def one(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> dict:
    found = rows(con, sql, params)
    assert len(found) == 1, f"expected one row, got {len(found)}: {found}"
    return found[0]


def quarter_total(con: duckdb.DuckDBPyConnection, model: str, quarter_end: str) -> dict:
    """A monthly ppca-2002 model's months of one Fiscal Quarter added up: amounts summed, lists joined (distinct,
    sorted), every other column (caps, dates, ids) as in the quarter's last month."""
    months = rows(con, f"select * from {model} where quarter_end = ? order by period_end", [quarter_end])
    assert months, f"no month of the quarter ending {quarter_end} in {model}"
    total = dict(months[-1])
    for name, value in total.items():
        if isinstance(value, Decimal) and not name.endswith("_cap"):
            total[name] = sum((m[name] for m in months), Decimal("0"))
        elif isinstance(value, list):
            total[name] = sorted({item for m in months for item in m[name]})
    return total
