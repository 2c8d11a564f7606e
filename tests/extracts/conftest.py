"""A minimal, valid, mutually consistent set of every extract, written as CSV text into a temporary folder.

Row numbers are counted as a person counts them: the header is row 1, the first data row is row 2.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipelines.extracts.contract import BY_NAME
from pipelines.extracts.ingest import ingest_all, load_extract, record_quarantine, validate_cross_extract, validate_extract
from pipelines.extracts.reading import Issue

CLEAN = {
    "entities": """\
entity_id,entity_name,valid_from,valid_to,parent_entity_id,role,is_subsidiary,is_unrestricted_subsidiary,is_subsidiary_guarantor,is_bank_guarantor,is_specified_party,is_foreign,is_joint_venture,ownership_pct,consolidation_method
KAC,Kaiser Aluminum Corporation,1996-01-01,,,parent,false,false,false,true,false,false,false,0,none
KACC,Kaiser Aluminum & Chemical Corporation,1996-01-01,,KAC,company,false,false,false,false,false,false,false,1.000000,full
KMH,Kaiser Micromill Holdings LLC,1996-01-01,1999-06-30,KACC,subsidiary,true,false,true,true,false,false,false,1,full
KMH,Kaiser Micromill Holdings LLC,1999-07-01,,KACC,subsidiary,true,false,false,true,false,false,false,1,full
""",
    "chart_of_accounts": """\
account_id,account_name,statement,line_item
1000,Cash,balance_sheet,cash
4000,Net sales,income_statement,net_sales
5000,Cost of products sold,income_statement,cost_of_products_sold
""",
    "trial_balances": """\
entity_id,period_end,account_id,counterparty_entity_id,balance
KACC,1997-03-31,1000,,12.34
KACC,1997-03-31,4000,,-100.00
KACC,1997-03-31,5000,,87.66
""",
    "debt_instruments": """\
instrument_id,instrument_name,obligor_entity_id,instrument_kind,indenture_basket,rate_kind,fixed_rate,floating_index,spread,day_count,letter_of_credit_fee_rate,commitment,issue_date,maturity_date,is_subordinated,is_secured,indebtedness_exclusion,ca1994_debt_class,obligor_relationship,permitted_indebtedness_clause,related_disposition_id,credit_agreement
NOTES-10875-2006,10 7/8% Senior Notes due 2006,KACC,senior_notes,4.10(a),fixed,0.10875000,,,30/360,,,1996-12-23,2006-10-15,false,false,,additional_new_senior_debt,,,,
CA1994-REVOLVER,Credit Agreement revolver,KACC,revolving_credit,4.10(b)(i),floating,,libor_3m,0.02500000,actual/360,0.02000000,325000000.00,1996-01-01,2001-08-15,false,true,,,,,,ca-1994
""",
    "debt_balances": """\
instrument_id,period_end,principal_outstanding,letters_of_credit_outstanding,interest_rate
NOTES-10875-2006,1997-03-31,225000000.00,0.00,0.10875000
""",
    "asset_sales": """\
transaction_id,sale_date,seller_entity_id,asset_description,buyer_kind,gross_proceeds,cash_consideration,notes_converted_within_30_days,assumed_liabilities,other_non_cash_consideration,selling_expenses,taxes_paid_or_payable,debt_repaid_from_proceeds,reserves_established,pretax_gain_loss,tax_on_gain_loss,asset_sale_exclusion,related_group_id,asset_class,debt_repaid_due_by_reason_of_sale,deductions_payable_to_affiliates,involuntary_disposition,assets_are_cash_or_cash_equivalents
AS-2000-CFT,2000-08-31,KACC,Center for Technology,third_party,50000000.00,50000000.00,0.00,0.00,0.00,1500000.00,0.00,0.00,0.00,-12000000.00,0.00,,,,0.00,0.00,,
""",
    "restricted_payments": """\
