"""The hostile corpus: proposal files as people send them, check dates the extracts cannot answer for, and policy
files that try to change an answer unseen. Each is refused with exit 2 (a proposal or a date) or 3 (a policy file),
in one clear message naming the field or the file, with nothing issued and the extracts untouched."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from snapshots import snapshot

from pipelines.layout import POLICIES_DIR, SAMPLE_EXTRACTS_DIR

DIVIDEND = """\
kind: restricted_payment
transaction_id: PROPOSED-DIV
payer_entity_id: KACC
payment_kind: dividend
recipient_kind: kac
amount: "5000000.00"
basket: 4.09(a)
"""
DIVIDEND_JSON = yaml.safe_load(DIVIDEND)
# nine nested aliases of nine items each: 9^9 = 387,420,489 strings for whoever walks the result
BILLION_LAUGHS = 'lol0: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
    f"lol{n}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n" for n, (previous, name) in enumerate(zip("abcdefgh", "bcdefghi"), start=1)
)
COVENANT = "indenture-1996/covenants/4.10-a.yaml"
LAG = "indenture-1996/parameters/financial_information_available_lag_days.yaml"




@pytest.fixture(scope="module", autouse=True)
def lineage_traced() -> None:
    """The SQL models' column lineage traced before the first command: a command that traces it says so on a line of
    its own, which is not the one line of a refusal."""
    import pipelines.definitions  # noqa: F401


@pytest.fixture(scope="module")
def cache(prepared_cache) -> Path:
    """The module's cache folder, the sample's prepared database in it (tests/conftest.py)."""
    return prepared_cache


@pytest.fixture(scope="module")
def extracts_before() -> dict[str, bytes]:
    return snapshot(SAMPLE_EXTRACTS_DIR)


def check(invoke, cache: Path, tmp_path: Path, transaction: Path, on: str = "1999-10-15"):
    return invoke("check", "--extracts", SAMPLE_EXTRACTS_DIR, "--date", on, "--transaction", transaction, "--cache", cache, "--out", tmp_path / "out")


def refused_proposal(invoke, cache: Path, tmp_path: Path, name: str, content: str | bytes, extracts_before: dict) -> str:
    """Check a proposal file holding `content`: exit 2, nothing written, the extracts intact; the one problem line."""
    transaction = tmp_path / name
    transaction.write_bytes(content if isinstance(content, bytes) else content.encode())
    result = check(invoke, cache, tmp_path, transaction)
    assert result.code == 2, result.err
    assert result.out == "" and not (tmp_path / "out").exists()
    assert snapshot(SAMPLE_EXTRACTS_DIR) == extracts_before
    header, *problems = result.err.strip().splitlines()
    assert header == f"covenants: the transaction file {transaction} was refused:"
    assert len(problems) == 1, problems
    return problems[0].strip()


# ---- proposal files as people send them

KINDS_LISTED = (
    "field kind: must be one of incurrence, restricted_payment, restricted_investment, unrestricted_subsidiary_investment, "
    "asset_sale, letter_of_credit, capital_expenditure, lien, sale_leaseback, affiliate_transaction, guarantee, merger, "
    "asset_transfer, qal_investment, note_redemption "
)


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.yaml", "", "the file is empty"),
        ("blank.json", " \n\n", "the file is empty"),
        ("scan.yaml", b"%PDF-1.4\n\xe2\xe3\xcf\xd3\n1 0 obj\n", "not UTF-8 text (byte 10): is it the YAML or JSON file?"),
        ("list.yaml", "- kind: restricted_payment\n  amount: '5000000.00'\n", "must be a mapping of field names to values, not a list"),
        ("number.json", "5000000.00", "must be a mapping of field names to values, not a single value"),
        ("id.yaml", DIVIDEND.replace("transaction_id: PROPOSED-DIV", "transaction_id: 20031117"), "field transaction_id: Input should be a valid string (got 20031117)"),
        ("entity.yaml", DIVIDEND.replace("payer_entity_id: KACC", "payer_entity_id: yes"), "field payer_entity_id: Input should be a valid string (got True)"),
        ("unquoted.yaml", DIVIDEND.replace('"5000000.00"', "1.0e+400"), 'field amount: must be a quoted decimal string such as "50000000.00", not float inf'),
        ("huge.yaml", DIVIDEND.replace('"5000000.00"', '"' + "9" * 40 + '.00"'), f"field amount: not an amount in dollars with at most two decimal places (value '{'9' * 40}.00')"),
        ("huge.json", json.dumps(DIVIDEND_JSON).replace('"5000000.00"', "9" * 5000), "not valid JSON: a number of 5000 digits cannot be read"),
        ("slashes.yaml", DIVIDEND + "declared_on: 10/13/1999\n", "field declared_on: must be a date in YYYY-MM-DD form (got '10/13/1999')"),
        ("words.yaml", DIVIDEND + "declared_on: 13 October 1999\n", "field declared_on: must be a date in YYYY-MM-DD form (got '13 October 1999')"),
        ("time.yaml", DIVIDEND + "declared_on: 1999-10-13 09:30:00\n", "field declared_on: must be a date in YYYY-MM-DD form, without a time (got 1999-10-13 09:30:00)"),
        ("february.yaml", DIVIDEND + "declared_on: 1999-02-30\n", "not valid YAML: line 8, column 14: '1999-02-30' cannot be read: day is out of range for month"),
        ("nan.json", json.dumps({**DIVIDEND_JSON, "amount": float("nan")}), 'field amount: must be a quoted decimal string such as "50000000.00", not float nan'),
        ("infinity.json", json.dumps({**DIVIDEND_JSON, "amount": float("inf")}), 'field amount: must be a quoted decimal string such as "50000000.00", not float inf'),
        ("kind.yaml", DIVIDEND.replace("kind: restricted_payment", "kind: loan"),
         KINDS_LISTED + "(got 'loan')"),
        ("kinds.yaml", DIVIDEND.replace("kind: restricted_payment", "kind: [incurrence, asset_sale]"),
         KINDS_LISTED + "(got ['incurrence', 'asset_sale'])"),
        ("deep.json", "[" * 30_000 + "]" * 30_000, "not valid JSON: nested more than 32 levels deep"),
        # the mapping is the first level, the 32nd bracket (column 14 + 32) the 33rd
        ("deep.yaml", "attestations: " + "[" * 30_000 + "]" * 30_000, "not valid YAML: line 1, column 46: nested more than 32 levels deep"),
        ("twice.yaml", DIVIDEND + 'amount: "1.00"\n', "not valid YAML: line 8, column 1: the key 'amount' is given twice (lines 6 and 8)"),
        ("twice.json", json.dumps(DIVIDEND_JSON)[:-1] + ', "amount": "1.00"}', "not valid JSON: the key 'amount' is given twice"),
        ("laughs.yaml", BILLION_LAUGHS, "not valid YAML: line 1, column 7: anchors and aliases (&, *) are not accepted: write each value out"),
        ("merge.yaml", DIVIDEND + "instrument: {<<: {obligor_entity_id: KACC}}\n", "not valid YAML: line 8, column 14: merge keys (<<) are not accepted: write each key out"),
        ("code.yaml", DIVIDEND + "description: !!python/object/apply:os.system ['touch owned']\n",
         "not valid YAML: line 8, column 14: tags such as !!python/object/apply:os.system are not accepted: give plain values"),
    ],
)
def test_a_proposal_file_as_people_send_it_is_refused_in_one_line(invoke, cache, tmp_path, extracts_before, name, content, problem):
    assert refused_proposal(invoke, cache, tmp_path, name, content, extracts_before) == problem


def test_a_file_that_is_not_there_is_refused(invoke, cache, tmp_path):
    result = check(invoke, cache, tmp_path, tmp_path / "missing.yaml")
    assert (result.code, result.err.splitlines()[1:]) == (2, ["  no such file"])


def test_a_folder_is_refused(invoke, cache, tmp_path):
    (tmp_path / "proposal.yaml").mkdir()
    result = check(invoke, cache, tmp_path, tmp_path / "proposal.yaml")
    assert (result.code, result.err.splitlines()[1:]) == (2, ["  is a folder, not a file"])


def test_a_file_of_more_than_64_kib_is_refused_unread(invoke, cache, tmp_path, extracts_before):
    # PyYAML builds a mapping of 90,000 keys (1 MB) in several seconds: a transaction file needs a few kilobytes
    content = DIVIDEND + "".join(f"k{n}: 1\n" for n in range(8_000))  # 71,046 bytes
    problem = refused_proposal(invoke, cache, tmp_path, "large.yaml", content, extracts_before)
    assert problem == "larger than 65,536 bytes: a transaction file holds one transaction"


# ---- dates the extracts can answer for: trial balances 1996Q1 to 2004Q4, financial information available 45 days
# after a quarter's end (the sample's financial_statements gives no day for 1996Q4 or 2005Q1), so 1996Q4 + 45 days + 1
# = 1997-02-15 to 2005Q1 + 45 days = 2005-05-15 (docs/check.md)


@pytest.mark.parametrize(
    ("on", "edge", "quarters"),
    [
        ("1997-02-14", "before the first date the extracts can answer for (1997-02-15)", "1995Q4 to 1996Q3"),
        ("2005-05-16", "after the last date the extracts can answer for (2005-05-15)", "2004Q2 to 2005Q1"),
        ("2026-12-06", "after the last date the extracts can answer for (2005-05-15)", "2025Q4 to 2026Q3"),
    ],
)
def test_a_date_outside_what_the_extracts_answer_for_is_refused_saying_why(invoke, cache, tmp_path, on, edge, quarters):
    (tmp_path / "dividend.yaml").write_text(DIVIDEND)
    result = check(invoke, cache, tmp_path, tmp_path / "dividend.yaml", on=on)
    assert result.code == 2 and result.out == "" and not (tmp_path / "out").exists()
    assert result.err == (
        f"covenants: --date {on} is {edge}: on that date the agreements test the fiscal quarters {quarters} (financial "
        "information is available on the day the financial statements extract records, else 45 days after a quarter's "
        "end), and the trial balances cover 1996Q1 to 2004Q4; nothing was checked.\n"
    )


@pytest.mark.parametrize("on", ["1997-02-15", "2005-05-15"])
def test_the_first_and_last_dates_the_extracts_answer_for_are_checked(invoke, cache, tmp_path, on):
    (tmp_path / "dividend.yaml").write_text(DIVIDEND)
    result = check(invoke, cache, tmp_path, tmp_path / "dividend.yaml", on=on)
    assert result.code == 0, result.err
    record = json.loads((tmp_path / "out" / "check.json").read_text())
    assert (record["date"], record["transaction_id"]) == (on, "PROPOSED-DIV")
    assert record["answer"] in ("permitted", "not permitted", "cannot be confirmed")


# ---- policy files: a copy of policies/ in tmp, pointed at where the loader reads it


@pytest.fixture
def policies(tmp_path, monkeypatch) -> Path:
    tree = Path(shutil.copytree(POLICIES_DIR, tmp_path / "policies"))
    monkeypatch.setattr("pipelines.policy.loading.POLICIES_DIR", tree)
    monkeypatch.setattr("pipelines.calendar.business_days.CLOSURES_FILE", tree / "business_day_closures.yaml")
    return tree


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text() + text)


def refused_policy(invoke, tmp_path: Path, *command: str) -> str:
    """`covenants run` (or `command`) on the sample: exit 3, one line, nothing issued; that line."""
    out = tmp_path / "out"
    result = invoke(*(command or ("run", "--extracts", SAMPLE_EXTRACTS_DIR, "--out", out, "--period", "2003Q4")))
    assert result.code == 3, result.err
    assert result.out == "" and not out.exists()
    assert result.err.count("\n") == 1, result.err
    return result.err.strip()


def test_a_key_given_twice_in_a_policy_file_is_refused_naming_file_key_and_lines(invoke, tmp_path, policies):
    # the later value would otherwise win silently: here a 4.10(a) test by another figure
    append(policies / COVENANT, "kind: restricted_payment\n")
    line = refused_policy(invoke, tmp_path)
    assert line.startswith(f"covenants: invalid policy: {policies / COVENANT}: not valid YAML: line ")
    assert "the key 'kind' is given twice (lines " in line


def test_a_billion_laughs_policy_file_is_refused_at_once(invoke, tmp_path, policies):
    append(policies / LAG, BILLION_LAUGHS)  # after the file's 14 lines
    assert refused_policy(invoke, tmp_path) == (
        f"covenants: invalid policy: {policies / LAG}: not valid YAML: line 15, column 7: anchors and aliases (&, *) are "
        "not accepted: write each value out"
    )


def test_a_tag_that_would_run_code_in_a_policy_file_is_refused(invoke, tmp_path, policies):
    path = policies / COVENANT
    path.write_text(path.read_text().replace("kind: incurrence", "kind: !!python/object/apply:os.system ['touch owned']", 1))
    line = refused_policy(invoke, tmp_path)
    assert line.endswith("tags such as !!python/object/apply:os.system are not accepted: give plain values")
    assert not Path("owned").exists()


def test_a_policy_file_nested_100_000_levels_deep_is_refused_instead_of_crashing_the_process(invoke, tmp_path, policies):
    (policies / "indenture-1996/parameters/deep.yaml").write_text("values: " + "[" * 100_000 + "]" * 100_000 + "\n")
    # the mapping is the first level, the 32nd bracket (column 8 + 32) the 33rd
    assert refused_policy(invoke, tmp_path) == (
        f"covenants: invalid policy: {policies / 'indenture-1996/parameters/deep.yaml'}: not valid YAML: line 1, column 40: nested more than 32 levels deep"
    )


def test_a_binary_policy_file_is_refused_naming_it(invoke, tmp_path, policies):
    (policies / "indenture-1996/parameters/scan.yaml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff")
    assert refused_policy(invoke, tmp_path) == f"covenants: invalid policy: {policies / 'indenture-1996/parameters/scan.yaml'}: not UTF-8 text (byte 1)"


def test_a_second_file_for_one_parameter_is_refused_naming_both(invoke, tmp_path, policies):
    # two values of the 45-day lag: which one the SQL models read would depend on the order of the files
    second = policies / "indenture-1996/parameters/lag-again.yaml"
    second.write_text((policies / LAG).read_text().replace('value: "45"', 'value: "90"'))
    assert refused_policy(invoke, tmp_path) == (
        f"covenants: invalid policy: {second}: parameter financial_information_available_lag_days is already defined in {policies / LAG}"
    )


def test_a_policy_folder_named_like_a_file_is_refused(invoke, tmp_path, policies):
    (policies / "indenture-1996/waivers/odd.yaml").mkdir(parents=True)
    line = refused_policy(invoke, tmp_path)
    assert line == f"covenants: invalid policy: {policies / 'indenture-1996/waivers/odd.yaml'}: cannot be read: Is a directory"


def test_a_key_given_twice_in_the_business_day_closures_is_refused(invoke, tmp_path, policies):
    append(policies / "business_day_closures.yaml", "clause_id: indenture-1996/4.06(b)\n")
    line = refused_policy(invoke, tmp_path)
    assert line.startswith(f"covenants: invalid policy: {policies / 'business_day_closures.yaml'}: not valid YAML: line ")
    assert "the key 'clause_id' is given twice" in line


def test_a_check_refuses_a_policy_file_given_twice_a_key(invoke, tmp_path, policies, extracts_before):
    append(policies / COVENANT, "kind: restricted_payment\n")
    (tmp_path / "dividend.yaml").write_text(DIVIDEND)
    # a cache of its own: the module's cache holds the database prepared from the repository's policies
    line = refused_policy(
        invoke, tmp_path, "check", "--extracts", SAMPLE_EXTRACTS_DIR, "--date", "1999-10-15", "--transaction", tmp_path / "dividend.yaml",
        "--cache", tmp_path / "cache", "--out", tmp_path / "out",
    )
    assert "the key 'kind' is given twice" in line
    assert snapshot(SAMPLE_EXTRACTS_DIR) == extracts_before
