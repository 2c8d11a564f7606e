"""indenture-1996/4.06(b): the annual statement as to compliance, one per fiscal year, rendered to HTML and PDF.

[Indenture § 4.06(b)] "deliver to the Trustee within one hundred and twenty days after the end of each fiscal year of the Company,
beginning with the fiscal year ending December 31, 1996, a statement as to compliance signed on behalf of the Company by
the Chairman of the Board or the President or any Vice President and by the Chief Financial Officer, Treasurer or
Controller". The statement is a draft for those two officers: it sets out statements (1) and (2) of 4.06(b) and the
covenant tests of the year behind them. Statement (2) says "there is no Event of Default" only when no indenture result
of the year failed, could not be determined, or carries the Chapter 11 status note; otherwise it lists each such matter
with its nature and status, as 4.06(b)(2) requires.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from pipelines.certificates.clause_groups import by_clause
from pipelines.certificates.registry import Document, DocumentKind, RunFacts, Signatory, document_html
from pipelines.fiscal import FiscalQuarter
from pipelines.policy.result import Result
from pipelines.typography import OPERATOR_WORDS

CLAUSE_ID = "indenture-1996/4.06(b)"
INSTRUMENT = "indenture-1996"
TEMPLATE = "indenture-1996/annual_statement_4_06b.html.j2"
FIRST_FISCAL_YEAR = 1996  # [Indenture § 4.06(b)] "beginning with the fiscal year ending December 31, 1996"
DAYS_TO_DELIVER = 120  # [Indenture § 4.06(b)] "within one hundred and twenty days after the end of each fiscal year"
FLAGGED = ("fail", "indeterminate")
STATUS_NOTE = re.compile(r"Chapter 11|\binformational\b")


def fiscal_year_end(year: int) -> date:
    """The indenture's fiscal year is the calendar year (4.06(b): "the fiscal year ending December 31, 1996")."""
    return date(year, 12, 31)


def due_date(year: int) -> date:
    return fiscal_year_end(year) + timedelta(days=DAYS_TO_DELIVER)


def instrument_status_note(explanation: str) -> str | None:
    """The Chapter 11 / informational note the evaluation appends to an explanation (" Note: <effect> (<source>).").

    The effect and the source both hold parentheses, so the note ends at the first ")." at nesting depth zero.
    Where the note is not in that form but the explanation still mentions the status, the whole explanation is the note.
    """
    if not STATUS_NOTE.search(explanation):
        return None
    start = explanation.find("Note: ")
    if start < 0:
        return explanation.strip()
    depth, text = 0, explanation[start + len("Note: "):]
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0 and text[index + 1:index + 2] == ".":
                return text[: index + 2]
    return text.strip()


@dataclass(frozen=True)
class ScheduleRow:
    """One result as the schedule shows it, with an anchor the disclosed matters link to."""

    number: int
    result: Result
    inputs: list[dict]
    status_note: str | None
    note_number: int | None  # the status note's number: the note is stated once, rows refer to it
    explanation: str  # the result's explanation less its status note
    year_end_information: bool


@dataclass(frozen=True)
class ClauseGroup:
    """The tests of one covenant clause in the year: Schedule A states the clause, its figure and citations once."""

    clause_id: str
    figure: str
    citations: tuple[str, ...]
    rows: list[ScheduleRow]


@dataclass(frozen=True)
class FiscalYearStatement:
    year: int
    rows: list[ScheduleRow]
    groups: list[ClauseGroup] = field(default_factory=list)
    failures: list[ScheduleRow] = field(default_factory=list)
    undetermined: list[ScheduleRow] = field(default_factory=list)
    waived: list[ScheduleRow] = field(default_factory=list)
    status_notes: list[tuple[str, list[ScheduleRow]]] = field(default_factory=list)

    @property
    def no_default_statement(self) -> bool:
        """Whether statement (2) may say "there is no Event of Default": nothing failed, undetermined or in Chapter 11."""
        return not (self.failures or self.undetermined or self.status_notes)


def _inputs(result: Result) -> list[dict]:
    rows = []
    for name, given in result.inputs.items():
        if isinstance(given, dict):
            rows.append({"name": name, "value": given.get("value"), "clause_id": given.get("clause_id") or ""})
        else:
            rows.append({"name": name, "value": given, "clause_id": ""})
    return rows