transaction_id,payment_date,payer_entity_id,payment_kind,recipient_kind,amount,basket,declared_on,description,unrestricted_subsidiary_id,returns_transaction_id,kac_pass_through_date,kac_pass_through_amount,ca1994_clause,investment_form,retired_instrument_id,principal_retired,net_book_value,fair_market_value
RP-1997-04,1997-06-30,KACC,dividend,kac,5000000.00,4.09(a),,Dividend to KAC,,,,,,,,,,
""",
    "incurrences": """\
transaction_id,incurrence_date,instrument_id,amount,basket,proceeds_applied_to_instrument_id,proceeds_applied_amount,description,basket_detail,premium_and_fees,accrued_interest_refinanced
INC-1996-NOTES,1996-12-23,NOTES-10875-2006,225000000.00,4.10(a),CA1994-REVOLVER,0.00,Issue of Senior Notes,,,
""",
    "equity_issuances": """\
transaction_id,issue_date,issuer_entity_id,issuance_kind,purchaser_kind,net_proceeds,is_redeemable,excluded_from_4_09_a_ii
EQ-1997-01,1997-03-31,KACC,capital_contribution,kac,10000000.00,false,
""",
    "capital_expenditures": """\
entity_id,period_end,project,amount,financed_by_obligors,is_permitted_collateral,lien_id,expenditure_id,expenditure_date
KACC,1997-03-31,Trentwood maintenance,2500000.00,false,true,,,
""",
    "letters_of_credit": """\
lc_id,facility_instrument_id,beneficiary,purpose,issue_date,expiry_date,stated_amount,cash_collateralized,permitted_indebtedness_clause
LC-1998-VEN-01,CA1994-REVOLVER,Venezuela Aluminum Partners,venezuela,1998-08-01,1999-06-30,75000000.00,false,
""",
    "borrowing_base": """\
as_of_date,eligible_inventory,inventory_net_recovery_pct,olv_in_place_value,eligible_accounts,revolving_credit_outstandings,letters_of_credit_outstandings,revolving_commitment_availability
2003-12-31,240000000.00,,180000000.00,120000000.00,0.00,40000000.00,150000000.00
""",
    "market_data": """\
series,period_start,period_end,value,unit
natural_gas_price_paid,2003-07-01,2003-09-30,4.850000,usd_per_mmbtu
libor_3m,1997-01-01,1997-03-31,0.055,rate
""",
    "valco_ebitda": """\
period_end,actual_valco_ebitda,forecast_valco_ebitda,primary_aluminum_produced,forecast_valco_ebitda_quarter
2003-09-30,-2500000.00,1000000.00,true,
""",
    "attestations": """\
attestation_id,subject,reference_id,period_end,value,attested_by,role,attested_on,document
ATT-2003Q4-GAAP,frozen_gaap_net_income_adjustment,,2003-12-31,0.00,J. Doe,Chief Financial Officer,2004-02-15,CFO certificate 2003-Q4-07
""",
    "asset_transfers": """\
transfer_id,transfer_date,transferor_entity_id,transferee_entity_id,fair_market_value,exemption_clause,is_return,description
AT-1999-KMH,1999-08-31,KACC,KMH,5000000.00,J,false,Equipment contributed to Kaiser Micromill Holdings
""",
    "default_events": """\
event_id,kind,event_date,entity_id,instrument_id,amount,insured_amount,cured_on,document
BK-2002-02-12,bankruptcy_filing,2002-02-12,KACC,,,,,Voluntary petition under chapter 11
""",
    "asset_sale_receipts": """\
receipt_id,transaction_id,receipt_date,kind,amount
ASR-2000-CFT-1,AS-2000-CFT,2000-08-31,closing_cash,50000000.00
""",
    "asset_sale_offers": """\
