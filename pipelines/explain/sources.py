"""The extract rows behind a result: where a reader opens the file to check a figure.

Queries come from sql/explain/, with every value bound as a parameter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache

import duckdb

from pipelines.layout import SQL_DIR

QUERIES = SQL_DIR / "explain"
TRIAL_BALANCES = "trial_balances"
# The inputs that are sums of trial-balance line items, and which ones (as the SQL model that computes each sums them);
# an empty tuple is every income-statement line, the consolidated group's net income.
LEDGER_LINES: dict[str, tuple[str, ...]] = {
    "net_income": (),
    "consolidated_net_income": (),
    "consolidated_fixed_charges": ("interest_expense", "interest_expense_borne_by_jv_partners", "letter_of_credit_fees",
                                   "interest_hedging_net_cost", "preferred_dividends", "debt_discount_amortization"),
    "consolidated_income_tax_expense": ("income_tax_expense",),
    "consolidated_depreciation_expense": ("depreciation_and_depletion", "capital_lease_amortization"),
    "consolidated_amortization_expense": ("amortization",),
    "other_non_cash_charges": ("other_non_cash_charges",),
    "non_cash_pension_expense": ("non_cash_pension_expense",),
    "interest_expense": ("interest_expense", "interest_expense_borne_by_jv_partners"),
    "income_tax_expense": ("income_tax_expense",),
    "depreciation_and_depletion": ("depreciation_and_depletion",),
    "capital_lease_amortization": ("capital_lease_amortization",),
    "amortization": ("amortization",),
}
# A figure's accounts listed, by id, by the report's drill-down and by `covenants explain` unless told to list every one
# (`--all-accounts`); the others are counted and added up. Unbounded, accounts split into 800 sub-accounts made the
# report's page 131 MB, and into 2,400 an explanation of 321,746 lines (docs/performance.md).
ACCOUNTS_SHOWN = 25


@dataclass(frozen=True)
class SourceRow:
    extract: str  # the extract's name; its file is `<extract>.csv` (or .parquet, .xlsx) in the extracts folder
    row: int  # as a person opening the file counts rows: the CSV header is row 1


@dataclass(frozen=True)
class EntityAmount:
    entity: str  # the entity's name
    amount: Decimal
    rows: tuple[int, ...]  # in the trial balances file


@dataclass(frozen=True)
class Account:
    account_id: str
    name: str
    amount: Decimal
    entities: tuple[EntityAmount, ...]


@dataclass(frozen=True)
class LedgerAccounts:
    """The trial-balance accounts behind an input, signed as the input counts them: net income as income (credits
    positive), every other input as a charge (debits positive)."""

    start: date
    end: date
    total: Decimal  # every account's, those beyond the listed ones too
    accounts: tuple[Account, ...]
    more: tuple[int, Decimal] | None = None  # the accounts beyond those listed, when a bound left some out: how many, their amount

    def makes(self, value: object) -> bool:
        """Whether the accounts add up to the input's value (else the definition adjusts them)."""
        try:
            return self.total == Decimal(str(value))
        except InvalidOperation:
            return False


@cache
def query(name: str) -> str:
    return (QUERIES / f"{name}.sql").read_text()


def transaction_rows(con: duckdb.DuckDBPyConnection, transaction_id: str | None) -> list[SourceRow]:
    """The row that records the transaction (or instrument, lien, merger...) a result was tested on."""
    if transaction_id is None:
        return []
    return [SourceRow(extract, row) for extract, row in con.execute(query("transaction_rows"), {"transaction_id": transaction_id}).fetchall()]


def file_names(inputs: dict[str, str]) -> dict[str, str]:
    """Extract name → the file that held it, from a manifest's `inputs` (file name → hash)."""
    return {name.rsplit(".", 1)[0]: name for name in inputs}


def ledger_accounts_of(con: duckdb.DuckDBPyConnection, wanted: list[tuple[str, tuple[date | None, date | None]]],
                       accounts_shown: int | None = None) -> dict[tuple[str, tuple], LedgerAccounts]:
    """The accounts behind each (input name, period) asked for, read in one query; an input that is no sum of
    accounts, or a figure without a period, is left out. With `accounts_shown`, each lists its first accounts by id
    only, and counts and adds up the others in the database (a scaled trial balance has hundreds of thousands)."""
    asked = sorted({(n, p) for n, p in wanted if n in LEDGER_LINES and p[0] is not None and p[1] is not None})
    if not asked:
        return {}
    requests = [{"request": i, "period_start": p[0], "period_end": p[1], "line_items": list(LEDGER_LINES[n])} for i, (n, p) in enumerate(asked)]
    by_request: dict[int, dict[tuple[str, str], list[EntityAmount]]] = {i: {} for i in range(len(asked))}
    more: dict[int, tuple[int, Decimal]] = {}
    found_rows = con.execute(query("ledger_accounts"), {"requests": requests, "accounts_shown": accounts_shown}).fetchall()
    for request, account_id, account_name, _, entity_name, activity, source_rows, more_accounts in found_rows:
        sign = -1 if not LEDGER_LINES[asked[request][0]] else 1
        if more_accounts is not None:
            more[request] = (more_accounts, sign * activity)
        else:
            by_request[request].setdefault((account_id, account_name), []).append(EntityAmount(entity_name, sign * activity, tuple(source_rows)))
    found = {}
    for i, (name, (start, end)) in enumerate(asked):
        accounts = tuple(Account(a, n, sum((e.amount for e in es), Decimal(0)), tuple(es)) for (a, n), es in by_request[i].items())
        total = sum((a.amount for a in accounts), more[i][1] if i in more else Decimal(0))
        found[(name, (start, end))] = LedgerAccounts(start, end, total, accounts, more.get(i))
    return found


def ledger_accounts(con: duckdb.DuckDBPyConnection, name: str, period: tuple[date | None, date | None],
                    accounts_shown: int | None = None) -> LedgerAccounts | None:
    """The accounts behind input `name` over the figure's period (the first `accounts_shown` by id, the others counted
    and added up; None: all); None for an input that is no sum of accounts."""
    return ledger_accounts_of(con, [(name, period)], accounts_shown).get((name, period))
