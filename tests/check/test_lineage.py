"""What `covenants check` skips, and that skipping changes no answer.

A check rebuilds only the models that lead to a mart able to hold the proposal (docs/check.md). Two declarations decide
what that is, and both are checked here on the prepared sample: each mart's `-- transactions of:` line (the extracts
whose keys its transaction_id holds), and the attestation subjects each model names. Then each of nineteen proposals is
answered by the check and, independently, by a run of the SQL models on the sample extracts with the proposal's
rows appended to the files: the results, the ratio before and the baskets must be the same. That run starts from a
copy of a database holding the sample's extracts and every SQL model built from them, reads again from its file each
extract the proposal adds rows to (typed, validated alone and across the extracts, as every run reads its files), and
rebuilds every model that reads one of those extracts, directly or through other models, by their declared
dependencies alone: neither of the check's two declarations narrows it. The other models are built from the same
tables by the same SQL, so they are the ones copied; that every table a model reads is among its declared dependencies
is held by DuckDB's own plans (tests/sql/test_sql_reading.py). The run "before" (the proposal's money set to zero)
starts in the same way from the run "after", whose extracts differ from its own in the proposal's extract only.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from pipelines.check.command import check_record, run_check
from pipelines.check.prepared import ATTACHED, Prepared, open_prepared
from pipelines.check.pro_forma import ATTESTATIONS, LEDGER_SUFFIX, basket_states, names_subjects, upstream
from pipelines.database import connect
from pipelines.extracts.contract import BY_NAME, EXTRACTS
from pipelines.extracts.ingest import ingest_all, table_name
from pipelines.layout import ROOT, SAMPLE_EXTRACTS_DIR
from pipelines.models.sql_models import SqlModel, build, build_all, discover
from pipelines.outputs.results_files import record
from pipelines.policy.evaluation import evaluate_all
from pipelines.quarter_end import load_sources

TRANSACTIONS = ROOT / "sample" / "transactions"


@pytest.fixture(scope="module")
def cache(prepared_cache) -> Path:
    """The module's cache folder, the sample's prepared database in it (tests/conftest.py)."""
    return prepared_cache


@pytest.fixture(scope="module")
def prepared(cache) -> Prepared:
    opened = open_prepared(SAMPLE_EXTRACTS_DIR, cache)
    yield opened
    opened.con.close()


def _may_hold_a_proposal(prepared: Prepared) -> list[str]:
    """Every mart a check may rebuild for its answer: covenants' marts, waiver conditions' marts and basket ledgers."""
    policies = prepared.policies
    marts = {c.figure.mart for c in policies.covenants}
    marts |= {c.figure.mart for w in policies.waivers for c in w.conditions if c.figure is not None}
    marts |= {m.name for m in prepared.models if m.name.endswith(LEDGER_SUFFIX)}
    return sorted(marts)


def test_every_mart_a_check_may_rebuild_declares_the_transactions_it_holds(prepared):
    by_name = {m.name: m for m in prepared.models}
    assert [name for name in _may_hold_a_proposal(prepared) if by_name[name].transactions_of is None] == []


def test_a_mart_declares_only_extracts_it_reads(prepared):
    wrong = []
    for model in prepared.models:
        reads = upstream(prepared.models, [model])
        for name in model.transactions_of or ():
            if name not in BY_NAME or f"raw_{name}" not in {d for m in prepared.models if m.name in reads for d in m.depends_on}:
                wrong.append((model.name, name))
    assert wrong == []


def test_a_transaction_id_that_is_an_extracts_key_comes_from_a_declared_extract(prepared):
    # ids a model makes up itself (`<instrument>/<month>`, `due-<date>`) are no extract's key and are not counted
    con = prepared.con.cursor()
    keys = {
        e.name: {v for (v,) in con.execute(f'select distinct "{e.key[0]}" from {ATTACHED}.main."raw_{e.name}"').fetchall()}
        for e in EXTRACTS
        if len(e.key) == 1
    }
    undeclared = {}
    for model in prepared.models:
        if model.transactions_of is None:
            continue
        held = {v for (v,) in con.execute(f'select distinct transaction_id from {ATTACHED}.main."{model.name}" where transaction_id is not null').fetchall()}
        for value in held:
            sources = {name for name, values in keys.items() if value in values}
            if sources and not sources & set(model.transactions_of):
                undeclared.setdefault(model.name, set()).update(sources)
    assert undeclared == {}
    # the sample exercises the declarations it checks: lien_tests holds both incurrences' and liens' keys
    held = {v for (v,) in con.execute(f"select distinct transaction_id from {ATTACHED}.main.lien_tests").fetchall()}
    assert held & keys["incurrences"] and held & keys["liens"]


def test_a_model_reading_attestations_reads_only_the_subjects_it_names(prepared):
    # Rebuilt with the attestations of its named subjects only, each model gives exactly its prepared rows: a subject
    # it read without naming it would change them (the sample has attestations of 81 subjects).
    con = prepared.con.cursor()
    database = con.execute("select current_database()").fetchall()[0][0]
    con.execute("create schema named_only")
    con.execute(f"use {database}.named_only")
    con.execute(f"set search_path = '{database}.named_only,{ATTACHED}.main'")
    readers = [m for m in prepared.models if ATTESTATIONS.intersection(m.depends_on) and m.name not in ATTESTATIONS]
    assert len(readers) > 30 and all(set(m.depends_on) & ATTESTATIONS == {"current_attestations"} for m in readers)
    differ = []
    for model in readers:
        subjects = sorted(names_subjects(model))
        assert subjects, f"{model.name} reads attestations and names no subject"
        con.execute(
            f"create or replace table current_attestations as from {ATTACHED}.main.current_attestations where subject in ?", [subjects]
        )
        build(con, model)
        (changed,) = con.execute(
            f'select count(*) from ((from "{model.name}" except all from {ATTACHED}.main."{model.name}") '
            f'union all (from {ATTACHED}.main."{model.name}" except all from "{model.name}"))'
        ).fetchall()[0]
        if changed:
            differ.append(model.name)
    assert differ == []


PROPOSALS = (
    # the sample's fourteen, one of each kind
    ("notes-1997-11.yaml", "1997-11-14", None),
    ("dividend-1999-10.yaml", "1999-10-15", None),
    ("investment-1998-06.yaml", "1998-06-15", None),
    ("asset-sale-2000-03.yaml", "2000-03-15", None),
    ("letter-of-credit-1999-02.yaml", "1999-02-01", None),
    ("capital-expenditure-2004-06.yaml", "2004-06-15", None),
    ("lien-2000-06.yaml", "2000-06-15", None),
    ("sale-leaseback-1999-02.yaml", "1999-02-01", None),
    ("affiliate-transaction-1999-10.yaml", "1999-10-15", None),
    ("guarantee-2000-06.yaml", "2000-06-15", None),
    ("merger-2000-06.yaml", "2000-06-30", None),
    ("asset-transfer-2001-06.yaml", "2001-06-15", None),
    ("qal-investment-2004-06.yaml", "2004-06-15", None),
    ("note-redemption-2003-10.yaml", "2003-10-20", None),
    # a 4.10(b)(ii) revolver drawing on the day of INC-1998-06-REV: the ledgers' same-day entries
    ("revolver", "1998-06-15", "kind: incurrence\ninstrument_id: CA1994-REVOLVER\namount: \"10000000.00\"\nbasket: 4.10(b)(ii)\n"),
    # Alpart under 4.10(b)(iii)(A): the Alpart proviso and the basket's ledger
    ("alpart", "1999-01-15", "kind: incurrence\ninstrument_id: ALPART-PROJECT\namount: \"10000000.00\"\nbasket: 4.10(b)(iii)(A)\n"),
    # a new secured instrument under 4.10(b)(xiii): liens' Maximum Secured Amount and the general debt basket
    (
        "secured",
        "1999-03-15",
        "kind: incurrence\ninstrument_id: NEW-SECURED\namount: \"8000000.00\"\nbasket: 4.10(b)(xiii)\n"
        "instrument: {obligor_entity_id: KACC, instrument_kind: term_loan, rate_kind: fixed, fixed_rate: \"0.09000000\", "
        "day_count: 30/360, maturity_date: 2004-03-15, is_subordinated: false, is_secured: true}\n",
    ),
    # a 4.09(b)(VIII) investment on the day of RP-1998-09-VEN and a preferred dividend
    (
        "general-basket",
        "1998-09-30",
        "kind: restricted_investment\npayer_entity_id: KACC\nrecipient_kind: other\namount: \"3000000.00\"\nbasket: 4.09(b)(VIII)\n",
    ),
    # an Investment in the Unrestricted Subsidiary KCP
    (
        "kcp",
        "1999-06-15",
        "kind: unrestricted_subsidiary_investment\npayer_entity_id: KACC\nrecipient_kind: unrestricted_subsidiary\n"
        "amount: \"2000000.00\"\nbasket: 4.09(a)\nunrestricted_subsidiary_id: KCP\n",
    ),
)


def _extracts_with(folder: Path, rows: dict[str, list[dict]]) -> Path:
    """A copy of the sample extracts with `rows` (text, as check.json gives them) appended to their files."""
    shutil.copytree(SAMPLE_EXTRACTS_DIR, folder)
    for name, added in rows.items():
        path = folder / f"{name}.csv"
        frame = pl.read_csv(path, infer_schema=False)
        pl.concat([frame, pl.DataFrame(added, schema={c: pl.String for c in frame.columns})]).write_csv(path)
    return folder


def _zeroed(rows: dict[str, list[dict]], extract: str) -> dict[str, list[dict]]:
    money = {c.name for c in BY_NAME[extract].columns if c.kind == "money"}
    return {**rows, extract: [{k: "0.00" if k in money and v is not None else v for k, v in r.items()} for r in rows[extract]]}


@pytest.fixture(scope="module")
def built(tmp_path_factory, prepared) -> Path:
    """A database file holding the sample's extracts as ingest_all leaves them, the policies' sources and every SQL
    model built from them, and nothing else."""
    path = tmp_path_factory.mktemp("built") / "built.duckdb"
    with connect(path) as con:
        assert ingest_all(con, SAMPLE_EXTRACTS_DIR) == []
        load_sources(con, prepared.policies)
        build_all(con)
    return path


def _reading(models: list[SqlModel], tables: set[str]) -> list[SqlModel]:
    """Every model that reads one of `tables`, directly or through other models, in build order."""
    reached, chosen = set(tables), []
    for model in models:  # in build order: a model's inputs come before it
        if reached.intersection(model.depends_on):
            reached.add(model.name)
            chosen.append(model)
    return chosen


def _full_run(start: Path, extracts: Path, changed: list[str], policies, transaction_id: str, on: date) -> tuple[list[dict], list[dict]]:
    """The results and baskets of a copy of the database `start`, every extract in `changed` read again from
    `extracts` and every model reading one of them rebuilt; the copy is left as `<extracts>.duckdb`."""
    database = extracts.parent / f"{extracts.name}.duckdb"
    shutil.copyfile(start, database)
    with connect(database) as con:
        assert ingest_all(con, extracts, [BY_NAME[name] for name in changed]) == []
        for model in _reading(discover(), {table_name(BY_NAME[name]) for name in changed}):
            build(con, model)
        results = [record(r) for r in evaluate_all(con, policies, as_of=on, transaction_id=transaction_id) if r.test_kind == "transaction"]
        return results, basket_states(con, transaction_id, on)


@pytest.mark.parametrize(("name", "on", "text"), PROPOSALS, ids=[p[0] for p in PROPOSALS])
def test_a_check_answers_as_a_full_run_with_the_proposal_in_the_extracts(prepared, cache, built, tmp_path, name, on, text):
    transaction = TRANSACTIONS / name
    if text is not None:
        transaction = tmp_path / f"{name}.yaml"
        transaction.write_text(text)
    on = date.fromisoformat(on)
    outcome = run_check(SAMPLE_EXTRACTS_DIR, on, transaction, cache)
    checked = check_record(outcome)
    assert checked["results"], "a proposal the check finds no test for proves nothing here"
    tid, extract = outcome.proposal.transaction_id, outcome.proposal.extract.name

    changed = sorted(checked["rows"])
    after = _full_run(built, _extracts_with(tmp_path / "after", checked["rows"]), changed, prepared.policies, tid, on)
    assert (checked["results"], outcome.after.baskets) == after
    # the extracts "before" differ from those "after" in the proposal's own extract only: the run "after" is its start
    before_extracts = _extracts_with(tmp_path / "before", _zeroed(checked["rows"], extract))
    before, baskets = _full_run(tmp_path / "after.duckdb", before_extracts, [extract], prepared.policies, tid, on)
    # "before" reports the coverage ratio and the baskets only
    assert (checked["results_before"], outcome.before.baskets) == ([r for r in before if r["clause_id"] in outcome.ratio_clauses], baskets)
    assert len(outcome.after.rebuilt) < 30  # and it did skip: there are 145 models
