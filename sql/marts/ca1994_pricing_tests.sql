-- clause: ca-1994/3.4.1
-- clause: ca-1994/def/PricingInterestCoverageRatio
-- transactions of: none
-- The Pricing Interest Coverage Ratio [Thirteenth Amendment § 1.1, item C, “Pricing Interest Coverage Ratio”] replaces
-- the Interest Coverage Ratio in Section 3.4.1 [Thirteenth Amendment § 1.3 (Credit Agreement § 3.4.1)]. Its pricing
-- grid and the period it is measured over are in the base Credit Agreement, not available (R-C07): one row per Fiscal
-- Quarter end from the Thirteenth Amendment to the petition, indeterminate naming them, with the ratio computed for the
-- four Fiscal Quarters ending that day (R-C62) in the inputs.
with test_quarters as (
    select quarter_start, quarter_end from fiscal_quarters
    where quarter_end between date '1998-09-30' and date '2001-12-31'
),

-- "to (b) (i) the aggregate amount of interest expense (excluding amortization of deferred financing costs and, to the
-- extent not paid in cash, interest on the PIK Note and the Equity Proceeds Notes) of the Company and its Subsidiaries
-- ... calculated on a consolidated basis in accordance with GAAP": interest_expense plus the joint-venture partners'
-- line of the consolidated group (deferred financing cost amortization has its own line, amortization, so nothing of
-- it is inside), less the PIK Note and Equity Proceeds Notes interest not paid in cash (ca1994_pricing_items);
-- "minus (iii) that portion of the amount set forth in clause (i) above attributable to (A) the proportionate direct or
-- indirect ownership of Persons other than the Company and its Subsidiaries of the voting stock of, or partnership
-- interest in, any Subsidiary or (B) if the economic burden ... is borne ... by minority owners ... in a proportion
-- other than the proportion of their ... ownership ..., the proportionate share of the economic burden": per member of
-- the group and month, (B) the interest its minority owners bear where the ledger books it
-- (interest_expense_borne_by_jv_partners), otherwise (A) the others' ownership share of a fully consolidated member's
-- interest_expense (R-C62).
member_months as (
    select
        l.quarter_end,
        l.entity_id,
        l.period_end,
        coalesce(sum(l.activity) filter (where l.line_item = 'interest_expense'), 0) as interest_expense,
        coalesce(sum(l.activity) filter (where l.line_item = 'interest_expense_borne_by_jv_partners'), 0) as borne_by_partners,
        any_value(g.consolidation_method) as consolidation_method,
        any_value(g.role) as role,
        any_value(g.ownership_pct) as ownership_pct
    from consolidated_ledger as l
    join consolidated_group as g on g.entity_id = l.entity_id and g.period_end = l.period_end
    where not l.counterparty_in_group
        and l.line_item in ('interest_expense', 'interest_expense_borne_by_jv_partners')
    group by l.quarter_end, l.entity_id, l.period_end
),

quarter_interest as (
    select
        quarter_end,
        sum(interest_expense + borne_by_partners) as consolidated_interest_expense,
        sum(case
            when borne_by_partners <> 0 then borne_by_partners
            when consolidation_method = 'full' and role <> 'company' and ownership_pct < 1 then (1 - ownership_pct) * interest_expense
            else 0
        end) as minority_interest_expense
    from member_months
    group by quarter_end
),

-- "(a) (i) the sum of EBITDA for all of the Fiscal Quarters comprising such period minus (ii) the aggregate Adjusted
-- Capital Expenditures for all of the Fiscal Quarters comprising such period minus (iii) the aggregate amount of all
-- Investments (including any payment under a Venezuela Letter of Credit) made by the Company in Venezuela Aluminum
-- Partners and/or CAVSA (without duplication) during such period": EBITDA and Adjusted Capital Expenditures as the base
-- agreement defines them, per quarter in ca1994_pricing_items; the Investments from restricted_payments (9.2.5(u),
-- returns not deducted: "made", R-C06).
-- (b) "minus (ii) the amount of interest income ... included in the calculation of Net Income" (ca1994_pricing_items)
quarters as (
    select
        q.quarter_end,
        coalesce(i.consolidated_interest_expense, 0) as consolidated_interest_expense,
        coalesce(i.minority_interest_expense, 0) as minority_interest_expense,
        coalesce((select sum(p.amount) from stg_restricted_payments as p
                  where p.ca1994_clause = '9.2.5(u)' and p.payment_kind <> 'return_of_investment'
                    and p.payment_date between q.quarter_start and q.quarter_end), 0) as venezuela_investments,
        t.ebitda,
        t.adjusted_capital_expenditures,
        t.pik_note_interest - t.pik_note_interest_paid_in_cash as pik_note_interest_not_paid_in_cash,
        t.equity_proceeds_notes_interest - t.equity_proceeds_notes_interest_paid_in_cash as equity_proceeds_notes_interest_not_paid_in_cash,
        t.interest_income,
        t._row as items_row
    from fiscal_quarters as q
    left join quarter_interest as i on i.quarter_end = q.quarter_end
    left join stg_ca1994_pricing_items as t on t.quarter_end = q.quarter_end
),

