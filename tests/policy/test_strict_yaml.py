"""The YAML reader of policy and transaction files: plain data, each key once, no aliases, tags or deep nesting;
every refusal in one line with the line it is on."""

import time

import pytest
import yaml

from pipelines.policy.strict_yaml import load, problem

# nine nested aliases of nine items each: 9^9 = 387,420,489 strings for whoever walks the result
BILLION_LAUGHS = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n" for previous, name in zip("abcdefgh", "bcdefghi")
)


def refusal(text: str) -> str:
    with pytest.raises(yaml.YAMLError) as raised:
        load(text)
    return problem(raised.value)


def test_plain_documents_load_as_the_safe_loader_reads_them():
    text = "a: 1\nb: [x, 'y', {c: 2007-11-15}]\nd: \"5000000.00\"\ne: true\n"
    assert load(text) == yaml.safe_load(text)


def test_a_key_given_twice_is_refused_naming_the_key_and_both_lines():
    assert refusal("kind: incurrence\namount: '1.00'\nbasket: 4.10(a)\namount: '2.00'\n") == (
        "line 4, column 1: the key 'amount' is given twice (lines 2 and 4)"
    )


def test_a_key_given_twice_in_a_nested_mapping_is_refused():
    assert refusal("values:\n  - effective_from: 1996-12-23\n    value: '45'\n    value: '30'\n") == (
        "line 4, column 5: the key 'value' is given twice (lines 3 and 4)"
    )


def test_the_billion_laughs_are_refused_at_the_first_anchor_without_expanding_them():
    started = time.perf_counter()
    assert refusal(BILLION_LAUGHS) == "line 1, column 4: anchors and aliases (&, *) are not accepted: write each value out"
    assert time.perf_counter() - started < 1


def test_an_alias_is_refused():
    assert refusal("a: x\nb: *a\n").startswith("line 2, column 4: anchors and aliases")


def test_a_merge_key_is_refused():
    assert refusal("x: {<<: {a: 1}, a: 2}\n") == "line 1, column 5: merge keys (<<) are not accepted: write each key out"


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("x: !!python/object/apply:os.system ['echo owned']\n", "!!python/object/apply:os.system"),
        ("x: !!binary aGVsbG8=\n", "!!binary"),
        ("x: !!set {a, b}\n", "!!set"),
        ("x: !local value\n", "!local"),
        ("x: !!str 5\n", "!!str"),
    ],
)
def test_every_tag_is_refused(text, tag):
    assert refusal(text) == f"line 1, column 4: tags such as {tag} are not accepted: give plain values"


def test_nesting_deeper_than_32_levels_is_refused_before_libyaml_composes_it():
    # 100,000 brackets crash the process inside libyaml's recursive composer when they reach it
    assert refusal("[" * 100_000 + "]" * 100_000) == "line 1, column 33: nested more than 32 levels deep"


def test_32_levels_are_accepted():
    assert load("[" * 32 + "]" * 32) == [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]


def test_values_python_cannot_build_are_refused_with_their_line():
    assert refusal("a: 1\nx: 2007-02-30\n") == "line 2, column 4: '2007-02-30' cannot be read: day is out of range for month"
    assert refusal("x: 1" + "0" * 5000 + "\n") == "line 1, column 4: the value cannot be read: more digits than a number may have"


def test_syntax_errors_and_control_characters_come_in_one_line():
    assert refusal("a: [1, 2\nb: 3\n") == "line 2, column 2: did not find expected ',' or ']' (while parsing a flow sequence)"
    assert refusal("a: \x00\n") == "character 4: control characters are not allowed"
