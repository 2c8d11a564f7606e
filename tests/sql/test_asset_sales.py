"""indenture-1996 Asset Sales: the Asset Sale classification (def/AssetSale, def/Subsidiary's Alpart/VALCO rule), Net
Cash Proceeds per receipt (def/NetCashProceeds), the 4.14(a) consideration test, the 4.14(b)-(c) pool, threshold and
Asset Sale Offer Amount, and the 4.14 deadlines, on literal raw rows. Every expected figure is worked out beside it."""

import json
from datetime import date
from decimal import Decimal

import pytest

from pipelines.calendar.business_days import Closure, load_business_days
from raw_tables import add, attest, build, one, rows


def sale(con, transaction_id, sale_date, gross, **values):
    """A disposition by the Company for cash unless the test says otherwise."""
    values.setdefault("cash_consideration", gross)
    add(con, "asset_sales", transaction_id=transaction_id, sale_date=sale_date, gross_proceeds=gross, pretax_gain_loss="0.00", **values)


def classified(con, transaction_id):
    build(con, "asset_sales")
    return one(con, "select * from asset_sales where transaction_id = ?", [transaction_id])


def ncp(con, transaction_id):
    build(con, "net_cash_proceeds")
    return rows(con, "select * from net_cash_proceeds where transaction_id = ? order by receipt_date, receipt_id", [transaction_id])


# --- def/AssetSale ---------------------------------------------------------------------------------------------------

def test_gross_proceeds_of_exactly_10_000_000_are_not_an_asset_sale(con):
    # (B) "do not exceed $10,000,000": <=, so exactly $10,000,000 is excluded (N9, R-I12)
    sale(con, "AS-10M", "1998-10-30", "10000000.00")
    row = classified(con, "AS-10M")
    assert row["is_asset_sale"] is False
    assert row["not_asset_sale_reason"].startswith("excluded by clause (B)")


def test_one_cent_over_10_000_000_is_an_asset_sale(con):
    sale(con, "AS-10M01", "1998-10-30", "10000000.01")
    assert classified(con, "AS-10M01")["is_asset_sale"] is True


@pytest.mark.parametrize(("sale_date", "is_asset_sale"), [("1996-12-20", False), ("1996-12-23", True)])
def test_an_asset_sale_is_made_on_or_after_the_initial_issuance_of_the_notes(con, sale_date, is_asset_sale):
    # "on or after the date of the initial issuance of the Notes" [Indenture § 1.01, “Asset Sale”]: the Notes bear
    # interest from December 23, 1996, their issue date (2.03); $20,000,000 is over the de minimis, so only the date
    # decides
    sale(con, "AS-DATE", sale_date, "20000000.00")
    row = classified(con, "AS-DATE")
    assert row["is_asset_sale"] is is_asset_sale
    assert (row["not_asset_sale_reason"] or "").startswith("before the initial issuance") is not is_asset_sale


def test_a_recorded_clause_b_is_recomputed(con):
    # the extract says (B), but $12,000,000 exceeds the de minimis: an Asset Sale
    sale(con, "AS-B", "1998-10-30", "12000000.00", asset_sale_exclusion="B")
    assert classified(con, "AS-B")["is_asset_sale"] is True


def test_related_transactions_are_aggregated_by_their_group(con):
    # R-I09: 6,000,000 + 6,000,000 = 12,000,000 > 10,000,000, so both are Asset Sales; a third sale alone is not
    sale(con, "P1", "2001-05-15", "6000000.00", related_group_id="G")
    sale(con, "P2", "2001-06-29", "6000000.00", related_group_id="G")
    sale(con, "P3", "2001-06-29", "6000000.00")
    build(con, "asset_sales")
    found = {r["transaction_id"]: (r["is_asset_sale"], r["group_gross_proceeds"]) for r in rows(con, "select * from asset_sales")}
    assert found == {"P1": (True, Decimal("12000000.00")), "P2": (True, Decimal("12000000.00")), "P3": (False, Decimal("6000000.00"))}


@pytest.mark.parametrize(("marked", "is_asset_sale"), [("true", False), ("false", True), (None, True)])
def test_a_disposition_of_cash_or_cash_equivalents_is_not_an_asset_sale(con, marked, is_asset_sale):
    # "any sale ... of any assets other than cash or Cash Equivalents" [Indenture § 1.01, “Asset Sale”]: 30,000,000 of
    # Treasury bills sold for cash, over the de minimis; unmarked (empty is false), the same row is an Asset Sale
    sale(con, "AS-TBILLS", "2000-03-15", "30000000.00", asset_description="U.S. Treasury bills", assets_are_cash_or_cash_equivalents=marked)
    row = classified(con, "AS-TBILLS")
    assert row["is_asset_sale"] is is_asset_sale
    assert (row["not_asset_sale_reason"] == "the assets disposed of are cash or Cash Equivalents") is not is_asset_sale
    build(con, "net_cash_proceeds", "asset_sale_consideration_tests")
    # no Net Cash Proceeds and no 4.14(a) test for the Treasury bills; 30,000,000 for the unmarked row
    proceeds = rows(con, "select sum(net_cash_proceeds) as total from net_cash_proceeds where transaction_id = 'AS-TBILLS'")[0]["total"]
    assert proceeds == (None if not is_asset_sale else Decimal("30000000.00"))
    assert len(rows(con, "select * from asset_sale_consideration_tests where transaction_id = 'AS-TBILLS'")) == (0 if not is_asset_sale else 1)


def test_cash_equivalents_in_a_group_do_not_count_towards_its_gross_proceeds(con):
    # (B) on the group's gross proceeds: 6,000,000 of a plant and 6,000,000 of commercial paper sold together; the
    # commercial paper is not an Asset Sale, so the group is 6,000,000 <= 10,000,000 and the plant is not one either
    sale(con, "G-PLANT", "2001-05-15", "6000000.00", related_group_id="G")
    sale(con, "G-PAPER", "2001-05-15", "6000000.00", related_group_id="G", assets_are_cash_or_cash_equivalents="true")
    build(con, "asset_sales")
    found = {r["transaction_id"]: (r["is_asset_sale"], r["group_gross_proceeds"]) for r in rows(con, "select * from asset_sales")}
    assert found["G-PLANT"] == (False, Decimal("6000000.00"))
    assert found["G-PAPER"][0] is False


