"""report.html: one self-contained page with the verdict, the clause x quarter grid, headroom charts and a drill-down
per result. The figures are those of the sample's ppca-2002 Minimum EBITDA tests around the end of 2003."""

from __future__ import annotations

import re
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from pipelines.extracts.contract import EXTRACTS
from pipelines.fiscal import FiscalQuarter
from pipelines.outputs.report import plotly_js, write_report
from pipelines.policy.loading import load_policies
from pipelines.policy.result import Limit, Result

WAIVER = "ppca-2002/waiver-2004-03-29-minimum-ebitda"
QUARTERS = [FiscalQuarter(2003, 3), FiscalQuarter(2003, 4)]
BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"]


def maintenance(clause: str, test_date: date, status: str, actual: str, threshold: str, headroom: str, **extra) -> Result:
    return Result(
        clause_id=f"ppca-2002/{clause}", instrument="ppca-2002", test_date=test_date, test_kind="maintenance", status=status,
        actual=Decimal(actual), operator=">=", threshold=Decimal(threshold), headroom=Decimal(headroom), headroom_pct=None,
        figure="EBITDA for the 12 months", determination_date=date(2004, 1, 14),
        inputs={"adjusted_net_earnings_from_operations": {"value": "-218507515.43", "clause_id": "ppca-2002/def/AdjustedNetEarningsFromOperations"}},
        **extra,
    )


RESULTS = [
    maintenance("9.2.4(a)", date(2003, 9, 30), "pass", "-100000000.00", "-105000000.00", "5000000.00"),
    maintenance("9.2.4(b)", date(2003, 11, 30), "fail", "-127541418.02", "-127000000.00", "-541418.02"),
    maintenance("9.2.4(a)", date(2003, 12, 31), "waived", "-135000000.00", "-123000000.00", "-12000000.00",
                waiver_id=WAIVER, status_before_waiver="fail",
                explanation=f"EBITDA -135000000.00 >= -123000000.00 is false. Noncompliance waived by {WAIVER}, dated 2004-03-29.",
                limits=(Limit("credit", "VALCO shortfall credit", Decimal("12000000.00"), "ppca-2002/9.2.4(c)", "valco_ebitda for 2003-10-31, 2003-11-30, 2003-12-31",
                              "valco_shortfall_reduction", date(2003, 10, 1), date(2003, 12, 31)),)),
    Result(
        clause_id="indenture-1996/4.10(b)(ii)", instrument="indenture-1996", test_date=date(2003, 11, 17), test_kind="transaction",
        status="pass", actual=Decimal("160000000.00"), operator="<=", threshold=Decimal("400000000.00"),
        headroom=Decimal("240000000.00"), headroom_pct=Decimal("60.00"), transaction_id="INC-2003-11-DIP",
        inputs={"usage_before": {"value": "55000000.00", "clause_id": "indenture-1996/4.10(b)(ii)"}},
    ),
]


def manifest() -> dict:
    return {"run_id": "0123456789abcdef", "as_of": "2003-12-31", "periods": [str(q) for q in QUARTERS],
            "inputs": {f"{e.name}.csv": "0" * 64 for e in EXTRACTS}}


def database(folder: Path) -> None:
    """The run's database as far as the source rows need it: every keyed extract, the incurrence at row 17."""
    con = duckdb.connect(str(folder / "covenants.duckdb"))
    for extract in EXTRACTS:
        con.execute(f'create table "raw_{extract.name}" ({", ".join(f"{k} varchar" for k in extract.key)}, _row bigint)')
    con.execute("insert into raw_incurrences values ('INC-2003-11-DIP', 17)")
    con.close()


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report")
    database(out)
    [path] = write_report(RESULTS, QUARTERS, load_policies(), manifest(), out)
    return path


