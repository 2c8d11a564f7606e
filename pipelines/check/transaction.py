"""A proposed transaction file (YAML or JSON): parsed safely, checked by pydantic, then typed and validated by the same
contract rules and Pandera models as the extract rows it becomes.

The file names a `kind` and the fields of the matching extract row, without its date (`covenants check --date` gives
it). An incurrence of a new instrument carries that instrument's debt_instruments fields under `instrument`; facts only a
person can supply for the transaction (projected_other_fixed_charges, no_default, ...) go under `attestations`, and
concern the proposed transaction on the check date. Money, rates and attested values are quoted decimal strings: a YAML
or JSON number is a binary float or an integer of unknown scale, so it is refused, never converted.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

import polars as pl
import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, StrictBool, StrictStr, ValidationError, create_model

from pipelines.extracts.contract import (
    AFFILIATE_TRANSACTIONS,
    ASSET_SALES,
    ASSET_TRANSFERS,
    ATTESTATIONS,
    BY_NAME,
    CAPITAL_EXPENDITURES,
    DEBT_INSTRUMENTS,
    GUARANTEES,
    INCURRENCES,
    LETTERS_OF_CREDIT,
    LIENS,
    MERGERS,
    NOTE_REDEMPTIONS,
    QAL_INVESTMENTS,
    RESTRICTED_PAYMENTS,
    SALE_LEASEBACKS,
    Extract,
)
from pipelines.extracts.reading import Issue, typed_rows
from pipelines.extracts.screen import schema_issues
from pipelines.policy import strict_yaml


class BadTransaction(Exception):
    """The transaction file was refused; every problem names its field."""

    def __init__(self, file: str, problems: list[str]):
        super().__init__(f"{file}: " + "; ".join(problems))
        self.file = file
        self.problems = problems


@dataclass(frozen=True)
class Kind:
    extract: Extract
    date_column: str
    payment_kinds: tuple[str, ...] = ()  # restricted_payments.payment_kind values this kind may take
    id_column: str = "transaction_id"  # the column that holds the proposal's id, which the marts' transaction_id holds
    month_end_column: str | None = None  # a column the check date's month end fills (a monthly extract's period_end)


KINDS: dict[str, Kind] = {
    "incurrence": Kind(INCURRENCES, "incurrence_date"),
    "restricted_payment": Kind(RESTRICTED_PAYMENTS, "payment_date", ("dividend", "stock_repurchase", "subordinated_debt_retirement")),
    "restricted_investment": Kind(RESTRICTED_PAYMENTS, "payment_date", ("restricted_investment",)),
    "unrestricted_subsidiary_investment": Kind(RESTRICTED_PAYMENTS, "payment_date", ("unrestricted_subsidiary_investment",)),
    "asset_sale": Kind(ASSET_SALES, "sale_date"),
    "letter_of_credit": Kind(LETTERS_OF_CREDIT, "issue_date", id_column="lc_id"),
    "capital_expenditure": Kind(CAPITAL_EXPENDITURES, "expenditure_date", id_column="expenditure_id", month_end_column="period_end"),
    "lien": Kind(LIENS, "created_on", id_column="lien_id"),
    "sale_leaseback": Kind(SALE_LEASEBACKS, "transaction_date"),
    "affiliate_transaction": Kind(AFFILIATE_TRANSACTIONS, "transaction_date"),
    "guarantee": Kind(GUARANTEES, "given_on", id_column="guarantee_id"),
    "merger": Kind(MERGERS, "effective_date", id_column="merger_id"),
    "asset_transfer": Kind(ASSET_TRANSFERS, "transfer_date", id_column="transfer_id"),
    "qal_investment": Kind(QAL_INVESTMENTS, "made_on", id_column="investment_id"),
    "note_redemption": Kind(NOTE_REDEMPTIONS, "redemption_date", id_column="redemption_id"),
}

# Fields a proposal may leave out: filled from the check date and the proposal itself (see `_rows`).
FILLED = {
    "incurrences": {"transaction_id", "proceeds_applied_amount", "description"},
    "restricted_payments": {"transaction_id", "description"},
    "asset_sales": {"transaction_id"},
    "letters_of_credit": {"lc_id"},
    "capital_expenditures": {"expenditure_id"},
    "liens": {"lien_id"},
    "sale_leasebacks": {"transaction_id"},
    "affiliate_transactions": {"transaction_id", "description"},
    "guarantees": {"guarantee_id", "description"},
    "mergers": {"merger_id"},
    "asset_transfers": {"transfer_id", "description"},
    "qal_investments": {"investment_id"},
    "note_redemptions": {"redemption_id"},
    "debt_instruments": {"instrument_id", "instrument_name", "indenture_basket", "issue_date"},
    "attestations": {"attestation_id", "reference_id", "period_end"},
}
MONEY_KINDS = ("money", "rate", "pct", "quantity")
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
MAX_DIGITS = 40  # more than any amount the extracts can hold (DECIMAL(18,2)); Python refuses 4,300 itself
MAX_FILE_BYTES = 65_536  # one transaction, its instrument and its attestations take a few kilobytes


def _decimal_string(value: Any) -> Any:
    if isinstance(value, str):
        return value
    raise ValueError(f'must be a quoted decimal string such as "50000000.00", not {type(value).__name__} {value!r}')


def _iso_date(value: Any) -> Any:
    if isinstance(value, datetime):
        raise ValueError(f"must be a date in YYYY-MM-DD form, without a time (got {value.isoformat(' ')})")
    if isinstance(value, date):
        return value
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        return date.fromisoformat(value)
    raise ValueError(f"must be a date in YYYY-MM-DD form (got {value!r})")


DecimalText = Annotated[str, BeforeValidator(_decimal_string)]
IsoDate = Annotated[date, BeforeValidator(_iso_date)]
FIELD_TYPES = {"text": StrictStr, "date": IsoDate, "bool": StrictBool, **dict.fromkeys(MONEY_KINDS, DecimalText)}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _row_model(extract: Extract, skip: set[str], name: str, **extra: Any) -> type[BaseModel]:
    """A pydantic model of one extract row: the contract's columns less `skip`; optional where the contract or FILLED
    says so. Types only: allowed values and patterns are left to the contract's own checks, which name them."""
    optional = FILLED.get(extract.name, set())
    fields: dict[str, Any] = {}
    for column in extract.columns:
        if column.name in skip:
            continue
        kind = FIELD_TYPES[column.kind]
        fields[column.name] = (kind, ...) if column.required and column.name not in optional else (kind | None, None)
    return create_model(name, __base__=_Strict, **fields, **extra)