def test_non_cash_proceeds_count_at_the_boards_value(con):
    # 8,000,000 cash + 4,000,000 non-cash recorded; the Board values the non-cash at 1,900,000: 9,900,000 <= 10,000,000
    sale(con, "AS-FMV", "1999-01-15", "12000000.00", cash_consideration="8000000.00", other_non_cash_consideration="4000000.00")
    attest(con, "asset_sale_non_cash_consideration_fmv", "1999-01-15", "1900000.00", reference_id="AS-FMV")
    row = classified(con, "AS-FMV")
    assert (row["gross_proceeds_for_b"], row["is_asset_sale"], row["missing_inputs"]) == (Decimal("9900000.00"), False, [])


def test_non_cash_proceeds_without_the_boards_value_are_missing(con):
    sale(con, "AS-NOFMV", "1999-01-15", "12000000.00", cash_consideration="8000000.00", other_non_cash_consideration="4000000.00")
    row = classified(con, "AS-NOFMV")
    assert row["is_asset_sale"] is True
    assert row["missing_inputs"] == ["asset_sale_non_cash_consideration_fmv (R-I28) for AS-NOFMV: Board value of non-cash proceeds"]


def test_alpart_while_65_percent_owned_is_a_non_affiliate_joint_venture(con):
    # def/Subsidiary: "so long as it is not a wholly owned Subsidiary", Alpart is deemed not a Subsidiary but a
    # Non-Affiliate Joint Venture for Asset Sale, NCP and 4.14: its own sale is not an Asset Sale of a Subsidiary
    add(con, "entities", entity_id="ALPART", role="joint_venture", ownership_pct="0.650000", consolidation_method="proportional", is_joint_venture="true")
    sale(con, "AS-ALPART", "1999-03-31", "40000000.00", seller_entity_id="ALPART")
    row = classified(con, "AS-ALPART")
    assert (row["is_asset_sale"], row["seller_deemed_najv"]) == (False, True)
    assert row["not_asset_sale_reason"].startswith("seller deemed a Non-Affiliate Joint Venture")


@pytest.mark.parametrize(("ownership", "deemed_najv"), [("0.050000", True), ("0.049999", False)])
def test_alpart_is_deemed_a_non_affiliate_joint_venture_only_from_5_percent(con, ownership, deemed_najv):
    # def/NonAffiliateJointVenture: "an ownership interest equal to or greater than 5%": exactly 5% is one, a
    # millionth less is not, and Alpart's own sale is then the sale of an ordinary joint venture's assets
    add(con, "entities", entity_id="ALPART", role="joint_venture", ownership_pct=ownership, consolidation_method="proportional", is_joint_venture="true")
    sale(con, "AS-ALPART", "1999-03-31", "40000000.00", seller_entity_id="ALPART")
    assert classified(con, "AS-ALPART")["seller_deemed_najv"] is deemed_najv


def test_alpart_wholly_owned_is_a_subsidiary_again(con):
    add(con, "entities", entity_id="ALPART", role="subsidiary", ownership_pct="1.000000")
    sale(con, "AS-ALPART", "1999-03-31", "40000000.00", seller_entity_id="ALPART")
    assert classified(con, "AS-ALPART")["is_asset_sale"] is True


def test_a_sale_to_a_non_affiliate_joint_venture_is_not_an_asset_sale(con):
    sale(con, "AS-NAJV", "1999-03-31", "40000000.00", buyer_kind="non_affiliate_joint_venture")
    assert classified(con, "AS-NAJV")["is_asset_sale"] is False


def test_a_sale_to_an_unrestricted_subsidiary_is_an_asset_sale(con):
    sale(con, "AS-UNR", "1999-03-31", "40000000.00", buyer_kind="unrestricted_subsidiary")
    assert classified(con, "AS-UNR")["is_asset_sale"] is True


# --- def/NetCashProceeds ---------------------------------------------------------------------------------------------

def test_deductions_i_to_iv_and_the_cfo_certified_reserve(con):
    # 50,000,000 - (i) 1,500,000 - (ii)(A) 3,000,000 - (ii)(B) 1,000,000 - (iii) 2,000,000 - (iv) 4,000,000 = 38,500,000
    sale(con, "CFT", "2000-08-25", "50000000.00", selling_expenses="1500000.00", debt_repaid_from_proceeds="3000000.00",
         debt_repaid_due_by_reason_of_sale="1000000.00", reserves_established="2000000.00", taxes_paid_or_payable="4000000.00")
    attest(con, "gaap_reserves_cfo_certificate", "2000-08-25", "2000000.00", reference_id="CFT")
    [row] = ncp(con, "CFT")
    assert (row["total_deductions"], row["net_cash_proceeds"], row["missing_inputs"]) == (Decimal("11500000.00"), Decimal("38500000.00"), [])


def test_ii_b_does_not_apply_to_us_fixed_assets_that_are_not_permitted_collateral(con):
    # the (ii)(B) repayment of 1,000,000 is not deducted: 50,000,000 - 1,500,000 = 48,500,000
    sale(con, "NPC", "2000-08-25", "50000000.00", selling_expenses="1500000.00", debt_repaid_due_by_reason_of_sale="1000000.00",
         asset_class="us_fixed_assets_not_permitted_collateral")
    assert ncp(con, "NPC")[0]["net_cash_proceeds"] == Decimal("48500000.00")


def test_amounts_payable_to_an_affiliate_are_not_deducted(con):
    # fees 1,500,000 of which 600,000 payable to an Affiliate: 50,000,000 - 900,000 = 49,100,000
    sale(con, "AFF", "2000-08-25", "50000000.00", selling_expenses="1500000.00", deductions_payable_to_affiliates="600000.00")
    assert ncp(con, "AFF")[0]["net_cash_proceeds"] == Decimal("49100000.00")


def test_a_reserve_without_the_cfo_certificate_is_a_missing_input(con):
    sale(con, "RES", "2000-08-25", "50000000.00", reserves_established="2000000.00")
    [row] = ncp(con, "RES")
    assert row["net_cash_proceeds"] == Decimal("50000000.00")  # nothing certified, nothing deducted
    assert row["missing_inputs"] == ["gaap_reserves_cfo_certificate for RES: CFO certificate to the Trustee for the GAAP Reserves (NCP (iii))"]


