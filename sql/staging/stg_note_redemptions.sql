-- clause: indenture-1996/3.01
-- Optional redemptions of the Notes with the notice's mailing date. Renamed and typed only.
select
    redemption_id,
    notice_mailed_on,
    redemption_date,
    cast(principal_amount as decimal(38, 2)) as principal_amount,
    document,
    _row
from raw_note_redemptions
