"""The mutants of a project tree, found by pattern: each changes one line of one file.

- policies/**/*.yaml: each date written as a whole value (`effective_from: 2003-08-01`, a row's `test_date`, a
  waiver's `dated`, an entry of `test_dates: [...]`) one day earlier and one day later, and each number written as a
  whole value (`value: "60000000.00"`) one unit of its last written place lower and higher (a cent for cents, 0.1
  for "2.0"). Open bounds (years up to 1990 and from 2090, "before anything" and "for ever") and the determination
  days are left alone: they move no threshold.
- sql/**/*.sql, outside comments and strings: each comparison `<`, `<=`, `>`, `>=` to its boundary twin (`<` and
  `<=`, `>` and `>=`), each numeric literal one unit of its last place lower and higher (not a type's precision), and
  each `date 'YYYY-MM-DD'` literal (open bounds aside) a day each way.
- the engine's files (ENGINE): each comparison operator token to its boundary twin.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ENGINE = ("pipelines/policy/evaluation.py",)
TWIN = {"<": "<=", "<=": "<", ">": ">=", ">=": ">"}
OPEN_BOUND_YEARS = (1990, 2090)  # a date at or before the first, or from the second, stands for "no bound"
SKIPPED_KEYS = {"days_after_quarter_end", "days_after_fiscal_year_end"}

ISO_DATE = r"\d{4}-\d{2}-\d{2}"
YAML_SCALAR = re.compile(r"^(?P<lead>\s*(?:- )?(?P<key>[A-Za-z_]+): )(?P<value>.+?)\s*$")
YAML_NUMBER = re.compile(r"^(?P<q>[\"']?)(?P<n>-?\d+(?:\.\d+)?)(?P=q)$")
YAML_DATES = re.compile(rf"^{ISO_DATE}$|^\[{ISO_DATE}(?:, {ISO_DATE})*\]$")
SQL_OPERATOR = re.compile(r"(?<![<>!=-])(<=|>=|<|>)(?![=>])")
SQL_NUMBER = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)(?![\w.])")
SQL_DATE = re.compile(rf"\bdate '({ISO_DATE})'", re.IGNORECASE)
SQL_STRING = re.compile(r"'[^']*'")
SQL_TYPE_PRECISION = re.compile(r"\b(?:decimal|numeric|varchar)\s*\(\s*\d+\s*(?:,\s*\d+\s*)?\)", re.IGNORECASE)


@dataclass(frozen=True)
class Mutant:
    path: str  # relative to the project root
    line: int  # 1-based
    kind: str  # date, amount, operator, literal
    before: str  # the line as written
    after: str  # the line as mutated
    change: str  # what changed, e.g. "2004-09-30 -> 2004-10-01"

    def apply(self, text: str) -> str:
        lines = text.splitlines(keepends=True)
        ending = lines[self.line - 1][len(lines[self.line - 1].rstrip("\r\n")):]
        lines[self.line - 1] = self.after + ending
        return "".join(lines)


def _shift_date(text: str, days: int) -> str:
    return (date.fromisoformat(text) + timedelta(days=days)).isoformat()


def _shift_number(text: str, units: int) -> str:
    number = Decimal(text)
    return str(number + units * Decimal(1).scaleb(number.as_tuple().exponent))


def _open_bound(text: str) -> bool:
    return not OPEN_BOUND_YEARS[0] < int(text[:4]) < OPEN_BOUND_YEARS[1]


def _replace_at(line: str, start: int, end: int, new: str) -> str:
    return line[:start] + new + line[end:]


def policy_mutants(root: Path, relative: str) -> list[Mutant]:
    found = []
    for number, line in enumerate((root / relative).read_text().splitlines(), 1):
        match = YAML_SCALAR.match(line)
        if not match or match["key"] in SKIPPED_KEYS:
            continue
        value, offset = match["value"], match.start("value")
        if YAML_DATES.match(value):
            for day in re.finditer(ISO_DATE, value):
                if _open_bound(day[0]):
                    continue
                for days in (-1, 1):
                    new = _shift_date(day[0], days)
                    after = _replace_at(line, offset + day.start(), offset + day.end(), new)
                    found.append(Mutant(relative, number, "date", line, after, f"{match['key']} {day[0]} -> {new}"))
        elif number_match := YAML_NUMBER.match(value):
            for units in (-1, 1):
                new = _shift_number(number_match["n"], units)
                start = offset + number_match.start("n")
                after = _replace_at(line, start, start + len(number_match["n"]), new)
                found.append(Mutant(relative, number, "amount", line, after, f"{match['key']} {number_match['n']} -> {new}"))
    return found


def _sql_code(line: str) -> str:
    """The line with its comment cut and its strings and type precisions blanked, so positions stay those of `line`."""
    masked = SQL_STRING.sub(lambda m: "'" + " " * (len(m[0]) - 2) + "'", line)
    masked = SQL_TYPE_PRECISION.sub(lambda m: " " * len(m[0]), masked)
    comment = masked.find("--")
    return masked if comment < 0 else masked[:comment]


def sql_mutants(root: Path, relative: str) -> list[Mutant]:
    found = []
    for number, line in enumerate((root / relative).read_text().splitlines(), 1):
        code = _sql_code(line)
        for operator in SQL_OPERATOR.finditer(code):
            new = TWIN[operator[0]]
            after = _replace_at(line, operator.start(), operator.end(), new)
            found.append(Mutant(relative, number, "operator", line, after, f"{operator[0]} -> {new} (column {operator.start() + 1})"))
        for literal in SQL_NUMBER.finditer(code):
            for units in (-1, 1):
                new = _shift_number(literal[0], units)
                after = _replace_at(line, literal.start(), literal.end(), new)
                found.append(Mutant(relative, number, "literal", line, after, f"{literal[0]} -> {new} (column {literal.start() + 1})"))
        cut = len(code)
        for day in SQL_DATE.finditer(line[:cut]):
            if _open_bound(day[1]):
                continue
            for days in (-1, 1):
                new = _shift_date(day[1], days)
                after = _replace_at(line, day.start(1), day.end(1), new)
                found.append(Mutant(relative, number, "literal", line, after, f"date '{day[1]}' -> '{new}'"))
    return found


def engine_mutants(root: Path, relative: str) -> list[Mutant]:
    text = (root / relative).read_text()
    lines = text.splitlines()
    found = []
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type == tokenize.OP and token.string in TWIN:
            (number, column), new = token.start, TWIN[token.string]
            line = lines[number - 1]
            after = _replace_at(line, column, column + len(token.string), new)
            found.append(Mutant(relative, number, "operator", line, after, f"{token.string} -> {new} (column {column + 1})"))
    return found


def all_mutants(root: Path) -> list[Mutant]:
    found = []
    for path in sorted((root / "policies").rglob("*.yaml")):
        found += policy_mutants(root, path.relative_to(root).as_posix())
    for relative in ENGINE:
        found += engine_mutants(root, relative)
    for path in sorted((root / "sql").rglob("*.sql")):
        found += sql_mutants(root, path.relative_to(root).as_posix())
    return found