def test_minority_share_of_a_subsidiarys_sale(con):
    # (v): a 90%-owned Subsidiary receives 20,000,000; 10% is the minority's: 18,000,000 - fees 500,000 = 17,500,000
    add(con, "entities", entity_id="SUB90", role="subsidiary", ownership_pct="0.900000")
    sale(con, "SUB", "2000-08-25", "20000000.00", seller_entity_id="SUB90", selling_expenses="500000.00")
    assert ncp(con, "SUB")[0]["net_cash_proceeds"] == Decimal("17500000.00")


def test_cash_counts_as_and_when_received_and_deductions_come_off_the_first_cash(con):
    # 9,000,000 at closing less 300,000 fees = 8,700,000; the 5,000,000 note collected later is NCP in full; a
    # 400,000 reserve reversal is NCP when reversed
    sale(con, "SH", "1998-04-15", "14000000.00", cash_consideration="9000000.00", notes_converted_within_30_days="5000000.00", selling_expenses="300000.00")
    add(con, "asset_sale_receipts", receipt_id="R1", transaction_id="SH", receipt_date="1998-04-15", kind="closing_cash", amount="9000000.00")
    add(con, "asset_sale_receipts", receipt_id="R2", transaction_id="SH", receipt_date="1998-05-05", kind="note_collection", amount="5000000.00")
    add(con, "asset_sale_receipts", receipt_id="R3", transaction_id="SH", receipt_date="1999-12-31", kind="reserve_reversal", amount="400000.00")
    assert [r["net_cash_proceeds"] for r in ncp(con, "SH")] == [Decimal("8700000.00"), Decimal("5000000.00"), Decimal("400000.00")]


def test_a_nominal_dollar_at_closing_is_a_cash_receipt(con):
    # sold for 1.00 in cash at closing and 19,999,999.00 of other consideration, no receipts recorded: the closing
    # cash is received on the sale date and, with nothing to deduct, is Net Cash Proceeds of 1.00
    sale(con, "NOM", "1998-04-15", "20000000.00", cash_consideration="1.00", other_non_cash_consideration="19999999.00")
    attest(con, "asset_sale_non_cash_consideration_fmv", "1998-04-15", "19999999.00", reference_id="NOM")
    assert [(r["receipt_id"], r["kind"], r["net_cash_proceeds"]) for r in ncp(con, "NOM")] == [("NOM-closing", "closing_cash", Decimal("1.00"))]


def test_deductions_larger_than_the_first_receipt_carry_to_the_next(con):
    # closing 1,000,000 against 1,500,000 of fees: 0; then 12,000,000: 12,000,000 - 500,000 = 11,500,000
    sale(con, "LATE", "1998-04-15", "13000000.00", cash_consideration="1000000.00", other_non_cash_consideration="12000000.00", selling_expenses="1500000.00")
    attest(con, "asset_sale_non_cash_consideration_fmv", "1998-04-15", "12000000.00", reference_id="LATE")
    add(con, "asset_sale_receipts", receipt_id="L1", transaction_id="LATE", receipt_date="1998-04-15", kind="closing_cash", amount="1000000.00")
    add(con, "asset_sale_receipts", receipt_id="L2", transaction_id="LATE", receipt_date="1998-10-15", kind="deferred_instalment", amount="12000000.00")
    assert [r["net_cash_proceeds"] for r in ncp(con, "LATE")] == [Decimal("0.00"), Decimal("11500000.00")]


def test_a_najv_distribution_of_sale_proceeds_is_net_cash_proceeds(con):
    # Alpart (65%, deemed NAJV) sells for 40,000,000, not an Asset Sale; its 26,000,000 distribution of the proceeds is NCP
    add(con, "entities", entity_id="ALPART", role="joint_venture", ownership_pct="0.650000", consolidation_method="proportional")
    sale(con, "AS-ALPART", "1999-03-31", "40000000.00", seller_entity_id="ALPART")
    add(con, "asset_sale_receipts", receipt_id="J1", transaction_id="AS-ALPART", receipt_date="1999-04-30", kind="joint_venture_distribution", amount="26000000.00")
    [row] = ncp(con, "AS-ALPART")
    assert (row["receipt_id"], row["net_cash_proceeds"]) == ("J1", Decimal("26000000.00"))


# --- 4.14(a) ---------------------------------------------------------------------------------------------------------

def consideration_test(con, transaction_id):
    build(con, "asset_sale_consideration_tests")
    return one(con, "select * from asset_sale_consideration_tests where transaction_id = ?", [transaction_id])


@pytest.mark.parametrize(("collected_on", "deemed_cash"), [("1998-12-20", "12000000.00"), ("1998-12-21", "9000000.00")])
def test_a_note_is_deemed_cash_if_collected_within_thirty_days(con, collected_on, deemed_cash):
    # sale on 1998-11-20: day 30 is 1998-12-20 (in), day 31 1998-12-21 (out); 9,000,000 cash + 3,000,000 note
    sale(con, "BR", "1998-11-20", "12000000.00", cash_consideration="9000000.00", other_non_cash_consideration="3000000.00")
    attest(con, "asset_sale_non_cash_consideration_fmv", "1998-11-20", "3000000.00", reference_id="BR")
    add(con, "asset_sale_receipts", receipt_id="N", transaction_id="BR", receipt_date=collected_on, kind="note_collection", amount="3000000.00")
    row = consideration_test(con, "BR")
    # 75% of 12,000,000 = 9,000,000: 9,000,000 is exactly enough ("at least 75%")
    assert (row["actual"], row["threshold"], json.loads(row["missing_inputs"])) == (Decimal(deemed_cash), Decimal("9000000.00"), [])


