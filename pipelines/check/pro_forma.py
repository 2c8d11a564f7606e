"""`covenants check`: is a proposed transaction permitted on a date, under which clause, with what ratio and baskets left.

The prepared database (pipelines.check.prepared) is attached read-only to an in-memory database; the raw tables the
proposal touches are copied into memory and given the proposed rows, every other table is a view of the prepared one,
and only the SQL models downstream of the touched raw tables are rebuilt. The covenant policies are then evaluated and
the transaction results of the proposal kept.

"Before" is the same test on the same date with the proposal's money set to zero: the same four quarters, forward
year and pro forma debt as "after", without the transaction's own effect. (A quarter-end information row would price a
different Transaction Date, with other balances and possibly another four quarters.) The two passes run in parallel on
two cursors, each in its own schema: DuckDB releases the GIL while it builds.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

import duckdb
import polars as pl

from pipelines.check.prepared import ATTACHED as PREPARED, Prepared
from pipelines.check.transaction import BadTransaction, Proposal, schema_problems
from pipelines.database import ArrowStream, polars_frame
from pipelines.extracts.contract import ATTESTATION_SUBJECTS, BY_NAME
from pipelines.extracts.reading import ROW
from pipelines.extracts.validation import declared_references, entities_registered_on_date, on_frames
from pipelines.models.sql_models import SqlModel, build
from pipelines.outputs.verdict import STATUS_WORDS
from pipelines.policy.evaluation import evaluate_all, waiver_scopes
from pipelines.policy.loading import PolicySet
from pipelines.policy.result import Result

LEDGER_SUFFIX = "_basket_ledger"
# the models every attestation is read through: the extract, its staging and the attestation in force
ATTESTATIONS = frozenset({"raw_attestations", "stg_attestations", "current_attestations"})
_QUOTED = re.compile(r"'([a-z0-9_]+)'")
# the figure whose before and after are reported, for every covenant that tests it (4.10(a), 4.09(a)(B), any added later)
RATIO_FIGURE = "indenture-1996/def/ConsolidatedFixedChargeCoverageRatio"
# A waiver in force on the date that covers the proposal (the engine decides it as of the date) permits it: only a
# standing waiver of every transaction of a clause can, such as ca-1994 Eleventh Amendment waiver A, "from time to time".
PERMITTED = ("pass", "waived")
CA1994_REVOLVER = "CA1994-REVOLVER"


@dataclass(frozen=True)
class Pass:
    """One evaluation of the proposal: its transaction results and each basket ledger's state on the date."""

    results: list[Result]
    baskets: list[dict]
    rebuilt: list[str]


@dataclass(frozen=True)
class CheckOutcome:
    proposal: Proposal
    answer: str  # permitted | not permitted | cannot be confirmed
    relied_on: str
    reasons: list[str]
    after: Pass
    before: Pass
    ratio_clauses: frozenset[str]
    trace: list[str] = field(default_factory=list)

    @property
    def ratios(self) -> list[dict]:
        before = {r.clause_id: r for r in self.before.results}
        return [
            {
                "clause_id": r.clause_id,
                "before": _plain(before[r.clause_id].actual) if r.clause_id in before else None,
                "after": _plain(r.actual),
                "operator": r.operator,
                "threshold": _plain(r.threshold),
                "status_before": before[r.clause_id].status if r.clause_id in before else None,
                "status_after": r.status,
            }
            for r in self.after.results
            if r.clause_id in self.ratio_clauses
        ]

    @property
    def baskets(self) -> list[dict]:
        before = {(b["ledger"], b["clause_id"], b["basket"], b["measure"]): b for b in self.before.baskets}
        rows = []
        for b in self.after.baskets:
            earlier = before.get((b["ledger"], b["clause_id"], b["basket"], b["measure"]), {})
            rows.append(
                {
                    **{k: b[k] for k in ("ledger", "clause_id", "basket", "measure", "capacity")},
                    "remaining_before": earlier.get("remaining"),
                    "remaining_after": b["remaining"],
                    "entry_date": b["entry_date"],
                }
            )
        return rows