offer_id,notice_mailed_on,asset_sale_purchase_date,net_cash_proceeds,offer_amount,notes_outstanding,credit_agreement_principal,credit_agreement_letters_of_credit,specified_pari_passu_indebtedness,purchase_completed_on,notes_credited,notes_credited_retired_on,credit_agreement_prepayment_declined,specified_pari_passu_prepayment_declined
ASO-2000-01,2001-01-10,2001-02-09,48500000.00,9700000.00,50000000.00,200000000.00,0.00,0.00,2001-02-09,,,,
""",
    "liens": """\
lien_id,entity_id,asset_description,facility,is_us_fixed_asset,is_permitted_collateral,instrument_id,principal_secured,created_on,asset_acquired_or_completed_on,asset_cost,permitted_clause,is_carifa_financing,notes_equally_and_ratably_secured,released_on
LIEN-CA1994-PC,KACC,Trentwood rolling mill,Trentwood,true,true,CA1994-REVOLVER,325000000.00,1996-12-23,,,4.11(b)(i),false,false,
""",
    "unrestricted_subsidiary_officers": """\
entity_id,person_name,position,is_independent,appointed_on,ceased_on,cessation_reason
KACC,A. Smith,director,true,1998-01-01,,
""",
    "affiliate_transactions": """\
transaction_id,transaction_date,entity_id,counterparty,counterparty_kind,amount,principal_products_amount,exemption,series_id,board_resolution_document,fairness_opinion_document,description
AT-1998-MAXXAM-SVC,1998-03-31,KACC,MAXXAM Inc.,affiliate,2500000.00,0.00,4.08(b)(iii),,,,Reimbursement of MAXXAM services at cost
""",
    "sale_leasebacks": """\
transaction_id,transaction_date,seller_entity_id,property,fair_market_value,lease_term_months,periodic_rental,payments_per_year,number_of_payments,designated_as_rslt,trustee_notice_date
SLB-2001-EXAMPLE,2001-06-29,KACC,Office building,45000000.00,60,5500000.00,2,10,false,
""",
    "acquisitions": """\
transaction_id,acquisition_date,acquirer_entity_id,description,consideration,is_material_out_of_ordinary_course
ACQ-1999-EXAMPLE,1999-04-30,KACC,Extrusion plant,30000000.00,true
""",
    "guarantees": """\
guarantee_id,guarantor_entity_id,guaranteed_obligor_entity_id,guaranteed_instrument_id,guaranteed_debt,guaranteed_debt_subordination,guarantee_ranking,given_on,released_on,release_basis,release_reference,existed_when_guarantor_acquired,refinances_guarantee_id,maximum_liability,description
GTY-KAC-NOTES,KAC,KACC,NOTES-10875-2006,other,senior,senior,1996-12-23,,,,false,,,Parent guarantee of the Notes
""",
    "note_redemptions": """\
redemption_id,notice_mailed_on,redemption_date,principal_amount,document
RED-2004-10-20,2004-09-20,2004-10-20,10000000.00,Notice of redemption
""",
    "mergers": """\
merger_id,effective_date,entity_id,event_kind,counterparty,counterparty_role,survivor,survivor_role,survivor_organized_in_us,supplemental_indenture_date,wholly_owned_directly_by_company_or_guarantors,document
MRG-2005-EXAMPLE,2005-06-30,KACC,merger,Example Metals Inc.,other,entity,company,,,,Agreement of merger
""",
    "facility_commitments": """\
instrument_id,valid_from,valid_to,commitment,document
CA1994-REVOLVER,1996-01-01,1997-12-31,300000000.00,Credit Agreement § 2.1
""",
    "capital_expenditure_base_amounts": """\
fiscal_year_end,base_amount,document
2003-12-31,70000000.00,Section 9.2.7 chart
""",
    "ppca_asset_dispositions": """\
transaction_id,section_9_2_11_clause,is_sale_of_accounts,alpart_proviso_clause,fair_market_value,document
AS-2000-CFT,e,false,,,Schedule of Asset Dispositions
""",
    "ppca_disposition_proceeds": """\
