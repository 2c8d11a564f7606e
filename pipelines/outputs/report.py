"""report.html: the run at a glance, one self-contained page a person opens from the out folder.

The verdict per instrument and fiscal quarter, the clause × quarter grid in status colours, headroom over time for each
maintenance test (Plotly, its JavaScript inlined from the pinned `plotly` package, so the page needs no network), and
for each result a drill-down to its inputs, the waivers weighed and the extract rows behind it.

Money is formatted from its decimal digits; the chart receives decimal strings, which Plotly reads as numbers on a
linear axis, so no figure passes through a Python float.
"""

from __future__ import annotations

from collections import defaultdict
from importlib.resources import files
from pathlib import Path

import duckdb
from markupsafe import Markup

from pipelines.certificates.rendering import amount, figure, render_html
from pipelines.database import connect
from pipelines.explain.sources import ACCOUNTS_SHOWN, LEDGER_LINES, TRIAL_BALANCES, LedgerAccounts, file_names, ledger_accounts_of, transaction_rows
from pipelines.explain.terms import input_label, readable
from pipelines.explain.waivers import waivers_weighed
from pipelines.fiscal import FiscalQuarter
from pipelines.outputs.verdict import NOT_TESTED, STATUS_WORDS, quarter_of, verdict_of, verdicts, worst
from pipelines.policy.evaluation import covenant_figures, read_marts
from pipelines.policy.loading import PolicySet
from pipelines.policy.result import Result
from pipelines.scenario.marking import banner
from pipelines.typography import OPERATOR_WORDS

REPORT = "report.html"
TEMPLATE = "report/report.html.j2"
DATABASE = "covenants.duckdb"  # the run's database, beside the report in the out folder


def plotly_js() -> Markup:
    """plotly.min.js as the pinned package ships it; trusted code, inlined verbatim into a <script>."""
    return Markup((files("plotly") / "package_data" / "plotly.min.js").read_text(encoding="utf-8"))


def _input_rows(result: Result) -> list[dict]:
    rows = []
    for name, given in result.inputs.items():
        value, clause_id = (given.get("value"), given.get("clause_id", "")) if isinstance(given, dict) else (given, "")
        rows.append({"label": input_label(name, clause_id), "clause_id": clause_id, "value": figure(value, missing="none")})
    return rows


def _limit_rows(result: Result) -> list[dict]:
    return [
        {
            "kind": limit.kind,
            "name": limit.name,
            "period": f"{limit.period_start} to {limit.period_end}" if limit.period_start and limit.period_end else "",
            "applies_to": limit.applies_to,
            "clause_id": limit.clause_id,
            "value": amount(limit.value, missing="not computed"),
            "source": readable(limit.source),
        }
        for limit in result.limits
    ]


def _result_view(index: int, result: Result, policies: PolicySet, evidence: dict) -> dict:
    return {
        "anchor": f"r{index}",
        "result": result,
        "status_words": STATUS_WORDS[result.status],
        "operator_words": OPERATOR_WORDS[result.operator],
        "actual": amount(result.actual),
        "threshold": amount(result.threshold),
        "headroom": amount(result.headroom),
        "headroom_pct": amount(result.headroom_pct, suffix="%"),
        "explanation": readable(result.explanation),
        "inputs": _input_rows(result),
        "limits": _limit_rows(result),
        "waivers": waivers_weighed(policies, result),
        "sources": evidence["rows"],
        "ledger": evidence["ledger"],
    }


def _grid(results: list[Result], quarters: list[FiscalQuarter], anchors: dict[int, str], titles: dict[str, str]) -> list[dict]:
    """One row per clause: in each quarter the most serious status of its results, with a link to the first of them."""
    cells: dict[str, dict[FiscalQuarter, list[int]]] = defaultdict(lambda: defaultdict(list))
    for index, result in enumerate(results):
        cells[result.clause_id][quarter_of(result)].append(index)
    rows = []
    for clause_id in sorted(cells, key=lambda c: (c.split("/")[0], c)):
        row = []
        for quarter in quarters:
            found = cells[clause_id].get(quarter, [])
            statuses = [results[i].status for i in found]
            status = worst(statuses) if found else None
            row.append({
                "status": status,
                "words": STATUS_WORDS[status] if status else "",
                "count": len(found),
                "of_status": statuses.count(status) if status else 0,
                "anchor": anchors[found[0]] if found else "",
            })
        rows.append({"clause_id": clause_id, "title": titles.get(clause_id, ""), "cells": row})
    return rows


def _charts(results: list[Result], forms: dict[str, str], titles: dict[str, str]) -> list[dict]:
    """Headroom over time for each maintenance test with a headroom other than zero: a yes-or-no test (headroom 0 when
    it complies) would draw a flat line, and the grid already shows it."""
    series: dict[str, list[Result]] = defaultdict(list)
    for result in results:
        if result.test_kind == "maintenance":
            series[result.clause_id].append(result)
    charts = []
    for clause_id, tested in sorted(series.items()):
        if all(not r.headroom for r in tested):
            continue
        tested.sort(key=lambda r: r.test_date)
        ratio = forms.get(clause_id) == "ratio"
        charts.append({
            "clause_id": clause_id,
            "title": titles.get(clause_id, ""),
            "unit": "headroom (ratio points)" if ratio else "headroom (US dollars)",
            "dates": [r.test_date.isoformat() for r in tested],
            "headroom": [None if r.headroom is None else format(r.headroom, "f") for r in tested],
            "statuses": [r.status for r in tested],
            "labels": [f"{STATUS_WORDS[r.status]}; headroom {amount(r.headroom)}" for r in tested],
        })
    return charts


