"""indenture-1996/3.05(b): the notice of Change of Control, the Company's offer to purchase every Note at 101%.

[Indenture § 3.05(b)] "Within ten Business Days after the occurrence of a Change of Control, the Company shall mail a written
notice of Change of Control by first-class mail to the Trustee and to each holder ... The notice shall include a form of
Change of Control Purchase Notice ... and shall state" items (1)-(9), all of which the notice states. Only the first
Change of Control obliges the Company [Indenture § 3.05(a)]: the notice is issued when the first one, as the deadline calendar's
`change_of_control_deadlines` finds it (a `change_of_control_tests` date with a Change of Control, or a
`change_of_control` default event), falls in a quarter of the run. Its dates are that mart's: the notice due ten
Business Days after the occurrence, the Change of Control Purchase Date thirty Business Days after it [Indenture § 3.05(a)]; a
Change of Control Purchase Notice must be given before the close of business on the Business Day immediately
preceding the Purchase Date [Indenture § 3.05(c)]. The Change of Control Purchase Price is notes_purchase_prices':
101% (parameter change_of_control_purchase_price) plus accrued and unpaid interest to (but not including) the Change
of Control Purchase Date [Indenture § 3.05(a)], per $1,000 and for the Notes outstanding.
"""

from __future__ import annotations

from datetime import date

import duckdb

from pipelines.certificates.kinds.default_notices import TRUSTEE, Delivery, first_test
from pipelines.certificates.kinds.purchase_prices import purchase_price
from pipelines.certificates.registry import Document, DocumentKind, RunFacts, Signatory
from pipelines.fiscal import FiscalQuarter

DEFINITION = "indenture-1996/3.05(a)-definition"
TRUSTEE_OFFICE = "First Trust Center, 180 East 5th Street, St. Paul, Minnesota 55101"  # [Indenture § 1.01, “principal office of the Trustee”] the principal office of the Trustee


def first_change_of_control(con: duckdb.DuckDBPyConnection, quarters: list[FiscalQuarter]) -> list[dict]:
    """The first Change of Control, when it occurred in one of `quarters`, with its 3.05 dates."""
    relation = con.execute(
        "select n.reference_id, n.trigger_date as occurred_on, n.due_date as notice_due, n.completed_on as notice_mailed_on, "
        "p.due_date as purchase_date, "
        "(select max(day) from business_days where is_business_day and day < p.due_date) as purchase_notice_deadline "
        "from change_of_control_deadlines as n "
        "join change_of_control_deadlines as p on p.clause_id = 'indenture-1996/3.05(a)' and p.trigger_date = n.trigger_date "
        "where n.clause_id = 'indenture-1996/3.05(b)'"
    )
    names = [d[0] for d in relation.description]
    rows = [dict(zip(names, row)) for row in relation.fetchall()]
    return [
        {**r, "purchase_price": purchase_price(con, "change_of_control", r["reference_id"], r["occurred_on"])}
        for r in rows
        if any(q.start <= r["occurred_on"] <= q.end for q in quarters)
    ]


def offers(facts: RunFacts) -> list[Document]:
    as_of = date.fromisoformat(facts.manifest["as_of"])
    documents = []
    for occurrence in facts.gathered.get(CHANGE_OF_CONTROL_OFFER.name, []):
        test = first_test(facts.results, DEFINITION, occurrence["occurred_on"])
        context = {
            "occurrence": occurrence,
            "test": test if test is not None and test.test_date == occurrence["occurred_on"] else None,
            "delivery": Delivery(due=occurrence["notice_due"], delivered=occurrence["notice_mailed_on"], as_of=as_of),
            "trustee": TRUSTEE,
            "trustee_office": TRUSTEE_OFFICE,
        }
        documents.append(Document(f"indenture-1996-3.05-{occurrence['occurred_on'].isoformat()}", context))
    return documents


CHANGE_OF_CONTROL_OFFER = DocumentKind(
    name="indenture-1996-3.05",
    title="Notice of Change of Control and Offer to Purchase",
    clause_id="indenture-1996/3.05(b)",
    instrument="indenture-1996",
    template="indenture-1996/change_of_control_offer_3_05.html.j2",
    trigger="the first Change of Control (indenture-1996/3.05(a)-definition, or a change_of_control event) occurs in a quarter of the run",
    states=(DEFINITION, "indenture-1996/3.05(a)", "indenture-1996/3.05(b)", "indenture-1996/3.05(c)"),
    signatories=(Signatory("An Officer of the Company"),),
    documents=offers,
    gather=first_change_of_control,
)
