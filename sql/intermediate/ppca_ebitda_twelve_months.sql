-- clause: ppca-2002/def/EBITDA
-- clause: ppca-2002/def/AdjustedNetEarningsFromOperations
-- EBITDA for the twelve months ending on each month end E (= "the 4 Fiscal Quarters ending" E when E is a Fiscal
-- Quarter end [Sixth Amendment § 1.4 (Credit Agreement § 9.2.4(a))]; "the 12 months ending on the last day of" a month
-- for 9.2.4(b) [Sixth Amendment § 1.4 (Credit Agreement § 9.2.4(b))]), with every adjustment as an input.
-- minimum_ebitda_tests and ppca_monthly_minimum_ebitda_tests add the reductions of 9.2.4(c) and (d).
with tests as (
    select period_end as test_date, cast(period_end - interval 12 month as date) + 1 as period_start
    from ppca_ebitda
    where period_end >= date '2002-03-31'
),

windows as (
    select
        t.test_date,
        t.period_start,
        count(distinct e.quarter_end) as quarters_found,
        count(e.period_end) as months_found,
        sum(e.ebitda_before_d) as ebitda_before_d,
        sum(e.interest_expense) as interest_expense,
        sum(e.income_tax_expense) as income_tax_expense,
        sum(e.depreciation_and_depletion) as depreciation_and_depletion,
        sum(e.capital_lease_amortization) as capital_lease_amortization,
        sum(e.amortization) as amortization,
        sum(a.adjusted_net_earnings_before_d) as adjusted_net_earnings_before_d,
        sum(a.net_income) as net_income,
        sum(a.a_capital_asset_sale_gain_loss) as a_capital_asset_sale_gain_loss,
        sum(a.c_pre_acquisition_income) as c_pre_acquisition_income,
        sum(a.d_equity_method_income) as d_equity_method_income,
        sum(a.d_investee_distributions_received) as d_investee_distributions_received,
        sum(a.f_debt_extinguishment_gain) as f_debt_extinguishment_gain,
        sum(a.g_extraordinary_gain) as g_extraordinary_gain,
        sum(a.g_non_recurring_transaction_gain) as g_non_recurring_transaction_gain,
        sum(a.k_lifo_inventory_charges_excluded) as k_lifo_inventory_charges_excluded,
        sum(a.l_kaiser_center_disposition_charges_excluded) as l_kaiser_center_disposition_charges_excluded,
        sum(a.m_non_cash_pension_expense_excluded) as m_non_cash_pension_expense_excluded,
        sum(a.n_pension_special_charges_excluded) as n_pension_special_charges_excluded,
        sum(a.o_impairment_charges_excluded) as o_impairment_charges_excluded,
        sum(a.o_impairment_below_olv_in_place_value) as o_impairment_below_olv_in_place_value,
        sum(a.p_foreign_inventory_writedowns_excluded) as p_foreign_inventory_writedowns_excluded,
        sum(a.q_i_prepetition_bpa_rejection_accruals_excluded) as q_i_prepetition_bpa_rejection_accruals_excluded,
        sum(a.q_ii_prepetition_labor_claims_accruals_excluded) as q_ii_prepetition_labor_claims_accruals_excluded,
        sum(a.q_iii_prepetition_pbgc_accruals_excluded) as q_iii_prepetition_pbgc_accruals_excluded,
        sum(a.q_iv_asbestos_claims_accruals_excluded) as q_iv_asbestos_claims_accruals_excluded,
        sum(a.q_v_other_prepetition_accruals_excluded) as q_v_other_prepetition_accruals_excluded,
        flatten(list(a.missing_inputs order by a.period_end) filter (where a.missing_inputs is not null)) as aneo_missing
    from tests as t
    left join ppca_ebitda as e on e.period_end between t.period_start and t.test_date
    left join ppca_adjusted_net_earnings_from_operations as a on a.period_end = e.period_end
    group by t.test_date, t.period_start
),

-- ANEO (d) is applied here, per test period and in aggregate across investees (R-P04 default): earnings of
-- non-Subsidiary investees "to the extent that such earnings exceed the sum of (i) the amount received in cash ... and
-- (ii) $3,000,000" (parameter aneo_investee_earnings_cash_allowance, in force on E) are excluded.
assembled as (
    select
        w.*,
        -- (d) "to the extent that such earnings exceed the sum of (i) the amount received in cash ... and (ii) $3,000,000"
        greatest(0, w.d_equity_method_income - w.d_investee_distributions_received - coalesce(d.allowance, 0)) as d_excess_excluded,
        d.allowance as d_cash_allowance,
        list_concat(
            -- the EBITDA definition must be attested as of the test date itself (R-P02)
            e_now.missing_inputs,
            w.aneo_missing,
            case when d.allowance is null then ['parameter aneo_investee_earnings_cash_allowance on ' || w.test_date] end
        ) as all_missing
    from windows as w
    left join lateral (
        select cast(parameter('ppca-2002', 'aneo_investee_earnings_cash_allowance', w.test_date) as decimal(38, 2)) as allowance
    ) as d on true
    left join ppca_ebitda as e_now on e_now.period_end = w.test_date
),

figures as (
    select
        *,
        cast(ebitda_before_d - d_excess_excluded as decimal(38, 2)) as ebitda,
        cast(adjusted_net_earnings_before_d - d_excess_excluded as decimal(38, 2)) as adjusted_net_earnings_from_operations
    from assembled
)

