-- clause: ca-1994/9.2.2(b)(i)(B)/conditions
-- clause: ca-1994/9.2.2(b)(i)(C)/conditions
-- clause: ca-1994/9.2.2(b)(i)(D)/conditions
-- transactions of: incurrences
-- The conditions 9.2.2(b)(i) as restated by the Eleventh Amendment
-- [Eleventh Amendment § 1.3, item D (Credit Agreement § 9.2.2(b)(i))] puts on each basket, per incurrence: the number
-- of conditions not met (tested <= 0).

-- (B) New Senior Debt: "(2) ... unsecured; (3) ... issued on or prior to February 1, 1997; (4) ... does not mature prior
-- to February 15, 2002"; (C) Additional New Senior Debt: the same with "March 1, 1997"; (D) New Subordinated Debt: "(2)
-- ... unsecured; (3) ... does not mature prior to 2004" (final maturity on or after January 1, 2004, R-C08).
-- Conditions (B)(5), (C)(5) and (D)(5) (the indenture substantially in the required form; changes approved by the Agent
-- in its sole discretion) are counsel's: without the attestation ca1994_indenture_form_confirmed the result is
-- indeterminate and requires legal review.
with incurred as (
    select
        i.transaction_id,
        i.incurrence_date,
        i.instrument_id,
        i.amount,
        i.proceeds_applied_amount,
        i.premium_and_fees,
        d.ca1994_debt_class,
        d.is_secured,
        d.maturity_date,
        coalesce(applied.ca1994_debt_class = 'subordinated_debt', false) as applied_to_subordinated_debt,
        case d.ca1994_debt_class
            when 'new_senior_debt' then 'ca-1994/9.2.2(b)(i)(B)/conditions'
            when 'additional_new_senior_debt' then 'ca-1994/9.2.2(b)(i)(C)/conditions'
            else 'ca-1994/9.2.2(b)(i)(D)/conditions'
        end as clause_id,
        case d.ca1994_debt_class
            when 'new_senior_debt' then date '1997-02-01' when 'additional_new_senior_debt' then date '1997-03-01'
        end as issued_by,
        case d.ca1994_debt_class when 'new_subordinated_debt' then date '2004-01-01' else date '2002-02-15' end as matures_from,
        (select cast(a.value as decimal(38, 2)) from current_attestations as a
         where a.subject = 'new_subordinated_debt_issue_costs' and a.reference_id = i.transaction_id
         order by a.period_end desc limit 1) as issue_costs,
        (select a.value from current_attestations as a
         where a.subject = 'ca1994_indenture_form_confirmed' and a.reference_id = i.instrument_id
         order by a.period_end desc limit 1) as form_confirmed
    from stg_incurrences as i
    join stg_debt_instruments as d on d.instrument_id = i.instrument_id
    left join stg_debt_instruments as applied on applied.instrument_id = i.proceeds_applied_to_instrument_id
    where d.ca1994_debt_class in ('new_senior_debt', 'additional_new_senior_debt', 'new_subordinated_debt')
),

-- (D) "(4) the proceeds thereof, net of reasonable costs and expenses ... are applied to redeem, retire, repurchase or
-- defease the Subordinated Notes ... (including premium ...)" (what is applied to Subordinated Debt, principal plus
-- premium, at least the net proceeds; costs attested). The premium is the incurrence's premium_and_fees less the
-- attested issue costs (its fees), never below zero.
premiums as (
    select
        *,
        proceeds_applied_amount + greatest(coalesce(premium_and_fees, 0) - coalesce(issue_costs, 0), 0) as applied_with_premium
    from incurred
),

checked as (
    select
        *,
        is_secured as secured,
        issued_by is not null and incurrence_date > issued_by as issued_late,
        maturity_date < matures_from as matures_early,
        ca1994_debt_class = 'new_subordinated_debt'
            and (not applied_to_subordinated_debt or applied_with_premium < amount - issue_costs) as proceeds_not_applied
    from premiums
),

result_rows as (
    select
        clause_id, incurrence_date as test_date, 'transaction' as test_kind, transaction_id,
        secured::int + issued_late::int + matures_early::int + coalesce(proceeds_not_applied, false)::int as actual,
        cast(json_object(
            'secured', json_object('value', secured::varchar, 'clause_id', clause_id),
            'issued_after_deadline', json_object('value', issued_late::varchar, 'clause_id', clause_id),
            'matures_before_permitted_date', json_object('value', matures_early::varchar, 'clause_id', clause_id),
            'proceeds_not_applied_to_subordinated_notes', json_object('value', proceeds_not_applied::varchar, 'clause_id', clause_id),
            'net_proceeds', json_object('value', (amount - issue_costs)::varchar, 'clause_id', clause_id),
            'proceeds_applied_amount', json_object('value', proceeds_applied_amount::varchar, 'clause_id', clause_id),
            'proceeds_applied_with_premium', json_object('value', applied_with_premium::varchar, 'clause_id', clause_id)
        ) as varchar) as inputs,
        cast(to_json(list_concat(
            case when form_confirmed is distinct from 'true' then [
                'requires legal review: attestation ca1994_indenture_form_confirmed for ' || instrument_id || ' (the indenture substantially in the form 9.2.2(b)(i) requires; for New Subordinated Debt, changes approved by the Agent)'
            ] end,
            case when ca1994_debt_class = 'new_subordinated_debt' and issue_costs is null then [
                'attestation new_subordinated_debt_issue_costs for ' || transaction_id
            ] end,
            []::varchar[]
        )) as varchar) as missing_inputs
    from checked
)

select * from result_on_test_date(result_rows)
