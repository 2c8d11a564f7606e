-- clause: ppca-2002/def/AdjustedNetEarningsFromOperations
-- Adjusted Net Earnings from Operations per fiscal month (the quarterly test adds up three, the monthly test of
-- 9.2.4(b) twelve) [Sixth Amendment § 1.1(b), “Adjusted Net Earnings from Operations”]: "the Company's consolidated net
-- income after provision for income taxes ... excluding the consolidated impact of" the items below, each its own
-- column.
with months as (
    select distinct period_end, quarter_end, fiscal_year from ppca_aneo_non_cash_charge_exclusions
),

ledger as (
    -- the consolidated group, all members; a line item ignores rows with another member (they cancel in the total)
    select period_end, entity_id, account_id, statement, line_item, -activity as income, activity, counterparty_in_group
    from consolidated_ledger
),

-- (c) pre-acquisition earnings (pre_acquisition_income); (d) equity earnings above cash received + the parameter
-- aneo_investee_earnings_cash_allowance ($3,000,000) are aggregate per test period (R-P04 default), so this model
-- carries the two inputs and minimum_ebitda_tests applies them; (f) gains on cancellation or forgiveness of
-- Indebtedness (debt_extinguishment_gain; R-P32: read as its own limb); (g) extraordinary gains (extraordinary_gain).
figures as (
    select
        period_end,
        sum(income) filter (where statement = 'income_statement') as net_income,
        -- (c) "earnings of any Person, substantially all the assets of which have been acquired ..., to the extent
        -- realized by such other Person prior to the date of acquisition"
        coalesce(sum(income) filter (where line_item = 'pre_acquisition_income' and not counterparty_in_group), 0) as pre_acquisition_income,
        -- (f) "gain arising from the acquisition of debt or equity securities ... from cancellation or forgiveness of
        -- Indebtedness"
        greatest(0, coalesce(sum(income) filter (where line_item = 'debt_extinguishment_gain' and not counterparty_in_group), 0)) as debt_extinguishment_gain,
        -- (g) "gain arising from extraordinary items, as determined in accordance with GAAP"
        greatest(0, coalesce(sum(income) filter (where line_item = 'extraordinary_gain' and not counterparty_in_group), 0)) as extraordinary_gain,
        -- (d) "earnings of any Person (other than a Subsidiary ...) in which the Company ... has an ownership interest"
        coalesce(sum(income) filter (where line_item = 'equity_method_income' and not counterparty_in_group), 0) as equity_method_income,
        -- (d)(i) "the amount received in cash": a credit movement of investee_distributions_received is a receipt
        coalesce(sum(income) filter (where line_item = 'investee_distributions_received' and not counterparty_in_group), 0) as investee_distributions_received
    from ledger
    group by period_end
),

-- (a) "gain or loss in an amount greater than $150,000 arising from the sale of any capital assets": capital-asset sale
-- gains/losses greater than the parameter aneo_threshold_capital_asset_sales ($150,000), per transaction, whole amount
-- (R-P03 default), from the asset_sales extract; a sale dated before the parameter's first value (2002-02-12) is a
-- missing input
sales as (
    select
        -- the first reported month on or after the sale: its activity (a year-to-date difference) holds the sale
        (select min(m.period_end) from months as m where m.period_end >= s.sale_date) as period_end,
        s.transaction_id,
        s.sale_date,
        s.pretax_gain_loss,
        cast(parameter('ppca-2002', 'aneo_threshold_capital_asset_sales', s.sale_date) as decimal(38, 2)) as threshold
    from asset_sales as s
    where s.seller_in_group and s.pretax_gain_loss <> 0
),

capital_asset_sales as (
    select
        period_end,
        coalesce(sum(pretax_gain_loss) filter (where abs(pretax_gain_loss) > threshold), 0) as capital_asset_sale_gain_loss,
        coalesce(list(transaction_id order by transaction_id) filter (where abs(pretax_gain_loss) > threshold), []::varchar[]) as capital_asset_sale_ids,
        coalesce(list('parameter aneo_threshold_capital_asset_sales on ' || sale_date || ' (sale ' || transaction_id || ')' order by transaction_id)
            filter (where threshold is null), []::varchar[]) as missing_inputs
    from sales
    group by period_end
),

-- (g) "or from any other non-recurring transaction resulting in gain in an amount greater than $150,000": a gain is a
-- credit (income) on the line; a loss on it is not a gain and stays in. Gains from any other non-recurring transaction
-- greater than the parameter aneo_threshold_non_recurring_gains ($150,000) per transaction, whole amount (R-P03
-- default): the line item non_recurring_transaction_gain, each entity's account in a month one transaction (R-P60).
non_recurring_transactions as (
    select
        l.period_end,
        l.entity_id,
        l.account_id,
        sum(l.income) as gain,
        cast(parameter('ppca-2002', 'aneo_threshold_non_recurring_gains', l.period_end) as decimal(38, 2)) as threshold
    from ledger as l
    where l.line_item = 'non_recurring_transaction_gain' and not l.counterparty_in_group
    group by l.period_end, l.entity_id, l.account_id
),

