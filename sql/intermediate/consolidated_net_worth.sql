-- clause: indenture-1996/def/ConsolidatedNetWorth
-- Consolidated Net Worth of the Company at each quarter end: "the total stockholders' equity ... less amounts
-- attributable to Redeemable Stock ... and ... the Existing Intercompany Note"
-- [Indenture § 1.01, “Consolidated Net Worth”], disregarding the two proviso items.
with quarter_ends as (
    select distinct quarter_end from consolidated_group where period_end = quarter_end
),

-- Stockholders' equity = the consolidated group's net assets from the quarter-end trial balances: every balance-sheet
-- line except the equity lines (preferred_stock, common_equity, retained_earnings, preferred_dividends), with minority
-- interest deducted (debit positive, so assets less liabilities less minority_interest_equity); rows between two group
-- members cancel. Existing Intercompany Note: the Company's intercompany balance with its parent (KAC).
balance_sheet as (
    select
        g.quarter_end,
        sum(a.balance) filter (where a.line_item not in ('preferred_stock', 'common_equity', 'retained_earnings', 'preferred_dividends'))
            as net_assets,
        coalesce(sum(a.balance) filter (where a.line_item = 'intercompany' and e.role = 'company' and cp.role = 'parent'), 0)
            as existing_intercompany_note
    from stg_trial_balance_activity as a
    join consolidated_group as g on g.entity_id = a.entity_id and g.period_end = a.period_end and g.period_end = g.quarter_end
    join stg_entities as e on e.entity_id = a.entity_id and e.valid_from <= a.period_end and (e.valid_to is null or a.period_end <= e.valid_to)
    left join consolidated_group as member on member.entity_id = a.counterparty_entity_id and member.period_end = a.period_end
    left join stg_entities as cp
        on cp.entity_id = a.counterparty_entity_id and cp.valid_from <= a.period_end and (cp.valid_to is null or a.period_end <= cp.valid_to)
    where a.statement = 'balance_sheet' and member.entity_id is null
    group by g.quarter_end
),

-- Disregarded [Indenture § 1.01, “Consolidated Net Worth”; Indenture § 1.01, “Credit Agreement”]: (i) premiums on the
-- 14 1/4% notes and (ii) write-offs of deferred financing costs of the Credit Agreement, added back as booked from the
-- Indenture's month (December 1996) to the quarter end.
disregarded as (
    select
        q.quarter_end,
        coalesce(sum(a.activity) filter (where a.line_item = 'notes_1425_redemption_premium'), 0) as notes_1425_redemption_premium,
        coalesce(sum(a.activity) filter (where a.line_item = 'deferred_financing_writeoff_credit_agreement'), 0)
            as deferred_financing_writeoff_credit_agreement
    from quarter_ends as q
    left join stg_trial_balance_activity as a
        on a.period_end >= date '1996-12-31' and a.period_end <= q.quarter_end
        and a.line_item in ('notes_1425_redemption_premium', 'deferred_financing_writeoff_credit_agreement')
    left join consolidated_group as g on g.entity_id = a.entity_id and g.period_end = a.period_end
    where a.entity_id is null or g.entity_id is not null
    group by q.quarter_end
),

-- Redeemable Stock: redeemable preferred stock issued by the Company to date (equity_issuances).
redeemable as (
    select
        q.quarter_end,
        coalesce(sum(cast(i.net_proceeds as decimal(38, 2))), 0) as redeemable_stock
    from quarter_ends as q
    left join raw_equity_issuances as i
        on i.issue_date <= q.quarter_end and i.is_redeemable and i.issuance_kind = 'preferred_stock'
        and i.issuer_entity_id in (select entity_id from stg_entities where role = 'company')
    group by q.quarter_end
)

select
    q.quarter_end,
    cast(b.net_assets as decimal(38, 2)) as stockholders_equity,
    cast(r.redeemable_stock as decimal(38, 2)) as redeemable_stock,
    cast(b.existing_intercompany_note as decimal(38, 2)) as existing_intercompany_note,
    cast(d.notes_1425_redemption_premium + d.deferred_financing_writeoff_credit_agreement as decimal(38, 2)) as disregarded_charges,
    cast(
        b.net_assets - r.redeemable_stock - b.existing_intercompany_note
        + d.notes_1425_redemption_premium + d.deferred_financing_writeoff_credit_agreement
        as decimal(38, 2)
    ) as consolidated_net_worth
from quarter_ends as q
join balance_sheet as b on b.quarter_end = q.quarter_end
join redeemable as r on r.quarter_end = q.quarter_end
join disregarded as d on d.quarter_end = q.quarter_end
