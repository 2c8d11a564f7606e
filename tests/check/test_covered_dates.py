"""The Transaction Dates the extracts can answer for, from the trial balances' month-ends and the 45-day lag after
which a quarter's financial information is available (policies/indenture-1996/parameters/
financial_information_available_lag_days.yaml); every edge tested on both sides with literal dates."""

from datetime import date

import pytest

from pipelines.check.covered_dates import DateNotCovered, covered_dates, lag_days_on, refuse_uncovered, latest_available_quarter_end
from pipelines.fiscal import FiscalQuarter
from pipelines.policy.loading import load_policies


@pytest.fixture(scope="module")
def policies():
    return load_policies()


@pytest.mark.parametrize(
    ("on", "period_end"),
    [
        # 1996-12-31 + 45 days = 1997-02-14: the fourth quarter of 1996 is available only after that day
        (date(1997, 2, 14), date(1996, 9, 30)),
        (date(1997, 2, 15), date(1996, 12, 31)),
        # 2005-03-31 + 45 days = 2005-05-15
        (date(2005, 5, 15), date(2004, 12, 31)),
        (date(2005, 5, 16), date(2005, 3, 31)),
    ],
)
def test_the_quarters_tested_are_those_available_45_days_after_their_end(on, period_end):
    assert latest_available_quarter_end(on, 45) == period_end


def test_the_sample_window_runs_from_the_fourth_quarter_plus_the_lag_to_the_next_quarter_plus_the_lag():
    # trial balances 1996-01-31 .. 2004-12-31: quarters 1996Q1 .. 2004Q4
    window = covered_dates(date(1996, 1, 31), date(2004, 12, 31), 45)
    assert (window.first_quarter, window.last_quarter) == (FiscalQuarter(1996, 1), FiscalQuarter(2004, 4))
    # 1996Q4 ends 1996-12-31, + 45 days = 1997-02-14, + 1 day; 2005Q1 ends 2005-03-31, + 45 days
    assert (window.first, window.last) == (date(1997, 2, 15), date(2005, 5, 15))


def test_quarters_the_trial_balances_reach_only_in_part_are_not_covered():
    # from 1996-02-29 (1996Q1 lacks January) to 2004-11-30 (2004Q4 lacks December): 1996Q2 .. 2004Q3
    window = covered_dates(date(1996, 2, 29), date(2004, 11, 30), 45)
    assert (window.first_quarter, window.last_quarter) == (FiscalQuarter(1996, 2), FiscalQuarter(2004, 3))
    # 1997Q1 ends 1997-03-31 + 45 = 1997-05-15, + 1; 2004Q4 ends 2004-12-31 + 45 = 2005-02-14
    assert (window.first, window.last) == (date(1997, 5, 16), date(2005, 2, 14))


def test_fewer_than_four_full_quarters_cover_no_date():
    assert covered_dates(date(1996, 1, 31), date(1996, 11, 30), 45) is None
    assert covered_dates(date(1996, 1, 31), date(1996, 12, 31), 45) is not None


def test_the_lag_is_the_one_in_force_and_its_first_value_before_it(policies):
    assert lag_days_on(policies, date(1999, 10, 15)) == 45
    assert lag_days_on(policies, date(1996, 6, 30)) == 45


@pytest.mark.parametrize("on", [date(1997, 2, 15), date(2005, 5, 15), date(2001, 6, 30)])
def test_a_date_inside_the_window_is_answered(policies, on):
    refuse_uncovered(on, date(1996, 1, 31), date(2004, 12, 31), policies)


def test_the_day_before_the_window_is_refused_saying_why(policies):
    with pytest.raises(DateNotCovered) as refused:
        refuse_uncovered(date(1997, 2, 14), date(1996, 1, 31), date(2004, 12, 31), policies)
    assert str(refused.value) == (
        "--date 1997-02-14 is before the first date the extracts can answer for (1997-02-15): on that date the "
        "agreements test the fiscal quarters 1995Q4 to 1996Q3 (financial information is available on the day the "
        "financial statements extract records, else 45 days after a quarter's end), and the trial balances cover 1996Q1 to 2004Q4"
    )


def test_the_day_after_the_window_is_refused_saying_why(policies):
    with pytest.raises(DateNotCovered, match=r"^--date 2005-05-16 is after the last date the extracts can answer for \(2005-05-15\): "
                       r"on that date the agreements test the fiscal quarters 2004Q2 to 2005Q1 "):
        refuse_uncovered(date(2005, 5, 16), date(1996, 1, 31), date(2004, 12, 31), policies)


def test_extracts_without_trial_balances_answer_for_no_date(policies):
    with pytest.raises(DateNotCovered, match="fewer than four full fiscal quarters"):
        refuse_uncovered(date(2001, 6, 30), None, None, policies)


def test_recorded_days_move_both_edges_of_the_window():
    # 1996Q4's statements recorded as available on 1997-01-30 (before the 45 days), 2005Q1's on 2005-04-20
    recorded = {date(1996, 12, 31): date(1997, 1, 30), date(2005, 3, 31): date(2005, 4, 20)}
    window = covered_dates(date(1996, 1, 31), date(2004, 12, 31), 45, recorded)
    # first: the recorded day itself; last: the day before 2005Q1's were available (then 2005Q1 would be tested)
    assert (window.first, window.last) == (date(1997, 1, 30), date(2005, 4, 19))


@pytest.mark.parametrize(
    ("on", "period_end"),
    [
        (date(1998, 4, 27), date(1997, 12, 31)),  # the day before 1998Q1's recorded day
        (date(1998, 4, 28), date(1998, 3, 31)),  # the recorded day, 18 days before the 45-day default
        (date(1998, 2, 15), date(1997, 9, 30)),  # 1997Q4 recorded late (1998-03-02): the default day no longer counts
        (date(1998, 3, 2), date(1997, 12, 31)),
    ],
)
def test_the_quarter_tested_follows_the_recorded_days(on, period_end):
    recorded = {date(1998, 3, 31): date(1998, 4, 28), date(1997, 12, 31): date(1998, 3, 2)}
    assert latest_available_quarter_end(on, 45, recorded) == period_end
