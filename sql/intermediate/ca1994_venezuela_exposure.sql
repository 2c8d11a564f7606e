-- clause: ca-1994/def/MaximumLetterOfCreditAmount
-- clause: ca-1994/def/VenezuelaLetterOfCreditAmount
-- clause: ca-1994/2.1.3(b)
-- One row per date on which a ca-1994 Venezuela test is made (each letter of credit issued under the 1994 revolver,
-- each Venezuela Investment, each Venezuela Pledged Cash attestation) from the Thirteenth Amendment (July 20, 1998,
-- R-C10) to the petition (February 11, 2002), with the amounts the Thirteenth Amendment's caps need on that date.
with test_dates as (
    select issue_date as as_of from stg_letters_of_credit where facility_instrument_id = 'CA1994-REVOLVER'
    union
    select payment_date from stg_restricted_payments where ca1994_clause = '9.2.5(u)'
    union
    select period_end from current_attestations where subject = 'venezuela_pledged_cash'
),

in_term as (
    select as_of from test_dates where as_of between date '1998-07-20' and date '2002-02-11'
),

letters as (
    select
        d.as_of,
        coalesce(sum(l.stated_amount) filter (where d.as_of <= l.expiry_date), 0) as letter_of_credit_outstandings,
        coalesce(sum(l.stated_amount) filter (where d.as_of <= l.expiry_date and l.is_venezuela_letter_of_credit), 0)
            as venezuela_letters_of_credit,
        coalesce(sum(l.stated_amount) filter (where d.as_of <= l.expiry_date and l.is_bid_bond_related), 0)
            as bid_bond_letters_of_credit,
        min(l.issue_date) filter (where l.is_venezuela_letter_of_credit) as first_venezuela_issue,
        max(l.expiry_date) filter (where l.is_venezuela_letter_of_credit) as last_venezuela_expiry
    from in_term as d
    left join stg_letters_of_credit as l
        on l.facility_instrument_id = 'CA1994-REVOLVER' and l.issue_date <= d.as_of
    group by d.as_of
),

-- Venezuela Investments for the cap below: gross and cumulative (R-C06 default); drawings under Venezuela Letters of
-- Credit are not in the extracts.
investments as (
    select
        d.as_of,
        coalesce(sum(p.amount) filter (where p.payment_kind <> 'return_of_investment'), 0) as investments_made,
        coalesce(sum(case when p.payment_kind = 'return_of_investment' then -p.amount else p.amount end), 0)
            as investments_outstanding
    from in_term as d
    left join stg_restricted_payments as p on p.ca1994_clause = '9.2.5(u)' and p.payment_date <= d.as_of
    group by d.as_of
),

pledged_cash as (
    select
        d.as_of,
        (select cast(a.value as decimal(38, 2)) from current_attestations as a
         where a.subject = 'venezuela_pledged_cash' and a.reference_id is null and a.period_end <= d.as_of
         order by a.period_end desc limit 1) as venezuela_pledged_cash,
        (select cast(a.value as decimal(38, 2)) from current_attestations as a
         where a.subject = 'venezuela_pledged_cash' and a.reference_id = 'bid_bond' and a.period_end <= d.as_of
         order by a.period_end desc limit 1) as bid_bond_pledged_cash,
        (select min(a.period_end) from current_attestations as a
         where a.subject = 'venezuela_bid_bond_obligation_terminated' and a.value = 'true') as bid_bond_terminated_on,
        (select max(a.period_end) from current_attestations as a
         where a.subject = 'venezuela_bid_bond_obligation_terminated' and a.value = 'false') as bid_bond_not_terminated_on
    from in_term as d
),