def _plain(value: object) -> str | None:
    return None if value is None else format(value, "f") if isinstance(value, Decimal) else str(value)


def downstream(models: list[SqlModel], tables: set[str], subjects: frozenset[str]) -> list[SqlModel]:
    """The models that read any of `tables`, directly or through other models, in build order.

    A model is reached through the attestations only if it names one of `subjects` (the attestations' subjects among
    `tables`' rows): every model reads attestations through ATTESTATIONS and picks its subjects
    by name (a test checks both on the sample), so a row of another subject cannot change it.
    """
    reached = set(tables)
    chosen = []
    for model in models:  # topological: a model's inputs come before it
        through = reached.intersection(model.depends_on)
        if through and through <= ATTESTATIONS and model.name not in ATTESTATIONS and not subjects & names_subjects(model):
            continue
        if through:
            reached.add(model.name)
            chosen.append(model)
    return chosen


def names_subjects(model: SqlModel) -> frozenset[str]:
    """The attestation subjects the model's SQL names."""
    return frozenset(_QUOTED.findall(model.sql)).intersection(ATTESTATION_SUBJECTS)


def upstream(models: list[SqlModel], targets: list[SqlModel]) -> set[str]:
    """The names of `targets` and of every model they read, directly or through other models."""
    by_name = {m.name: m for m in models}
    needed, stack = set(), [m.name for m in targets]
    while stack:
        name = stack.pop()
        if name in needed or name not in by_name:
            continue
        needed.add(name)
        stack.extend(by_name[name].depends_on)
    return needed


def keyed_by_proposal(proposal: Proposal) -> set[str]:
    """The extracts in which the proposal's own id is a key: its own, and debt_instruments when its new instrument takes
    the same id."""
    return {name for name, frame in proposal.rows.items() if proposal.transaction_id in frame[proposal.id_column(name)].to_list()}


def targets(con: duckdb.DuckDBPyConnection, models: list[SqlModel], policies: PolicySet, proposal: Proposal) -> set[str]:
    """The marts a check must rebuild to answer: those that can hold a row keyed by the proposal's id.

    A covenant's mart, a basket ledger or a waiver condition's mart holds the proposal's row only if its transaction_id
    column holds keys of an extract keyed by the proposal's id, by its `transactions of:` line; a mart without one is
    rebuilt whenever it is downstream of the proposal. A ledger with an entry on the proposal's date is rebuilt too
    (that entry may count the proposal's same-day effect); any other entry on or before the date is made of what had
    happened by then. A waiver's condition looked up by test date is rebuilt when the waiver covers a clause whose
    mart can hold the proposal (a waiver of a test date covers a transaction tested that day).
    """
    keyed = keyed_by_proposal(proposal)
    by_name = {m.name: m for m in models}

    def can_hold(name: str) -> bool:
        declared = by_name[name].transactions_of if name in by_name else None
        return declared is None or bool(keyed.intersection(declared))

    ledgers = {name for name in by_name if name.endswith(LEDGER_SUFFIX)}
    chosen = {name for name in ledgers if can_hold(name) or _has_entry_on(con, name, proposal.on)}
    tested = {c.clause_id for c in policies.covenants if can_hold(c.figure.mart)}
    chosen |= {c.figure.mart for c in policies.covenants if c.clause_id in tested}
    for waiver in policies.waivers:
        if any(s.clause_id in tested for s in waiver_scopes(policies, waiver, proposal.on)):
            chosen |= {c.figure.mart for c in waiver.conditions if c.figure is not None and (c.figure.match == "test_date" or can_hold(c.figure.mart))}
    return chosen