Instrument = _row_model(DEBT_INSTRUMENTS, set(), "Instrument")
Attestation = _row_model(ATTESTATIONS, set(), "Attestation")


@cache  # built for the kind a file names only: the fifteen models took 0.04 s to build
def proposal_model(kind_name: str) -> type[BaseModel]:
    kind = KINDS[kind_name]
    extra: dict[str, Any] = {"kind": (Literal[kind_name], ...), "attestations": (list[Attestation], [])}
    skip = {kind.date_column, kind.month_end_column} - {None}
    if kind.extract is INCURRENCES:
        extra["instrument"] = (Instrument | None, None)
    if len(kind.payment_kinds) == 1:
        skip.add("payment_kind")  # the kind says it
    return _row_model(kind.extract, skip, f"Proposed_{kind_name}", **extra)


@dataclass(frozen=True)
class Proposal:
    """The proposed transaction as typed extract rows (`rows`: extract name → one-or-more-row frame with `_row`)."""

    kind: str
    transaction_id: str
    on: date
    rows: dict[str, pl.DataFrame]

    @property
    def extract(self) -> Extract:
        return KINDS[self.kind].extract

    def id_column(self, extract_name: str) -> str:
        """The column of an extract's proposed row that holds its id: the kind's for its own row, else the key."""
        return KINDS[self.kind].id_column if extract_name == self.extract.name else BY_NAME[extract_name].key[0]

    @property
    def row(self) -> dict:
        return self.rows[self.extract.name].row(0, named=True)


