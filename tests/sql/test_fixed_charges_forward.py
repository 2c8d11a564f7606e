"""consolidated_fixed_charges_forward: Consolidated Fixed Charges to be accrued over FQ(TD) and the next three quarters on
the pro forma Indebtedness of the Transaction Date, carried x 26280 = lcm(360, 365), and the 4.10(a) deemed full draw
of 4.10(b)(ii) (M2, R-I04)."""

from decimal import Decimal

from raw_tables import add, attest, build, one, rows

MODEL = "consolidated_fixed_charges_forward"

TD = "1998-05-20"  # in Q2 1998: the forward year is 1998-04-01 .. 1999-03-31, 365 days


def forward(con, clause="indenture-1996/4.10(a)", transaction_id="INC1"):
    return one(
        con,
        "select * from consolidated_fixed_charges_forward where clause_id = ? and transaction_id = ?",
        [clause, transaction_id],
    )


def ledger_remaining_on_td(con):
    """What the 4.10(b)(ii) basket ledger leaves on TD: its capacity less the usage of every entry up to TD."""
    return one(
        con,
        "select max(capacity) - sum(amount) as remaining from indebtedness_basket_ledger"
        " where clause_id = 'indenture-1996/4.10(b)(ii)' and entry_date <= ?",
        [TD],
    )["remaining"]


def notes_and_revolver(con):
    add(con, "debt_instruments", instrument_id="NOTES", indenture_basket="4.10(b)(i)", rate_kind="fixed", fixed_rate="0.10875000", day_count="30/360")
    add(
        con, "debt_instruments", instrument_id="REV", indenture_basket="4.10(b)(ii)", rate_kind="floating",
        floating_index="libor_3m", spread="0.01500000", day_count="actual/360", letter_of_credit_fee_rate="0.01250000",
    )
    add(con, "debt_balances", instrument_id="NOTES", period_end="1998-03-31", principal_outstanding="45000000.00")
    add(con, "debt_balances", instrument_id="NOTES", period_end="1998-04-30", principal_outstanding="50000000.00")
    add(con, "debt_balances", instrument_id="REV", period_end="1998-04-30", principal_outstanding="100000000.00", letters_of_credit_outstanding="20000000.00")
    add(con, "market_data", series="libor_3m", period_start="1998-04-01", period_end="1998-06-30", value="0.055000")
    add(con, "market_data", series="libor_3m", period_start="1998-07-01", period_end="1998-09-30", value="0.060000")
    # already in the April balance: not added again
    add(con, "incurrences", transaction_id="INC0", incurrence_date="1998-04-15", instrument_id="NOTES", amount="7000000.00", basket="4.10(b)(vi)")
    add(
        con, "incurrences", transaction_id="INC1", incurrence_date=TD, instrument_id="NOTES", amount="10000000.00",
        basket="4.10(a)", proceeds_applied_to_instrument_id="REV", proceeds_applied_amount="5000000.00",
    )
    add(con, "restricted_payments", transaction_id="RP1", payment_date=TD)


def test_pro_forma_principal_and_rate_on_the_transaction_date(con):
    notes_and_revolver(con)
    build(con, MODEL)
    found = {r["instrument_id"]: r for r in rows(con, "select * from pro_forma_indebtedness where transaction_date = ?", [TD])}
    assert found["NOTES"]["principal"] == Decimal("60000000.00")  # April balance 50,000,000 + INC1 10,000,000
    assert found["REV"]["principal"] == Decimal("95000000.00")  # 100,000,000 - 5,000,000 repaid from INC1's proceeds
    assert found["REV"]["rate"] == Decimal("0.07000000")  # LIBOR 5.5% in effect on TD + 1.5% spread


