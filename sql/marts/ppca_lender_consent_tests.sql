-- clause: ppca-2002/12.1(vii)
-- transactions of: none
-- 12.1(vii): one row per request of subject ppe_subcomponent_reduction, on its request date, with the consenting
-- Lenders' share as numerator / denominator (compared exactly, R-P16).

-- 12.1(vii) [Sixth Amendment § 1.6 (Credit Agreement § 12.1)]: no amendment, waiver or consent shall "modify clause (c)
-- of the definition of "Borrowing Base" in such a manner as to eliminate or reduce the amount of any required
-- reduction in the PPE Subcomponent with respect to any particular Asset Disposition" and "be effective without the
-- consent of the Lenders holding at least 86% of the then aggregate outstanding principal amount of the Revolving
-- Credit Outstandings or, if no such principal amount is then outstanding, Lenders having at least 86% of the Revolving
-- Commitments". The share is of the outstanding principal the rows give, or of the Revolving Commitments in the
-- register on that date when that principal is zero (R-P71: the principal of Revolving Credit Outstandings as the
-- Lenders' rows give it, letters of credit outside it).
with requests as (
    select * from consent_requests(stg_lender_consents, 'ppe_subcomponent_reduction')
),

tally as (
    select
        r.request_id,
        r.request_date,
        r.dates,
        coalesce(sum(s.outstanding_principal), 0) as principal,
        coalesce(sum(s.outstanding_principal) filter (where s.consented), 0) as consenting_principal,
        list(s._row order by s._row) as consent_rows
    from requests as r
    join stg_lender_consents as s on s.request_id = r.request_id
    group by r.request_id, r.request_date, r.dates
),

commitments as (
    select
        t.request_id,
        coalesce(sum(c.commitment_cents), 0) as commitment_cents,
        coalesce(sum(c.commitment_cents) filter (
            where exists (select 1 from stg_lender_consents as s
                          where s.request_id = t.request_id and s.lender_id = c.lender_id and s.consented)), 0)
            as consenting_commitment_cents,
        list(c.lender_name order by c.lender_name) filter (
            where not exists (select 1 from stg_lender_consents as s where s.request_id = t.request_id and s.lender_id = c.lender_id))
            as without_row
    from tally as t
    left join ppca_lender_commitments as c on c.as_of = t.request_date
    group by t.request_id
),

-- A Lender with a commitment that day and no row has not consented, but what it held is not known: the share is then
-- at most the consenting Lenders' part of what is known (with principal outstanding, more held by the missing Lender
-- only lowers it; with none known, either nothing is outstanding and the commitments count, or the missing Lender holds
-- all of it and the share is 0), and at least 0: the bounds the engine compares with 86% (a share short of it even so
-- fails whatever the missing Lender held).
shares as (
    select
        t.*,
        c.commitment_cents,
        c.consenting_commitment_cents,
        coalesce(c.without_row, []) as without_row,
        t.principal > 0 as on_principal
    from tally as t
    join commitments as c using (request_id)
)

select
    'ppca-2002/12.1(vii)' as clause_id,
    request_date as test_date,
    'transaction' as test_kind,
    request_id as transaction_id,
    request_date as period_start,
    request_date as period_end,
    cast(case when len(without_row) = 0 then
        case when on_principal then consenting_principal else consenting_commitment_cents / 100 end
    end as decimal(38, 2)) as numerator,
    cast(case when len(without_row) = 0 then
        case when on_principal then principal else commitment_cents / 100 end
    end as decimal(38, 10)) as denominator,
    1 as denominator_divisor,
    cast(json_object(
        'basis', json_object('value', case when on_principal then 'outstanding principal of Revolving Credit Outstandings' else 'Revolving Commitments' end,
            'clause_id', 'ppca-2002/12.1(vii)'),
        'consenting_outstanding_principal', json_object('value', consenting_principal::varchar, 'clause_id', 'ppca-2002/12.1(vii)'),
        'outstanding_principal', json_object('value', principal::varchar, 'clause_id', 'ppca-2002/12.1(vii)'),
        'consenting_revolving_commitments', json_object('value', cast(consenting_commitment_cents / 100 as decimal(38, 2))::varchar, 'clause_id', 'ppca-2002/2.1.1(b)'),
        'revolving_commitments', json_object('value', cast(commitment_cents / 100 as decimal(38, 2))::varchar, 'clause_id', 'ppca-2002/2.1.1(b)'),
        'consents', json_object('value', len(consent_rows)::varchar, 'clause_id', 'ppca-2002/12.1(vii)',
            'rows', 'lender_consents rows ' || array_to_string(consent_rows, ', '))
    ) as varchar) as inputs,
    cast(to_json(list_concat(
        list_transform(without_row, lambda n: 'the consent and outstanding principal of ' || n || ', a Lender on ' || request_date || ' (no lender_consents row)'),
        case when dates > 1 then ['the rows of request ' || request_id || ' give different dates'] else [] end,
        case when commitment_cents = 0 and not on_principal then ['the register of Lenders (lenders) on ' || request_date] else [] end
    )) as varchar) as missing_inputs,
    case when len(without_row) > 0 and dates = 1 and (on_principal or commitment_cents > 0) then
        '{"actual": ["0", "' || case when on_principal
            then cast(consenting_principal * 100 as hugeint) || '/' || cast(principal * 100 as hugeint)
            else consenting_commitment_cents || '/' || commitment_cents end || '"]}'
    end as bounds
from shares
