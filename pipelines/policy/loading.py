"""Load policies/ safely: YAML parsed with the safe loader only, every file checked against its schema."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from pipelines.layout import POLICIES_DIR
from pipelines.policy.schema import Covenant, Instrument, Parameter, Waiver, WaiverExtension

FOLDERS: dict[str, type[BaseModel]] = {
    "covenants": Covenant,
    "waivers": Waiver,
    "waiver-extensions": WaiverExtension,
    "parameters": Parameter,
}


# libyaml's safe loader where PyYAML was built with it: the same documents, several times faster (`covenants check`
# loads every policy file on each call).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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


def _parse(path: Path, model: type[BaseModel]) -> BaseModel:
    try:
        data = yaml.load(path.read_text(), Loader=SAFE_LOADER)  # noqa: S506 - a safe loader
        return model.model_validate(data)
    except yaml.YAMLError as error:
        raise PolicyError(f"{path}: not valid YAML: {error}") from error
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or '(file)'}: {e['msg']}" for e in error.errors())
        raise PolicyError(f"{path}: {problems}") from error


def _instrument_files(root: Path) -> list[Path]:
    folders = sorted(p for p in root.iterdir() if p.is_dir())
    missing = next((folder for folder in folders if not (folder / "instrument.yaml").exists()), None)
    if missing:
        raise PolicyError(f"{missing}: every instrument folder needs an instrument.yaml")
    return [folder / "instrument.yaml" for folder in folders]


def load_instruments(root: Path = POLICIES_DIR) -> tuple[Instrument, ...]:
    """The instruments' own facts only (parties, dates), without parsing every clause's file."""
    return tuple(_parse(path, Instrument) for path in _instrument_files(root))


def load_policies(root: Path = POLICIES_DIR) -> PolicySet:
    found: dict[str, list] = {name: [] for name in FOLDERS}
    instruments, files = [], []
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
            found[kind].append(item)
            files.append(path)
    policies = PolicySet(
        instruments=tuple(instruments),
        covenants=tuple(found["covenants"]),
        waivers=tuple(found["waivers"]),
        extensions=tuple(found["waiver-extensions"]),
        parameters=tuple(found["parameters"]),
        files=tuple(files),
    )
    _check_references(policies)
    return policies


def _check_references(policies: PolicySet) -> None:
    clause_ids = [c.clause_id for c in policies.covenants]
    duplicates = {c for c in clause_ids if clause_ids.count(c) > 1}
    if duplicates:
        raise PolicyError(f"two covenant files implement the same clause: {', '.join(sorted(duplicates))}")
    waiver_ids = {w.waiver_id for w in policies.waivers}
    for extension in policies.extensions:
        if extension.extends not in waiver_ids:
            raise PolicyError(f"{extension.extension_id} extends unknown waiver {extension.extends}")
    names = [(p.instrument, p.name) for p in policies.parameters]
    if len(set(names)) != len(names):
        raise PolicyError("a parameter is defined in two files")
