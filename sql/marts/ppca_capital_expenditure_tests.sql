-- clause: ppca-2002/9.2.7(ii)
-- clause: ppca-2002/9.2.7(i)
-- transactions of: capital_expenditures
-- Section 9.2.7 as amended [Sixth Amendment § 1.5 (Credit Agreement § 9.2.7)], tested at each Fiscal Year end 2003 and
-- 2004; a single expenditure is also tested on its day, after giving effect to it (ppca_capital_expenditure_transactions,
-- appended by name). The rows list their limits.

-- (ii) "not more than $49,000,000 in the aggregate of Capital Expenditures in respect of ALPART during Fiscal Years 2002
-- through 2004" (cumulative to the year end; each year's attestation needed)
with years as (
    select cast(y as date) as year_end from (values ('2003-12-31'), ('2004-12-31')) as t (y)
),

alpart as (
    select
        y.year_end,
        sum(a.value_amount) as cumulative,
        list(year(a.period_end) order by a.period_end) as years_attested
    from years as y
    left join current_attestations as a
        on a.subject = 'ppca_alpart_capital_expenditures_financed' and year(a.period_end) between 2002 and year(y.year_end)
    group by y.year_end
)

select
    'ppca-2002/9.2.7(ii)' as clause_id,
    year_end as test_date,
    'maintenance' as test_kind,
    cast(null as varchar) as transaction_id,
    date '2002-01-01' as period_start,
    year_end as period_end,
    cast(coalesce(cumulative, 0) as decimal(38, 2)) as actual,
    cast(0 as decimal(38, 2)) as threshold_reduction,
    cast(json_object('alpart_capital_expenditures_financed', json_object('value', cast(coalesce(cumulative, 0) as decimal(38, 2))::varchar, 'clause_id', 'ppca-2002/9.2.7(ii)')) as varchar) as inputs,
    cast(to_json(list_transform(
        list_filter(range(2002, year(year_end) + 1), lambda y: not list_contains(coalesce(years_attested, []), y)),
        lambda y: 'ppca_alpart_capital_expenditures_financed for Fiscal Year ' || y || ' (R-P17)'
    )) as varchar) as missing_inputs,
    cast(null as decimal(38, 2)) as threshold,
    cast(null as varchar) as limits
from alpart

union all

-- (i) Adjusted Capital Expenditures for Fiscal Year 2004 within its Base Amount plus the Carryover Amount (R-P64):
-- ppca_capital_expenditure_limit
select
    'ppca-2002/9.2.7(i)' as clause_id,
    fiscal_year_end as test_date,
    'maintenance' as test_kind,
    cast(null as varchar) as transaction_id,
    date '2004-01-01' as period_start,
    fiscal_year_end as period_end,
    adjusted_capital_expenditures as actual,
    cast(0 as decimal(38, 2)) as threshold_reduction,
    inputs,
    cast(to_json(missing_inputs) as varchar) as missing_inputs,
    limit_amount as threshold,
    cast(to_json(limits) as varchar) as limits
from ppca_capital_expenditure_limit
where fiscal_year = 2004

union all by name

select * from ppca_capital_expenditure_transactions
