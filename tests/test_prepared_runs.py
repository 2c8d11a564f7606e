"""A run over an extracts folder an earlier run prepared copies the database that run kept (pipelines/prepared_runs.py),
says so, reads again only the files changed since and builds again only the models that read them, and publishes the
very bytes a run that prepared everything afresh publishes; `--fresh` or a kept copy found damaged make it read and
build everything, other parameters build the models that read them. The runs read a copy of the sample's extracts,
which they change, and start from a cache folder that holds no database another module's run kept or check prepared."""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pytest
from dagster import DagsterEventType, DagsterInstance

from pipelines import prepared_runs
from pipelines.check.prepared import open_prepared
from pipelines.extracts.contract import BY_NAME, EXTRACTS
from pipelines.extracts.date_range import DateRange
from pipelines.extracts.ingest import BadExtracts, table_name
from pipelines.instance import project_instance
from pipelines.layout import CACHE_DIR, SAMPLE_EXTRACTS_DIR
from pipelines.models.sql_models import discover
from pipelines.prepared_runs import PREFIX, Taken, extract_files, keep, kept_path, runs_key, sources_digest, take
from pipelines.run_job import run_quarter_end

DATES = DateRange(date(1994, 1, 1), date(2006, 12, 31))
READ = "extracts: 38 extracts read, 31,665 rows, in"
TAKEN = "extracts: 38 extracts, 31,665 rows, as an earlier run read them from these same files, in"
BUILT = "models: 146 SQL models built in"
MODELS_TAKEN = "models: 146 SQL models as an earlier run built them from the same extracts and parameters, in"


@dataclass(frozen=True)
class Run:
    out: Path
    stages: list[str]  # the stage lines the run logged, without their seconds
    dagster_run_id: str
    built: list[str]  # the models built, by name


