"""Each promise of docs/extracts.md that validation once left unchecked: the refusal a person sees when it is broken.

Cells are set through the CSV text (`cell`), the way a person would edit the file; expected issues are literals.
"""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from pipelines.extracts.contract import EXTRACTS
from pipelines.extracts.date_range import DateRange, instruments_date_range
from pipelines.extracts.reading import Issue
from pipelines.extracts.validation import DATED_ENTITY_REFERENCES
from pipelines.layout import POLICIES_DIR
from pipelines.policy.loading import PolicyError

NEGATIVE = "must not be negative"
RANGE = "outside the days the instruments can be tested, 1988-10-28 to 2006-10-15 (records_from and tested_through in policies/*/instrument.yaml)"


@pytest.fixture
def cell(extracts_dir: Path):
    """Set one cell of an extract's CSV (row numbered as a person counts, the header being row 1)."""

    def write(name: str, row: int, column: str, value: str) -> None:
        path = extracts_dir / f"{name}.csv"
        frame = pl.read_csv(io.StringIO(path.read_text()), infer_schema=False)
        values = frame[column].to_list()
        values[row - 2] = value
        frame.with_columns(pl.Series(column, values, dtype=pl.String)).write_csv(path)

    return write


# (extract, column): amounts that by their meaning cannot be negative and were accepted negative
NOT_NEGATIVE = [
    ("restricted_payments", "kac_pass_through_amount"),
    ("incurrences", "premium_and_fees"),
    ("equity_issuances", "excluded_from_4_09_a_ii"),
    ("asset_transfers", "fair_market_value"),
    ("default_events", "amount"),
    ("default_events", "insured_amount"),
    ("asset_sale_offers", "notes_credited"),
    ("liens", "principal_secured"),
    ("liens", "asset_cost"),
    ("affiliate_transactions", "amount"),
    ("affiliate_transactions", "principal_products_amount"),
    ("sale_leasebacks", "fair_market_value"),
    ("sale_leasebacks", "periodic_rental"),
    ("acquisitions", "consideration"),
    ("note_redemptions", "principal_amount"),
    ("incurrences", "accrued_interest_refinanced"),
    ("restricted_payments", "net_book_value"),
    ("restricted_payments", "fair_market_value"),
    ("board_resolutions", "amount"),
]


@pytest.mark.parametrize(("name", "column"), NOT_NEGATIVE)
def test_an_amount_that_cannot_be_negative_is_refused_negative(name, column, cell, reingest):
    cell(name, 2, column, "-1.00")
    # notes_credited also asks for its retirement date: only this column's issue is this promise's
    assert [i for i in reingest(name) if i.column == column] == [Issue(f"{name}.csv", 2, column, "-1.00", NEGATIVE, "not_negative")]


def test_a_default_event_names_a_known_debt_instrument(cell, reingest):
    cell("default_events", 2, "instrument_id", "NOTES-9999")
    assert reingest("default_events") == [
        Issue("default_events.csv", 2, "instrument_id", "NOTES-9999", "not found in debt_instruments (instrument_id)", "reference")
    ]


def test_a_return_of_investment_names_a_known_payment(cell, reingest):
    cell("restricted_payments", 2, "returns_transaction_id", "RP-1990-NONE")
    assert reingest("restricted_payments") == [
        Issue("restricted_payments.csv", 2, "returns_transaction_id", "RP-1990-NONE", "not found in restricted_payments (transaction_id)", "reference")
    ]


# (extract, column, its date column, a date before the clean register's 1996-01-01): entity references the page
# promises are in the register on the row's date
ENTITY_ON_DATE = [
    ("guarantees", "guaranteed_obligor_entity_id", "given_on"),
    ("restricted_payments", "unrestricted_subsidiary_id", "payment_date"),
    ("default_events", "entity_id", "event_date"),
    ("sale_leasebacks", "seller_entity_id", "transaction_date"),
    ("acquisitions", "acquirer_entity_id", "acquisition_date"),
    ("mergers", "entity_id", "effective_date"),
]


