"""out/deadlines.ics: the deadline calendar as iCalendar (RFC 5545), for the users' own calendar programs.

One all-day event per deadline on its Business Day adjusted due date, with its clause and status in the title. A
deadline whose due date cannot be fixed is shown on the day it arose, saying so; one with neither date is left out
(deadlines.csv lists it). An event's UID depends only on which obligation it is, so importing a later run's calendar
updates the events instead of duplicating them; DTSTAMP is the run's as-of date, so the same inputs give the same bytes.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from icalendar import Calendar, Event

from pipelines.outputs.deadlines import Deadline

FILE_NAME = "deadlines.ics"
PRODUCT_ID = "-//Covenant compliance//Deadline calendar//EN"


def uid(deadline: Deadline) -> str:
    which = "\n".join(str(part) for part in (deadline.mart, deadline.clause_id, deadline.reference_id, deadline.obligation, deadline.trigger_date))
    return hashlib.sha256(which.encode()).hexdigest()[:32] + "@covenants"


def description(deadline: Deadline) -> str:
    lines = [f"Status as of {deadline.as_of.isoformat()}: {deadline.status}", f"Clause: {deadline.clause_id}"]
    if deadline.reference_id:
        lines.append(f"Reference: {deadline.reference_id}")
    lines.append(f"Rule: {deadline.rule}")
    if deadline.trigger_date:
        lines.append(f"Triggered: {deadline.trigger_date.isoformat()} ({deadline.trigger_quarter})")
    if deadline.due_date:
        lines.append(f"Due as the rule says: {deadline.due_date.isoformat()} (Business Day convention: {deadline.business_day_convention})")
    if deadline.adjusted_due_date is None:
        lines.append("The due date cannot be fixed; the event is on the day the obligation arose.")
    if deadline.completed_on:
        lines.append(f"Completed on: {deadline.completed_on.isoformat()}")
    lines += [f"Missing: {missing}" for missing in deadline.missing_inputs]
    return "\n".join(lines)


def event(deadline: Deadline, day: date, event_uid: str) -> Event:
    item = Event()
    item.add("uid", event_uid)
    item.add("dtstamp", datetime.combine(deadline.as_of, time(), tzinfo=timezone.utc))
    item.add("dtstart", day)
    item.add("dtend", day + timedelta(days=1))
    item.add("summary", f"{deadline.clause_id} ({deadline.status}): {deadline.obligation}")
    item.add("description", description(deadline))
    item.add("categories", [deadline.status])
    item.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    return item


def deadlines_calendar(deadlines: list[Deadline], as_of: date) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"Covenant deadlines as of {as_of.isoformat()}")
    seen: Counter[str] = Counter()
    for deadline in deadlines:
        day = deadline.adjusted_due_date or deadline.trigger_date
        if day is None:
            continue
        base = uid(deadline)
        seen[base] += 1
        calendar.add_component(event(deadline, day, base if seen[base] == 1 else f"{seen[base]}-{base}"))
    return calendar


def write_deadlines_ics(deadlines: list[Deadline], out_dir: Path, as_of: date) -> Path:
    path = out_dir / FILE_NAME
    path.write_bytes(deadlines_calendar(deadlines, as_of).to_ical())
    return path
