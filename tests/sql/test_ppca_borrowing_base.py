"""ppca-2002 Borrowing Base as amended by the Sixth Amendment: (b) inventory with the appraisal cap and its switch-off,
(c) the PPE Subcomponent with its amortization and the non-additive reductions, the VALCO PPE Reduction, the
Availability Reserve on the Revolving Commitment Amount from the data (examples E1-E3, E5, E7-E9) and the availability
mart."""

import json
from datetime import date, timedelta
from decimal import Decimal

import pytest

from raw_tables import add, build, one, rows


def days(con, first, last, inventory="200000000.00", olv="250000000.00", availability="100000000.00", nrp=None, special=None):
    special = special or {}
    d = date.fromisoformat(first)
    while d <= date.fromisoformat(last):
        if d.isoweekday() <= 5:
            values = {"inventory": inventory, "olv": olv, "availability": availability, "nrp": nrp, **special.get(d.isoformat(), {})}
            add(con, "borrowing_base", as_of_date=d.isoformat(), eligible_inventory=values["inventory"],
                inventory_net_recovery_pct=values["nrp"], olv_in_place_value=values["olv"], eligible_accounts="100000000.00",
                revolving_credit_outstandings="50000000.00", letters_of_credit_outstandings="0.00",
                revolving_commitment_availability=values["availability"])
        d += timedelta(days=1)


def on(con, day):
    build(con, "ppca_borrowing_base")
    return one(con, "select * from ppca_borrowing_base where day = ?", [day])


def facility(con, commitment="285000000.00", instrument_id="DIP", issue_date="2002-02-12", credit_agreement="ppca-2002"):
    add(con, "debt_instruments", instrument_id=instrument_id, instrument_kind="revolving_credit", commitment=commitment,
        issue_date=issue_date, maturity_date="2005-02-13", credit_agreement=credit_agreement)


def reserves(con):
    build(con, "ppca_borrowing_base")
    return {r["day"].isoformat(): r for r in rows(con, "select * from ppca_borrowing_base")}


def test_availability_reserve_floor_and_cap_from_dated_commitments(con):
    # debt_instruments gives $285,000,000; facility_commitments dates $200,000,000 for February 2004 and $350,000,000
    # from March 2004 on (no end)
    days(con, "2004-01-29", "2004-03-02")
    facility(con)
    add(con, "facility_commitments", instrument_id="DIP", valid_from="2004-02-01", valid_to="2004-02-29", commitment="200000000.00")
    add(con, "facility_commitments", instrument_id="DIP", valid_from="2004-03-01", commitment="350000000.00")
    got = reserves(con)
    # E1: min(30,000,000, 10% x 285,000,000) = 28,500,000 >= 25,000,000
    assert (got["2004-01-30"]["revolving_commitment_amount"], got["2004-01-30"]["availability_reserve"]) == (
        Decimal("285000000.00"), Decimal("28500000.00"))
    assert got["2004-01-30"]["revolving_commitment_source"] == "debt_instruments DIP"
    # E2: 10% x 200,000,000 = 20,000,000 -> floor 25,000,000, from the first day of the row to its last
    assert got["2004-02-02"]["availability_reserve"] == Decimal("25000000.00")
    assert got["2004-02-27"]["availability_reserve"] == Decimal("25000000.00")
    assert got["2004-02-02"]["revolving_commitment_source"] == (
        "facility_commitments DIP from 2004-02-01 (Post-Petition Credit Agreement § 2.1.1(b))")
    # E3 reading: 10% x 350,000,000 = 35,000,000 -> cap 30,000,000
    assert (got["2004-03-01"]["revolving_commitment_amount"], got["2004-03-01"]["availability_reserve"]) == (
        Decimal("350000000.00"), Decimal("30000000.00"))
    assert got["2004-03-01"]["revolving_commitment_source"] == (
        "facility_commitments DIP from 2004-03-01 (Post-Petition Credit Agreement § 2.1.1(b))")


