-- clause: ppca-2002/9.2.4(d)
-- The natural gas adjustment of one Fiscal Quarter's average price paid, in cents [Sixth Amendment § 1.3 (Credit
-- Agreement § 9.2.4(d))]: nothing at or below the Forecast Price, the maximum at or above the ceiling, else "$10,000,000
-- times a fraction" (price - forecast) / (ceiling - forecast): computed in millionths of a dollar and cents, rounded
-- half up, so that it is exact.
create or replace macro natural_gas_reduction_cents(price, forecast_price, ceiling_price, maximum_reduction) as
    case
        when price <= forecast_price then cast(0 as hugeint)
        when price >= ceiling_price then cast(maximum_reduction * 100 as hugeint)
        else (2 * cast(maximum_reduction * 100 as hugeint) * cast((price - forecast_price) * 1000000 as hugeint)
              + cast((ceiling_price - forecast_price) * 1000000 as hugeint))
             // (2 * cast((ceiling_price - forecast_price) * 1000000 as hugeint))
    end;