def _has_entry_on(con: duckdb.DuckDBPyConnection, ledger: str, on: date) -> bool:
    return con.execute(f'select count(*) > 0 from {PREPARED}.main."{ledger}" where entry_date = ?', [on]).fetchall()[0][0]


def to_rebuild(models: list[SqlModel], rows: dict[str, pl.DataFrame], targets: set[str]) -> list[SqlModel]:
    """The models downstream of the proposal's rows that lead to one of `targets`, in build order. The others are read
    from the prepared database as they are."""
    needed = upstream(models, [m for m in models if m.name in targets])
    subjects = frozenset(rows["attestations"]["subject"].to_list()) if "attestations" in rows else frozenset()
    return [m for m in downstream(models, {f"raw_{name}" for name in rows}, subjects) if m.name in needed]


def zeroed(proposal: Proposal) -> dict[str, pl.DataFrame]:
    """The proposal's rows with the money of its own row set to zero (the new instrument and attestations kept)."""
    extract = proposal.extract
    money = [c.name for c in extract.columns if c.kind == "money"]
    rows = dict(proposal.rows)
    frame = rows[extract.name]
    # zero as an integer, cast exactly: a Decimal literal makes Polars import numpy (0.08 s of a warm check)
    rows[extract.name] = frame.with_columns(*(pl.lit(0).cast(frame.schema[m]).alias(m) for m in money))
    return rows


def _insert(con: duckdb.DuckDBPyConnection, name: str, frame: pl.DataFrame) -> None:
    """Copy raw_<name> into memory and append the proposed rows, numbered after the file's last row."""
    table = f"raw_{name}"
    con.execute(f'create table "{table}" as from {PREPARED}.main."{table}"')
    (last,) = con.execute(f'select coalesce(max("{ROW}"), 0) from "{table}"').fetchall()[0]
    numbered = frame.with_columns((pl.col(ROW) + last).cast(pl.Int64).alias(ROW))
    con.from_arrow(ArrowStream(numbered)).insert_into(table)


def evaluate_pass(
    con: duckdb.DuckDBPyConnection,
    schema: str,
    rows: dict[str, pl.DataFrame],
    proposal: Proposal,
    policies: PolicySet,
    models: list[SqlModel],
    marts: set[str],
) -> Pass:
    """One pass in its own schema of the shared in-memory database, on its own cursor (`use` and the search path are
    per cursor). A name is looked up in the pass's schema first, then in the prepared database: the copied raw tables
    and the rebuilt models shadow their prepared tables, and everything else is read where it is, uncopied."""
    database = con.execute("select current_database()").fetchall()[0][0]
    con.execute(f"create schema {schema}")
    con.execute(f"use {database}.{schema}")
    con.execute(f"set search_path = '{database}.{schema},{PREPARED}.main'")
    for name, frame in rows.items():
        _insert(con, name, frame)
    rebuilt = to_rebuild(models, rows, marts)
    rebuilt_names = {m.name for m in rebuilt}
    for model in rebuilt:
        build(con, model)
    # a covenant whose mart was not rebuilt cannot hold a result for the proposal
    testing = replace(policies, covenants=tuple(c for c in policies.covenants if c.figure.mart in rebuilt_names))
    # determined as of the date: a waiver counts only if granted and in force then
    results = [r for r in evaluate_all(con, testing, as_of=proposal.on, transaction_id=proposal.transaction_id) if r.test_kind == "transaction"]
    return Pass(results=results, baskets=basket_states(con, proposal.transaction_id, proposal.on), rebuilt=[m.name for m in rebuilt])