def test_reserve_each_side_of_floor_and_cap_from_the_debt_instruments_commitment(con):
    # the facility's own commitment drives the reserve; the parameter's $285,000,000 is not used
    days(con, "2003-12-01", "2003-12-05")
    facility(con, "249999999.99")
    got = reserves(con)
    assert got["2003-12-01"]["availability_reserve"] == Decimal("25000000.00")  # 10% = 24,999,999.999 -> floor
    for commitment, reserve in (("250000010.00", "25000001.00"),   # 10% = 25,000,001, above the floor
                                ("299999990.00", "29999999.00"),   # 10% = 29,999,999, below the cap
                                ("300000010.00", "30000000.00")):  # 10% = 30,000,001 -> cap
        con.execute("update raw_debt_instruments set commitment = ?", [commitment])
        assert reserves(con)["2003-12-01"]["availability_reserve"] == Decimal(reserve), commitment


def test_parameter_is_the_default_only_when_no_facility_gives_a_commitment(con):
    # no instrument marked ppca-2002 (the 1994 facility is marked ca-1994): the Sixth Amendment's $285,000,000 from
    # 2003-08-01; before it, no commitment and the base agreement's clauses are named
    days(con, "2003-07-31", "2003-08-01")
    facility(con, "325000000.00", instrument_id="CA1994", credit_agreement="ca-1994")
    got = reserves(con)
    assert (got["2003-08-01"]["revolving_commitment_amount"], got["2003-08-01"]["availability_reserve"]) == (
        Decimal("285000000.00"), Decimal("28500000.00"))
    assert got["2003-08-01"]["revolving_commitment_source"].startswith(
        "parameter revolving_commitment_amount ([Sixth Amendment § 1.2 (Credit Agreement § 2.1.1(b))]")
    assert (got["2003-07-31"]["revolving_commitment_amount"], got["2003-07-31"]["availability_reserve"]) == (None, None)
    assert any("not available" in m for m in got["2003-07-31"]["missing_inputs"])


def test_commitment_from_issue_date_and_several_facilities_summed(con):
    # a facility issued 2003-12-03 counts from that day; two marked facilities add up: 285,000,000 + 15,000,000
    days(con, "2003-12-01", "2003-12-03")
    facility(con)
    facility(con, "15000000.00", instrument_id="DIP-B", issue_date="2003-12-03")
    got = reserves(con)
    assert got["2003-12-02"]["revolving_commitment_amount"] == Decimal("285000000.00")
    assert got["2003-12-03"]["revolving_commitment_amount"] == Decimal("300000000.00")
    assert got["2003-12-03"]["availability_reserve"] == Decimal("30000000.00")  # 10% = 30,000,000, the cap itself
    assert got["2003-12-03"]["revolving_commitment_source"] == "debt_instruments DIP; debt_instruments DIP-B"


def test_inventory_component_capped_at_175000000(con):
    days(con, "2003-12-01", "2003-12-05", special={
        "2003-12-01": {"inventory": "200000000.00"},     # 65% = 130,000,000
        "2003-12-02": {"inventory": "269230769.23"},     # 65% = 174,999,999.9995 -> 175,000,000.00 in cents
        "2003-12-03": {"inventory": "269230769.24"},     # 65% = 175,000,000.006 -> the cap, exactly 175,000,000
        "2003-12-04": {"inventory": "300000000.00"}})    # 65% = 195,000,000 -> 175,000,000
    build(con, "ppca_borrowing_base")
    got = {r["day"].isoformat(): r["inventory_component"] for r in rows(con, "select day, inventory_component from ppca_borrowing_base")}
    assert got["2003-12-01"] == Decimal("130000000.00")
    assert got["2003-12-02"] == Decimal("175000000.00")
    assert got["2003-12-03"] == Decimal("175000000.00")
    assert got["2003-12-04"] == Decimal("175000000.00")


