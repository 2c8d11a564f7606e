"""The sample-data generator (pipelines.sample): deterministic, contract-shaped, balanced and calibrated.

Expected figures are literal: the public KACC/KAC figures of kaiser_public_record.md (US$ millions there, dollars here) and
the intended, synthetic EBITDA of docs/sample.md.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from pipelines.extracts import contract
from pipelines.extracts.reading import read_extract
from pipelines.layout import SAMPLE_EXTRACTS_DIR
from pipelines.sample import generate

ADDBACKS = (
    "interest_expense", "interest_expense_borne_by_jv_partners", "income_tax_expense", "depreciation_and_depletion",
    "amortization", "capital_lease_amortization", "reorganization_items", "asset_sale_gain_loss", "other_non_cash_charges",
)


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample")
    generate(out)
    return out


def _rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / f"{name}.csv").open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _month_end(year: int, month: int) -> str:
    import calendar

    return date(year, month, calendar.monthrange(year, month)[1]).isoformat()


@pytest.fixture(scope="module")
def group_activity(sample) -> dict[tuple[int, int, str], Decimal]:
    return _group_activity(sample)


def _group_activity(folder: Path) -> dict[tuple[int, int, str], Decimal]:
    """The Company group's monthly income statement activity per line item, from the fiscal-year-to-date balances."""
    accounts = {r["account_id"]: r for r in _rows(folder, "chart_of_accounts")}
    group = {r["entity_id"] for r in _rows(folder, "entities")
             if r["consolidation_method"] in ("full", "proportional") and r["entity_id"] != "KAC"}
    ytd: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for row in _rows(folder, "trial_balances"):
        account = accounts[row["account_id"]]
        if account["statement"] == "income_statement" and row["entity_id"] in group:
            ytd[(row["period_end"], account["line_item"])] += Decimal(row["balance"])
    lines = {line for _, line in ytd}
    activity = {}
    for year in range(1996, 2005):
        for month in range(1, 13):
            for line in lines:
                previous = ytd.get((_month_end(year, month - 1), line), Decimal(0)) if month > 1 else Decimal(0)
                activity[(year, month, line)] = ytd.get((_month_end(year, month), line), Decimal(0)) - previous
    return activity


def _net_income(activity, year: int, months: range) -> Decimal:
    return -sum((amount for (y, m, _), amount in activity.items() if y == year and m in months), Decimal(0))


def _net_sales(activity, year: int, months: range) -> Decimal:
    return -sum((activity[(year, m, "net_sales")] for m in months), Decimal(0))


def _quarter(q: int) -> range:
    return range(3 * q - 2, 3 * q + 1)


def test_two_runs_write_byte_identical_files(sample, tmp_path):
    generate(tmp_path)
    for extract in contract.EXTRACTS:
        name = f"{extract.name}.csv"
        assert (tmp_path / name).read_bytes() == (sample / name).read_bytes(), name


def test_the_committed_sample_is_what_the_generator_writes(sample):
    for extract in contract.EXTRACTS:
        name = f"{extract.name}.csv"
        assert (SAMPLE_EXTRACTS_DIR / name).read_bytes() == (sample / name).read_bytes(), f"regenerate {name}"


def test_every_extract_has_the_contract_columns_and_reads_without_issues(sample):
    for extract in contract.EXTRACTS:
        path = sample / f"{extract.name}.csv"
        header = path.read_text(encoding="utf-8").splitlines()[0]
        assert header == ",".join(c.name for c in extract.columns)
        frame, issues = read_extract(path, extract)
        assert issues == [], [str(i) for i in issues[:5]]
        assert frame.height > 0


def test_every_line_item_has_an_account(sample):
    assert {r["line_item"] for r in _rows(sample, "chart_of_accounts")} == set(contract.LINE_ITEMS)


def test_every_trial_balance_nets_to_zero_per_entity_and_month(sample):
    totals: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for row in _rows(sample, "trial_balances"):
        totals[(row["entity_id"], row["period_end"])] += Decimal(row["balance"])
    assert len(totals) == 21 * 108  # every ledger entity, every month-end 1996-01 to 2004-12
    assert {k: v for k, v in totals.items() if v != 0} == {}


