-- clause: indenture-1996/4.10(b)
-- clause: indenture-1996/4.10(a)
-- clause: indenture-1996/4.10(d)
-- transactions of: incurrences, letters_of_credit, sale_leasebacks
-- The 4.10 baskets as ledgers: one row per movement in a basket's usage, with the running usage after it, the capacity
-- on that date and what is left.
with movements as (
    select * from indebtedness_basket_movements
    union all by name
    -- "as reduced from time to time by any permanent reduction in such amount as set forth in a Board Resolution"
    -- [Indenture § 4.10(b)(ii)]: the capacity moves, the usage does not
    select
        takes_effect_on as entry_date,
        0 as entry_order,
        resolution_id as transaction_id,
        '4.10(b)(ii)' as basket,
        'board_resolution_reduction' as entry_kind,
        cast(0 as decimal(38, 2)) as amount,
        'Board Resolution ' || resolution_id || ' permanently reduces the amount by ' || amount || ' (' || document || ')' as description,
        year(takes_effect_on) as fiscal_year
    from stg_board_resolutions
    where subject = 'credit_agreement_amount_reduction'
),

obligor_status as (
    select
        m.transaction_id,
        m.entry_date,
        bool_or(e.role = 'company') as is_company,
        bool_or(e.is_subsidiary_guarantor) as is_subsidiary_guarantor
    from movements as m
    left join stg_entities as e
        on e.entity_id = m.obligor_entity_id and e.valid_from <= m.entry_date and (e.valid_to is null or m.entry_date <= e.valid_to)
    group by m.transaction_id, m.entry_date
),

-- "at any one time outstanding" baskets carry outstanding principal (and letters of credit): every Incurrence,
-- repayment and month-end balance movement of the debt classified in them.
at_any_one_time as (
    select c.clause_id, c.basket, m.*
    from movements as m
    join obligor_status as s on s.transaction_id = m.transaction_id and s.entry_date = m.entry_date
    join (values
        ('indenture-1996/4.10(b)(i)', 'The Notes (2.01)', '4.10(b)(i)'),
        ('indenture-1996/4.10(b)(ii)', 'Credit Agreement', '4.10(b)(ii)'),
        ('indenture-1996/4.10(b)(iii)(A)', 'Alpart', '4.10(b)(iii)(A)'),
        ('indenture-1996/4.10(b)(iii)(B)', 'Company, KJC and AJI for Alpart', '4.10(b)(iii)(B)'),
        ('indenture-1996/4.10(b)(iii)', 'Alpart (A) and (B) combined', '4.10(b)(iii)(A)'),
        ('indenture-1996/4.10(b)(iii)', 'Alpart (A) and (B) combined', '4.10(b)(iii)(B)'),
        ('indenture-1996/4.10(b)(iv)', 'QAL (Company and KAAC)', '4.10(b)(iv)'),
        ('indenture-1996/4.10(b)(v)', 'VALCO', '4.10(b)(v)'),
        ('indenture-1996/4.10(b)(vii)', 'Center for Technology Capitalized Lease Obligations', '4.10(b)(vii)'),
        ('indenture-1996/4.10(b)(xiii)', 'General', '4.10(b)(xiii)'),
        ('indenture-1996/4.10(b)(xiii)-subsidiaries', 'General: Subsidiaries other than Subsidiary Guarantors', '4.10(b)(xiii)'),
        ('indenture-1996/4.10(a)-alpart', 'Alpart ratio debt', '4.10(a)')
    ) as c (clause_id, basket, member_basket) on c.member_basket = m.basket
    where (c.clause_id <> 'indenture-1996/4.10(b)(xiii)-subsidiaries'
            or not (coalesce(s.is_company, false) or coalesce(s.is_subsidiary_guarantor, false)))
        and (c.clause_id <> 'indenture-1996/4.10(a)-alpart' or m.obligor_entity_id = 'ALPART')
),

aot_ledger as (
    select
        clause_id,
        basket,
        'at_any_one_time_outstanding' as measure,
        entry_date,
        entry_order,
        transaction_id,
        description,
        amount,
        amount as counted,
        sum(amount) over (partition by clause_id order by entry_date, entry_order, transaction_id rows unbounded preceding) as usage_after,
        obligor_entity_id,
        basket_detail,
        entry_kind
    from at_any_one_time
),

