"""ppca-2002 PPE Subcomponent Reductions from dispositions and their Net Disposition Proceeds: the Sixth Amendment's
effective date, the exceptions (w)-(z), escrow and the ownership proviso, each on both sides of its boundary."""

from decimal import Decimal

from raw_tables import add, build, rows


def entities(con):
    add(con, "entities", entity_id="KAC", role="parent", is_subsidiary="false", ownership_pct="0.000000", consolidation_method="none")
    add(con, "entities", entity_id="ALPART", role="joint_venture", is_joint_venture="true", ownership_pct="0.650000",
        consolidation_method="proportional")
    add(con, "entities", entity_id="QAL", role="joint_venture", is_subsidiary="false", is_joint_venture="true",
        ownership_pct="0.283000", consolidation_method="proportional")
    add(con, "entities", entity_id="VALCO", ownership_pct="0.900000")
    add(con, "entities", entity_id="KAII")
    add(con, "entities", entity_id="KBC")


def disposition(con, transaction_id, sale_date, seller="KACC", **classification):
    add(con, "asset_sales", transaction_id=transaction_id, sale_date=sale_date, seller_entity_id=seller,
        gross_proceeds="1.00", pretax_gain_loss="0.00")
    add(con, "ppca_asset_dispositions", transaction_id=transaction_id, **classification)


def proceeds(con, transaction_id, event_date, amount, kind="received", suffix=""):
    add(con, "ppca_disposition_proceeds", proceeds_id=f"NDP-{transaction_id}{suffix}", transaction_id=transaction_id,
        event_date=event_date, event_kind=kind, net_disposition_proceeds=amount)


def reductions(con):
    build(con, "ppca_ppe_subcomponent_reductions")
    return {r["proceeds_id"] or r["transaction_id"]: r for r in rows(con, "select * from ppca_ppe_subcomponent_reductions")}


def test_only_dispositions_effected_after_the_effective_date(con):
    # "Asset Dispositions effected after the effective date of the Sixth Amendment" (August 1, 2003, R-P01): a sale
    # on 2003-08-01 is not after it; one on 2003-08-02 is
    disposition(con, "ON", "2003-08-01")
    proceeds(con, "ON", "2003-08-15", "1000000.00")
    disposition(con, "AFTER", "2003-08-02")
    proceeds(con, "AFTER", "2003-08-15", "1000000.00")
    got = reductions(con)
    assert set(got) == {"NDP-AFTER"}
    assert (got["NDP-AFTER"]["exception"], got["NDP-AFTER"]["reduction"]) == (None, Decimal("1000000.00"))


def test_exception_w_section_9_2_11_clauses(con):
    # (w) "Asset Dispositions permitted under Sections 9.2.11(a), (b), (c), (d), (f) and (i)": e, g, h and j are not
    for clause in "abcdefghij":
        disposition(con, f"W-{clause}", "2003-09-01", section_9_2_11_clause=clause)
        proceeds(con, f"W-{clause}", "2003-09-02", "100.00")
    got = reductions(con)
    excepted = {c for c in "abcdefghij" if got[f"NDP-W-{c}"]["exception"] == "w"}
    assert excepted == set("abcdfi")
    assert {c: got[f"NDP-W-{c}"]["reduction"] for c in "abcdefghij"} == {
        c: Decimal("0.00") if c in "abcdfi" else Decimal("100.00") for c in "abcdefghij"}


def test_exception_x_sales_of_accounts_by_the_company_kaii_or_kaiser_bellwood(con):
    # (x) "sales of Accounts owned by the Company, KAII or Kaiser Bellwood": VALCO's Accounts are not among them, so
    # its sale reduces by its 90% share (1,000,000 x 0.9 = 900,000); the Company's sale of equipment is not (x)
    entities(con)
    for seller in ("KACC", "KAII", "KBC", "VALCO"):
        disposition(con, f"X-{seller}", "2003-09-01", seller=seller, is_sale_of_accounts="true")
        proceeds(con, f"X-{seller}", "2003-09-02", "1000000.00")
    disposition(con, "X-EQUIPMENT", "2003-09-01", is_sale_of_accounts="false")
    proceeds(con, "X-EQUIPMENT", "2003-09-02", "1000000.00")
    got = reductions(con)
    assert {k: (v["exception"], v["reduction"]) for k, v in got.items()} == {
        "NDP-X-KACC": ("x", Decimal("0.00")),
        "NDP-X-KAII": ("x", Decimal("0.00")),
        "NDP-X-KBC": ("x", Decimal("0.00")),
        "NDP-X-VALCO": (None, Decimal("900000.00")),
        "NDP-X-EQUIPMENT": (None, Decimal("1000000.00")),
    }


