"""Load policies/ safely: YAML read as plain data only (`strict_yaml`), every file checked against its schema."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from pipelines.layout import POLICIES_DIR
from pipelines.policy import strict_yaml
from pipelines.policy.schema import Covenant, Instrument, Parameter, ScopedTestDates, Waiver, WaiverExtension

FOLDERS: dict[str, type[BaseModel]] = {
    "covenants": Covenant,
    "waivers": Waiver,
    "waiver-extensions": WaiverExtension,
    "parameters": Parameter,
}



class PolicyError(Exception):
    pass


@dataclass(frozen=True)
class PolicySet:
    instruments: tuple[Instrument, ...]
    covenants: tuple[Covenant, ...]
    waivers: tuple[Waiver, ...]
    extensions: tuple[WaiverExtension, ...]
    parameters: tuple[Parameter, ...]
    files: tuple[Path, ...]

    def instrument(self, name: str) -> Instrument:
        return next(i for i in self.instruments if i.instrument == name)


def read_yaml(path: Path) -> object:
    """A policy file's plain data (`strict_yaml`); PolicyError in one line naming the file."""
    try:
        return strict_yaml.load(path.read_text())
    except yaml.YAMLError as error:
        raise PolicyError(f"{path}: not valid YAML: {strict_yaml.problem(error)}") from error
    except UnicodeDecodeError as error:
        raise PolicyError(f"{path}: not UTF-8 text (byte {error.start + 1})") from error
    except OSError as error:
        raise PolicyError(f"{path}: cannot be read: {error.strerror}") from error


def field_problems(error: ValidationError) -> str:
    return "; ".join(f"{'.'.join(map(str, e['loc'])) or '(file)'}: {e['msg']}" for e in error.errors())


def _parse(path: Path, model: type[BaseModel]) -> BaseModel:
    data = read_yaml(path)
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise PolicyError(f"{path}: {field_problems(error)}") from error


# what one policy file of each folder defines: two files defining the same thing would leave the engine to pick one
DEFINES = {
    "covenants": lambda c: f"clause {c.clause_id}",
    "waivers": lambda w: f"waiver {w.waiver_id}",
    "waiver-extensions": lambda e: f"waiver extension {e.extension_id}",
    "parameters": lambda p: f"parameter {p.name}",
}


def _instrument_files(root: Path) -> list[Path]:
    folders = sorted(p for p in root.iterdir() if p.is_dir())
    missing = next((folder for folder in folders if not (folder / "instrument.yaml").is_file()), None)
    if missing:
        raise PolicyError(f"{missing}: every instrument folder needs an instrument.yaml")
    return [folder / "instrument.yaml" for folder in folders]


def load_instruments(root: Path | None = None) -> tuple[Instrument, ...]:
    """The instruments' own facts only (parties, dates), without parsing every clause's file."""
    return tuple(_parse(path, Instrument) for path in _instrument_files(POLICIES_DIR if root is None else root))


def _covered(scope: tuple[ScopedTestDates, ...]) -> set[tuple[str, str]]:
    """What a scope names: (clause, a test date, a transaction id or every transaction)."""
    named = set()
    for item in scope:
        named |= {(item.clause_id, f"test date {day}") for day in item.test_dates}
        named |= {(item.clause_id, f"transaction {t}") for t in item.transaction_ids}
        if item.all_transactions:
            named.add((item.clause_id, "every transaction"))
    return named


def _overlap(one: set[tuple[str, str]], other: set[tuple[str, str]]) -> tuple[str, str] | None:
    def within(a: set[tuple[str, str]], b: set[tuple[str, str]]) -> set[tuple[str, str]]:
        return {(c, what) for c, what in a if (c, what) in b or (what.startswith("transaction ") and (c, "every transaction") in b)}

    return min(within(one, other) | within(other, one), default=None)


def _one_waiver_a_result(waivers: list[tuple[Waiver, Path]], extensions: list[tuple[WaiverExtension, Path]]) -> None:
    """Two waivers naming one result, with no rule saying which governs, is an error naming both files (a later
    letter that adds to a waiver's scope is an extension of it, not a second waiver)."""
    scopes = [(w.waiver_id, path, _covered(w.scope)) for w, path in waivers]
    for extension, path in extensions:
        scopes.append((extension.extends, path, _covered(extension.adds_scope)))
    for index, (waiver_id, path, named) in enumerate(scopes):
        for other_id, other_path, other_named in scopes[index + 1:]:
            if other_id == waiver_id:
                continue
            shared = _overlap(named, other_named)
            if shared:
                raise PolicyError(
                    f"{other_path}: {other_id} and {waiver_id} ({path}) both waive {shared[0]}, {shared[1]}, and neither "
                    "file says which governs; make the later letter an extension of the earlier waiver"
                )


