-- clause: indenture-1996/4.10(b)
-- clause: indenture-1996/4.10(b)(vi)
-- clause: indenture-1996/4.10(d)
-- transactions of: incurrences, sale_leasebacks
-- One row per Incurrence and per limit of the clause it is classified in (4.10(d): that clause only), as the policy
-- engine reads an amount with a computed threshold: actual = the basket's usage right after the Incurrence (from
-- indebtedness_basket_ledger), threshold = its capacity that day. A (viii) Incurrence is tested under (A), (A)(IV), (C)
-- and (A)+(C) as its sub-clause requires; one without a sub-clause is indeterminate.

-- Incurrences before the Indenture (December 23, 1996) are not tested.
with incurrences as (
    select * from stg_incurrences where incurrence_date >= date '1996-12-23'
),

ledger as (
    select
        *,
        json_merge_patch(
            json_object('value', cast(capacity as varchar), 'clause_id', clause_id),
            -- (ii): the Board Resolutions that reduced it, each with its row (R-I60)
            case when clause_id = 'indenture-1996/4.10(b)(ii)' and json_array_length(json_extract(inputs, '$.reduced_by_board_resolutions')) > 0
                then json_object('reduced_by', json_extract(inputs, '$.reduced_by_board_resolutions')) else '{}'::json end
        ) as capacity_input
    from indebtedness_basket_ledger
),

basket_rows as (
    select
        l.clause_id,
        n.incurrence_date as test_date,
        n.transaction_id,
        l.usage_after as actual,
        l.capacity as threshold,
        json_object(
            'amount_incurred', json_object('value', cast(n.amount as varchar), 'clause_id', l.clause_id),
            'usage_before', json_object('value', cast(l.usage_after - l.amount as varchar), 'clause_id', l.clause_id),
            'capacity', l.capacity_input,
            'measure', json_object('value', l.measure, 'clause_id', l.clause_id)
        )::varchar as inputs,
        list_concat(
            case when l.capacity is null then ['capacity of ' || l.clause_id || ' on ' || n.incurrence_date
                || case when l.clause_id = 'indenture-1996/4.10(b)(iii)(B)' then ' (the Company''s ownership interest in Alpart, R-I26)' else '' end] end,
            case when n.basket = '4.10(b)(viii)' and n.basket_detail is null
                then ['4.10(b)(viii) sub-clause (A)(I)-(IV), (B) or (C) of ' || n.transaction_id || ' (R-I25)'] end
        ) as missing_inputs
    from incurrences as n
    join ledger as l on l.transaction_id = n.transaction_id
),

-- (vi)(A): the Refinancing Indebtedness may not exceed "the aggregate amount of such Refinanced Indebtedness (including
-- accrued interest thereon ...), the amount of any premium ... and an amount equal to the reasonable fees and expenses"
-- [Indenture § 4.10(b)(vi)(A)]: the Refinanced principal repaid from its proceeds, plus the interest accrued on it and
-- paid from them (incurrences.accrued_interest_refinanced, R-I62), plus the premium and fees
-- (incurrences.premium_and_fees).
refinancing_rows as (
    select
        'indenture-1996/4.10(b)(vi)' as clause_id,
        n.incurrence_date as test_date,
        n.transaction_id,
        n.amount as actual,
        n.proceeds_applied_amount + coalesce(n.accrued_interest_refinanced, 0) + coalesce(n.premium_and_fees, 0) as threshold,
        json_object(
            'refinancing_indebtedness', json_object('value', cast(n.amount as varchar), 'clause_id', 'indenture-1996/4.10(b)(vi)'),
            'refinanced_indebtedness', json_object('value', cast(n.proceeds_applied_amount as varchar), 'clause_id', 'indenture-1996/4.10(b)(vi)'),
            'accrued_interest_refinanced', json_object('value', cast(coalesce(n.accrued_interest_refinanced, 0) as varchar), 'clause_id', 'indenture-1996/4.10(b)(vi)'),
            'premium_and_fees', json_object('value', cast(coalesce(n.premium_and_fees, 0) as varchar), 'clause_id', 'indenture-1996/4.10(b)(vi)')
        )::varchar as inputs,
        case when n.proceeds_applied_to_instrument_id is null
            then ['Refinanced Indebtedness of ' || n.transaction_id || ' (proceeds_applied_to_instrument_id)'] end as missing_inputs
    from incurrences as n
    where n.basket = '4.10(b)(vi)'
),

-- A Refinancing Sale and Leaseback Transaction is tested under (ii) on its consummation: its Attributable Debt is
-- Indebtedness (h) Incurred "in connection with Refinancing Sale and Leaseback Transactions" [Indenture § 4.10(b)(ii)].
sale_and_leaseback_rows as (
    select
        l.clause_id,
        a.transaction_date as test_date,
        a.transaction_id,
        l.usage_after as actual,
        l.capacity as threshold,
        json_object(
            'attributable_debt', json_object('value', cast(a.attributable_debt as varchar), 'clause_id', 'indenture-1996/def/AttributableDebt'),
            'usage_before', json_object('value', cast(l.usage_after - l.amount as varchar), 'clause_id', l.clause_id),
            'capacity', l.capacity_input,
            'measure', json_object('value', l.measure, 'clause_id', l.clause_id)
        )::varchar as inputs,
        case when l.capacity is null then ['capacity of ' || l.clause_id || ' on ' || a.transaction_date] end as missing_inputs
    from attributable_debt as a
    join ledger as l on l.transaction_id = a.transaction_id
    where a.is_refinancing_sale_and_leaseback and a.transaction_date >= date '1996-12-23'
),

result_rows as (
    select
        clause_id, test_date, 'transaction' as test_kind, transaction_id, actual, inputs,
        to_json(coalesce(missing_inputs, []::varchar[]))::varchar as missing_inputs, cast(threshold as decimal(38, 2)) as threshold
    from (select * from basket_rows union all select * from refinancing_rows union all select * from sale_and_leaseback_rows) as tested
)

select * from result_on_test_date(result_rows)
