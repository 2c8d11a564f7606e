"""Money as exact decimals: quantizing to cents and splitting an amount into parts that sum back exactly."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from typing import Sequence

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def D(value: str | int) -> Decimal:
    """A decimal from a string or an integer (never from a float)."""
    if isinstance(value, float):  # pragma: no cover - a guard, not a path
        raise TypeError("money is never built from a float")
    return Decimal(value)


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_EVEN)


def split(total: Decimal, weights: Sequence[Decimal]) -> list[Decimal]:
    """Split `total` in proportion to `weights`, each part in cents, the parts summing exactly to `total`.

    Every part but the last is rounded half-even; the last takes the remainder.
    """
    weight_sum = sum(weights, Decimal(0))
    if not weights:
        return []
    if weight_sum == 0:
        parts = [ZERO] * len(weights)
        parts[-1] = cents(total)
        return parts
    parts = [cents(total * w / weight_sum) for w in weights[:-1]]
    parts.append(cents(total) - sum(parts, ZERO))
    return parts


def split_evenly(total: Decimal, count: int) -> list[Decimal]:
    return split(total, [Decimal(1)] * count)