def test_assumed_liabilities_are_deemed_cash_and_the_threshold_rounds_up_to_the_cent(con):
    # 7,400,000 cash + 18,000,000 assumed of 25,400,000.01: 75% = 19,050,000.0075, rounded up 19,050,000.01
    sale(con, "MEAD", "2004-05-28", "25400000.01", cash_consideration="7400000.00", assumed_liabilities="18000000.00",
         other_non_cash_consideration="0.01")
    attest(con, "asset_sale_non_cash_consideration_fmv", "2004-05-28", "0.01", reference_id="MEAD")
    row = consideration_test(con, "MEAD")
    assert (row["actual"], row["threshold"]) == (Decimal("25400000.00"), Decimal("19050000.01"))


# --- 4.14(b)-(c): pool, threshold, Asset Sale Offer Amount -------------------------------------------------------------

def pool(con):
    build(con, "asset_sale_offer_pool")
    return rows(con, "select * from asset_sale_offer_pool order by event_date, event_order, event_id")


@pytest.mark.parametrize(("second", "triggers"), [("13000000.00", False), ("13000001.00", True)])
def test_the_pool_must_exceed_25_000_000(con, second, triggers):
    # 12,000,000 + 13,000,000 = 25,000,000 exactly: no offer ("exceeds"); 25,000,001 triggers on the second receipt
    sale(con, "A", "1998-01-15", "12000000.00")
    sale(con, "B", "1998-06-15", second)
    found = pool(con)
    assert [r["triggers_offer"] for r in found] == [False, triggers]
    assert found[-1]["pool_after"] == Decimal("12000000.00") + Decimal(second)


@pytest.mark.parametrize(("sale_date", "pooled"), [("1996-12-23", []), ("1996-12-24", [(Decimal("30000000.00"), True)])])
def test_only_proceeds_received_after_the_indentures_date_enter_the_pool(con, sale_date, pooled):
    # "any Net Cash Proceeds received after the date of this Indenture" [Indenture § 4.14(b)], dated December 23, 1996:
    # a sale for 30,000,000 in cash that day is an Asset Sale ("on or after" the Notes' issuance, the same day), but
    # its proceeds, received that day, are not received after it; the next day's are, and 30,000,000 exceeds
    # 25,000,000 alone
    sale(con, "AS", sale_date, "30000000.00")
    assert [(r["amount"], r["triggers_offer"]) for r in pool(con) if r["event_kind"] == "receipt"] == pooled


def test_the_threshold_is_on_the_pool_not_per_sale(con):
    # M10: 13,700,000 then 11,750,000: neither exceeds 25,000,000 alone; together 25,450,000 do, on the second sale
    sale(con, "A", "1998-04-15", "14000000.00", selling_expenses="300000.00")
    sale(con, "B", "1998-11-20", "12000000.00", selling_expenses="250000.00")
    assert [(r["pool_after"], r["triggers_offer"]) for r in pool(con)] == [(Decimal("13700000.00"), False), (Decimal("25450000.00"), True)]


def test_4_14_e_proceeds_need_an_offer_without_the_threshold(con):
    sale(con, "GR", "2000-03-15", "10800000.00", selling_expenses="300000.00", asset_class="gramercy_refinery")
    [row] = pool(con)
    assert (row["pool_after"], row["is_4_14_e"], row["triggers_offer"]) == (Decimal("10500000.00"), True, True)


def test_ncp_committed_within_140_days_stays_out_of_the_pool(con):
    # receipt 2000-08-25; day 140 is 2001-01-12 (counts), a commitment on day 141 would not
    sale(con, "CFT", "2000-08-25", "46500000.00")
    attest(con, "asset_sale_reinvestment_commitment", "2001-01-12", "30000000.00", reference_id="CFT")
    attest(con, "asset_sale_reinvestment_commitment", "2001-01-13", "16500000.00", reference_id="CFT")
    # the receipt only (no use is attested, so the commitment also returns on 2001-09-01: tested below)
    [row] = [r for r in pool(con) if r["event_kind"] == "receipt"]
    assert (row["amount"], row["triggers_offer"]) == (Decimal("16500000.00"), False)  # 46,500,000 - 30,000,000


def offer(con, notice, purchase, **values):
    values = {"net_cash_proceeds": "0.00", "offer_amount": "0.00", "notes_outstanding": "50000000.00", "credit_agreement_principal": "150000000.00",
              "purchase_completed_on": purchase, **values}
    add(con, "asset_sale_offers", offer_id="O1", notice_mailed_on=notice, asset_sale_purchase_date=purchase, **values)


def offer_test(con):
    build(con, "asset_sale_offer_tests")
    row = one(con, "select * from asset_sale_offer_tests")
    return row, {k: v["value"] for k, v in json.loads(row["inputs"]).items()}


def test_e13_asset_sale_offer_amount(con):
    # worked example: NCP 60,123,456.78; Notes 50,000,000; CA 150,000,000; SPPI 0:
    # floor_to_1000 = 60,123,000; x 50/200 = 15,030,750 (not a $1,000 multiple, R-I18)
    sale(con, "E13", "2000-01-03", "60123456.78")
    offer(con, "2000-04-03", "2000-05-05", offer_amount="15030750.00")
    row, inputs = offer_test(con)
    assert inputs["net_cash_proceeds_rounded_down"] == "60123000.00"
    assert inputs["asset_sale_offer_amount"] == "15030750.00"
    assert (row["actual"], inputs["defects"]) == (Decimal("0.00"), "none")
    assert row["threshold_reduction"] == Decimal("0.00")  # nothing in 4.14 lowers the bar of no defect


def test_an_offer_one_cent_short_of_the_amount_is_a_defect(con):
    sale(con, "E13", "2000-01-03", "60123456.78")
    offer(con, "2000-04-03", "2000-05-05", offer_amount="15030749.99")
    row, inputs = offer_test(con)
    assert (row["actual"], inputs["defects"]) == (Decimal("1.00"), "offer amount 15030749.99 below the Asset Sale Offer Amount 15030750.00")


@pytest.mark.parametrize(("include", "amount"), [("1", "15030750.00"), ("0", "20041000.00")])
def test_undrawn_letters_of_credit_in_the_denominator(con, include, amount):
    # M8: CA principal 100,000,000 + undrawn LCs 50,000,000: included 60,123,000 x 50/200 = 15,030,750;
    # excluded 60,123,000 x 50/150 = 20,041,000
    con.execute("update policy_parameters set value = ? where name = 'asset_sale_offer_include_undrawn_letters_of_credit'", [include])
    sale(con, "E13", "2000-01-03", "60123456.78")
    offer(con, "2000-04-03", "2000-05-05", credit_agreement_principal="100000000.00", credit_agreement_letters_of_credit="50000000.00")
    assert offer_test(con)[1]["asset_sale_offer_amount"] == amount