def _sort_key(result: Result) -> tuple:
    """Schedule A's order: by clause, then by date, so that the tests of one covenant stand together."""
    return (result.clause_id, result.test_date, result.test_kind, result.transaction_id or "")


def _without_note(explanation: str, note: str | None) -> str:
    if not note:
        return explanation
    return explanation.replace(f" Note: {note}", "").replace(f"Note: {note}", "").strip() or explanation


def _groups(rows: list[ScheduleRow]) -> list[ClauseGroup]:
    return [
        ClauseGroup(
            clause_id=clause_id,
            figure=members[0].result.figure,
            citations=tuple(dict.fromkeys(c for row in members for c in row.result.citations)),
            rows=members,
        )
        for clause_id, members in by_clause(rows, lambda row: row.result.clause_id)
    ]


def statement_for(results: list[Result], year: int) -> FiscalYearStatement:
    """The results 4.06(b) speaks to for one fiscal year.

    The schedule lists every indenture result of the year that tests something (test_kind != information), the
    year-end information rows, and any other result of the year that failed or could not be determined, so that every
    disclosed matter has its row and citations. A status note that many results carry is numbered and stated once.
    """
    year_end = fiscal_year_end(year)
    of_year = sorted(
        (r for r in results if r.instrument == INSTRUMENT and r.test_date.year == year), key=_sort_key
    )
    shown = [r for r in of_year if r.test_kind != "information" or r.test_date == year_end or r.status in FLAGGED]
    note_numbers: dict[str, int] = {}
    for r in shown:
        note = instrument_status_note(r.explanation)
        if note:
            note_numbers.setdefault(note, len(note_numbers) + 1)
    rows = []
    for number, r in enumerate(shown, start=1):
        note = instrument_status_note(r.explanation)
        rows.append(
            ScheduleRow(
                number=number,
                result=r,
                inputs=_inputs(r),
                status_note=note,
                note_number=note_numbers.get(note) if note else None,
                explanation=_without_note(r.explanation, note),
                year_end_information=r.test_kind == "information" and r.test_date == year_end,
            )
        )
    return FiscalYearStatement(
        year=year,
        rows=rows,
        groups=_groups(rows),
        failures=[row for row in rows if row.result.status == "fail"],
        undetermined=[row for row in rows if row.result.status == "indeterminate"],
        waived=[row for row in rows if row.result.status == "waived"],
        status_notes=[(note, [row for row in rows if row.status_note == note]) for note in note_numbers],
    )


def statement_years(quarters: list[FiscalQuarter]) -> list[int]:
    """Fiscal years whose fourth quarter was closed in this run, from FY1996 on."""
    return sorted({q.year for q in quarters if q.quarter == 4 and q.year >= FIRST_FISCAL_YEAR})


def annual_statement(results: list[Result], year: int) -> Document:
    context = {
        "clause_id": CLAUSE_ID,
        "statement": statement_for(results, year),
        "fiscal_year": year,
        "fiscal_year_end": fiscal_year_end(year),
        "due_date": due_date(year),
        "days_to_deliver": DAYS_TO_DELIVER,
        "operator_words": OPERATOR_WORDS,
    }
    return Document(f"indenture-1996-4.06b-FY{year}", context)


def annual_statements(facts: RunFacts) -> list[Document]:
    return [annual_statement(facts.results, year) for year in statement_years(facts.quarters)]


def annual_statement_html(results: list[Result], year: int, manifest: dict) -> str:
    return document_html(ANNUAL_STATEMENT, annual_statement(results, year), manifest)


ANNUAL_STATEMENT = DocumentKind(
    name="indenture-1996-4.06b",
    title="Annual Statement as to Compliance",
    clause_id=CLAUSE_ID,
    instrument=INSTRUMENT,
    template=TEMPLATE,
    trigger="a fiscal year's fourth quarter closed in the run, from fiscal year 1996 on",
    states=("indenture-1996",),
    signatories=(  # [Indenture § 4.06(b)] "signed on behalf of the Company by the Chairman of the Board or the President or any
        # Vice President and by the Chief Financial Officer, Treasurer or Controller"
        Signatory("Chairman of the Board, President or a Vice President"),
        Signatory("Chief Financial Officer, Treasurer or Controller"),
    ),
    documents=annual_statements,
)
