"""indenture-1996/4.06(a) and 4.06(c): the Officers' Certificate specifying a Default or Event of Default, and the
written notice of an acceleration of other debt, drafted from the `default_events` extract and the 6.01 results.

[Indenture § 4.06(a)] 4.06(a): "deliver to the Trustee, promptly upon becoming aware of any Event of Default or any event which
after the passage of time or notice would become an Event of Default, an Officers' Certificate specifying such event or
Event of Default". One certificate per day on which such events occurred in the run's quarters (awareness is taken as
the event's date, as the deadline calendar does). An event is specified when it is one by its nature whatever its
amount (an unpaid coupon, a Notice of Default, an involuntary order: each an Event of Default once its grace period
runs out) or when the 6.01 test it falls under failed or could not be determined on the first test date on or after
it; an event that could never become one (a payment default on other debt or a judgment below $25,000,000) is not.
The Notes' own acceleration on that day is stated as a consequence.

[Indenture § 4.06(c)] 4.06(c): "deliver to the Trustee within five days after becoming aware of the occurrence thereof written
notice of any acceleration which, with the giving of notice and the lapse of time, would be an Event of Default within
the meaning of Section 6.01(d)": one notice per `other_debt_acceleration` event in the run's quarters, due five days
after it.

Each document states whether its date has passed (late by N days, or missed) from the delivery dates the deadline
calendar records (attestations `obligation_completed_on`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import duckdb

from pipelines.certificates.registry import Document, DocumentKind, RunFacts, Signatory, file_stem
from pipelines.fiscal import FiscalQuarter
from pipelines.policy.result import Result

INSTRUMENT = "indenture-1996"
TRUSTEE = "First Trust National Association"  # [Indenture, cover page] the indenture's Trustee (policies/indenture-1996/instrument.yaml)
NOTICE_DAYS = 5  # 4.06(c) "within five days after becoming aware"
# the 6.01 clause each kind of event falls under, and what it is in the indenture's words
EVENT_CLAUSES = {
    "interest_payment_default": ("indenture-1996/6.01(a)", "default in the payment of an installment of interest on the Notes"),
    "principal_payment_default": ("indenture-1996/6.01(b)", "default in the payment of principal, purchase price or premium on the Notes"),
    "notice_of_default": ("indenture-1996/6.01(c)", "a Notice of Default of a failure to observe or perform a covenant"),
    "other_debt_payment_default": ("indenture-1996/6.01(d)", "a failure to pay indebtedness for money borrowed"),
    "other_debt_acceleration": ("indenture-1996/6.01(d)", "indebtedness for money borrowed declared or become due before its maturity"),
    "judgment": ("indenture-1996/6.01(e)", "a final judgment against the Company"),
    "involuntary_bankruptcy_order": ("indenture-1996/6.01(f)", "a decree or order for relief against the Company in an involuntary case"),
    "bankruptcy_filing": ("indenture-1996/6.01(g)", "a voluntary case commenced by the Company under a bankruptcy law"),
    "guarantee_ceased": ("indenture-1996/6.01(h)", "the Guarantee of a Subsidiary Guarantor held unenforceable, ceased or disaffirmed"),
}
# events that become an Event of Default when their grace period runs out, whatever their amount: Defaults from the day
DEFAULTS_BY_NATURE = ("interest_payment_default", "notice_of_default", "involuntary_bankruptcy_order")
NOTES_ACCELERATION = "acceleration"
OFFICERS = (  # "Officers' Certificate" [Indenture § 1.01, “Officers' Certificate”]: one officer of each group
    Signatory("Chairman of the Board, the President or any Vice President"),
    Signatory("Chief Financial Officer, the Controller, the Treasurer, an Assistant Treasurer, the Secretary or an Assistant Secretary"),
)
EVENT_COLUMNS = "e.event_id, e.kind, e.event_date, e.entity_id, e.instrument_id, e.amount, e.cured_on, e.document"


def _in_quarters(day: date, quarters: list[FiscalQuarter]) -> bool:
    return any(q.start <= day <= q.end for q in quarters)


def _rows(con: duckdb.DuckDBPyConnection, query: str, parameters: list) -> list[dict]:
    relation = con.execute(query, parameters)
    names = [d[0] for d in relation.description]
    return [dict(zip(names, row)) for row in relation.fetchall()]


def events_with_deliveries(con: duckdb.DuckDBPyConnection, quarters: list[FiscalQuarter], clause_id: str) -> list[dict]:
    """Every default event of the run's quarters, with the date its `clause_id` document was delivered (or None)."""
    events = _rows(
        con,
        f"select {EVENT_COLUMNS}, d.completed_on, i.instrument_name, "
        "(select max(n.entity_name) from stg_entities as n where n.entity_id = e.entity_id) as entity_name "
        "from stg_default_events as e "
        "left join indenture_certificate_deadlines as d on d.clause_id = ? and d.reference_id = e.event_id "
        "left join stg_debt_instruments as i on i.instrument_id = e.instrument_id "
        "order by e.event_date, e.event_id",
        [clause_id],
    )
    return [e for e in events if _in_quarters(e["event_date"], quarters)]


