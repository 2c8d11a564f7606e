"""Names a reader with only the agreement in hand recognises: an input's defined term, not its column name."""

from __future__ import annotations

import re

_SECTION = re.compile(r"\b(\d+)_(\d+)((?:_(?:[a-z]|[ivx]+)\b)*)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def defined_term(clause_id: str) -> str | None:
    """`indenture-1996/def/ConsolidatedNetIncome` → `Consolidated Net Income`; None for a clause that is no definition."""
    _, _, rest = clause_id.partition("/def/")
    return _CAMEL.sub(" ", rest) if rest else None


def _sections(text: str) -> str:
    """`4_10_b_ii` → `4.10(b)(ii)`: a section named inside an input's name, as the agreement writes it."""

    def spelled(match: re.Match) -> str:
        parts = [p for p in match.group(3).split("_") if p]
        return f"{match.group(1)}.{match.group(2)}" + "".join(f"({p})" for p in parts)

    return _SECTION.sub(spelled, text)


def input_label(name: str, clause_id: str) -> str:
    """The label of a result's input: the defined term itself when the input is that term, else its name in words."""
    term = defined_term(clause_id)
    if term is not None and term.lower().replace(" ", "_") == name:
        return term
    words = _sections(name).replace("_", " ")
    return words[:1].upper() + words[1:]
