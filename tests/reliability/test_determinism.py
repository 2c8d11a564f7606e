"""Determinism: the same rows in any file format, any row order and any order of writing the files give byte-identical
results, deadlines, basket ledger and documents (HTML and PDF).

The manifest keeps each file's sha256 (it ties a run to its files, so it changes with the carrier); everything the
documents cite, the extracts' content fingerprints among it, stays the same.

Cost on an idle two-core machine: the fast properties (fingerprint and readers) take a few seconds; the quarter runs
take about 15 s each: a reference run, one example with every carrier and two drawn ones, so about 70 s in all.
"""

from __future__ import annotations

import functools
import hashlib
import json
import random
import tempfile
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from pipelines.cli import main
from pipelines.extracts.contract import BY_NAME, EXTRACTS
from pipelines.extracts.fingerprint import content_fingerprint
from pipelines.extracts.reading import ROW, read_extract, typed_rows
from pipelines.layout import SAMPLE_EXTRACTS_DIR
from extract_carriers import CARRIERS, read_sample, write_carrier

PERIOD = "2003Q4"
# the sample's small extracts that hold every kind of column between them: text, money, rate, pct, quantity, date, bool
READER_EXTRACTS = ("entities", "valco_ebitda", "attestations", "market_data", "asset_sales", "liens", "debt_instruments")


@functools.cache
def _sample(name: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The sample's file of the extract, as text and typed (read_sample): read once, whatever reads it (Polars frames
    are not changed in place), and only by the process that runs this module (each collects it)."""
    return read_sample(SAMPLE_EXTRACTS_DIR / f"{name}.csv", BY_NAME[name])


def _sorted_by_key(frame: pl.DataFrame, name: str) -> pl.DataFrame:
    extract = BY_NAME[name]
    return frame.sort([*extract.key, *(c.name for c in extract.columns if c.name not in extract.key)], nulls_last=False)


def _permutation(size: int, seed: int) -> list[int]:
    order = list(range(size))
    random.Random(seed).shuffle(order)
    return order


# ---- the content fingerprint -------------------------------------------------------------------------------------

VALCO = """\
period_end,actual_valco_ebitda,forecast_valco_ebitda,primary_aluminum_produced,forecast_valco_ebitda_quarter
2003-02-28,-1.5,,true,
2003-01-31,100,200.10,false,600
"""
# written by hand from the canonical form of pipelines/extracts/fingerprint.py: rows in key order (period_end), cells in
# contract order, each decimal with the places of its kind, an empty cell as null
VALCO_CANONICAL = (
    '{"period_end":"2003-01-31","actual_valco_ebitda":"100.00","forecast_valco_ebitda":"200.10",'
    '"primary_aluminum_produced":"false","forecast_valco_ebitda_quarter":"600.00"}\n'
    '{"period_end":"2003-02-28","actual_valco_ebitda":"-1.50","forecast_valco_ebitda":null,'
    '"primary_aluminum_produced":"true","forecast_valco_ebitda_quarter":null}\n'
)


def _valco(csv_text: str) -> pl.DataFrame:
    typed, issues = typed_rows(pl.read_csv(csv_text.encode(), infer_schema=False), 2, BY_NAME["valco_ebitda"], "valco_ebitda.csv")
    assert not issues
    return typed


def test_fingerprint_is_the_sha256_of_the_canonical_rows():
    assert content_fingerprint(_valco(VALCO), BY_NAME["valco_ebitda"]) == hashlib.sha256(VALCO_CANONICAL.encode()).hexdigest()


def test_fingerprint_changes_with_one_cent():
    changed = VALCO.replace("200.10", "200.11")
    assert content_fingerprint(_valco(changed), BY_NAME["valco_ebitda"]) != content_fingerprint(_valco(VALCO), BY_NAME["valco_ebitda"])


def test_fingerprint_ignores_the_row_number_column():
    typed = _valco(VALCO)
    assert content_fingerprint(typed, BY_NAME["valco_ebitda"]) == content_fingerprint(typed.drop(ROW), BY_NAME["valco_ebitda"])


# ---- the readers: every carrier and row order gives the same typed table -----------------------------------------


@settings(max_examples=40, deadline=None, derandomize=True)
@given(name=st.sampled_from(READER_EXTRACTS), carrier=st.sampled_from(CARRIERS), seed=st.integers(0, 2**32 - 1))
def test_any_carrier_and_row_order_reads_to_the_same_typed_rows_and_fingerprint(name, carrier, seed):
    text, typed = _sample(name)
    with tempfile.TemporaryDirectory() as folder:
        path = write_carrier(text, typed, _permutation(text.height, seed), carrier, Path(folder), name)
        read, issues = read_extract(path, BY_NAME[name])
    assert issues == []
    assert _sorted_by_key(read.drop(ROW), name).equals(_sorted_by_key(typed, name))
    assert content_fingerprint(read, BY_NAME[name]) == content_fingerprint(typed, BY_NAME[name])


# ---- whole runs --------------------------------------------------------------------------------------------------


def _run(extracts: Path, out: Path) -> Path:
    assert main(["run", "--extracts", str(extracts), "--out", str(out), "--period", PERIOD]) == 0
    return out


# Outputs tied to the very files read: the run's working database (DuckDB's own pages, and each row's `_row`), and
# report.html, whose drill-downs name each figure's source file and row number, as a person must find them.
TIED_TO_THE_FILES = ("covenants.duckdb", "report.html")


def _published(out: Path) -> dict[str, bytes]:
    """Every file the run published, by path under out, with its bytes, but those tied to the very files read."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file() and p.name not in TIED_TO_THE_FILES}


