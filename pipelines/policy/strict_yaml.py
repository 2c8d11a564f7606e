"""YAML as the product reads it (policy files, transaction files): plain data, each key once.

PyYAML's safe loader already refuses the tags that construct Python objects, but it lets through what can still change
an answer unseen or exhaust the machine, and each of these is refused here with the line it is on:
- a key given twice in one mapping: the safe loader keeps the later value without a word;
- anchors and aliases (`&a`, `*a`) and merge keys (`<<`): an alias repeats a subtree without copying it, so nine
  nested aliases of nine items each stand for 9^9 (387 million) values for whoever walks the result ("billion
  laughs"), and a merge key sets values given elsewhere;
- any tag (`!!binary`, `!!set`, `!!python/...`, `!local`): the files hold text, numbers, booleans, dates, lists and
  mappings, and need nothing else;
- nesting deeper than MAX_DEPTH: libyaml composes a document recursively in C, and a deep enough one (100,000
  brackets) crashes the process instead of raising;
- a value Python cannot build (a 5,000-digit integer, February 30th).
The document's events are read once first (libyaml's parser keeps its own stack, so this cannot crash), and only a
document that passes is composed and constructed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.events import AliasEvent, MappingEndEvent, MappingStartEvent, ScalarEvent, SequenceEndEvent, SequenceStartEvent

MAX_DEPTH = 32  # the deepest policy file nests 6 levels, a transaction file 3
YAML_TAGS = "tag:yaml.org,2002:"  # written `!!` in a document
MERGE_TAG = YAML_TAGS + "merge"
# libyaml's safe loader where PyYAML was built with it: the same documents, several times faster
BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
START_EVENTS = frozenset({MappingStartEvent, SequenceStartEvent})
END_EVENTS = frozenset({MappingEndEvent, SequenceEndEvent})
NODE_EVENTS = START_EVENTS | {ScalarEvent}


class StrictSafeLoader(BASE_LOADER):
    """The safe loader, refusing a key given twice in a mapping, merge keys, and (`_buildable`) values Python cannot
    build. Use `load`, which also refuses aliases, tags and deep nesting before this loader composes the document."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: dict[Any, yaml.Node] = {}
        for key_node, _ in node.value:
            if key_node.tag == MERGE_TAG:
                raise ConstructorError(None, None, "merge keys (<<) are not accepted: write each key out", key_node.start_mark)
            key = self.construct_object(key_node, deep=deep)
            try:
                first = seen.get(key)
            except TypeError:
                continue  # an unhashable key: the safe loader refuses it, naming it
            if first is not None:
                raise ConstructorError(
                    None, None, f"the key {key!r} is given twice (lines {first.start_mark.line + 1} and {key_node.start_mark.line + 1})", key_node.start_mark
                )
            seen[key] = key_node
        return super().construct_mapping(node, deep=deep)


def _buildable(constructor: Callable[[StrictSafeLoader, yaml.ScalarNode], Any]) -> Callable[[StrictSafeLoader, yaml.ScalarNode], Any]:
    """`constructor`, refusing with the node's line a value Python cannot build (a 5,000-digit integer, February 30th)."""

    def construct(loader: StrictSafeLoader, node: yaml.ScalarNode) -> Any:
        try:
            return constructor(loader, node)
        except (ValueError, OverflowError) as error:
            shown = repr(node.value) if len(node.value) <= 40 else "the value"
            reason = "more digits than a number may have" if "digits" in str(error) else str(error)
            raise ConstructorError(None, None, f"{shown} cannot be read: {reason}", node.start_mark) from error

    return construct


for _tag in ("int", "timestamp"):  # the only plain values whose construction can fail
    StrictSafeLoader.add_constructor(YAML_TAGS + _tag, _buildable(BASE_LOADER.yaml_constructors[YAML_TAGS + _tag]))


def _refuse_tricks(text: str) -> None:
    """Read the document's events, refusing anchors, aliases, tags and deep nesting (one pass, nothing composed)."""
    parser = BASE_LOADER(text)
    try:
        depth = 0
        while parser.check_event():
            event = parser.get_event()
            kind = type(event)
            if kind is AliasEvent or (kind in NODE_EVENTS and event.anchor is not None):
                raise yaml.MarkedYAMLError(problem="anchors and aliases (&, *) are not accepted: write each value out", problem_mark=event.start_mark)
            if kind in NODE_EVENTS and event.tag is not None:
                tag = event.tag.replace(YAML_TAGS, "!!")
                raise yaml.MarkedYAMLError(problem=f"tags such as {tag} are not accepted: give plain values", problem_mark=event.start_mark)
            if kind in START_EVENTS:
                depth += 1
                if depth > MAX_DEPTH:
                    raise yaml.MarkedYAMLError(problem=f"nested more than {MAX_DEPTH} levels deep", problem_mark=event.start_mark)
            elif kind in END_EVENTS:
                depth -= 1
    finally:
        parser.dispose()


def load(text: str) -> Any:
    """The document's plain data; yaml.YAMLError (see `problem`) for anything this module refuses."""
    _refuse_tricks(text)
    return yaml.load(text, Loader=StrictSafeLoader)  # noqa: S506 - a safe loader


def problem(error: yaml.YAMLError) -> str:
    """A YAML error in one line, with the line and column where it was found."""
    if isinstance(error, yaml.reader.ReaderError):
        return f"character {error.position + 1}: {error.reason}"
    if not isinstance(error, yaml.MarkedYAMLError):
        return " ".join(str(error).split())
    mark = error.problem_mark or error.context_mark
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
    context = f" ({error.context})" if error.context else ""
    return f"{where}{error.problem}{context}"
