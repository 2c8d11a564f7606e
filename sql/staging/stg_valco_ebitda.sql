-- clause: ppca-2002/def/ActualVALCOEBITDAAmount
-- clause: ppca-2002/def/ForecastVALCOEBITDAAmount
-- VALCO actual and forecast EBITDA per month, with the Fiscal Quarter (calendar quarter, AMB-X07) each month falls in.
select
    period_end,
    last_day(make_date(year(period_end), quarter(period_end) * 3, 1)) as quarter_end,
    cast(actual_valco_ebitda as decimal(38, 2)) as actual_valco_ebitda,
    cast(forecast_valco_ebitda as decimal(38, 2)) as forecast_valco_ebitda,
    primary_aluminum_produced,
    _row
from raw_valco_ebitda
