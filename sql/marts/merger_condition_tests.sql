-- clause: indenture-1996/11.01(a)
-- clause: indenture-1996/11.01(b)
-- clause: indenture-1996/15.03(b)
-- clause: indenture-1996/4.05
-- transactions of: mergers
-- The yes/no conditions of Article Eleven, Section 15.03 and Section 4.05, one row per clause and event of the mergers
-- extract (merger_events), tested on the effective date. actual counts the conditions out of line; the policies test
-- actual <= 0. A condition only an officer or counsel can confirm is an attestation (reference_id = merger_id): false
-- counts 1, missing is a missing input (indeterminate, never pass).
with events as (
    select * from merger_events
),

attested as (
    select * from merger_attestations
),

-- 11.01(a) [Indenture § 11.01(a)]: (i) the surviving corporation "shall not be in default" (no_default); (ii) if other
-- than the Company, "organized under the laws of The United States of America or any State"; (iv) if other than the
-- Company, it "shall expressly assume ... by supplemental indenture" (supplemental_indenture_date empty counts 1); and
-- the surviving corporation "will promptly deliver to the Trustee" an Officers' Certificate and an Opinion of Counsel
-- [Indenture § 11.01(a)]. (iii) and (v) are tested by merger_coverage_tests and merger_net_worth_tests.
-- 11.01(b) [Indenture § 11.01(b)]: only "the surviving corporation (if other than the Company) shall expressly assume by
-- supplemental indenture".
-- 15.03(b) [Indenture § 15.03(b)]: (i) when the surviving corporation is a Subsidiary: (A) if other than the Subsidiary
-- Guarantor, organized in the United States; (B) if other than it, assumption by supplemental indenture; (I) the
-- Officers' Certificate and Opinion of Counsel [Indenture § 15.03(b)]. (C) and (D): merger_coverage_tests and
-- merger_net_worth_tests.
-- One row per condition that applies to the event: out_of_line 1/0, null when not known (then `missing` names it).
conditions as (
    select
        e.merger_id,
        'indenture-1996/' || case when e.governing_clause like '11.01%' then e.governing_clause else '15.03(b)' end as clause_id,
        c.ordinal,
        c.condition,
        c.out_of_line,
        c.missing
    from events as e
    join attested as a on a.merger_id = e.merger_id
    cross join lateral (
        values
            (1, '(i) not in default',
             e.governing_clause = '11.01(a)',
             case when a.no_default then 0 when not a.no_default then 1 end,
             'no_default attestation for ' || e.merger_id),
            (2, 'organized in the United States',
             e.governing_clause in ('11.01(a)', '15.03(b)(i)') and e.survivor = 'counterparty',
             case when e.survivor_organized_in_us then 0 when not e.survivor_organized_in_us then 1 end,
             'mergers.survivor_organized_in_us for ' || e.merger_id),
            (3, 'assumption by supplemental indenture',
             (e.governing_clause in ('11.01(a)', '11.01(b)') and e.survivor_role <> 'company')
                or (e.governing_clause = '15.03(b)(i)' and e.survivor = 'counterparty'),
             case when e.supplemental_indenture_date is null then 1 else 0 end,
             ''),
            (4, 'Officers'' Certificate',
             e.governing_clause in ('11.01(a)', '15.03(b)(i)'),
             case when a.officers_certificate then 0 when not a.officers_certificate then 1 end,
             'merger_officers_certificate_delivered attestation for ' || e.merger_id),
            (5, 'Opinion of Counsel',
             e.governing_clause in ('11.01(a)', '15.03(b)(i)'),
             case when a.opinion_of_counsel then 0 when not a.opinion_of_counsel then 1 end,
             'merger_opinion_of_counsel_delivered attestation for ' || e.merger_id)
    ) as c (ordinal, condition, applies, out_of_line, missing)
    where c.applies
),

-- 15.03(a) (with the Company or another Subsidiary Guarantor) and (ii) (the surviving corporation is not a Subsidiary:
-- "shall otherwise have been made in compliance with the terms of this Indenture (including ... Section 4.14)", which
-- the 4.14 and 15.05(c) results test on the asset_sales and guarantees records) are not_applicable with that reason.
combination_rows as (
    select
        'indenture-1996/' || case when e.governing_clause like '11.01%' then e.governing_clause else '15.03(b)' end as clause_id,
        e.effective_date as test_date,
        e.merger_id as transaction_id,
        cast(coalesce(sum(c.out_of_line), 0) as decimal(38, 2)) as actual,
        -- an event with no condition has one left-joined row with a null key, which a map refuses; the conditions are
        -- listed in the clause's order, whatever order the join yields them in (json_group_object takes no order)
        case when count(c.condition) = 0 then json_object()
            else to_json(map_from_entries(list(
                (c.condition, json_object('value', coalesce(c.out_of_line::varchar, 'not known'), 'clause_id', c.clause_id))
                order by c.ordinal
            ) filter (where c.condition is not null)))
        end as inputs,
        coalesce(list(c.missing order by c.missing) filter (where c.condition is not null and c.out_of_line is null), []::varchar[])
            as missing_inputs,
        case e.governing_clause
            when '15.03(a)' then '15.03(a): a Subsidiary Guarantor may combine with the Company or another Subsidiary Guarantor '
                || '"notwithstanding any other provision of this Indenture" [Indenture § 15.03]; 15.03(b) does not apply.'
            when '15.03(b)(ii)' then '15.03(b)(ii): the surviving corporation is not a Subsidiary, so the transfer must "otherwise have '
                || 'been made in compliance with the terms of this Indenture (including ... Section 4.14)" [Indenture § 15.03(b)(ii)]: the 4.14 '
                || 'results of its asset_sales record and the 15.05(c) release test it.'
        end as not_applicable_because
    from events as e
    left join conditions as c on c.merger_id = e.merger_id
    where e.governing_clause is not null
    group by e.governing_clause, e.effective_date, e.merger_id
),

