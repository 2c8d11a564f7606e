-- clause: ppca-2002/9.2.4(d)
-- Natural gas price reduction of the minimum EBITDA (quarterly test) [Sixth Amendment § 1.4
-- (Credit Agreement § 9.2.4(d))]. R1, R2 and the parameters they are held to are also given as limits
-- (pipelines.policy.limits) for the results that apply them.

-- the parameters in force from the Sixth Amendment's effective date, August 1, 2003 (the adjustments it sets)
with parameters as (
    select
        cast(parameter('ppca-2002', 'natural_gas_forecast_price', date '2003-08-01') as decimal(38, 6)) as forecast_price,
        cast(parameter('ppca-2002', 'natural_gas_ceiling_price', date '2003-08-01') as decimal(38, 6)) as ceiling_price,
        cast(parameter('ppca-2002', 'natural_gas_maximum_reduction', date '2003-08-01') as decimal(38, 2)) as maximum_reduction,
        (select list(json_object(
            'kind', case n when 'natural_gas_forecast_price' then 'floor' else 'cap' end,
            'name', n,
            'value', parameter('ppca-2002', n, date '2003-08-01'),
            'clause_id', 'ppca-2002/9.2.4(d)',
            'source', parameter_source('ppca-2002', n, date '2003-08-01'),
            'applies_to', 'natural_gas_reduction'
         ) order by n)
         from unnest(['natural_gas_forecast_price', 'natural_gas_ceiling_price', 'natural_gas_maximum_reduction']) as t (n)) as parameter_limits
),

-- P3, P4: market_data natural_gas_price_paid for the quarters ending 2003-09-30 and 2003-12-31.
prices as (
    select
        (select value from stg_market_data where series = 'natural_gas_price_paid' and period_end = date '2003-09-30') as p3,
        (select value from stg_market_data where series = 'natural_gas_price_paid' and period_end = date '2003-12-31') as p4
),

-- f(P) = 0 if P <= $3.50 ("No reduction will be made if the average price is equal to or less than the Forecast
-- Price"); $10,000,000 if P >= $5.50 ("equal to or higher than $5.50/mmbtu"); else "$10,000,000 times a fraction" (P -
-- 3.50) / (5.50 - 3.50), computed in integer cents (exact: with these parameters it is 5,000,000 x (P - 3.50)).
interpolated as (
    select
        pr.p3,
        pr.p4,
        pa.forecast_price,
        pa.ceiling_price,
        pa.maximum_reduction,
        pa.parameter_limits,
        -- f(P) in cents, for each of the two quarters' prices
        natural_gas_reduction_cents(pr.p3, pa.forecast_price, pa.ceiling_price, pa.maximum_reduction) as f_p3_cents,
        natural_gas_reduction_cents(pr.p4, pa.forecast_price, pa.ceiling_price, pa.maximum_reduction) as f_p4_cents
    from prices as pr, parameters as pa
),

-- R1 = f(P3); R2 = min(10,000,000 - R1, f(P4)) if P3 < 5.50 and P4 > 3.50, else 0.
reductions as (
    select
        *,
        cast(cast(f_p3_cents as decimal(38, 0)) * 0.01 as decimal(38, 2)) as r1,
        case
            -- "is less than $5.50/mmbtu ... and if the average price so paid ... ending on December 31, 2003 exceeds the
            -- Forecast Price, ... further reduced ... by an amount up to the difference between $10,000,000 and the
            -- amount previously so applied"
            when p3 < ceiling_price and p4 > forecast_price
                then least(maximum_reduction - cast(cast(f_p3_cents as decimal(38, 0)) * 0.01 as decimal(38, 2)),
                           cast(cast(f_p4_cents as decimal(38, 0)) * 0.01 as decimal(38, 2)))
            when p3 is null or p4 is null then null
            else 0
        end as r2
    from interpolated
)

-- AdjD(E): 2003-09-30 R1; 2003-12-31, 2004-03-31, 2004-06-30 R1 + R2; 2004-09-30 R2; otherwise 0.
select
    q.quarter_end,
    r.p3,
    r.p4,
    r.r1,
    r.r2,
    cast(case
        when q.quarter_end = date '2003-09-30' then coalesce(r.r1, 0)
        when q.quarter_end in (date '2003-12-31', date '2004-03-31', date '2004-06-30') then coalesce(r.r1, 0) + coalesce(r.r2, 0)
        when q.quarter_end = date '2004-09-30' then coalesce(r.r2, 0)
        else 0
    end as decimal(38, 2)) as natural_gas_reduction,
    -- [R1, R2]: each with the price it is computed from
    (
        select list(json_object(
            'kind', 'credit', 'name', 'natural gas price reduction ' || c.name, 'value', c.value::varchar, 'clause_id', 'ppca-2002/9.2.4(d)',
            'source', 'market_data natural_gas_price_paid for the Fiscal Quarter ending ' || c.period_end || ', ' || c.price || ' = '
                || coalesce(c.paid::varchar, 'missing') || ': ' || c.rule,
            'applies_to', 'natural_gas_reduction', 'period_start', c.period_start::varchar, 'period_end', c.period_end::varchar
        ) order by c.name)
        from (values
            ('R1', r.r1, 'P3', r.p3, date '2003-07-01', date '2003-09-30',
             'f(P3) = maximum x (P3 - Forecast Price) / (ceiling - Forecast Price), 0 at or below the Forecast Price, the maximum at or above the ceiling'),
            ('R2', r.r2, 'P4', r.p4, date '2003-10-01', date '2003-12-31',
             'min(maximum - R1, f(P4)) if P3 is below the ceiling and P4 above the Forecast Price, else 0')
        ) as c (name, value, price, paid, period_start, period_end, rule)
    ) as credit_limits,
    coalesce(r.parameter_limits, []::json[]) as parameter_limits,
    coalesce(list_concat(
        case when q.quarter_end between date '2003-09-30' and date '2004-09-30' and r.p3 is null
            then ['market_data natural_gas_price_paid for the Fiscal Quarter ending 2003-09-30 (P3)'] end,
        case when q.quarter_end between date '2003-12-31' and date '2004-09-30' and r.p4 is null
            then ['market_data natural_gas_price_paid for the Fiscal Quarter ending 2003-12-31 (P4)'] end,
        case when q.quarter_end between date '2003-09-30' and date '2004-09-30'
                and (r.forecast_price is null or r.ceiling_price is null or r.maximum_reduction is null)
            then ['parameters natural_gas_forecast_price, natural_gas_ceiling_price, natural_gas_maximum_reduction'] end
    ), []::varchar[]) as missing_inputs
from fiscal_quarters as q
cross join reductions as r
