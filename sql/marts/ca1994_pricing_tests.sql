-- clause: ca-1994/3.4.1
-- clause: ca-1994/def/PricingInterestCoverageRatio
-- transactions of: none
-- The Pricing Interest Coverage Ratio [Thirteenth Amendment § 1.1, item C, “Pricing Interest Coverage Ratio”] replaces
-- the Interest Coverage Ratio in Section 3.4.1 [Thirteenth Amendment § 1.3 (Credit Agreement § 3.4.1)]. Its period,
-- EBITDA, Adjusted Capital Expenditures, the PIK Note and Equity Proceeds Notes and the pricing grid are in the base
-- Credit Agreement, not available (R-C07): one row per Fiscal Quarter end from the Thirteenth Amendment to the
-- petition, indeterminate naming them. The Venezuela Investments the numerator deducts are the one computable part.
select
    'ca-1994/3.4.1' as clause_id,
    q.quarter_end as test_date,
    'information' as test_kind,
    cast(null as varchar) as transaction_id,
    q.quarter_start as period_start,
    q.quarter_end as period_end,
    cast(null as decimal(38, 2)) as actual,
    cast(0 as decimal(38, 2)) as threshold_reduction,
    cast(null as decimal(38, 2)) as threshold,
    cast(json_object('venezuela_investments_in_quarter', json_object('value', coalesce((
        select sum(p.amount) from stg_restricted_payments as p
        where p.ca1994_clause = '9.2.5(u)' and p.payment_kind <> 'return_of_investment'
            and p.payment_date between q.quarter_start and q.quarter_end), 0)::varchar,
        'clause_id', 'ca-1994/def/PricingInterestCoverageRatio')) as varchar) as inputs,
    cast(to_json([
        'Section 3.4.1 of the Credit Agreement of February 15, 1994: the pricing grid and the period of the Pricing Interest Coverage Ratio (base text not available, R-C07)',
        'EBITDA, Adjusted Capital Expenditures, the PIK Note and the Equity Proceeds Notes as defined in the base Credit Agreement (not available, R-C07)'
    ]) as varchar) as missing_inputs
from fiscal_quarters as q
where q.quarter_end between date '1998-09-30' and date '2001-12-31'
