"""The evidence schedule of a document: the files it was computed from, each with its sha256 from the run manifest.

A document lists only what it depends on: every extract, the policy files of its own instrument and the files that
are no instrument's (the Business Day closures), not the other instruments' policies. manifest.json, whose hash
every page carries, still lists every file of the run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath


@dataclass(frozen=True)
class Evidence:
    extracts: list[tuple[str, str]]  # (extract name, content fingerprint: the same rows give it in any format or order)
    policies: list[tuple[str, str]]  # (path under the project, sha256)
    policy_folder: str  # where the instrument's policy files are, so that a schedule can name them within it

    def policy_name(self, path: str) -> str:
        return path.removeprefix(self.policy_folder)


def _is_evidence_for(policy_path: str, instrument: str) -> bool:
    parts = PurePosixPath(policy_path).parts
    return parts[:2] == ("policies", instrument) or len(parts) == 2


def evidence_for(manifest: dict, instrument: str) -> Evidence:
    return Evidence(
        extracts=sorted(manifest["extracts"].items()),
        policies=sorted((path, digest) for path, digest in manifest["policies"].items() if _is_evidence_for(path, instrument)),
        policy_folder=f"policies/{instrument}/",
    )
