-- clause: indenture-1996/2.01
-- The Notes in the debt register. The Notes are "the Company's 10 7/8% Series C Senior Notes due 2006" and the Series
-- D Exchange Notes [Indenture § 2.01]: the instruments issued on the indenture's date, December 23, 1996, at 10 7/8%,
-- maturing October 15, 2006 [Indenture § 2.03]. (The 10 7/8% Series B notes of October 23, 1996 are another
-- indenture's.)
select instrument_id, instrument_name
from stg_debt_instruments
where issue_date = date '1996-12-23' and maturity_date = date '2006-10-15'
    and fixed_rate = cast(parameter('indenture-1996', 'notes_interest_rate', date '1996-12-23') as decimal(12, 8))