def test_net_recovery_percentage_after_an_appraisal(con):
    days(con, "2003-12-01", "2003-12-05", special={"2003-12-03": {"nrp": "0.700000"}, "2003-12-04": {"nrp": "0.800000"},
                                                   "2003-12-05": {"nrp": "0.800000"}})
    build(con, "ppca_borrowing_base")
    got = {r["day"].isoformat(): r for r in rows(con, "select * from ppca_borrowing_base")}
    assert got["2003-12-02"]["inventory_component"] == Decimal("130000000.00")  # no appraisal yet: 65% x 200,000,000
    assert got["2003-12-03"]["inventory_component"] == Decimal("119000000.00")  # 85% x 70% x 200,000,000 = 119,000,000
    assert got["2003-12-04"]["inventory_component"] == Decimal("130000000.00")  # 85% x 80% = 68% -> 136,000,000 > 65%
    assert got["2003-12-03"]["appraisal_received_on"] == date(2003, 12, 3)


def test_appraisal_cap_switched_off_after_three_months_above_175000000_and_back_on(con):
    # appraisal received 2003-09-02 (2003-09-01 is Labor Day, not a Business Day); availability 180,000,000 every
    # Business Day from then; on 2003-12-02 the three months 2003-09-02 .. 2003-12-02 are all above $175,000,000 ->
    # (b)(ii) no longer applies; three Business Days below (2004-01-05, 06, 07) re-impose it
    low = {"availability": "174999999.99", "nrp": "0.700000"}
    days(con, "2003-09-01", "2004-01-09", availability="180000000.00", nrp="0.700000",
         special={"2004-01-05": low, "2004-01-06": low, "2004-01-07": low})
    build(con, "ppca_borrowing_base")
    got = {r["day"].isoformat(): r for r in rows(con, "select * from ppca_borrowing_base")}
    assert got["2003-12-01"]["inventory_component"] == Decimal("119000000.00")
    assert got["2003-12-02"]["inventory_component"] == Decimal("130000000.00")
    assert "no Event of Default or Event of Cash Dominion during the three months before 2003-12-02 (Borrowing Base (b)(ii) release; status not in the extracts)" in got["2003-12-02"]["missing_inputs"]
    assert got["2004-01-06"]["inventory_component"] == Decimal("130000000.00")  # two days below: still released
    assert got["2004-01-07"]["inventory_component"] == Decimal("119000000.00")





# "following Agent's receipt of any appraisal ... if Revolving Commitment Availability is greater than $175,000,000 for
# each Business Day during a period of three consecutive months, then thereafter the foregoing clause (ii) shall no
# longer be applicable until Revolving Commitment Availability is less than $175,000,000 for three consecutive Business
# Days" [Sixth Amendment § 1.1(d), “Borrowing Base” (b)]. The cases below report every weekday from 2003-08-01 (the
# Sixth Amendment's values) to 2004-01-09, inventory 200,000,000 and, from the appraisal on, a Net Recovery Percentage
# of 70%: under (b)(ii) least(175,000,000, 65% x 200,000,000 = 130,000,000, 85% x 70% x 200,000,000 = 119,000,000) =
# 119,000,000 (UNDER_B_II); released, 130,000,000 (RELEASED).
UNDER_B_II, RELEASED = "119000000.00", "130000000.00"
BELOW = {"availability": "174999999.99"}
AT_175000000 = {"availability": "175000000.00"}


def release_case(con, appraised_on, availability="180000000.00", special=None):
    before_appraisal = (date.fromisoformat(appraised_on) - timedelta(days=1)).isoformat()
    days(con, "2003-08-01", before_appraisal, availability=availability, special=special)
    days(con, appraised_on, "2004-01-09", availability=availability, nrp="0.700000", special=special)
    build(con, "ppca_borrowing_base")
    return {r["day"].isoformat(): r["inventory_component"] for r in rows(con, "select day, inventory_component from ppca_borrowing_base")}