-- Maximum Letter of Credit Amount [Thirteenth Amendment § 1.1, item C, “Maximum Letter of Credit Amount”]: "(a) if no
-- Venezuela Letter of Credit is issued, $125,000,000" (R-C04: none ever issued); "(b)(i) from and including the date of
-- issuance ... to and including the date on which the Venezuela Bid Bond Obligation is terminated, $235,000,000"; "(ii)
-- from and excluding" that date "$200,000,000"; "(iii) from and excluding the date on which all Venezuela Letters of
-- Credit have expired or terminated, $125,000,000" ((iii) takes precedence, R-C04 default).
-- The date the Venezuela Bid Bond Obligation was terminated: a `true` attestation's period_end is that date (R-C04); a
-- `false` attestation says it was not terminated as of its period_end, and stands until a later attestation says
-- otherwise (R-C60), so a test date after it and before any `true` is in (b)(i). With neither, the phase is (b)(i) or
-- (b)(ii): phase is null, and the bounds of each amount are given (the lower and the higher of the two phases).
phases as (
    select
        l.*,
        i.investments_made,
        i.investments_outstanding,
        c.venezuela_pledged_cash,
        coalesce(c.bid_bond_pledged_cash, 0) as bid_bond_pledged_cash,
        c.bid_bond_terminated_on,
        c.bid_bond_not_terminated_on,
        case
            when l.first_venezuela_issue is null then 'a'
            when l.last_venezuela_expiry < l.as_of then 'b(iii)'
            when l.as_of > c.bid_bond_terminated_on then 'b(ii)'
            -- "to and including the date on which the Venezuela Bid Bond Obligation is terminated", or not terminated
            -- as last attested (R-C60)
            when c.bid_bond_terminated_on is not null or c.bid_bond_not_terminated_on is not null then 'b(i)'
        end as phase
    from letters as l
    join investments as i using (as_of)
    join pledged_cash as c using (as_of)
),

-- the Thirteenth Amendment's amounts, each in force on the test date
amounts as (
    select
        p.*,
        -- the amount of the phase, (a) to (b)(iii)
        cast(parameter('ca-1994', case p.phase
            when 'a' then 'maximum_letter_of_credit_amount_without_venezuela'
            when 'b(i)' then 'maximum_letter_of_credit_amount_bid_bond_outstanding'
            when 'b(ii)' then 'maximum_letter_of_credit_amount_after_bid_bond'
            when 'b(iii)' then 'maximum_letter_of_credit_amount_after_venezuela_letters'
        end, p.as_of) as decimal(38, 2)) as amount_in_phase,
        cast(parameter('ca-1994', 'maximum_letter_of_credit_amount_without_venezuela', p.as_of) as decimal(38, 2)) as amount_a,
        cast(parameter('ca-1994', 'maximum_letter_of_credit_amount_bid_bond_outstanding', p.as_of) as decimal(38, 2)) as amount_b_i,
        cast(parameter('ca-1994', 'maximum_letter_of_credit_amount_after_bid_bond', p.as_of) as decimal(38, 2)) as amount_b_ii,
        cast(parameter('ca-1994', 'venezuela_investments_cap', p.as_of) as decimal(38, 2)) as venezuela_cap_base
    from phases as p
)

-- Venezuela Letter of Credit Amount [Thirteenth Amendment § 1.1, item C, “Venezuela Letter of Credit Amount”] = that
-- amount - $125,000,000. Venezuela cap [Thirteenth Amendment § 1.2 (Credit Agreement § 2.1.3(b))]: "$210,000,000 plus
-- the sum of the aggregate amount of Venezuela Pledged Cash and Venezuela Letters of Credit outstanding in respect of
-- the Venezuela Bid Bond Obligation minus the aggregate amount of all Investments (including any payment under a
-- Venezuela Letter of Credit) made" in Venezuela Aluminum Partners and/or CAVSA.
select
    * exclude (amount_in_phase, amount_a, amount_b_i, amount_b_ii, venezuela_cap_base),
    amount_in_phase as maximum_letter_of_credit_amount,
    -- "that amount - $125,000,000": the amount over the one without a Venezuela Letter of Credit
    amount_in_phase - amount_a as venezuela_letter_of_credit_amount,
    -- with the phase unknown, (b)(ii) gives the lower and (b)(i) the higher of each amount
    case when phase is null then '{"threshold": ["' || amount_b_ii || '", "' || amount_b_i || '"]}' end as maximum_letter_of_credit_amount_bounds,
    case when phase is null
        then '{"threshold": ["' || (amount_b_ii - amount_a) || '", "' || (amount_b_i - amount_a) || '"]}' end as venezuela_letter_of_credit_amount_bounds,
    cast(venezuela_letters_of_credit + venezuela_pledged_cash as decimal(38, 2)) as venezuela_exposure,
    cast(venezuela_cap_base + bid_bond_letters_of_credit + bid_bond_pledged_cash - investments_made as decimal(38, 2)) as venezuela_cap,
    list_concat(
        case when phase is null then ['attestation venezuela_bid_bond_obligation_terminated: the date the Venezuela Bid Bond Obligation was terminated decides between $235,000,000 and $200,000,000 (R-C04)'] end,
        case when venezuela_pledged_cash is null then ['attestation venezuela_pledged_cash on or before ' || as_of] end
    ) as missing_inputs
from amounts
