-- clause: indenture-1996/def/NetBetterments
-- Net Betterments [Indenture § 1.01, “Net Betterments”] per date of determination, through the last fiscal quarter end
-- on or before it. The GAAP figures exist per closed quarter; capital expenditures and depreciation are cut at the same
-- quarter end. Not implemented: freezing the Net Betterments of an asset that ceases to be Permitted Collateral.

-- "the amount, if any, by which capital expenditures (determined in accordance with GAAP) by the Company or any of its
-- Subsidiaries in respect of the Permitted Collateral on a cumulative basis for the period from the date hereof, through
-- the date of determination exceeds depreciation ... in respect of the Permitted Collateral ... but in no event less than
-- zero" [Indenture § 1.01, “Net Betterments”].
with dates as (
    select
        d.test_date,
        max(q.quarter_end) as through_quarter_end
    from permitted_collateral_test_dates as d
    left join fiscal_quarters as q
        on q.quarter_end >= date '1996-12-23' and q.quarter_end <= d.test_date
    group by d.test_date
),

-- Capital expenditures: raw_capital_expenditures rows flagged is_permitted_collateral, from the December 1996 month
-- (which holds only what was spent from December 23, 1996), except those on assets subject to a Lien under 4.11(b)(iv),
-- (v), (vi) or (ix) (the proviso's exclusions). A row not classified (flag empty) is a missing input.
excluded_liens as (
    select lien_id
    from stg_liens
    where permitted_clause in ('4.11(b)(iv)', '4.11(b)(v)', '4.11(b)(vi)', '4.11(b)(ix)')
),

capital_expenditures as (
    select
        d.test_date,
        coalesce(sum(c.amount) filter (
            where c.is_permitted_collateral and (c.lien_id is null or c.lien_id not in (select lien_id from excluded_liens))
        ), 0) as capital_expenditures,
        coalesce(sum(c.amount) filter (
            where c.is_permitted_collateral and c.lien_id in (select lien_id from excluded_liens)
        ), 0) as excluded_capital_expenditures,
        list(distinct 'capital_expenditures.is_permitted_collateral for ' || c.entity_id || ' ' || c.project || ' ' || c.period_end
             order by 'capital_expenditures.is_permitted_collateral for ' || c.entity_id || ' ' || c.project || ' ' || c.period_end)
            filter (where c.is_permitted_collateral is null) as unclassified
    from dates as d
    left join raw_capital_expenditures as c
        on c.period_end >= date '1996-12-23' and c.period_end <= d.through_quarter_end
    group by d.test_date
),

-- Depreciation: the attested GAAP depreciation on Permitted Collateral per fiscal quarter, on the pre-Merger historical
-- basis for assets existing at the Merger (R-I08, subject permitted_collateral_depreciation). A quarter without it is a
-- missing input.
depreciation as (
    select
        d.test_date,
        coalesce(sum(a.value_amount), 0) as depreciation,
        list('permitted_collateral_depreciation (R-I08) for the quarter ending ' || q.quarter_end order by q.quarter_end)
            filter (where q.quarter_end is not null and a.value_amount is null) as missing
    from dates as d
    left join fiscal_quarters as q
        on q.quarter_end >= date '1996-12-23' and q.quarter_end <= d.through_quarter_end
    left join current_attestations as a
        on a.subject = 'permitted_collateral_depreciation'
        and a.period_end = q.quarter_end
        and a.reference_id is null
    group by d.test_date
)

select
    d.test_date,
    d.through_quarter_end,
    cast(c.capital_expenditures as decimal(38, 2)) as capital_expenditures,
    cast(c.excluded_capital_expenditures as decimal(38, 2)) as excluded_capital_expenditures,
    cast(p.depreciation as decimal(38, 2)) as depreciation,
    cast(greatest(c.capital_expenditures - p.depreciation, 0) as decimal(38, 2)) as net_betterments,
    list_sort(list_filter(list_concat(c.unclassified, p.missing), lambda m: m is not null)) as missing_inputs
from dates as d
join capital_expenditures as c on c.test_date = d.test_date
join depreciation as p on p.test_date = d.test_date