def test_forward_charges_30_360_actual_360_letters_of_credit_and_deemed_draw(con):
    notes_and_revolver(con)
    attest(con, "projected_other_fixed_charges", TD, "500000.00", reference_id="INC1")
    build(con, MODEL)
    row = forward(con)
    assert (row["forward_start"].isoformat(), row["forward_end"].isoformat(), row["forward_days"]) == ("1998-04-01", "1999-03-31", 365)
    # NOTES 30/360: 60,000,000 x 0.10875 x 26,280 = 6,525,000 x 26,280 = 171,477,000,000
    # REV actual/360: 95,000,000 x 0.07 x 365 x 73 = 6,650,000 x 26,645 = 177,189,250,000
    assert row["interest_x26280"] == Decimal("348666250000.0000000000")  # 171,477,000,000 + 177,189,250,000
    assert row["interest_to_the_cent"] == Decimal("13267361.11")  # 6,525,000 + 6,650,000 x 365/360 = 6,742,361.11
    # LCs: 20,000,000 x 0.0125 x 365 x 73 = 250,000 x 26,645
    assert row["letter_of_credit_fees_x26280"] == Decimal("6661250000.0000000000")
    # as the inputs show it: 250,000 x 365/360 = 253,472.2222... to the cent
    assert row["letter_of_credit_fees_to_the_cent"] == Decimal("253472.22")
    assert row["projected_other_fixed_charges_x26280"] == Decimal("13140000000.0000000000")  # 500,000 x 26,280
    # no letters of credit extract rows (REV's month-end letters_of_credit_outstanding prices the fees only), so
    # deemed draw: 400,000,000 - (95,000,000 (b)(ii) principal + 0 letters of credit) = 305,000,000 at REV's rate and day count:
    # 305,000,000 x 177,189,250,000 / 95,000,000 = 305,000,000 x 0.07 x 26,645 = 21,350,000 x 26,645
    assert row["deemed_draw_principal"] == Decimal("305000000.00")
    assert row["deemed_draw_interest_x26280"] == Decimal("568870750000.0000000000")
    assert row["deemed_draw_interest_exact"] is True
    assert row["deemed_draw_interest_to_the_cent"] == Decimal("21646527.78")  # 21,350,000 x 365/360
    # 348,666,250,000 + 6,661,250,000 + 13,140,000,000 + 568,870,750,000
    assert row["consolidated_fixed_charges_forward_x26280"] == Decimal("937338250000.0000000000")
    assert row["divisor"] == 26280
    assert row["missing_inputs"] == []


def letter_of_credit(con, lc_id, stated_amount, cash_collateralized, issue_date="1998-01-15", expiry_date="1999-01-14"):
    add(con, "letters_of_credit", lc_id=lc_id, facility_instrument_id="REV", beneficiary="b", purpose="general",
        issue_date=issue_date, expiry_date=expiry_date, stated_amount=stated_amount, cash_collateralized=cash_collateralized)


def test_letters_of_credit_outstanding_under_b_ii_reduce_the_deemed_draw(con):
    # M2: headroom = cap - (b)(ii) Indebtedness outstanding on TD; def/Indebtedness (a) counts the reimbursement
    # obligations on letters of credit at their maximum liability (the stated amount)
    notes_and_revolver(con)
    letter_of_credit(con, "LC-OPEN", "30000000.00", "false")  # 1998-01-15 .. 1999-01-14: outstanding on TD
    letter_of_credit(con, "LC-GONE", "10000000.00", "false", expiry_date="1998-05-19")  # expired the day before TD
    attest(con, "projected_other_fixed_charges", TD, "500000.00", reference_id="INC1")
    build(con, MODEL, "indebtedness_basket_ledger")
    row = forward(con)
    assert row["credit_agreement_principal"] == Decimal("95000000.00")  # REV 100,000,000 - 5,000,000 repaid from INC1
    assert row["credit_agreement_letters_of_credit"] == Decimal("30000000.00")  # LC-OPEN only
    assert row["credit_agreement_indebtedness"] == Decimal("125000000.00")  # 95,000,000 + 30,000,000
    # deemed = 400,000,000 - (95,000,000 + 30,000,000) = 275,000,000 at REV's 7% (LIBOR 5.5% + 1.5%), actual/360, 365 days:
    # 275,000,000 x 0.07 x 365 x 73 = 19,250,000 x 26,645 = 512,916,250,000 (one (b)(ii) instrument: exact)
    assert row["deemed_draw_principal"] == Decimal("275000000.00")
    assert row["deemed_draw_interest_x26280"] == Decimal("512916250000.0000000000")
    assert row["deemed_draw_interest_exact"] is True
    assert row["deemed_draw_interest_to_the_cent"] == Decimal("19517361.11")  # 19,250,000 x 365/360 = 19,517,361.111...
    # the letters' own fees are unchanged (REV's month-end letters of credit 20,000,000 x 0.0125 x 365 x 73)
    assert row["letter_of_credit_fees_x26280"] == Decimal("6661250000.0000000000")
    # 348,666,250,000 interest + 6,661,250,000 LC fees + 13,140,000,000 projected + 512,916,250,000 deemed
    assert row["consolidated_fixed_charges_forward_x26280"] == Decimal("881383750000.0000000000")
    # the basket ledger leaves the same on TD: 400,000,000 - (100,000,000 April balance - 5,000,000 repaid from INC1
    # + 30,000,000 LC-OPEN + 10,000,000 LC-GONE issued - 10,000,000 LC-GONE expired) = 275,000,000
    assert ledger_remaining_on_td(con) == Decimal("275000000.00")