def _json_object(pairs: list[tuple[str, Any]]) -> dict:
    data = dict(pairs)
    if len(data) < len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))
        raise ValueError(f"the key {twice!r} is given twice")
    return data


def _json_integer(text: str) -> int:
    if len(text) > MAX_DIGITS:
        raise ValueError(f"a number of {len(text)} digits cannot be read")
    return int(text)


def _parsed(text: str, is_json: bool) -> Any:
    """The document's data; ValueError or yaml.YAMLError saying why it is not a plain one."""
    if not is_json:
        return strict_yaml.load(text)
    try:
        return json.loads(text, object_pairs_hook=_json_object, parse_int=_json_integer)
    except RecursionError:
        raise ValueError(f"nested more than {strict_yaml.MAX_DEPTH} levels deep") from None


def read_file(path: Path) -> dict:
    """The transaction file's mapping; BadTransaction saying in one line why it cannot be read as one."""
    try:
        with path.open("rb") as handle:
            content = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise BadTransaction(path.name, ["no such file"]) from None
    except IsADirectoryError:
        raise BadTransaction(path.name, ["is a folder, not a file"]) from None
    except OSError as error:
        raise BadTransaction(path.name, [f"cannot be read: {error.strerror}"]) from None
    if len(content) > MAX_FILE_BYTES:
        raise BadTransaction(path.name, [f"larger than {MAX_FILE_BYTES:,} bytes: a transaction file holds one transaction"])
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadTransaction(path.name, [f"not UTF-8 text (byte {error.start + 1}): is it the YAML or JSON file?"]) from None
    if not text.strip():
        raise BadTransaction(path.name, ["the file is empty"])
    is_json = path.suffix == ".json"
    try:
        data = _parsed(text, is_json)
    except yaml.YAMLError as error:
        raise BadTransaction(path.name, [f"not valid YAML: {strict_yaml.problem(error)}"]) from None
    except ValueError as error:  # json.JSONDecodeError included
        raise BadTransaction(path.name, [f"not valid JSON: {error}"]) from None
    if data is None:
        raise BadTransaction(path.name, ["the file is empty"])  # YAML comments only
    if not isinstance(data, dict):
        shown = "a list" if isinstance(data, list) else "a single value"
        raise BadTransaction(path.name, [f"must be a mapping of field names to values, not {shown}"])
    return data


def _field_problems(error: ValidationError) -> list[str]:
    problems = []
    for e in error.errors():
        given = e["input"]
        shown = f" (got {given!r})" if e["type"] != "value_error" and isinstance(given, (str, int, float, bool)) and len(repr(given)) <= 40 else ""
        problems.append(f"field {'.'.join(map(str, e['loc'])) or '(file)'}: {e['msg'].removeprefix('Value error, ')}{shown}")
    return problems


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return value.isoformat() if isinstance(value, date) else str(value)


def _rows(kind_name: str, data: BaseModel, transaction_id: str, on: date) -> dict[str, list[dict]]:
    """Extract rows of the proposal, in text as a file would hold them, with FILLED fields completed."""
    kind = KINDS[kind_name]
    fields = data.model_dump(exclude={"kind", "attestations", "instrument"})
    main = {**fields, kind.id_column: transaction_id, kind.date_column: on}
    if kind.month_end_column:
        main[kind.month_end_column] = on.replace(day=calendar.monthrange(on.year, on.month)[1])
    if len(kind.payment_kinds) == 1:
        main["payment_kind"] = kind.payment_kinds[0]
    if "description" in main and not main["description"]:
        main["description"] = f"Proposed {kind_name.replace('_', ' ')} (covenants check)"
    if kind.extract is INCURRENCES and main.get("proceeds_applied_amount") is None:
        main["proceeds_applied_amount"] = "0.00"
    rows = {kind.extract.name: [main]}
    instrument = getattr(data, "instrument", None)
    if instrument is not None:
        row = instrument.model_dump()
        row["instrument_id"] = row["instrument_id"] or main["instrument_id"]
        row["instrument_name"] = row["instrument_name"] or f"Proposed {row['instrument_id']}"
        row["indenture_basket"] = row["indenture_basket"] or main["basket"]
        row["issue_date"] = row["issue_date"] or on
        rows["debt_instruments"] = [row]
    attestations = []
    for number, attestation in enumerate(data.attestations, start=1):
        row = attestation.model_dump()
        row["attestation_id"] = row["attestation_id"] or f"{transaction_id}-ATT-{number}"
        row["reference_id"] = row["reference_id"] or transaction_id
        row["period_end"] = row["period_end"] or on
        attestations.append(row)
    if attestations:
        rows["attestations"] = attestations
    return rows


