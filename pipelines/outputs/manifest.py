"""The run manifest: hashes of every input and policy file, the content fingerprint of every extract, the code version
and the as-of date.

`inputs` holds each input file's sha256, which ties the run to its exact files. The documents cite everything else
(`cited`): the extracts by their content fingerprints (pipelines/extracts/fingerprint.py), which do not change when
the same rows come in another format or order. The run id is derived from that cited content, so the same rows,
policies, code and as-of date give the same run id and the same certificates, byte for byte.

The code version is `source_sha256`, the hash of the product's own source files. The git commit of the checkout is
recorded in manifest.json beside the run (`git_commit`, like `location`) and is no part of the run id: a commit that
changes no source file (a README edit) or another checkout of the same code gives the same run and documents.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from datetime import date
from pathlib import Path

from pipelines.file_hashes import sha256
from pipelines.layout import ROOT, SQL_DIR, TEMPLATES_DIR


def source_sha256() -> str:
    """One hash of the code, SQL models and templates: what turns the same inputs into different outputs."""
    sources = sorted([*(ROOT / "pipelines").rglob("*.py"), *SQL_DIR.rglob("*.sql"), *TEMPLATES_DIR.rglob("*.j2")])
    digest = hashlib.sha256()
    for path in sources:
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def git_commit() -> str:
    """The checkout's commit, for the record only (write_manifest): it names no part of what the run computes."""
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


FILE_BYTES = "inputs"  # input file name → sha256 of its bytes: another format or row order changes it
BESIDE_THE_RUN = ("location", "git_commit")  # in manifest.json, no part of the run id nor of the manifest hash


def cited(manifest: dict) -> dict:
    """What a document cites: the manifest without the file bytes' hashes."""
    return {key: value for key, value in manifest.items() if key != FILE_BYTES}


def build_manifest(
    input_files: list[Path],
    fingerprints: dict[str, str],
    policy_files: list[Path],
    as_of: date,
    periods: list[str],
    options: dict | None = None,
) -> dict:
    """`fingerprints`: extract name → content fingerprint of its rows, as ingest.extract_fingerprints reads them.
    `options` are the choices of a `covenants run` that change its results (`--period` and `--as-of`, each None when
    not given): `covenants verify` re-runs with them. A run made otherwise (the Dagster job) records none."""
    body = {
        "as_of": as_of.isoformat(),
        "periods": periods,
        **({"options": options} if options is not None else {}),
        "code": {"source_sha256": source_sha256()},
        "extracts": dict(sorted(fingerprints.items())),
        "policies": {str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else str(p): sha256(p) for p in sorted(policy_files)},
    }
    canonical = json.dumps(body, sort_keys=True).encode()
    return {"run_id": hashlib.sha256(canonical).hexdigest()[:16], **body, FILE_BYTES: {p.name: sha256(p) for p in sorted(input_files)}}


def identity(manifest: dict) -> dict:
    """The manifest less what is recorded beside the run (where its extracts were read, the checkout's commit)."""
    return {key: value for key, value in manifest.items() if key not in BESIDE_THE_RUN}


def manifest_hash(manifest: dict) -> str:
    """sha256 of the manifest's cited content (its canonical JSON): the same for the same rows in any format or order."""
    return hashlib.sha256(json.dumps(cited(manifest), sort_keys=True).encode()).hexdigest()


def write_manifest(manifest: dict, out_dir: Path, extracts_dir: Path | None = None) -> Path:
    """Write manifest.json with, beside the manifest's content, the checkout's `git_commit` and, when given,
    `extracts_dir` (where the inputs were read) as `location`: neither is part of the run id or the manifest hash, so
    the same files read from another folder, machine or checkout of the same code give the same run and documents."""
    path = out_dir / "manifest.json"
    written = {**manifest, "git_commit": git_commit()}
    if extracts_dir:
        written["location"] = {"extracts": str(extracts_dir.resolve())}
    path.write_text(json.dumps(written, indent=2, sort_keys=True) + "\n")
    return path