def test_letters_of_credit_collateralised_by_cash_do_not_reduce_the_deemed_draw(con):
    # def/Indebtedness exclusion (D): "letters of credit to the extent collateralized by cash or Cash Equivalents"
    notes_and_revolver(con)
    letter_of_credit(con, "LC-CASH", "30000000.00", "true")
    attest(con, "projected_other_fixed_charges", TD, "500000.00", reference_id="INC1")
    build(con, MODEL)
    row = forward(con)
    assert row["credit_agreement_letters_of_credit"] == Decimal("0.00")
    # deemed = 400,000,000 - (95,000,000 + 0) = 305,000,000: 305,000,000 x 0.07 x 26,645 = 21,350,000 x 26,645
    assert row["deemed_draw_principal"] == Decimal("305000000.00")
    assert row["deemed_draw_interest_x26280"] == Decimal("568870750000.0000000000")
    # 348,666,250,000 + 6,661,250,000 + 13,140,000,000 + 568,870,750,000
    assert row["consolidated_fixed_charges_forward_x26280"] == Decimal("937338250000.0000000000")


def test_letters_of_credit_alone_under_b_ii_deem_the_rest_at_the_fallback_rate(con):
    # no (b)(ii) principal: nothing to weight a rate by, so the R-I04 fallback rate for a full year
    add(con, "debt_instruments", instrument_id="REV", indenture_basket="4.10(b)(ii)", fixed_rate="0.07000000", day_count="actual/360")
    add(con, "debt_instruments", instrument_id="TERM", fixed_rate="0.08000000", day_count="actual/360")
    add(con, "debt_balances", instrument_id="REV", period_end="1998-04-30", principal_outstanding="0.00")
    letter_of_credit(con, "LC-OPEN", "40000000.00", "false")
    add(con, "incurrences", transaction_id="INC1", incurrence_date=TD, instrument_id="TERM", amount="1000000.00")
    attest(con, "projected_other_fixed_charges", TD, "0.00", reference_id="INC1")
    attest(con, "credit_agreement_fallback_rate", "1998-01-01", "0.06000000")
    build(con, MODEL)
    row = forward(con)
    # deemed = 400,000,000 - (0 + 40,000,000) = 360,000,000 x 0.06 x 26,280 = 21,600,000 x 26,280 = 567,648,000,000
    assert row["deemed_draw_principal"] == Decimal("360000000.00")
    assert row["credit_agreement_fallback_rate"] == Decimal("0.06000000")
    assert row["deemed_draw_interest_x26280"] == Decimal("567648000000.0000000000")
    # + TERM 1,000,000 x 0.08 x 365 x 73 = 80,000 x 26,645 = 2,131,600,000
    assert row["consolidated_fixed_charges_forward_x26280"] == Decimal("569779600000.0000000000")
    assert row["missing_inputs"] == []


def test_restricted_payment_test_has_no_deemed_draw(con):
    notes_and_revolver(con)
    attest(con, "projected_other_fixed_charges", TD, "500000.00", reference_id="RP1")
    build(con, MODEL)
    row = forward(con, "indenture-1996/4.09(a)(B)", "RP1")
    assert row["deemed_draw_principal"] is None
    # 348,666,250,000 interest + 6,661,250,000 LC fees + 13,140,000,000 projected (INC1 on the same day is outstanding)
    assert row["consolidated_fixed_charges_forward_x26280"] == Decimal("368467500000.0000000000")


