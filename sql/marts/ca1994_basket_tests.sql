-- clause: ca-1994/9.2.2(b)(i)(B)
-- clause: ca-1994/9.2.2(b)(i)(C)
-- clause: ca-1994/9.2.2(b)(i)(D)
-- clause: ca-1994/9.2.5(u)
-- clause: ca-1994/9.2.3(y)
-- transactions of: attestations, incurrences, restricted_payments
-- Each ca-1994 basket entry as a transaction test: usage after the entry against the capacity in force (null before the
-- clause's text available took effect: indeterminate, the earlier text is not available, R-X02). For 9.2.2(b)(i) also
-- one maintenance row on the Eleventh Amendment date (October 20, 1997), when the restated caps first applied to the debt
-- then outstanding.
with restated_on as (
    select clause_id, basket, max(usage_after) filter (where entry_date <= date '1997-10-20') as outstanding
    from ca1994_basket_ledger
    where clause_id like 'ca-1994/9.2.2%'
    group by clause_id, basket
    having count(*) filter (where entry_date <= date '1997-10-20') > 0
),

caps as (
    select distinct clause_id, cast(json_extract_string(inputs, '$.cap.value') as decimal(38, 2)) as cap
    from ca1994_basket_ledger
),

rows_ as (
    select clause_id, entry_date as test_date, 'transaction' as test_kind, transaction_id, usage_after as actual,
        capacity as threshold, amount
    from ca1994_basket_ledger
    where amount > 0
    union all
    select r.clause_id, date '1997-10-20', 'maintenance', null, r.outstanding, c.cap, null
    from restated_on as r
    join caps as c using (clause_id)
),

result_rows as (
    select
        clause_id, test_date, test_kind, transaction_id, actual,
        cast(threshold as decimal(38, 2)) as threshold,
        cast(json_object(
            'usage_after', json_object('value', actual::varchar, 'clause_id', clause_id),
            'entry_amount', json_object('value', amount::varchar, 'clause_id', clause_id)
        ) as varchar) as inputs,
        cast(to_json(case when threshold is null then [
            clause_id || ' as in force on ' || test_date || ': the text before the available amendment (Eleventh Amendment of October 20, 1997 for 9.2.2, Thirteenth Amendment of July 20, 1998 for 9.2.3(y) and 9.2.5(u)) is not available (R-X02)'
        ] else []::varchar[] end) as varchar) as missing_inputs
    from rows_
)

select * from result_on_test_date(result_rows)