def test_a_fraction_is_rounded_up_to_the_cent(con):
    # 25,450,000 x 50,000,000 / 184,000,000 = 6,915,760.8695...: at least 6,915,760.87
    sale(con, "A", "1998-12-21", "25450000.00")
    offer(con, "1999-04-15", "1999-05-14", credit_agreement_principal="0.00", credit_agreement_letters_of_credit="134000000.00")
    assert offer_test(con)[1]["asset_sale_offer_amount"] == "6915760.87"


@pytest.mark.parametrize(
    ("notice", "purchase", "defects"),
    [
        # receipt 2000-03-15: day 145 = 2000-08-07, day 175 = 2000-09-06 (a Wednesday)
        ("2000-08-07", "2000-09-06", "none"),
        ("2000-08-08", "2000-09-06", "notice mailed 2000-08-08, after day 145 (2000-08-07)"),
        ("2000-08-07", "2000-09-07", "Asset Sale Purchase Date 2000-09-07 after day 175 (2000-09-06)"),
        # mailed 2000-07-10, purchase Friday 2000-08-04: open to Thursday 2000-08-03, 24 days; mailed a day later, 23
        ("2000-07-10", "2000-08-04", "none"),
        ("2000-07-11", "2000-08-04", "offer open 23 days, less than twenty-four"),
        # purchase on Monday 2000-08-07: open to Friday 2000-08-04 (25 days from 07-10)
        ("2000-07-10", "2000-08-07", "none"),
        ("2000-07-10", "2000-08-05", "Asset Sale Purchase Date 2000-08-05 is not a Business Day"),
    ],
)
def test_offer_deadlines(con, notice, purchase, defects):
    sale(con, "GR", "2000-03-15", "30000000.00")
    offer(con, notice, purchase, offer_amount="7500000.00")  # 30,000,000 x 50,000,000 / 200,000,000
    assert offer_test(con)[1]["defects"] == defects


def test_no_offer_is_a_defect(con):
    sale(con, "KC", "2003-03-14", "62400000.00")
    row, inputs = offer_test(con)
    assert (row["actual"], inputs["defects"]) == (Decimal("1.00"), "no Asset Sale Offer mailed on or after 2003-03-14")


# --- deadlines and 4.14(d) -------------------------------------------------------------------------------------------

def deadlines(con):
    build(con, "asset_sale_deadlines")
    return {r["obligation"]: r for r in rows(con, "select * from asset_sale_deadlines")}


def test_the_deadlines_of_one_sale(con):
    sale(con, "GR", "2000-03-15", "30000000.00")
    offer(con, "2000-08-08", "2000-09-06", offer_amount="7500000.00")
    found = deadlines(con)
    assert (found["commit to reinvest the Net Cash Proceeds"]["due_date"].isoformat()) == "2000-08-02"  # day 140
    notice = found["mail notice of the Asset Sale Offer"]
    assert (notice["due_date"].isoformat(), notice["completed_on"].isoformat()) == ("2000-08-07", "2000-08-08")  # day 146: late
    purchase = found["purchase the Notes tendered on the Asset Sale Purchase Date"]
    assert (purchase["due_date"].isoformat(), purchase["business_day_convention"]) == ("2000-09-06", "preceding")
    assert found["keep the Asset Sale Offer open at least twenty-four days"]["due_date"].isoformat() == "2000-09-01"  # 08-08 + 24
    # committing is the Company's option (4.14(d): "no obligation ... if ... the Company commits"); the rest are duties
    assert {o: r["is_option"] for o, r in found.items()} == {
        "commit to reinvest the Net Cash Proceeds": True,
        "mail notice of the Asset Sale Offer": False,
        "purchase the Notes tendered on the Asset Sale Purchase Date": False,
        "keep the Asset Sale Offer open at least twenty-four days": False,
    }


@pytest.mark.parametrize(("proceeds", "due"), [("200000000.00", "2001-08-31"), ("200000000.01", "2002-08-31")])
def test_utilisation_deadline_is_the_12th_or_24th_month_end(con, proceeds, due):
    # received in August 2000: the last day of the 12th month following is 2001-08-31; over $200,000,000 the 24th
    sale(con, "BIG", "2000-08-25", proceeds)
    attest(con, "asset_sale_reinvestment_commitment", "2000-12-15", proceeds, reference_id="BIG")
    attest(con, "asset_sale_reinvestment_utilised", due, proceeds, reference_id="BIG")
    build(con, "asset_sale_reinvestment_tests")
    row = one(con, "select * from asset_sale_reinvestment_tests")
    assert (row["clause_id"], row["test_date"].isoformat(), row["actual"], row["threshold"]) == ("indenture-1996/4.14(d)", due, Decimal(proceeds), Decimal(proceeds))


def test_utilisation_not_attested_is_missing(con):
    sale(con, "CFT", "2000-08-25", "46500000.00")
    attest(con, "asset_sale_reinvestment_commitment", "2000-12-15", "46500000.00", reference_id="CFT")
    build(con, "asset_sale_reinvestment_tests")
    row = one(con, "select * from asset_sale_reinvestment_tests")
    assert json.loads(row["missing_inputs"]) == ["asset_sale_reinvestment_utilised (R-I20) for CFT by 2001-08-31"]


# --- Business Days: the indenture's calendar (business_days), not weekends alone --------------------------------------