@pytest.mark.parametrize(
    ("appraised_on", "availability", "day", "inventory_component"),
    [
        # received 2003-09-30, two and a half months before 2003-12-15, after a month and a half above 175,000,000: the
        # three months count from the receipt and end on 2003-12-30
        ("2003-09-30", "180000000.00", "2003-12-15", UNDER_B_II),
        ("2003-09-30", "180000000.00", "2003-12-29", UNDER_B_II),
        ("2003-09-30", "180000000.00", "2003-12-30", RELEASED),
        # received 2003-09-15, three months before Monday 2003-12-15: released that day, not on Friday 2003-12-12
        ("2003-09-15", "180000000.00", "2003-12-12", UNDER_B_II),
        ("2003-09-15", "180000000.00", "2003-12-15", RELEASED),
        # "greater than": exactly 175,000,000.00 every day never releases; a cent more does
        ("2003-09-15", "175000000.00", "2003-12-15", UNDER_B_II),
        ("2003-09-15", "175000000.01", "2003-12-15", RELEASED),
    ],
)
def test_the_release_needs_three_months_above_175000000_after_the_appraisal(con, appraised_on, availability, day, inventory_component):
    assert release_case(con, appraised_on, availability)[day] == Decimal(inventory_component)


@pytest.mark.parametrize(
    ("special", "day", "inventory_component"),
    [
        # one day not above (2003-10-01, at 175,000,000.00) restarts the three months: the first window without it is
        # 2003-10-02 .. 2004-01-02 (2004-01-01 is not a Business Day)
        ({"2003-10-01": AT_175000000}, "2003-12-15", UNDER_B_II),
        ({"2003-10-01": AT_175000000}, "2003-12-31", UNDER_B_II),
        ({"2003-10-01": AT_175000000}, "2004-01-02", RELEASED),
        # released 2003-12-15; three Business Days at exactly 175,000,000.00 are not "less than": still released
        ({d: AT_175000000 for d in ("2004-01-05", "2004-01-06", "2004-01-07")}, "2004-01-07", RELEASED),
        # below, above, below, below: no three consecutive Business Days below by 01-08; the third in a row, 01-09,
        # makes (b)(ii) apply again
        ({d: BELOW for d in ("2004-01-05", "2004-01-07", "2004-01-08", "2004-01-09")}, "2004-01-08", RELEASED),
        ({d: BELOW for d in ("2004-01-05", "2004-01-07", "2004-01-08", "2004-01-09")}, "2004-01-09", UNDER_B_II),
    ],
)
def test_the_release_and_its_end_day_by_day(con, special, day, inventory_component):
    # the appraisal received 2003-09-15, availability 180,000,000 on every other Business Day
    assert release_case(con, "2003-09-15", special=special)[day] == Decimal(inventory_component)

def test_ppe_amortization_september_and_october_2003_and_e5(con):
    days(con, "2003-07-31", "2003-08-01")
    facility(con)
    days(con, "2003-09-30", "2003-10-01")
    days(con, "2004-09-30", "2004-09-30")
    days(con, "2004-10-01", "2004-10-01", olv="150000000.00")
    build(con, "ppca_borrowing_base")
    got = {r["day"].isoformat(): r for r in rows(con, "select * from ppca_borrowing_base")}
    assert got["2003-07-31"]["ppe_subcomponent"] is None  # before the Sixth Amendment: base clause (c), not available
    assert any("not available" in m for m in got["2003-07-31"]["missing_inputs"])
    assert got["2003-08-01"]["ppe_subcomponent"] == Decimal("100000000.00")  # 50% x 250,000,000 = 125,000,000 > 100,000,000
    assert got["2003-09-30"]["ppe_subcomponent"] == Decimal("100000000.00")
    assert got["2003-10-01"]["ppe_subcomponent"] == Decimal("98809524.00")  # 100,000,000 - 1,190,476
    assert got["2004-09-30"]["ppe_subcomponent"] == Decimal("85714288.00")  # E5: 12 reductions, 100,000,000 - 14,285,712
    assert got["2004-10-01"]["ppe_subcomponent"] == Decimal("75000000.00")  # 50% x 150,000,000 < 84,523,812