-- (viii) is "in any fiscal year (without cumulation of unused amounts to successive years)"
-- [Indenture § 4.10(b)(viii)(A)]: Incurrences summed per fiscal year (the calendar year, 4.06(b)); repayments free
-- nothing, except on the lines of credit of rule (y) [Indenture § 4.10(b)(viii), proviso (y)], where the fiscal year's
-- amount is deemed not to exceed net borrowings (borrowings less repayments in the year, never below zero), on
-- Subsidiaries' lines (and the Company's if company_revolver_net_borrowings = 1, R-I25).
-- (viii): the lines whose fiscal-year amount rule (y) nets
facility_entries as (
    select
        m.*,
        m.instrument_kind = 'revolving_credit' and (not coalesce(s.is_company, false)
            or coalesce(cast(parameter('indenture-1996', 'company_revolver_net_borrowings', m.entry_date) as integer), 0) = 1) as is_netted_line,
        coalesce(m.basket_detail, (
            select n.basket_detail from stg_incurrences as n
            where n.instrument_id = m.instrument_id and n.basket = '4.10(b)(viii)' and n.incurrence_date <= m.entry_date
            order by n.incurrence_date desc, n.transaction_id desc limit 1
        )) as detail
    from movements as m
    join obligor_status as s on s.transaction_id = m.transaction_id and s.entry_date = m.entry_date
    where m.basket = '4.10(b)(viii)'
),

-- (viii)(B) refinancings count only if facility_refinancings_count_against_fiscal_year_caps = 1 (default 0, R-I25).
facility_counted as (
    select
        f.*,
        sum(f.amount) over (
            partition by f.fiscal_year, f.instrument_id order by f.entry_date, f.entry_order, f.transaction_id rows unbounded preceding
        ) as line_net_after
    from facility_entries as f
    where (f.is_netted_line or f.entry_kind = 'incurrence')
        and (f.detail is distinct from 'B'
            or coalesce(cast(parameter('indenture-1996', 'facility_refinancings_count_against_fiscal_year_caps', f.entry_date) as integer), 0) = 1)
),

per_fiscal_year as (
    select c.clause_id, c.basket, f.*,
        case when f.is_netted_line then greatest(f.line_net_after, 0) - greatest(f.line_net_after - f.amount, 0) else f.amount end as counted
    from facility_counted as f
    join (values
        ('indenture-1996/4.10(b)(viii)(A)', 'Facilities construction, acquisition and retrofit', ['A-I', 'A-II', 'A-III', 'A-IV', 'B']),
        ('indenture-1996/4.10(b)(viii)(A)(IV)', 'Fabrication plants', ['A-IV']),
        ('indenture-1996/4.10(b)(viii)(C)', 'Facilities working capital', ['C']),
        ('indenture-1996/4.10(b)(viii)', 'Facilities (A) and (C) combined', ['A-I', 'A-II', 'A-III', 'A-IV', 'B', 'C'])
    ) as c (clause_id, basket, details) on list_contains(c.details, coalesce(f.detail, 'untagged'))
        or (f.detail is null and c.clause_id = 'indenture-1996/4.10(b)(viii)')
),

pfy_ledger as (
    select
        clause_id,
        basket,
        'per_fiscal_year' as measure,
        entry_date,
        entry_order,
        transaction_id,
        description,
        amount,
        counted,
        sum(counted) over (
            partition by clause_id, fiscal_year order by entry_date, entry_order, transaction_id rows unbounded preceding
        ) as usage_after,
        obligor_entity_id,
        detail as basket_detail,
        entry_kind
    from per_fiscal_year
),

entries as (
    select * from aot_ledger
    union all
    select * from pfy_ledger
),

ownership as (
    select
        e.clause_id,
        e.transaction_id,
        e.entry_date,
        coalesce(
            (select a.value_rate from current_attestations as a
                where a.subject = 'alpart_ownership_interest' and a.period_end <= e.entry_date and a.value_rate is not null
                order by a.period_end desc, a.attested_on desc, a.attestation_id desc limit 1),
            (select cast(r.ownership_pct as decimal(38, 8)) from stg_entities as r
                where r.entity_id = 'ALPART' and r.valid_from <= e.entry_date and (r.valid_to is null or e.entry_date <= r.valid_to)
                order by r.valid_from desc limit 1)
        ) as alpart_ownership
    from entries as e
    where e.clause_id = 'indenture-1996/4.10(b)(iii)(B)'
),

