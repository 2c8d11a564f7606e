"""`covenants diff OLD_OUT NEW_OUT` on two small results.json written by hand: what changed, appeared, disappeared, which
inputs moved; formatted money; exit code 0; one line for a folder that is not a run's output."""

import json

import pytest

from pipelines.cli import EXIT_BAD_INPUT, main


def result(clause_id, test_date, status, actual, threshold, headroom, inputs=None, transaction_id=None, test_kind="maintenance", **extra):
    return {
        "clause_id": clause_id,
        "instrument": clause_id.split("/")[0],
        "test_date": test_date,
        "test_kind": test_kind,
        "transaction_id": transaction_id,
        "status": status,
        "figure": "EBITDA for the 12 months",
        "actual": actual,
        "operator": ">=",
        "threshold": threshold,
        "headroom": headroom,
        "inputs": inputs or {},
        "waiver_id": None,
        **extra,
    }


def ebitda(value):
    return {"ebitda": {"value": value, "clause_id": "ppca-2002/def/EBITDA"}}


OLD = [
    result("ppca-2002/9.2.4(b)", "2003-10-31", "pass", "-126000000.00", "-127000000.00", "1000000.00", ebitda("-126000000.00")),
    result("ppca-2002/9.2.4(b)", "2003-11-30", "fail", "-127541418.02", "-127000000.00", "-541418.02", ebitda("-127541418.02")),
    result("ppca-2002/9.2.4(a)", "2003-12-31", "fail", "-135000000.00", "-123000000.00", "-12000000.00", {"document": {"value": "letter 1"}}),
    result("indenture-1996/4.10(a)", "2003-11-15", "pass", "2.5", "2.0", "0.5", transaction_id="INC-1", test_kind="transaction"),
]
NEW = [
    # the same, though written with other trailing zeros
    result("ppca-2002/9.2.4(b)", "2003-10-31", "pass", "-126000000.0", "-127000000", "1000000.00", ebitda("-126000000.00")),
    result("ppca-2002/9.2.4(b)", "2003-11-30", "pass", "-126541418.02", "-127000000.00", "458581.98", ebitda("-126541418.02")),
    result(
        "ppca-2002/9.2.4(a)", "2003-12-31", "waived", "-135000000.00", "-123000000.00", "-12000000.00",
        {"document": {"value": "letter 2"}, "waiver_letter": {"value": "2004-03-29"}}, waiver_id="ppca-2002/waiver-2004-03-29-minimum-ebitda",
    ),
    result("ppca-2002/def/BorrowingBase", "2003-12-31", "indeterminate", None, "0", None),
]


def run_folder(path, records, manifest=None):
    path.mkdir()
    (path / "results.json").write_text(json.dumps(records))
    if manifest:
        (path / "manifest.json").write_text(json.dumps(manifest))
    return path


def test_what_changed_appeared_and_disappeared(tmp_path, capsys):
    old = run_folder(tmp_path / "old", OLD, {"run_id": "r-old", "as_of": "2003-12-31"})
    new = run_folder(tmp_path / "new", NEW)
    assert main(["diff", str(old), str(new)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"Old: {old} (run r-old as of 2003-12-31, 4 results)",
        f"New: {new} (4 results)",
        "2 changed, 1 appeared, 1 disappeared, 1 unchanged.",
        "",
        "Changed:",
        "  ppca-2002/9.2.4(b), 2003-11-30: fail → pass",
        "    EBITDA for the 12 months: (127,541,418.02) → (126,541,418.02)",
        "    headroom: (541,418.02) → 458,581.98",
        "    input ebitda: (127,541,418.02) → (126,541,418.02)",
        "  ppca-2002/9.2.4(a), 2003-12-31: fail → waived",
        "    waiver: none → ppca-2002/waiver-2004-03-29-minimum-ebitda",
        "    input document: letter 1 → letter 2",
        "    input waiver_letter: none → 2004-03-29",
        "",
        "Appeared:",
        "  ppca-2002/def/BorrowingBase, 2003-12-31: indeterminate; EBITDA for the 12 months none >= 0",
        "",
        "Disappeared:",
        "  indenture-1996/4.10(a), 2003-11-15, transaction INC-1: pass; EBITDA for the 12 months 2.5 >= 2.0",
    ]


def test_two_runs_alike(tmp_path, capsys):
    assert main(["diff", str(run_folder(tmp_path / "a", OLD)), str(run_folder(tmp_path / "b", OLD))]) == 0
    assert capsys.readouterr().out.splitlines()[2:] == ["0 changed, 0 appeared, 0 disappeared, 4 unchanged."]


def test_an_input_that_moved_without_changing_the_result_is_reported(tmp_path, capsys):
    moved = [dict(OLD[0], inputs=ebitda("-126000000.01"))]
    assert main(["diff", str(run_folder(tmp_path / "a", OLD[:1])), str(run_folder(tmp_path / "b", moved))]) == 0
    assert capsys.readouterr().out.splitlines()[2:] == [
        "1 changed, 0 appeared, 0 disappeared, 0 unchanged.",
        "",
        "Changed:",
        "  ppca-2002/9.2.4(b), 2003-10-31: still pass",
        "    input ebitda: (126,000,000.00) → (126,000,000.01)",
    ]


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: p, "{p}: folder not found"),
        (lambda p: p.write_text("[]") and p, "{p} is a file, not a run's output folder"),
        (lambda p: p.mkdir() or p, "{p} is not a run's output folder: it has no results.json"),
        (lambda p: p.mkdir() or (p / "results.json").write_text("{not json") and p, "{p}/results.json is not a run's results: not JSON"),
        (lambda p: p.mkdir() or (p / "results.json").write_text('{"a": 1}') and p,
         "{p}/results.json is not a run's results: a list of result records was expected"),
    ],
)
def test_a_folder_that_is_not_a_runs_output_is_one_line(tmp_path, capsys, make, message):
    good = run_folder(tmp_path / "good", OLD)
    bad = make(tmp_path / "bad")
    assert main(["diff", str(good), str(bad)]) == EXIT_BAD_INPUT
    captured = capsys.readouterr()
    assert captured.err == f"covenants: {message.format(p=bad)}\n" and captured.out == ""
