"""Whether a file is what its name says, checked before a reader sees it: one line a person can act on, or None.

Readers report a file in another encoding, with another delimiter or of another kind in their own words, without the
row (Polars: "invalid utf-8 sequence", "found more fields than defined in 'Schema'"); these checks name the encoding,
the delimiter or the kind, and the row. A CSV is read in chunks, so that checking a large file costs no memory.
"""

from __future__ import annotations

import codecs
import csv
import zipfile
from dataclasses import dataclass
from pathlib import Path

CHUNK = 1 << 20
DELIMITERS = {";": "semicolons", "\t": "tabs", "|": "vertical bars"}
SAVE_AS = "save it as CSV UTF-8 (comma-separated)"
PARQUET_SIGNATURE = b"PAR1"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0"  # an .xls workbook, or an XLSX encrypted with a password


@dataclass(frozen=True)
class Problem:
    """Why a whole file is refused, and the row (as a person counts it, the header being row 1) where it shows."""

    reason: str
    row: int | None = None
    value: str | None = None


class UnreadableFile(Exception):
    def __init__(self, problem: Problem):
        super().__init__(problem.reason)
        self.problem = problem


def access_problem(path: Path) -> Problem | None:
    if path.is_dir():
        return Problem("is a folder, not a file")
    try:
        with path.open("rb") as handle:
            empty = not handle.read(1)
    except PermissionError:
        return Problem("cannot be opened: permission denied")
    except OSError as error:
        return Problem(f"cannot be opened: {error.strerror or error}")
    return Problem("is an empty file: an extract needs at least its header row") if empty else None


def _decoding_problem(path: Path) -> Problem | None:
    with path.open("rb") as handle:
        if handle.read(2) in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            return Problem(f"is UTF-16 text (it starts with a UTF-16 byte-order mark), not UTF-8; {SAVE_AS}", 1)
        handle.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        newlines = 0
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            nul = chunk.find(b"\0")
            if nul >= 0:
                row = newlines + chunk.count(b"\n", 0, nul) + 1
                return Problem(f"holds NUL bytes: the file is UTF-16 or binary, not UTF-8 text; {SAVE_AS}", row)
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as error:
                # error.object is the decoder's few pending bytes (never a newline) followed by this chunk
                row = newlines + error.object.count(b"\n", 0, error.start) + 1
                byte = error.object[error.start]
                reason = f"is not UTF-8 text: the byte 0x{byte:02X} cannot be decoded (a Latin-1 or Windows-1252 file?); {SAVE_AS}"
                return Problem(reason, row)
            newlines += chunk.count(b"\n")
    return None


def _header(path: Path) -> str:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return handle.readline(CHUNK).rstrip("\r\n")


def csv_problem(path: Path) -> Problem | None:
    """Not UTF-8 (a UTF-8 byte-order mark is accepted), or not comma-separated."""
    problem = _decoding_problem(path)
    if problem:
        return problem
    header = _header(path)
    if "," not in header:
        for delimiter, name in DELIMITERS.items():
            if delimiter in header:
                return Problem(f"is separated by {name}, not commas; {SAVE_AS}", 1, header[:60])
    names = next(csv.reader([header]), [])
    repeated = next((name for i, name in enumerate(names) if name in names[:i]), None)
    if repeated is not None:
        return Problem(f"names the column {repeated!r} twice", 1)
    return None


def malformed_row(path: Path) -> Problem | None:
    """The first row a reader could not split: more fields than the header, or a quoted value never closed."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = csv.reader(handle, strict=True)
        width = len(next(rows, []))
        start = rows.line_num + 1
        try:
            for fields in rows:
                if len(fields) > width:
                    reason = f"has {len(fields)} fields where the header has {width} (a comma in a value not in quotes?)"
                    return Problem(reason, start)
                start = rows.line_num + 1
        except csv.Error:
            return Problem("has a quoted value that is never closed (a quote mark opens it and no quote mark ends it)", start)
    return None


def parquet_problem(path: Path) -> Problem | None:
    with path.open("rb") as handle:
        if handle.read(4) != PARQUET_SIGNATURE:
            return Problem("is not a Parquet file (it does not start with the Parquet signature PAR1)")
    return None


def xlsx_problem(path: Path) -> Problem | None:
    with path.open("rb") as handle:
        if handle.read(4) == OLE_SIGNATURE:
            return Problem("is an .xls workbook or a workbook protected by a password; save it as an XLSX workbook without one")
    if not zipfile.is_zipfile(path):
        return Problem("is not an XLSX workbook (not a zip archive)")
    with zipfile.ZipFile(path) as archive:
        if "xl/workbook.xml" not in archive.namelist():
            return Problem("is not an XLSX workbook: it is a zip archive without a workbook in it")
    return None


PROBLEMS = {".csv": csv_problem, ".parquet": parquet_problem, ".xlsx": xlsx_problem}


def file_problem(path: Path) -> Problem | None:
    return access_problem(path) or PROBLEMS[path.suffix](path)
