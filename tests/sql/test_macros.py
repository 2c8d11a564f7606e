"""The macros of sql/macros/ other than the parameter look-ups (test_parameter_macros.py), each on hand-made rows with
the figure derived by hand beside it; and every macro file cites its clause first, as every model does."""

from __future__ import annotations

import json
from decimal import Decimal

from pipelines.layout import SQL_DIR
from raw_tables import attest, build, rows


def one(con, sql: str) -> object:
    return con.execute(sql).fetchone()[0]


def test_every_macro_file_starts_with_a_clause_line():
    files = sorted((SQL_DIR / "macros").glob("*.sql"))
    assert files
    for path in files:
        assert path.read_text().startswith("-- clause: "), path.name


def test_days_30_360_is_the_bond_basis(con):
    # the Notes' first period, December 23, 1996 to April 15, 1997: 7 days to December 30, 90 for January to March, 15
    assert one(con, "select days_30_360(date '1996-12-23', date '1997-04-15')") == 112
    # January 31 counts as the 30th, and so does the end on March 31 when the start is the 30th or 31st: two months
    assert one(con, "select days_30_360(date '2000-01-31', date '2000-03-31')") == 60
    # from February 28 the end on the 31st stays the 31st: 30 (to March 28) + 3
    assert one(con, "select days_30_360(date '2000-02-28', date '2000-03-31')") == 33


def test_over_360_days_truncates_to_ten_places(con):
    # $1,000 at 10 7/8% for 112 days: 1000 x 0.10875 x 112 = 12,180; / 360 = 33.83333333333...
    assert one(con, "select over_360_days(cast(1000 as decimal(38, 2)) * cast(0.10875 as decimal(12, 8)) * 112)") == Decimal("33.8333333333")


def test_business_day_roll(con):
    # April 15, 2000 was a Saturday: the next Business Day is Monday the 17th, and the last one before the 17th is
    # Friday the 14th; a Wednesday is its own next Business Day
    got = rows(con, "select next_business_day(date '2000-04-15')::varchar as sat, next_business_day(date '2000-04-12')::varchar as wed, "
                    "last_business_day_before(date '2000-04-17')::varchar as before_monday")
    assert got == [{"sat": "2000-04-17", "wed": "2000-04-12", "before_monday": "2000-04-14"}]


def test_attested_flag_prefers_the_reference_then_the_day(con):
    attest(con, "no_default", "2000-03-31", "false", reference_id="RP-1")
    attest(con, "no_default", "2000-06-30", "true", reference_id="RP-1")  # the later period_end governs RP-1
    attest(con, "no_default", "2000-05-15", "true")  # the day's attestation, with no reference
    build(con, "current_attestations")
    got = rows(con, "select attested_flag(current_attestations, 'no_default', 'RP-1', date '2000-05-15') as rp1, "
                    "attested_flag(current_attestations, 'no_default', 'RP-2', date '2000-05-15') as rp2_that_day, "
                    "attested_flag(current_attestations, 'no_default', 'RP-2', date '2000-05-16') as rp2_other_day, "
                    "latest_attested_flag(current_attestations, 'no_default', 'RP-1') as latest")
    assert got == [{"rp1": True, "rp2_that_day": True, "rp2_other_day": None, "latest": True}]


def test_latest_attested_amount_skips_values_that_are_not_amounts(con):
    attest(con, "surviving_corporation_consolidated_net_worth", "2001-03-31", "1250000.50", reference_id="M-1")
    attest(con, "surviving_corporation_consolidated_net_worth", "2001-06-30", "not known", reference_id="M-1")
    build(con, "current_attestations")
    assert one(con, "select latest_attested_amount(current_attestations, 'surviving_corporation_consolidated_net_worth', 'M-1')") == Decimal("1250000.50")


def test_group_activity_leaves_out_unrestricted_subsidiaries(con):
    ledger = ("with ledger(line_item, quarter_end, is_unrestricted_subsidiary, activity) as (values "
              "('amortization', date '2000-03-31', false, 100.00), ('amortization', date '2000-03-31', false, 25.50), "
              "('amortization', date '2000-03-31', true, 1000.00), ('amortization', date '2000-06-30', false, 7.00)) ")
    # 100.00 + 25.50, the Unrestricted Subsidiary's 1,000.00 left out; nothing booked in the next quarter: 0
    assert one(con, ledger + "select group_activity(ledger, 'amortization', date '2000-03-31')") == Decimal("125.50")
    assert one(con, ledger + "select group_activity(ledger, 'amortization', date '2000-09-30')") == 0


