"""Where the project's declarative parts live: sql/, policies/, templates/ beside the package."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQL_DIR = ROOT / "sql"
POLICIES_DIR = ROOT / "policies"
TEMPLATES_DIR = ROOT / "templates"
SAMPLE_EXTRACTS_DIR = ROOT / "sample" / "extracts"


def policy_files(root: Path = POLICIES_DIR) -> list[Path]:
    """The files load_policies reads: every YAML file in an instrument folder (a misplaced one is refused there)."""
    return sorted(p for folder in root.iterdir() if folder.is_dir() for p in folder.rglob("*.y*ml"))
