"""sql/macros/parameter.sql, parameter_source.sql and parameter_history.sql: the value of a dated parameter in force on
a day, its source, and its history, read from policy_parameters as the policy files load it."""

from __future__ import annotations

import duckdb
import pytest

from pipelines.models.sql_macros import discover_macros, load_macros
from raw_tables import rows


def _dated(con, value_1997: str, value_2000: str) -> None:
    """A parameter of two values: one from March 1, 1997, one from January 1, 2000."""
    con.execute(
        "insert into policy_parameters (instrument, name, effective_from, value, unit, source) values "
        "('indenture-1996', 'test_cap', date '1997-03-01', ?, 'currency', 'first letter'), "
        "('indenture-1996', 'test_cap', date '2000-01-01', ?, 'currency', 'second letter')",
        [value_1997, value_2000],
    )


def test_the_value_in_force_is_the_latest_taking_effect_on_or_before_the_day(con):
    _dated(con, "5000000.00", "7500000.00")
    got = rows(
        con,
        "select d, cast(parameter('indenture-1996', 'test_cap', d) as decimal(38, 2)) as cap, "
        "parameter_source('indenture-1996', 'test_cap', d) as source from (values "
        "(date '1997-02-28'), (date '1997-03-01'), (date '1999-12-31'), (date '2000-01-01'), (date '2005-06-30')) as t(d) order by d",
    )
    # the day before the first value: none in force; each value from its own day (inclusive) until the next one's
    assert [(str(r["cap"]), r["source"]) for r in got] == [
        ("None", None),
        ("5000000.00", "first letter"),
        ("5000000.00", "first letter"),
        ("7500000.00", "second letter"),
        ("7500000.00", "second letter"),
    ]


def test_a_parameter_is_read_for_its_instrument_and_name_only(con):
    _dated(con, "5000000.00", "7500000.00")
    got = rows(
        con,
        "select parameter('ppca-2002', 'test_cap', date '2001-01-01') as other_instrument, "
        "parameter('indenture-1996', 'test_caps', date '2001-01-01') as other_name",
    )
    assert got == [{"other_instrument": None, "other_name": None}]


def test_the_history_lists_every_value_with_its_day(con):
    _dated(con, "5000000.00", "7500000.00")
    got = rows(con, "select effective_from::varchar as day, value, source from parameter_history('indenture-1996', 'test_cap') order by 1")
    assert got == [
        {"day": "1997-03-01", "value": "5000000.00", "source": "first letter"},
        {"day": "2000-01-01", "value": "7500000.00", "source": "second letter"},
    ]


def test_the_policy_files_values_are_read_as_written(con):
    # policies/indenture-1996/parameters/valco_indebtedness_cap.yaml: "$25,000,000" from the Indenture's date,
    # December 23, 1996 [Indenture § 4.10(b)(v)]
    got = rows(con, "select parameter('indenture-1996', 'valco_indebtedness_cap', date '2001-07-16') as v, "
                    "parameter('indenture-1996', 'valco_indebtedness_cap', date '1996-12-22') as before")
    assert got == [{"v": "25000000.00", "before": None}]


def test_each_macro_file_defines_the_macro_it_is_named_after(tmp_path):
    (tmp_path / "twice.sql").write_text("-- clause: x\ncreate or replace macro other(a) as (a + 1);\n")
    with pytest.raises(ValueError, match="twice"):
        discover_macros(tmp_path)


def test_a_macro_another_calls_is_created_first(tmp_path):
    con = duckdb.connect()
    # named so that sorting by name would create the caller first, which DuckDB refuses
    (tmp_path / "a_caller.sql").write_text("create or replace macro a_caller(x) as (z_callee(x) * 2);\n")
    (tmp_path / "z_callee.sql").write_text("create or replace macro z_callee(x) as (x + 1);\n")
    load_macros(con, tmp_path)
    assert con.execute("select a_caller(1)").fetchone() == (4,)  # (1 + 1) x 2


def test_the_carifa_financing_cap_is_in_force_from_the_indentures_date(con):
    # policies/indenture-1996/parameters/carifa_financing_msa_cap.yaml: "but in no event more than $43,000,000"
    # [Indenture § 1.01, “Maximum Secured Amount” (iii)]; the Indenture is dated December 23, 1996, so the cap exists
    # from that day and not the day before
    got = rows(con, "select parameter('indenture-1996', 'carifa_financing_msa_cap', date '1996-12-22') as before, "
                    "parameter('indenture-1996', 'carifa_financing_msa_cap', date '1996-12-23') as on_the_day")
    assert got == [{"before": None, "on_the_day": "43000000.00"}]


def test_the_labor_claims_accruals_cap_is_in_force_from_the_agreements_inception(con):
    # policies/ppca-2002/parameters/prepetition_labor_claims_accruals_exclusion_cap.yaml: "in aggregate amounts not to
    # exceed $250,000,000 in respect of the unfair labor practices claims" [Sixth Amendment § 1.1(b), “Adjusted Net
    # Earnings from Operations” (q)(ii)]; an aggregate cap with no stated period counts from the Post-Petition Credit
    # Agreement's inception, February 12, 2002 (R-P05), so it is in force on that day and not the day before
    got = rows(con, "select parameter('ppca-2002', 'prepetition_labor_claims_accruals_exclusion_cap', date '2002-02-11') as before, "
                    "parameter('ppca-2002', 'prepetition_labor_claims_accruals_exclusion_cap', date '2002-02-12') as on_the_day")
    assert got == [{"before": None, "on_the_day": "250000000.00"}]
