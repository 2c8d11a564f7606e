"""Which tests can kill a mutant: found by the names its file declares, not by a list of lines.

A policy file names clause ids, waiver ids, a parameter's name; a SQL model is named by its file. The tests chosen
are the YAML cases of the clauses the file names (by their pytest node ids): for a covenant or an instrument, those
alone (every value of a covenant is to have a case that fails when it changes, and a survivor then names a value no
case exercises); for the others, also the test files whose text (with the YAML tables beside them that they name)
names the file's clauses, waivers, parameter or models: of tests/policy for a waiver or an extension; of tests/sql for
a parameter (with the models that read it) and a model (with every model downstream of it). The engine's files are
tested by the whole of tests/policy, the extracts' screens by the test that compiles them again.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

CASES_DIR = "tests/policy/cases"
CASES_MODULE = "tests/policy/test_yaml_cases.py"
POLICY_TESTS = "tests/policy"
MODEL_TESTS = "tests/sql"
ENGINE_TESTS = (POLICY_TESTS,)
# a screen (sql/screens/) is compiled from its extract's Pandera model and read by no model: this test compares each
# with what its model compiles to
SCREEN_TESTS = ("tests/extracts/test_screen.py",)
# builds the sample's models (half a minute a run on a busy machine) to check that one rule governs each date; the
# values it reads are each tested by cases
SLOW = ("tests/policy/test_effective_dating.py",)
NAME_KEYS = ("clause_id", "waiver_id", "extension_id", "extends")
SQL_REFERENCE = re.compile(r"\b(?:from|join)\s+([a-z_][a-z0-9_]*)", re.IGNORECASE)


class Selector:
    def __init__(self, root: Path, case_node_ids: dict[str, list[str]]):
        """`case_node_ids`: the node ids of the YAML cases, by case file stem (from one pytest collection)."""
        self.root = root
        self.case_node_ids = case_node_ids
        self.case_clauses = {p.stem: yaml.safe_load(p.read_text())["clause_id"] for p in sorted((root / CASES_DIR).glob("*.yaml"))}
        self.test_files = {
            p.relative_to(root).as_posix(): _with_tables(p)
            for d in (POLICY_TESTS, MODEL_TESTS)
            for p in sorted((root / d).glob("test_*.py"))
            if p.relative_to(root).as_posix() not in (CASES_MODULE, *SLOW)
        }
        self.models = {p.stem: p.read_text() for p in sorted((root / "sql").rglob("*.sql"))}

    @cache
    def tests_for(self, relative: str) -> tuple[str, ...]:
        if relative.endswith(".py"):
            return ENGINE_TESTS
        if relative.startswith("sql/screens/"):
            return SCREEN_TESTS
        names = self._policy_names(relative) if relative.startswith("policies/") else self._downstream({Path(relative).stem})
        clauses = {n for n in names if "/" in n}
        cases = [node for stem, clause in self.case_clauses.items() if clause in clauses for node in self.case_node_ids.get(stem, [])]
        if "/covenants/" in relative or relative.endswith("/instrument.yaml"):
            return tuple(cases)  # each value of a covenant is to have a case that fails when it changes
        # a value the SQL models read is seen by the model tests; a waiver's by the engine's
        folder = MODEL_TESTS if relative.startswith("sql/") or "/parameters/" in relative else POLICY_TESTS
        files = [path for path, text in self.test_files.items() if path.startswith(folder + "/") and any(_mentions(text, n) for n in names)]
        return tuple(cases + files)

    def _policy_names(self, relative: str) -> set[str]:
        document = yaml.safe_load((self.root / relative).read_text())
        names = set(_values(document, NAME_KEYS))
        if relative.endswith("/instrument.yaml"):
            instrument = Path(relative).parent.name
            names |= {c for c in self.case_clauses.values() if c.startswith(instrument + "/")}
        if "/parameters/" in relative:
            names.add(document["name"])
            names |= {m for m, sql in self.models.items() if _mentions(sql, document["name"])}
        names.add(Path(relative).stem)
        return names

    def _downstream(self, models: set[str]) -> set[str]:
        reads = {m: {r.lower() for r in SQL_REFERENCE.findall(sql)} for m, sql in self.models.items()}
        found, grown = set(models), True
        while grown:
            more = {m for m, refs in reads.items() if refs & found} - found
            found |= more
            grown = bool(more)
        return found


def _with_tables(module: Path) -> str:
    """A test module's text and that of the YAML tables beside it that it names: a parameter named only in a table of
    literal cases (tests/sql/parameter_cases.yaml) is named by the module that reads it."""
    text = module.read_text()
    return "\n".join([text, *(table.read_text() for table in sorted(module.parent.glob("*.yaml")) if table.name in text)])


def _mentions(text: str, name: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


def _values(node, keys: tuple[str, ...]):
    """Every string under one of `keys`, anywhere in a parsed YAML document."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in keys and isinstance(value, str):
                yield value
            yield from _values(value, keys)
    elif isinstance(node, list):
        for item in node:
            yield from _values(item, keys)