def load_policies(root: Path | None = None, without: frozenset[Path] = frozenset(), adding: tuple[Path, ...] = ()) -> PolicySet:
    """Every policy file under `root` (default: the project's policies/, read when called) but those `without` names
    (`covenants impact` replays the agreements without one); PolicyError naming the file at the first problem.

    `adding` are policy files from elsewhere (a scenario's proposed amendment), each in a folder path ending
    `<instrument>/<covenants|waivers|waiver-extensions|parameters>/`: one that defines what a file of `root` defines
    (the same clause, waiver, extension or parameter) replaces it, any other is added. They are parsed afresh each time.

    A process loads the same files once: the set parsed is kept with a hash of every file it read (`_fingerprint`), and
    given again while those files are byte for byte the same. A run checks the policies before its job, and its steps
    load them again; each parse and schema check of the ~175 files is a tenth of a second. Nothing that fails to load
    is kept."""
    root = POLICIES_DIR if root is None else root
    if adding:
        return _load(root, without, adding)
    try:
        fingerprint = _fingerprint(root)
    except OSError:  # a folder or file that cannot be read: _parse names it
        return _load(root, without)
    kept = _LOADED.get((root, without))
    if kept is not None and kept[0] == fingerprint:
        return kept[1]
    policies = _load(root, without)
    if _fingerprint(root) == fingerprint:  # no file changed while it was parsed
        _LOADED[(root, without)] = (fingerprint, policies)
    return policies


_LOADED: dict[tuple[Path, frozenset[Path]], tuple[str, PolicySet]] = {}


def _fingerprint(root: Path) -> str:
    """A hash of what _load reads under root: its folders, and the name and bytes of every YAML file in each."""
    digest = hashlib.sha256()
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        digest.update(f"{folder.name}/\0".encode())
        for path in sorted(folder.rglob("*.y*ml")):
            data = path.read_bytes()
            digest.update(f"{path.relative_to(root)}\0{len(data)}\0".encode())
            digest.update(data)
    return digest.hexdigest()


def _parse_placed(path: Path, instrument: str, kind: str) -> tuple[BaseModel, tuple[str, str]]:
    """A policy file of `kind` in the folder of `instrument`, and what it defines."""
    if kind not in FOLDERS:
        raise PolicyError(f"{path}: policy files live in one of {', '.join(FOLDERS)}")
    item = _parse(path, FOLDERS[kind])
    if getattr(item, "instrument", instrument) != instrument:
        raise PolicyError(f"{path}: instrument {item.instrument!r} does not match its folder {instrument!r}")
    return item, (instrument, DEFINES[kind](item))


def _added(root: Path, adding: tuple[Path, ...]) -> dict[tuple[str, str], tuple[str, BaseModel, Path]]:
    """What each added file defines, with its kind and parsed content."""
    instruments = {p.parent.name for p in _instrument_files(root)}
    added: dict[tuple[str, str], tuple[str, BaseModel, Path]] = {}
    for path in adding:
        kind, instrument = path.parent.name, path.parent.parent.name
        if instrument not in instruments:
            raise PolicyError(f"{path}: an added policy file sits in a folder <instrument>/<kind>/, with instrument one of {', '.join(sorted(instruments))}")
        item, what = _parse_placed(path, instrument, kind)
        if what in added:
            raise PolicyError(f"{path}: {what[1]} is already defined in {added[what][2]}")
        added[what] = (kind, item, path)
    return added


def _load(root: Path, without: frozenset[Path], adding: tuple[Path, ...] = ()) -> PolicySet:
    found: dict[str, list[tuple[BaseModel, Path]]] = {name: [] for name in FOLDERS}
    instruments, files = [], []
    defined: dict[tuple[str, str], Path] = {}  # (instrument, what) -> the file that defines it
    added = _added(root, adding)
    for instrument_file in _instrument_files(root):
        folder = instrument_file.parent
        instruments.append(_parse(instrument_file, Instrument))
        files.append(instrument_file)
        for path in sorted(folder.rglob("*.y*ml")):
            if path == instrument_file or path.resolve() in without:
                continue
            item, what = _parse_placed(path, folder.name, path.relative_to(folder).parts[0])
            if what in added:  # replaced by the added file
                continue
            if what in defined:
                raise PolicyError(f"{path}: {what[1]} is already defined in {defined[what]}")
            defined[what] = path
            found[path.relative_to(folder).parts[0]].append((item, path))
            files.append(path)
    for kind, item, path in added.values():
        found[kind].append((item, path))
        files.append(path)
    waiver_ids = {w.waiver_id for w, _ in found["waivers"]}
    for extension, path in found["waiver-extensions"]:
        if extension.extends not in waiver_ids:
            raise PolicyError(f"{path}: {extension.extension_id} extends unknown waiver {extension.extends}")
    _one_waiver_a_result(found["waivers"], found["waiver-extensions"])
    items = {kind: tuple(item for item, _ in pairs) for kind, pairs in found.items()}
    return PolicySet(
        instruments=tuple(instruments),
        covenants=items["covenants"],
        waivers=items["waivers"],
        extensions=items["waiver-extensions"],
        parameters=items["parameters"],
        files=tuple(files),
    )