def test_the_verdict_per_instrument_and_quarter_comes_first(page):
    html = page.read_text()
    verdicts = html[html.index('id="verdict"') : html.index('id="grid"')]
    # ppca-2002: 2003Q3 passed; 2003Q4 has an unwaived failure (9.2.4(b) on November 30) beside a waived one
    assert re.findall(r'<td class="v-[a-z-]+">([a-z ]+)</td>', verdicts) == [
        "not tested", "compliant",  # indenture-1996: nothing in 2003Q3, the 4.10(b)(ii) incurrence in 2003Q4
        "compliant", "not compliant",
    ]


def test_failures_and_waivers_are_listed_with_their_figures_and_a_link_to_each(page):
    html = page.read_text()
    listed = html[html.index('id="attention"') : html.index('id="grid"')]
    assert re.findall(r'<a href="#(r\d+)">([^<]+)</a>', listed) == [("r2", "ppca-2002/9.2.4(b)"), ("r3", "ppca-2002/9.2.4(a)")]
    assert '<td class="num">(541,418.02)</td>' in listed and f"<td>{WAIVER}</td>" in listed


def test_the_grid_shows_each_clause_in_each_quarter_in_its_status_colour(page):
    html = page.read_text()
    grid = html[html.index('id="grid"') : html.index('id="headroom"')]
    row = grid[grid.index("ppca-2002/9.2.4(a)</th>") :].split("</tr>")[0]
    assert re.findall(r'<td class="s-([a-z_]+)"><a href="#(r\d+)">([a-z ]+)</a>', row) == [
        ("pass", "r0", "complies"), ("waived", "r3", "waived"),
    ]


def test_money_is_formatted_with_separators_and_negatives_in_parentheses(page):
    html = page.read_text()
    assert "headroom (541,418.02)" in html
    assert "(127,541,418.02)" in html and "(127,000,000.00)" in html
    assert "-541418.02" in html  # the chart's data, as a decimal string


def test_each_result_drills_down_to_inputs_waivers_and_source_rows(page):
    html = page.read_text()
    waived = html[html.index('id="r3"') :].split("</details>")[0]
    assert "Adjusted Net Earnings From Operations" in waived and "(218,507,515.43)" in waived
    assert f"({WAIVER}, dated 2004-03-29): Applied: noncompliance waived by {WAIVER}, dated 2004-03-29." in waived
    incurrence = html[html.index('id="r1"') :].split("</details>")[0]
    assert "<li>incurrences.csv, row 17</li>" in incurrence


def test_a_result_s_threshold_caps_credits_and_reductions_are_listed(page):
    waived = page.read_text().split('id="r3"')[1].split("</details>")[0]
    assert ("<tr><td>credit</td><td>VALCO shortfall credit (2003-10-01 to 2003-12-31)</td><td>ppca-2002/9.2.4(c)</td>"
            '<td>valco_shortfall_reduction</td><td class="num">12,000,000.00</td><td>valco_ebitda for 2003-10-31, 2003-11-30, 2003-12-31</td></tr>') in waived


def test_the_page_is_self_contained(page):
    html = page.read_text()
    library = str(plotly_js())
    assert f"<script id=\"plotly-library\">{library}</script>" in html  # the library itself, inlined
    ours = html.replace(library, "")  # the library's own strings name its web site, for links it is told not to show
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", ours)
    assert "<link" not in ours and "<script src" not in ours


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is not installed (CI installs it: .ci/run)")
def test_the_page_loads_in_chromium_without_an_error_and_shows_the_grid_and_the_charts(page, tmp_path):
    playwright = pytest.importorskip("playwright.sync_api", reason="the test extra's playwright is not installed")
    errors = []
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=shutil.which("chromium"), args=BROWSER_ARGS)
        try:
            view = browser.new_page(viewport={"width": 1400, "height": 1000})
            view.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
            view.on("pageerror", lambda error: errors.append(str(error)))
            view.goto(page.as_uri())
            view.wait_for_selector("#chart-1 .main-svg")
            assert view.locator("table.grid td.s-fail").count() == 1
            assert view.locator(".chart .main-svg").count() >= 2  # 9.2.4(a) and 9.2.4(b), each its own plot
            assert view.locator("details").count() == len(RESULTS)
            view.locator('#attention a[href="#r2"]').click()  # a failure's link opens its drill-down
            assert view.locator("details#r2").get_attribute("open") is not None
            view.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        finally:
            browser.close()
    assert errors == []
    assert (tmp_path / "report.png").stat().st_size > 10_000


