"""Whether a quarter-end run would compute anything new, or the output folder's last run still stands.

A run's files follow from its input files, the policy files, the product's code and its options (`--period`,
`--as-of`), and its manifest.json records each (pipelines/outputs/manifest.py). When the output folder's manifest
records the same input files byte for byte, the same policy files (none added), the same code and the same options, a
new run would write the same files again. The nightly schedule then skips the night, and `covenants run --if-changed`
ends at once; each says which run's outputs stand. The cost is hashing the files: no extract is read and neither
Dagster nor DuckDB is imported. Anything that cannot be confirmed (no manifest, an unreadable one, a missing extract)
means a run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from pipelines.extracts.contract import EXTRACTS
from pipelines.extracts.reading import ExtractMissing, locate
from pipelines.fiscal import FiscalQuarter
from pipelines.layout import ROOT, policy_files
from pipelines.outputs.manifest import FILE_BYTES, sha256, source_sha256

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class StandingRun:
    run_id: str
    written: datetime  # when its manifest.json was written
    out_dir: Path

    def sentence(self) -> str:
        return (
            f"Nothing changed since run {self.run_id} ({self.written:%Y-%m-%d %H:%M} UTC): the same extract files, "
            f"policies, code and options. Its outputs in {self.out_dir} stand; no run was made."
        )


def run_options(period: str | None, as_of: date | None) -> dict:
    """The options as the run's manifest records them: one quarter, `FIRST-LAST`, or None for every quarter."""
    if period:
        first, _, last = period.partition("-")
        first, last = str(FiscalQuarter.parse(first)), str(FiscalQuarter.parse(last or first))
        period = first if first == last else f"{first}-{last}"
    return {"period": period, "as_of": as_of.isoformat() if as_of else None}


def standing_run(out_dir: Path, extracts_dir: Path, options: dict) -> StandingRun | None:
    """The output folder's last run when a run of these extracts with these options would compute nothing new."""
    path = out_dir / MANIFEST
    try:
        manifest = json.loads(path.read_text())
        inputs = {p.name: sha256(p) for p in (locate(extracts_dir, extract) for extract in EXTRACTS)}
    except (OSError, ValueError, ExtractMissing):
        return None
    if not isinstance(manifest, dict) or manifest.get("options") != options or manifest.get(FILE_BYTES) != inputs:
        return None
    if manifest.get("code") != {"source_sha256": source_sha256()} or not _same_policies(manifest.get("policies")):
        return None
    written = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    return StandingRun(str(manifest.get("run_id")), written, out_dir)


def _same_policies(recorded: object) -> bool:
    if not isinstance(recorded, dict):
        return False
    if any(str(p.relative_to(ROOT)) not in recorded for p in policy_files()):
        return False  # a policy file added since
    return all((ROOT / name).is_file() and sha256(ROOT / name) == digest for name, digest in recorded.items())
