"""Tests grouped by clause, as the documents state them: the clause once, then its tests; a sentence that many of the
clause's tests share (an explanation repeated month after month) is stated once with the dates it applies to."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from pipelines.policy.result import Result

T = TypeVar("T")


def by_clause(items: Iterable[T], clause_id: Callable[[T], str]) -> list[tuple[str, list[T]]]:
    """The items in groups of one clause id each, in the order each clause first appears."""
    groups: dict[str, list[T]] = {}
    for item in items:
        groups.setdefault(clause_id(item), []).append(item)
    return list(groups.items())


@dataclass(frozen=True)
class ClauseTests:
    clause_id: str
    results: list[Result]
    explanations: list[tuple[str, list[Result]]]  # each distinct explanation once, with the results that give it


def clause_tests(results: Iterable[Result]) -> list[ClauseTests]:
    return [
        ClauseTests(clause_id, members, by_clause(members, lambda r: r.explanation))
        for clause_id, members in by_clause(results, lambda r: r.clause_id)
    ]
