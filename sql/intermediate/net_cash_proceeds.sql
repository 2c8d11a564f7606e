-- clause: indenture-1996/def/NetCashProceeds
-- clause: indenture-1996/def/Subsidiary
-- Net Cash Proceeds per receipt: "cash payments received ... (including any cash payments received by way of deferred
-- payment of principal pursuant to a note or installment receivable or otherwise or the cash realization of any non-cash
-- proceeds of any Asset Sale, but, in each case, only as and when, and to the extent, received)"
-- [Indenture § 1.01, “Net Cash Proceeds”], less the deductions the definition allows.

-- (iii) GAAP Reserves only as the CFO's certificate evidences them [Indenture § 1.01, “Net Cash Proceeds” (iii)]
-- (attestation gaap_reserves_cfo_certificate, at most the reserve the extract records; missing certificate = missing
-- input)
with certificates as (
    select reference_id as transaction_id, sum(value_amount) as certified, count(*) filter (where value_amount is null) as unreadable
    from current_attestations
    where subject = 'gaap_reserves_cfo_certificate'
    group by reference_id
),

sales as (
    select
        s.*,
        -- a Non-Affiliate Joint Venture's or Unrestricted Subsidiary's disposition that would otherwise be an Asset Sale
        not s.is_asset_sale
            and s.sale_date >= date '1996-12-23'
            and (s.seller_deemed_najv or s.not_asset_sale_reason = 'seller is not the Company or a Subsidiary')
            and s.buyer_kind not in ('subsidiary', 'non_affiliate_joint_venture')
            and (s.asset_sale_exclusion is null or s.asset_sale_exclusion = 'B')
            and s.group_gross_proceeds > s.de_minimis_gross_proceeds as would_be_asset_sale,
        case when s.seller_role = 'subsidiary' then s.seller_ownership_pct else 1 end as owned_share,
        coalesce(s.asset_class in ('us_fixed_assets_not_permitted_collateral_acquired_after_issue', 'us_fixed_assets_not_permitted_collateral'), false)
            as ii_b_carved_out,
        least(s.reserves_established, coalesce(c.certified, 0)) as gaap_reserves,
        s.reserves_established > 0 and (c.certified is null or c.unreadable > 0) as certificate_missing
    from asset_sales as s
    left join certificates as c on c.transaction_id = s.transaction_id
),

-- Deductions, in full, against the first cash received (cumulatively, so no receipt goes below zero): (i)
-- selling_expenses; (ii)(A) debt secured by the assets repaid; (ii)(B) debt due by reason of the sale repaid, but "this
-- clause (B) shall not apply with respect to any U.S. Fixed Assets which do not constitute Permitted Collateral"
-- [Indenture § 1.01, “Net Cash Proceeds” (ii)(B)]; (iii) the certified GAAP Reserves; (iv) taxes; less whatever of them
-- is payable to an Affiliate or Unrestricted Subsidiary [Indenture § 1.01, “Net Cash Proceeds”, proviso].
deductions as (
    select
        s.*,
        s.selling_expenses
            + s.debt_repaid_from_proceeds
            + case when s.ii_b_carved_out then 0 else s.debt_repaid_due_by_reason_of_sale end
            + s.gaap_reserves
            + s.taxes_paid_or_payable
            - s.deductions_payable_to_affiliates as total_deductions
    from sales as s
),

-- A disposition with no receipt in asset_sale_receipts received its cash_consideration at closing. Receipt dates of
-- non-dollar or foreign proceeds are the dates they became convertible / transferable (the extract's rule for
-- receipt_date), so the foreign-proceeds exclusion [Indenture § 1.01, “Net Cash Proceeds”, proviso] is applied by the
-- date, not here. Added without deduction: reversals of GAAP Reserves "as and when" reversed, and cash distributions
-- from a Non-Affiliate Joint Venture or Unrestricted Subsidiary of the proceeds of what would be an Asset Sale were it
-- a Subsidiary [Indenture § 1.01, “Net Cash Proceeds”, proviso].
receipts as (
    select r.receipt_id, r.transaction_id, r.receipt_date, r.kind, r.amount
    from stg_asset_sale_receipts as r
    union all
    select s.transaction_id || '-closing', s.transaction_id, s.sale_date, 'closing_cash', s.cash_consideration
    from stg_asset_sales as s
    where s.cash_consideration > 0
        and not exists (select 1 from stg_asset_sale_receipts as r where r.transaction_id = s.transaction_id)
),

-- (v) "the portion of such cash payments attributable to Persons holding a minority interest" [Indenture § 1.01, “Net
-- Cash Proceeds”, proviso]: each cash receipt of a Subsidiary's sale counts at the seller's ownership share.
counted as (
    select
        r.*,
        d.is_asset_sale,
        d.would_be_asset_sale,
        d.asset_class,
        d.group_id,
        d.sale_date,
        d.total_deductions,
        d.owned_share,
        d.certificate_missing,
        d.missing_inputs as sale_missing_inputs,
        r.kind not in ('reserve_reversal', 'joint_venture_distribution') as is_cash_payment,
        case when r.kind not in ('reserve_reversal', 'joint_venture_distribution') then r.amount * d.owned_share else 0 end as cash_counted
    from receipts as r
    join deductions as d on d.transaction_id = r.transaction_id
    where (d.is_asset_sale and r.kind <> 'joint_venture_distribution')
        or (d.would_be_asset_sale and r.kind = 'joint_venture_distribution')
),

running as (
    select
        c.*,
        sum(c.cash_counted) over (partition by c.transaction_id order by c.receipt_date, c.receipt_id rows unbounded preceding) as cash_to_date
    from counted as c
)

select
    receipt_id,
    transaction_id,
    group_id,
    sale_date,
    receipt_date,
    kind,
    asset_class,
    amount,
    cast(cash_counted as decimal(38, 2)) as cash_counted,
    total_deductions,
    cast(
        case
            when is_cash_payment then greatest(0, cash_to_date - total_deductions) - greatest(0, cash_to_date - cash_counted - total_deductions)
            else amount
        end as decimal(38, 2)
    ) as net_cash_proceeds,
    list_concat(
        sale_missing_inputs,
        case when certificate_missing
            then ['gaap_reserves_cfo_certificate for ' || transaction_id || ': CFO certificate to the Trustee for the GAAP Reserves (NCP (iii))'] end
    ) as missing_inputs
from running
