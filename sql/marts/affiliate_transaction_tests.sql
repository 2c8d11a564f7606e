-- clause: indenture-1996/4.08(a)(ii)
-- clause: indenture-1996/4.08(a)(iii)
-- clause: indenture-1996/def/FairMarketValue
-- transactions of: affiliate_transactions
-- One row per transaction with an Affiliate or Unrestricted Subsidiary and per clause, as a count of what is out of
-- line tested against 0 with <= [Indenture § 4.08(a)]. A transaction claiming a 4.08(b) exemption [Indenture § 4.08(b)]
-- needs neither (actual 0; the claim itself is the Company's and is shown in the inputs).
with transactions as (
    select
        t.*,
        t.amount - case when t.counterparty_kind = 'unrestricted_subsidiary' then t.principal_products_amount else 0 end as tested_amount
    from stg_affiliate_transactions as t
),

-- (iii): the series is the extract's series_id (R-I09), the transaction itself when blank.
series as (
    select series_id, sum(tested_amount) as series_amount, string_agg(transaction_id, ', ' order by transaction_id) as series_transactions
    from transactions
    where exemption is null
    group by series_id
),

assessed as (
    select
        t.*,
        s.series_amount,
        s.series_transactions,
        cast(parameter('indenture-1996', 'affiliate_transaction_fairness_opinion_threshold', t.transaction_date) as decimal(38, 2)) as opinion_threshold,
        a.value_flag as independent_approval,
        a.document as approval_attestation_document
    from transactions as t
    left join series as s on s.series_id = t.series_id
    left join current_attestations as a
        on a.subject = 'affiliate_transaction_independent_approval' and a.reference_id = t.transaction_id
),

-- (ii): "approved as meeting such standard, in good faith, by a majority of the independent members of the Board of
-- Directors of the Company evidenced by a Board Resolution": 1 when no Board Resolution is referenced or the attested
-- approval (affiliate_transaction_independent_approval) is false; a referenced resolution without that attestation
-- cannot be verified and is a missing input (R-I11).
clause_ii as (
    select
        'indenture-1996/4.08(a)(ii)' as clause_id,
        transaction_date as test_date,
        transaction_id,
        cast(case
            when exemption is not null then 0
            when board_resolution_document is null then 1
            when independent_approval = false then 1
            else 0
        end as decimal(38, 2)) as actual,
        json_object(
            'counterparty', json_object('value', counterparty || ' (' || counterparty_kind || ')', 'clause_id', 'indenture-1996/4.08(a)'),
            'amount', json_object('value', amount::varchar, 'clause_id', 'indenture-1996/4.08(a)'),
            'exemption_claimed', json_object('value', coalesce(exemption, 'none'), 'clause_id', 'indenture-1996/4.08(b)'),
            'board_resolution', json_object('value', coalesce(board_resolution_document, 'none'), 'clause_id', 'indenture-1996/4.08(a)(ii)'),
            'independent_directors_approval', json_object('value', coalesce(independent_approval::varchar, 'not attested'),
                'document', approval_attestation_document, 'clause_id', 'indenture-1996/4.08(a)(ii)')
        ) as inputs,
        case when exemption is null and board_resolution_document is not null and independent_approval is null then
            ['affiliate_transaction_independent_approval (R-I11): that Board Resolution ' || board_resolution_document
             || ' for ' || transaction_id || ' was adopted by a majority of the independent directors']
        else [] end as missing_inputs
    from assessed
),

-- (iii): "if the amount of such transaction or the aggregate amount of such series of related transactions is greater
-- than $10,000,000 (which amount shall be calculated excluding the amount of Principal Products transferred to or from
-- an Unrestricted Subsidiary ...)": 1 when the series amount, less Principal Products with an Unrestricted Subsidiary,
-- is strictly greater than the threshold and no fairness opinion is referenced (exactly $10,000,000 needs none, R-I12).
clause_iii as (
    select
        'indenture-1996/4.08(a)(iii)' as clause_id,
        transaction_date as test_date,
        transaction_id,
        cast(case
            when exemption is not null then 0
            when series_amount > opinion_threshold and fairness_opinion_document is null then 1
            else 0
        end as decimal(38, 2)) as actual,
        json_object(
            'counterparty', json_object('value', counterparty || ' (' || counterparty_kind || ')', 'clause_id', 'indenture-1996/4.08(a)'),
            'exemption_claimed', json_object('value', coalesce(exemption, 'none'), 'clause_id', 'indenture-1996/4.08(b)'),
            'series_amount_tested', json_object('value', coalesce(series_amount::varchar, 'exempt'),
                'transactions', coalesce(series_transactions, transaction_id), 'clause_id', 'indenture-1996/4.08(a)(iii)'),
            'principal_products_with_unrestricted_subsidiary', json_object('value', (amount - tested_amount)::varchar, 'clause_id', 'indenture-1996/4.08(a)(iii)'),
            'fairness_opinion_threshold', json_object('value', opinion_threshold::varchar, 'clause_id', 'indenture-1996/4.08(a)(iii)'),
            'fairness_opinion', json_object('value', coalesce(fairness_opinion_document, 'none'), 'clause_id', 'indenture-1996/4.08(a)(iii)')
        ) as inputs,
        []::varchar[] as missing_inputs
    from assessed
),

all_tests as (
    select * from clause_ii
    union all by name select * from clause_iii
),

result_rows as (
    select
        clause_id, test_date, 'transaction' as test_kind, transaction_id, actual,
        cast(inputs as varchar) as inputs,
        cast(to_json(missing_inputs) as varchar) as missing_inputs
    from all_tests
)

select * from result_without_period(result_rows)