# KACC quarterly financial data, KACC 1998 10-K [N4], in dollars: (net sales, net income)
KACC_QUARTERS = {
    (1997, 1): ("547400000.00", "4300000.00"), (1997, 2): ("597100000.00", "14600000.00"),
    (1997, 3): ("634100000.00", "18400000.00"), (1997, 4): ("594600000.00", "14800000.00"),
    (1998, 1): ("597000000.00", "12400000.00"), (1998, 2): ("614800000.00", "17400000.00"),
    (1998, 3): ("541600000.00", "11200000.00"), (1998, 4): ("503000000.00", "-38300000.00"),
}


@pytest.mark.parametrize(("year", "quarter"), sorted(KACC_QUARTERS))
def test_kacc_quarters_of_1997_and_1998_are_the_public_figures(group_activity, year, quarter):
    net_sales, net_income = KACC_QUARTERS[(year, quarter)]
    assert _net_sales(group_activity, year, _quarter(quarter)) == Decimal(net_sales)
    assert _net_income(group_activity, year, _quarter(quarter)) == Decimal(net_income)


def test_kac_figures_used_for_the_group(group_activity):
    nine_months = range(1, 10)
    assert _net_income(group_activity, 2003, range(1, 13)) == Decimal("-788300000.00")  # FY2003 [N20]
    assert _net_income(group_activity, 2004, range(1, 13)) == Decimal("-746800000.00")  # FY2004 [N20]
    assert _net_income(group_activity, 2001, nine_months) == Decimal("123900000.00")  # 9M 2001 [N62]
    assert _net_income(group_activity, 2002, nine_months) == Decimal("-197900000.00")  # 9M 2002 [N62]
    assert _net_income(group_activity, 2001, _quarter(3)) == Decimal("68400000.00")  # Q3 2001 [N62]
    assert _net_income(group_activity, 2002, _quarter(3)) == Decimal("-83400000.00")  # Q3 2002 [N62]
    assert _net_income(group_activity, 2003, _quarter(2)) == Decimal("-61400000.00")  # Q2 2003 [N19]
    assert _net_income(group_activity, 2004, _quarter(2)) == Decimal("24200000.00")  # Q2 2004 [N19]
    assert _net_sales(group_activity, 2000, nine_months) == Decimal("1645000000.00")  # 9M 2000 [N1]
    assert _net_sales(group_activity, 2001, nine_months) == Decimal("1357400000.00")  # 9M 2001 [N62]
    assert _net_sales(group_activity, 2002, nine_months) == Decimal("1104900000.00")  # 9M 2002 [N62]
    assert _net_sales(group_activity, 2004, _quarter(4)) == Decimal("257700000.00")  # Q4 2004, DERIVED [N64]


def _quarterly_ebitda(activity, year: int, quarter: int) -> Decimal:
    room = {2003: Decimal("48000000.00"), 2004: Decimal("68000000.00")}.get(year, Decimal(0))
    excluded = Decimal(0)
    for month in range(1, 3 * quarter + 1):
        taken = min(activity[(year, month, "non_cash_pension_expense")], room)
        room -= taken
        if month in _quarter(quarter):
            excluded += taken
    addbacks = sum((activity[(year, m, line)] for m in _quarter(quarter) for line in ADDBACKS), Decimal(0))
    return _net_income(activity, year, _quarter(quarter)) + addbacks + excluded


# Intended EBITDA for the four fiscal quarters ending on each date (docs/sample.md; synthetic)
FOUR_QUARTER_EBITDA = {
    (2003, 2): "-125000000.00", (2003, 3): "-120000000.00", (2003, 4): "-135000000.00", (2004, 1): "-95000000.00",
    (2004, 2): "11000000.00", (2004, 3): "58000000.00", (2004, 4): "111000000.00",
}


