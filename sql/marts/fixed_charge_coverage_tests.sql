-- clause: indenture-1996/def/ConsolidatedFixedChargeCoverageRatio
-- clause: indenture-1996/4.10(a)
-- clause: indenture-1996/4.09(a)(B)
-- clause: indenture-1996/def/ConsolidatedCashFlowAvailableForFixedCharges
-- clause: indenture-1996/11.01(a)
-- clause: indenture-1996/15.03(b)
-- transactions of: incurrences, restricted_payments, mergers
-- One row per Consolidated Fixed Charge Coverage Ratio test, as the policy engine reads it: ratio = numerator /
-- (denominator / denominator_divisor), compared exactly ("greater than 2.0 to 1" is strict, R-I05). The numerator is
-- the four quarters' CCFAFC with the definition's provisos (x) and (y); the denominator is the forward year's charges.

-- Transaction rows: each 4.10(a) incurrence and each 4.09(a) Restricted Payment on its date (4.09(b)(I): its
-- declaration date), and each merger whose 11.01(a)(iii) or 15.03(b)(i)(C) test is the Company's own ratio
-- (merger_coverage_tests adds the merged business and tests them). Information rows (test_kind 'information', test_date
-- = quarter end Q): the ratio the Company would have if it transacted on Q + 1 day, with Q's own figures treated as
-- available, so the four quarters end on Q and the forward year starts with the next quarter.
with tests as (
    select * from coverage_ratio_tests
),

-- numerator = sum of CCFAFC over the four quarters
quarters as (
    select
        t.clause_id,
        t.test_kind,
        t.transaction_id,
        t.test_date,
        count(c.quarter_end) as quarters_found,
        sum(c.consolidated_cash_flow_available_for_fixed_charges) as consolidated_cash_flow_available_for_fixed_charges,
        sum(c.consolidated_net_income) as consolidated_net_income,
        sum(c.consolidated_fixed_charges) as consolidated_fixed_charges,
        sum(c.consolidated_income_tax_expense) as consolidated_income_tax_expense,
        sum(c.tax_on_items_not_in_consolidated_net_income) as tax_on_items_not_in_consolidated_net_income,
        sum(c.consolidated_depreciation_expense) as consolidated_depreciation_expense,
        sum(c.consolidated_amortization_expense) as consolidated_amortization_expense,
        sum(c.other_non_cash_charges) as other_non_cash_charges,
        sum(c.non_cash_pension_expense) as non_cash_pension_expense,
        sum(c.specific_non_cash_charges) as specific_non_cash_charges,
        sum(c.other_non_cash_credits) as other_non_cash_credits,
        flatten(list(c.missing_inputs order by c.quarter_end) filter (where c.missing_inputs is not null)) as missing_inputs
    from tests as t
    left join consolidated_cash_flow_available_for_fixed_charges as c
        on c.quarter_end between t.period_start and t.period_end
    group by t.clause_id, t.test_kind, t.transaction_id, t.test_date
),

-- (x): less, for each Asset Sale in the four quarters, the attested CCFAFC "directly attributable to the assets that
-- are the subject of such Asset Sale" [Indenture § 1.01, “Consolidated Cash Flow Available for Fixed Charges”,
-- proviso (x)] (R-I03), signed (R-I42): an attestation for the sale and this four-quarter period first; otherwise the
-- sale's latest attestation
asset_sale_attestations as (
    select
        t.clause_id,
        t.test_kind,
        t.transaction_id,
        t.test_date,
        s.transaction_id as sale_id,
        s.sale_date,
        a.value_amount,
        a.attestation_id
    from tests as t
    join asset_sales as s
        on coalesce(s.is_asset_sale, true)
        and s.seller_is_restricted
        and s.sale_date between t.period_start and t.period_end
    left join current_attestations as a
        on a.subject = 'ccfafc_attributable_to_asset_sale'
        and a.reference_id = s.transaction_id
        and a.value_amount is not null
    qualify row_number() over (
        partition by t.clause_id, t.test_kind, t.transaction_id, t.test_date, s.transaction_id
        order by (a.period_end = t.period_end) desc nulls last, a.period_end desc nulls last, a.attested_on desc nulls last
    ) = 1
),