non_recurring_gains as (
    select
        period_end,
        coalesce(sum(gain) filter (where gain > threshold), 0) as non_recurring_transaction_gain,
        coalesce(list(entity_id || ' account ' || account_id order by entity_id, account_id) filter (where gain > threshold),
                 []::varchar[]) as non_recurring_transaction_accounts,
        coalesce(list('parameter aneo_threshold_non_recurring_gains on ' || period_end || ' (' || entity_id || ' account '
                      || account_id || ')' order by entity_id, account_id) filter (where threshold is null and gain > 0),
                 []::varchar[]) as missing_inputs
    from non_recurring_transactions
    group by period_end
),

-- (k)-(q), each within its cap: (k) LIFO charges, (l) Kaiser Center disposition charges, (m) non-cash pension expense,
-- (n) special pension charges, (o) impairment charges with the OLV In-Place Value exception, (p) non-U.S. inventory
-- write-downs and (q)(i)-(v) pre-petition accruals: the monthly ledger ppca_aneo_non_cash_charge_exclusions (R-P05
-- default, R-P31, R-P24, R-P25)
non_cash_charges as (
    select
        period_end,
        sum(charge) filter (where exclusion = 'k') as k_lifo_inventory_charges,
        sum(excluded) filter (where exclusion = 'k') as k_lifo_inventory_charges_excluded,
        sum(charge) filter (where exclusion = 'l') as l_kaiser_center_disposition_charges,
        sum(excluded) filter (where exclusion = 'l') as l_kaiser_center_disposition_charges_excluded,
        sum(charge) filter (where exclusion = 'm') as non_cash_pension_expense,
        max(cap) filter (where exclusion = 'm') as m_fiscal_year_cap,
        sum(excluded) filter (where exclusion = 'm') as m_non_cash_pension_expense_excluded,
        sum(charge) filter (where exclusion = 'n') as n_pension_special_charges,
        max(cap) filter (where exclusion = 'n') as n_fiscal_year_cap,
        sum(excluded) filter (where exclusion = 'n') as n_pension_special_charges_excluded,
        sum(charge) filter (where exclusion = 'o') as o_impairment_charges,
        sum(not_excludable) filter (where exclusion = 'o') as o_impairment_below_olv_in_place_value,
        sum(excluded) filter (where exclusion = 'o') as o_impairment_charges_excluded,
        sum(charge) filter (where exclusion = 'p') as p_foreign_inventory_writedowns,
        sum(excluded) filter (where exclusion = 'p') as p_foreign_inventory_writedowns_excluded,
        sum(charge) filter (where exclusion = 'q_i') as q_i_prepetition_bpa_rejection_accruals,
        sum(excluded) filter (where exclusion = 'q_i') as q_i_prepetition_bpa_rejection_accruals_excluded,
        sum(charge) filter (where exclusion = 'q_ii') as q_ii_prepetition_labor_claims_accruals,
        sum(excluded) filter (where exclusion = 'q_ii') as q_ii_prepetition_labor_claims_accruals_excluded,
        sum(charge) filter (where exclusion = 'q_iii') as q_iii_prepetition_pbgc_accruals,
        sum(excluded) filter (where exclusion = 'q_iii') as q_iii_prepetition_pbgc_accruals_excluded,
        sum(charge) filter (where exclusion = 'q_iv') as q_iv_asbestos_claims_accruals,
        sum(excluded) filter (where exclusion = 'q_iv') as q_iv_asbestos_claims_accruals_excluded,
        sum(charge) filter (where exclusion = 'q_v') as q_v_other_prepetition_accruals,
        sum(excluded) filter (where exclusion = 'q_v') as q_v_other_prepetition_accruals_excluded,
        flatten(list(missing_inputs order by exclusion)) as missing_inputs
    from ppca_aneo_non_cash_charge_exclusions
    group by period_end
),

