-- clause: indenture-1996/15.05
-- transactions of: guarantees
-- Release of a Subsidiary Guarantor's Guarantee of the Notes [Indenture § 15.05(a)], one row per guarantee of the Notes
-- that the register shows released, tested on its release date. actual counts the conditions out of line; the policy
-- tests actual <= 0.
with releases as (
    select *
    from stg_guarantees
    where guaranteed_debt = 'notes' and released_on is not null
),

-- Proviso of (c) and (d), and a condition of (a): its guarantees of the Credit Agreement, the 12 3/4%, the 10 7/8% and
-- the 9 7/8% Notes "has been or is simultaneously released" [Indenture § 15.05(c)]: 1 if any is in force on the release
-- date (released after it, or not released).
other_guarantees as (
    select
        r.guarantee_id,
        string_agg(o.guarantee_id, ', ' order by o.guarantee_id) filter (where o.guaranteed_debt = 'credit_agreement') as credit_agreement_guarantees,
        string_agg(o.guarantee_id, ', ' order by o.guarantee_id) filter (where o.guaranteed_debt <> 'credit_agreement') as other_note_guarantees
    from releases as r
    join stg_guarantees as o
        on o.guarantor_entity_id = r.guarantor_entity_id
        and o.guaranteed_debt in ('credit_agreement', 'notes_1275', 'notes_10875_1996', 'notes_0975')
        and o.given_on <= r.released_on
        and (o.released_on is null or o.released_on > r.released_on)
    group by r.guarantee_id
),

-- Under (a) a Credit Agreement guarantee in force, or the entity register's Bank Guarantor flag on that day, means it has
-- not "ceased to be a Bank Guarantor". (d) designation as an Unrestricted Subsidiary: 1 if the entity register does not
-- show the guarantor as an Unrestricted Subsidiary on the release date. Whether the designation complied with the
-- Indenture is tested by 4.09 and 4.15.
status_on_release as (
    select
        r.guarantee_id,
        bool_or(e.is_bank_guarantor) as bank_guarantor_flag,
        bool_or(e.is_unrestricted_subsidiary) as unrestricted
    from releases as r
    join stg_entities as e
        on e.entity_id = r.guarantor_entity_id and e.valid_from <= r.released_on and (e.valid_to is null or r.released_on <= e.valid_to)
    group by r.guarantee_id
),

-- (a) also: "no Event of Default (or event or condition which with the giving of notice or the passage of time would be
-- an Event of Default) then exists and is continuing": 1 if a 6.01 mart records an Event of Default on or before the
-- release date whose event is not cured by then; otherwise the no_default attestation for the release (reference_id =
-- guarantee_id, else the undated-reference attestation of that day): false is 1, missing is a missing input.
events_of_default as (
    select clause_id, test_date, transaction_id as event_id from notes_default_tests where actual > 0
    union all
    select clause_id, test_date, transaction_id from bankruptcy_default_tests where actual > 0
    union all
    select clause_id, test_date, transaction_id from judgment_default_tests where actual > 0
    union all
    -- 6.01(d): "exceeding $25,000,000" [Indenture § 6.01(d)]; the row carries no event, so it continues while its date
    -- is the latest on or before the release
    select clause_id, test_date, cast(null as varchar) from cross_default_tests
    where actual > cast(parameter('indenture-1996', 'cross_default_threshold', test_date) as decimal(38, 2))
),

continuing_defaults as (
    select
        r.guarantee_id,
        string_agg(d.clause_id || ' ' || coalesce(d.event_id, d.test_date::varchar), ', ' order by d.test_date) as defaults
    from releases as r
    join events_of_default as d on d.test_date <= r.released_on
    left join stg_default_events as e on e.event_id = d.event_id
    where (d.event_id is not null and (e.cured_on is null or e.cured_on > r.released_on))
        or (d.event_id is null and d.test_date = (select max(c.test_date) from cross_default_tests as c where c.test_date <= r.released_on))
    group by r.guarantee_id
),

no_default as (
    select
        r.guarantee_id,
        attested_flag(current_attestations, 'no_default', r.guarantee_id, r.released_on) as no_default
    from releases as r
),

