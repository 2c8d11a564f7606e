-- clause: ppca-2002/def/ActualVALCOEBITDAAmount
-- clause: ppca-2002/def/ForecastVALCOEBITDAAmount
-- VALCO actual and forecast EBITDA per month, with the Fiscal Quarter (calendar quarter, R-X07) each month falls in.
with months as (
    select
        period_end,
        last_day(make_date(year(period_end), quarter(period_end) * 3, 1)) as quarter_end,
        cast(actual_valco_ebitda as decimal(38, 2)) as actual_valco_ebitda,
        cast(forecast_valco_ebitda as decimal(38, 2)) as monthly_forecast,
        primary_aluminum_produced,
        _row
    from raw_valco_ebitda
),

-- The Forecast VALCO EBITDA Amount is "the forecasted amount of EBITDA ... as reflected in certain schedules provided
-- by the Company to the Lenders" [Sixth Amendment § 1.1(f), “Forecast VALCO EBITDA Amount”]; the schedules are not
-- available and may give quarters only (R-P10).
quarterly_forecasts as (
    select period_end as quarter_end, cast(forecast_valco_ebitda_quarter as decimal(38, 2)) as quarter_forecast
    from raw_valco_ebitda
    where forecast_valco_ebitda_quarter is not null
        and period_end = last_day(make_date(year(period_end), quarter(period_end) * 3, 1))
),

shares as (
    select
        quarter_end,
        quarter_forecast,
        cast(cast(quarter_forecast * 100 as hugeint) // 3 as decimal(38, 0)) * 0.01 as third
    from quarterly_forecasts
)

-- A month without its own forecast takes a third of its quarter's forecast (given on the quarter's last month), the
-- R-P10 default, flagged in forecast_from_quarterly_schedule: the first two months a third rounded toward zero to the
-- cent, the last month the rest, so that the three months add up to the quarter's forecast exactly. Without either the
-- forecast stays null (the models then name the month as missing).
select
    m.period_end,
    m.quarter_end,
    m.actual_valco_ebitda,
    cast(coalesce(m.monthly_forecast, case
        when m.period_end = m.quarter_end then s.quarter_forecast - 2 * s.third
        else s.third
    end) as decimal(38, 2)) as forecast_valco_ebitda,
    m.monthly_forecast is null and s.quarter_forecast is not null as forecast_from_quarterly_schedule,
    m.primary_aluminum_produced,
    m._row
from months as m
left join shares as s on s.quarter_end = m.quarter_end