def test_exception_y_alpart_within_2000000_a_fiscal_year(con):
    # (y) ALPART dispositions under the 9.2.11 proviso "provided the fair market value of the assets disposed of
    # pursuant to this clause (y) does not exceed $2,000,000 in any Fiscal Year" (R-P20: the one that takes the year
    # over, and later ones that year, lose it). FY2004: 1,500,000 (total 1,500,000: y), 500,000 (total 2,000,000, not
    # over: y), 0.01 (total 2,000,000.01: over, reduces 65% x 1,000,000 = 650,000), 10,000 (later that year: reduces);
    # FY2005 starts afresh: 100,000 (y). A (w) disposition with the proviso clause is (w) and not in the total.
    entities(con)
    for transaction_id, sale_date, fmv in (("Y1", "2004-02-01", "1500000.00"), ("Y2", "2004-03-01", "500000.00"),
                                           ("Y3", "2004-04-01", "0.01"), ("Y4", "2004-05-01", "10000.00"),
                                           ("Y5", "2005-01-10", "100000.00")):
        disposition(con, transaction_id, sale_date, seller="ALPART", alpart_proviso_clause="i", fair_market_value=fmv)
        proceeds(con, transaction_id, sale_date, "1000000.00")
    disposition(con, "YW", "2004-01-15", seller="ALPART", section_9_2_11_clause="a", alpart_proviso_clause="ii",
                fair_market_value="5000000.00")
    proceeds(con, "YW", "2004-01-15", "1000000.00")
    got = reductions(con)
    assert {k: (v["exception"], v["reduction"]) for k, v in got.items()} == {
        "NDP-YW": ("w", Decimal("0.00")),
        "NDP-Y1": ("y", Decimal("0.00")),
        "NDP-Y2": ("y", Decimal("0.00")),
        "NDP-Y3": (None, Decimal("650000.00")),
        "NDP-Y4": (None, Decimal("650000.00")),
        "NDP-Y5": ("y", Decimal("0.00")),
    }


def test_exception_z_alpart_escrow_and_escrow_of_other_sellers(con):
    # (z) other ALPART dispositions "solely to the extent that the Net Disposition Proceeds are placed in escrow (and
    # remain in such escrow)": 4,000,000 placed in escrow reduces nothing; 1,000,000.01 released reduces
    # 65% x 1,000,000.01 = 650,000.0065 -> 650,000.01 (cents, half up); 500,000 received outright reduces 325,000.
    # Another seller's escrow is not yet received (R-P21): nothing on deposit, the release reduces in full.
    entities(con)
    disposition(con, "Z", "2004-06-01", seller="ALPART")
    proceeds(con, "Z", "2004-06-01", "4000000.00", kind="placed_in_escrow", suffix="-IN")
    proceeds(con, "Z", "2004-09-01", "1000000.01", kind="released_from_escrow", suffix="-OUT")
    proceeds(con, "Z", "2004-06-01", "500000.00", suffix="-CASH")
    disposition(con, "E", "2004-06-01")
    proceeds(con, "E", "2004-06-01", "2000000.00", kind="placed_in_escrow", suffix="-IN")
    proceeds(con, "E", "2004-10-01", "2000000.00", kind="released_from_escrow", suffix="-OUT")
    got = reductions(con)
    assert {k: (v["event_date"].isoformat(), v["exception"], v["reduction"]) for k, v in got.items()} == {
        "NDP-Z-IN": ("2004-06-01", "z", Decimal("0.00")),
        "NDP-Z-OUT": ("2004-09-01", None, Decimal("650000.01")),
        "NDP-Z-CASH": ("2004-06-01", None, Decimal("325000.00")),
        "NDP-E-IN": ("2004-06-01", None, Decimal("0.00")),
        "NDP-E-OUT": ("2004-10-01", None, Decimal("2000000.00")),
    }


def test_sellers_and_ownership_share(con):
    # received by "the Parent Guarantor, the Company or any Subsidiary": KAC (the Parent Guarantor, wholly itself
    # whatever the register's ownership) in full; VALCO 90% of 333,333.35 = 300,000.015 -> 300,000.02; QAL, 28.3% owned
    # and not a Subsidiary, is out of scope
    entities(con)
    for seller, amount in (("KAC", "1000000.00"), ("VALCO", "333333.35"), ("QAL", "1000000.00")):
        disposition(con, f"S-{seller}", "2003-09-01", seller=seller)
        proceeds(con, f"S-{seller}", "2003-09-02", amount)
    got = reductions(con)
    assert {k: (v["ownership_share"], v["reduction"]) for k, v in got.items()} == {
        "NDP-S-KAC": (Decimal("1.000000"), Decimal("1000000.00")),
        "NDP-S-VALCO": (Decimal("0.900000"), Decimal("300000.02")),
    }


def test_unclassified_disposition_is_missing_from_its_sale_date(con):
    add(con, "asset_sales", transaction_id="U", sale_date="2004-02-10", gross_proceeds="1.00", pretax_gain_loss="0.00")
    [row] = reductions(con).values()
    assert (row["event_date"].isoformat(), row["reduction"]) == ("2004-02-10", None)
    assert row["missing_inputs"] == [
        "ppca_asset_dispositions row for Asset Disposition U of 2004-02-10 (PPE Subcomponent Reduction exceptions (w)-(z))"]
