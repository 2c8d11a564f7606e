-- clause: indenture-1996/def/ConsolidatedFixedChargeCoverageRatio
-- clause: ppca-2002/9.2.4(d)
-- Market data series: floating-rate indices (a fraction, unit 'rate') and the average natural gas price actually paid
-- (usd_per_mmbtu). Renamed and typed only.
select
    series,
    period_start,
    period_end,
    value,
    unit,
    _row
from raw_market_data
