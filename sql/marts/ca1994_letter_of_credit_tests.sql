-- clause: ca-1994/2.1.3(b)(i)(A)
-- clause: ca-1994/2.1.3(b)(i)(B)
-- clause: ca-1994/2.1.3(b)(ii)
-- clause: ca-1994/5.1(b)(ii)
-- transactions of: letters_of_credit
-- One row per clause and letter of credit issued under the 1994 revolver from the Thirteenth Amendment on, tested after
-- giving effect to the issuance [Thirteenth Amendment § 1.2 (Credit Agreement § 2.1.3(b))].

-- While the date the Venezuela Bid Bond Obligation was terminated is not attested, (i)(A), 5.1(b)(ii) and (ii) carry
-- the bounds of their threshold (the amounts of phases (b)(ii) and (b)(i)): an issuance over the higher fails and one
-- within the lower passes whatever that date, naming the attestation as a caution; only one between the two waits for
-- it. Venezuela Pledged Cash enters (i)(B) alone; a missing attestation of it leaves (i)(B) indeterminate (it moves
-- the figure and the cap's bid-bond part together, which bounds on each alone cannot express).
with issued as (
    select l.lc_id, l.issue_date, l.is_venezuela_letter_of_credit, e.*
    from stg_letters_of_credit as l
    join ca1994_venezuela_exposure as e on e.as_of = l.issue_date
    where l.facility_instrument_id = 'CA1994-REVOLVER'
),

tests as (
    -- (i)(A): Letter of Credit Outstandings against the Maximum Letter of Credit Amount
    select 'ca-1994/2.1.3(b)(i)(A)' as clause_id, letter_of_credit_outstandings as actual,
        maximum_letter_of_credit_amount as threshold, maximum_letter_of_credit_amount_bounds as bounds,
        list_filter(missing_inputs, lambda m: m not like '%venezuela_pledged_cash%') as checked_missing, issued.*
    from issued
    union all
    -- 5.1(b)(ii) [Thirteenth Amendment § 1.4, item A (Credit Agreement § 5.1(b)(ii))] tests "the Stated Amount of such
    -- Letter of Credit plus the aggregate Letter of Credit Outstandings immediately prior" against the Maximum Letter
    -- of Credit Amount: the same figure as 2.1.3(b)(i)(A)
    select 'ca-1994/5.1(b)(ii)', letter_of_credit_outstandings, maximum_letter_of_credit_amount,
        maximum_letter_of_credit_amount_bounds,
        list_filter(missing_inputs, lambda m: m not like '%venezuela_pledged_cash%'), issued.*
    from issued
    union all
    -- (i)(B): the Venezuela Letters of Credit plus Venezuela Pledged Cash against the $210,000,000 formula (R-C05)
    select 'ca-1994/2.1.3(b)(i)(B)', venezuela_exposure, venezuela_cap, null,
        list_filter(missing_inputs, lambda m: m not like '%bid_bond_obligation_terminated%'), issued.*
    from issued
    union all
    -- (ii): for a Venezuela Letter of Credit, all Venezuela Letters of Credit against the Venezuela Letter of Credit
    -- Amount
    select 'ca-1994/2.1.3(b)(ii)', venezuela_letters_of_credit, venezuela_letter_of_credit_amount,
        venezuela_letter_of_credit_amount_bounds,
        list_filter(missing_inputs, lambda m: m not like '%venezuela_pledged_cash%'), issued.*
    from issued
    where is_venezuela_letter_of_credit
),

result_rows as (
    select
        clause_id, issue_date as test_date, 'transaction' as test_kind, lc_id as transaction_id, actual,
        cast(threshold as decimal(38, 2)) as threshold,
        cast(json_object(
            'letter_of_credit_outstandings', json_object('value', letter_of_credit_outstandings::varchar, 'clause_id', 'ca-1994/2.1.3(b)'),
            'maximum_letter_of_credit_amount', json_object('value', maximum_letter_of_credit_amount::varchar, 'clause_id', 'ca-1994/def/MaximumLetterOfCreditAmount'),
            'maximum_letter_of_credit_amount_phase', json_object('value', phase, 'clause_id', 'ca-1994/def/MaximumLetterOfCreditAmount'),
            'venezuela_bid_bond_obligation_terminated_on', json_object('value', bid_bond_terminated_on::varchar, 'clause_id', 'ca-1994/def/MaximumLetterOfCreditAmount'),
            'venezuela_bid_bond_obligation_not_terminated_as_of', json_object('value', bid_bond_not_terminated_on::varchar, 'clause_id', 'ca-1994/def/MaximumLetterOfCreditAmount'),
            'venezuela_letters_of_credit', json_object('value', venezuela_letters_of_credit::varchar, 'clause_id', 'ca-1994/def/VenezuelaLetterOfCredit'),
            'venezuela_letter_of_credit_amount', json_object('value', venezuela_letter_of_credit_amount::varchar, 'clause_id', 'ca-1994/def/VenezuelaLetterOfCreditAmount'),
            'venezuela_pledged_cash', json_object('value', venezuela_pledged_cash::varchar, 'clause_id', 'ca-1994/def/VenezuelaPledgedCash'),
            'bid_bond_letters_of_credit', json_object('value', bid_bond_letters_of_credit::varchar, 'clause_id', 'ca-1994/2.1.3(b)'),
            'bid_bond_pledged_cash', json_object('value', bid_bond_pledged_cash::varchar, 'clause_id', 'ca-1994/2.1.3(b)'),
            'venezuela_investments_made', json_object('value', investments_made::varchar, 'clause_id', 'ca-1994/2.1.3(b)')
        ) as varchar) as inputs,
        cast(to_json(coalesce(list_sort(checked_missing), []::varchar[])) as varchar) as missing_inputs,
        bounds
    from tests
)

select * from result_on_test_date(result_rows)
