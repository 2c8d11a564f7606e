-- clause: ppca-2002/9.2.4(b)
-- The Post-Petition Credit Agreement's Business Days, every calendar day the borrowing_base extract spans. Only for
-- ppca-2002: the indenture has its own Business Day (New York City, Houston, San Francisco): the indenture's closures
-- file does not apply here.
with span as (
    select min(as_of_date) as first_day, max(as_of_date) as last_day from raw_borrowing_base
)

-- The base agreement's definition is not available (R-X07): Monday to Friday, except the U.S. federal bank holidays
-- (New Year's Day, Martin Luther King Jr. Day, Washington's Birthday, Memorial Day, Independence Day, Labor Day,
-- Columbus Day, Veterans Day, Thanksgiving, Christmas), a fixed-date holiday on a Sunday observed the Monday after and
-- one on a Saturday not moved (the Federal Reserve's practice). The holidays come from the shared calendar
-- (`business_days.is_federal_reserve_holiday`, pipelines/calendar).
select
    c.day,
    last_day(c.day) as month_end,
    isodow(c.day) <= 5 and not c.is_federal_reserve_holiday as is_business_day,
    c.is_federal_reserve_holiday as is_bank_holiday
from business_days as c, span
where c.day between span.first_day and span.last_day