def test_ppe_amortization_83rd_and_84th_reductions_e6(con):
    # schedule arithmetic only (N3: past the February 13, 2005 Stated Maturity Date): August 2010 is the 83rd reduction,
    # 100,000,000 - 83 x 1,190,476 = 1,190,492; September 2010 the 84th: E6's 100,000,000 - 99,999,984 = $16 residual,
    # taken to zero by the last reduction (R-P07 default)
    days(con, "2010-08-31", "2010-09-01")
    build(con, "ppca_borrowing_base")
    got = {r["day"].isoformat(): r for r in rows(con, "select * from ppca_borrowing_base")}
    assert (got["2010-08-31"]["amortization_months"], got["2010-08-31"]["ppe_amortized_amount"]) == (83, Decimal("1190492.00"))
    assert (got["2010-09-01"]["amortization_months"], got["2010-09-01"]["ppe_amortized_amount"]) == (84, Decimal("0.00"))


def valco_quarter(con, months, actual, forecast, produced="true"):
    for month in months:
        add(con, "valco_ebitda", period_end=month, actual_valco_ebitda=actual, forecast_valco_ebitda=forecast,
            primary_aluminum_produced=produced)


def test_valco_ppe_reduction_e7_e8(con):
    # E7: produced, Forecast 8,000,000, Actual 6,000,000 -> 10,000,000 x 2,000,000 / 8,000,000 = 2,500,000
    valco_quarter(con, ("2004-01-31", "2004-02-29", "2004-03-31"), "2000000.00", "2666666.67")
    # E8: not produced -> 10,000,000 whatever the actual
    valco_quarter(con, ("2004-04-30", "2004-05-31", "2004-06-30"), "5000000.00", "1000000.00", produced="false")
    # produced and at forecast -> 0
    valco_quarter(con, ("2004-07-31", "2004-08-31", "2004-09-30"), "1000000.00", "1000000.00")
    build(con, "ppca_valco_ppe_reductions")
    got = {r["quarter_end"].isoformat(): r["valco_ppe_reduction"] for r in rows(con, "select * from ppca_valco_ppe_reductions")}
    # forecast 3 x 2,666,666.67 = 8,000,000.01: 10,000,000 x 2,000,000.01 / 8,000,000.01 = 2,500,000.0093... -> 2,500,000.01
    assert got["2004-03-31"] == Decimal("2500000.01")
    assert got["2004-06-30"] == Decimal("10000000.00")
    assert got["2004-09-30"] == Decimal("0.00")
    assert got["2004-12-31"] is None  # no VALCO months reported


def test_valco_ppe_reduction_e7_exact(con):
    valco_quarter(con, ("2004-01-31",), "6000000.00", "8000000.00")
    valco_quarter(con, ("2004-02-29", "2004-03-31"), "0.00", "0.00")
    build(con, "ppca_valco_ppe_reductions")
    assert one(con, "select * from ppca_valco_ppe_reductions where quarter_end = '2004-03-31'")["valco_ppe_reduction"] == Decimal("2500000.00")


def disposal(con, transaction_id, sale_date, proceeds, received):
    add(con, "asset_sales", transaction_id=transaction_id, sale_date=sale_date, gross_proceeds="1.00", pretax_gain_loss="0.00")
    if proceeds is not None:
        add(con, "ppca_asset_dispositions", transaction_id=transaction_id)
        add(con, "ppca_disposition_proceeds", proceeds_id=f"NDP-{transaction_id}", transaction_id=transaction_id,
            event_date=received, net_disposition_proceeds=proceeds)


