"""Write docs/extracts.md from the contract, so the documentation cannot drift from what ingestion enforces.

    python -m pipelines.extracts.document > docs/extracts.md
"""

from __future__ import annotations

from pipelines.extracts.contract import EXTRACTS, KINDS, Extract
from pipelines.extracts.date_range import DateRange, instruments_date_range
from pipelines.extracts.schemas import (
    FRACTIONS,
    IMPLIED,
    IN_MONTH_OF,
    MONTH_ENDS,
    NOT_BEFORE,
    NOT_NEGATIVE,
    PART_OF,
    QUARTER_ENDS,
    REQUIRED_WHEN,
    REQUIRED_WITH,
    STATED_TERMS,
    UNIQUE_WHEN_GIVEN,
    WHOLE_NUMBERS,
)

UNITS = {
    "text": "text",
    "money": "US dollars, two decimals",
    "rate": "annual rate as a fraction (0.10875 = 10 7/8%)",
    "pct": "fraction (0.65 = 65%)",
    "quantity": "decimal in the row's unit",
    "date": "YYYY-MM-DD",
    "bool": "true / false",
}

INTRODUCTION = """# The extract contract

The Company delivers one file per extract in a folder (`covenants run --extracts DIR`). Each extract may be CSV
(UTF-8, with or without a byte-order mark, comma-separated, header row), Parquet or XLSX (the first sheet, which must
be visible, header row); exactly one file per extract name must be present, e.g. `trial_balances.csv`.

A CSV in another encoding (Latin-1, UTF-16) or with another delimiter (semicolons, tabs) is refused, naming the
encoding or delimiter and the row where it shows; so is a row a CSV reader cannot split (more fields than the header,
a quoted value never closed), a header naming a column twice, a file that is not what its name says (a Parquet file
without the Parquet signature, an XLSX that is not a workbook, an `.xls` or password-protected workbook), an XLSX
whose first sheet is hidden (naming its sheets: a hidden sheet is not taken on trust, nor is the first visible one
guessed at), a folder, an empty or unreadable file. A header with no rows is an empty extract, except where the rules
below ask for at least one row.

This page is generated from `pipelines/extracts/contract.py` (`python -m pipelines.extracts.document > docs/extracts.md`);
a test fails if the two disagree.

## Types

| kind | stored as | written as |
|---|---|---|
{kinds}

Money is read as text and cast to DECIMAL: `1234.5` and `1234.50` are accepted; `1,234.50`, `1e3`, `12.345` and
`$12` are refused. It never passes through a binary float: a Parquet column of floats is refused, and a numeric XLSX
cell is read through its shortest exact decimal spelling (a cell showing 1234.56 is 1234.56), then checked like text.
A Parquet column already of its kind's exact type (DECIMAL(18,2) for money, DATE, BOOLEAN) is taken as it is.

## How a file is read

Where the data lies: DuckDB scans a Parquet file in place, and the checks below run in DuckDB over that scan and the
tables it makes, so that a large trial balance is never held in Python; only the refused rows are. Each extract's
model is a Pandera schema. One query compiled from it (`sql/screens/`, written again by `make docs`) asks whether the
table's columns and types are the contract's, whether any row breaks any rule and whether any key repeats; only when
it finds a fault does Pandera, on its Ibis backend, validate the table rule by rule and name every refused cell. The
checks across extracts are SQL. A CSV's cells are
split by Polars' CSV reader (every cell as text), a chunk at a time, into a temporary Parquet file that DuckDB scans
and that is deleted once read. An XLSX sheet is read whole with openpyxl and handed to DuckDB as Arrow: about
70 µs and half a kilobyte a row (200,000 rows in 14 s and 0.1 GB), so a trial balance of more than a few hundred
thousand rows is better delivered as CSV (0.6 µs a row) or Parquet (0.3 µs). Rows are numbered
as a person counts them: a CSV's or XLSX's header is row 1 and its first data row row 2; a Parquet file has no header
row, and its first row is row 1.

## Dates

Every date lies within the days the instruments can be tested: from {dates.first}, the earliest day their definitions
read, to {dates.last}, the last day any of them can be tested on (`records_from` and `tested_through` in
`policies/<instrument>/instrument.yaml`, each with its source). A date outside is refused, whatever its row, so that no
table, quarter or calendar the pipeline builds grows with a date a file names. A stated maturity or expiry may fall later
(9999-12-31 for preferred stock that has none), never earlier.

## What happens to a bad row

Every check runs before any figure is computed. A cell that does not fit its type, an empty required value, a value
outside its allowed list, a date outside the instruments' days, a duplicate key, a reference to an unknown entity,
account or instrument (or to an entity not in the register on the row's date), an entity-month whose trial balance
does not net to zero, a missing or unknown column, a missing file: each becomes a quarantine row with the file, the row number as a person counts it (the CSV
header is row 1), the column, the value and the reason. Any quarantine row stops the run before any result or
certificate is issued: `covenants run` exits with code 2, prints the first issues, and writes every one to
`<out>-quarantine/quarantine.csv`; the previous outputs in `<out>` are left untouched. In Dagster the same checks are
blocking asset checks, and the rows go to the DuckDB table `quarantine`. Nothing is dropped silently.

## Sign and balance conventions

Trial balances are in US dollars, debits positive and credits negative, per entity, month and account. Balance sheet
accounts carry closing balances; income statement accounts carry fiscal-year-to-date balances (the fiscal year is the
calendar year), so a month's activity is the difference from the previous month within the year. Each entity's
balances net to zero in every month. Entities consolidated proportionally (Alpart, QAL) are booked at the Company's
share. Figures the agreements require on a frozen basis (the indenture's December 31, 1992 GAAP) come with the
attested adjustment in `attestations`.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def section(extract: Extract, dates: DateRange) -> str:
    lines = [f"## `{extract.name}`", "", extract.description, "", f"Key: {', '.join(f'`{k}`' for k in extract.key)}.", ""]
    lines += ["| column | type | unit | required | allowed values / reference | description |", "|---|---|---|---|---|---|"]
    for column in extract.columns:
        allowed = ", ".join(f"`{a}`" for a in column.allowed) if column.allowed else ""
        if column.references:
            allowed = (allowed + "; " if allowed else "") + f"must exist in `{column.references}`"
        required = "yes" if column.required else "no"
        lines.append(
            f"| `{column.name}` | {column.sql_type} | {UNITS[column.kind]} | {required} | {_cell(allowed)} | {_cell(column.description)} |"
        )
    checks = rules(extract, dates)
    lines += (["", "Rules beyond the types:", "", *(f"- {rule}" for rule in checks)] if checks else [])
    header = ",".join(c.name for c in extract.columns)
    example = ",".join(f'"{c.example}"' if "," in c.example else c.example for c in extract.columns)
    lines += ["", "Example:", "", "```csv", header, example, "```", ""]
    return "\n".join(lines)


def _names(columns: list[str] | tuple[str, ...]) -> str:
    return ", ".join(f"`{c}`" for c in columns)


def rules(extract: Extract, dates: DateRange) -> list[str]:
    """The domain rules the Pandera model adds to the column types, in words."""
    name = extract.name
    terms = STATED_TERMS.get(name, ())
    dated = [c.name for c in extract.columns if c.kind == "date" and c.name not in terms]
    found = ["At least one row: every figure reads this extract."] if extract.has_rows else []
    found += [f"From {dates.first} to {dates.last}: {_names(dated)}."] if dated else []
    if terms:
        found.append(f"Not before {dates.first} (a stated term may fall later): {_names(terms)}.")
    if NOT_NEGATIVE.get(name):
        found.append("Not negative: " + ", ".join(f"`{c}`" for c in NOT_NEGATIVE[name]) + ".")
    for column, (low, high) in WHOLE_NUMBERS.get(name, {}).items():
        found.append(f"A whole number from {low} to {high}: `{column}`.")
    if FRACTIONS.get(name):
        found.append("Between 0 and 1: " + ", ".join(f"`{c}`" for c in FRACTIONS[name]) + ".")
    if MONTH_ENDS.get(name):
        found.append("The last day of a month: " + ", ".join(f"`{c}`" for c in MONTH_ENDS[name]) + ".")
    if QUARTER_ENDS.get(name):
        found.append("The last day of a fiscal quarter: " + ", ".join(f"`{c}`" for c in QUARTER_ENDS[name]) + ".")
    found += [f"`{later}` is not before `{earlier}`." for later, earlier in NOT_BEFORE.get(name, ())]
    found += [f"`{part}` is not more than `{whole}`." for part, whole in PART_OF.get(name, ())]
    found += [f"`{column}` is required where `{other}` is given." for column, other in REQUIRED_WITH.get(name, ())]
    found += [f"`{column}` falls in the month `{month_end}` ends." for column, month_end in IN_MONTH_OF.get(name, ())]
    found += [f"`{column}` is on one row only, where it is given." for column in UNIQUE_WHEN_GIVEN.get(name, ())]
    found += [f"`{column}` is required where `{when}` is `{value}`." for column, when, value in REQUIRED_WHEN.get(name, ())]
    for column, by, mapping in IMPLIED.get(name, ()):
        found += [f"`{column}` is `{only}` where `{by}` is `{value}`." for value, only in mapping.items()]
    return found


def render() -> str:
    kinds = "\n".join(f"| {kind} | {sql} | {UNITS[kind]} |" for kind, sql in KINDS.items())
    dates = instruments_date_range()
    return INTRODUCTION.format(kinds=kinds, dates=dates) + "\n" + "\n".join(section(e, dates) for e in EXTRACTS)


if __name__ == "__main__":
    print(render(), end="")