def test_a_drill_down_lists_25_accounts_then_says_how_many_more_and_what_they_add_up_to():
    from pipelines.explain.sources import Account, EntityAmount, LedgerAccounts
    from pipelines.outputs.report import ACCOUNTS_SHOWN, _more_accounts

    # 27 sub-accounts of 100.00 each, as a scaled trial balance splits an account: 25 listed, 2 more of 200.00
    accounts = tuple(Account(f"4000-{i:03}", "Net sales", Decimal("100.00"), (EntityAmount("KACC", Decimal("100.00"), (i,)),)) for i in range(25))
    ledger = LedgerAccounts(date(2003, 1, 1), date(2003, 12, 31), Decimal("2700.00"), accounts, (2, Decimal("200.00")))
    assert ACCOUNTS_SHOWN == 25
    assert _more_accounts(ledger) == {"count": 2, "amount": Decimal("200.00")}
    assert _more_accounts(LedgerAccounts(ledger.start, ledger.end, Decimal("2500.00"), accounts)) is None


def test_the_accounts_beyond_those_listed_are_counted_and_added_up_in_the_database(sample_database):
    from pipelines.database import connect
    from pipelines.explain.sources import ledger_accounts_of

    fiscal_2003 = ("consolidated_fixed_charges", (date(2003, 1, 1), date(2003, 12, 31)))
    con = connect(sample_database, read_only=True)
    try:
        [listed] = ledger_accounts_of(con, [fiscal_2003], accounts_shown=1).values()
        [every] = ledger_accounts_of(con, [fiscal_2003]).values()
    finally:
        con.close()
    # the sample's 2003 fixed charges: 6000 interest expense 1,231,682.64 (APJ 949,248.26, KACC 41,562.50, VALCO
    # 240,871.88), 6010 interest borne by joint-venture partners 26,763.54 and 6100 letter of credit fees 1,379,513.89;
    # listed one: 6000, then 2 more of 26,763.54 + 1,379,513.89 = 1,406,277.43, in all 2,637,960.07
    assert [(a.account_id, a.amount, len(a.entities)) for a in listed.accounts] == [("6000", Decimal("1231682.64"), 3)]
    assert listed.more == (2, Decimal("1406277.43"))
    assert listed.total == every.total == Decimal("2637960.07")
    assert [a.account_id for a in every.accounts] == ["6000", "6010", "6100"] and every.more is None


def test_the_accounts_beyond_those_listed_are_one_line_of_their_count_and_amount(tmp_path, monkeypatch):
    from pipelines.explain.sources import Account, EntityAmount, LedgerAccounts
    from pipelines.outputs import report

    # one sub-account listed, as at x800 where a figure has 16,800 of them: the 16,775 beyond the 25 listed are one line
    listed = Account("4000-001", "Net sales, sub-account 1 of 800", Decimal("1687187.57"), (EntityAmount("KACC", Decimal("1687187.57"), (2,)),))
    ledger = LedgerAccounts(date(2002, 11, 1), date(2003, 10, 31), Decimal("1787187.57"), (listed,), (16775, Decimal("100000.00")))
    given = {"label": "Net income", "value": "1787187.57", "accounts": ledger, "more_accounts": report._more_accounts(ledger)}
    monkeypatch.setattr(report, "_evidence", lambda database, results, policies, files: [{"rows": [], "ledger": [given]} for _ in results])
    database(tmp_path)
    [path] = write_report(RESULTS, QUARTERS, load_policies(), manifest(), tmp_path)
    assert '<th colspan="2">16,775 more accounts</th><td class="num">100,000.00</td>' in path.read_text()
