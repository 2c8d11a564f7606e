-- clause: indenture-1996/def/RefinancingSaleAndLeasebackTransaction
-- clause: indenture-1996/def/AttributableDebt
-- clause: indenture-1996/def/Indebtedness
-- transactions of: sale_leasebacks
-- One row per sale and leaseback: for one designated as a Refinancing Sale and Leaseback Transaction in a notice to the
-- Trustee, whether the designation can take effect.

-- For a designated one, actual = its Attributable Debt, tested against "at least $100,000,000"
-- [Indenture § 1.01, “Refinancing Sale and Leaseback Transaction”] (policy operator >=). A pass is a Refinancing Sale
-- and Leaseback Transaction: not an Asset Sale [Indenture § 1.01, “Asset Sale”], its obligations are Indebtedness (h)
-- in the amount of its Attributable Debt [Indenture § 1.01, “Indebtedness” (h); § 1.01, “Indebtedness”], counted under
-- 4.10(b)(ii) ("in connection with Refinancing Sale and Leaseback Transactions" [Indenture § 4.10(b)(ii)]; see
-- indebtedness_basket_movements). A failure is a designation that cannot take effect: the transaction stays an Asset
-- Sale. A sale and leaseback not designated is not applicable here: it is an Asset Sale
-- [Indenture § 1.01, “Asset Sale”] (with any Capitalized Lease Obligation it creates), left to the 4.14 models. A
-- designation without a notice date is indeterminate (the notice to the Trustee is part of the definition).
with result_rows as (
    select
        'indenture-1996/def/RefinancingSaleAndLeasebackTransaction' as clause_id, transaction_date as test_date, 'transaction' as test_kind, transaction_id,
        attributable_debt as actual,
        json_object(
            'fair_market_value', json_object('value', cast(fair_market_value as varchar), 'clause_id', 'indenture-1996/def/AttributableDebt'),
            'present_value_of_rentals', json_object('value', cast(present_value_of_rentals as varchar), 'clause_id', 'indenture-1996/def/AttributableDebt'),
            'periodic_rental', json_object('value', cast(periodic_rental as varchar), 'clause_id', 'indenture-1996/def/AttributableDebt'),
            'payments_per_year', json_object('value', cast(payments_per_year as varchar), 'clause_id', 'indenture-1996/def/AttributableDebt'),
            'number_of_payments', json_object('value', cast(number_of_payments as varchar), 'clause_id', 'indenture-1996/def/AttributableDebt'),
            'trustee_notice_date', json_object('value', cast(trustee_notice_date as varchar), 'clause_id', 'indenture-1996/def/RefinancingSaleAndLeasebackTransaction')
        )::varchar as inputs,
        to_json(list_concat(
            case when designated_as_rslt then missing_inputs else []::varchar[] end,
            case when designated_as_rslt and trustee_notice_date is null
                then ['date of the notice to the Trustee designating ' || transaction_id || ' and stating its Attributable Debt'] end
        ))::varchar as missing_inputs,
        case when designated_as_rslt then null
            else 'Not designated as a Refinancing Sale and Leaseback Transaction in a notice to the Trustee [Indenture § 1.01, “Refinancing Sale and Leaseback Transaction”]: a sale and '
                || 'leaseback is then an Asset Sale [Indenture § 1.01, “Asset Sale”], tested under 4.14 by the asset sale models.' end as not_applicable_because
    from attributable_debt
)

select * from result_on_test_date(result_rows)
