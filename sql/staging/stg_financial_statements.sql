-- clause: indenture-1996/def/ConsolidatedFixedChargeCoverageRatio
-- clause: indenture-1996/4.09(a)(C)
-- The first day each fiscal quarter's financial statements were available, as the Company records it. Renamed and
-- typed only.
select
    period_end as quarter_end,
    available_on,
    document,
    _row
from raw_financial_statements
