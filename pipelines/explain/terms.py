"""Names a reader with only the agreement in hand recognises: an input's defined term, not its column name."""

from __future__ import annotations

import re

_SECTION = re.compile(r"(?:(?<=_)|^)(\d+)_(\d+)((?:_(?:[a-z]|[ivx]+)(?=_|$))*)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# `aneo_q_ii_...`: an input named after a lettered paragraph of a definition, by the definition's initials
_PARAGRAPH = re.compile(r"^([a-z]{2,6})_((?:(?:[a-z]|[ivx]+)_)+)(.+)$")
# an amount as the engine writes it in an explanation (-127541418.02, 100000000): a decimal part or five digits and
# more, so years and section numbers stay as they are; never the last group of an amount already written with commas
_AMOUNT = re.compile(r"(?<![\w.,\-/$])-?(?:\d+\.\d+|\d{5,})(?![\w.\-/])")


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


def _initials_of(prefix: str, term: str) -> bool:
    """Whether `prefix` is the term's initials, some perhaps left out (`aneo` for Adjusted Net Earnings From Operations)."""
    initials = iter(word[0].lower() for word in term.split())
    return all(letter in initials for letter in prefix)


def input_label(name: str, clause_id: str) -> str:
    """The label of a result's input: the defined term itself when the input is that term, the term's paragraph when
    the input is named after one (`Adjusted Net Earnings From Operations (q)(ii): prepetition labor claims ...`), else
    its name in words."""
    term = defined_term(clause_id)
    if term is not None and term.lower().replace(" ", "_") == name:
        return term
    paragraph = _PARAGRAPH.match(name)
    if term is not None and paragraph and _initials_of(paragraph.group(1), term):
        letters = "".join(f"({p})" for p in paragraph.group(2).split("_") if p)
        return f"{term} {letters}: {paragraph.group(3).replace('_', ' ')}"
    words = _sections(name).replace("_", " ")
    return words[:1].upper() + words[1:]


def readable(text: str) -> str:
    """An engine's explanation with its amounts formatted as the agreements write them: `-127541418.02` →
    `(127,541,418.02)`."""
    from pipelines.certificates.rendering import amount  # imported here: the report and explain import this module, and only they need Jinja

    return _AMOUNT.sub(lambda match: amount(match.group(0)), text)
