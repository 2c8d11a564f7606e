"""Load policies/ safely: YAML read as plain data only (`strict_yaml`), every file checked against its schema."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from pipelines.layout import POLICIES_DIR
from pipelines.policy import strict_yaml
from pipelines.policy.schema import Covenant, Instrument, Parameter, Waiver, WaiverExtension

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


def load_policies(root: Path | None = None) -> PolicySet:
    """Every policy file under `root` (default: the project's policies/, read when called); PolicyError naming the
    file at the first problem.

    A process loads the same files once: the set parsed is kept with a hash of every file it read (`_fingerprint`), and
    given again while those files are byte for byte the same. A run checks the policies before its job, and its steps
    load them again; each parse and schema check of the ~175 files is a tenth of a second. Nothing that fails to load
    is kept."""
    root = POLICIES_DIR if root is None else root
    try:
        fingerprint = _fingerprint(root)
    except OSError:  # a folder or file that cannot be read: _parse names it
        return _load(root)
    kept = _LOADED.get(root)
    if kept is not None and kept[0] == fingerprint:
        return kept[1]
    policies = _load(root)
    if _fingerprint(root) == fingerprint:  # no file changed while it was parsed
        _LOADED[root] = (fingerprint, policies)
    return policies


_LOADED: dict[Path, tuple[str, PolicySet]] = {}


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


def _load(root: Path) -> PolicySet:
    found: dict[str, list[tuple[BaseModel, Path]]] = {name: [] for name in FOLDERS}
    instruments, files = [], []
    defined: dict[tuple[str, str], Path] = {}  # (instrument, what) -> the file that defines it
    for instrument_file in _instrument_files(root):
        folder = instrument_file.parent
        instruments.append(_parse(instrument_file, Instrument))
        files.append(instrument_file)
        for path in sorted(folder.rglob("*.y*ml")):
            if path == instrument_file:
                continue
            kind = path.relative_to(folder).parts[0]
            if kind not in FOLDERS:
                raise PolicyError(f"{path}: policy files live in one of {', '.join(FOLDERS)}")
            item = _parse(path, FOLDERS[kind])
            if getattr(item, "instrument", folder.name) != folder.name:
                raise PolicyError(f"{path}: instrument {item.instrument!r} does not match its folder {folder.name!r}")
            what = (folder.name, DEFINES[kind](item))
            if what in defined:
                raise PolicyError(f"{path}: {what[1]} is already defined in {defined[what]}")
            defined[what] = path
            found[kind].append((item, path))
            files.append(path)
    waiver_ids = {w.waiver_id for w, _ in found["waivers"]}
    for extension, path in found["waiver-extensions"]:
        if extension.extends not in waiver_ids:
            raise PolicyError(f"{path}: {extension.extension_id} extends unknown waiver {extension.extends}")
    items = {kind: tuple(item for item, _ in pairs) for kind, pairs in found.items()}
    return PolicySet(
        instruments=tuple(instruments),
        covenants=items["covenants"],
        waivers=items["waivers"],
        extensions=items["waiver-extensions"],
        parameters=items["parameters"],
        files=tuple(files),
    )