def ledger_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every basket ledger mart, by the naming convention: none, one or many; in a pass, those it rebuilt and those it
    reads from the prepared database."""
    names = con.execute(
        f"""
        select table_name from duckdb_tables()
        where (database_name = current_database() and schema_name = current_schema()) or (database_name, schema_name) = ('{PREPARED}', 'main')
        union select view_name from duckdb_views()
        where ((database_name = current_database() and schema_name = current_schema()) or (database_name, schema_name) = ('{PREPARED}', 'main'))
        and not internal
        """
    ).fetchall()
    return sorted(n for (n,) in names if n.endswith(LEDGER_SUFFIX))


def basket_states(con: duckdb.DuckDBPyConnection, transaction_id: str, on: date) -> list[dict]:
    """Per ledger and basket: the transaction's own entry, else the latest entry on or before the date."""
    states = []
    for table in ledger_tables(con):
        rows = con.execute(
            f"""
            select clause_id, basket, measure, entry_date, transaction_id, capacity, usage_after, remaining
            from "{table}"
            where entry_date <= ?
            qualify row_number() over (
                partition by clause_id, basket, measure
                order by (transaction_id is not distinct from ?) desc, entry_date desc, usage_after desc
            ) = 1
            order by clause_id, basket
            """,
            [on, transaction_id],
        ).fetchall()
        for clause_id, basket, measure, entry_date, entry_id, capacity, usage_after, remaining in rows:
            states.append(
                {
                    "ledger": table,
                    "clause_id": clause_id,
                    "basket": basket,
                    "measure": measure,
                    "entry_date": entry_date.isoformat(),
                    "transaction_id": entry_id,
                    "capacity": _plain(capacity),
                    "usage_after": _plain(usage_after),
                    "remaining": _plain(remaining),
                }
            )
    return states


def _field(proposal: Proposal, name: str, column: str) -> str:
    prefix = "" if name == proposal.extract.name else "instrument." if name == "debt_instruments" else "attestations."
    return f"field {prefix}{column}"


def reference_problems(con: duckdb.DuckDBPyConnection, proposal: Proposal) -> list[str]:
    """The proposal's references to the extracts (instruments, entities on the date) and the freshness of its ids."""
    # every extract a proposed row may refer to (an instrument's related_disposition_id names an asset sale)
    referred = {target.split(".")[0] for (name, _), target in declared_references().items() if name in proposal.rows}
    names = {"entities", "debt_instruments", "market_data", *proposal.rows, *referred}
    existing = {name: polars_frame(con, f"from {PREPARED}.main.raw_{name}") for name in names}
    problems = []
    for name, frame in proposal.rows.items():
        key = proposal.id_column(name)
        taken = set(existing[name][key].drop_nulls().to_list())
        problems += [f"{_field(proposal, name, key)}: {value} is already in the {name} extract" for value in frame[key].to_list() if value in taken]
        problems += _key_taken(proposal, name, frame, existing[name])
    for (name, column), target in declared_references().items():
        if name not in proposal.rows:
            continue
        target_name, target_column = target.split(".")
        known = set(existing[target_name][target_column].to_list())
        if target_name in proposal.rows:
            known |= set(proposal.rows[target_name][target_column].to_list())
        unknown = [v for v in proposal.rows[name][column].drop_nulls().to_list() if v not in known]
        problems += [f"{_field(proposal, name, column)}: {v!r} is not found in the {target_name} extract ({target_column})" for v in unknown]
    # the register's own rows were validated when the database was prepared: every issue here is the proposal's
    frames = {"entities": existing["entities"], **proposal.rows}
    problems += [f"{_field(proposal, i.file, i.column)}: {i.reason}" for i in on_frames(entities_registered_on_date, frames, {n: n for n in frames})]
    return problems


def _key_taken(proposal: Proposal, name: str, frame: pl.DataFrame, existing: pl.DataFrame) -> list[str]:
    """A row whose key is more than its id (a capital expenditure: entity, month and project) must not take the key of
    a row the extract has."""
    key = list(BY_NAME[name].key)
    if key == [proposal.id_column(name)]:
        return []
    taken = frame.select(key).join(existing.select(key), on=key, how="semi")
    return [f"{_field(proposal, name, key[-1])}: a row for {', '.join(map(str, row))} is already in the {name} extract; name this one apart"
            for row in taken.iter_rows()]


