-- clause: indenture-1996/2.03
-- The days between two dates on "a 360-day year comprised of twelve 30-day months" [Indenture § 2.03], read as the
-- bond basis (the indenture says no more): a 31st counts as the 30th, and an end on the 31st counts as the 30th when
-- the start is the 30th or 31st. The Notes' interest periods and the accrued interest of a purchase price use it.
create or replace macro days_30_360(start_day, end_day) as
    (year(end_day) - year(start_day)) * 360
    + (month(end_day) - month(start_day)) * 30
    + (case when day(end_day) = 31 and least(day(start_day), 30) = 30 then 30 else day(end_day) end)
    - least(day(start_day), 30);