@pytest.mark.parametrize(("year", "quarter"), sorted(FOUR_QUARTER_EBITDA))
def test_four_quarter_ebitda_is_the_intended_figure(group_activity, year, quarter):
    quarters, y, q = [], year, quarter
    for _ in range(4):
        quarters.append((y, q))
        y, q = (y, q - 1) if q > 1 else (y - 1, 4)
    total = sum((_quarterly_ebitda(group_activity, yy, qq) for yy, qq in quarters), Decimal(0))
    assert total == Decimal(FOUR_QUARTER_EBITDA[(year, quarter)])


def test_a_trigger_event_occurs_in_november_2003_only(sample):
    low = [r["as_of_date"] for r in _rows(sample, "borrowing_base")
           if Decimal(r["revolving_commitment_availability"]) < Decimal("75000000.00")]
    assert low == ["2003-11-17", "2003-11-18", "2003-11-19"]
    assert all(Decimal(r["revolving_credit_outstandings"]) <= Decimal("125000000.00")
               for r in _rows(sample, "borrowing_base"))


def test_valco_shortfall_of_the_second_half_of_2003(sample):
    rows = {r["period_end"]: r for r in _rows(sample, "valco_ebitda")}

    def shortfall(months: list[str]) -> Decimal:
        return sum((Decimal(rows[m]["forecast_valco_ebitda"]) - Decimal(rows[m]["actual_valco_ebitda"]) for m in months),
                   Decimal(0))

    assert shortfall(["2003-07-31", "2003-08-31", "2003-09-30"]) == Decimal("9000000.00")
    assert shortfall(["2003-10-31", "2003-11-30", "2003-12-31"]) == Decimal("12000000.00")
    assert rows["2003-05-31"]["primary_aluminum_produced"] == "true"
    assert rows["2003-06-30"]["primary_aluminum_produced"] == "false"


def test_ratio_debt_and_general_basket_payments_are_in_the_sample(sample):
    ratio_debt = [(r["incurrence_date"], r["amount"]) for r in _rows(sample, "incurrences") if r["basket"] == "4.10(a)"]
    assert ratio_debt == [("1997-11-14", "50000000.00"), ("1998-04-15", "25000000.00"), ("1999-10-15", "30000000.00"),
                          ("2001-05-15", "20000000.00")]
    general = [(r["payment_date"], r["amount"]) for r in _rows(sample, "restricted_payments") if r["basket"] == "4.09(a)"]
    assert general == [("1997-06-30", "5000000.00"), ("1997-12-15", "10000000.00"), ("1998-01-01", "6000000.00"),
                       ("1998-02-27", "7500000.00"), ("1998-06-30", "8000000.00")]
    attested = {(r["subject"], r["reference_id"]) for r in _rows(sample, "attestations")}
    for reference in ["INC-1997-11-TL", "INC-1998-04-TL", "INC-1999-10-TL", "INC-2001-05-TL", "RP-1997-06-DIV",
                      "RP-1997-12-DIV", "RP-1998-01-KCP", "RP-1998-02-ANG", "RP-1998-06-DIV"]:
        assert ("projected_other_fixed_charges", reference) in attested


def test_scale_grows_the_plants_but_keeps_the_group_totals(sample, group_activity, tmp_path):
    counts = generate(tmp_path, scale=2)
    assert counts["entities"] == len(_rows(sample, "entities")) + 18
    assert counts["trial_balances"] > 1.8 * len(_rows(sample, "trial_balances"))
    for name in ("asset_sales", "incurrences", "valco_ebitda", "attestations"):
        assert (tmp_path / f"{name}.csv").read_bytes() == (sample / f"{name}.csv").read_bytes(), name
    scaled = _group_activity(tmp_path)
    for year in range(1996, 2005):
        for quarter in (1, 2, 3, 4):
            months = _quarter(quarter)
            assert _net_sales(scaled, year, months) == _net_sales(group_activity, year, months)
            assert _net_income(scaled, year, months) == _net_income(group_activity, year, months)
