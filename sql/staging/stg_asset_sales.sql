-- clause: indenture-1996/def/AssetSale
-- clause: ppca-2002/def/AdjustedNetEarningsFromOperations
-- clause: indenture-1996/def/NetCashProceeds
-- Dispositions of assets with consideration, deductions and the book gain or loss. Renamed and typed only; an empty
-- asset_sale_exclusion, related_group_id, asset_class or involuntary_disposition becomes null; an empty
-- assets_are_cash_or_cash_equivalents is false.
select
    transaction_id,
    sale_date,
    seller_entity_id,
    asset_description,
    buyer_kind,
    cast(gross_proceeds as decimal(38, 2)) as gross_proceeds,
    cast(cash_consideration as decimal(38, 2)) as cash_consideration,
    cast(notes_converted_within_30_days as decimal(38, 2)) as notes_converted_within_30_days,
    cast(assumed_liabilities as decimal(38, 2)) as assumed_liabilities,
    cast(other_non_cash_consideration as decimal(38, 2)) as other_non_cash_consideration,
    cast(selling_expenses as decimal(38, 2)) as selling_expenses,
    cast(taxes_paid_or_payable as decimal(38, 2)) as taxes_paid_or_payable,
    cast(debt_repaid_from_proceeds as decimal(38, 2)) as debt_repaid_from_proceeds,
    cast(reserves_established as decimal(38, 2)) as reserves_established,
    cast(pretax_gain_loss as decimal(38, 2)) as pretax_gain_loss,
    cast(tax_on_gain_loss as decimal(38, 2)) as tax_on_gain_loss,
    nullif(trim(asset_sale_exclusion), '') as asset_sale_exclusion,
    nullif(trim(related_group_id), '') as related_group_id,
    nullif(trim(asset_class), '') as asset_class,
    cast(debt_repaid_due_by_reason_of_sale as decimal(38, 2)) as debt_repaid_due_by_reason_of_sale,
    cast(deductions_payable_to_affiliates as decimal(38, 2)) as deductions_payable_to_affiliates,
    nullif(trim(involuntary_disposition), '') as involuntary_disposition,
    coalesce(assets_are_cash_or_cash_equivalents, false) as assets_are_cash_or_cash_equivalents,
    _row
from raw_asset_sales