-- Caps: (i) the Notes, $50,000,000 (2.01); (ii) $400,000,000 as reduced by Board Resolution
-- (permitted_credit_agreement_amount, R-I60: each resolution an entry of zero usage on the day it takes effect, naming
-- its row); (iii)(A) $150,000,000; (iii)(B) $150,000,000 x "the Company's then percentage ownership interest in Alpart"
-- [Indenture § 4.10(b)(iii)(B)] (attested alpart_ownership_interest, else the register's ownership_pct of ALPART,
-- R-I26; exact: 150,000,000 x a six-place fraction is whole dollars); (iii) (A)+(B) $150,000,000; (iv) $75,000,000; (v)
-- $25,000,000; (vii) $50,000,000; (xiii) $75,000,000, of which Subsidiaries other than Subsidiary Guarantors
-- $50,000,000 (no Permitted Entity flag in the register: every Subsidiary Guarantor is read as not a Permitted Entity);
-- 4.10(a)'s Alpart proviso $150,000,000 [Indenture § 4.10(a)]. The "reasonable fees and expenses" allowances are not
-- added to the caps (no extract records them).
capacities as (
    select
        e.*,
        o.alpart_ownership,
        case e.clause_id
            when 'indenture-1996/4.10(b)(ii)' then c.amount
            when 'indenture-1996/4.10(b)(iii)(B)'
                then cast(parameter('indenture-1996', 'alpart_partners_indebtedness_base', e.amount_date) as decimal(38, 2)) * o.alpart_ownership
            else cast(parameter('indenture-1996', k.cap_parameter, e.amount_date) as decimal(38, 2))
        end as cap,
        c.reduced_by
    -- a movement dated before the Indenture (an opening balance) is measured against the amounts it fixes on its date
    from (select *, greatest(entry_date, date '1996-12-23') as amount_date from entries) as e
    left join (values
        ('indenture-1996/4.10(b)(i)', 'notes_issue_cap'),
        ('indenture-1996/4.10(b)(iii)(A)', 'alpart_indebtedness_cap'),
        ('indenture-1996/4.10(b)(iii)', 'alpart_indebtedness_combined_cap'),
        ('indenture-1996/4.10(b)(iv)', 'qal_indebtedness_cap'),
        ('indenture-1996/4.10(b)(v)', 'valco_indebtedness_cap'),
        ('indenture-1996/4.10(b)(vii)', 'sale_leaseback_capital_lease_cap'),
        ('indenture-1996/4.10(b)(xiii)', 'general_indebtedness_cap'),
        ('indenture-1996/4.10(b)(xiii)-subsidiaries', 'general_indebtedness_subsidiaries_cap'),
        ('indenture-1996/4.10(a)-alpart', 'alpart_ratio_indebtedness_cap'),
        ('indenture-1996/4.10(b)(viii)(A)', 'facilities_indebtedness_fiscal_year_cap'),
        ('indenture-1996/4.10(b)(viii)(A)(IV)', 'fabrication_facilities_indebtedness_fiscal_year_cap'),
        ('indenture-1996/4.10(b)(viii)(C)', 'facilities_working_capital_fiscal_year_cap'),
        ('indenture-1996/4.10(b)(viii)', 'facilities_combined_fiscal_year_cap')
    ) as k (clause_id, cap_parameter) on k.clause_id = e.clause_id
    left join ownership as o on o.clause_id = e.clause_id and o.transaction_id = e.transaction_id and o.entry_date = e.entry_date
    left join permitted_credit_agreement_amount as c
        on e.clause_id = 'indenture-1996/4.10(b)(ii)'
        and c.effective_from = (select max(x.effective_from) from permitted_credit_agreement_amount as x where x.effective_from <= e.entry_date)
),

ledger_rows as (
    select
        clause_id, basket, measure, entry_date, transaction_id, description,
        counted as amount, usage_after, cap as capacity,
        json_object(
            'entry_kind', entry_kind,
            'obligor_entity_id', obligor_entity_id,
            'basket_detail', basket_detail,
            'recorded_amount', cast(cast(amount as decimal(38, 2)) as varchar),
            'alpart_ownership_interest', cast(alpart_ownership as varchar),
            'reduced_by_board_resolutions', reduced_by
        )::varchar as inputs
    from capacities
    order by clause_id, entry_date, entry_order, transaction_id
)

select * from basket_ledger_rows(ledger_rows)
