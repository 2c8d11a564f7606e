-- clause: indenture-1996/4.10(b)(xii)
-- clause: indenture-1996/def/PermittedIndebtedness
-- clause: indenture-1996/def/PreferredDividendIntercompanyNotes
-- transactions of: incurrences, letters_of_credit, sale_leasebacks
-- Permitted Indebtedness, 4.10(b)(xii) "Permitted Indebtedness" [Indenture § 4.10(b)(xii)], tested on each increase in
-- the debt classified there (indebtedness_basket_movements, from the Indenture's date, December 23, 1996).
-- Redeemable Stock counts as Indebtedness here as everywhere ((b): "Indebtedness (including Redeemable Stock)").
with movements as (
    select
        m.*,
        i.issue_date,
        i.maturity_date,
        i.related_disposition_id
    from indebtedness_basket_movements as m
    left join stg_debt_instruments as i on i.instrument_id = m.instrument_id
    where m.basket = '4.10(b)(xii)' and m.entry_date >= date '1996-12-23'
),

-- 4.10(b)(xii): the amount of the increase that no clause (a)-(j) of the definition [Indenture § 1.01, “Permitted
-- Indebtedness”] permits, <= 0 (a yes/no rule as an amount). An unknown clause is a missing input (indeterminate, never
-- pass). Out of line: (a) debt "existing on the date of this Indenture" [Indenture § 1.01, “Permitted Indebtedness” (a)]
-- issued after December 23, 1996; (j)(ii) a Preferred Dividend Intercompany Note with "a term ... in excess of five
-- years from the date of issuance" [Indenture § 1.01, “Preferred Dividend Intercompany Notes” (i)-(ii)]. The other
-- clauses' conditions (ordinary course, captive insurer, before the merger of the Company and KAC, ...) have no data and
-- are taken from the classification.
classification_rows as (
    select
        'indenture-1996/4.10(b)(xii)' as clause_id,
        entry_date as test_date,
        transaction_id,
        case
            when permitted_indebtedness_clause is null then amount
            when permitted_indebtedness_clause = 'a' and entry_kind <> 'letter_of_credit_issued' and issue_date > date '1996-12-23' then amount
            when permitted_indebtedness_clause = 'a' and entry_kind = 'letter_of_credit_issued' and entry_date > date '1996-12-23' then amount
            when permitted_indebtedness_clause = 'j-ii' and maturity_date > cast(issue_date + interval 5 year as date) then amount
            else 0
        end as actual,
        cast(0 as decimal(38, 2)) as threshold,
        json_object(
            'amount', json_object('value', cast(amount as varchar), 'clause_id', 'indenture-1996/4.10(b)(xii)'),
            'permitted_indebtedness_clause', json_object('value', permitted_indebtedness_clause, 'clause_id', 'indenture-1996/def/PermittedIndebtedness'),
            'entry_kind', json_object('value', entry_kind, 'clause_id', 'indenture-1996/4.10(b)(xii)'),
            'issue_date', json_object('value', cast(issue_date as varchar), 'clause_id', 'indenture-1996/def/PermittedIndebtedness'),
            'maturity_date', json_object('value', cast(maturity_date as varchar), 'clause_id', 'indenture-1996/def/PreferredDividendIntercompanyNotes')
        )::varchar as inputs,
        case when permitted_indebtedness_clause is null
            then ['permitted_indebtedness_clause of ' || coalesce(instrument_id, transaction_id)
                || ' (which clause (a)-(j) of Permitted Indebtedness it is, 4.10(b)(xii))'] end as missing_inputs
    from movements
    where amount > 0
),

-- def/PermittedIndebtedness(h) and def/PreferredDividendIntercompanyNotes(ii): usage after the increase against the
-- $20,000,000 / $50,000,000 "at any one time outstanding" (permitted_indebtedness_basket_ledger), "not to exceed": <=
cap_rows as (
    select
        l.clause_id,
        l.entry_date as test_date,
        l.transaction_id,
        l.usage_after as actual,
        l.capacity as threshold,
        json_object(
            'amount', json_object('value', cast(l.amount as varchar), 'clause_id', l.clause_id),
            'usage_before', json_object('value', cast(l.usage_after - l.amount as varchar), 'clause_id', l.clause_id),
            'capacity', json_object('value', cast(l.capacity as varchar), 'clause_id', l.clause_id),
            'measure', json_object('value', l.measure, 'clause_id', l.clause_id)
        )::varchar as inputs,
        cast(null as varchar[]) as missing_inputs
    from permitted_indebtedness_basket_ledger as l
    where l.amount > 0 and l.entry_date >= date '1996-12-23'
),

-- def/PermittedIndebtedness(d): the indemnities and guarantees given on a disposition of assets, outstanding after the
-- increase, against "the amount of the net proceeds of such disposition" [Indenture § 1.01, “Permitted Indebtedness”
-- (d)], read as the Net Cash Proceeds received from it by the test date (net_cash_proceeds; the definition's lower-case
-- "net proceeds" is not defined, so this is a reading); no related_disposition_id is a missing input.
disposition_items as (
    select
        *,
        sum(amount) over (partition by instrument_id order by entry_date, entry_order, transaction_id rows unbounded preceding) as outstanding
    from movements
    where permitted_indebtedness_clause = 'd'
),

disposition_rows as (
    select
        'indenture-1996/def/PermittedIndebtedness(d)' as clause_id,
        d.entry_date as test_date,
        d.transaction_id,
        d.outstanding as actual,
        p.net_proceeds as threshold,
        json_object(
            'indemnities_and_guarantees_outstanding', json_object('value', cast(d.outstanding as varchar), 'clause_id', 'indenture-1996/def/PermittedIndebtedness'),
            'disposition', json_object('value', d.related_disposition_id, 'clause_id', 'indenture-1996/def/PermittedIndebtedness'),
            'net_proceeds_of_the_disposition', json_object('value', cast(p.net_proceeds as varchar), 'clause_id', 'indenture-1996/def/NetCashProceeds')
        )::varchar as inputs,
        list_concat(
            case when d.related_disposition_id is null
                then ['related_disposition_id of ' || d.instrument_id || ' (the disposition of assets Permitted Indebtedness (d) was given on)'] end,
            case when d.related_disposition_id is not null and p.net_proceeds is null
                then ['Net Cash Proceeds of ' || d.related_disposition_id || ' received by ' || d.entry_date] end,
            p.missing_inputs
        ) as missing_inputs
    from disposition_items as d
    left join lateral (
        select
            sum(n.net_cash_proceeds) as net_proceeds,
            flatten(list(n.missing_inputs order by n.receipt_date, n.receipt_id) filter (where n.missing_inputs is not null)) as missing_inputs
        from net_cash_proceeds as n
        where n.transaction_id = d.related_disposition_id and n.receipt_date <= d.entry_date
    ) as p on true
    where d.amount > 0
),

result_rows as (
    select
        clause_id, test_date, 'transaction' as test_kind, transaction_id, actual, inputs,
        to_json(coalesce(missing_inputs, []::varchar[]))::varchar as missing_inputs, cast(threshold as decimal(38, 2)) as threshold
    from (select * from classification_rows union all select * from cap_rows union all select * from disposition_rows) as tested
)

select * from result_on_test_date(result_rows)
