"""stg_entity_months: each entity's reported months, the reported months before and after each, and the month its
year-to-date balances are measured from (the previous reported month in the same fiscal year, a calendar year)."""

from datetime import date

from raw_tables import build, rows, tb

MODEL = "stg_entity_months"


def months(con, entity: str) -> list[tuple]:
    found = rows(con, f"select * from {MODEL} where entity_id = ? order by period_end", [entity])
    return [(r["period_end"], r["previous_period_end"], r["next_period_end"], r["year_to_date_opening_period_end"]) for r in found]


def test_a_month_is_measured_from_the_previous_reported_month_of_its_fiscal_year(con):
    # KACC reports November and December 2003, January and March 2004 (February missing), one row or two a month
    tb(con, "2003-11-30", "net_sales", "-100.00")
    tb(con, "2003-12-31", "net_sales", "-250.00")
    tb(con, "2003-12-31", "cash", "10.00")
    tb(con, "2004-01-31", "net_sales", "-30.00")
    tb(con, "2004-03-31", "cash", "12.00")
    build(con, MODEL)
    assert months(con, "KACC") == [
        # its first reported month: nothing before it, so nothing to measure from
        (date(2003, 11, 30), None, date(2003, 12, 31), None),
        # December is opened by November, in the same fiscal year 2003
        (date(2003, 12, 31), date(2003, 11, 30), date(2004, 1, 31), date(2003, 11, 30)),
        # January 2004 starts fiscal year 2004 from zero: December 2003 is the previous month, not its opening
        (date(2004, 1, 31), date(2003, 12, 31), date(2004, 3, 31), None),
        # March is opened by January, the previous month reported (February was not); the last month has no next
        (date(2004, 3, 31), date(2004, 1, 31), None, date(2004, 1, 31)),
    ]


def test_each_entity_has_its_own_months(con):
    tb(con, "2003-10-31", "cash", "1.00", entity="KACC")
    tb(con, "2003-12-31", "cash", "1.00", entity="KACC")
    tb(con, "2003-11-30", "cash", "1.00", entity="KAC")
    build(con, MODEL)
    # KAC's November lies between KACC's October and December, but is no month of KACC's
    assert months(con, "KACC") == [
        (date(2003, 10, 31), None, date(2003, 12, 31), None),
        (date(2003, 12, 31), date(2003, 10, 31), None, date(2003, 10, 31)),
    ]
    assert months(con, "KAC") == [(date(2003, 11, 30), None, None, None)]