def relied_on(proposal: Proposal) -> str:
    row = proposal.row
    match proposal.kind:
        case "asset_sale":
            exclusion = row.get("asset_sale_exclusion")
            return f"indenture-1996/def/AssetSale ({exclusion}) (not an Asset Sale)" if exclusion else "indenture-1996/4.14"
        case "letter_of_credit":
            # the 1994 revolver's issuance limits (ca1994_letter_of_credit_tests tests its letters of credit only)
            facility = row["facility_instrument_id"]
            return "ca-1994/2.1.3(b)" if facility == CA1994_REVOLVER else f"the letter of credit facility {facility}"
        case "capital_expenditure":
            return "ppca-2002/9.2.7"
        case "lien":
            # a Lien relying on no clause of 4.11(b) is permitted only if the Notes are equally and ratably secured
            clause = row["permitted_clause"]
            return "indenture-1996/4.11(a)" if clause == "none" else f"indenture-1996/{clause}"
        case "sale_leaseback":
            # one not designated is an Asset Sale (def/AssetSale), which 4.14 tests on an asset_sales row (R-I67)
            return "indenture-1996/def/RefinancingSaleAndLeasebackTransaction" if row["designated_as_rslt"] else "indenture-1996/4.14"
        case "affiliate_transaction":
            return f"indenture-1996/{row['exemption'] or '4.08(a)'}"
        case "guarantee":
            return "indenture-1996/4.10(c)"
        case "merger":
            # which of them governs depends on the entity's status that day; the results name the clauses that applied
            return "indenture-1996/11.01, 15.03 and 4.05"
        case "asset_transfer":
            return f"indenture-1996/4.12(b)({row['exemption_clause']})" if row["exemption_clause"] else "indenture-1996/4.12(a)"
        case "qal_investment":
            return "ppca-2002/def/PermittedQALInvestmentAmount"
        case "note_redemption":
            return "indenture-1996/3.01"
    return f"indenture-1996/{row['basket']}"


# A clause a proposal claims whose conditions a result other than the clause's own tests
TESTED_BY = {
    "indenture-1996/4.11(b)(viii)(a)": "indenture-1996/4.11(b)(i)",  # the Maximum Secured Amount counts (viii)(a) Liens
    "indenture-1996/4.12(b)(B)": "indenture-1996/4.12(a)",  # "to Subsidiary Guarantors": is the transferee one
}
# kinds whose relied-on clause is the Company's claim in the row (a Lien's 4.11(b) clause, a 4.08(b) or 4.12(b) exemption)
CLAIMING_KINDS = ("lien", "affiliate_transaction", "asset_transfer")


def untested_claim(proposal: Proposal, basis: str, results: list[Result]) -> str | None:
    """Why the clause the proposal claims is not confirmed, when no result tests it: the marts take a claimed 4.11(b)
    clause or 4.08(b) exemption as the Company's, and a run records it; a check must not permit on it (R-I66)."""
    if proposal.kind not in CLAIMING_KINDS:
        return None
    tested = {r.clause_id for r in results if r.status != "not_applicable"}
    if any(c == basis or c.startswith((basis + "(", basis + "-")) or c == TESTED_BY.get(basis) for c in tested):
        return None
    return f"{basis} is claimed for the transaction, and no covenant policy tests its conditions yet: the claim cannot be confirmed"


