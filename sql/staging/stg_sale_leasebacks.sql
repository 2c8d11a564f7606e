-- clause: indenture-1996/def/AttributableDebt
-- clause: indenture-1996/def/RefinancingSaleAndLeasebackTransaction
-- Sale and leaseback transactions with their level rentals and any designation as a Refinancing Sale and Leaseback
-- Transaction; the whole-number quantities (months, payments) become integers.
select
    transaction_id,
    transaction_date,
    seller_entity_id,
    property,
    fair_market_value,
    cast(lease_term_months as integer) as lease_term_months,
    periodic_rental,
    cast(payments_per_year as integer) as payments_per_year,
    cast(number_of_payments as integer) as number_of_payments,
    designated_as_rslt,
    trustee_notice_date,
    _row
from raw_sale_leasebacks
