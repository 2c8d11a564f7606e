"""deadlines.ics: one all-day event per deadline with its clause and status, parsed back with icalendar; same bytes for
the same inputs; an event's UID names the obligation, not the run."""

import dataclasses
from datetime import date, datetime, timezone

from icalendar import Calendar

from pipelines.outputs.deadlines_ics import write_deadlines_ics

AS_OF = date(2003, 12, 31)


def events(path):
    return Calendar.from_ical(path.read_bytes()).walk("VEVENT")


def test_one_event_per_dated_deadline(deadlines, tmp_path):
    path = write_deadlines_ics(deadlines, tmp_path, AS_OF)
    assert path.name == "deadlines.ics"
    calendar = Calendar.from_ical(path.read_bytes())
    assert (str(calendar["version"]), str(calendar["prodid"])) == ("2.0", "-//Covenant compliance//Deadline calendar//EN")
    assert str(calendar["x-wr-calname"]) == "Covenant deadlines as of 2003-12-31"
    found = events(path)
    # the deadline with neither a due date nor a trigger date has no day to be shown on
    assert [str(e["summary"]) for e in found] == [
        "indenture-1996/4.06(b) (missed): deliver the annual statement as to compliance for FY2001",
        "indenture-1996/4.06(b) (indeterminate): deliver the annual statement as to compliance for FY2003-half",
        "indenture-1996/4.06(b) (upcoming): deliver the annual statement as to compliance for FY2003",
    ]
    assert [(e.decoded("dtstart"), e.decoded("dtend")) for e in found] == [
        (date(2002, 4, 30), date(2002, 5, 1)),
        (date(2003, 6, 30), date(2003, 7, 1)),  # no due date: on the day it arose, saying so
        (date(2004, 4, 30), date(2004, 5, 1)),
    ]
    assert {e.decoded("dtstamp") for e in found} == {datetime(2003, 12, 31, tzinfo=timezone.utc)}
    assert [e["categories"].cats for e in found] == [["missed"], ["indeterminate"], ["upcoming"]]


def test_the_description_says_what_a_reader_needs(deadlines, tmp_path):
    missed, undated, _ = events(write_deadlines_ics(deadlines, tmp_path, AS_OF))
    assert str(missed["description"]).splitlines() == [
        "Status as of 2003-12-31: missed",
        "Clause: indenture-1996/4.06(b)",
        "Reference: FY2001",
        "Rule: within 120 days after the end of each fiscal year [Indenture § 4.09(b)(V)]",
        "Triggered: 2001-12-31 (2001Q4)",
        "Due as the rule says: 2002-04-30 (Business Day convention: following)",
        "Completed on: 2002-05-10",
    ]
    assert str(undated["description"]).splitlines()[-2:] == [
        "The due date cannot be fixed; the event is on the day the obligation arose.",
        "Missing: the date the Board approved the accounts",
    ]


def test_same_inputs_same_bytes_and_uids_follow_the_obligation(deadlines, tmp_path):
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir(), (tmp_path / "c").mkdir()
    first = write_deadlines_ics(deadlines, tmp_path / "a", AS_OF)
    assert write_deadlines_ics(deadlines, tmp_path / "b", AS_OF).read_bytes() == first.read_bytes()
    later = [dataclasses.replace(d, status="met", as_of=date(2004, 6, 30)) for d in deadlines]
    uids = [str(e["uid"]) for e in events(first)]
    assert [str(e["uid"]) for e in events(write_deadlines_ics(later, tmp_path / "c", date(2004, 6, 30)))] == uids
    assert len(set(uids)) == 3 and all(u.endswith("@covenants") for u in uids)


def test_two_deadlines_alike_in_every_way_get_two_uids(deadlines, tmp_path):
    twice = [deadlines[0], deadlines[0]]
    first, second = (str(e["uid"]) for e in events(write_deadlines_ics(twice, tmp_path, AS_OF)))
    assert second == f"2-{first}"