asset_sale_adjustments as (
    select
        clause_id,
        test_kind,
        transaction_id,
        test_date,
        sum(coalesce(value_amount, 0)) as attributable,
        list(sale_id order by sale_id) as sale_ids,
        list('ccfafc_attributable_to_asset_sale (R-I03) for ' || sale_id || ' sold ' || sale_date order by sale_id)
            filter (where value_amount is null) as missing_inputs
    from asset_sale_attestations
    group by clause_id, test_kind, transaction_id, test_date
),

-- (y): plus, for each acquisition "of any material assets out of the ordinary course of business" during the four
-- quarters (acquisitions.is_material_out_of_ordinary_course, by the Company or a Subsidiary that is not an Unrestricted
-- Subsidiary), CCFAFC "calculated on a pro forma basis as if such asset acquisition and related financing had occurred
-- at the beginning of such period" [Indenture § 1.01, “Consolidated Cash Flow Available for Fixed Charges”, proviso
-- (y)]: the acquired business's CCFAFC for each quarter of the period, or part of a quarter, before the acquisition
-- date is added (attestation ccfafc_of_acquired_business per acquisition and quarter end, R-I03); a missing quarter
-- makes the test indeterminate. The "related financing" changes no CCFAFC (its interest reduces Consolidated Net Income
-- and is added back as Consolidated Fixed Charges); it is in the denominator as Indebtedness outstanding on the
-- Transaction Date. Acquisitions after the period are not adjusted (the definition says "during such period").
-- One row per acquisition in the period and per quarter of the period that starts before the acquisition date.
acquired_quarters as (
    select
        t.clause_id,
        t.test_kind,
        t.transaction_id,
        t.test_date,
        q.transaction_id as acquisition_id,
        f.quarter_end,
        a.value_amount
    from tests as t
    join stg_acquisitions as q
        on q.is_material_out_of_ordinary_course
        and q.acquisition_date between t.period_start and t.period_end
    join stg_entities as e
        on e.entity_id = q.acquirer_entity_id
        and e.valid_from <= q.acquisition_date and (e.valid_to is null or q.acquisition_date <= e.valid_to)
        and not e.is_unrestricted_subsidiary
    join fiscal_quarters as f
        on f.quarter_end between t.period_start and t.period_end
        and f.quarter_start < q.acquisition_date
    left join current_attestations as a
        on a.subject = 'ccfafc_of_acquired_business'
        and a.reference_id = q.transaction_id
        and a.period_end = f.quarter_end
        and a.value_amount is not null
),

acquisition_adjustments as (
    select
        clause_id,
        test_kind,
        transaction_id,
        test_date,
        sum(coalesce(value_amount, 0)) as acquired,
        list('ccfafc_of_acquired_business (R-I03) for ' || acquisition_id || ' in the quarter ending ' || quarter_end
            order by acquisition_id, quarter_end) filter (where value_amount is null) as missing_inputs
    from acquired_quarters
    group by clause_id, test_kind, transaction_id, test_date
),