-- And either (x) no Indebtedness or preferred stock Incurred after December 23, 1996 and then outstanding other than
-- 4.10(a) debt that is also Alpart's, 4.10(b)(iii), 4.10(b)(iv) and permitted refinancings of them, or (y) the Notes
-- rated Baa3 / BBB- or better (notes_rated_investment_grade, R-I24).
-- (x): the guarantor's own instruments and its guarantees given after December 23, 1996, outstanding on the release
-- date (the last month-end balance on or before it), outside 4.10(b)(iii) and (iv); 4.10(b)(vi) refinancings of those
-- are permitted; 4.10(a) debt is permitted only to the extent it is also Alpart's, which the register does not show.
refinancing_of_permitted as (
    select distinct i.instrument_id
    from stg_incurrences as i
    join stg_debt_instruments as refinanced on refinanced.instrument_id = i.proceeds_applied_to_instrument_id
    where i.basket = '4.10(b)(vi)' and refinanced.indenture_basket in ('4.10(b)(iii)(A)', '4.10(b)(iii)(B)', '4.10(b)(iv)')
),

guarantor_debt as (
    select r.guarantee_id, d.instrument_id, d.indenture_basket
    from releases as r
    join stg_debt_instruments as d on d.obligor_entity_id = r.guarantor_entity_id and d.issue_date > date '1996-12-23' and d.issue_date <= r.released_on
    where exists (
        select 1 from stg_debt_balances as b
        where b.instrument_id = d.instrument_id
            and b.period_end = (select max(b2.period_end) from stg_debt_balances as b2 where b2.instrument_id = d.instrument_id and b2.period_end <= r.released_on)
            and (b.principal_outstanding <> 0 or b.letters_of_credit_outstanding <> 0)
    )
    union all
    select r.guarantee_id, o.guaranteed_instrument_id, d.indenture_basket
    from releases as r
    join stg_guarantees as o
        on o.guarantor_entity_id = r.guarantor_entity_id and o.guarantee_id <> r.guarantee_id
        and o.given_on > date '1996-12-23' and o.given_on <= r.released_on
        and (o.released_on is null or o.released_on > r.released_on)
    join stg_debt_instruments as d on d.instrument_id = o.guaranteed_instrument_id
),

clause_x as (
    select
        r.guarantee_id,
        string_agg(g.instrument_id || ' (' || g.indenture_basket || ')', ', ' order by g.instrument_id) filter (
            where g.indenture_basket not in ('4.10(b)(iii)(A)', '4.10(b)(iii)(B)', '4.10(b)(iv)', '4.10(a)')
                and g.instrument_id not in (select instrument_id from refinancing_of_permitted)
        ) as disqualifying,
        string_agg(g.instrument_id, ', ' order by g.instrument_id) filter (where g.indenture_basket = '4.10(a)') as alpart_unknown,
        (
            select string_agg(q.transaction_id, ', ' order by q.transaction_id) from stg_equity_issuances as q
            where q.issuer_entity_id = r.guarantor_entity_id and q.issuance_kind = 'preferred_stock'
                and q.issue_date > date '1996-12-23' and q.issue_date <= r.released_on
        ) as preferred_stock
    from releases as r
    left join guarantor_debt as g on g.guarantee_id = r.guarantee_id
    group by r.guarantee_id, r.guarantor_entity_id, r.released_on
),

-- (c) a sale to a Person that is not the Company or a Subsidiary (release_reference = the asset_sales transaction),
-- "otherwise in compliance" with the Indenture including 4.14: 1 if sold to a Subsidiary, 1 if its 4.14(a) test falls
-- short of its threshold; a sale not found is a missing input.
sales as (
    select r.guarantee_id, s.buyer_kind, t.actual as consideration_cash_like, t.threshold as consideration_required
    from releases as r
    join stg_asset_sales as s on s.transaction_id = r.release_reference and s.sale_date <= r.released_on
    left join asset_sale_consideration_tests as t on t.transaction_id = s.transaction_id
),

assessed as (
    select
        r.*,
        o.credit_agreement_guarantees,
        o.other_note_guarantees,
        coalesce(s.bank_guarantor_flag, false) as bank_guarantor_flag,
        coalesce(s.unrestricted, false) as unrestricted,
        c.defaults,
        n.no_default,
        x.disqualifying,
        x.alpart_unknown,
        x.preferred_stock,
        x.disqualifying is null and x.preferred_stock is null and x.alpart_unknown is null as clause_x_met,
        rating.value_flag as rated_investment_grade,
        sale.buyer_kind,
        sale.consideration_cash_like,
        sale.consideration_required
    from releases as r
    left join other_guarantees as o on o.guarantee_id = r.guarantee_id
    left join status_on_release as s on s.guarantee_id = r.guarantee_id
    left join continuing_defaults as c on c.guarantee_id = r.guarantee_id
    left join no_default as n on n.guarantee_id = r.guarantee_id
    left join clause_x as x on x.guarantee_id = r.guarantee_id
    left join sales as sale on sale.guarantee_id = r.guarantee_id
    left join current_attestations as rating
        on rating.subject = 'notes_rated_investment_grade' and rating.reference_id = r.guarantee_id
),

