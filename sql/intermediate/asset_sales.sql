-- clause: indenture-1996/def/AssetSale
-- clause: indenture-1996/def/Subsidiary
-- Each disposition classified under the indenture: whether it is an Asset Sale [Indenture § 1.01, “Asset Sale”], and
-- why not when it is not.

-- (B) "in a single transaction or group of related transactions, the gross proceeds of which (exclusive of indemnities)
-- do not exceed $10,000,000" [Indenture § 1.01, “Asset Sale” (B)]: <= (R-I12; parameter
-- asset_sale_de_minimis_gross_proceeds), summed over the recorded related_group_id (R-I09), non-cash proceeds at the
-- Board's good-faith value (the attestation asset_sale_non_cash_consideration_fmv, R-I28). (B) is computed here,
-- whatever the extract says.
with fmv as (
    select reference_id as transaction_id, value_amount, period_end
    from current_attestations
    where subject = 'asset_sale_non_cash_consideration_fmv'
    qualify row_number() over (partition by reference_id order by period_end desc, attested_on desc) = 1
),

sales as (
    select
        s.*,
        last_day(make_date(year(s.sale_date), quarter(s.sale_date) * 3, 1)) as quarter_end,
        coalesce(s.related_group_id, s.transaction_id) as group_id,
        f.value_amount as non_cash_consideration_fmv,
        s.other_non_cash_consideration > 0 and f.value_amount is null as fmv_missing,
        -- gross proceeds exclusive of indemnities, the non-cash part at the Board's value where it is attested
        s.gross_proceeds - s.other_non_cash_consideration + coalesce(f.value_amount, s.other_non_cash_consideration) as gross_proceeds_for_b,
        cast(parameter('indenture-1996', 'asset_sale_de_minimis_gross_proceeds', s.sale_date) as decimal(38, 2)) as de_minimis_gross_proceeds
    from stg_asset_sales as s
    left join fmv as f on f.transaction_id = s.transaction_id
),

-- For Asset Sale, Net Cash Proceeds and 4.14, Alpart and VALCO, "so long as" not wholly owned, are "deemed not to be
-- Subsidiaries" and deemed Non-Affiliate Joint Ventures (def/Subsidiary [Indenture § 1.01, “Subsidiary”]; R-I21,
-- ownership by date from the register): their own dispositions are not Asset Sales, and a sale to them is a sale to a
-- Non-Affiliate Joint Venture. No Unrestricted Subsidiary is a Subsidiary, so its own dispositions are not Asset Sales
-- either.
grouped as (
    select
        s.*,
        sum(s.gross_proceeds_for_b) filter (where not s.assets_are_cash_or_cash_equivalents) over (partition by s.group_id) as group_gross_proceeds,
        bool_or(s.fmv_missing) over (partition by s.group_id) as group_fmv_missing,
        coalesce(r.consolidation_method in ('full', 'proportional') and r.role in ('company', 'subsidiary', 'joint_venture'), false)
            as seller_in_group,
        coalesce(r.consolidation_method in ('full', 'proportional') and r.role in ('company', 'subsidiary', 'joint_venture')
            and not r.is_unrestricted_subsidiary, false) as seller_is_restricted,
        r.ownership_pct as seller_ownership_pct,
        r.role as seller_role,
        coalesce(r.role = 'company' or (r.is_subsidiary and not r.is_unrestricted_subsidiary), false) as seller_is_company_or_subsidiary,
        -- Alpart and VALCO while not wholly owned (and at least 5% owned, the Non-Affiliate Joint Venture floor)
        coalesce(s.seller_entity_id in ('ALPART', 'VALCO') and r.ownership_pct < 1
            and r.ownership_pct >= cast(parameter('indenture-1996', 'non_affiliate_joint_venture_minimum_ownership', s.sale_date) as decimal(9, 6)),
            false) as seller_deemed_najv
    from sales as s
    left join stg_entities as r
        on r.entity_id = s.seller_entity_id
        and r.valid_from <= s.sale_date
        and (r.valid_to is null or s.sale_date <= r.valid_to)
),

-- An Asset Sale is a disposition "of any assets other than cash or Cash Equivalents" (assets_are_cash_or_cash_equivalents,
-- the Company's record, R-I63; such a disposition is also left out of its group's gross proceeds under (B)) "on or after
-- the date of the initial issuance of the Notes" (December 23, 1996) "by the Company or any of its Subsidiaries to any
-- Person other than the Company, any of its Subsidiaries or any Non-Affiliate Joint Venture" [Indenture § 1.01, “Asset
-- Sale”], unless a clause (A)-(G) takes it out [Indenture § 1.01, “Asset Sale” (A)-(G)]: (A), (C)-(G) as recorded in
-- asset_sale_exclusion (ordinary course and the rest are judgements, R-I10).
classified as (
    select
        g.*,
        case
            -- "on or after the date of the initial issuance of the Notes" [Indenture § 1.01, “Asset Sale”]: December
            -- 23, 1996 (2.03)
            when g.sale_date < date '1996-12-23' then 'before the initial issuance of the Notes on December 23, 1996'
            -- "any assets other than cash or Cash Equivalents" [Indenture § 1.01, “Asset Sale”]
            when g.assets_are_cash_or_cash_equivalents then 'the assets disposed of are cash or Cash Equivalents'
            when g.seller_deemed_najv then 'seller deemed a Non-Affiliate Joint Venture (def/Subsidiary, Alpart/VALCO not wholly owned)'
            when not g.seller_is_company_or_subsidiary then 'seller is not the Company or a Subsidiary'
            when g.buyer_kind in ('subsidiary', 'non_affiliate_joint_venture') then 'buyer is a Subsidiary or a Non-Affiliate Joint Venture'
            when g.asset_sale_exclusion is not null and g.asset_sale_exclusion <> 'B' then 'excluded by clause (' || g.asset_sale_exclusion || ')'
            when g.group_gross_proceeds <= g.de_minimis_gross_proceeds then 'excluded by clause (B): gross proceeds do not exceed the de minimis'
        end as not_asset_sale_reason
    from grouped as g
)

select
    transaction_id,
    sale_date,
    quarter_end,
    seller_entity_id,
    asset_description,
    buyer_kind,
    gross_proceeds,
    gross_proceeds_for_b,
    group_id,
    group_gross_proceeds,
    de_minimis_gross_proceeds,
    asset_sale_exclusion,
    asset_class,
    -- null only when the de minimis parameter is missing on the sale date and nothing else decides it
    case
        when not_asset_sale_reason is not null then false
        when de_minimis_gross_proceeds is null then null
        else true
    end as is_asset_sale,
    not_asset_sale_reason,
    seller_deemed_najv,
    seller_in_group,
    seller_is_restricted,
    seller_role,
    seller_ownership_pct,
    cash_consideration,
    notes_converted_within_30_days,
    assumed_liabilities,
    other_non_cash_consideration,
    non_cash_consideration_fmv,
    selling_expenses,
    taxes_paid_or_payable,
    debt_repaid_from_proceeds,
    debt_repaid_due_by_reason_of_sale,
    reserves_established,
    deductions_payable_to_affiliates,
    pretax_gain_loss,
    tax_on_gain_loss,
    pretax_gain_loss - tax_on_gain_loss as after_tax_gain_loss,
    case when group_fmv_missing
        then ['asset_sale_non_cash_consideration_fmv (R-I28) for ' || group_id || ': Board value of non-cash proceeds']
        else []::varchar[]
    end as missing_inputs,
    involuntary_disposition,
    assets_are_cash_or_cash_equivalents,
    _row
from classified