assembled as (
    select
        t.*,
        q.quarters_found,
        q.consolidated_cash_flow_available_for_fixed_charges,
        q.consolidated_net_income,
        q.consolidated_fixed_charges,
        q.consolidated_income_tax_expense,
        q.tax_on_items_not_in_consolidated_net_income,
        q.consolidated_depreciation_expense,
        q.consolidated_amortization_expense,
        q.other_non_cash_charges,
        q.non_cash_pension_expense,
        q.specific_non_cash_charges,
        q.other_non_cash_credits,
        coalesce(s.attributable, 0) as asset_sale_attributable,
        coalesce(y.acquired, 0) as acquisition_adjustment,
        f.interest_x26280,
        f.interest_to_the_cent,
        f.letter_of_credit_fees_x26280,
        f.letter_of_credit_fees_to_the_cent,
        f.projected_other_fixed_charges,
        f.permitted_credit_agreement_amount,
        f.permitted_credit_agreement_reduced_by,
        f.credit_agreement_principal,
        f.credit_agreement_letters_of_credit,
        f.credit_agreement_attributable_debt,
        f.credit_agreement_indebtedness,
        f.deemed_draw_principal,
        f.deemed_draw_interest_x26280,
        f.deemed_draw_interest_to_the_cent,
        f.deemed_draw_interest_numerator,
        f.deemed_draw_interest_divisor,
        f.credit_agreement_fallback_rate,
        f.consolidated_fixed_charges_forward_x26280,
        list_concat(
            t.missing_inputs,
            q.missing_inputs,
            case when q.quarters_found < 4 or t.period_end is null then
                ['financial information for the four fiscal quarters ' || coalesce(t.period_start || ' to ' || t.period_end, 'before ' || t.transaction_date)
                 || ' (' || q.quarters_found || ' of 4 quarters in the trial balances)'] end,
            s.missing_inputs,
            y.missing_inputs,
            f.missing_inputs
        ) as all_missing
    from tests as t
    join quarters as q
        on q.clause_id = t.clause_id and q.test_kind = t.test_kind
        and q.transaction_id is not distinct from t.transaction_id and q.test_date = t.test_date
    left join asset_sale_adjustments as s
        on s.clause_id = t.clause_id and s.test_kind = t.test_kind
        and s.transaction_id is not distinct from t.transaction_id and s.test_date = t.test_date
    left join acquisition_adjustments as y
        on y.clause_id = t.clause_id and y.test_kind = t.test_kind
        and y.transaction_id is not distinct from t.transaction_id and y.test_date = t.test_date
    join consolidated_fixed_charges_forward as f
        on f.clause_id = t.clause_id and f.test_kind = t.test_kind
        and f.transaction_id is not distinct from t.transaction_id and f.test_date = t.test_date
)