-- Not implemented, because the extract contract carries no line item or extract for them yet (their amounts stay IN
-- ANEO, which is right only for a period that has none of them): (b) gains from write-ups in book value; (e) earnings of
-- a counterparty before its transaction with the group; (h) gains from reversals of power-payment expenses reflected in
-- the Financial Forecast; (i) non-cash mining-outsourcing write-offs reflected in the Financial Forecast; (j) the Mead
-- Charges (definition not available).
-- Not exclusions: reorganization_items and other_non_cash_charges stay IN, since no clause (a)-(q) names them; a charge
-- that (k)-(q) excludes must be booked on its own line item to be excluded.
assembled as (
    select
        q.period_end,
        q.quarter_end,
        q.fiscal_year,
        coalesce(f.net_income, 0) as net_income,
        coalesce(s.capital_asset_sale_gain_loss, 0) as a_capital_asset_sale_gain_loss,
        coalesce(s.capital_asset_sale_ids, []::varchar[]) as capital_asset_sale_ids,
        coalesce(f.pre_acquisition_income, 0) as c_pre_acquisition_income,
        coalesce(f.equity_method_income, 0) as d_equity_method_income,
        coalesce(f.investee_distributions_received, 0) as d_investee_distributions_received,
        coalesce(f.debt_extinguishment_gain, 0) as f_debt_extinguishment_gain,
        coalesce(f.extraordinary_gain, 0) as g_extraordinary_gain,
        coalesce(g.non_recurring_transaction_gain, 0) as g_non_recurring_transaction_gain,
        coalesce(g.non_recurring_transaction_accounts, []::varchar[]) as non_recurring_transaction_accounts,
        n.* exclude (period_end, missing_inputs),
        list_concat(s.missing_inputs, g.missing_inputs, n.missing_inputs) as missing_inputs
    from months as q
    left join figures as f on f.period_end = q.period_end
    left join capital_asset_sales as s on s.period_end = q.period_end
    left join non_recurring_gains as g on g.period_end = q.period_end
    join non_cash_charges as n on n.period_end = q.period_end
)

select
    period_end,
    quarter_end,
    fiscal_year,
    cast(
        net_income
        - a_capital_asset_sale_gain_loss
        - c_pre_acquisition_income
        - f_debt_extinguishment_gain
        - g_extraordinary_gain
        - g_non_recurring_transaction_gain
        + k_lifo_inventory_charges_excluded
        + l_kaiser_center_disposition_charges_excluded
        + m_non_cash_pension_expense_excluded
        + n_pension_special_charges_excluded
        + o_impairment_charges_excluded
        + p_foreign_inventory_writedowns_excluded
        + q_i_prepetition_bpa_rejection_accruals_excluded
        + q_ii_prepetition_labor_claims_accruals_excluded
        + q_iii_prepetition_pbgc_accruals_excluded
        + q_iv_asbestos_claims_accruals_excluded
        + q_v_other_prepetition_accruals_excluded
        as decimal(38, 2)
    ) as adjusted_net_earnings_before_d,
    cast(net_income as decimal(38, 2)) as net_income,
    cast(a_capital_asset_sale_gain_loss as decimal(38, 2)) as a_capital_asset_sale_gain_loss,
    capital_asset_sale_ids,
    cast(c_pre_acquisition_income as decimal(38, 2)) as c_pre_acquisition_income,
    cast(d_equity_method_income as decimal(38, 2)) as d_equity_method_income,
    cast(d_investee_distributions_received as decimal(38, 2)) as d_investee_distributions_received,
    cast(f_debt_extinguishment_gain as decimal(38, 2)) as f_debt_extinguishment_gain,
    cast(g_extraordinary_gain as decimal(38, 2)) as g_extraordinary_gain,
    cast(g_non_recurring_transaction_gain as decimal(38, 2)) as g_non_recurring_transaction_gain,
    non_recurring_transaction_accounts,
    k_lifo_inventory_charges,
    k_lifo_inventory_charges_excluded,
    l_kaiser_center_disposition_charges,
    l_kaiser_center_disposition_charges_excluded,
    non_cash_pension_expense,
    coalesce(m_fiscal_year_cap, 0) as m_fiscal_year_cap,
    m_non_cash_pension_expense_excluded,
    n_pension_special_charges,
    coalesce(n_fiscal_year_cap, 0) as n_fiscal_year_cap,
    n_pension_special_charges_excluded,
    o_impairment_charges,
    o_impairment_below_olv_in_place_value,
    o_impairment_charges_excluded,
    p_foreign_inventory_writedowns,
    p_foreign_inventory_writedowns_excluded,
    q_i_prepetition_bpa_rejection_accruals,
    q_i_prepetition_bpa_rejection_accruals_excluded,
    q_ii_prepetition_labor_claims_accruals,
    q_ii_prepetition_labor_claims_accruals_excluded,
    q_iii_prepetition_pbgc_accruals,
    q_iii_prepetition_pbgc_accruals_excluded,
    q_iv_asbestos_claims_accruals,
    q_iv_asbestos_claims_accruals_excluded,
    q_v_other_prepetition_accruals,
    q_v_other_prepetition_accruals_excluded,
    list_sort(list_distinct(coalesce(missing_inputs, []::varchar[]))) as missing_inputs
from assembled