-- With or into KAC or a Subsidiary Guarantor, 11.01(b) applies "notwithstanding the foregoing": the 11.01(a) row of an
-- event 11.01(b) governs is not applicable, with the reason.
exempt_rows as (
    select
        'indenture-1996/11.01(a)' as clause_id,
        effective_date as test_date,
        merger_id as transaction_id,
        cast(0 as decimal(38, 2)) as actual,
        json_object() as inputs,
        []::varchar[] as missing_inputs,
        exempt_because as not_applicable_because
    from events
    where governing_clause = '11.01(b)'
),

-- 4.05 [Indenture § 4.05]: every event that ends the corporate existence of the Company or a Subsidiary. The Company's
-- own: 1 (only Article 11 lets the Company combine, and that is tested there). A Subsidiary Guarantor's: permitted by
-- (a) a combination with the Company or another Subsidiary Guarantor, (b) a combination with any other Person "as
-- provided in Section 15.03" (tested under 15.03(b)), (c) a liquidation or dissolution when it "is wholly owned directly
-- by the Company and/or another Subsidiary Guarantor"; anything else (a discontinuance, or (c) when not so owned) is 1.
-- Another Subsidiary's: permitted "if in the judgment of the Company it shall be necessary, advisable or in the
-- interest of the Company" (subsidiary_discontinuance_judgment, R-I11).
existence_rows as (
    select
        'indenture-1996/4.05' as clause_id,
        e.effective_date as test_date,
        e.merger_id as transaction_id,
        case
            when e.entity_status = 'company' then 1
            when e.entity_status = 'subsidiary_guarantor' and e.is_combination then 0
            when e.entity_status = 'subsidiary_guarantor' and e.event_kind in ('liquidation', 'dissolution') then
                case when e.wholly_owned_directly_by_company_or_guarantors then 0
                     when not e.wholly_owned_directly_by_company_or_guarantors then 1 end
            when e.entity_status = 'subsidiary_guarantor' then 1
            when a.discontinuance_judgment then 0
            when not a.discontinuance_judgment then 1
        end as out_of_line,
        case
            when e.entity_status = 'company' then 'the Company''s corporate existence'
            when e.entity_status = 'subsidiary_guarantor' and e.is_combination and e.counterparty_role in ('company', 'subsidiary_guarantor') then '(a) combination with the Company or a Subsidiary Guarantor'
            when e.entity_status = 'subsidiary_guarantor' and e.is_combination then '(b) combination as provided in Section 15.03'
            when e.entity_status = 'subsidiary_guarantor' and e.event_kind in ('liquidation', 'dissolution') then '(c) liquidation or dissolution, wholly owned directly'
            when e.entity_status = 'subsidiary_guarantor' then 'a Subsidiary Guarantor''s discontinuance'
            else 'judgment of the Company'
        end as condition,
        case
            when e.entity_status = 'subsidiary_guarantor' then 'mergers.wholly_owned_directly_by_company_or_guarantors for ' || e.merger_id
            else 'subsidiary_discontinuance_judgment attestation (R-I11) for ' || e.merger_id
        end as missing
    from events as e
    join attested as a on a.merger_id = e.merger_id
    where e.existence_ends and e.entity_status <> 'other'
),

result_rows as (
    select
        clause_id, test_date, 'transaction' as test_kind, transaction_id, actual,
        cast(inputs as varchar) as inputs,
        cast(to_json(missing_inputs) as varchar) as missing_inputs,
        not_applicable_because
    from (
        select * from combination_rows
        union all
        select * from exempt_rows
        union all
        select
            clause_id,
            test_date,
            transaction_id,
            cast(coalesce(out_of_line, 0) as decimal(38, 2)),
            json_object(condition, json_object('value', coalesce(out_of_line::varchar, 'not known'), 'clause_id', 'indenture-1996/4.05')),
            case when out_of_line is null then [missing] else []::varchar[] end,
            cast(null as varchar)
        from existence_rows
    ) as tested
)

select * from result_without_period(result_rows)