-- The release is effective on delivery of the Officers' Certificate and Opinion of Counsel (release_reference; missing
-- input when empty). A guarantee of the Notes released on any other basis is 1: only Section 15.05 releases a
-- Guarantee.
tested as (
    select
        *,
        case coalesce(release_basis, 'other')
            when '15.05(a)' then
                (case when credit_agreement_guarantees is not null or bank_guarantor_flag then 1 else 0 end)
                + (case when other_note_guarantees is not null then 1 else 0 end)
                + (case when defaults is not null or no_default = false then 1 else 0 end)
                + (case when not clause_x_met and rated_investment_grade = false
                        and (disqualifying is not null or preferred_stock is not null) then 1 else 0 end)
            when '15.05(c)' then
                (case when credit_agreement_guarantees is not null or other_note_guarantees is not null then 1 else 0 end)
                + (case when buyer_kind = 'subsidiary' then 1 else 0 end)
                + (case when consideration_cash_like < consideration_required then 1 else 0 end)
            when '15.05(d)' then
                (case when credit_agreement_guarantees is not null or other_note_guarantees is not null then 1 else 0 end)
                + (case when not unrestricted then 1 else 0 end)
            else 1
        end as out_of_line,
        case coalesce(release_basis, 'other')
            when '15.05(a)' then list_filter([
                case when release_reference is null
                    then 'the Officers'' Certificate and Opinion of Counsel releasing ' || guarantee_id || ' (15.05(b))' end,
                case when defaults is null and no_default is null
                    then 'no_default attestation for ' || guarantee_id || ' on ' || released_on end,
                case when not clause_x_met and rated_investment_grade is null
                    then 'notes_rated_investment_grade attestation for ' || guarantee_id || ' (15.05(a)(y), R-I24)' end,
                case when not clause_x_met and rated_investment_grade is distinct from true and disqualifying is null and preferred_stock is null
                    then 'whether ' || alpart_unknown || ' is also Indebtedness of Alpart (15.05(a)(x))' end
            ], lambda m: m is not null)
            when '15.05(c)' then
                case when buyer_kind is null then ['asset_sales transaction ' || coalesce(release_reference, '(none named)') || ' selling ' || guarantor_entity_id]
                    when consideration_required is null then ['4.14(a) test of ' || release_reference]
                    else []::varchar[] end
            else []::varchar[]
        end as missing_inputs
    from assessed
),

result_rows as (
    select
        'indenture-1996/15.05' as clause_id, released_on as test_date, 'transaction' as test_kind, guarantee_id as transaction_id,
        out_of_line as actual,
        json_object(
            'subsidiary_guarantor', json_object('value', guarantor_entity_id, 'clause_id', 'indenture-1996/def/SubsidiaryGuarantors'),
            'release_basis', json_object('value', coalesce(release_basis, 'none'), 'clause_id', 'indenture-1996/15.05'),
            'release_reference', json_object('value', coalesce(release_reference, 'none'), 'clause_id', 'indenture-1996/15.05'),
            'credit_agreement_guarantees_in_force', json_object('value', coalesce(credit_agreement_guarantees, 'none'), 'clause_id', 'indenture-1996/def/BankGuarantors'),
            'bank_guarantor_in_register', json_object('value', bank_guarantor_flag::varchar, 'clause_id', 'indenture-1996/def/BankGuarantors'),
            'other_note_guarantees_in_force', json_object('value', coalesce(other_note_guarantees, 'none'), 'clause_id', 'indenture-1996/15.05'),
            'events_of_default_continuing', json_object('value', coalesce(defaults, 'none'), 'clause_id', 'indenture-1996/6.01'),
            'no_default_attested', json_object('value', coalesce(no_default::varchar, 'not attested'), 'clause_id', 'indenture-1996/15.05'),
            'post_1996_debt_outside_x', json_object('value', coalesce(disqualifying, 'none'), 'clause_id', 'indenture-1996/15.05'),
            'post_1996_preferred_stock', json_object('value', coalesce(preferred_stock, 'none'), 'clause_id', 'indenture-1996/15.05'),
            'notes_rated_investment_grade', json_object('value', coalesce(rated_investment_grade::varchar, 'not attested'), 'clause_id', 'indenture-1996/15.05'),
            'buyer_kind', json_object('value', coalesce(buyer_kind, 'none'), 'clause_id', 'indenture-1996/15.05'),
            'unrestricted_subsidiary_on_release', json_object('value', unrestricted::varchar, 'clause_id', 'indenture-1996/def/UnrestrictedSubsidiary')
        )::varchar as inputs,
        to_json(missing_inputs)::varchar as missing_inputs
    from tested
)

select * from result_on_test_date(result_rows)
