-- clause: ppca-2002/def/AdjustedNetEarningsFromOperations
-- Adjusted Net Earnings from Operations per Fiscal Quarter [A6 c4407]: "the Company's consolidated net income after
-- provision for income taxes ... excluding the consolidated impact of" the items below, each its own column.
-- Implemented now: (a) capital-asset sale gains/losses over $150,000, per transaction, whole amount (AMB-P03 default),
-- from the asset_sales extract; (c) pre-acquisition earnings (pre_acquisition_income); (f) gains on cancellation or
-- forgiveness of Indebtedness (debt_extinguishment_gain; M3: read as its own limb); (g) extraordinary gains only (the
-- "non-recurring transaction" limb has no ledger line); (m) non-cash pension expense up to the cap of its Fiscal Year
-- (parameter non_cash_pension_exclusion_cap; M7: $0 outside FY2003/FY2004, and $0 when no parameter is dated yet),
-- allocated to quarters in order. (d) equity earnings above cash received + $3,000,000 is aggregate per test period
-- (AMB-P04 default), so this model carries its two inputs and minimum_ebitda_tests applies it.
-- Left for a later issue (no ledger line item or extract yet): (b) write-ups, (e) pre-transaction earnings of
-- counterparties, (g) other non-recurring gains, (h) power-payment reversals, (i) mining outsourcing write-offs,
-- (j) Mead Charges, (k) LIFO charges, (l) Kaiser Center charges, (n) special pension charges, (o) impairments,
-- (p) non-U.S. inventory write-downs, (q) pre-petition accruals.
-- Not exclusions: reorganization_items and other_non_cash_charges stay in, since no clause (a)-(q) names them.
with quarters as (
    select quarter_end, fiscal_year from fiscal_quarters
),

ledger as (
    -- the consolidated group, all members; a line item ignores rows with another member (they cancel in the total)
    select quarter_end, statement, line_item, -activity as income, activity, counterparty_in_group
    from consolidated_ledger
),

figures as (
    select
        quarter_end,
        sum(income) filter (where statement = 'income_statement') as net_income,
        -- (c) "earnings of any Person, substantially all the assets of which have been acquired ..., to the extent
        -- realized by such other Person prior to the date of acquisition"
        coalesce(sum(income) filter (where line_item = 'pre_acquisition_income' and not counterparty_in_group), 0) as pre_acquisition_income,
        -- (f) "gain arising from the acquisition of debt or equity securities ... from cancellation or forgiveness of
        -- Indebtedness"
        greatest(0, coalesce(sum(income) filter (where line_item = 'debt_extinguishment_gain' and not counterparty_in_group), 0)) as debt_extinguishment_gain,
        -- (g) "gain arising from extraordinary items, as determined in accordance with GAAP"
        greatest(0, coalesce(sum(income) filter (where line_item = 'extraordinary_gain' and not counterparty_in_group), 0)) as extraordinary_gain,
        -- (m) "non-cash pension expenses"
        coalesce(sum(activity) filter (where line_item = 'non_cash_pension_expense' and not counterparty_in_group), 0) as non_cash_pension_expense,
        -- (d) "earnings of any Person (other than a Subsidiary ...) in which the Company ... has an ownership interest"
        coalesce(sum(income) filter (where line_item = 'equity_method_income' and not counterparty_in_group), 0) as equity_method_income,
        -- (d)(i) "the amount received in cash": a credit movement of investee_distributions_received is a receipt
        coalesce(sum(income) filter (where line_item = 'investee_distributions_received' and not counterparty_in_group), 0) as investee_distributions_received
    from ledger
    group by quarter_end
),

-- (a) "gain or loss in an amount greater than $150,000 arising from the sale of any capital assets"
capital_asset_sales as (
    select
        quarter_end,
        sum(pretax_gain_loss) as capital_asset_sale_gain_loss,
        list(transaction_id order by transaction_id) as capital_asset_sale_ids
    from asset_sales
    where seller_in_group and abs(pretax_gain_loss) > 150000
    group by quarter_end
),

pension as (
    select
        q.quarter_end,
        q.fiscal_year,
        coalesce(f.non_cash_pension_expense, 0) as non_cash_pension_expense,
        coalesce((
            select cast(p.value as decimal(38, 2))
            from policy_parameters as p
            where p.instrument = 'ppca-2002'
                and p.name = 'non_cash_pension_exclusion_cap'
                and p.effective_from <= q.quarter_end
            order by p.effective_from desc
            limit 1
        ), 0) as pension_cap
    from quarters as q
    left join figures as f on f.quarter_end = q.quarter_end
),

pension_allocated as (
    select
        *,
        -- the Fiscal Year's excludable aggregate to date, then this quarter's share of it
        least(pension_cap, greatest(0, sum(non_cash_pension_expense) over (
            partition by fiscal_year order by quarter_end rows between unbounded preceding and current row
        ))) as excluded_to_date
    from pension
),

pension_excluded as (
    select
        quarter_end,
        non_cash_pension_expense,
        pension_cap,
        excluded_to_date - coalesce(lag(excluded_to_date) over (partition by fiscal_year order by quarter_end), 0) as pension_excluded
    from pension_allocated
),

assembled as (
    select
        q.quarter_end,
        q.fiscal_year,
        coalesce(f.net_income, 0) as net_income,
        coalesce(s.capital_asset_sale_gain_loss, 0) as a_capital_asset_sale_gain_loss,
        coalesce(f.pre_acquisition_income, 0) as c_pre_acquisition_income,
        coalesce(f.debt_extinguishment_gain, 0) as f_debt_extinguishment_gain,
        coalesce(f.extraordinary_gain, 0) as g_extraordinary_gain,
        pe.non_cash_pension_expense,
        pe.pension_cap as m_fiscal_year_cap,
        pe.pension_excluded as m_non_cash_pension_expense_excluded,
        coalesce(f.equity_method_income, 0) as d_equity_method_income,
        coalesce(f.investee_distributions_received, 0) as d_investee_distributions_received,
        coalesce(s.capital_asset_sale_ids, []::varchar[]) as capital_asset_sale_ids
    from quarters as q
    left join figures as f on f.quarter_end = q.quarter_end
    left join capital_asset_sales as s on s.quarter_end = q.quarter_end
    join pension_excluded as pe on pe.quarter_end = q.quarter_end
)

select
    quarter_end,
    fiscal_year,
    cast(
        net_income
        - a_capital_asset_sale_gain_loss
        - c_pre_acquisition_income
        - f_debt_extinguishment_gain
        - g_extraordinary_gain
        + m_non_cash_pension_expense_excluded
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
    cast(non_cash_pension_expense as decimal(38, 2)) as non_cash_pension_expense,
    cast(m_fiscal_year_cap as decimal(38, 2)) as m_fiscal_year_cap,
    cast(m_non_cash_pension_expense_excluded as decimal(38, 2)) as m_non_cash_pension_expense_excluded,
    []::varchar[] as missing_inputs
from assembled
