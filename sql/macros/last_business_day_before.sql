-- clause: indenture-1996/def/BusinessDay
-- clause: indenture-1996/4.14(c)
-- The last Business Day strictly before a day (business_days): an Asset Sale Offer stays open "until the last Business
-- Day before the Asset Sale Purchase Date" [Indenture § 4.14(c)]; null where the calendar does not reach.
create or replace macro last_business_day_before(day_after) as (
    select max(b.day)
    from business_days as b
    where b.day < day_after and b.is_business_day
);
