"""The limits of a result as fields (pipelines.policy.result.Limit): the threshold compared, the threshold before its
reductions, the reductions, credits and caps a mart lists in its optional `limits` column (a JSON array), and the
thresholds of a waiver's conditions. The explanation says the same in words; these are the figures a reader can add
up, filter and trace to their clause and source."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from pipelines.policy.result import Limit
from pipelines.policy.schema import Condition, Covenant


def mart_limits(text: str | None) -> tuple[Limit, ...]:
    """The limits a mart row lists: each `{"kind", "name", "value", "clause_id", "source"}`, with `applies_to`,
    `period_start` and `period_end` where the mart gives them; a value is a decimal string (null when not computed)."""
    if not text:
        return ()
    return tuple(
        Limit(
            kind=given["kind"],
            name=given["name"],
            value=None if given.get("value") is None else Decimal(given["value"]),
            clause_id=given["clause_id"],
            source=given.get("source") or "",
            applies_to=given.get("applies_to") or "threshold",
            period_start=date.fromisoformat(given["period_start"]) if given.get("period_start") else None,
            period_end=date.fromisoformat(given["period_end"]) if given.get("period_end") else None,
        )
        for given in json.loads(text)
    )


def threshold_limits(covenant: Covenant, listed: tuple[Limit, ...], base: Decimal, source: str, reduction: Decimal) -> tuple[Limit, ...]:
    """The threshold compared, and where the policy declares reductions, the threshold before them and each reduction:
    those the mart lists (with their credits and caps), or one for the whole reduction when it lists none."""
    computed = covenant.threshold.computed
    clause_id = computed.clause_id if computed is not None else covenant.clause_id
    if not covenant.threshold_reductions and not reduction:
        return (Limit("threshold", f"threshold for {covenant.figure.name}", base, clause_id, source), *listed)
    named = ", ".join(r.clause_id for r in covenant.threshold_reductions)
    reductions = [limit for limit in listed if limit.kind == "reduction" and limit.applies_to == "threshold"]
    whole = () if reductions or not reduction else (
        Limit("reduction", f"reductions under {named}", reduction, clause_id, "; ".join(r.description for r in covenant.threshold_reductions)),
    )
    return (
        Limit("threshold", f"threshold for {covenant.figure.name}", base - reduction, clause_id, f"the threshold before reductions less the reductions under {named}"),
        Limit("base", "threshold before reductions", base, clause_id, source),
        *whole,
        *listed,
    )


def condition_limit(condition: Condition, waiver_id: str, threshold: Decimal | None) -> tuple[Limit, ...]:
    """A checked condition's threshold (a waiver's cap or floor), when it is known."""
    if condition.figure is None or threshold is None:
        return ()
    computed = f"; computed in {condition.figure.mart}" if condition.threshold == "computed" else ""
    return (Limit("condition", condition.description, threshold, condition.figure.clause_id, condition.source + computed, applies_to=waiver_id),)
