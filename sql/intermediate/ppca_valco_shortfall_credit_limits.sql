-- clause: ppca-2002/9.2.4(c)
-- The VALCO shortfall credits a 9.2.4 test counts, as limits of its result (pipelines.policy.limits): for each window
-- ending E (the 4 Fiscal Quarters of 9.2.4(a), the 12 months of 9.2.4(b)), each unit's allocated credit, with the caps
-- it is held to.

-- The units and their credits are those of ppca_valco_shortfall_reduction (quarterly: the Fiscal Quarters from the one
-- ending 2003-09-30, R-P08) and ppca_valco_shortfall_units (monthly: the 3-month period ending 2003-09-30, then each
-- month, R-P09).
with units as (
    select
        'quarterly' as schedule,
        cast(date_trunc('quarter', quarter_end) as date) as unit_start,
        quarter_end as unit_end,
        months,
        forecast_valco_ebitda,
        actual_valco_ebitda,
        shortfall,
        credit_allocated,
        'valco_shortfall_cap_per_quarter' as cap_parameter,
        cap_per_quarter as unit_cap,
        cap_per_quarter_source as unit_cap_source,
        cap_aggregate,
        cap_aggregate_source,
        true as within_aggregate,
        false as forecast_from_quarterly_schedule
    from ppca_valco_shortfall_reduction
    where credit_allocated is not null
    union all
    select
        'monthly', unit_start, unit_end, months, forecast_valco_ebitda, actual_valco_ebitda, shortfall, credit_allocated,
        cap_parameter, unit_cap, unit_cap_source, cap_aggregate, cap_aggregate_source, within_aggregate,
        forecast_from_quarterly_schedule
    from ppca_valco_shortfall_units
),

-- Each unit's allocated credit [Sixth Amendment § 1.4 (Credit Agreement § 9.2.4(c))] "will not exceed $20,000,000 in
-- respect of any Fiscal Quarter (or $6,666,667 for any month) and $60,000,000 in the aggregate". The source names the
-- valco_ebitda months by their key, so the text does not depend on the rows' order in the file.
limits as (
    select
        *,
        json_object(
            'kind', 'credit',
            'name', 'VALCO shortfall credit',
            'value', cast(credit_allocated as decimal(38, 2))::varchar,
            'clause_id', 'ppca-2002/9.2.4(c)',
            'source', 'valco_ebitda for ' || coalesce(array_to_string(months, ', '), 'no month') || ': Forecast VALCO EBITDA '
                || coalesce(forecast_valco_ebitda::varchar, 'missing') || ' less Actual ' || coalesce(actual_valco_ebitda::varchar, 'missing')
                || ', shortfall ' || cast(shortfall as decimal(38, 2)) || ', at most ' || coalesce(unit_cap::varchar, 'missing')
                || ' (' || cap_parameter || ')'
                || case when within_aggregate then ', allocated in date order within the aggregate (R-P08)' else ', outside the aggregate (R-P09)' end
                || case when forecast_from_quarterly_schedule then '; forecast: a third of the quarterly schedule (R-P10)' else '' end,
            'applies_to', 'valco_shortfall_reduction',
            'period_start', unit_start::varchar,
            'period_end', unit_end::varchar
        ) as credit_limit,
        list_filter([
            json_object('kind', 'cap', 'name', cap_parameter, 'value', unit_cap::varchar, 'clause_id', 'ppca-2002/9.2.4(c)',
                        'source', unit_cap_source, 'applies_to', 'VALCO shortfall credit'),
            case when within_aggregate then json_object(
                'kind', 'cap', 'name', 'valco_shortfall_cap_aggregate', 'value', cap_aggregate::varchar, 'clause_id', 'ppca-2002/9.2.4(c)',
                'source', cap_aggregate_source, 'applies_to', 'VALCO shortfall credit') end
        ], lambda cap: cap is not null) as unit_caps
    from units
),

windows as (
    select s.schedule, last_day(cast(g as date)) as window_end
    from generate_series(timestamp '2003-06-01', timestamp '2005-01-01', interval 1 month) as m (g)
    cross join (values ('quarterly'), ('monthly')) as s (schedule)
)

-- A unit counts in the window when it lies wholly inside it.
select
    w.schedule,
    w.window_end,
    coalesce((
        select list(l.credit_limit order by l.unit_end)
        from limits as l
        where l.schedule = w.schedule and l.unit_end <= w.window_end and l.unit_start >= cast(w.window_end - interval 12 month as date) + 1
    ), []::json[]) as credit_limits,
    coalesce((
        select list(c.cap order by c.cap ->> 'name')
        from (
            select distinct unnest(l.unit_caps) as cap
            from limits as l
            where l.schedule = w.schedule and l.unit_end <= w.window_end and l.unit_start >= cast(w.window_end - interval 12 month as date) + 1
        ) as c
    ), []::json[]) as cap_limits
from windows as w
