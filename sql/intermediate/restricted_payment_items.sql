-- clause: indenture-1996/4.09(a)
-- clause: indenture-1996/def/RestrictedInvestment
-- clause: indenture-1996/def/UnrestrictedSubsidiaryInvestment
-- Each row of the restricted-payments extract classified as 4.09 counts it: a Restricted Payment ((i) dividends, (ii)
-- stock repurchases, (iii) voluntary subordinated-debt retirements [Indenture § 4.09(a)]), a Restricted Investment, an
-- Unrestricted Subsidiary Investment, or a return of one of these.

-- The amount counted (R-I65): cash as paid; "if paid or returned in property other than in cash or a sum certain
-- guaranteed, to be the Fair Market Value of such property" [Indenture § 4.09(a)(C)]; the investments deemed made on
-- designating an Unrestricted Subsidiary "in an amount equal to the greater of (A) the net book value of such
-- Unrestricted Subsidiary Investments at the time of such designation and (B) the Fair Market Value" [Indenture § 4.09,
-- last paragraph]. The extract's amount is kept as recorded_amount.
with payments as (
    select
        * replace (
            case investment_form
                when 'property' then fair_market_value
                when 'designation' then greatest(net_book_value, fair_market_value)
                else amount
            end as amount
        ),
        amount as recorded_amount
    from stg_restricted_payments
),

-- A return names the investment it returns and counts under that investment's basket.
returns_matched as (
    select
        r.transaction_id,
        i.transaction_id as investment_id,
        i.payment_kind as investment_kind,
        i.basket as investment_basket,
        i.recipient_kind as investment_recipient_kind,
        i.amount as investment_amount,
        coalesce(r.unrestricted_subsidiary_id, i.unrestricted_subsidiary_id) as unrestricted_subsidiary_id,
        r.payment_date,
        r.investment_form as return_form,
        i.investment_form,
        r.amount
    from payments as r
    join payments as i on i.transaction_id = r.returns_transaction_id
    where r.payment_kind = 'return_of_investment'
),

-- A Restricted Investment is reduced by "(1) such Restricted Investments returned in cash, or in property if made in
-- property, (2) any guarantee that constitutes a Restricted Investment, to the extent it has been released, and (3) any
-- direct liabilities or obligations to be assumed or discharged ... without recourse" [Indenture § 4.09(a)(C)]
-- (investment_form): a return in property reduces only an investment made in property, a release only an investment
-- that was a guarantee; anything else reduces nothing (return_qualifies false). Returns of Unrestricted Subsidiary
-- Investments follow USIO's own definition, whatever their form.
returns_qualified as (
    select
        *,
        investment_kind <> 'restricted_investment'
            or return_form in ('cash', 'liability_assumed')
            or (return_form = 'property' and investment_form = 'property')
            or (return_form = 'guarantee' and investment_form = 'guarantee') as return_qualifies
    from returns_matched
),

returns_to_date as (
    select
        *,
        sum(case when return_qualifies then amount else 0 end) over (
            partition by investment_id order by payment_date, transaction_id
            rows between unbounded preceding and current row
        ) as returned_to_date,
        case when return_qualifies then amount else 0 end as qualifying_amount
    from returns_qualified
),

-- A Restricted Investment's returns reduce it at most to zero (the cumulative qualifying return is capped at the amount
-- invested).
returns_reducing as (
    select
        *,
        -- a Restricted Investment is reduced at most to zero; an Unrestricted Subsidiary's returns go to USIO, which
        -- has its own floor and the 4.09(a)(C)(III) excess
        case
            when investment_kind = 'restricted_investment'
                then least(returned_to_date, investment_amount) - least(returned_to_date - qualifying_amount, investment_amount)
            else amount
        end as reduction
    from returns_to_date
),

