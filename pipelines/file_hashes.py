"""The sha256 of a file's bytes, read once a process while the file stays as it was.

A run wants each extract file's sha256 several times: `--if-changed` compares them with the last run's, the load keys
the content fingerprint's cache by it (pipelines/extracts/fingerprint_cache.py), the Dagster materialization records it
and the manifest lists it. The file is read and hashed once; later calls are answered from memory while its stamp
(device, inode, size, modification and change times) is the one it had before it was read.

A write within one tick of the file system's clock can leave every part of the stamp as it was (git's "racily clean"
files). So a hash is remembered, and a stamp trusted (`unchanged_since`), only when the file's last change came at
least SETTLE_NS before the stamp was taken and the stamp is the same once the bytes were read: any later write then
moves the change time, which the kernel sets and no program can set back.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

SETTLE_NS = 2_000_000_000  # more than any file system's timestamp tick (FAT's is two seconds)


@dataclass(frozen=True)
class Stamp:
    device: int
    inode: int
    size: int
    modified_ns: int
    changed_ns: int
    taken_ns: int = field(compare=False)  # when the stamp was taken


def stamp(path: Path) -> Stamp:
    found = os.stat(path)
    return Stamp(found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns, time.time_ns())


def unchanged_since(path: Path, before: Stamp) -> bool:
    """The file has not changed since `before` was taken, and no change could have hidden within a clock tick."""
    try:
        now = stamp(path)
    except OSError:
        return False
    return now == before and max(before.changed_ns, before.modified_ns) < before.taken_ns - SETTLE_NS


_KNOWN: dict[Path, tuple[Stamp, str]] = {}  # resolved path → its stamp and sha256, for this process


def sha256(path: Path) -> str:
    resolved = path.resolve()
    before = stamp(resolved)
    known = _KNOWN.get(resolved)
    if known is not None and known[0] == before:
        return known[1]
    with open(resolved, "rb") as file:
        digest = hashlib.file_digest(file, "sha256").hexdigest()  # a chunk at a time: an extract can be gigabytes
    if unchanged_since(resolved, before):
        _KNOWN[resolved] = (before, digest)
    return digest