@pytest.mark.parametrize(("name", "column", "dated_by"), ENTITY_ON_DATE)
def test_an_entity_is_in_the_register_on_the_rows_date(name, column, dated_by, cell, reingest):
    cell(name, 2, column, "KACC")
    cell(name, 2, dated_by, "1995-06-30")
    reason = f"entity KACC is not in the entity register on 1995-06-30 ({dated_by})"
    issues = [i for i in reingest(name) if i.column == column]
    assert issues == [Issue(f"{name}.csv", 2, column, "KACC", reason, "entity_on_date")]


def test_every_entity_reference_is_checked_on_a_date_of_its_row():
    # the page promises a refusal for "an entity not in the register on the row's date": every extract naming an
    # entity has a date, so every such reference is checked on one
    entity_references = {(e.name, c.name) for e in EXTRACTS for c in e.columns if c.references == "entities.entity_id"}
    assert entity_references == set(DATED_ENTITY_REFERENCES)


def test_an_asset_transfer_names_registered_entities_on_its_date(cell, reingest):
    cell("asset_transfers", 2, "transfer_date", "1995-06-30")
    assert reingest("asset_transfers") == [
        Issue("asset_transfers.csv", 2, "transferor_entity_id", "KACC", "entity KACC is not in the entity register on 1995-06-30 (transfer_date)", "entity_on_date"),
        Issue("asset_transfers.csv", 2, "transferee_entity_id", "KMH", "entity KMH is not in the entity register on 1995-06-30 (transfer_date)", "entity_on_date"),
    ]


def test_an_intercompany_counterparty_is_in_the_register_on_the_month(edit, reingest):
    # KMH's first register row starts 1996-01-01; the counterparty is named on a March 1997 row: registered. Moved to
    # a month after a register that ends, it is not.
    edit("entities", "1999-07-01,,KACC,subsidiary", "1999-07-01,2000-12-31,KACC,subsidiary")
    reingest("entities")
    edit("trial_balances", "KACC,1997-03-31,1000,,12.34", "KACC,1997-03-31,1000,KMH,12.34")
    assert reingest("trial_balances") == []
    edit("trial_balances", "KACC,1997-03-31,1000,KMH,12.34\nKACC,1997-03-31,4000,,-100.00\nKACC,1997-03-31,5000,,87.66",
         "KACC,2001-03-31,1000,KMH,12.34\nKACC,2001-03-31,4000,,-100.00\nKACC,2001-03-31,5000,,87.66")
    assert reingest("trial_balances") == [
        Issue("trial_balances.csv", 2, "counterparty_entity_id", "KMH", "entity KMH is not in the entity register on 2001-03-31 (period_end)", "entity_on_date")
    ]


# (extract, later, earlier, the earlier date's clean value, a later value set one day before it)
DATE_ORDERS = [
    ("restricted_payments", "payment_date", "declared_on", "1997-06-30", "1997-07-01"),
    ("restricted_payments", "kac_pass_through_date", "payment_date", "1997-06-30", "1997-06-29"),
    ("default_events", "cured_on", "event_date", "2002-02-12", "2002-02-11"),
    ("asset_sale_offers", "asset_sale_purchase_date", "notice_mailed_on", "2001-01-10", "2001-01-09"),
    ("asset_sale_offers", "purchase_completed_on", "notice_mailed_on", "2001-01-10", "2001-01-09"),
    ("liens", "released_on", "created_on", "1996-12-23", "1996-12-22"),
    ("unrestricted_subsidiary_officers", "ceased_on", "appointed_on", "1998-01-01", "1997-12-31"),
    ("note_redemptions", "redemption_date", "notice_mailed_on", "2004-09-20", "2004-09-19"),
    ("board_resolutions", "delivered_to_trustee_on", "adopted_on", "1999-04-20", "1999-04-19"),
    ("board_resolutions", "effective_date", "adopted_on", "1999-04-20", "1999-04-19"),
    ("financial_statements", "available_on", "period_end", "1997-03-31", "1997-03-30"),
]


@pytest.mark.parametrize(("name", "later", "earlier", "on", "before"), DATE_ORDERS)
def test_a_date_that_follows_another_is_not_before_it(name, later, earlier, on, before, cell, reingest):
    if name == "restricted_payments" and earlier == "declared_on":
        cell(name, 2, earlier, before)  # declared the day after it was paid
        cell(name, 2, later, on)
        bad = on
    else:
        cell(name, 2, earlier, on)
        cell(name, 2, later, before)
        bad = before
    assert [i for i in reingest(name) if i.check == "date_order"] == [Issue(f"{name}.csv", 2, later, bad, f"must not be before {earlier}", "date_order")]


