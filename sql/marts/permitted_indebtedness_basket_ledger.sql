-- clause: indenture-1996/def/PermittedIndebtedness
-- clause: indenture-1996/def/PreferredDividendIntercompanyNotes
-- clause: indenture-1996/4.10(b)(xii)
-- transactions of: incurrences, letters_of_credit, sale_leasebacks
-- The two capped kinds of Permitted Indebtedness (4.10(b)(xii)) as "at any one time outstanding" ledgers, one row per
-- movement of the debt classified in them (indebtedness_basket_movements, 4.10(b)(xii) with its clause).
with movements as (
    select * from indebtedness_basket_movements
    where basket = '4.10(b)(xii)' and permitted_indebtedness_clause in ('h', 'j-ii')
),

-- (h) "Indebtedness of the Company and its captive wholly owned insurance Subsidiaries in respect of letters of credit
--     in an aggregate amount not to exceed at any one time outstanding $20,000,000 issued ... in support of certain
--     self-insurance and reinsurance obligations" [Indenture § 1.01, “Permitted Indebtedness” (g)-(h)]: letters of
--     credit (and facilities) classified h;
-- (j) Preferred Dividend Intercompany Notes of clause (ii) of that definition: "the aggregate amount of all such
--     intercompany notes referred to in this clause (ii) shall not exceed $50,000,000 at any one time outstanding"
--     [Indenture § 1.01, “Preferred Dividend Intercompany Notes” (ii)]: instruments classified j-ii. The PRIDES note
--     of clause (i) (j-i) has no cap.
classified as (
    select
        c.clause_id,
        c.basket,
        cast(parameter('indenture-1996', c.cap_parameter, greatest(m.entry_date, date '1996-12-23')) as decimal(38, 2)) as cap,
        m.*
    from movements as m
    join (values
        ('indenture-1996/def/PermittedIndebtedness(h)', 'Self-insurance and reinsurance letters of credit', 'h', 'self_insurance_letters_of_credit_cap'),
        ('indenture-1996/def/PreferredDividendIntercompanyNotes(ii)', 'Preferred Dividend Intercompany Notes (ii)', 'j-ii',
            'preferred_dividend_intercompany_notes_cap')
    ) as c (clause_id, basket, permitted_indebtedness_clause, cap_parameter) on c.permitted_indebtedness_clause = m.permitted_indebtedness_clause
),

ledger as (
    select
        *,
        sum(amount) over (partition by clause_id order by entry_date, entry_order, transaction_id rows unbounded preceding) as running
    from classified
),

ledger_rows as (
    select
        clause_id, basket, 'at_any_one_time_outstanding' as measure, entry_date, transaction_id, description,
        amount, running as usage_after, cap as capacity,
        json_object(
            'entry_kind', entry_kind,
            'obligor_entity_id', obligor_entity_id,
            'instrument_id', instrument_id,
            'permitted_indebtedness_clause', permitted_indebtedness_clause
        )::varchar as inputs
    from ledger
    order by clause_id, entry_date, entry_order, transaction_id
)

select * from basket_ledger_rows(ledger_rows)
