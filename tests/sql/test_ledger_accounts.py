"""sql/explain/ledger_accounts.sql: the accounts behind a figure, each measured as the models measure its line item
(a year-to-date balance less the entity's previous reported month's in the same fiscal year, a missing row a zero
balance), with the trial-balance rows it comes from, read for the figure's own months only."""

from datetime import date
from decimal import Decimal

from raw_tables import add, build, tb

from pipelines.explain.sources import ledger_accounts_of


def _accounts(con, name: str, start: str, end: str):
    period = (date.fromisoformat(start), date.fromisoformat(end))
    found = ledger_accounts_of(con, [(name, period)])[(name, period)]
    return found.total, [(a.account_id, [(e.amount, list(e.rows)) for e in a.entities]) for a in found.accounts]


def test_an_accounts_activity_is_traced_to_its_row_and_the_row_it_is_measured_from(con):
    tb(con, "1997-03-31", "interest_expense", "300.00")  # row 2
    tb(con, "1997-06-30", "interest_expense", "700.00")  # row 3
    build(con, "consolidated_ledger")
    # June's activity: YTD 700 less March's YTD 300 (April and May not reported) = 400, from rows 3 and 2
    assert _accounts(con, "interest_expense", "1997-04-01", "1997-06-30") == (
        Decimal("400.00"), [("interest_expense", [(Decimal("400.00"), [2, 3])])]
    )
    # March, the first month reported: its YTD, from its own row
    assert _accounts(con, "interest_expense", "1997-01-01", "1997-03-31") == (
        Decimal("300.00"), [("interest_expense", [(Decimal("300.00"), [2])])]
    )


def test_a_new_fiscal_year_is_measured_from_zero_and_a_missing_row_from_the_row_before(con):
    add(con, "chart_of_accounts", account_id="6100-2", account_name="6100-2", statement="income_statement", line_item="interest_expense")
    tb(con, "1996-12-31", "interest_expense", "900.00")  # row 2
    tb(con, "1997-01-31", "interest_expense", "100.00")  # row 3
    add(con, "trial_balances", entity_id="KACC", period_end="1997-01-31", account_id="6100-2", counterparty_entity_id=None, balance="50.00")  # row 4
    tb(con, "1997-02-28", "interest_expense", "250.00")  # row 5; 6100-2 has no February row
    build(con, "consolidated_ledger")
    # January: YTD 100 (not 100 - 900: a new fiscal year) and 50; February: 250 - 100 = 150, and 0 - 50 = -50 from
    # January's row 4 alone. Over both months: interest_expense 100 + 150 = 250 (rows 3, 5), 6100-2 50 - 50 = 0: left out
    assert _accounts(con, "interest_expense", "1997-01-01", "1997-02-28") == (
        Decimal("250.00"), [("interest_expense", [(Decimal("250.00"), [3, 5])])]
    )
    assert _accounts(con, "interest_expense", "1997-02-01", "1997-02-28") == (
        Decimal("100.00"), [("6100-2", [(Decimal("-50.00"), [4])]), ("interest_expense", [(Decimal("150.00"), [3, 5])])]
    )
