-- clause: ppca-2002/def/PPESubcomponentReduction
-- PPE Subcomponent Reductions, one row per movement of Net Disposition Proceeds (ppca_disposition_proceeds), from the
-- Company's classification of each disposition (ppca_asset_dispositions) and the entity register
-- [Sixth Amendment § 1.1(h), “PPE Subcomponent Reduction”].

-- "the aggregate of all Net Disposition Proceeds received by the Parent Guarantor, the Company or any Subsidiary from
-- any Asset Dispositions effected after the effective date of the Sixth Amendment" [Sixth Amendment § 1.1(h), “PPE
-- Subcomponent Reduction”] (sale_date after 2003-08-01, R-P01; sellers: the register's parent, company and
-- subsidiaries, and entities that are Subsidiaries under the register's flag such as ALPART, R-P62).
with dispositions as (
    select
        s.transaction_id,
        s.sale_date,
        s.seller_entity_id,
        e.role in ('parent', 'company') as seller_is_obligor,
        c.transaction_id is not null as classified,
        coalesce(c.section_9_2_11_clause in ('a', 'b', 'c', 'd', 'f', 'i'), false) as exception_w,
        coalesce(c.is_sale_of_accounts and (e.role = 'company' or s.seller_entity_id in ('KAII', 'KBC')), false) as exception_x,
        coalesce(s.seller_entity_id = 'ALPART' and c.alpart_proviso_clause is not null, false) as alpart_proviso,
        c.fair_market_value,
        case when e.role in ('parent', 'company') then 1 else e.ownership_pct end as ownership_share,
        cast(parameter('ppca-2002', 'ppe_reduction_alpart_exception_fmv_cap', s.sale_date) as decimal(38, 2)) as exception_y_cap
    from raw_asset_sales as s
    join stg_entities as e
        on e.entity_id = s.seller_entity_id and e.valid_from <= s.sale_date and (e.valid_to is null or s.sale_date <= e.valid_to)
    left join raw_ppca_asset_dispositions as c on c.transaction_id = s.transaction_id
    where s.sale_date > date '2003-08-01'
        and (e.role in ('parent', 'company', 'subsidiary') or e.is_subsidiary)
),

-- Except:
-- (w) "Asset Dispositions permitted under Sections 9.2.11(a), (b), (c), (d), (f) and (i)" (section_9_2_11_clause);
-- (x) "sales of Accounts owned by the Company, KAII or Kaiser Bellwood" (is_sale_of_accounts, seller the Company, KAII
-- or KBC);
-- (y) "Asset Dispositions by ALPART specifically described in clauses (i) and (ii) of the second proviso contained in
-- the last sentence of Section 9.2.11, provided the fair market value of the assets disposed of pursuant to this clause
-- (y) does not exceed $2,000,000 in any Fiscal Year" (parameter ppe_reduction_alpart_exception_fmv_cap; running total
-- in sale order within the Fiscal Year of the sale: the disposition that takes it over the cap, and later ones that
-- year, lose the exception, R-P20; exactly $2,000,000 keeps it);
exceptions as (
    select
        *,
        case
            when exception_w then 'w'
            when exception_x then 'x'
            when alpart_proviso
                and sum(fair_market_value) filter (where alpart_proviso and not exception_w) over (
                    partition by year(sale_date) order by sale_date, transaction_id rows between unbounded preceding and current row
                ) <= exception_y_cap then 'y'
        end as exception
    from dispositions
),

-- (z) "other Asset Dispositions by ALPART not permitted pursuant to the foregoing clause (w) or (y), but solely to the
-- extent that the Net Disposition Proceeds are placed in escrow (and remain in such escrow)": proceeds placed in escrow
-- reduce nothing; released from escrow they are received and reduce (R-P21, R-P61).
-- Proviso: "in the case of any Asset Disposition by a less than wholly owned Subsidiary, only the proportionate amount
-- of Net Disposition Proceeds ... which corresponds to the Company's direct or indirect percentage ownership interest
-- in such Subsidiary": the seller's ownership_pct on the sale date (R-P63), the share in cents rounded half up. A
-- reduction is dated when the proceeds are received (event_date, R-P21).
movements as (
    select
        p.proceeds_id,
        d.transaction_id,
        p.event_date,
        p.event_kind,
        p.net_disposition_proceeds,
        d.seller_entity_id,
        d.ownership_share,
        case
            when d.exception is not null then d.exception
            -- (z) for ALPART; for any other seller escrowed proceeds are not yet received (R-P21)
            when p.event_kind = 'placed_in_escrow' and d.seller_entity_id = 'ALPART' then 'z'
        end as exception,
        case
            when d.exception is not null or p.event_kind = 'placed_in_escrow' then 0
            else round(p.net_disposition_proceeds * d.ownership_share, 2)
        end as reduction,
        case when d.alpart_proviso and d.exception_y_cap is null
            then ['parameter ppe_reduction_alpart_exception_fmv_cap on ' || d.sale_date] else []::varchar[] end as missing_inputs,
        'ppca_disposition_proceeds ' || p.proceeds_id || ', ppca_asset_dispositions ' || d.transaction_id as source
    from exceptions as d
    join raw_ppca_disposition_proceeds as p on p.transaction_id = d.transaction_id
),

-- A disposition in scope without a classification row is a missing input from its sale date (a row dated on the sale,
-- reduction null).
unclassified as (
    select
        cast(null as varchar) as proceeds_id,
        transaction_id,
        sale_date as event_date,
        cast(null as varchar) as event_kind,
        cast(null as decimal(18, 2)) as net_disposition_proceeds,
        seller_entity_id,
        ownership_share,
        cast(null as varchar) as exception,
        cast(null as decimal(38, 2)) as reduction,
        ['ppca_asset_dispositions row for Asset Disposition ' || transaction_id || ' of ' || sale_date
         || ' (PPE Subcomponent Reduction exceptions (w)-(z))'] as missing_inputs,
        cast(null as varchar) as source
    from dispositions
    where not classified
)

select
    proceeds_id,
    transaction_id,
    event_date,
    event_kind,
    net_disposition_proceeds,
    seller_entity_id,
    cast(ownership_share as decimal(9, 6)) as ownership_share,
    exception,
    cast(reduction as decimal(38, 2)) as reduction,
    missing_inputs,
    source
from movements
union all
select * from unclassified