def test_reductions_are_not_additive_e9(con):
    # E9: CumP 15,000,000 and CumV 10,000,000 -> 15,000,000; CumP 5,000,000 and CumV 10,000,000 -> 10,000,000
    days(con, "2004-03-31", "2004-04-01", olv="400000000.00")
    facility(con)
    valco_quarter(con, ("2004-01-31", "2004-02-29", "2004-03-31"), "0.00", "1000000.00", produced="false")  # 10,000,000
    disposal(con, "AD1", "2004-03-01", "5000000.00", "2004-03-02")
    disposal(con, "AD2", "2004-03-15", "10000000.00", "2004-04-01")
    build(con, "ppca_borrowing_base")
    got = {r["day"].isoformat(): r for r in rows(con, "select * from ppca_borrowing_base")}
    # amortization: 2004-03 is the 6th reduction -> 100,000,000 - 7,142,856 = 92,857,144 (OLV 50% = 200,000,000)
    assert got["2004-03-31"]["ppe_total_reduction"] == Decimal("10000000.00")
    assert got["2004-03-31"]["ppe_subcomponent"] == Decimal("82857144.00")
    # April: 7th reduction -> 91,666,668; reductions max(15,000,000, 10,000,000) = 15,000,000
    assert got["2004-04-01"]["ppe_total_reduction"] == Decimal("15000000.00")
    assert got["2004-04-01"]["ppe_subcomponent"] == Decimal("76666668.00")
    assert got["2004-04-01"]["missing_inputs"] == []
    # each reduction counts, and is named, from the day its proceeds are received: AD1's 5,000,000 from 2004-03-02,
    # AD2's 10,000,000 from 2004-04-01 itself
    assert got["2004-03-31"]["cumulative_ppe_subcomponent_reductions"] == Decimal("5000000.00")
    assert got["2004-04-01"]["cumulative_ppe_subcomponent_reductions"] == Decimal("15000000.00")
    ad1 = "AD1 2004-03-02 5000000.00 (ppca_disposition_proceeds NDP-AD1, ppca_asset_dispositions AD1)"
    ad2 = "AD2 2004-04-01 10000000.00 (ppca_disposition_proceeds NDP-AD2, ppca_asset_dispositions AD2)"
    assert got["2004-03-31"]["ppe_subcomponent_reduction_sources"] == ad1
    assert got["2004-04-01"]["ppe_subcomponent_reduction_sources"] == ad1 + "; " + ad2


def test_disposition_without_a_classification_is_missing(con):
    days(con, "2003-08-01", "2003-08-05")
    facility(con)
    disposal(con, "AD3", "2003-08-04", None, None)
    build(con, "ppca_borrowing_base")
    before = one(con, "select * from ppca_borrowing_base where day = '2003-08-01'")
    # no Asset Disposition yet: no reduction, and nothing missing
    assert (before["cumulative_ppe_subcomponent_reductions"], before["missing_inputs"]) == (Decimal("0.00"), [])
    assert one(con, "select * from ppca_borrowing_base where day = '2003-08-04'")["missing_inputs"] == [
        "ppca_asset_dispositions row for Asset Disposition AD3 of 2003-08-04 (PPE Subcomponent Reduction exceptions (w)-(z))"]


