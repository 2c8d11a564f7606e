-- clause: ppca-2002/12.1(vii)
-- clause: ppca-2002/amend6/effectiveness(a)
-- Each Lender's answer to a request for an amendment, waiver or consent, with the outstanding principal of Revolving
-- Credit Outstandings it held on the request date. Renamed and typed only.
select
    request_id,
    request_date,
    subject,
    lender_id,
    consented,
    cast(outstanding_principal as decimal(38, 2)) as outstanding_principal,
    document,
    _row
from raw_lender_consents