@pytest.mark.parametrize(
    ("notice", "purchase", "defects"),
    [
        # receipt 2000-04-15: day 145 = 2000-09-07, day 175 = 2000-10-07. Labor Day, Monday 2000-09-04, is a Federal
        # Reserve holiday, so not a Business Day [Indenture § 1.01, “Business Day”].
        # Purchase Tuesday 2000-09-05: the last Business Day before it is Friday 2000-09-01 (09-02/03 weekend, 09-04
        # Labor Day); mailed 2000-08-08, open 08-08 -> 09-01 = 24 days: in time
        ("2000-08-08", "2000-09-05", "none"),
        # mailed 2000-08-09: 23 days. A weekday-only rule would close on Labor Day (26 days) and see no defect
        ("2000-08-09", "2000-09-05", "offer open 23 days, less than twenty-four"),
        # a purchase on Labor Day itself is not on a Business Day (open to Friday 09-01: 24 days from 08-08)
        ("2000-08-08", "2000-09-04", "Asset Sale Purchase Date 2000-09-04 is not a Business Day"),
    ],
)
def test_offer_dates_follow_the_business_day_calendar(con, notice, purchase, defects):
    sale(con, "GR", "2000-04-15", "30000000.00")
    offer(con, notice, purchase, offer_amount="7500000.00")  # 30,000,000 x 50,000,000 / 200,000,000
    assert offer_test(con)[1]["defects"] == defects


def test_a_dated_closure_moves_the_close_of_the_offer(con):
    # policies/business_day_closures.yaml: banks closed in New York on Friday 2000-09-01 (a test closure). The offer
    # with purchase on Tuesday 09-05 then closes Thursday 08-31: 08-08 -> 08-31 = 23 days, short by one
    load_business_days(con, closures=(Closure(day=date(2000, 9, 1), cities=("New York",), reason="test closure", source="test"),))
    sale(con, "GR", "2000-04-15", "30000000.00")
    offer(con, "2000-08-08", "2000-09-05", offer_amount="7500000.00")
    assert offer_test(con)[1]["defects"] == "offer open 23 days, less than twenty-four"


# --- 4.14(a) proviso: foreclosures and involuntary proceedings ----------------------------------------------------------

@pytest.mark.parametrize("kind", ["foreclosure", "in_lieu_of_foreclosure", "involuntary_proceeding"])
def test_the_75_percent_test_does_not_apply_to_a_foreclosure_or_involuntary_disposition(con, kind):
    # all 12,000,000 in non-cash consideration: 0 cash-like against 9,000,000 minimum would fail; the proviso lifts it
    sale(con, "FC", "2002-06-14", "12000000.00", cash_consideration="0.00", other_non_cash_consideration="12000000.00",
         involuntary_disposition=kind)
    attest(con, "asset_sale_non_cash_consideration_fmv", "2002-06-14", "12000000.00", reference_id="FC")
    row = consideration_test(con, "FC")
    assert (row["actual"], row["threshold"]) == (Decimal("0.00"), Decimal("9000000.00"))
    assert "shall not apply" in row["not_applicable_because"] and "[Indenture § 4.14(a)]" in row["not_applicable_because"]


def test_a_voluntary_sale_is_still_tested(con):
    sale(con, "V", "2002-06-14", "12000000.00", cash_consideration="0.00", other_non_cash_consideration="12000000.00")
    attest(con, "asset_sale_non_cash_consideration_fmv", "2002-06-14", "12000000.00", reference_id="V")
    assert consideration_test(con, "V")["not_applicable_because"] is None


# --- 4.14(c) credit for Notes acquired and retired after the Asset Sale -------------------------------------------------

@pytest.mark.parametrize(
    ("retired_on", "defects", "required"),
    [
        # E13: Asset Sale Offer Amount 15,030,750; 5,000,000 of Notes redeemed 2000-01-04, the day after the sale of
        # 2000-01-03 ("subsequent to such date"): 15,030,750 - 5,000,000 = 10,030,750 to offer; 10,030,750 offered
        ("2000-01-04", "none", "10030750.00"),
        # redeemed on the day of the sale itself: not subsequent, no credit; 10,030,750 is short of 15,030,750
        ("2000-01-03", "offer amount 10030750.00 below the Asset Sale Offer Amount 15030750.00", "15030750.00"),
    ],
)
def test_notes_retired_after_the_asset_sale_are_credited(con, retired_on, defects, required):
    sale(con, "E13", "2000-01-03", "60123456.78")
    offer(con, "2000-04-03", "2000-05-05", offer_amount="10030750.00", notes_credited="5000000.00", notes_credited_retired_on=retired_on)
    row, inputs = offer_test(con)
    assert (inputs["defects"], inputs["offer_amount_required"]) == (defects, required)


def test_an_offer_below_the_credited_amount_names_the_credit(con):
    # 15,030,750 - 5,000,000 = 10,030,750; 10,030,749.99 is one cent short
    sale(con, "E13", "2000-01-03", "60123456.78")
    offer(con, "2000-04-03", "2000-05-05", offer_amount="10030749.99", notes_credited="5000000.00", notes_credited_retired_on="2000-02-01")
    assert offer_test(con)[1]["defects"] == (
        "offer amount 10030749.99 below the Asset Sale Offer Amount 15030750.00 less Notes credited 5000000.00 = 10030750.00"
    )


def test_a_credit_without_its_retirement_date_is_a_missing_input(con):
    sale(con, "E13", "2000-01-03", "60123456.78")
    offer(con, "2000-04-03", "2000-05-05", offer_amount="10030750.00", notes_credited="5000000.00")
    row, _ = offer_test(con)
    assert json.loads(row["missing_inputs"]) == ["notes_credited_retired_on for O1: when the credited Notes were retired"]


# --- 4.14(d): committed proceeds not used by the deadline return to the pool --------------------------------------------

def committed_cft(con, utilised_on, utilised):
    # receipt 2000-08-25, 46,500,000 committed 2000-12-15 (day 112 of 140): nothing goes to the pool on receipt. The use
    # deadline is the last day of the 12th month after August 2000: 2001-08-31
    sale(con, "CFT", "2000-08-25", "46500000.00")
    attest(con, "asset_sale_reinvestment_commitment", "2000-12-15", "46500000.00", reference_id="CFT")
    attest(con, "asset_sale_reinvestment_utilised", utilised_on, utilised, reference_id="CFT")


