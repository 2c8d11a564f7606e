-- clause: indenture-1996/def/UnrestrictedSubsidiaryInvestmentsOutstanding
-- clause: indenture-1996/4.09-designation
-- clause: indenture-1996/4.09(a)(C)
-- Unrestricted Subsidiary Investments Outstanding, per Unrestricted Subsidiary, basket and ledger entry.

-- The investment deemed made on designating a Subsidiary Unrestricted (4.09-designation, the greater of net book value
-- and Fair Market Value [Indenture § 4.09]) is recorded as an unrestricted_subsidiary_investment row on the designation
-- date.
with entries as (
    select
        unrestricted_subsidiary_id,
        basket,
        transaction_id,
        payment_date as entry_date,
        case when item_kind = 'unrestricted_subsidiary_investment' then amount else 0 end as investment,
        -- (ii) dividends, distributions, repayments and "any other reduction ... received ... by the Company or a
        -- Subsidiary ... that is a Subsidiary Guarantor in cash or Cash Equivalents"
        -- [Indenture § 1.01, “Unrestricted Subsidiary Investments Outstanding” (i)-(ii)]: a return in property reduces
        -- nothing
        case when item_kind = 'unrestricted_subsidiary_return' and coalesce(investment_form, 'cash') = 'cash'
            and received_by_company_or_guarantor then amount else 0 end as cash_returned,
        -- "and any reductions ... of the kind referred to in clauses (iii) through (vi) of the definition of Unrestricted
        -- Subsidiary Investment" [Indenture § 1.01, “Unrestricted Subsidiary Investments Outstanding” (ii)] (a
        -- guarantee or credit support released, a liability discharged): no receipt by anyone is required
        case when item_kind = 'unrestricted_subsidiary_return' and investment_form in ('guarantee', 'liability_assumed')
            then amount else 0 end as other_reduction
    from restricted_payment_items
    where item_kind in ('unrestricted_subsidiary_investment', 'unrestricted_subsidiary_return')
        and unrestricted_subsidiary_id is not null
        -- "after the date hereof" (December 23, 1996)
        and payment_date > date '1996-12-23'
),

-- Kept per basket (the basket of the investment each return names) because 4.09(b)(VIII)(z) counts only the USIO "made
-- pursuant to this clause (VIII)" [Indenture § 4.09(b)(VIII)(z)]; with one basket per Unrestricted Subsidiary this is
-- the literal per-subsidiary figure.
running as (
    select
        *,
        sum(investment) over w as investments_to_date,
        sum(cash_returned + other_reduction) over w as returned_to_date
    from entries
    window w as (
        partition by unrestricted_subsidiary_id, basket order by entry_date, transaction_id
        rows between unbounded preceding and current row
    )
),

-- "the amount, if any, by which (i) the sum of all Unrestricted Subsidiary Investments theretofore made ... after the
-- date hereof, exceeds (ii) the amount of all dividends and distributions received ... by the Company or a Subsidiary
-- ... that is a Subsidiary Guarantor ... in cash" [Indenture § 1.01, “Unrestricted Subsidiary Investments Outstanding”]
-- and the reductions of kinds (iii)-(vi) [Indenture § 1.01, “Unrestricted Subsidiary Investments Outstanding” (ii)],
-- "shall at no time be a negative amount" [Indenture § 1.01, “Unrestricted Subsidiary Investments Outstanding” (ii)].
outstanding as (
    select
        *,
        greatest(0, investments_to_date - returned_to_date) as usio_after,
        greatest(0, (investments_to_date - investment) - (returned_to_date - cash_returned - other_reduction)) as usio_before
    from running
)

-- excess_distribution is the part of a cash return "not required to reduce the amount of the Unrestricted Subsidiary
-- Investments Outstanding ... to zero", half of which 4.09(a)(C)(III) adds [Indenture § 4.09(a)(C)(II)-(III)].
select
    unrestricted_subsidiary_id,
    basket,
    entry_date,
    transaction_id,
    cast(investment as decimal(38, 2)) as investment,
    cast(cash_returned as decimal(38, 2)) as cash_returned,
    cast(usio_before as decimal(38, 2)) as usio_before,
    cast(usio_after as decimal(38, 2)) as usio_after,
    cast(usio_after - usio_before as decimal(38, 2)) as usio_change,
    cast(other_reduction as decimal(38, 2)) as other_reduction,
    -- only cash can be an excess distribution (4.09(a)(C)(III) counts cash "received"); a row is one form, cash or not
    cast(case when cash_returned > 0 then cash_returned - (usio_before - usio_after) else 0 end as decimal(38, 2)) as excess_distribution
from outstanding