def _label(extract_name: str, row: int, column: str | None, main: str) -> str:
    field = column or "(row)"
    if extract_name == main:
        return f"field {field}"
    if extract_name == "debt_instruments":
        return f"field instrument.{field}"
    return f"field attestations.{row - 1}.{field}"


def _problem(extract_name: str, issue: Issue, main: str) -> str:
    shown = f" (value {issue.value!r})" if issue.value not in (None, "") else ""
    return f"{_label(extract_name, issue.row or 1, issue.column, main)}: {issue.reason}{shown}"


def _typed(rows: dict[str, list[dict]], main: str, file: str) -> tuple[dict[str, pl.DataFrame], list[str]]:
    """The contract's typing, exactly as for an extract file's rows."""
    frames, problems = {}, []
    for name, records in rows.items():
        extract = BY_NAME[name]
        text = pl.DataFrame(
            [[_text(r.get(c.name)) for c in extract.columns] for r in records],
            schema=dict.fromkeys((c.name for c in extract.columns), pl.String),
            orient="row",
        )
        typed, issues = typed_rows(text, 1, extract, file)
        problems += [_problem(name, i, main) for i in issues]
        frames[name] = typed
    return frames, problems


def schema_problems(proposal: Proposal, file: str) -> list[str]:
    """The extracts' Pandera checks (pipelines/extracts/schemas.py) on the proposal's typed rows, exactly as for an extract file's rows. Kept apart
    from parsing so that a check runs them beside its passes (they take a tenth of a second): the answer is given only
    if they find nothing."""
    problems = []
    for name, frame in proposal.rows.items():
        problems += [_problem(name, i, proposal.extract.name) for i in schema_issues(BY_NAME[name], frame, file)]
    return problems


def parse_proposal(path: Path, on: date, transaction_id: str) -> Proposal:
    """The file's proposal as typed extract rows; BadTransaction naming every bad field.

    `transaction_id` is used unless the file gives its own. The Pandera checks (`schema_problems`) and the references
    to other extracts (instrument, entities) are checked by the check itself (`pipelines.check.pro_forma`), before it
    answers.
    """
    data = read_file(path)
    kind_name = data.get("kind")
    if not isinstance(kind_name, str) or kind_name not in KINDS:
        raise BadTransaction(path.name, [f"field kind: must be one of {', '.join(KINDS)} (got {kind_name!r})"])
    try:
        model = proposal_model(kind_name).model_validate(data)
    except ValidationError as error:
        raise BadTransaction(path.name, _field_problems(error)) from error
    kind = KINDS[kind_name]
    payment_kind = getattr(model, "payment_kind", None)
    if len(kind.payment_kinds) > 1 and payment_kind not in kind.payment_kinds:
        raise BadTransaction(path.name, [f"field payment_kind: a {kind_name} is one of {', '.join(kind.payment_kinds)} (got {payment_kind!r})"])
    chosen = getattr(model, kind.id_column, None) or transaction_id
    frames, problems = _typed(_rows(kind_name, model, chosen, on), kind.extract.name, path.name)
    if problems:
        raise BadTransaction(path.name, problems)
    return Proposal(kind=kind_name, transaction_id=chosen, on=on, rows=frames)

