-- clause: ppca-2002/amend6/effectiveness(c)
-- clause: ppca-2002/amend6/effectiveness(a)
-- transactions of: none
-- The Sixth Amendment's conditions of effectiveness (a) and (c), both tested on the effective date the results take,
-- 2003-08-01 (R-P01), (a) on the date of its request if the signatures are recorded as one.

-- The Sixth Amendment "shall be effective only if and when (a) this Amendment has been signed by, and when counterparts
-- hereof shall have been delivered to the Agent ... by, the Parent Guarantor, the Company and all Lenders ... (c) the
-- Company has paid to the Agent, for the ratable benefit of the Lenders, an amendment fee equal to .008 times the
-- Revolving Commitment Amount (after giving effect to this Amendment)" [Sixth Amendment § 3].
with effective as (
    select date '2003-08-01' as as_of
),

-- (c): the Revolving Commitment Amount after the amendment is the sum of the register's commitments on 2003-08-01
-- (Schedule A: $285,000,000); with no Lender in the register, the amount 2.1.1(b)(x) states (parameter
-- revolving_commitment_amount, a documented default).
commitments as (
    select
        e.as_of,
        coalesce(
            (select any_value(c.revolving_commitment_amount) from ppca_lender_commitments as c where c.as_of = e.as_of),
            cast(parameter('ppca-2002', 'revolving_commitment_amount', e.as_of) as decimal(38, 2))
        ) as revolving_commitment_amount,
        exists(select 1 from ppca_lender_commitments as c where c.as_of = e.as_of) as from_register,
        cast(parameter('ppca-2002', 'sixth_amendment_fee_rate', e.as_of) as decimal(38, 6)) as fee_rate,
        (select sum(f.amount) from stg_lender_fees as f where f.fee_kind = 'sixth_amendment_fee' and f.paid_on <= e.as_of) as fee_paid,
        (select list(f._row order by f._row) from stg_lender_fees as f where f.fee_kind = 'sixth_amendment_fee') as fee_rows,
        -- one input per Lender, in the order of their names
        (select '{' || string_agg(to_json('amendment_fee_share: ' || c.lender_name) || ':' || json_object(
                'value', round(c.revolving_commitment * parameter('ppca-2002', 'sixth_amendment_fee_rate', e.as_of)::decimal(38, 6), 2)::varchar,
                'clause_id', 'ppca-2002/amend6/effectiveness(c)',
                'revolving_commitment', c.revolving_commitment::varchar,
                'commitment_share', c.commitment_share::varchar,
                'rows', 'lenders row ' || c._row), ',' order by c.lender_name) || '}'
         from ppca_lender_commitments as c
         where c.as_of = e.as_of) as lender_shares
    from effective as e
),

-- (c): Fee = the rate (parameter sixth_amendment_fee_rate, .008) x that amount, to the cent; each Lender's ratable share
-- = the rate x its own commitment, to the cent (R-P70), in the inputs. Figure: the sixth_amendment_fee payments made on
-- or before 2003-08-01; none at all is a missing input (a later payment is counted as not made by then: the amendment
-- would take effect on the later day).
fee as (
    select
        'ppca-2002/amend6/effectiveness(c)' as clause_id,
        as_of as test_date,
        cast(null as varchar) as transaction_id,
        cast(coalesce(fee_paid, 0) as decimal(38, 2)) as actual,
        cast(round(fee_rate * revolving_commitment_amount, 2) as decimal(38, 2)) as threshold,
        json_merge_patch(json_object(
            'revolving_commitment_amount', json_object('value', revolving_commitment_amount::varchar, 'clause_id', 'ppca-2002/2.1.1(b)',
                'source', case when from_register then 'the register of Lenders (lenders)' else 'parameter revolving_commitment_amount (no Lender in the register)' end),
            'amendment_fee_rate', json_object('value', fee_rate::varchar, 'clause_id', 'ppca-2002/amend6/effectiveness(c)'),
            'amendment_fee', json_object('value', round(fee_rate * revolving_commitment_amount, 2)::varchar, 'clause_id', 'ppca-2002/amend6/effectiveness(c)'),
            'amendment_fee_paid', json_object('value', coalesce(fee_paid, 0)::varchar, 'clause_id', 'ppca-2002/amend6/effectiveness(c)',
                'rows', 'lender_fees rows ' || coalesce(array_to_string(fee_rows, ', '), 'none'))
        ), coalesce(lender_shares, '{}')) as inputs,
        case when fee_rows is null then ['the payment of the amendment fee (lender_fees, fee_kind sixth_amendment_fee)'] else [] end
            as missing_inputs
    from commitments
),

-- (a): each Lender with a Revolving Commitment on the request date must have signed; the figure is the number that did
-- not (a Lender with no row has not signed), which must be 0. No request of subject sixth_amendment, or no Lender in the
-- register on its date, is a missing input.
signature_requests as (
    select * from consent_requests(stg_lender_consents, 'sixth_amendment')
),

signatures as (
    select
        coalesce(r.request_date, e.as_of) as test_date,
        r.request_id,
        r.dates,
        (select count(*) from ppca_lender_commitments as c where c.as_of = r.request_date) as lenders,
        (select count(*) from ppca_lender_commitments as c
         where c.as_of = r.request_date
            and not exists (select 1 from stg_lender_consents as s
                            where s.request_id = r.request_id and s.lender_id = c.lender_id and s.consented)) as not_signed,
        (select list(c.lender_name order by c.lender_name) from ppca_lender_commitments as c
         where c.as_of = r.request_date
            and not exists (select 1 from stg_lender_consents as s
                            where s.request_id = r.request_id and s.lender_id = c.lender_id and s.consented)) as not_signed_names
    from effective as e
    left join signature_requests as r on true
),

signed as (
    select
        'ppca-2002/amend6/effectiveness(a)' as clause_id,
        test_date,
        request_id as transaction_id,
        cast(not_signed as decimal(38, 2)) as actual,
        cast(null as decimal(38, 2)) as threshold,
        json_object(
            'lenders', json_object('value', lenders::varchar, 'clause_id', 'ppca-2002/amend6/effectiveness(a)'),
            'lenders_not_signed', json_object('value', coalesce(array_to_string(not_signed_names, '; '), ''), 'clause_id', 'ppca-2002/amend6/effectiveness(a)')
        ) as inputs,
        case
            when request_id is null then ['the Lenders'' signatures of the Sixth Amendment (lender_consents, subject sixth_amendment)']
            when dates > 1 then ['the rows of request ' || request_id || ' give different dates']
            when lenders = 0 then ['the register of Lenders (lenders) on ' || test_date]
            else []
        end as missing_inputs
    from signatures
),

tests as (
    select * from fee
    union all
    select * from signed
),

result_rows as (
    select
        clause_id, test_date, 'maintenance' as test_kind, transaction_id, actual,
        threshold,
        cast(inputs as varchar) as inputs,
        cast(to_json(missing_inputs) as varchar) as missing_inputs
    from tests
)

select * from result_on_test_date(result_rows)