select
    test_date,
    period_start,
    quarters_found,
    months_found,
    ebitda,
    cast(json_object(
        'ebitda', json_object('value', ebitda::varchar, 'clause_id', 'ppca-2002/def/EBITDA'),
        'adjusted_net_earnings_from_operations', json_object('value', adjusted_net_earnings_from_operations::varchar, 'clause_id', 'ppca-2002/def/AdjustedNetEarningsFromOperations'),
        'net_income', json_object('value', net_income::varchar, 'clause_id', 'ppca-2002/def/AdjustedNetEarningsFromOperations'),
        'aneo_a_capital_asset_sale_gain_loss', json_object('value', a_capital_asset_sale_gain_loss::varchar, 'clause_id', 'ppca-2002/def/AdjustedNetEarningsFromOperations'),
        'aneo_c_pre_acquisition_income', json_object('value', c_pre_acquisition_income::varchar, 'clause_id', 'ppca-2002/def/AdjustedNetEarningsFromOperations'),
        'aneo_d_equity_method_income', json_object('value', d_equity_method_income::varchar, 'clause_id', 'ppca-2002/def/AdjustedNetEarningsFromOperations'),
        'aneo_d_investee_distributions_received', json_object('value', d_investee_distributions_received::varchar, 'clause_id', 'ppca-2002/def/AdjustedNetEarningsFromOperations'),
        'aneo_d_cash_allowance', json_object('value', d_cash_allowance::varchar, 'clause_id', 'ppca-2002/def/AdjustedNetEarningsFromOperations'),
        'aneo_d_excess_excluded', json_object('value', d_excess_excluded::varchar, 'clause_id', 'ppca-2002/def/AdjustedNetEarningsFromOperations'),
        'aneo_f_debt_extinguishment_gain', json_object('value', f_debt_extinguishment_gain::varchar, 'clause_id', 'ppca-2002/def/AdjustedNetEarningsFromOperations'),
        'aneo_g_extraordinary_gain', json_object('value', g_extraordinary_gain::varchar, 'clause_id', 'ppca-2002/def/AdjustedNetEarningsFromOperations'),
        'aneo_g_non_recurring_transaction_gain', json_object('value', g_non_recurring_transaction_gain::varchar, 'clause_id', 'ppca-2002/def/AdjustedNetEarningsFromOperations'),
        'aneo_k_lifo_inventory_charges_excluded', json_object('value', k_lifo_inventory_charges_excluded::varchar, 'clause_id', 'ppca-2002/def/AdjustedNetEarningsFromOperations'),
        'aneo_l_kaiser_center_disposition_charges_excluded', json_object('value', l_kaiser_center_disposition_charges_excluded::varchar, 'clause_id', 'ppca-2002/def/AdjustedNetEarningsFromOperations'),
        'aneo_m_non_cash_pension_expense_excluded', json_object('value', m_non_cash_pension_expense_excluded::varchar, 'clause_id', 'ppca-2002/def/AdjustedNetEarningsFromOperations'),
        'aneo_n_pension_special_charges_excluded', json_object('value', n_pension_special_charges_excluded::varchar, 'clause_id', 'ppca-2002/def/AdjustedNetEarningsFromOperations'),
        'aneo_o_impairment_charges_excluded', json_object('value', o_impairment_charges_excluded::varchar, 'clause_id', 'ppca-2002/def/AdjustedNetEarningsFromOperations'),
        'aneo_o_impairment_below_olv_in_place_value', json_object('value', o_impairment_below_olv_in_place_value::varchar, 'clause_id', 'ppca-2002/def/AdjustedNetEarningsFromOperations'),
        'aneo_p_foreign_inventory_writedowns_excluded', json_object('value', p_foreign_inventory_writedowns_excluded::varchar, 'clause_id', 'ppca-2002/def/AdjustedNetEarningsFromOperations'),
        'aneo_q_i_prepetition_bpa_rejection_accruals_excluded', json_object('value', q_i_prepetition_bpa_rejection_accruals_excluded::varchar, 'clause_id', 'ppca-2002/def/AdjustedNetEarningsFromOperations'),
        'aneo_q_ii_prepetition_labor_claims_accruals_excluded', json_object('value', q_ii_prepetition_labor_claims_accruals_excluded::varchar, 'clause_id', 'ppca-2002/def/AdjustedNetEarningsFromOperations'),
        'aneo_q_iii_prepetition_pbgc_accruals_excluded', json_object('value', q_iii_prepetition_pbgc_accruals_excluded::varchar, 'clause_id', 'ppca-2002/def/AdjustedNetEarningsFromOperations'),
        'aneo_q_iv_asbestos_claims_accruals_excluded', json_object('value', q_iv_asbestos_claims_accruals_excluded::varchar, 'clause_id', 'ppca-2002/def/AdjustedNetEarningsFromOperations'),
        'aneo_q_v_other_prepetition_accruals_excluded', json_object('value', q_v_other_prepetition_accruals_excluded::varchar, 'clause_id', 'ppca-2002/def/AdjustedNetEarningsFromOperations'),
        'interest_expense', json_object('value', interest_expense::varchar, 'clause_id', 'ppca-2002/def/EBITDA'),
        'income_tax_expense', json_object('value', income_tax_expense::varchar, 'clause_id', 'ppca-2002/def/EBITDA'),
        'depreciation_and_depletion', json_object('value', depreciation_and_depletion::varchar, 'clause_id', 'ppca-2002/def/EBITDA'),
        'capital_lease_amortization', json_object('value', capital_lease_amortization::varchar, 'clause_id', 'ppca-2002/def/EBITDA'),
        'amortization', json_object('value', amortization::varchar, 'clause_id', 'ppca-2002/def/EBITDA')
    ) as varchar) as ebitda_inputs,
    coalesce(list_sort(list_distinct(all_missing)), []::varchar[]) as ebitda_missing_inputs
from figures
