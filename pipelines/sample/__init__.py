"""A deterministic sample of the Company's extracts: the Kaiser group, fiscal years 1996 to 2004, monthly.

`generate(out_dir)` writes one CSV per extract of pipelines.extracts.contract. Real public figures calibrate the
story (docs/sample.md lists them with their sources); everything else is synthetic and labelled so in each module.
The sample at N times its size, with the same figures, is `scaled.generate_scaled`.
"""

from __future__ import annotations

from pathlib import Path

from pipelines.extracts import contract
from pipelines.sample import (
    acquisitions,
    asset_sale_applications,
    asset_transfers,
    attestations,
    borrowing_base,
    ca1994,
    chart_of_accounts,
    default_events,
    entities,
    extract_files,
    financial_statements,
    guarantees,
    indebtedness,
    lenders,
    letters_of_credit,
    liens,
    market_data,
    notes,
    ppca_storyline,
    sale_leasebacks,
    transactions,
    valco,
)
from pipelines.sample.ledger import Ledger, capital_expenditure_rows


def extract_rows() -> dict[str, list[dict[str, object]]]:
    ledger = Ledger().run()
    register = entities.register()
    foreign = {e.entity_id for e in register if e.is_foreign}
    us_entities = [e.entity_id for e in register if e.entity_id in ["KACC", "KBC", *entities.plant_ids()]
                   and not e.is_foreign]
    return {
        "entities": [e.__dict__.copy() for e in register],
        "chart_of_accounts": [{"account_id": a.account_id, "account_name": a.account_name, "statement": a.statement,
                               "line_item": a.line_item} for a in chart_of_accounts.ACCOUNTS],
        "trial_balances": ledger.trial_balance_rows(),
        "debt_instruments": ppca_storyline.debt_instrument_rows(ca1994.debt_instrument_rows(indebtedness.rows())),
        "debt_balances": indebtedness.balance_rows(ledger.swept),
        "asset_sales": transactions.asset_sale_rows(ledger.realized_gains),
        "restricted_payments": ca1994.restricted_payment_rows(transactions.restricted_payment_rows()),
        "incurrences": transactions.incurrence_rows(),
        "equity_issuances": transactions.equity_issuance_rows(),
        "capital_expenditures": [
            {**row, "is_permitted_collateral": liens.is_permitted_collateral(row["entity_id"], row["project"], row["entity_id"] in foreign),
             "lien_id": liens.capital_expenditure_lien(row["entity_id"], row["period_end"])}
            for row in capital_expenditure_rows(ledger)
        ],
        "letters_of_credit": letters_of_credit.rows(),
        "borrowing_base": borrowing_base.rows(ledger, us_entities),
        "market_data": market_data.rows(),
        "valco_ebitda": valco.rows(),
        "attestations": attestations.rows()
        + asset_transfers.attestation_rows()
        + default_events.attestation_rows()
        + asset_sale_applications.attestation_rows()
        + liens.attestation_rows()
        + ca1994.attestation_rows()
        + guarantees.attestation_rows()
        + notes.attestation_rows(),
        "asset_transfers": asset_transfers.rows(),
        "default_events": default_events.rows(),
        "asset_sale_receipts": asset_sale_applications.receipt_rows(),
        "asset_sale_offers": asset_sale_applications.offer_rows(),
        "liens": liens.lien_rows(),
        "unrestricted_subsidiary_officers": liens.officer_rows(),
        "affiliate_transactions": liens.affiliate_transaction_rows(),
        "sale_leasebacks": sale_leasebacks.rows(),
        "acquisitions": acquisitions.rows(),
        "guarantees": guarantees.rows(),
        "note_redemptions": notes.redemption_rows(),
        # Kaiser did not consolidate, merge, sell all its property or dissolve a Subsidiary in the sample's years
        "mergers": [],
        "facility_commitments": ppca_storyline.facility_commitment_rows(),
        "capital_expenditure_base_amounts": ppca_storyline.capital_expenditure_base_amount_rows(),
        "ppca_asset_dispositions": ppca_storyline.asset_disposition_rows(),
        "ppca_disposition_proceeds": ppca_storyline.disposition_proceeds_rows(),
        "lenders": lenders.lender_rows(),
        "lender_fees": lenders.fee_rows(),
        "lender_consents": lenders.consent_rows(),
        "qal_investments": lenders.qal_investment_rows(),
        # the base agreement's EBITDA and Adjusted Capital Expenditures, and the PIK Note and Equity Proceeds Notes, are
        # not known: no quarter is given, and the Pricing Interest Coverage Ratio names them as missing
        "ca1994_pricing_items": [],
        # no permanent reduction of the 4.10(b)(ii) amount is on the public record
        "board_resolutions": [],
        "financial_statements": financial_statements.rows(),
    }


def generate(out_dir: Path) -> dict[str, int]:
    """Write every extract to `out_dir`/<name>.csv; return the number of data rows of each."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = extract_rows()
    return {extract.name: extract_files.write(out_dir / f"{extract.name}.csv", extract, rows[extract.name])
            for extract in contract.EXTRACTS}
