-- clause: ppca-2002/9.2.4(b)
-- The Post-Petition Credit Agreement's Business Days, every calendar day the borrowing_base extract spans. The base
-- agreement's definition is not in the seeds (AMB-X07); PARAM default: Monday to Friday, except the U.S. federal bank
-- holidays (New Year's Day, Martin Luther King Jr. Day, Washington's Birthday, Memorial Day, Independence Day, Labor
-- Day, Columbus Day, Veterans Day, Thanksgiving, Christmas), a fixed-date holiday on a Sunday observed the Monday
-- after and one on a Saturday not moved (the Federal Reserve's practice). Only for ppca-2002: the indenture has its
-- own Business Day (New York City, Houston, San Francisco).
with days as (
    select cast(d as date) as day
    from (select min(as_of_date) as first_day, max(as_of_date) as last_day from raw_borrowing_base) as b,
        generate_series(cast(b.first_day as timestamp), cast(b.last_day as timestamp), interval 1 day) as g(d)
),

dated as (
    select day, isodow(day) as weekday, month(day) as m, day(day) as dd, month(day - 1) as m_before, day(day - 1) as dd_before
    from days
),

classified as (
    select
        day,
        weekday,
        (m, dd) in ((1, 1), (7, 4), (11, 11), (12, 25))
            -- a fixed-date holiday that fell on the Sunday before
            or (weekday = 1 and (m_before, dd_before) in ((1, 1), (7, 4), (11, 11), (12, 25)))
            or (weekday = 1 and m in (1, 2) and dd between 15 and 21)  -- third Monday of January, February
            or (weekday = 1 and m = 5 and dd >= 25)                   -- last Monday of May
            or (weekday = 1 and m = 9 and dd <= 7)                    -- first Monday of September
            or (weekday = 1 and m = 10 and dd between 8 and 14)       -- second Monday of October
            or (weekday = 4 and m = 11 and dd between 22 and 28)      -- fourth Thursday of November
            as is_bank_holiday
    from dated
)

select
    day,
    last_day(day) as month_end,
    weekday <= 5 and not is_bank_holiday as is_business_day,
    is_bank_holiday
from classified