def gather_default_events(con: duckdb.DuckDBPyConnection, quarters: list[FiscalQuarter]) -> list[dict]:
    return events_with_deliveries(con, quarters, "indenture-1996/4.06(a)")


def gather_accelerations(con: duckdb.DuckDBPyConnection, quarters: list[FiscalQuarter]) -> list[dict]:
    return [e for e in events_with_deliveries(con, quarters, "indenture-1996/4.06(c)") if e["kind"] == "other_debt_acceleration"]


@dataclass(frozen=True)
class Delivery:
    """When a document was due and whether that date has passed, as of the run's as-of date."""

    due: date | None  # None: the clause fixes no day ("promptly")
    delivered: date | None
    as_of: date

    @property
    def days_late(self) -> int | None:
        """Days after the due date it was delivered, or by which it is overdue when undelivered; None when not late."""
        if self.due is None:
            return None
        end = self.delivered or self.as_of
        return (end - self.due).days if end > self.due else None

    @property
    def missed(self) -> bool:
        return self.delivered is None and self.days_late is not None


def first_test(results: list[Result], clause_id: str, on_or_after: date) -> Result | None:
    """The first result of `clause_id` dated on or after the event: the day the event is, or is not, an Event of Default."""
    tested = [r for r in results if r.clause_id == clause_id and r.test_date >= on_or_after]
    return min(tested, key=lambda r: (r.test_date, r.transaction_id or ""), default=None)


def specified(event: dict, results: list[Result]) -> dict | None:
    """The event as the certificate specifies it, or None when it is not, and could not become, an Event of Default."""
    clause_id, nature = EVENT_CLAUSES[event["kind"]]
    test = first_test(results, clause_id, event["event_date"])
    is_default = event["kind"] in DEFAULTS_BY_NATURE or (test is not None and test.status in ("fail", "indeterminate"))
    if not is_default:
        return None
    return {**event, "clause_id": clause_id, "nature": nature, "test": test}


def officers_certificates(facts: RunFacts) -> list[Document]:
    as_of = date.fromisoformat(facts.manifest["as_of"])
    by_day: dict[date, list[dict]] = {}
    accelerations: dict[date, list[dict]] = {}
    for event in facts.gathered.get(OFFICERS_CERTIFICATE.name, []):
        if event["kind"] == NOTES_ACCELERATION:
            accelerations.setdefault(event["event_date"], []).append(event)
        elif event["kind"] in EVENT_CLAUSES and (found := specified(event, facts.results)):
            by_day.setdefault(event["event_date"], []).append(found)
    documents = []
    for day, events in sorted(by_day.items()):
        delivered = [e["completed_on"] for e in events if e["completed_on"]]
        context = {
            "event_date": day,
            "events": events,
            "notes_accelerations": accelerations.get(day, []),
            "delivery": Delivery(due=None, delivered=min(delivered) if delivered else None, as_of=as_of),
            "trustee": TRUSTEE,
        }
        documents.append(Document(f"indenture-1996-4.06a-{day.isoformat()}", context))
    return documents


def acceleration_notices(facts: RunFacts) -> list[Document]:
    as_of = date.fromisoformat(facts.manifest["as_of"])
    documents = []
    for event in facts.gathered.get(ACCELERATION_NOTICE.name, []):
        due = event["event_date"] + timedelta(days=NOTICE_DAYS)
        context = {
            "event": event,
            "principal": Decimal(event["amount"]) if event["amount"] is not None else None,
            "test": first_test(facts.results, "indenture-1996/6.01(d)", event["event_date"]),
            "delivery": Delivery(due=due, delivered=event["completed_on"], as_of=as_of),
            "trustee": TRUSTEE,
        }
        documents.append(Document(file_stem("indenture-1996-4.06c", event["event_id"]), context))
    return documents


OFFICERS_CERTIFICATE = DocumentKind(
    name="indenture-1996-4.06a",
    title="Officers' Certificate specifying a Default or Event of Default",
    clause_id="indenture-1996/4.06(a)",
    instrument=INSTRUMENT,
    template="indenture-1996/officers_certificate_4_06a.html.j2",
    trigger=(
        "an event in the default events of a quarter of the run is an Event of Default, or would become one with notice "
        "or the passage of time: one certificate per day of such events"
    ),
    states=tuple(sorted({clause for clause, _ in EVENT_CLAUSES.values()})),
    signatories=OFFICERS,
    documents=officers_certificates,
    gather=gather_default_events,
)

ACCELERATION_NOTICE = DocumentKind(
    name="indenture-1996-4.06c",
    title="Notice of Acceleration of Indebtedness",
    clause_id="indenture-1996/4.06(c)",
    instrument=INSTRUMENT,
    template="indenture-1996/acceleration_notice_4_06c.html.j2",
    trigger="indebtedness for money borrowed of the Company or a Subsidiary is accelerated in a quarter of the run (an other_debt_acceleration event)",
    states=("indenture-1996/6.01(d)",),
    signatories=(Signatory("An Officer of the Company"),),
    documents=acceleration_notices,
    gather=gather_accelerations,
)
