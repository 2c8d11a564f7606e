"""Records a reading order does not tell apart are ordered by their whole content, whatever order they came in."""

from itertools import permutations

from pipelines.outputs.total_order import in_total_order

# two limits of one clause tested on one day: the reading order (date, clause) ties, the limit's text breaks the tie;
# '{"clause": "4.10(b)", "date": "2003-12-31", "limit": "a"}' sorts before the same with "b" ("a" < "b")
A = {"date": "2003-12-31", "clause": "4.10(b)", "limit": "a"}
B = {"date": "2003-12-31", "clause": "4.10(b)", "limit": "b"}
EARLIER = {"date": "2003-09-30", "clause": "4.10(b)", "limit": "z"}
LATER_CLAUSE = {"date": "2003-12-31", "clause": "4.11(b)", "limit": "0"}


def test_ties_are_broken_by_the_whole_record_and_the_reading_order_comes_first():
    for shuffled in permutations([B, LATER_CLAUSE, A, EARLIER]):
        # the reading order first ("z" and "0" do not move their records), then the record where it ties
        assert in_total_order(shuffled, lambda r: (r["date"], r["clause"])) == [EARLIER, A, B, LATER_CLAUSE]


def test_the_record_may_be_read_from_each_item():
    items = [("second", B), ("first", A)]
    assert in_total_order(items, lambda item: item[1]["date"], lambda item: item[1]) == [("first", A), ("second", B)]