proceeds_id,transaction_id,event_date,event_kind,net_disposition_proceeds,document
NDP-2000-CFT,AS-2000-CFT,2000-08-31,received,48500000.00,
""",
    "lenders": """\
lender_id,lender_name,effective_date,revolving_commitment,document
BOFA,"Bank of America, N.A.",2003-08-01,55000000.00,"Sixth Amendment, Schedule A"
""",
    "lender_fees": """\
fee_id,fee_kind,paid_on,amount,document
FEE-2003-08-AMEND6,sixth_amendment_fee,2003-08-01,2280000.00,
""",
    "lender_consents": """\
request_id,request_date,subject,lender_id,consented,outstanding_principal,document
REQ-2003-08-AMEND6,2003-08-01,sixth_amendment,BOFA,true,0.00,Signature page
""",
    "qal_investments": """\
investment_id,made_on,investor,investment_kind,amount,participants_amount,ownership_interest,document
QAL-2003-08,2003-08-14,kaac,contingent_liability,43000000.00,151943462.90,0.283000,
""",
    "ca1994_pricing_items": """\
quarter_end,ebitda,adjusted_capital_expenditures,pik_note_interest,pik_note_interest_paid_in_cash,equity_proceeds_notes_interest,equity_proceeds_notes_interest_paid_in_cash,interest_income,document
1998-09-30,,,0.00,0.00,0.00,0.00,0.00,
""",
    "board_resolutions": """\
resolution_id,subject,adopted_on,delivered_to_trustee_on,effective_date,amount,document
BR-1999-04,credit_agreement_amount_reduction,1999-04-20,1999-04-22,,50000000.00,Secretary's certificate of April 22 1999
""",
    "financial_statements": """\
period_end,available_on,document
1997-03-31,1997-04-28,Form 10-Q
""",
}


def write_clean(folder: Path) -> Path:
    folder.mkdir()
    for name, text in CLEAN.items():
        (folder / f"{name}.csv").write_text(text)
    return folder


@pytest.fixture
def clean_texts() -> dict[str, str]:
    return CLEAN


@pytest.fixture
def extracts_dir(tmp_path: Path) -> Path:
    return write_clean(tmp_path / "extracts")


@pytest.fixture
def edit(extracts_dir: Path):
    """Replace one exact piece of an extract's CSV text (which must occur exactly once)."""

    def replace(name: str, old: str, new: str) -> None:
        path = extracts_dir / f"{name}.csv"
        text = path.read_text()
        assert text.count(old) == 1, (name, old)
        path.write_text(text.replace(old, new))

    return replace


@pytest.fixture(scope="session")
def clean_database(tmp_path_factory):
    """The clean set after ingest_all, ingested once: a whole ingest takes about half a second."""
    connection = duckdb.connect()
    assert ingest_all(connection, write_clean(tmp_path_factory.mktemp("clean") / "extracts")) == []
    yield connection
    connection.close()


@pytest.fixture
def con():
    connection = duckdb.connect()
    yield connection
    connection.close()


@pytest.fixture
def clean_con(clean_database):
    """The ingested clean set; whatever a test does to it (tables too: DuckDB DDL is transactional) is rolled back."""
    clean_database.begin()
    yield clean_database
    clean_database.rollback()


@pytest.fixture
def reingest(clean_con, extracts_dir):
    """What ingest_all gives when only the named extract differs from the clean set, whose other extracts are loaded.

    It runs the same steps as ingest_all for that one extract, then every cross-extract check; ingest_all itself is
    exercised on the clean set and on bad input elsewhere.
    """

    def run(name: str) -> list[Issue]:
        extract = BY_NAME[name]
        issues = load_extract(clean_con, extracts_dir, extract) + validate_extract(clean_con, extract) + validate_cross_extract(clean_con)
        record_quarantine(clean_con, issues)
        return issues

    return run