def test_weighted_average_rate_of_two_credit_agreement_instruments_rounds_up(con):
    add(con, "debt_instruments", instrument_id="REVA", indenture_basket="4.10(b)(ii)", fixed_rate="0.07000000", day_count="actual/360")
    add(con, "debt_instruments", instrument_id="REVB", indenture_basket="4.10(b)(ii)", fixed_rate="0.08000000", day_count="actual/360")
    add(con, "debt_instruments", instrument_id="CAPL", indenture_basket="pre-existing", fixed_rate="0.10000000", day_count="actual/365")
    add(con, "debt_instruments", instrument_id="BOND", indenture_basket="4.10(a)", fixed_rate="0.09000000", day_count="30/360")
    add(con, "debt_balances", instrument_id="REVA", period_end="1998-04-30", principal_outstanding="100000000.00")
    add(con, "debt_balances", instrument_id="REVB", period_end="1998-04-30", principal_outstanding="200000000.00")
    add(con, "debt_balances", instrument_id="CAPL", period_end="1998-04-30", principal_outstanding="1000000.00")
    add(con, "incurrences", transaction_id="INC2", incurrence_date=TD, instrument_id="BOND", amount="20000000.00")
    attest(con, "projected_other_fixed_charges", TD, "0.00", reference_id="INC2")
    build(con, MODEL)
    row = forward(con, transaction_id="INC2")
    # (b)(ii): (100,000,000 x 0.07 + 200,000,000 x 0.08) x 365 x 73 = 23,000,000 x 26,645 = 612,835,000,000
    # BOND 30/360: 20,000,000 x 0.09 x 26,280 = 47,304,000,000; CAPL actual/365: 1,000,000 x 0.10 x 365 x 72 = 2,628,000,000
    assert row["interest_x26280"] == Decimal("662767000000.0000000000")  # 612,835,000,000 + 47,304,000,000 + 2,628,000,000
    # deemed: 100,000,000 headroom x 612,835,000,000 / 300,000,000 = 204,278,333,333.333... (not exact): rounded up
    assert row["deemed_draw_interest_numerator"] == Decimal("61283500000000000000.000000000000")
    assert row["deemed_draw_interest_divisor"] == Decimal("300000000.00")
    assert row["deemed_draw_interest_exact"] is False
    assert row["deemed_draw_interest_x26280"] == Decimal("204278333333.3333333334")
    # 662,767,000,000 + 204,278,333,333.3333333334
    assert row["consolidated_fixed_charges_forward_x26280"] == Decimal("867045333333.3333333334")


def test_missing_index_projection_and_fallback_rate_are_named(con):
    add(con, "debt_instruments", instrument_id="TERM", rate_kind="floating", floating_index="prime_rate", spread="0.01000000", day_count="actual/360")
    add(con, "debt_balances", instrument_id="TERM", period_end="1998-04-30", principal_outstanding="10000000.00")
    add(con, "incurrences", transaction_id="INC1", incurrence_date=TD, instrument_id="TERM", amount="1000000.00")
    build(con, MODEL)
    row = forward(con)
    assert row["missing_inputs"] == [
        "credit_agreement_fallback_rate (R-I04) on 1998-05-20",  # nothing outstanding under (b)(ii), 400,000,000 headroom
        "market_data prime_rate in effect on 1998-05-20 for TERM",
        "projected_other_fixed_charges (R-I02) for INC1",
    ]


def test_fallback_rate_prices_the_deemed_draw_for_a_full_year(con):
    add(con, "debt_instruments", instrument_id="TERM", fixed_rate="0.08000000", day_count="actual/360")
    add(con, "incurrences", transaction_id="INC1", incurrence_date=TD, instrument_id="TERM", amount="1000000.00")
    attest(con, "projected_other_fixed_charges", TD, "0.00", reference_id="INC1")
    attest(con, "credit_agreement_fallback_rate", "1998-01-01", "0.06000000")
    build(con, MODEL)
    row = forward(con)
    assert row["credit_agreement_fallback_rate"] == Decimal("0.06000000")
    # 400,000,000 x 0.06 x 26,280 = 24,000,000 x 26,280
    assert row["deemed_draw_interest_x26280"] == Decimal("630720000000.0000000000")
    # TERM: 1,000,000 x 0.08 x 365 x 73 = 80,000 x 26,645 = 2,131,600,000
    assert row["consolidated_fixed_charges_forward_x26280"] == Decimal("632851600000.0000000000")
    assert row["missing_inputs"] == []