def test_an_insured_part_of_a_judgment_is_not_more_than_the_judgment(cell, reingest):
    cell("default_events", 2, "amount", "1000.00")
    cell("default_events", 2, "insured_amount", "1000.01")
    assert reingest("default_events") == [Issue("default_events.csv", 2, "insured_amount", "1000.01", "must not exceed amount", "part_of")]


def test_the_part_of_net_proceeds_left_out_is_not_more_than_the_net_proceeds(cell, reingest):
    cell("equity_issuances", 2, "excluded_from_4_09_a_ii", "10000000.01")
    assert reingest("equity_issuances") == [
        Issue("equity_issuances.csv", 2, "excluded_from_4_09_a_ii", "10000000.01", "must not exceed net_proceeds", "part_of")
    ]


def test_notes_credited_come_with_the_date_they_were_retired(cell, reingest):
    cell("asset_sale_offers", 2, "notes_credited", "1000000.00")
    assert reingest("asset_sale_offers") == [
        Issue("asset_sale_offers.csv", 2, "notes_credited_retired_on", None, "required with notes_credited", "required_with")
    ]
    cell("asset_sale_offers", 2, "notes_credited_retired_on", "2001-01-05")
    assert reingest("asset_sale_offers") == []


@pytest.mark.parametrize(("period_end", "refused"), [("1997-06-30", False), ("1997-05-31", True), ("1997-06-29", True)])
def test_a_quarters_statements_are_dated_by_its_last_day(period_end, refused, cell, reingest):
    cell("financial_statements", 2, "period_end", period_end)
    expected = [Issue("financial_statements.csv", 2, "period_end", period_end, "must be the last day of a fiscal quarter", "quarter_end")]
    assert [i for i in reingest("financial_statements") if i.check == "quarter_end"] == (expected if refused else [])


@pytest.mark.parametrize(("form", "needs"), [("property", ["fair_market_value"]), ("designation", ["fair_market_value", "net_book_value"])])
def test_property_and_a_designation_come_with_the_values_4_09_counts(form, needs, cell, reingest):
    # 4.09(a)(C) counts property at its Fair Market Value; a designation at the greater of net book value and FMV
    cell("restricted_payments", 2, "investment_form", form)
    assert sorted(i.column for i in reingest("restricted_payments")) == needs
    cell("restricted_payments", 2, "net_book_value", "4000000.00")
    cell("restricted_payments", 2, "fair_market_value", "5000000.00")
    assert reingest("restricted_payments") == []
def test_a_single_capital_expenditure_has_its_id_and_its_day_in_the_row_s_month(cell, edit, reingest):
    # the clean row is KACC's total for the month ending 1997-03-31
    cell("capital_expenditures", 2, "expenditure_id", "CX-1")
    assert reingest("capital_expenditures") == [
        Issue("capital_expenditures.csv", 2, "expenditure_date", None, "required with expenditure_id", "required_with")
    ]
    for day, issues in (
        ("1997-03-01", []),  # the month's first and last days are in it
        ("1997-03-31", []),
        ("1997-02-28", [Issue("capital_expenditures.csv", 2, "expenditure_date", "1997-02-28", "must fall in the month period_end ends", "in_month_of")]),
        ("1997-04-01", [Issue("capital_expenditures.csv", 2, "expenditure_date", "1997-04-01", "must fall in the month period_end ends", "in_month_of")]),
    ):
        cell("capital_expenditures", 2, "expenditure_date", day)
        assert reingest("capital_expenditures") == issues
    cell("capital_expenditures", 2, "expenditure_date", "1997-03-15")
    cell("capital_expenditures", 2, "expenditure_id", "")
    assert reingest("capital_expenditures") == [
        Issue("capital_expenditures.csv", 2, "expenditure_id", None, "required with expenditure_date", "required_with")
    ]


