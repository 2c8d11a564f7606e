-- clause: indenture-1996/def/BusinessDay
-- clause: indenture-1996/14.06
-- The day itself if it is a Business Day, else the next one [Indenture § 14.06: a payment due on a day that is not a
-- Business Day "may be made on the next succeeding Business Day"], from the Business Day calendar (business_days);
-- null where the calendar does not reach (looked for within 15 days: weekends and holidays never close more).
create or replace macro next_business_day(on_or_after) as (
    select min(b.day)
    from business_days as b
    where b.day >= on_or_after and b.day < on_or_after + interval 15 day and b.is_business_day
);
