"""The Notes' coupons and Note registrar (indenture-1996/2.03, 5.01) and their optional redemptions (3.01).

SYNTHETIC, and labelled so: the dates each coupon from April 15, 1997 to October 15, 2001 was paid (the sample's
ledger pays them on the scheduled date; a Saturday or Sunday date is paid the next Business Day, 14.06) and the
attestation that the Trustee was Note registrar. Real: the coupons from April 15, 2002 were not paid during the
Chapter 11 case (default_events). No redemption: the Company never redeemed the Notes (the first call date, October
15, 2001, came four months before the petition), so note_redemptions is empty and the debt register keeps its
$50,000,000 to the end.
"""

from __future__ import annotations

from datetime import date, timedelta

from pipelines.sample.default_events import SECRETARY

PAID_COUPONS = [date(year, month, 15) for year in range(1997, 2002) for month in (4, 10)]


def _next_weekday(day: date) -> date:
    # the sample's coupon dates meet no bank holiday: April 15 and October 15 never fall on one
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def attestation_rows() -> list[dict[str, object]]:
    def row(att_id: str, subject: str, reference: str | None, period_end: date, value: str, signed: date, document: str) -> dict[str, object]:
        return {"attestation_id": att_id, "subject": subject, "reference_id": reference, "period_end": period_end,
                "value": value, "attested_by": SECRETARY[0], "role": SECRETARY[1], "attested_on": signed, "document": document}

    out = [row("ATT-NOTES-REGISTRAR", "trustee_is_note_registrar", None, date(1996, 12, 23), "true", date(1996, 12, 23),
               "SYNTHETIC: First Trust National Association accepts appointment as Note registrar (\"the Trustee, as Note registrar\" [Indenture § 2.05(e)])")]
    for coupon in PAID_COUPONS:
        paid = _next_weekday(coupon)
        out.append(row(f"ATT-DONE-2.03-{coupon}", "obligation_completed_on", "indenture-1996/2.03", coupon, paid.isoformat(), paid,
                       f"SYNTHETIC: paying agent's confirmation, interest on the Notes due {coupon}"))
    return out


def redemption_rows() -> list[dict[str, object]]:
    return []