periods as (
    select
        t.quarter_start,
        t.quarter_end,
        count(q.quarter_end) as quarters_reported,
        sum(q.ebitda) as ebitda,
        sum(q.adjusted_capital_expenditures) as adjusted_capital_expenditures,
        sum(q.venezuela_investments) as venezuela_investments,
        sum(q.consolidated_interest_expense) as consolidated_interest_expense,
        sum(q.pik_note_interest_not_paid_in_cash) as pik_note_interest_not_paid_in_cash,
        sum(q.equity_proceeds_notes_interest_not_paid_in_cash) as equity_proceeds_notes_interest_not_paid_in_cash,
        sum(q.interest_income) as interest_income,
        sum(q.minority_interest_expense) as minority_interest_expense,
        list(q.quarter_end order by q.quarter_end) filter (where q.items_row is null) as quarters_without_items,
        list(q.quarter_end order by q.quarter_end) filter (where q.items_row is not null and q.ebitda is null) as quarters_without_ebitda,
        list(q.quarter_end order by q.quarter_end) filter (where q.items_row is not null and q.adjusted_capital_expenditures is null)
            as quarters_without_capex,
        list(q.items_row order by q.items_row) filter (where q.items_row is not null) as items_rows
    from test_quarters as t
    join quarters as q on q.quarter_end > t.quarter_end - interval 12 month and q.quarter_end <= t.quarter_end
    group by t.quarter_start, t.quarter_end
),

ratios as (
    select
        *,
        ebitda - adjusted_capital_expenditures - venezuela_investments as numerator,
        consolidated_interest_expense - pik_note_interest_not_paid_in_cash - equity_proceeds_notes_interest_not_paid_in_cash
            - interest_income - minority_interest_expense as denominator
    from periods
)

select
    'ca-1994/3.4.1' as clause_id,
    quarter_end as test_date,
    'information' as test_kind,
    cast(null as varchar) as transaction_id,
    quarter_start as period_start,
    quarter_end as period_end,
    cast(null as decimal(38, 2)) as actual,
    cast(0 as decimal(38, 2)) as threshold_reduction,
    cast(null as decimal(38, 2)) as threshold,
    cast(json_object(
        'ebitda', json_object('value', ebitda::varchar, 'clause_id', 'ca-1994/def/PricingInterestCoverageRatio',
            'rows', 'ca1994_pricing_items rows ' || coalesce(array_to_string(items_rows, ', '), 'none')),
        'adjusted_capital_expenditures', json_object('value', adjusted_capital_expenditures::varchar, 'clause_id', 'ca-1994/def/PricingInterestCoverageRatio'),
        'venezuela_investments', json_object('value', venezuela_investments::varchar, 'clause_id', 'ca-1994/def/PricingInterestCoverageRatio'),
        'consolidated_interest_expense', json_object('value', consolidated_interest_expense::varchar, 'clause_id', 'ca-1994/def/PricingInterestCoverageRatio'),
        'pik_note_interest_not_paid_in_cash', json_object('value', pik_note_interest_not_paid_in_cash::varchar, 'clause_id', 'ca-1994/def/PricingInterestCoverageRatio'),
        'equity_proceeds_notes_interest_not_paid_in_cash', json_object('value', equity_proceeds_notes_interest_not_paid_in_cash::varchar, 'clause_id', 'ca-1994/def/PricingInterestCoverageRatio'),
        'interest_income', json_object('value', interest_income::varchar, 'clause_id', 'ca-1994/def/PricingInterestCoverageRatio'),
        'minority_interest_expense', json_object('value', cast(minority_interest_expense as decimal(38, 2))::varchar, 'clause_id', 'ca-1994/def/PricingInterestCoverageRatio'),
        'numerator', json_object('value', numerator::varchar, 'clause_id', 'ca-1994/def/PricingInterestCoverageRatio'),
        'denominator', json_object('value', cast(denominator as decimal(38, 2))::varchar, 'clause_id', 'ca-1994/def/PricingInterestCoverageRatio'),
        'pricing_interest_coverage_ratio', json_object(
            'value', case when denominator > 0 then cast(numerator / denominator as decimal(38, 6))::varchar end,
            'clause_id', 'ca-1994/def/PricingInterestCoverageRatio',
            'exact', numerator::varchar || ' / ' || cast(denominator as decimal(38, 2))::varchar)
    ) as varchar) as inputs,
    cast(to_json(list_concat(
        ['Section 3.4.1 of the Credit Agreement of February 15, 1994: the pricing grid and the period of the Pricing Interest Coverage Ratio (base text not available, R-C07)'],
        case when quarters_reported < 4 then ['trial balances for the four Fiscal Quarters ending ' || quarter_end] else [] end,
        list_transform(coalesce(quarters_without_items, []), lambda d: 'ca1994_pricing_items for the Fiscal Quarter ending ' || d),
        list_transform(coalesce(quarters_without_ebitda, []), lambda d: 'EBITDA (base Credit Agreement definition) for the Fiscal Quarter ending ' || d),
        list_transform(coalesce(quarters_without_capex, []), lambda d: 'Adjusted Capital Expenditures (base Credit Agreement definition) for the Fiscal Quarter ending ' || d),
        case when denominator <= 0 then ['a positive denominator: interest expense as adjusted is ' || cast(denominator as decimal(38, 2)) || ' (R-C62)'] else [] end
    )) as varchar) as missing_inputs
from ratios