def _periods(con: duckdb.DuckDBPyConnection, results: list[Result], policies: PolicySet) -> dict[tuple, tuple]:
    """The period each result's figure is measured over, from its mart row, for the results whose inputs are sums of
    accounts (only their marts are read)."""
    wanted = {r.clause_id for r in results if LEDGER_LINES.keys() & r.inputs.keys()}
    covenants = [c for c in policies.covenants if c.clause_id in wanted]
    read = read_marts(con, {c.figure.mart for c in covenants})
    return {(f.clause_id, f.test_date, f.transaction_id): f.period for c in covenants for f in covenant_figures(read, c)}


# A figure's drill-down lists ACCOUNTS_SHOWN of its accounts (pipelines/explain/sources.py), and this many trial-balance
# rows of each entity's amount (a twelve-month figure reads 13: each month and the balance before the first), then says
# how many more there are and what they add up to; `covenants explain --all-accounts` lists every one.
ROWS_SHOWN = 25


def _more_accounts(accounts: LedgerAccounts) -> dict | None:
    return {"count": accounts.more[0], "amount": accounts.more[1]} if accounts.more else None


def _evidence(database: Path, results: list[Result], policies: PolicySet, files_by_extract: dict[str, str]) -> list[dict]:
    """For each result: the rows of its transaction, and the trial-balance accounts behind each input that sums them."""
    if not database.exists():
        return [{"rows": [], "ledger": []} for _ in results]
    con = connect(database, read_only=True)
    try:
        by_transaction = {t: transaction_rows(con, t) for t in {r.transaction_id for r in results if r.transaction_id}}
        measured = _periods(con, results, policies)
        periods = [measured.get((r.clause_id, r.test_date, r.transaction_id), (None, None)) for r in results]
        found = ledger_accounts_of(con, [(name, period) for r, period in zip(results, periods) for name in r.inputs], ACCOUNTS_SHOWN)
        evidence = []
        for r, period in zip(results, periods):
            ledger = [
                {
                    "label": input_label(name, given.get("clause_id", "")),
                    "value": given.get("value"),
                    "accounts": found[(name, period)],
                    "more_accounts": _more_accounts(found[(name, period)]),
                }
                for name, given in r.inputs.items()
                if (name, period) in found and isinstance(given, dict)
            ]
            rows = [{"file": files_by_extract.get(s.extract, s.extract), "row": s.row} for s in by_transaction.get(r.transaction_id, [])]
            evidence.append({"rows": rows, "ledger": ledger})
    finally:
        con.close()
    return evidence


def report_context(results: list[Result], quarters: list[FiscalQuarter], policies: PolicySet, manifest: dict, out_dir: Path) -> dict:
    titles = {c.clause_id: c.title for c in policies.covenants}
    forms = {c.clause_id: c.figure.form for c in policies.covenants}
    instruments = {i.instrument: i.title for i in policies.instruments}
    ordered = sorted(results, key=lambda r: (r.test_date, r.instrument, r.clause_id, r.transaction_id or ""))
    anchors = {i: f"r{i}" for i in range(len(ordered))}
    files_by_extract = file_names(manifest["inputs"])
    evidence = _evidence(out_dir / DATABASE, ordered, policies, files_by_extract)
    found = {(v.instrument, v.quarter): v for v in verdicts(ordered)}
    verdict_rows = [
        {
            "instrument": instrument,
            "title": instruments.get(instrument, instrument),
            "cells": [found[(instrument, q)].verdict if (instrument, q) in found else NOT_TESTED for q in quarters],
        }
        for instrument in sorted({r.instrument for r in ordered})
    ]
    views = [_result_view(i, r, policies, evidence[i]) for i, r in enumerate(ordered)]
    by_quarter = [{"quarter": q, "results": [v for v in views if quarter_of(v["result"]) == q]} for q in quarters]
    return {
        "trial_balances": files_by_extract.get(TRIAL_BALANCES, f"{TRIAL_BALANCES}.csv"),
        "accounts_shown": ACCOUNTS_SHOWN,
        "rows_shown": ROWS_SHOWN,
        "run_id": manifest["run_id"],
        "as_of": manifest["as_of"],
        "rules_as_of": (manifest.get("options") or {}).get("rules_as_of"),
        "quarters": quarters,
        "determined_on": sorted({r.determination_date for r in ordered if r.determination_date}),
        "overall": verdict_of(r.status for r in ordered),
        "verdict_rows": verdict_rows,
        "attention": [v for v in views if v["result"].status in ("fail", "waived")],
        "undetermined": sum(1 for r in ordered if r.status == "indeterminate"),
        "grid": _grid(ordered, quarters, anchors, titles),
        "charts": _charts(ordered, forms, titles),
        "by_quarter": by_quarter,
        "plotly_js": plotly_js(),
        "scenario_banner": banner(manifest),
    }


def write_report(results: list[Result], quarters: list[FiscalQuarter], policies: PolicySet, manifest: dict, out_dir: Path) -> list[Path]:
    """Write `report.html` into out_dir (the run's database there, when present, gives the source rows)."""
    path = out_dir / REPORT
    path.write_text(render_html(TEMPLATE, report_context(results, quarters, policies, manifest, out_dir)), encoding="utf-8")
    return [path]