def test_consolidated_entities_are_the_group_on_each_day(con):
    register = ("with entities(entity_id, valid_from, valid_to, consolidation_method, role) as (values "
                "('KACC', date '1990-01-01', null, 'full', 'company'), "
                "('V90', date '1990-01-01', date '1999-06-30', 'full', 'subsidiary'), "
                "('JV', date '1999-07-31', null, 'proportional', 'joint_venture'), "
                "('EQ', date '1990-01-01', null, 'equity', 'joint_venture'), "
                "('KAC', date '1990-01-01', null, 'full', 'parent')), "
                "days(on_day) as (values (date '1999-06-30'), (date '1999-07-31')) ")
    found = con.execute(register + "select on_day::varchar, entity_id from consolidated_entities(entities, days) order by all").fetchall()
    # KACC (the company) on both days; V90 through its valid_to, June 30, and not after; JV from its valid_from, July 31;
    # EQ (equity method) and KAC (the parent) never
    assert found == [("1999-06-30", "KACC"), ("1999-06-30", "V90"), ("1999-07-31", "JV"), ("1999-07-31", "KACC")]

def test_natural_gas_reduction_in_cents(con):
    def cents(price: str) -> int:
        return one(con, f"select natural_gas_reduction_cents(cast({price} as decimal(38, 6)), cast(3.50 as decimal(38, 6)), "
                        "cast(5.50 as decimal(38, 6)), cast(10000000 as decimal(38, 2)))")
    assert cents("3.50") == 0  # at the Forecast Price: nothing
    assert cents("4.50") == 500_000_000  # $10,000,000 x (4.50 - 3.50) / (5.50 - 3.50) = $5,000,000
    assert cents("5.50") == 1_000_000_000  # at the ceiling: the whole $10,000,000


def test_consent_requests_take_the_first_date_and_count_the_dates(con):
    consents = ("with consents(request_id, request_date, subject) as (values ('R1', date '2003-09-02', 'x'), "
                "('R1', date '2003-09-01', 'x'), ('R2', date '2003-10-01', 'y')) ")
    got = rows(con, consents + "select request_id, request_date::varchar as request_date, dates from consent_requests(consents, 'x')")
    assert got == [{"request_id": "R1", "request_date": "2003-09-01", "dates": 2}]


def test_result_columns_begin_every_amount_form_mart(con):
    results = ("with result_rows as (select 'c' as clause_id, date '2001-07-16' as test_date, 'transaction' as test_kind, "
               "'T1' as transaction_id, 26000000 as actual, '{}' as inputs, '[]' as missing_inputs, 25000000.00 as threshold) ")
    on_date = con.execute(results + "select * from result_on_test_date(result_rows)")
    assert [d[0] for d in on_date.description] == [
        "clause_id", "test_date", "test_kind", "transaction_id", "period_start", "period_end", "actual", "threshold_reduction",
        "inputs", "missing_inputs", "threshold",
    ]
    row = on_date.fetchone()
    assert (str(row[4]), str(row[5]), row[6], row[7]) == ("2001-07-16", "2001-07-16", Decimal("26000000.00"), Decimal("0.00"))
    without = con.execute(results + "select period_start, period_end from result_without_period(result_rows)").fetchone()
    assert without == (None, None)


def test_minimum_ebitda_reduction_limits_list_r1_r2_and_their_parameters_where_they_apply(con):
    def names(r1, r2, gas="2500000"):
        found = one(con, f"select to_json(minimum_ebitda_reduction_limits(1000000.004, 'c', [json_object('name', 'credit')], null, {gas}, 'd', "
                         f"{r1}, {r2}, [json_object('name', 'R1'), json_object('name', 'R2')], [json_object('name', 'parameter')]))")
        return [(item["name"], item.get("value")) for item in json.loads(found)]
    # the VALCO reduction to the cent, its credit (no caps: nothing listed), the gas reduction, then R1/R2 and the
    # parameters they are worked out from only where the period applies them
    assert names("true", "false") == [("VALCO shortfall reduction", "1000000.00"), ("credit", None),
                                      ("natural gas price reduction", "2500000.00"), ("R1", None), ("parameter", None)]
    assert names("false", "true") == [("VALCO shortfall reduction", "1000000.00"), ("credit", None),
                                      ("natural gas price reduction", "2500000.00"), ("R2", None), ("parameter", None)]
    assert names("false", "false") == [("VALCO shortfall reduction", "1000000.00"), ("credit", None), ("natural gas price reduction", "2500000.00")]
    # a gas reduction not worked out (no natural gas row for the period) takes nothing off: listed as 0.00
    assert names("false", "false", gas="null")[2] == ("natural gas price reduction", "0.00")


def test_basket_ledger_rows_leave_remaining_null_without_a_capacity(con):
    ledger = ("with ledger_rows(clause_id, basket, measure, entry_date, transaction_id, description, amount, usage_after, capacity, inputs) "
              "as (values ('c', 'b', 'cumulative', date '2000-01-01', 'T1', 'd', 10, 30, 50, '{}'), "
              "('c', 'b', 'cumulative', date '2000-02-01', 'T2', 'd', 5, 35, null, '{}')) ")
    got = rows(con, ledger + "select transaction_id, remaining, inputs from basket_ledger_rows(ledger_rows) order by 1")
    # 50 - 30 = 20 left; no capacity, nothing can be said of what is left
    assert got == [{"transaction_id": "T1", "remaining": Decimal("20.00"), "inputs": "{}"}, {"transaction_id": "T2", "remaining": None, "inputs": "{}"}]
