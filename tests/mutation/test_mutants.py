"""The mutation run's patterns: what each kind of line yields, written out by hand."""

from pathlib import Path

from mutants import engine_mutants, policy_mutants, sql_mutants
from selection import Selector


def write(tmp_path: Path, name: str, text: str) -> Path:
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text(text)
    return tmp_path


def changes(mutants) -> list[tuple[int, str]]:
    return [(m.line, m.after) for m in mutants]


def test_policy_dates_move_a_day_each_way_and_amounts_one_unit_of_their_last_place(tmp_path):
    root = write(tmp_path, "p.yaml", 'values:\n  - effective_from: 2004-03-01\n    value: "60000000.00"\n    ratio: "2.0"\n')
    assert changes(policy_mutants(root, "p.yaml")) == [
        (2, "  - effective_from: 2004-02-29"),  # 2004 is a leap year
        (2, "  - effective_from: 2004-03-02"),
        (3, '    value: "59999999.99"'),
        (3, '    value: "60000000.01"'),
        (4, '    ratio: "1.9"'),
        (4, '    ratio: "2.1"'),
    ]


def test_each_date_of_a_scope_list_moves_alone_and_open_bounds_and_text_stay(tmp_path):
    text = "test_dates: [2004-03-31, 2004-05-31]\nfrom_date: 1900-01-01\nsource: letter of 2004-03-29\ndays_after_quarter_end: 45\n"
    assert changes(policy_mutants(write(tmp_path, "w.yaml", text), "w.yaml")) == [
        (1, "test_dates: [2004-03-30, 2004-05-31]"),
        (1, "test_dates: [2004-04-01, 2004-05-31]"),
        (1, "test_dates: [2004-03-31, 2004-05-30]"),
        (1, "test_dates: [2004-03-31, 2004-06-01]"),
    ]


def test_sql_operators_flip_to_their_boundary_twin_outside_comments_strings_and_types(tmp_path):
    text = "select cast(a as decimal(38, 2)) from t where a <= 5 and b <> 'x > 1' -- c > 2\n"
    assert changes(sql_mutants(write(tmp_path, "m.sql", text), "m.sql")) == [
        (1, "select cast(a as decimal(38, 2)) from t where a < 5 and b <> 'x > 1' -- c > 2"),
        (1, "select cast(a as decimal(38, 2)) from t where a <= 4 and b <> 'x > 1' -- c > 2"),
        (1, "select cast(a as decimal(38, 2)) from t where a <= 6 and b <> 'x > 1' -- c > 2"),
    ]


def test_sql_date_literals_move_a_day_each_way(tmp_path):
    assert changes(sql_mutants(write(tmp_path, "m.sql", "select date '1997-10-20', date '9999-12-31'\n"), "m.sql")) == [
        (1, "select date '1997-10-19', date '9999-12-31'"),
        (1, "select date '1997-10-21', date '9999-12-31'"),
    ]


def test_engine_comparisons_are_operator_tokens_not_strings(tmp_path):
    text = 'COMPARE = {">": 1}\ndef f(a, b) -> bool:\n    return a >= b\n'
    assert changes(engine_mutants(write(tmp_path, "e.py", text), "e.py")) == [(3, "    return a > b")]


def test_a_parameter_named_only_in_a_table_of_cases_selects_the_module_that_names_the_table(tmp_path):
    write(tmp_path, "policies/i/parameters/p_cap.yaml", "name: p_cap\nclause_id: i/1.01\nvalues: []\n")
    write(tmp_path, "tests/policy/cases/.keep", "")
    write(tmp_path, "sql/m.sql", "select 1\n")
    write(tmp_path, "tests/sql/cases.yaml", "i:\n  p_cap: []\n")
    write(tmp_path, "tests/sql/test_reads_the_table.py", 'CASES = "cases.yaml"\n')
    write(tmp_path, "tests/sql/test_other.py", 'CASES = "other.yaml"\n')
    assert Selector(tmp_path, {}).tests_for("policies/i/parameters/p_cap.yaml") == ("tests/sql/test_reads_the_table.py",)


def test_a_screen_selects_the_test_that_compiles_it_not_the_model_tests_naming_its_extract(tmp_path):
    write(tmp_path, "tests/policy/cases/.keep", "")
    write(tmp_path, "sql/screens/liens.sql", "select 1 as check_0\n")
    write(tmp_path, "sql/m.sql", "select * from liens\n")
    write(tmp_path, "tests/sql/test_m.py", 'build(con, "m")  # reads liens\n')
    assert Selector(tmp_path, {}).tests_for("sql/screens/liens.sql") == ("tests/extracts/test_screen.py",)
