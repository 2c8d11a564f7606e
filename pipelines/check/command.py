"""`covenants check` end to end: the transaction file, the cached prepared database, the pro forma passes, check.json."""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

from pipelines.check.covered_dates import DateNotCovered, refuse_uncovered
from pipelines.check.prepared import ATTACHED, open_prepared
from pipelines.check.pro_forma import CheckOutcome, check
from pipelines.check.transaction import parse_proposal
from pipelines.layout import CACHE_DIR
from pipelines.outputs.basket_ledger import MEASURE_WORDS
from pipelines.outputs.output_folder import staged
from pipelines.outputs.results_files import record, write_results
from pipelines.outputs.room_words import room_text
from pipelines.outputs.verdict import STATUS_WORDS
from pipelines.typography import OPERATOR_WORDS, actual_and_threshold, money, percent


def run_check(extracts_dir: Path, on: date, transaction_file: Path, cache_dir: Path = CACHE_DIR) -> CheckOutcome:
    """Raises BadTransaction, BadExtracts, ExtractMissing, DateNotCovered (exit 2) or PolicyError (exit 3)."""
    proposal = parse_proposal(transaction_file, on, transaction_id=f"PROPOSED-{on.isoformat()}")
    started = time.perf_counter()
    prepared = open_prepared(extracts_dir, cache_dir)
    if prepared.note:
        print(f"covenants: {prepared.note}", file=sys.stderr)
    try:
        trial_balances = prepared.con.cursor().table(f"{ATTACHED}.main.raw_trial_balances")
        first, last = trial_balances.aggregate("min(period_end), max(period_end)").fetchall()[0]
        statements = prepared.con.cursor().table(f"{ATTACHED}.main.raw_financial_statements")
        recorded = dict(statements.select("period_end, available_on").fetchall())
        refuse_uncovered(on, first, last, prepared.policies, recorded)
    except DateNotCovered:
        prepared.con.close()
        raise
    how = "cached" if prepared.cached else f"prepared from the extracts in {time.perf_counter() - started:.2f} s and cached"
    trace = [f"prepared database {prepared.path} ({how}); opened read-only"]
    return check(prepared, proposal, transaction_file.name, trace)


def check_record(outcome: CheckOutcome) -> dict:
    proposal = outcome.proposal
    return {
        "transaction_id": proposal.transaction_id,
        "kind": proposal.kind,
        "date": proposal.on.isoformat(),
        "answer": outcome.answer,
        "relied_on": outcome.relied_on,
        "reasons": outcome.reasons,
        "ratios": outcome.ratios,
        "baskets": outcome.baskets,
        "rows": {name: [_text_row(r) for r in frame.drop("_row").iter_rows(named=True)] for name, frame in proposal.rows.items()},
        "results": [record(r) for r in outcome.after.results],
        "results_before": [record(r) for r in outcome.before.results],
        "trace": outcome.trace,
    }


def _text_row(row: dict) -> dict:
    return {k: None if v is None else ("true" if v else "false") if isinstance(v, bool) else format(v, "f") if hasattr(v, "as_tuple") else str(v) for k, v in row.items()}


def write_check(outcome: CheckOutcome, out_dir: Path, reads: dict[str, Path]) -> list[Path]:
    """check.json, and results.json/csv and result_inputs.csv holding the proposal's results in the shape of a run's.
    `reads` names the folders the check read (extracts, cache), which the output may not replace, hold or lie inside."""
    out_dir = out_dir.resolve()
    with staged(out_dir, reads) as staging:
        (staging / "check.json").write_text(json.dumps(check_record(outcome), indent=2, ensure_ascii=False) + "\n")
        written = [staging / "check.json", *write_results(outcome.after.results, staging)]
    return [out_dir / p.relative_to(staging) for p in written]


def summary(outcome: CheckOutcome, table) -> str:
    proposal = outcome.proposal
    lines = [
        f"{proposal.kind.replace('_', ' ')} {proposal.transaction_id} on {proposal.on}, relying on {outcome.relied_on}: {outcome.answer.upper()}",
        "",
    ]
    if outcome.after.results:
        ratios = {r["clause_id"]: r for r in outcome.ratios}
        rows = [
            [r.clause_id, STATUS_WORDS[r.status], _before(ratios.get(r.clause_id, {}).get("before"), r.threshold), *_figures(r), money(r.headroom, "-"), percent(r.headroom_pct, "-")]
            for r in outcome.after.results
        ]
        lines += [table(["clause", "status", "before", "after", "must be", "threshold", "headroom", "headroom %"], rows)]
    lines += [f"  {reason}" for reason in outcome.reasons]
    room = [f"  {r.clause_id} {room_text(r)}" for r in outcome.after.results if r.room_to_move is not None]
    if room:
        lines += ["", "Room to move", *room]
    if outcome.baskets:
        lines += ["", table(["basket", "measure", "capacity", "left before", "left after"], [
            [b["clause_id"], MEASURE_WORDS[b["measure"]], money(b["capacity"], "-"), money(b["remaining_before"], "-"), money(b["remaining_after"], "-")]
            for b in outcome.baskets
        ])]
    lines += ["", "Trace:", *(f"  {step}" for step in outcome.trace)]
    return "\n".join(lines)


def _before(ratio: str | None, threshold: Decimal | None) -> str:
    return "-" if ratio is None else actual_and_threshold(Decimal(ratio), threshold)[0]


def _figures(result) -> list[str]:
    actual, threshold = actual_and_threshold(result.actual, result.threshold)
    return [actual, OPERATOR_WORDS.get(result.operator, result.operator or "-"), threshold]
