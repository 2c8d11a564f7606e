-- clause: indenture-1996/def/AssetSale
-- Each disposition classified under the indenture: an Asset Sale unless its gross proceeds "do not exceed
-- $10,000,000" [IND L1167] (<=, clauses.md N9; parameter asset_sale_de_minimis_gross_proceeds) or a clause (A)-(G) of the
-- definition takes it out. The seller's register row on the sale date decides whether it is in the consolidated group
-- (consolidated, role company/subsidiary/joint_venture) and whether it is an Unrestricted Subsidiary.
with sales as (
    select
        s.*,
        last_day(make_date(year(s.sale_date), quarter(s.sale_date) * 3, 1)) as quarter_end,
        (
            select cast(p.value as decimal(38, 2))
            from policy_parameters as p
            where p.instrument = 'indenture-1996'
                and p.name = 'asset_sale_de_minimis_gross_proceeds'
                and p.effective_from <= s.sale_date
            order by p.effective_from desc
            limit 1
        ) as de_minimis_gross_proceeds
    from stg_asset_sales as s
)

select
    s.transaction_id,
    s.sale_date,
    s.quarter_end,
    s.seller_entity_id,
    s.asset_description,
    s.gross_proceeds,
    s.de_minimis_gross_proceeds,
    s.asset_sale_exclusion,
    s.gross_proceeds > s.de_minimis_gross_proceeds and s.asset_sale_exclusion is null as is_asset_sale,
    e.entity_id is not null as seller_in_group,
    e.entity_id is not null and not e.is_unrestricted_subsidiary as seller_is_restricted,
    s.pretax_gain_loss,
    s.tax_on_gain_loss,
    s.pretax_gain_loss - s.tax_on_gain_loss as after_tax_gain_loss,
    s._row
from sales as s
left join stg_entities as e
    on e.entity_id = s.seller_entity_id
    and e.valid_from <= s.sale_date
    and (e.valid_to is null or s.sale_date <= e.valid_to)
    and e.consolidation_method in ('full', 'proportional')
    and e.role in ('company', 'subsidiary', 'joint_venture')
