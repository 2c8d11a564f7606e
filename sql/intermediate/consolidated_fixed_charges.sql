-- clause: indenture-1996/def/ConsolidatedFixedCharges
-- Consolidated Fixed Charges per fiscal quarter, historical [Indenture § 1.01, “Consolidated Fixed Charges”], of the
-- Company and its Subsidiaries (not Unrestricted Subsidiaries).
with quarters as (
    select quarter_end from fiscal_quarters
),

-- "Without duplication": each account maps to exactly one ledger line item, so letter of credit fees, hedging costs and
-- debt discount amortization are never inside interest_expense, and the Credit Agreement deferred financing write-off
-- is never inside debt_discount_amortization (its "to the extent included" deduction is 0). Likewise the joint-venture
-- partners' share of interest has its own line item: GAAP consolidated interest expense is interest_expense +
-- interest_expense_borne_by_jv_partners, and (i) then takes the partners' share out again.
charges as (
    select
        quarter_end,
        -- (i) "the interest expense ... determined on a consolidated basis in accordance with GAAP (less, to the extent
        -- included therein, the portion of the interest expense required to be funded or economically borne by the
        -- Company's minority partners in the Company's joint ventures)"
        sum(activity) filter (where line_item = 'interest_expense') as interest_expense,
        sum(activity) filter (where line_item = 'interest_expense_borne_by_jv_partners') as interest_expense_borne_by_jv_partners,
        -- (ii) "fees, commissions, discounts and other charges ... with respect to letters of credit and bankers'
        -- acceptances and the costs (net of benefits) associated with Interest Hedging Obligations"
        sum(activity) filter (where line_item = 'letter_of_credit_fees') as letter_of_credit_fees,
        sum(activity) filter (where line_item = 'interest_hedging_net_cost') as interest_hedging_net_cost,
        -- (iii) "dividends paid or other similar distributions ... with respect to preferred stock": the debit movement
        -- of the preferred_dividends account
        sum(activity) filter (where line_item = 'preferred_dividends') as preferred_dividends_paid,
        -- (iv) "amortization or write-off of debt discount"
        sum(activity) filter (where line_item = 'debt_discount_amortization') as debt_discount_amortization
    from consolidated_ledger
    where not is_unrestricted_subsidiary
        and line_item in ('interest_expense', 'interest_expense_borne_by_jv_partners', 'letter_of_credit_fees',
                          'interest_hedging_net_cost', 'preferred_dividends', 'debt_discount_amortization')
    group by quarter_end
),

assembled as (
    select
        q.quarter_end,
        coalesce(c.interest_expense, 0) as interest_expense,
        coalesce(c.interest_expense_borne_by_jv_partners, 0) as interest_expense_borne_by_jv_partners,
        coalesce(c.interest_expense, 0) + coalesce(c.interest_expense_borne_by_jv_partners, 0) as consolidated_interest_expense,
        coalesce(c.letter_of_credit_fees, 0) as letter_of_credit_fees,
        coalesce(c.interest_hedging_net_cost, 0) as interest_hedging_net_cost,
        coalesce(c.preferred_dividends_paid, 0) as preferred_dividends_paid,
        coalesce(c.debt_discount_amortization, 0) as debt_discount_amortization,
        -- (iv) "(excluding, to the extent otherwise included, the amortization or write-off of any deferred financing
        -- costs in connection with the amendment or refinancing of the Credit Agreement ...)": never included, see header
        0 as credit_agreement_financing_costs_in_debt_discount
    from quarters as q
    left join charges as c on c.quarter_end = q.quarter_end
)

select
    quarter_end,
    cast(
        (consolidated_interest_expense - interest_expense_borne_by_jv_partners)
        + (letter_of_credit_fees + interest_hedging_net_cost)
        + preferred_dividends_paid
        + (debt_discount_amortization - credit_agreement_financing_costs_in_debt_discount)
        as decimal(38, 2)
    ) as consolidated_fixed_charges,
    cast(consolidated_interest_expense as decimal(38, 2)) as consolidated_interest_expense,
    cast(interest_expense as decimal(38, 2)) as interest_expense,
    cast(interest_expense_borne_by_jv_partners as decimal(38, 2)) as interest_expense_borne_by_jv_partners,
    cast(letter_of_credit_fees as decimal(38, 2)) as letter_of_credit_fees,
    cast(interest_hedging_net_cost as decimal(38, 2)) as interest_hedging_net_cost,
    cast(preferred_dividends_paid as decimal(38, 2)) as preferred_dividends_paid,
    cast(debt_discount_amortization as decimal(38, 2)) as debt_discount_amortization,
    cast(credit_agreement_financing_costs_in_debt_discount as decimal(38, 2)) as credit_agreement_financing_costs_in_debt_discount,
    []::varchar[] as missing_inputs
from assembled
