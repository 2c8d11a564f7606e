"""The waivers and amendments weighed for a result, and why each did or did not change it.

A waiver is weighed when it names the result's clause. The engine (pipelines/policy/evaluation.py) decides; this
module only says which waivers it looked at and quotes its reason, so the two cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pipelines.explain.terms import readable
from pipelines.policy.evaluation import covers, waiver_scopes
from pipelines.policy.loading import PolicySet
from pipelines.policy.result import Result


@dataclass(frozen=True)
class WaiverWeighed:
    waiver_id: str
    title: str
    dated: date
    applied: bool
    why: str


def _engine_reason(result: Result, waiver_id: str) -> str:
    """The engine's own sentences about the waiver: it appends them to the explanation, after the comparison."""
    start = result.explanation.find(waiver_id)
    if start < 0:
        return ""
    return result.explanation[start:].split(" Warning: ")[0].strip()


def _scope_words(result: Result, policies: PolicySet, waiver) -> str:
    on = result.determination_date or result.test_date
    named = [s for s in waiver_scopes(policies, waiver, on) if s.clause_id == result.clause_id]
    dates = sorted({d for s in named for d in s.test_dates})
    transactions = sorted({t for s in named for t in s.transaction_ids})
    if dates:
        return "test dates " + ", ".join(str(d) for d in dates)
    if transactions:
        return "transactions " + ", ".join(transactions)
    return "the transactions its conditions admit"


def waivers_weighed(policies: PolicySet, result: Result) -> list[WaiverWeighed]:
    weighed = []
    on = result.determination_date or result.test_date
    for waiver in sorted(policies.waivers, key=lambda w: (w.dated, w.waiver_id)):
        if not any(s.clause_id == result.clause_id for s in waiver_scopes(policies, waiver, on)):
            continue
        applied = result.waiver_id == waiver.waiver_id and result.status == "waived"
        if not covers(policies, waiver, result):
            why = f"Not applied: it covers {result.clause_id} for {_scope_words(result, policies, waiver)} only."
        elif result.status == "pass":
            why = "Not needed: the result complies without it."
        elif result.status == "not_applicable":
            why = "Not needed: the clause is not tested on this date."
        else:
            reason = _engine_reason(result, waiver.waiver_id)
            why = ("Applied: noncompliance waived by " if applied else "Not applied: ") + (readable(reason) or "no reason was recorded.")
        weighed.append(WaiverWeighed(waiver.waiver_id, waiver.title, waiver.dated, applied, why))
    return weighed
