"""Article Six events, Change of Control inputs and the delivery dates of the indenture's certificates and notices.

Real: the Company's voluntary Chapter 11 petition of February 12, 2002 (Kaiser Aluminum Corporation Form 8-K, Exhibit 99.1, press release of February 12, 2002), which ipso facto
accelerated the Notes (6.01(g)) and the other pre-petition debt, and the April 15, 2002 coupon on the Notes left
unpaid in the case; MAXXAM's ownership of about 63% of KAC's voting stock (its 13D filings), KAC owning all of the
Company. SYNTHETIC, and labelled so: the 1999 judgment below the 6.01(e) threshold and its insurance, the 2000 payment
default on the Kaiser Bellwood equipment loan cured within its 30 days, the 1998 Notice of Default and its cure, and
every delivery date of a 4.06(b) statement, 5.03(d) certificate and 4.06 notice (the FY2001 statement, delivered late
during the Chapter 11 case, shows a `missed` deadline).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pipelines.sample import indebtedness as debt

CFO = ("Margaret A. Hollis", "Chief Financial Officer")
SECRETARY = ("Paul G. Lindqvist", "Vice President and Secretary")
PETITION = debt.PETITION_DATE
PETITION_DOCUMENT = "Voluntary petition under chapter 11, United States Bankruptcy Court for the District of Delaware"
FISCAL_YEAR_ENDS = [date(year, 12, 31) for year in range(1996, 2004)]
# Both readings of MAXXAM's holding give at least 40%: see docs/deadlines.md, "Change of Control".
MAXXAM_SHARE_OF_KAC = Decimal("0.630000")


def rows() -> list[dict[str, object]]:
    def event(event_id: str, kind: str, on: date, instrument: str | None, amount: str | None, document: str,
              insured: str | None = None, cured: date | None = None) -> dict[str, object]:
        return {"event_id": event_id, "kind": kind, "event_date": on, "entity_id": "KACC", "instrument_id": instrument,
                "amount": None if amount is None else Decimal(amount), "insured_amount": None if insured is None else Decimal(insured),
                "cured_on": cured, "document": document}

    return [
        event("NOD-1998-09-01", "notice_of_default", date(1998, 9, 1), "NOTES-10875-2006", None,
              "SYNTHETIC: Trustee's Notice of Default, late filing of the 1998 second-quarter report (5.03(a))",
              cured=date(1998, 9, 21)),
        event("JDG-1999-06-15", "judgment", date(1999, 6, 15), None, "6500000.00",
              "SYNTHETIC: final judgment, product liability action, Superior Court of Washington", insured="2000000.00",
              cured=date(1999, 7, 9)),
        event("PD-2000-03-31-KBC", "other_debt_payment_default", date(2000, 3, 31), "KBC-EQUIPMENT", "12000000.00",
              "SYNTHETIC: missed quarterly instalment, Kaiser Bellwood equipment loan", cured=date(2000, 4, 10)),
        event("BK-2002-02-12", "bankruptcy_filing", PETITION, None, None, PETITION_DOCUMENT),
        event("ACC-2002-02-12-NOTES", "acceleration", PETITION, "NOTES-10875-2006",
              f"{debt.principal('NOTES-10875-2006', PETITION):f}", "Indenture 6.02: ipso facto acceleration on the petition"),
        event("ACC-2002-02-12-0975", "other_debt_acceleration", PETITION, "NOTES-0975-2002",
              f"{debt.principal('NOTES-0975-2002', PETITION):f}", "Acceleration of pre-petition debt on the petition"),
        event("ACC-2002-02-12-1275", "other_debt_acceleration", PETITION, "NOTES-1275-2003",
              f"{debt.principal('NOTES-1275-2003', PETITION):f}", "Acceleration of pre-petition debt on the petition"),
        event("IPD-2002-04-15", "interest_payment_default", date(2002, 4, 15), "NOTES-10875-2006", "2718750.00",
              "April 15, 2002 coupon on the Notes not paid during the Chapter 11 case"),
    ]


def attestation_rows() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []

    def add(att_id: str, subject: str, reference: str | None, period_end: date, value: str, who: tuple[str, str],
            signed: date, document: str) -> None:
        out.append({"attestation_id": att_id, "subject": subject, "reference_id": reference, "period_end": period_end,
                    "value": value, "attested_by": who[0], "role": who[1], "attested_on": signed, "document": document})

    for end in FISCAL_YEAR_ENDS + [date(2004, 12, 31)]:
        year, signed = end.year, date(end.year + 1, 2, 15)
        filing = f"MAXXAM Inc. Schedule 13D on Kaiser Aluminum Corporation, position at {end}; KAC owns 100% of the Company"
        add(f"ATT-FY{year}-COC-M", "maxxam_sole_beneficial_ownership", None, end, f"{MAXXAM_SHARE_OF_KAC:f}", SECRETARY, signed,
            f"{filing}; look-through {MAXXAM_SHARE_OF_KAC} x 1.00")
        add(f"ATT-FY{year}-COC-MV", "maxxam_voting_stock_ownership", None, end, f"{MAXXAM_SHARE_OF_KAC:f}", SECRETARY, signed,
            f"{filing}; voting basis, look-through")
        add(f"ATT-FY{year}-COC-G", "largest_other_voting_stock_holding", None, end, "0.000000", SECRETARY, signed,
            f"{filing}; no 13D/13G filer other than MAXXAM; KAC is MAXXAM's controlled intermediary, not another person")
        add(f"ATT-FY{year}-COC-B", "maxxam_controls_board", None, end, "true", SECRETARY, signed,
            f"Board minutes {year}: directors nominated by MAXXAM through KAC")
    add("ATT-JDG-1999-06-15-INS", "judgment_insurance_valid", "JDG-1999-06-15", date(1999, 6, 15), "true", CFO,
        date(1999, 6, 30), "SYNTHETIC: insurer's coverage confirmation, product liability policy")

    def done(clause: str, trigger: date, delivered: date, document: str) -> None:
        add(f"ATT-DONE-{clause.split('/')[1]}-{trigger}", "obligation_completed_on", clause, trigger, delivered.isoformat(),
            SECRETARY, delivered, f"SYNTHETIC: {document}")

    for end in FISCAL_YEAR_ENDS:
        delivered = date(2002, 5, 10) if end.year == 2001 else date(end.year + 1, 3, 28)
        done("indenture-1996/4.06(b)", end, delivered, f"transmittal letter to the Trustee, 4.06(b) statement FY{end.year}")
        done("indenture-1996/5.03(d)", date(end.year + 1, 3, 20), date(end.year + 1, 3, 20),
             f"5.03(d) compliance certificate to the Trustee for FY{end.year}")
    done("indenture-1996/4.06(c)", PETITION, date(2002, 2, 14), "notice to the Trustee of the acceleration of pre-petition debt")
    done("indenture-1996/4.06(a)", PETITION, date(2002, 2, 13), "Officers' Certificate to the Trustee on the Chapter 11 filing")
    return out