def test_a_capital_expenditure_id_names_one_row(edit, reingest):
    row = "KACC,1997-03-31,Trentwood maintenance,2500000.00,false,true,,"
    edit("capital_expenditures", row + ",\n", f"{row}CX-1,1997-03-15\nKACC,1997-03-31,Mead,1.00,false,true,,CX-1,1997-03-16\n")
    assert reingest("capital_expenditures") == [
        Issue("capital_expenditures.csv", row, "expenditure_id", "CX-1", "given on more than one row", "unique_when_given") for row in (2, 3)
    ]
    edit("capital_expenditures", "Mead,1.00,false,true,,CX-1,", "Mead,1.00,false,true,,CX-2,")
    assert reingest("capital_expenditures") == []


def test_a_zero_balance_row_dated_2999_is_refused(edit, reingest):
    edit("trial_balances", "87.66\n", "87.66\nKACC,2999-12-31,1000,,0.00\n")
    assert reingest("trial_balances") == [Issue("trial_balances.csv", 5, "period_end", "2999-12-31", RANGE, "date_range")]


def test_year_0000_is_refused(edit, reingest):
    edit("restricted_payments", "1997-06-30", "0000-06-30")
    assert reingest("restricted_payments") == [
        Issue("restricted_payments.csv", 2, "payment_date", "0000-06-30", "not a real calendar date", "type_date")
    ]


def test_a_date_a_day_outside_the_range_is_refused_and_the_ends_are_accepted(edit, reingest):
    edit("note_redemptions", "2004-09-20,2004-10-20", "1988-10-28,2006-10-15")
    assert reingest("note_redemptions") == []
    edit("note_redemptions", "1988-10-28,2006-10-15", "1988-10-27,2006-10-16")
    assert reingest("note_redemptions") == [
        Issue("note_redemptions.csv", 2, "notice_mailed_on", "1988-10-27", RANGE, "date_range"),
        Issue("note_redemptions.csv", 2, "redemption_date", "2006-10-16", RANGE, "date_range"),
    ]


def test_a_stated_maturity_may_fall_after_the_range_never_before(edit, reingest):
    edit("debt_instruments", "1996-12-23,2006-10-15", "1996-12-23,9999-12-31")
    assert reingest("debt_instruments") == []
    edit("letters_of_credit", "1998-08-01,1999-06-30", "1998-08-01,2010-06-30")
    assert reingest("letters_of_credit") == []
    edit("letters_of_credit", "1998-08-01,2010-06-30", "1998-08-01,1980-06-30")
    reason = "before 1988-10-28, the earliest day the instruments' definitions read"
    assert [i for i in reingest("letters_of_credit") if i.check == "date_range"] == [
        Issue("letters_of_credit.csv", 2, "expiry_date", "1980-06-30", reason, "date_range")
    ]


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("number_of_payments", "1000000000", "must be a whole number from 0 to 1200"),
        ("number_of_payments", "10.5", "must be a whole number from 0 to 1200"),
        ("payments_per_year", "0", "must be a whole number from 1 to 12"),
        ("lease_term_months", "99999999", "must be a whole number from 1 to 1200"),
    ],
)
def test_a_sale_leaseback_has_a_bounded_whole_number_of_rentals(column, value, reason, cell, reingest):
    cell("sale_leasebacks", 2, column, value)
    shown = f"{value}.000000" if "." not in value else f"{value}00000"  # the value at the quantity's six places
    assert reingest("sale_leasebacks") == [Issue("sale_leasebacks.csv", 2, column, shown, reason, "whole_number")]


def test_the_range_is_taken_from_the_instrument_files(tmp_path):
    assert instruments_date_range() == DateRange(date(1988, 10, 28), date(2006, 10, 15))
    root = Path(shutil.copytree(POLICIES_DIR, tmp_path / "policies"))
    instrument = root / "ppca-2002" / "instrument.yaml"
    instrument.write_text(instrument.read_text().replace("day: 2005-02-13", "day: 2008-06-30"))
    assert instruments_date_range(root) == DateRange(date(1988, 10, 28), date(2008, 6, 30))
    instrument.write_text(instrument.read_text().replace("tested_through:", "tested_until:"))
    with pytest.raises(PolicyError, match="tested_through: Field required"):
        instruments_date_range(root)
