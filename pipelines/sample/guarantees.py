"""The guarantee register (SYNTHETIC: which subsidiary guaranteed which instrument, and when, is invented to fit the
entity register; the indenture names the Subsidiary Guarantors, the Bank Guarantors and the guarantor roles under the
12 3/4%, 10 7/8% and 9 7/8% Note Indentures, but no public source lists the guarantees themselves).

- Every Subsidiary Guarantor of the entity register guarantees the Notes from December 23, 1996 (Article Fifteen) and
  the 10 7/8% Notes of October 23, 1996; those in the group since before 1993 also guarantee the 12 3/4% Senior
  Subordinated Notes (subordinated to the Notes, so their guarantees are subordinated to their Note guarantees, as
  15.02 and 4.10(c) say) and the 9 7/8% Notes.
- The Subsidiary Guarantors, KAII (a named Bank Guarantor) and the parent KAC guarantee the Credit Agreement of 1994,
  and all but the Micromill companies the Post-Petition Credit Agreement of February 12, 2002.
- The two Micromill companies stop guaranteeing the Credit Agreement on June 30, 1999 and the 10 7/8% Notes and the
  Notes on July 1, 1999: a 15.05(a) release on an Officers' Certificate and Opinion of Counsel, with the company's
  no-default certificate for it. Counsel confirms the 12 3/4% guarantees' basis (4.10(c); for counsel).
"""

from __future__ import annotations

from datetime import date

from pipelines.sample.entities import MICROMILL_RELEASE, SAMPLE_START

ISSUE_DATE = date(1996, 12, 23)
OLD_GUARANTORS = ("AJI", "KJC", "KFC", "KAAC", "KBC")  # in the group since the Merger
MICROMILLS = ("KMH", "KSM")
SUBSIDIARY_GUARANTORS = (*OLD_GUARANTORS, *MICROMILLS, "KTH", "KTS")
CREDIT_AGREEMENT_RELEASE = date(1999, 6, 30)
RELEASE_CERTIFICATE = "Officers' Certificate and Opinion of Counsel of July 1, 1999 (15.05(b), synthetic)"
COUNSEL = ("R. Roe", "General Counsel")
CFO = ("Margaret A. Hollis", "Chief Financial Officer")


def _since(guarantor: str, on: date) -> date:
    """The Micromill companies and the Texas companies enter the register on SAMPLE_START."""
    return on if guarantor in OLD_GUARANTORS or on >= SAMPLE_START else SAMPLE_START


def _row(guarantor: str, instrument: str, debt: str, given_on: date, description: str, *, released_on: date | None = None,
         basis: str | None = None, reference: str | None = None, subordinated: bool = False) -> dict[str, object]:
    return {
        "guarantee_id": f"GTY-{guarantor}-{instrument}",
        "guarantor_entity_id": guarantor,
        "guaranteed_obligor_entity_id": "KACC",
        "guaranteed_instrument_id": instrument,
        "guaranteed_debt": debt,
        "guaranteed_debt_subordination": "subordinated_to_notes" if subordinated else "senior",
        "guarantee_ranking": "subordinated_to_note_guarantee" if subordinated else "senior",
        "given_on": given_on,
        "released_on": released_on,
        "release_basis": basis,
        "release_reference": reference,
        "existed_when_guarantor_acquired": False,
        "refinances_guarantee_id": None,
        "maximum_liability": None,
        "description": description + " (synthetic)",
    }


def rows() -> list[dict[str, object]]:
    out = []
    for g in SUBSIDIARY_GUARANTORS:
        micromill = g in MICROMILLS
        out.append(_row(g, "NOTES-10875-2006", "notes", ISSUE_DATE, "Guarantee of the Notes under Article Fifteen",
                        released_on=MICROMILL_RELEASE if micromill else None, basis="15.05(a)" if micromill else None,
                        reference=RELEASE_CERTIFICATE if micromill else None))
        out.append(_row(g, "NOTES-10875-2006-B", "notes_10875_1996", _since(g, date(1996, 10, 23)),
                        "Guarantee under the 10 7/8% Note Indenture of October 23, 1996",
                        released_on=MICROMILL_RELEASE if micromill else None, basis="other" if micromill else None))
        out.append(_row(g, "CA1994-REVOLVER", "credit_agreement", _since(g, date(1994, 2, 15)),
                        "Guarantee of the Credit Agreement of February 15, 1994",
                        released_on=CREDIT_AGREEMENT_RELEASE if micromill else None, basis="other" if micromill else None))
        if not micromill:
            out.append(_row(g, "DIP-2002", "credit_agreement", date(2002, 2, 12),
                            "Guarantee of the Post-Petition Credit Agreement (a Refinancing of the Credit Agreement, R-X06)"))
    for g in OLD_GUARANTORS:
        out.append(_row(g, "NOTES-1275-2003", "notes_1275", date(1993, 2, 1),
                        "Guarantee under the 12 3/4% Note Indenture, subordinated to its Guarantee of the Notes (15.02)",
                        subordinated=True))
        out.append(_row(g, "NOTES-0975-2002", "notes_0975", date(1994, 2, 17), "Guarantee under the 9 7/8% Note Indenture"))
    for g in ("KAII", "KAC"):
        out.append(_row(g, "CA1994-REVOLVER", "credit_agreement", date(1994, 2, 15),
                        "Guarantee of the Credit Agreement of February 15, 1994 (Bank Guarantor)"))
    return out


def attestation_rows() -> list[dict[str, object]]:
    out = []
    for g in OLD_GUARANTORS:
        ref = f"GTY-{g}-NOTES-1275-2003"
        out.append({"attestation_id": f"ATT-{ref}-SIMILAR", "subject": "note_guarantee_substantially_similar", "reference_id": ref,
                    "period_end": ISSUE_DATE, "value": "true", "attested_by": COUNSEL[0], "role": COUNSEL[1],
                    "attested_on": date(1996, 12, 20), "document": "Opinion of counsel on the Guarantees, 4.10(c) (synthetic)"})
    for g in MICROMILLS:
        ref = f"GTY-{g}-NOTES-10875-2006"
        out.append({"attestation_id": f"ATT-{ref}-NODEF", "subject": "no_default", "reference_id": ref,
                    "period_end": MICROMILL_RELEASE, "value": "true", "attested_by": CFO[0], "role": CFO[1],
                    "attested_on": MICROMILL_RELEASE, "document": RELEASE_CERTIFICATE})
    return out