def test_availability_mart_is_indeterminate_naming_the_base_agreement(con):
    days(con, "2003-10-27", "2003-10-31")
    facility(con, "260000000.00")
    disposal(con, "AD4", "2003-10-01", "1000000.00", "2003-10-28")
    build(con, "ppca_borrowing_base_availability_tests")
    row = one(con, "select * from ppca_borrowing_base_availability_tests")
    assert (row["clause_id"], row["test_date"], row["actual"]) == ("ppca-2002/def/BorrowingBase", date(2003, 10, 31), Decimal("100000000.00"))
    missing = json.loads(row["missing_inputs"])
    assert len(missing) == 1 and "Post-Petition Credit Agreement of February 12, 2002" in missing[0]
    inputs = json.loads(row["inputs"])
    assert inputs["availability_reserve"]["value"] == "26000000.00"  # 10% x 260,000,000
    assert inputs["revolving_commitment_amount"] == {
        "value": "260000000.00", "clause_id": "ppca-2002/2.1.1(b)", "source": "debt_instruments DIP"}
    assert inputs["cumulative_ppe_subcomponent_reductions"] == {
        "value": "1000000.00", "clause_id": "ppca-2002/def/PPESubcomponentReduction",
        "source": "AD4 2003-10-28 1000000.00 (ppca_disposition_proceeds NDP-AD4, ppca_asset_dispositions AD4)"}


def test_appraisal_trigger_and_frequencies(con):
    # availability 70,000,000 on 2003-09-10 (< $75,000,000) -> the Agent engages an appraiser (no period stated);
    # appraisal received 2003-10-15: the three months before include 2003-09-10, so the 180-day frequency applies
    # (2003-10-15 + 180 days = 2004-04-12); the next, received 2004-04-15 after three months above $75,000,000, opens a
    # twelve-month period (9.1.18(b)) that needs the Event of Default / Event of Cash Dominion status
    days(con, "2003-08-01", "2004-12-31", special={"2003-09-10": {"availability": "70000000.00"}})
    con.execute("update raw_borrowing_base set inventory_net_recovery_pct = 0.70 where as_of_date >= '2003-10-15'")
    con.execute("update raw_borrowing_base set inventory_net_recovery_pct = 0.72 where as_of_date >= '2004-04-15'")
    build(con, "ppca_appraisal_deadlines")
    first, second, third = rows(con, "select * from ppca_appraisal_deadlines order by trigger_date")
    assert (first["trigger_date"], first["due_date"], first["completed_on"]) == (date(2003, 9, 10), None, date(2003, 10, 15))
    assert (second["trigger_date"], second["due_date"], second["completed_on"]) == (date(2003, 10, 15), date(2004, 4, 12), date(2004, 4, 15))
    assert (third["due_date"], third["completed_on"]) == (date(2005, 4, 15), None)
    assert json.loads(third["missing_inputs"]) == ["no Event of Default or Event of Cash Dominion in the three months before 2004-04-15 (not in the extracts)"]
    assert json.loads(second["missing_inputs"]) == []


@pytest.mark.parametrize(("availability", "frequency"), [
    # exactly $175,000,000 on each Business Day is not "greater than $175,000,000" (9.1.18(c)), but is above
    # $75,000,000: the twelve-month frequency of 9.1.18(b)
    ("175000000.00", "twelve months"),
    # a cent more on each Business Day for three consecutive months: no further appraisal (9.1.18(c))
    ("175000000.01", "none"),
])
def test_appraisal_after_three_months_at_the_discontinuance_availability(con, availability, frequency):
    # appraisals received 2003-08-01 (the first day: 180 days) and 2003-11-03, three months of Business Days later
    days(con, "2003-08-01", "2003-11-03", availability=availability, nrp="0.70",
         special={"2003-11-03": {"availability": availability, "nrp": "0.72"}})
    build(con, "ppca_appraisal_deadlines")
    later = one(con, "select * from ppca_appraisal_deadlines where trigger_date = '2003-11-03'")
    assert later["obligation"] == f"next inventory appraisal the Agent may require ({frequency})"


def test_no_trigger_before_the_sixth_amendment(con):
    # 2003-07-31 is under the base agreement (9.1.18 was added by the Sixth Amendment): no trigger from it
    days(con, "2003-07-28", "2003-08-05", special={"2003-07-31": {"availability": "70000000.00"}})
    build(con, "ppca_appraisal_deadlines")
    assert rows(con, "select * from ppca_appraisal_deadlines") == []