def decide(results: list[Result], basis: str, unconfirmed: str | None = None) -> tuple[str, str, list[str]]:
    """The answer, the clause or basket relied on (with any waiver that permits the proposal), and the reasons.
    `unconfirmed` says why the clause relied on is not confirmed by any result (`untested_claim`)."""
    if not results:
        return "cannot be confirmed", basis, [f"no covenant policy tests this transaction under {basis} yet"]
    reasons = [f"{r.clause_id}: {STATUS_WORDS[r.status]}: {r.explanation}" for r in results]
    if any(r.status == "fail" for r in results):
        return "not permitted", basis, reasons
    # a clause that does not apply to the transaction (a Subsidiary Guarantor merging into the Company is not tested by
    # 15.03(b)) neither permits nor forbids it: the clauses that apply decide, and when none does nothing was tested
    applying = [r for r in results if r.status != "not_applicable"]
    if applying and all(r.status in PERMITTED for r in applying) and unconfirmed is None:
        waivers = sorted({r.waiver_id for r in results if r.status == "waived"})
        return "permitted", basis + "".join(f", under {w}" for w in waivers), reasons
    return "cannot be confirmed", basis, reasons + ([unconfirmed] if unconfirmed else [])


def _own_frames(proposal: Proposal) -> Proposal:
    """The proposal with Polars frames of its own, for one thread: a frame used by two threads at once can deadlock the
    process (handing it to DuckDB takes the frame's lock while holding the interpreter's, which a thread reading the
    frame may be waiting for); it hung about one `covenants check` in a hundred. A clone shares the frame's data."""
    return replace(proposal, rows={name: frame.clone() for name, frame in proposal.rows.items()})


def check(prepared: Prepared, proposal: Proposal, file: str, trace: list[str]) -> CheckOutcome:
    """Closes the prepared database's connection."""
    con, policies, models = prepared.con, prepared.policies, prepared.models
    # One read-only attachment shared by three cursors: the reference checks, and the two passes in parallel (each in
    # its own schema). The Pandera and reference checks are not waited for first: a proposal is almost always well
    # formed, and a bad one is refused before any answer is given all the same (whatever it did to a pass is not
    # reported).
    try:
        # "before" reports the ratio and the baskets: it rebuilds only what leads to the ratio's marts and the ledgers
        ratios = replace(policies, covenants=tuple(c for c in policies.covenants if c.figure.clause_id == RATIO_FIGURE))
        marts, before_marts = targets(con, models, policies, proposal), targets(con, models, ratios, proposal)
        # each thread reads frames of its own, all made before the first thread starts
        for_schema, for_references, for_after, for_before = (_own_frames(proposal) for _ in range(4))
        before_rows = zeroed(for_before)
        with ThreadPoolExecutor(max_workers=4) as pool:
            schema = pool.submit(schema_problems, for_schema, file)
            references = pool.submit(reference_problems, con.cursor(), for_references)
            after_job = pool.submit(evaluate_pass, con.cursor(), "proposal_after", for_after.rows, for_after, policies, models, marts)
            before_job = pool.submit(evaluate_pass, con.cursor(), "proposal_before", before_rows, for_before, ratios, models, before_marts)
            problems = schema.result() + references.result()
            if problems:
                raise BadTransaction(file, problems)
            after, before = after_job.result(), before_job.result()
    finally:
        con.close()
    basis = relied_on(proposal)
    answer, basis, reasons = decide(after.results, basis, untested_claim(proposal, basis, after.results))
    trace = trace + [
        f"inserted {proposal.transaction_id} into " + ", ".join(f"raw_{n} ({len(f)} row{'s' if len(f) > 1 else ''})" for n, f in proposal.rows.items()),
        f"rebuilt {len(after.rebuilt)} SQL models downstream of them that lead to a mart that can hold the proposal: {', '.join(after.rebuilt)}",
        f"evaluated the covenant policies on the rebuilt marts; kept the {len(after.results)} transaction results of {proposal.transaction_id}",
        f"before: the coverage ratio's tests and the basket ledgers with the proposal's money set to zero ({len(before.rebuilt)} SQL models rebuilt)",
    ]
    ratio_clauses = frozenset(c.clause_id for c in ratios.covenants)
    return CheckOutcome(
        proposal=proposal, answer=answer, relied_on=basis, reasons=reasons, after=after, before=before, ratio_clauses=ratio_clauses, trace=trace
    )