select
    clause_id, test_date, test_kind, transaction_id, period_start, period_end, forward_start, forward_end,
    -- (x): "reduced by ... (if positive) ... or increased by ... (if negative)": subtract the signed amount (R-I42)
    -- (y): plus the acquired businesses' CCFAFC before their acquisition
    cast(consolidated_cash_flow_available_for_fixed_charges - asset_sale_attributable + acquisition_adjustment as decimal(38, 2))
        as numerator,
    cast(consolidated_fixed_charges_forward_x26280 as decimal(38, 10)) as denominator,
    cast(26280 as integer) as denominator_divisor,
    cast(json_merge_patch(
        json_object(
            'consolidated_net_income', json_object('value', consolidated_net_income::varchar, 'clause_id', 'indenture-1996/def/ConsolidatedNetIncome'),
            'consolidated_fixed_charges', json_object('value', consolidated_fixed_charges::varchar, 'clause_id', 'indenture-1996/def/ConsolidatedFixedCharges'),
            'consolidated_income_tax_expense', json_object('value', consolidated_income_tax_expense::varchar, 'clause_id', 'indenture-1996/def/ConsolidatedIncomeTaxExpense'),
            'tax_on_items_not_in_consolidated_net_income', json_object('value', tax_on_items_not_in_consolidated_net_income::varchar, 'clause_id', 'indenture-1996/def/ConsolidatedCashFlowAvailableForFixedCharges'),
            'consolidated_depreciation_expense', json_object('value', consolidated_depreciation_expense::varchar, 'clause_id', 'indenture-1996/def/ConsolidatedDepreciationExpense'),
            'consolidated_amortization_expense', json_object('value', consolidated_amortization_expense::varchar, 'clause_id', 'indenture-1996/def/ConsolidatedAmortizationExpense'),
            'other_non_cash_charges', json_object('value', other_non_cash_charges::varchar, 'clause_id', 'indenture-1996/def/ConsolidatedCashFlowAvailableForFixedCharges'),
            'non_cash_pension_expense', json_object('value', non_cash_pension_expense::varchar, 'clause_id', 'indenture-1996/def/ConsolidatedCashFlowAvailableForFixedCharges'),
            'specific_non_cash_charges', json_object('value', specific_non_cash_charges::varchar, 'clause_id', 'indenture-1996/def/ConsolidatedCashFlowAvailableForFixedCharges'),
            'other_non_cash_credits', json_object('value', other_non_cash_credits::varchar, 'clause_id', 'indenture-1996/def/ConsolidatedCashFlowAvailableForFixedCharges'),
            'consolidated_cash_flow_available_for_fixed_charges', json_object('value', consolidated_cash_flow_available_for_fixed_charges::varchar, 'clause_id', 'indenture-1996/def/ConsolidatedCashFlowAvailableForFixedCharges'),
            'asset_sale_adjustment', json_object('value', asset_sale_attributable::varchar, 'clause_id', 'indenture-1996/def/ConsolidatedCashFlowAvailableForFixedCharges'),
            'acquisition_adjustment', json_object('value', acquisition_adjustment::varchar, 'clause_id', 'indenture-1996/def/ConsolidatedCashFlowAvailableForFixedCharges'),
            'forward_interest', json_object('value', interest_to_the_cent::varchar, 'exact', interest_x26280::varchar || ' / 26280', 'clause_id', 'indenture-1996/def/ConsolidatedFixedChargeCoverageRatio'),
            'forward_letter_of_credit_fees', json_object('value', letter_of_credit_fees_to_the_cent::varchar, 'exact', letter_of_credit_fees_x26280::varchar || ' / 26280', 'clause_id', 'indenture-1996/def/ConsolidatedFixedChargeCoverageRatio'),
            'projected_other_fixed_charges', json_object('value', projected_other_fixed_charges::varchar, 'clause_id', 'indenture-1996/def/ConsolidatedFixedChargeCoverageRatio'),
            -- the day the statements of the last of the four quarters became available, and where that day comes from (R-I61)
            'financial_statements_available_on', json_object('value', statements_available_on::varchar,
                'clause_id', 'indenture-1996/def/ConsolidatedFixedChargeCoverageRatio', 'source', statements_available_source)
        ),
        -- R-I41: headroom = permitted amount - (b)(ii) Indebtedness outstanding (principal + letters of credit not
        -- collateralised by cash, def/Indebtedness (a) and (D), + Attributable Debt of Refinancing Sale and Leaseback
        -- Transactions, (h)), the amount the 4.10(b)(ii) basket ledger shows as remaining
        case when clause_id in ('indenture-1996/4.10(a)', 'indenture-1996/11.01(a)(iii)', 'indenture-1996/15.03(b)(i)(C)') then json_object(
            'permitted_4_10_b_ii_amount', json_merge_patch(
                json_object('value', permitted_credit_agreement_amount::varchar, 'clause_id', 'indenture-1996/4.10(b)(ii)'),
                -- the Board Resolutions that reduced it, each with its row (R-I60)
                case when len(permitted_credit_agreement_reduced_by) > 0
                    then json_object('reduced_by', permitted_credit_agreement_reduced_by) else '{}'::json end),
            'outstanding_4_10_b_ii_principal', json_object('value', credit_agreement_principal::varchar, 'clause_id', 'indenture-1996/def/Indebtedness'),
            'outstanding_4_10_b_ii_letters_of_credit', json_object('value', credit_agreement_letters_of_credit::varchar, 'clause_id', 'indenture-1996/def/Indebtedness'),
            'outstanding_4_10_b_ii_attributable_debt', json_object('value', credit_agreement_attributable_debt::varchar, 'clause_id', 'indenture-1996/def/AttributableDebt'),
            'outstanding_4_10_b_ii_indebtedness', json_object('value', credit_agreement_indebtedness::varchar, 'clause_id', 'indenture-1996/def/Indebtedness'),
            'deemed_4_10_b_ii_draw_principal', json_object('value', deemed_draw_principal::varchar, 'clause_id', 'indenture-1996/4.10(a)'),
            'deemed_4_10_b_ii_draw_interest', json_object(
                'value', deemed_draw_interest_to_the_cent::varchar,
                'exact', deemed_draw_interest_numerator::varchar || ' / (' || deemed_draw_interest_divisor::varchar || ' x 26280)',
                'clause_id', 'indenture-1996/4.10(a)'),
            'credit_agreement_fallback_rate', json_object('value', credit_agreement_fallback_rate::varchar, 'clause_id', 'indenture-1996/4.10(a)')
        ) else '{}'::json end
    ) as varchar) as inputs,
    cast(to_json(coalesce(list_sort(list_distinct(all_missing)), []::varchar[])) as varchar) as missing_inputs
from assembled
