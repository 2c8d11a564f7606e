-- clause: ca-1994/def/MaximumLetterOfCreditAmount
-- clause: ca-1994/2.1.3(b)
-- Letters of credit issued for the group. A letter of credit is outstanding from its issue date to its expiry date,
-- both included. Venezuela Letters of Credit are those with purpose 'venezuela' or 'bid_bond' (the latter in respect of
-- the Venezuela Bid Bond Obligation, R-C05 data tag). Renamed and typed only.
select
    lc_id,
    facility_instrument_id,
    beneficiary,
    purpose,
    purpose in ('venezuela', 'bid_bond') as is_venezuela_letter_of_credit,
    purpose = 'bid_bond' as is_bid_bond_related,
    issue_date,
    expiry_date,
    cast(stated_amount as decimal(38, 2)) as stated_amount,
    cash_collateralized,
    permitted_indebtedness_clause,
    _row
from raw_letters_of_credit
