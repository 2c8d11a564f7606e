"""A scenario's trial-balance inputs, posted as the Company's books would carry them (pipelines/scenario/overlay.py),
every expected balance worked out by hand beside it; and the scenario's folder, its untouched extracts linked to the
user's files."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import polars as pl
import pytest

from pipelines.extracts.contract import TRIAL_BALANCES
from pipelines.file_hashes import stamp, unchanged_since
from pipelines.layout import SAMPLE_EXTRACTS_DIR
from pipelines.scenario.definition import InputChange, ScenarioError
from pipelines.scenario.overlay import _typed, apply_input, overlaid_extracts
from pipelines.scenario.run import load_scenario

CHART = pl.DataFrame(
    {
        "account_id": ["1000", "3900", "4000", "2500"],
        "account_name": ["Cash", "Retained earnings", "Net sales", "Long-term debt"],
        "statement": ["balance_sheet", "balance_sheet", "income_statement", "balance_sheet"],
        "line_item": ["cash", "retained_earnings", "net_sales", "long_term_debt"],
    }
)
OCT, NOV, DEC, JAN = date(2003, 10, 31), date(2003, 11, 30), date(2003, 12, 31), date(2004, 1, 31)


def trial_balances(rows: list[tuple[str, date, str, str]]) -> pl.DataFrame:
    return pl.DataFrame(
        [(e, m, a, None, Decimal(b)) for e, m, a, b in rows],
        schema={"entity_id": pl.String, "period_end": pl.Date, "account_id": pl.String, "counterparty_entity_id": pl.String, "balance": pl.Decimal(18, 2)},
        orient="row",
    )


# Net sales are fiscal-year-to-date (credits negative): November's activity is -1,000.15 - (-900.00) = -100.15,
# December's -1,200.15 - (-1,000.15) = -200.00; January opens a new fiscal year. Each month nets to zero.
BOOKS = trial_balances(
    [
        ("E", OCT, "1000", "1800.00"), ("E", OCT, "3900", "-900.00"), ("E", OCT, "4000", "-900.00"),
        ("E", NOV, "1000", "1900.15"), ("E", NOV, "3900", "-900.00"), ("E", NOV, "4000", "-1000.15"),
        ("E", DEC, "1000", "2100.15"), ("E", DEC, "3900", "-900.00"), ("E", DEC, "4000", "-1200.15"),
        ("E", JAN, "1000", "2200.15"), ("E", JAN, "3900", "-2100.15"), ("E", JAN, "4000", "-100.00"),
    ]
)


def change(**fields) -> InputChange:
    return InputChange.model_validate({"extract": "trial_balances", "offset_account": "1000", **fields})


def balances(frame: pl.DataFrame) -> dict[tuple[date, str], Decimal]:
    return {(m, a): b for m, a, b in frame.select("period_end", "account_id", "balance").iter_rows()}


def test_an_income_statement_change_carries_to_the_year_end_then_into_retained_earnings():
    # 100.00 less net sales in November (a debit of 100.00 on 4000): 4000 is year-to-date, so November and December
    # are 100.00 higher; January opens FY2004, where the year's income is in retained earnings (3900), 100.00 higher.
    # Cash (1000), the offset, is 100.00 lower from November on. Every month still nets to zero.
    changed, line = apply_input(BOOKS, CHART, change(account="4000", **{"from": "2003-11-30", "to": "2003-11-30"}, amount="100.00"), "inputs.0")
    assert balances(changed) == {
        (OCT, "1000"): Decimal("1800.00"), (OCT, "3900"): Decimal("-900.00"), (OCT, "4000"): Decimal("-900.00"),
        (NOV, "1000"): Decimal("1800.15"), (NOV, "3900"): Decimal("-900.00"), (NOV, "4000"): Decimal("-900.15"),
        (DEC, "1000"): Decimal("2000.15"), (DEC, "3900"): Decimal("-900.00"), (DEC, "4000"): Decimal("-1100.15"),
        (JAN, "1000"): Decimal("2100.15"), (JAN, "3900"): Decimal("-2000.15"), (JAN, "4000"): Decimal("-100.00"),
    }
    assert changed.group_by("period_end").agg(pl.col("balance").sum()).get_column("balance").to_list() == [Decimal("0.00")] * 4
    assert "6 balances changed, 0 rows added" in line


def test_a_percentage_of_a_months_activity_is_rounded_to_the_cent_half_to_even():
    # 10% lower net sales in November and December: November's activity -100.15 x -10% = 10.015, to the cent half to
    # even 10.02 (the 1 before the 5 is odd); December's -200.00 x -10% = 20.00. 4000: November -1,000.15 + 10.02 =
    # -990.13, December -1,200.15 + 10.02 + 20.00 = -1,170.13; 3900 in January -2,100.15 + 30.02 = -2,070.13.
    changed, _ = apply_input(BOOKS, CHART, change(line_item="net_sales", **{"from": "2003-11-30", "to": "2003-12-31"}, percent="-10"), "inputs.0")
    got = balances(changed)
    assert (got[(NOV, "4000")], got[(DEC, "4000")], got[(JAN, "3900")]) == (Decimal("-990.13"), Decimal("-1170.13"), Decimal("-2070.13"))
    assert (got[(NOV, "1000")], got[(DEC, "1000")], got[(JAN, "1000")]) == (Decimal("1890.13"), Decimal("2070.13"), Decimal("2170.13"))


def test_half_a_cent_rounds_to_the_even_cent():
    # activities of 0.25 and 0.35 (balance sheet: closing less the previous closing), +10%: 0.025 -> 0.02, 0.035 -> 0.04
    books = trial_balances([("E", NOV, "2500", "-0.25"), ("E", NOV, "1000", "0.25"), ("E", DEC, "2500", "-0.60"), ("E", DEC, "1000", "0.60")])
    changed, _ = apply_input(books, CHART, change(account="2500", percent="10"), "inputs.0")
    got = balances(changed)
    # November -0.25 x 10% = -0.025 -> -0.02; December's activity -0.35 x 10% = -0.035 -> -0.04, on top of November's
    assert (got[(NOV, "2500")], got[(DEC, "2500")]) == (Decimal("-0.27"), Decimal("-0.66"))
    assert (got[(NOV, "1000")], got[(DEC, "1000")]) == (Decimal("0.27"), Decimal("0.66"))


def test_a_balance_the_month_lacks_is_added_as_a_row():
    # no retained earnings row in January: the change closes into a new one
    books = BOOKS.filter(~((pl.col("period_end") == JAN) & (pl.col("account_id") == "3900")))
    changed, line = apply_input(books, CHART, change(account="4000", **{"from": "2003-12-31"}, amount="5.00"), "inputs.0")
    assert changed.height == books.height + 1
    assert changed.row(-1) == ("E", JAN, "3900", None, Decimal("5.00"))
    assert "1 rows added" in line


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"account": "9999", "amount": "1.00"}, "inputs.0.account: account 9999 is not in the chart of accounts"),
        ({"line_item": "inventories", "amount": "1.00"}, "inputs.0.line_item: no account of the chart of accounts has the line item inventories"),
        ({"account": "4000", "amount": "1.00", "offset_account": "4000"}, "inputs.0.offset_account: 4000 is not a balance sheet account"),
        ({"account": "1000", "amount": "1.00"}, "inputs.0.offset_account: 1000 is one of the accounts changed"),
        ({"account": "4000", "amount": "1.00", "entity": "NOBODY"}, "inputs.0: no trial-balance row matches (accounts 4000, entity NOBODY)"),
    ],
)
def test_an_input_that_names_nothing_in_the_books_is_refused(fields, reason):
    with pytest.raises(ScenarioError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        apply_input(BOOKS, CHART, change(**fields), "inputs.0")


def test_on_the_sample_net_sales_10_percent_lower_in_march_2004():
    # KACC account 4000: February 2004 (138,900,000.00), March (217,050,000.00): March's activity (78,150,000.00);
    # 10% lower: a debit of 7,815,000.00 in March, carried to December 2004 (the sample's last month)
    books, chart = _typed(SAMPLE_EXTRACTS_DIR, TRIAL_BALANCES.name), _typed(SAMPLE_EXTRACTS_DIR, "chart_of_accounts")
    changed, _ = apply_input(books, chart, change(account="4000", entity="KACC", **{"from": "2004-03-31", "to": "2004-03-31"}, percent="-10"), "inputs.0")

    def net_sales(frame, month):
        return frame.filter((pl.col("entity_id") == "KACC") & (pl.col("account_id") == "4000") & (pl.col("period_end") == month))["balance"].item()

    assert net_sales(changed, date(2004, 2, 29)) == Decimal("-138900000.00")
    assert net_sales(changed, date(2004, 3, 31)) == Decimal("-217050000.00") + Decimal("7815000.00")
    assert net_sales(changed, date(2004, 12, 31)) - net_sales(books, date(2004, 12, 31)) == Decimal("7815000.00")


def test_the_untouched_extracts_are_links_to_the_users_files_and_the_changed_ones_files_of_their_own(tmp_path):
    # issuing notes in November 1997 adds rows to three extracts; the other 35 are the user's files, linked: read
    # through the link, a file's stamps are its own, settled long ago, so its sha256 and fingerprint are trusted
    scenario = load_scenario(SAMPLE_EXTRACTS_DIR.parent / "scenarios" / "issue-notes-1997-11.yaml")
    folder = tmp_path / "scenario"
    folder.mkdir()
    overlaid_extracts(SAMPLE_EXTRACTS_DIR, scenario, folder)
    linked = {p.name for p in folder.iterdir() if p.is_symlink()}
    written = {p.name for p in folder.iterdir() if not p.is_symlink()}
    assert written == {"debt_instruments.csv", "incurrences.csv", "attestations.csv"}
    assert len(linked) == 35 and all((folder / name).resolve() == (SAMPLE_EXTRACTS_DIR / name).resolve() for name in linked)
    assert unchanged_since((folder / "trial_balances.csv").resolve(), stamp((folder / "trial_balances.csv").resolve()))
    assert not unchanged_since((folder / "incurrences.csv").resolve(), stamp((folder / "incurrences.csv").resolve()))


def test_where_the_file_system_has_no_links_the_untouched_extracts_are_copied(tmp_path, monkeypatch):
    def refused(self, target):
        raise OSError(1, "Operation not permitted", str(self))

    monkeypatch.setattr(Path, "symlink_to", refused)
    scenario = load_scenario(SAMPLE_EXTRACTS_DIR.parent / "scenarios" / "issue-notes-1997-11.yaml")
    folder = tmp_path / "scenario"
    folder.mkdir()
    overlaid_extracts(SAMPLE_EXTRACTS_DIR, scenario, folder)
    assert not any(p.is_symlink() for p in folder.iterdir()) and len(list(folder.iterdir())) == 38
    assert (folder / "trial_balances.csv").read_bytes() == (SAMPLE_EXTRACTS_DIR / "trial_balances.csv").read_bytes()