receivers as (
    select
        p.transaction_id,
        -- USIO and 4.09(a)(C)(III) count cash "received ... by the Company or a Subsidiary ... that is a Subsidiary
        -- Guarantor" [Indenture § 1.01, “Unrestricted Subsidiary Investments Outstanding” (ii); § 4.09(a)(C)(II)]
        coalesce(bool_or(e.role = 'company' or e.is_subsidiary_guarantor), false) as received_by_company_or_guarantor
    from payments as p
    left join stg_entities as e
        on e.entity_id = p.payer_entity_id
        and e.valid_from <= p.payment_date
        and (e.valid_to is null or p.payment_date <= e.valid_to)
    group by p.transaction_id
)

-- Payments "to or in MAXXAM or any Affiliate of MAXXAM" [Indenture § 4.09(a), proviso] include those to KAC (MAXXAM
-- controls KAC); the KAC pass-through counts when KAC paid it on to non-MAXXAM holders "within thirty days thereafter"
-- [Indenture § 4.09(a), proviso] (days 0 to 30 after the payment, R-I23).
select
    p.transaction_id,
    p.payment_date,
    p.payer_entity_id,
    p.payment_kind,
    case
        when p.payment_kind in ('dividend', 'stock_repurchase', 'subordinated_debt_retirement') then 'restricted_payment'
        when p.payment_kind = 'restricted_investment' then 'restricted_investment'
        when p.payment_kind = 'unrestricted_subsidiary_investment' then 'unrestricted_subsidiary_investment'
        when rr.investment_kind = 'restricted_investment' then 'restricted_investment_return'
        when rr.investment_kind = 'unrestricted_subsidiary_investment' then 'unrestricted_subsidiary_return'
        else 'unmatched_return'
    end as item_kind,
    coalesce(rr.investment_recipient_kind, p.recipient_kind) as recipient_kind,
    coalesce(rr.investment_recipient_kind, p.recipient_kind) in ('kac', 'maxxam', 'maxxam_affiliate') as is_maxxam_related,
    p.amount,
    case when p.payment_kind = 'return_of_investment' then -coalesce(rr.reduction, 0) else p.amount end as signed_amount,
    p.basket as named_basket,
    coalesce(rr.investment_basket, p.basket) as basket,
    coalesce(rr.investment_basket, p.basket) in ('4.09(a)', '4.09(b)(I)', '4.09(b)(VIII)') as reduces_4_09_a,
    p.declared_on,
    coalesce(rr.unrestricted_subsidiary_id, p.unrestricted_subsidiary_id) as unrestricted_subsidiary_id,
    rr.investment_id as returns_transaction_id,
    p.investment_form,
    p.recorded_amount,
    p.net_book_value,
    p.fair_market_value,
    rr.return_qualifies,
    rc.received_by_company_or_guarantor,
    cast(
        case
            when p.recipient_kind = 'kac' and p.payment_kind <> 'return_of_investment'
                and p.kac_pass_through_date between p.payment_date and p.payment_date + 30
                then least(p.amount, coalesce(p.kac_pass_through_amount, 0))
            else 0
        end as decimal(38, 2)
    ) as kac_pass_through_counted,
    p.description,
    case
        when p.payment_kind = 'return_of_investment' and rr.investment_id is null
            then ['the investment returned by ' || p.transaction_id || ' (returns_transaction_id names no investment)']
        when p.payment_kind = 'unrestricted_subsidiary_investment' and p.unrestricted_subsidiary_id is null
            then ['the Unrestricted Subsidiary of ' || p.transaction_id || ' (unrestricted_subsidiary_id)']
        when p.investment_form = 'designation' and p.payment_kind <> 'unrestricted_subsidiary_investment'
            then ['the kind of ' || p.transaction_id || ': only an unrestricted_subsidiary_investment is deemed made on a designation']
        else []::varchar[]
    end as missing_inputs
from payments as p
left join returns_reducing as rr on rr.transaction_id = p.transaction_id
left join receivers as rc on rc.transaction_id = p.transaction_id