class _Stages(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@contextmanager
def _progress_lines() -> Iterator[list[str]]:
    """The progress lines (stages and items) logged within the block, whether it ends or raises."""
    handler = _Stages()
    loggers = [logging.getLogger("covenants.progress"), logging.getLogger("covenants.progress.items")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
    try:
        yield handler.lines
    finally:
        for logger, level in zip(loggers, levels):
            logger.removeHandler(handler)
            logger.setLevel(level)


def _run(extracts: Path, out: Path, instance: DagsterInstance, **options) -> Run:
    with _progress_lines() as lines:
        outcome = run_quarter_end(extracts, out, period="2003Q4", instance=instance, **options)
    stages = [line.rsplit(" in ", 1)[0] + " in" for line in lines if line.startswith(("extracts: 38 extracts", "models: 146 SQL models"))]
    built = [line.split(": ")[1] for line in lines if line.startswith("models: ") and line.endswith(" rows")]
    return Run(out, stages, outcome.dagster_run_id, built)


def _published(out: Path) -> dict[str, bytes]:
    """Every file the run published but its working database, by path under out."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file() and p.name != "covenants.duckdb"}


def _kept(extracts: Path) -> Path:
    """Where the database read from the files now in `extracts` is kept."""
    return kept_path(runs_key(_dates()), extract_files(extracts))


def _dates() -> DateRange:
    from pipelines.extracts.date_range import instruments_date_range

    return instruments_date_range()


@pytest.fixture(scope="module")
def instance() -> DagsterInstance:
    """The session's scratch instance (tests/conftest.py), as `covenants run` records its runs: its pooled event log
    stores a run's events in a third less time than Dagster's ephemeral instance."""
    return project_instance()


@pytest.fixture(scope="module")
def extracts(tmp_path_factory) -> Path:
    return Path(shutil.copytree(SAMPLE_EXTRACTS_DIR, tmp_path_factory.mktemp("prepared-runs") / "extracts"))


@pytest.fixture(scope="module")
def no_kept_database() -> None:
    """This process's cache folder without the databases other modules' runs kept and checks prepared, which hold the
    sample's files too (a process runs one module at a time)."""
    for path in [*CACHE_DIR.glob(f"{PREFIX}*"), *CACHE_DIR.glob("prepared-*")]:
        path.unlink()


@pytest.fixture(scope="module")
def first(no_kept_database, extracts, instance, tmp_path_factory) -> Run:
    """The first run over the copy: nothing kept for its files yet."""
    assert not _kept(extracts).exists()
    return _run(extracts, tmp_path_factory.mktemp("first") / "out", instance)


@pytest.fixture(scope="module")
def second(first, extracts, instance, tmp_path_factory) -> Run:
    return _run(extracts, tmp_path_factory.mktemp("second") / "out", instance)


def test_the_first_run_reads_builds_and_keeps_its_database(first, extracts):
    assert first.stages == [READ, BUILT] and len(first.built) == 146
    kept = _kept(extracts)
    assert kept.exists() and json.loads(kept.with_name(kept.name + ".json").read_text())["files"] == extract_files(extracts)


def test_a_run_over_the_same_files_takes_it_and_says_so(second):
    assert second.stages == [TAKEN, MODELS_TAKEN]


def test_it_publishes_the_very_bytes_of_the_run_that_prepared_them(first, second):
    before, after = _published(first.out), _published(second.out)
    assert sorted(after) == sorted(before) and len(before) > 15
    assert [name for name in before if before[name] != after[name]] == []


def test_its_database_holds_what_the_first_built(first, second):
    tables = "select table_name from duckdb_tables() where schema_name = 'main' order by 1"
    with duckdb.connect(str(first.out / "covenants.duckdb"), read_only=True) as a, duckdb.connect(str(second.out / "covenants.duckdb"), read_only=True) as b:
        assert a.execute(tables).fetchall() == b.execute(tables).fetchall()
        assert a.execute("select * from minimum_ebitda_tests order by all").fetchall() == b.execute("select * from minimum_ebitda_tests order by all").fetchall()
        assert a.execute("select * from raw_trial_balances order by _row").fetchall() == b.execute("select * from raw_trial_balances order by _row").fetchall()


def test_a_check_after_it_starts_from_the_database_the_run_kept(first, extracts, tmp_path):
    taken = open_prepared(extracts, CACHE_DIR)  # the cache folder the run kept its database in
    afresh = open_prepared(extracts, tmp_path / "cache")  # one where no run kept anything
    kept_by_a_run = "select count(*) from duckdb_tables() where database_name = 'prepared' and schema_name = 'prepared_run' and table_name = 'files'"
    assert (taken.cached, afresh.cached) == (False, False)
    assert (taken.con.execute(kept_by_a_run).fetchone()[0], afresh.con.execute(kept_by_a_run).fetchone()[0]) == (1, 0)
    marts = [m.name for m in discover() if m.layer == "marts"]
    rows = lambda prepared, mart: prepared.con.execute(f"select * from prepared.{mart} order by all").fetchall()  # noqa: E731
    assert [mart for mart in marts if rows(taken, mart) != rows(afresh, mart)] == []
    taken.con.close(), afresh.con.close()


def _materializations(instance: DagsterInstance, run_id: str) -> dict[str, dict]:
    found = {}
    for entry in instance.all_logs(run_id, of_type=DagsterEventType.ASSET_MATERIALIZATION):
        materialization = entry.dagster_event.event_specific_data.materialization
        found[materialization.asset_key.to_user_string()] = {k: v.value for k, v in materialization.metadata.items()}
    return found


def _extract_set_checks(instance: DagsterInstance, run_id: str) -> dict[str, bool]:
    evaluations = [e.dagster_event.event_specific_data for e in instance.all_logs(run_id, of_type=DagsterEventType.ASSET_CHECK_EVALUATION)]
    return {e.check_name: e.passed for e in evaluations if e.asset_key.to_user_string() == "extract_set"}


def test_the_dagster_run_records_every_asset_and_where_its_database_came_from(first, second, instance, extracts):
    before, after = _materializations(instance, first.dagster_run_id), _materializations(instance, second.dagster_run_id)
    assert sorted(after) == sorted(before)
    assert len([m for m in discover() if m.name in after]) == 146
    assert {k: v.get("dagster/row_count") for k, v in after.items()} == {k: v.get("dagster/row_count") for k, v in before.items()}
    assert after["raw_trial_balances"]["sha256"] == before["raw_trial_balances"]["sha256"]
    assert "prepared_by_an_earlier_run" not in before["extract_set"]
    # each extract taken from the kept database links to the run that read and validated its file: the first
    assert {after[f"raw_{e.name}"]["read_and_validated_in_run"] for e in EXTRACTS} == {first.dagster_run_id}
    assert not any("read_and_validated_in_run" in before[f"raw_{e.name}"] for e in EXTRACTS)
    # and each model to the run that built it
    assert {after[m.name]["built_in_run"] for m in discover()} == {first.dagster_run_id}
    assert not any("built_in_run" in before[m.name] for m in discover())
    assert after["extract_set"]["prepared_by_an_earlier_run"] == str(_kept(extracts))
    assert after["extract_set"]["prepared_in_run"] == first.dagster_run_id and "prepared_in_run" not in before["extract_set"]
    # one check per family of rules, each passed, as in the run that read the files
    assert _extract_set_checks(instance, second.dagster_run_id) == _extract_set_checks(instance, first.dagster_run_id)
    assert list(_extract_set_checks(instance, second.dagster_run_id).values()) == [True] * 8


def test_a_scenario_s_run_takes_it_reads_what_the_scenario_changed_and_keeps_nothing(first, extracts, instance, tmp_path):
    # issuing notes under 4.10(a) in November 1997: the scenario adds rows to three extracts of its own copy of the
    # files and leaves the others byte for byte as the first run read them
    scenario = SAMPLE_EXTRACTS_DIR.parent / "scenarios" / "issue-notes-1997-11.yaml"
    kept = sorted(CACHE_DIR.glob(f"{PREFIX}*"))
    run = _run(extracts, tmp_path / "out", instance, scenario=scenario)
    assert run.stages == [
        "extracts: 38 extracts, 31,668 rows: 3 read again (debt_instruments, incurrences, attestations), the others as an "
        "earlier run read them from the same files, in",
        f"models: 146 SQL models: {len(run.built)} built, the others as an earlier run built them from the same inputs, in",
    ]
    assert {"stg_debt_instruments", "indebtedness", "pro_forma_indebtedness"} <= set(run.built) and "stg_trial_balances" not in run.built
    assert sorted(CACHE_DIR.glob(f"{PREFIX}*")) == kept
    fresh = _run(extracts, tmp_path / "fresh", instance, scenario=scenario, fresh=True)
    assert len(fresh.built) == 146
    assert _published(run.out) == _published(fresh.out) and "scenario.json" in _published(run.out)
    assert _tables(run.out) == _tables(fresh.out)


@pytest.fixture(scope="module")
def fresh_under_other_rules(second, extracts, instance, tmp_path_factory) -> Run:
    """A run with --fresh under the agreements as they stood before the Sixth Amendment (other dated parameters)."""
    return _run(extracts, tmp_path_factory.mktemp("fresh") / "out", instance, fresh=True, rules_as_of=date(2003, 7, 31))


def test_fresh_reads_and_builds_even_so(fresh_under_other_rules):
    assert fresh_under_other_rules.stages == [READ, BUILT]


def test_other_parameters_take_the_extracts_and_build_the_models_that_read_them(fresh_under_other_rules, first, extracts, instance, tmp_path):
    # the database kept last was built from the parameters as they stood on July 31, 2003; this run reads them as they are
    run = _run(extracts, tmp_path / "out", instance)
    assert run.stages == [TAKEN, f"models: 146 SQL models: {len(run.built)} built, the others as an earlier run built them from the same inputs, in"]
    # what reads the dated parameters is built again (the minimum EBITDA table changed with the Sixth Amendment); the
    # staging of the trial balances reads none
    assert {"minimum_ebitda_tests", "ppca_borrowing_base"} <= set(run.built) and "stg_trial_balances" not in run.built
    assert _published(run.out) == _published(first.out)


def test_a_kept_copy_found_damaged_is_removed_and_the_run_prepares_afresh(fresh_under_other_rules, first, extracts, instance, tmp_path):
    kept = _kept(extracts)
    with kept.open("r+b") as file:  # one byte of a page changed, the size as it was
        file.seek(kept.stat().st_size // 2)
        byte = file.read(1)
        file.seek(-1, 1)
        file.write(bytes([byte[0] ^ 0xFF]))
    run = _run(extracts, tmp_path / "out", instance)
    assert run.stages == [READ, BUILT]
    assert _published(run.out) == _published(first.out)
    assert prepared_runs._copy(kept, tmp_path / "copy") == json.loads(kept.with_name(kept.name + ".json").read_text())["sha256"]  # kept anew


def test_refused_extracts_keep_nothing(extracts, instance, tmp_path):
    bad = Path(shutil.copytree(extracts, tmp_path / "bad"))
    text = (bad / "trial_balances.csv").read_text()
    (bad / "trial_balances.csv").write_text(text.replace("KACC,2003-12-31,1000,,95335464.19", "KACC,2003-12-31,1000,,ninety"))
    with pytest.raises(BadExtracts):
        run_quarter_end(bad, tmp_path / "out", period="2003Q4", instance=instance)
    assert not _kept(bad).exists()


def test_a_run_after_one_file_changed_reads_it_again_and_builds_what_reads_it(first, fresh_under_other_rules, extracts, instance, tmp_path):
    # tonight's export, in a folder of its own: the first quarterly dividend on the Preferred Stock one cent higher (a
    # restricted payment under 4.09(b)(VI)), every other file as the runs above read it
    tonight = Path(shutil.copytree(extracts, tmp_path / "tonight"))
    payments = tonight / "restricted_payments.csv"
    text = payments.read_text()
    assert text.count("RP-1996-03-PFD,1996-03-31,KACC,dividend,public,7218.75,") == 1
    payments.write_text(text.replace("RP-1996-03-PFD,1996-03-31,KACC,dividend,public,7218.75,", "RP-1996-03-PFD,1996-03-31,KACC,dividend,public,7218.76,"))
    run = _run(tonight, tmp_path / "out", instance)
    assert run.stages == [
        "extracts: 38 extracts, 31,665 rows: 1 read again (restricted_payments), the others as an earlier run read them from the same files, in",
        f"models: 146 SQL models: {len(run.built)} built, the others as an earlier run built them from the same inputs, in",
    ]
    # the payments' staging model and the 4.09 basket that adds them up are built again; nothing about EBITDA or the
    # trial balances reads them
    assert {"stg_restricted_payments", "restricted_payment_items", "restricted_payment_basket_ledger", "restricted_payment_tests"} <= set(run.built)
    assert {"stg_trial_balances", "minimum_ebitda_tests", "ppca_ebitda"}.isdisjoint(run.built) and len(run.built) < 146
    # the payments link to no earlier run (this one read them); every other extract to the one that read its file
    read_in = {k: v.get("read_and_validated_in_run") for k, v in _materializations(instance, run.dagster_run_id).items() if k.startswith("raw_")}
    assert read_in.pop("raw_restricted_payments") is None and None not in read_in.values() and run.dagster_run_id not in read_in.values()
    assert len(set(read_in.values())) == 1  # the run that kept the database this one took
    # the models built again link to no earlier run; every other model to the run that built it
    built_in = {m.name: _materializations(instance, run.dagster_run_id)[m.name].get("built_in_run") for m in discover()}
    assert {name for name, by in built_in.items() if by is None} == set(run.built)
    assert {by for by in built_in.values() if by is not None} == set(read_in.values())
    fresh = _run(tonight, tmp_path / "fresh", instance, fresh=True)
    assert len(fresh.built) == 146
    assert _published(run.out) == _published(fresh.out)
    # every table of the database the same as the fresh run's, row for row; the payments' items not the first run's
    tables = _tables(run.out)
    assert tables == _tables(fresh.out)
    assert tables["restricted_payment_items"] != _tables(first.out)["restricted_payment_items"]


def test_a_file_read_again_is_checked_against_the_files_taken_with_the_kept_database(first, extracts, instance, tmp_path):
    # tonight's chart of accounts without cash (account 1000): the trial balances, taken as the first run read them,
    # name it on 2,268 rows, which the checks across extracts find as in a run that reads everything
    tonight = Path(shutil.copytree(extracts, tmp_path / "tonight"))
    chart = tonight / "chart_of_accounts.csv"
    chart.write_text(chart.read_text().replace("1000,Cash and cash equivalents,balance_sheet,cash\n", ""))
    with _progress_lines() as lines, pytest.raises(BadExtracts) as refused:
        _run(tonight, tmp_path / "out", instance)
    read = [line.split(": ")[1] for line in lines if line.startswith("extracts: ") and line.endswith(" rows")]
    assert read == ["chart_of_accounts"]  # the others taken from the kept database
    found = {(i.file, i.column, i.value, i.reason) for i in refused.value.issues}
    assert found == {("trial_balances.csv", "account_id", "1000", "not found in chart_of_accounts (account_id)")}
    assert len(refused.value.issues) == 2268 and not (tmp_path / "out").exists()


def test_a_check_after_a_file_changed_prepares_what_changed_as_a_check_afresh(extracts, tmp_path):
    # after the runs above kept their databases: the same payment two cents higher, seen by a check first
    payments = extracts / "restricted_payments.csv"
    payments.write_text(payments.read_text().replace(",public,7218.75,", ",public,7218.77,", 1))
    taken, afresh = open_prepared(extracts, CACHE_DIR), open_prepared(extracts, tmp_path / "cache")
    rows = lambda prepared, table: prepared.con.execute(f"select * from prepared.{table} order by all").fetchall()  # noqa: E731
    tables = [*(table_name(e) for e in EXTRACTS), *(m.name for m in discover())]
    assert [table for table in tables if rows(taken, table) != rows(afresh, table)] == []
    amount = "select amount from prepared.raw_restricted_payments where transaction_id = 'RP-1996-03-PFD'"
    assert taken.con.execute(amount).fetchall() == [(Decimal("7218.77"),)]
    taken.con.close(), afresh.con.close()


def _tables(out: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(out / "covenants.duckdb"), read_only=True) as con:
        names = [name for (name,) in con.execute("select table_name from duckdb_tables() where schema_name = 'main' and table_name != 'quarantine'").fetchall()]
        return {name: con.execute(f"select * from {name} order by all").fetchall() for name in names}


# ------------------------------------------------------------------------------------------------ the key and the copy


def test_the_key_is_the_dates_and_the_code_and_each_file_is_its_name_and_bytes(extracts, tmp_path):
    other = Path(shutil.copytree(extracts, tmp_path / "other"))
    files = extract_files(other)
    assert files == extract_files(extracts)  # the same bytes elsewhere: the database records no folder
    assert runs_key(DATES) == runs_key(DATES) != runs_key(DateRange(date(1994, 1, 1), date(2007, 12, 31)))
    entities = other / "entities.csv"
    entities.write_text(entities.read_text() + "\n")
    changed = extract_files(other)
    assert {name for name in files if changed[name] != files[name]} == {"entities"}
    assert changed["entities"].startswith("entities.csv ") and len(changed["entities"]) == len("entities.csv ") + 64
    entities.unlink()
    assert extract_files(other) is None


def _sources_alone(database: Path) -> duckdb.DuckDBPyConnection:
    """A database holding the two tables the models read besides the extracts, one row each."""
    con = duckdb.connect(str(database))
    con.execute("create table policy_parameters as select 1 as value")
    con.execute("create table business_days as select date '2003-12-31' as day")
    return con


ANY_FILES = {e.name: f"{e.name}.csv {'0' * 64}" for e in EXTRACTS}


def test_nothing_kept_gives_nothing(tmp_path):
    assert take("0" * 32, tmp_path / "run.duckdb", ANY_FILES, tmp_path / "cache") is None
    assert not (tmp_path / "run.duckdb").exists()


def test_a_copy_whose_bytes_are_not_those_recorded_is_removed_with_the_kept_file(tmp_path):
    cache = tmp_path / "cache"
    database = tmp_path / "made.duckdb"
    with _sources_alone(database) as con:
        keep(con, database, "a" * 32, ANY_FILES, "run-a", [], cache)
    kept = kept_path("a" * 32, ANY_FILES, cache)
    assert take("a" * 32, tmp_path / "taken.duckdb", ANY_FILES, cache) == Taken(kept, (), dict.fromkeys(ANY_FILES, "run-a"), "run-a")
    but_liens = dict.fromkeys([name for name in ANY_FILES if name != "liens"], "run-a")
    assert take("a" * 32, tmp_path / "taken2.duckdb", ANY_FILES | {"liens": f"liens.csv {'1' * 64}"}, cache) == Taken(kept, (BY_NAME["liens"],), but_liens, "run-a")
    assert take("b" * 32, tmp_path / "other-key.duckdb", ANY_FILES, cache) is None  # other dates or code
    sidecar = kept.with_name(kept.name + ".json")
    sidecar.write_text(json.dumps({**json.loads(sidecar.read_text()), "sha256": "0" * 64}))  # as though the file changed since
    assert take("a" * 32, tmp_path / "again.duckdb", ANY_FILES, cache) is None
    assert not kept.exists() and not (tmp_path / "again.duckdb").exists()


def test_the_kept_database_holding_most_of_the_files_is_taken(tmp_path):
    cache = tmp_path / "cache"
    database = tmp_path / "made.duckdb"
    other = {name: f"{name}.csv {'2' * 64}" for name in ANY_FILES}
    with _sources_alone(database) as con:
        keep(con, database, "a" * 32, ANY_FILES, "run-a", [], cache)
        keep(con, database, "a" * 32, other, "run-b", [], cache)
    mostly_other = other | {"entities": ANY_FILES["entities"], "liens": ANY_FILES["liens"]}
    others_read_in = dict.fromkeys([name for name in ANY_FILES if name not in ("entities", "liens")], "run-b")
    assert take("a" * 32, tmp_path / "t1.duckdb", mostly_other, cache) == Taken(kept_path("a" * 32, other, cache), (BY_NAME["entities"], BY_NAME["liens"]), others_read_in, "run-b")
    assert take("a" * 32, tmp_path / "t2.duckdb", {name: f"{name}.csv {'3' * 64}" for name in ANY_FILES}, cache) is None
    assert not (tmp_path / "t2.duckdb").exists()


def test_the_two_last_kept_stay(tmp_path):
    cache = tmp_path / "cache"
    database = tmp_path / "made.duckdb"
    with _sources_alone(database) as con:
        for key in ("a", "b", "c"):
            keep(con, database, key * 32, ANY_FILES, f"run-{key}", [], cache)
    assert sorted(cache.glob(f"{PREFIX}*.duckdb")) == [kept_path("b" * 32, ANY_FILES, cache), kept_path("c" * 32, ANY_FILES, cache)]


def test_the_sources_digest_follows_a_value_not_the_order_of_rows():
    con = duckdb.connect()
    con.execute("create table policy_parameters as select * from (values ('a', '1.5'), ('b', '2')) t(name, value)")
    con.execute("create table business_days as select date '2003-12-31' as day")
    digest = sources_digest(con)
    con.execute("create or replace table policy_parameters as select * from (values ('b', '2'), ('a', '1.5')) t(name, value)")
    assert sources_digest(con) == digest
    con.execute("create or replace table policy_parameters as select * from (values ('b', '2'), ('a', '1.50')) t(name, value)")
    assert sources_digest(con) != digest


def test_what_a_kept_database_records_is_read_back(tmp_path):
    database = tmp_path / "made.duckdb"
    with _sources_alone(database) as con:
        assert prepared_runs.built_from(con) is None
        keep(con, database, "d" * 32, ANY_FILES, "run-d", ["policy_parameters", "business_days"], tmp_path / "cache")
        assert prepared_runs.built_from(con) == sources_digest(con)
        # kept again by a run that read the liens again: the others are still those the first run read
        keep(con, database, "d" * 32, ANY_FILES | {"liens": f"liens.csv {'1' * 64}"}, "run-e", ["business_days"], tmp_path / "cache")
        read_in = dict(con.execute(f"select extract, read_in_run from {prepared_runs.FILES}").fetchall())
        assert read_in == {**dict.fromkeys(ANY_FILES, "run-d"), "liens": "run-e"}
        assert prepared_runs.built_in(con) == {"policy_parameters": "run-d", "business_days": "run-e"}
    assert json.dumps(prepared_runs.row_counts(duckdb.connect(str(database), read_only=True), ["policy_parameters", "business_days"])) == '{"policy_parameters": 1, "business_days": 1}'


def test_what_a_run_killed_while_keeping_left_is_removed_by_the_next_to_keep(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    dead = _finished_pid()
    left = [cache / f".{PREFIX}{'e' * 32}.duckdb.{dead}", cache / f".{PREFIX}{'e' * 32}.duckdb.{dead}.json"]
    alive = cache / f".{PREFIX}{'f' * 32}.duckdb.1"  # process 1 runs as long as the machine does
    for path in [*left, alive]:
        path.write_bytes(b"half copied")
    database = tmp_path / "made.duckdb"
    with _sources_alone(database) as con:
        keep(con, database, "g" * 32, ANY_FILES, "run-g", [], cache)
    assert [p.exists() for p in left] == [False, False] and alive.exists()


def _finished_pid() -> int:
    """The process id of a process that has ended."""
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid
