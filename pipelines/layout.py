"""Where the project's declarative parts live (sql/, policies/, templates/ beside the package), and where its caches go."""

import os
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQL_DIR = ROOT / "sql"
POLICIES_DIR = ROOT / "policies"
TEMPLATES_DIR = ROOT / "templates"
SAMPLE_EXTRACTS_DIR = ROOT / "sample" / "extracts"
CACHE_VARIABLE = "COVENANTS_CACHE_DIR"


def cache_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """The one folder for every cache (the SQL readings, check's prepared databases, the print workers' fonts):
    $COVENANTS_CACHE_DIR, else `covenants` in the user's cache folder ($XDG_CACHE_HOME, else ~/.cache). Not beside
    the package, where an installation may not be writable, nor in the working folder, where a command run from
    elsewhere starts cold and leaves another copy behind."""
    if environ.get(CACHE_VARIABLE):
        return Path(environ[CACHE_VARIABLE]).expanduser().absolute()
    xdg = environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if Path(xdg).is_absolute() else Path(environ.get("HOME") or Path.home()) / ".cache"  # the XDG rule: a relative one is ignored
    return base / "covenants"


CACHE_DIR = cache_dir()


def policy_files(root: Path = POLICIES_DIR) -> list[Path]:
    """The files load_policies reads: every YAML file in an instrument folder (a misplaced one is refused there)."""
    return sorted(p for folder in root.iterdir() if folder.is_dir() for p in folder.rglob("*.y*ml"))