def test_unused_committed_proceeds_return_to_the_pool_the_day_after_the_deadline(con):
    # 20,000,000 used by 2001-08-31: 46,500,000 - 20,000,000 = 26,500,000 unused return on 2001-09-01 and exceed
    # 25,000,000: an offer is due from that day (R-I19), notice by 2001-09-01 + 145 = 2002-01-24, purchase by
    # + 175 = 2002-02-23
    committed_cft(con, "2001-08-31", "20000000.00")
    [lapse] = pool(con)
    assert (lapse["event_date"].isoformat(), lapse["event_kind"], lapse["amount"], lapse["triggers_offer"]) == (
        "2001-09-01", "reinvestment_lapse", Decimal("26500000.00"), True)
    found = deadlines(con)
    assert found["mail notice of the Asset Sale Offer"]["due_date"].isoformat() == "2002-01-24"
    assert found["purchase the Notes tendered on the Asset Sale Purchase Date"]["due_date"].isoformat() == "2002-02-23"


@pytest.mark.parametrize(
    ("utilised_on", "pool_rows"),
    [
        # all 46,500,000 used on the deadline itself, 2001-08-31 ("no later than"): nothing returns
        ("2001-08-31", []),
        # 20,000,000 used by 2001-08-31 and the rest only on 2001-09-01, the day after: the later use does not count,
        # 46,500,000 - 20,000,000 = 26,500,000 return on 2001-09-01
        ("2001-09-01", [("2001-09-01", Decimal("26500000.00"))]),
    ],
)
def test_use_on_each_side_of_the_deadline(con, utilised_on, pool_rows):
    committed_cft(con, "2001-08-31", "20000000.00" if utilised_on == "2001-09-01" else "46500000.00")
    if utilised_on == "2001-09-01":
        attest(con, "asset_sale_reinvestment_utilised", "2001-09-01", "46500000.00", reference_id="CFT")
    assert [(r["event_date"].isoformat(), r["amount"]) for r in pool(con)] == pool_rows


def test_use_of_exactly_the_committed_proceeds_completes_the_obligation_on_its_day(con):
    # all 46,500,000 committed are used by 2001-08-31: "substantially so utilized" at the default share of 1.00 (R-I20)
    # is 46,500,000 x 1.00 = 46,500,000, met exactly, so the obligation is completed on the day the use is attested
    committed_cft(con, "2001-08-31", "46500000.00")
    use = deadlines(con)["substantially utilise the committed Net Cash Proceeds"]
    assert (use["due_date"].isoformat(), use["completed_on"].isoformat()) == ("2001-08-31", "2001-08-31")


def test_no_use_attested_by_the_deadline_returns_the_whole_commitment_as_a_missing_input(con):
    # use attested only as of 2001-09-01: nothing is known at 2001-08-31, the whole 46,500,000 is taken to return and
    # the offer it makes due is indeterminate, never a pass
    committed_cft(con, "2001-09-01", "46500000.00")
    [lapse] = pool(con)
    assert (lapse["amount"], lapse["missing_inputs"]) == (
        Decimal("46500000.00"), ["asset_sale_reinvestment_utilised (R-I20) for CFT by 2001-08-31"])


def test_a_returned_amount_in_the_pool_before_the_lapse_day_is_not_counted(con):
    # a sale of 13,000,000 received 2001-08-31 (the deadline) and 12,500,000 of unused CFT proceeds returning 2001-09-01:
    # 13,000,000 on 08-31 is under the threshold; 25,500,000 from 09-01 exceeds it, so the offer is due from 09-01
    committed_cft(con, "2001-08-31", "34000000.00")  # 46,500,000 - 34,000,000 = 12,500,000 unused
    sale(con, "B", "2001-08-31", "13000000.00")
    assert [(r["event_date"].isoformat(), r["pool_after"], r["triggers_offer"]) for r in pool(con)] == [
        ("2001-08-31", Decimal("13000000.00"), False),
        ("2001-09-01", Decimal("25500000.00"), True),
    ]


# --- 4.14(b)(A): the prepayment shares of the Credit Agreement and the Specified Pari Passu Indebtedness ----------------

def test_each_creditor_class_takes_its_own_share_of_the_same_fraction(con):
    # E13 with 50,000,000 of Specified Pari Passu Indebtedness: Notes 50,000,000, Credit Agreement 100,000,000, SPPI
    # 50,000,000, denominator 200,000,000; 60,123,000 x 50/200 = 15,030,750 each for the Notes and the SPPI,
    # 60,123,000 x 100/200 = 30,061,500 for the Credit Agreement: together the 60,123,000
    sale(con, "E13", "2000-01-03", "60123456.78")
    offer(con, "2000-04-03", "2000-05-05", offer_amount="15030750.00", credit_agreement_principal="100000000.00",
          specified_pari_passu_indebtedness="50000000.00")
    row, inputs = offer_test(con)
    assert (inputs["asset_sale_offer_amount"], inputs["credit_agreement_prepayment_share"], inputs["specified_pari_passu_prepayment_share"]) == (
        "15030750.00", "30061500.00", "15030750.00")
    assert (inputs["notes_offer_amount"], row["actual"]) == ("15030750.00", Decimal("0.00"))


def test_limb_a_shares_are_rounded_down_so_the_three_never_exceed_the_proceeds(con):
    # 25,450,000 over Notes 50,000,000, Credit Agreement 67,000,000 and SPPI 67,000,000 (184,000,000):
    # Notes 25,450,000 x 50/184 = 6,915,760.869... up to 6,915,760.87; each of the others 25,450,000 x 67/184 =
    # 9,267,119.565... down to 9,267,119.56; 6,915,760.87 + 2 x 9,267,119.56 = 25,449,999.99, not more than 25,450,000
    sale(con, "A", "1998-12-21", "25450000.00")
    offer(con, "1999-04-15", "1999-05-14", offer_amount="6915760.87", credit_agreement_principal="67000000.00",
          specified_pari_passu_indebtedness="67000000.00")
    inputs = offer_test(con)[1]
    assert (inputs["asset_sale_offer_amount"], inputs["credit_agreement_prepayment_share"], inputs["specified_pari_passu_prepayment_share"]) == (
        "6915760.87", "9267119.56", "9267119.56")


