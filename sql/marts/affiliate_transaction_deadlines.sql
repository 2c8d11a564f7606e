-- clause: indenture-1996/4.08
-- The quarterly Officers' Certificate on transactions with Affiliates and Unrestricted Subsidiaries: "within 60 days
-- after the end of each fiscal quarter" [Indenture § 4.08], calendar days, for each fiscal quarter ending on or after
-- the Indenture's date. It states the aggregate dollar amount of the quarter's transactions other than 4.08(b) ones and
-- Principal Products cash sales with Unrestricted Subsidiaries (shown in the obligation). Delivery date: the attestation
-- affiliate_transaction_officers_certificate for the quarter (value YYYY-MM-DD); none attested = unknown, a missing input.
with quarters as (
    select
        q.quarter_start,
        q.quarter_end,
        q.fiscal_year,
        q.fiscal_quarter,
        cast(parameter('indenture-1996', 'affiliate_transaction_certificate_days', q.quarter_end) as integer) as days
    from fiscal_quarters as q
    where q.quarter_end >= date '1996-12-23'
),

reportable as (
    select
        q.quarter_end,
        coalesce(sum(t.amount - case when t.counterparty_kind = 'unrestricted_subsidiary' then t.principal_products_amount else 0 end), 0) as aggregate_amount,
        count(t.transaction_id) as transactions
    from quarters as q
    left join stg_affiliate_transactions as t
        on t.exemption is null
        and t.transaction_date between q.quarter_start and q.quarter_end
    group by q.quarter_end
)

select
    'indenture-1996/4.08' as clause_id,
    'deliver to the Trustee the Officers'' Certificate on Affiliate and Unrestricted Subsidiary transactions for FY'
        || q.fiscal_year || ' Q' || q.fiscal_quarter || ' (aggregate ' || cast(r.aggregate_amount as decimal(38, 2)) || ' in '
        || r.transactions || ' transactions)' as obligation,
    'FY' || q.fiscal_year || '-Q' || q.fiscal_quarter as reference_id,
    q.quarter_end as trigger_date,
    cast(q.quarter_end + q.days as date) as due_date,
    'none' as business_day_convention,
    'within ' || q.days || ' days after the end of each fiscal quarter [Indenture § 4.08]' as rule,
    try_cast(trim(a.value) as date) as completed_on,
    cast(to_json(case when try_cast(trim(a.value) as date) is null then
        ['affiliate_transaction_officers_certificate delivery date for the quarter ending ' || q.quarter_end] else []::varchar[] end) as varchar)
        as missing_inputs
from quarters as q
join reportable as r on r.quarter_end = q.quarter_end
left join current_attestations as a
    on a.subject = 'affiliate_transaction_officers_certificate' and a.period_end = q.quarter_end