@pytest.fixture(scope="module")
def reference(sample_quarter_run) -> Path:
    """The output folder of the sample's CSV files as they are, run for one quarter (tests/conftest.py)."""
    return sample_quarter_run


@st.composite
def carried_extracts(draw) -> tuple[dict[str, tuple[str, int]], list[str]]:
    """Per extract a carrier and a seed for its row order; and the order in which the files are written."""
    chosen = {e.name: (draw(st.sampled_from(CARRIERS)), draw(st.integers(0, 2**32 - 1))) for e in EXTRACTS}
    return chosen, draw(st.permutations([e.name for e in EXTRACTS]))


# every carrier at least once, whatever is drawn: the carriers in turn over the extracts, files written last to first
EVERY_CARRIER = (
    {e.name: (CARRIERS[i % len(CARRIERS)], i) for i, e in enumerate(EXTRACTS)},
    [e.name for e in reversed(EXTRACTS)],
)


# a whole run is too slow to shrink a failing example: it is reported as drawn
@settings(
    max_examples=2,
    deadline=None,
    derandomize=True,
    phases=(Phase.explicit, Phase.generate),
    suppress_health_check=[HealthCheck.too_slow],
)
@given(carried=carried_extracts())
@example(carried=EVERY_CARRIER)
def test_same_rows_in_any_format_and_order_give_byte_identical_outputs(reference, carried):
    chosen, write_order = carried
    with tempfile.TemporaryDirectory() as work:
        extracts = Path(work) / "extracts"
        extracts.mkdir()
        written = {}
        for name in write_order:
            text, typed = _sample(name)
            carrier, seed = chosen[name]
            written[name] = write_carrier(text, typed, _permutation(text.height, seed), carrier, extracts, name)
        outputs = _published(_run(extracts, Path(work) / "out"))

    expected = _published(reference)
    manifest, expected_manifest = json.loads(outputs.pop("manifest.json")), json.loads(expected.pop("manifest.json"))
    assert sorted(outputs) == sorted(expected)
    different = [name for name, content in outputs.items() if content != expected[name]]
    assert different == []
    # the files are tied to the run by their own bytes; everything the documents cite is the same
    assert sorted(manifest.pop("inputs")) == sorted(path.name for path in written.values())
    assert manifest.pop("location") == {"extracts": str(extracts.resolve())}  # where they were read, outside the run id
    expected_manifest.pop("inputs"), expected_manifest.pop("location")
    assert manifest == expected_manifest
