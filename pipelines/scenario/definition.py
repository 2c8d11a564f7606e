"""A scenario file: a name, a description and what it changes, read safely and checked by a strict schema.

    name: EBITDA of 2004Q2 10% lower
    description: ...
    inputs:          # changes to what happened in a month, on the trial balances
      - extract: trial_balances
        account: "4000"            # or line_item: net_sales (every account of that line item)
        entity: KACC               # optional: every entity otherwise
        from: 2004-06-30           # optional month ends bounding the months changed
        to: 2004-06-30
        amount: "6400000.00"       # or percent: "-10"
        offset_account: "1000"     # the balance sheet account that takes the other side
    transactions:    # proposals in the `covenants check` format, applied in this order
      - date: 1997-11-14
        file: ../transactions/notes-1997-11.yaml
    policies:        # a proposed amendment: files that replace or add to policies/
      - amendment/ppca-2002/covenants/9.2.4-a.yaml

Paths are relative to the scenario file. Every problem is a ScenarioError naming the file, the entry and the reason.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field, ValidationError, model_validator

from pipelines.check.transaction import BadTransaction, Proposal, parse_proposal, schema_problems
from pipelines.layout import ROOT
from pipelines.policy import strict_yaml
from pipelines.policy.schema import Exact, Strict

MAX_FILE_BYTES = 262_144


class ScenarioError(Exception):
    """The scenario file was refused: the file, the entry and the reason."""


class InputChange(Strict):
    """A change to what happened in each month of a range on some trial-balance rows (docs/time-and-scenarios.md)."""

    extract: Literal["trial_balances"]
    account: str | None = Field(default=None, min_length=1)
    line_item: str | None = Field(default=None, min_length=1)
    entity: str | None = Field(default=None, min_length=1)
    from_: date | None = Field(default=None, alias="from")
    to: date | None = None
    percent: Exact | None = None
    amount: Exact | None = None
    offset_account: str = Field(min_length=1)

    @model_validator(mode="after")
    def _one_each(self) -> InputChange:
        if (self.account is None) == (self.line_item is None):
            raise ValueError("give exactly one of account or line_item")
        if (self.percent is None) == (self.amount is None):
            raise ValueError("give exactly one of percent or amount")
        if self.amount is not None and self.amount != self.amount.quantize(Decimal("0.01")):
            raise ValueError(f"amount {self.amount} has more than two decimal places: the trial balances hold cents")
        if self.from_ and self.to and self.from_ > self.to:
            raise ValueError(f"from {self.from_} is after to {self.to}")
        return self


class ProposedTransaction(Strict):
    date: date
    file: str = Field(min_length=1)


class ScenarioFile(Strict):
    name: str = Field(min_length=1, max_length=120, pattern=r"^[^\r\n]+$")
    description: str = Field(min_length=1)
    inputs: tuple[InputChange, ...] = ()
    transactions: tuple[ProposedTransaction, ...] = ()
    policies: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _changes_something(self) -> ScenarioFile:
        if not (self.inputs or self.transactions or self.policies):
            raise ValueError("a scenario changes something: give inputs, transactions or policies")
        return self


@dataclass(frozen=True)
class Scenario:
    path: Path
    name: str
    description: str
    inputs: tuple[InputChange, ...]
    proposals: tuple[Proposal, ...]  # in the order given
    policy_files: tuple[Path, ...]
    sha256: str
    files_sha256: dict[str, str]  # every file the scenario names, as written in it

    @property
    def record(self) -> dict:
        """What the manifest says of the scenario (part of the run id): its name, file and the bytes of every file."""
        shown = str(self.path.relative_to(ROOT)) if self.path.is_relative_to(ROOT) else str(self.path)
        return {"name": self.name, "file": shown, "sha256": self.sha256, "files": dict(sorted(self.files_sha256.items()))}


def _refused(path: Path, entry: str, reason: str) -> ScenarioError:
    return ScenarioError(f"scenario {path}: {entry}: {reason}")


def _read(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            content = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise _refused(path, "(file)", f"cannot be read: {error.strerror or error}") from None
    if len(content) > MAX_FILE_BYTES:
        raise _refused(path, "(file)", f"larger than {MAX_FILE_BYTES:,} bytes")
    return content


def _parsed(path: Path, content: bytes) -> ScenarioFile:
    try:
        data = strict_yaml.load(content.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise _refused(path, "(file)", f"not UTF-8 text (byte {error.start + 1})") from None
    except yaml.YAMLError as error:
        raise _refused(path, "(file)", f"not valid YAML: {strict_yaml.problem(error)}") from None
    if not isinstance(data, dict):
        raise _refused(path, "(file)", "must be a mapping with name, description and inputs, transactions or policies")
    try:
        return ScenarioFile.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        entry = ".".join(str(part) for part in first["loc"]) or "(file)"
        raise _refused(path, entry, first["msg"].removeprefix("Value error, ")) from None


def _named_file(path: Path, entry: str, written: str) -> Path:
    named = (path.parent / written).resolve()
    if not named.is_file():
        raise _refused(path, entry, f"{written} is not a file")
    return named


def _proposal(path: Path, number: int, entry: ProposedTransaction) -> Proposal:
    where = f"transactions.{number}"
    file = _named_file(path, f"{where}.file", entry.file)
    try:
        proposal = parse_proposal(file, entry.date, f"SCENARIO-{number + 1}")
    except BadTransaction as bad:
        raise _refused(path, where, f"{entry.file}: " + "; ".join(bad.problems)) from None
    problems = schema_problems(proposal, file.name)
    if problems:
        raise _refused(path, where, f"{entry.file}: " + "; ".join(problems))
    return proposal


def load_scenario(path: Path) -> Scenario:
    """The scenario with its proposals parsed and checked as `covenants check` checks them; ScenarioError otherwise.
    Checks against the extracts (an account or entity that does not exist, a proposal's references) come when the
    overlay is made and when the run validates the overlaid extracts."""
    path = path.resolve()
    content = _read(path)
    parsed = _parsed(path, content)
    proposals = tuple(_proposal(path, n, t) for n, t in enumerate(parsed.transactions))
    ids = [p.transaction_id for p in proposals]
    repeated = next((i for i in ids if ids.count(i) > 1), None)
    if repeated:
        raise _refused(path, "transactions", f"two proposals have the id {repeated}; give each its own transaction_id")
    policy_files = tuple(_named_file(path, f"policies.{n}", p) for n, p in enumerate(parsed.policies))
    named = {t.file: path.parent / t.file for t in parsed.transactions} | dict(zip(parsed.policies, policy_files))
    return Scenario(
        path=path,
        name=parsed.name,
        description=parsed.description,
        inputs=parsed.inputs,
        proposals=proposals,
        policy_files=policy_files,
        sha256=hashlib.sha256(content).hexdigest(),
        files_sha256={written: hashlib.sha256(file.read_bytes()).hexdigest() for written, file in named.items()},
    )
