"""Where the project's declarative parts live: sql/, policies/, templates/ beside the package."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQL_DIR = ROOT / "sql"
POLICIES_DIR = ROOT / "policies"
TEMPLATES_DIR = ROOT / "templates"
SAMPLE_EXTRACTS_DIR = ROOT / "sample" / "extracts"