def test_the_attributable_debt_of_a_refinancing_sale_and_leaseback_reduces_the_deemed_draw_as_in_the_ledger(con):
    # the (b)(ii) ledger carries an RSLT's Attributable Debt (Indebtedness (h), [Indenture § 4.10(b)(ii)]); so must the
    # deemed draw
    notes_and_revolver(con)
    # consummated 1998-05-01, designated with a notice: AD = max(FMV 120,000,000, PV of ten 12,000,000 semi-annual
    # rentals 90,723,288.88) = 120,000,000; 60-month lease, ends 2003-05-01
    add(con, "sale_leasebacks", transaction_id="RSLT", transaction_date="1998-05-01", fair_market_value="120000000.00",
        lease_term_months="60", periodic_rental="12000000.00", number_of_payments="10", designated_as_rslt="true",
        trustee_notice_date="1998-05-01")
    attest(con, "projected_other_fixed_charges", TD, "500000.00", reference_id="INC1")
    build(con, MODEL, "indebtedness_basket_ledger")
    row = forward(con)
    assert row["credit_agreement_attributable_debt"] == Decimal("120000000.00")
    assert row["credit_agreement_indebtedness"] == Decimal("215000000.00")  # 95,000,000 principal + 0 LCs + 120,000,000
    # deemed = 400,000,000 - 215,000,000 = 185,000,000 at REV's 7%, actual/360, 365 days (the RSLT has no rate):
    # 185,000,000 x 0.07 x 26,645 = 12,950,000 x 26,645 = 345,052,750,000
    assert row["deemed_draw_principal"] == Decimal("185000000.00")
    assert row["deemed_draw_interest_x26280"] == Decimal("345052750000.0000000000")
    # the ledger on TD: 400,000,000 - (120,000,000 RSLT + 100,000,000 April balance - 5,000,000 repaid) = 185,000,000
    assert ledger_remaining_on_td(con) == Decimal("185000000.00")


def board_resolution(con, resolution_id, amount, delivered, effective=None):
    add(con, "board_resolutions", resolution_id=resolution_id, adopted_on="1998-05-01", delivered_to_trustee_on=delivered,
        effective_date=effective, amount=amount)


def test_a_board_resolution_in_force_on_the_transaction_date_reduces_the_deemed_draw(con):
    # 4.10(a): "assuming that the full amount ... under Section 4.10(b)(ii) (after taking into account any reduction in
    # such amount as set forth in such Section 4.10(b)(ii)) has been Incurred" [Indenture § 4.10(a)]
    notes_and_revolver(con)
    attest(con, "projected_other_fixed_charges", TD, "500000.00", reference_id="INC1")
    board_resolution(con, "BR-1", "100000000.00", delivered="1998-05-20")  # delivered on TD: in force on TD
    board_resolution(con, "BR-2", "25000000.00", delivered="1998-05-15", effective="1998-05-21")  # the day after TD: not yet
    build(con, MODEL)
    row = forward(con)
    # 400,000,000 - 100,000,000 (BR-1) = 300,000,000; deemed = 300,000,000 - 95,000,000 (b)(ii) principal = 205,000,000
    assert row["permitted_credit_agreement_amount"] == Decimal("300000000.00")
    assert row["permitted_credit_agreement_reduced_by"] == ["BR-1 (board_resolutions row 2): 100000000.00"]
    assert row["deemed_draw_principal"] == Decimal("205000000.00")
    # at REV's 7%, actual/360, 365 days: 205,000,000 x 0.07 x 365 x 73 = 14,350,000 x 26,645 = 382,355,750,000
    assert row["deemed_draw_interest_x26280"] == Decimal("382355750000.0000000000")
