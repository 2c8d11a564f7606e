-- clause: ca-1994/def/PricingInterestCoverageRatio
-- Per Fiscal Quarter, the Pricing Interest Coverage Ratio's items the ledger does not carry. Renamed and typed only.
select
    quarter_end,
    cast(ebitda as decimal(38, 2)) as ebitda,
    cast(adjusted_capital_expenditures as decimal(38, 2)) as adjusted_capital_expenditures,
    cast(pik_note_interest as decimal(38, 2)) as pik_note_interest,
    cast(pik_note_interest_paid_in_cash as decimal(38, 2)) as pik_note_interest_paid_in_cash,
    cast(equity_proceeds_notes_interest as decimal(38, 2)) as equity_proceeds_notes_interest,
    cast(equity_proceeds_notes_interest_paid_in_cash as decimal(38, 2)) as equity_proceeds_notes_interest_paid_in_cash,
    cast(interest_income as decimal(38, 2)) as interest_income,
    document,
    _row
from raw_ca1994_pricing_items