@pytest.mark.parametrize(
    ("declined", "offered", "counted", "required", "defects"),
    [
        # the SPPI holders decline 5,000,000 of their 15,030,750 share: it goes to the Notes, 15,030,750 + 5,000,000
        ("5000000.00", "20030750.00", "5000000.00", "20030750.00", "none"),
        ("5000000.00", "20030749.99", "5000000.00", "20030750.00",
         "offer amount 20030749.99 below the Asset Sale Offer Amount 15030750.00 plus prepayments declined 5000000.00 = 20030750.00"),
        # declining the whole share, or more than it, moves the share and no more: 15,030,750 x 2 = 30,061,500
        ("15030750.00", "30061500.00", "15030750.00", "30061500.00", "none"),
        ("20000000.00", "30061500.00", "15030750.00", "30061500.00", "none"),
    ],
)
def test_a_prepayment_the_holders_decline_goes_to_the_notes(con, declined, offered, counted, required, defects):
    sale(con, "E13", "2000-01-03", "60123456.78")
    offer(con, "2000-04-03", "2000-05-05", offer_amount=offered, credit_agreement_principal="100000000.00",
          specified_pari_passu_indebtedness="50000000.00", specified_pari_passu_prepayment_declined=declined)
    inputs = offer_test(con)[1]
    assert (inputs["specified_pari_passu_prepayment_declined"], inputs["offer_amount_required"], inputs["defects"]) == (
        counted, required, defects)


def test_a_credit_agreement_decline_and_the_notes_credit_together(con):
    # E13: the Credit Agreement declines 1,000,000 of its 45,092,250: 15,030,750 + 1,000,000 = 16,030,750, less
    # 5,000,000 of Notes credited = 11,030,750
    sale(con, "E13", "2000-01-03", "60123456.78")
    offer(con, "2000-04-03", "2000-05-05", offer_amount="11030749.99", credit_agreement_prepayment_declined="1000000.00",
          notes_credited="5000000.00", notes_credited_retired_on="2000-02-01")
    inputs = offer_test(con)[1]
    assert inputs["defects"] == ("offer amount 11030749.99 below the Asset Sale Offer Amount 15030750.00 plus prepayments "
                                 "declined 1000000.00 = 16030750.00 less Notes credited 5000000.00 = 11030750.00")


@pytest.mark.parametrize(
    ("proceeds", "ca_share", "remaining", "notes_offer"),
    [
        # Notes 50,000,000, Credit Agreement 5,000,000, SPPI 5,000,000: 60,000,000 of proceeds is exactly the
        # denominator: each class its whole principal, nothing left over
        ("60000000.00", "5000000.00", "0.00", "50000000.00"),
        # 60,001,000: the Credit Agreement's 5,000,083.33 is capped at its 5,000,000 ((z) complete prepayment); the
        # Notes' share 60,001,000 x 50/60 = 50,000,833.34 (up) and 60,001,000 - 10,000,000 - 50,000,833.34 = 166.66
        # are left for the Notes, but no more than the 50,000,000 of Notes outstanding can be offered
        ("60001000.00", "5000000.00", "166.66", "50000000.00"),
    ],
)
def test_complete_prepayment_leaves_the_rest_to_the_notes_up_to_the_notes_outstanding(con, proceeds, ca_share, remaining, notes_offer):
    sale(con, "X", "2000-01-03", proceeds)
    offer(con, "2000-04-03", "2000-05-05", offer_amount="50000000.00", credit_agreement_principal="5000000.00",
          specified_pari_passu_indebtedness="5000000.00")
    inputs = offer_test(con)[1]
    assert (inputs["credit_agreement_prepayment_share"], inputs["specified_pari_passu_prepayment_share"]) == (ca_share, ca_share)
    assert (inputs["remaining_after_complete_prepayment"], inputs["notes_offer_amount"], inputs["defects"]) == (remaining, notes_offer, "none")


def test_no_other_indebtedness_leaves_everything_to_the_notes(con):
    # (x): no Credit Agreement or SPPI outstanding: 25,450,000 x 50/50 = 25,450,000, nothing to prepay
    sale(con, "A", "1998-12-21", "25450000.00")
    offer(con, "1999-04-15", "1999-05-14", offer_amount="25450000.00", credit_agreement_principal="0.00")
    inputs = offer_test(con)[1]
    assert (inputs["asset_sale_offer_amount"], inputs["credit_agreement_prepayment_share"], inputs["specified_pari_passu_prepayment_share"]) == (
        "25450000.00", "0.00", "0.00")


# --- the Asset Sale Purchase Price (notes_purchase_prices) --------------------------------------------------------------

@pytest.mark.parametrize(
    ("purchase", "days", "per_1000", "whole"),
    [
        # E13, purchase Friday May 5, 2000: 30 x (5 - 4) + (5 - 15) = 20 days from April 15; 1,000 x 0.10875 x 20 / 360 =
        # 6.041666...; 15,030,750 x 0.10875 x 20 / 360 = 90,810.78125
        ("2000-05-05", "20", "1006.0416666666", "15121560.7812500000"),
        # purchase Friday October 13, 2000, two days before the coupon: 30 x (10 - 4) + (13 - 15) = 178 days;
        # 1,000 x 0.10875 x 178 / 360 = 53.770833...; 1,634,594.0625 x 178 / 360 = 808,215.953125
        ("2000-10-13", "178", "1053.7708333333", "15838965.9531250000"),
        # purchase Monday October 16, 2000, the day after the coupon of Sunday October 15: 1 day, 108.75 / 360 =
        # 0.3020833...; 15,030,750 x 0.10875 / 360 = 1,634,594.0625 / 360 = 4,540.5390625
        ("2000-10-16", "1", "1000.3020833333", "15035290.5390625000"),
        # purchase on the coupon date itself, Friday October 15, 2004: no interest accrues, it is paid in the usual
        # manner (R-I71)
        ("2004-10-15", "0", "1000.0000000000", "15030750.0000000000"),
    ],
)
def test_asset_sale_purchase_price_is_100_percent_plus_30_360_interest(con, purchase, days, per_1000, whole):
    sale(con, "E13", "2000-01-03", "60123456.78")
    offer(con, "2000-04-03", purchase, offer_amount="15030750.00")
    inputs = offer_test(con)[1]
    assert (inputs["accrued_days_30_360"], inputs["asset_sale_purchase_price_per_1000"], inputs["asset_sale_purchase_price_amount"]) == (
        days, per_1000, whole)
