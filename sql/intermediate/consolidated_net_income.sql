-- clause: indenture-1996/def/ConsolidatedNetIncome
-- clause: indenture-1996/def/GAAP
-- Consolidated Net Income of the Company per fiscal quarter: the consolidated group's net income, each exclusion of
-- the definition [IND L1440-1506] and each proviso as its own column, and the attested frozen-1992-GAAP adjustment
-- (AMB-I01). A missing attestation is named in missing_inputs; the figure is still computed from what is there.
with quarters as (
    select quarter_end from fiscal_quarters
),

-- income-statement activity of the group, income = -activity
ledger as (
    select
        quarter_end,
        line_item,
        -activity as income,
        is_unrestricted_subsidiary
    from consolidated_ledger
    where statement = 'income_statement'
),

ledger_figures as (
    select
        quarter_end,
        sum(income) as group_net_income,
        -- (i) "extraordinary gains but not extraordinary losses and excluding gains from extinguishment of debt" [IND L1446]
        greatest(0, coalesce(sum(income) filter (where line_item = 'extraordinary_gain' and not is_unrestricted_subsidiary), 0)) as extraordinary_gain,
        greatest(0, coalesce(sum(income) filter (where line_item = 'debt_extinguishment_gain' and not is_unrestricted_subsidiary), 0)) as debt_extinguishment_gain,
        -- (iii) "the Net Income of any Person accrued prior to the date it becomes a Subsidiary" [IND L1456]
        coalesce(sum(income) filter (where line_item = 'pre_acquisition_income' and not is_unrestricted_subsidiary), 0) as pre_acquisition_income,
        -- (vi) "interest income arising from the Existing Intercompany Note" [IND L1478], as accrued
        coalesce(sum(income) filter (where line_item = 'existing_intercompany_note_interest' and not is_unrestricted_subsidiary), 0) as existing_intercompany_note_interest_accrued,
        -- (vii) "the Net Income of any Unrestricted Subsidiary, whether or not paid or distributed" [IND L1482]
        coalesce(sum(income) filter (where is_unrestricted_subsidiary), 0) as unrestricted_subsidiary_net_income,
        -- proviso (1)(a) "any charge with respect to premiums paid in excess of the principal amount ... 14 1/4%" [IND L1486]
        -coalesce(sum(income) filter (where line_item = 'notes_1425_redemption_premium' and not is_unrestricted_subsidiary), 0) as notes_1425_redemption_premium,
        -- proviso (1)(b) "the amortization or write-off of any unamortized deferred financing costs" [IND L1489]
        -coalesce(sum(income) filter (where line_item = 'deferred_financing_writeoff_credit_agreement' and not is_unrestricted_subsidiary), 0) as deferred_financing_writeoff_credit_agreement
    from ledger
    group by quarter_end
),

-- (ii) "the Net Income of any Person ... accounted for on the equity method ..., except to the extent of the amount of
-- dividends or other distributions ... actually paid" [IND L1449]; a credit movement of investee_distributions_received
-- is a receipt
investee_flows as (
    select
        quarter_end,
        counterparty_entity_id as investee_id,
        coalesce(-sum(activity) filter (where line_item = 'equity_method_income'), 0) as equity_method_income,
        coalesce(-sum(activity) filter (where line_item = 'investee_distributions_received'), 0) as distributions_received
    from consolidated_ledger
    where line_item in ('equity_method_income', 'investee_distributions_received')
        and not is_unrestricted_subsidiary
    group by quarter_end, counterparty_entity_id
),

specified_party_attestations as (
    select reference_id, period_end, value_flag, attestation_id
    from current_attestations
    where subject = 'specified_party_cash_management_consistent'
),

-- proviso (2): "the Net Income of each of the Specified Parties ... shall not be subject to ... clauses (ii) and (iv)(B)
-- ... so long as the Company's cash management and intercompany practices ... are consistent with past practice" [IND L1501]
investees as (
    select
        f.*,
        coalesce(e.is_specified_party, false) as is_specified_party,
        coalesce(own.value_flag, any_party.value_flag) as cash_management_consistent
    from investee_flows as f
    left join stg_entities as e
        on e.entity_id = f.investee_id
        and e.valid_from <= f.quarter_end
        and (e.valid_to is null or f.quarter_end <= e.valid_to)
    left join specified_party_attestations as own
        on own.reference_id = f.investee_id and own.period_end = f.quarter_end
    left join specified_party_attestations as any_party
        on any_party.reference_id is null and any_party.period_end = f.quarter_end
),

equity_method as (
    select
        quarter_end,
        sum(equity_method_income) filter (where not (is_specified_party and coalesce(cash_management_consistent, false))) as equity_method_income,
        sum(distributions_received) filter (where not (is_specified_party and coalesce(cash_management_consistent, false))) as distributions_received,
        sum(equity_method_income) filter (where is_specified_party and coalesce(cash_management_consistent, false)) as specified_party_income_kept,
        list(
            'specified_party_cash_management_consistent (' || coalesce(investee_id, '?') || ') for the fiscal quarter ending ' || quarter_end
            order by investee_id
        ) filter (where is_specified_party and cash_management_consistent is null
                  and (equity_method_income <> 0 or distributions_received <> 0)) as missing
    from investees
    group by quarter_end
),

-- (v) "net after tax gains from Asset Sales (but not excluding the net after tax losses from Asset Sales)" [IND L1475]:
-- each Asset Sale's own gain net of its tax is excluded and each loss stays in. Netting gains against losses first
-- would take losses out to the extent of the gains, which the parenthesis forbids; and only a per-sale exclusion is
-- the same whatever the period ("taken as a single accounting period" [IND L1442]): quarters summed to four quarters
-- or to the cumulative 4.09(a)(C)(I) period give the figure the whole period gives.
asset_sale_gains as (
    select
        quarter_end,
        sum(after_tax_gain_loss) filter (where after_tax_gain_loss > 0) as net_after_tax_gain,
        sum(tax_on_gain_loss) filter (where after_tax_gain_loss > 0) as tax_on_gain,
        list('parameter asset_sale_de_minimis_gross_proceeds on ' || sale_date order by transaction_id)
            filter (where de_minimis_gross_proceeds is null) as missing
    from asset_sales
    where seller_is_restricted and coalesce(is_asset_sale, true)
    group by quarter_end
),

attested as (
    select
        q.quarter_end,
        (select sum(a.value_amount) from current_attestations as a
         where a.subject = 'frozen_gaap_net_income_adjustment' and a.period_end = q.quarter_end) as frozen_gaap_net_income_adjustment,
        (select count(*) from current_attestations as a
         where a.subject = 'frozen_gaap_net_income_adjustment' and a.period_end = q.quarter_end and a.value_amount is not null) as frozen_gaap_count,
        (select sum(a.value_amount) from current_attestations as a
         where a.subject = 'restricted_subsidiary_income' and a.period_end = q.quarter_end) as restricted_subsidiary_income,
        (select count(*) from current_attestations as a
         where a.subject = 'restricted_subsidiary_income' and a.period_end = q.quarter_end and a.value_amount is not null) as restricted_subsidiary_count,
        (select sum(a.value_amount) from current_attestations as a
         where a.subject = 'existing_intercompany_note_interest_received' and a.period_end = q.quarter_end) as intercompany_note_interest_received,
        (select count(*) from current_attestations as a
         where a.subject = 'existing_intercompany_note_interest_received' and a.period_end = q.quarter_end and a.value_amount is not null) as intercompany_note_interest_count
    from quarters as q
),

assembled as (
    select
        q.quarter_end,
        coalesce(l.group_net_income, 0) as group_net_income,
        coalesce(l.extraordinary_gain, 0) as extraordinary_gain,
        coalesce(l.debt_extinguishment_gain, 0) as debt_extinguishment_gain,
        coalesce(e.equity_method_income, 0) as equity_method_income,
        coalesce(e.distributions_received, 0) as investee_distributions_received,
        coalesce(e.specified_party_income_kept, 0) as specified_party_equity_income_kept,
        coalesce(l.pre_acquisition_income, 0) as pre_acquisition_income,
        -- (iv) "to the extent that the declaration or payment of dividends ... is not at the time permitted" [IND L1462]
        coalesce(a.restricted_subsidiary_income, 0) as restricted_subsidiary_income,
        coalesce(s.net_after_tax_gain, 0) as asset_sale_net_after_tax_gain,
        coalesce(s.tax_on_gain, 0) as tax_on_excluded_asset_sale_gain,
        coalesce(l.existing_intercompany_note_interest_accrued, 0) as existing_intercompany_note_interest_accrued,
        a.intercompany_note_interest_received as existing_intercompany_note_interest_received,
        -- (vi) "except to the extent such interest income is actually received by the Company in cash" [IND L1479]:
        -- cash received for an earlier period's accrual does not create income in this one, so the floor is zero
        greatest(0, coalesce(l.existing_intercompany_note_interest_accrued, 0) - coalesce(a.intercompany_note_interest_received, 0)) as existing_intercompany_note_interest_not_received,
        coalesce(l.unrestricted_subsidiary_net_income, 0) as unrestricted_subsidiary_net_income,
        coalesce(l.notes_1425_redemption_premium, 0) as notes_1425_redemption_premium,
        coalesce(l.deferred_financing_writeoff_credit_agreement, 0) as deferred_financing_writeoff_credit_agreement,
        coalesce(a.frozen_gaap_net_income_adjustment, 0) as frozen_gaap_net_income_adjustment,
        list_concat(
            case when a.frozen_gaap_count = 0 then ['frozen_gaap_net_income_adjustment (AMB-I01) for the fiscal quarter ending ' || q.quarter_end] end,
            case when a.restricted_subsidiary_count = 0 then ['restricted_subsidiary_income for the fiscal quarter ending ' || q.quarter_end] end,
            case when a.intercompany_note_interest_count = 0 and coalesce(l.existing_intercompany_note_interest_accrued, 0) <> 0
                then ['existing_intercompany_note_interest_received for the fiscal quarter ending ' || q.quarter_end] end,
            e.missing,
            s.missing
        ) as missing_inputs
    from quarters as q
    left join ledger_figures as l on l.quarter_end = q.quarter_end
    left join equity_method as e on e.quarter_end = q.quarter_end
    left join asset_sale_gains as s on s.quarter_end = q.quarter_end
    left join attested as a on a.quarter_end = q.quarter_end
)

select
    quarter_end,
    cast(
        group_net_income
        - extraordinary_gain
        - debt_extinguishment_gain
        - equity_method_income
        + investee_distributions_received
        - pre_acquisition_income
        - restricted_subsidiary_income
        - asset_sale_net_after_tax_gain
        - existing_intercompany_note_interest_not_received
        - unrestricted_subsidiary_net_income
        + notes_1425_redemption_premium
        + deferred_financing_writeoff_credit_agreement
        + frozen_gaap_net_income_adjustment
        as decimal(38, 2)
    ) as consolidated_net_income,
    cast(group_net_income as decimal(38, 2)) as group_net_income,
    cast(extraordinary_gain as decimal(38, 2)) as extraordinary_gain,
    cast(debt_extinguishment_gain as decimal(38, 2)) as debt_extinguishment_gain,
    cast(equity_method_income as decimal(38, 2)) as equity_method_income,
    cast(investee_distributions_received as decimal(38, 2)) as investee_distributions_received,
    cast(specified_party_equity_income_kept as decimal(38, 2)) as specified_party_equity_income_kept,
    cast(pre_acquisition_income as decimal(38, 2)) as pre_acquisition_income,
    cast(restricted_subsidiary_income as decimal(38, 2)) as restricted_subsidiary_income,
    cast(asset_sale_net_after_tax_gain as decimal(38, 2)) as asset_sale_net_after_tax_gain,
    cast(tax_on_excluded_asset_sale_gain as decimal(38, 2)) as tax_on_excluded_asset_sale_gain,
    cast(existing_intercompany_note_interest_accrued as decimal(38, 2)) as existing_intercompany_note_interest_accrued,
    cast(existing_intercompany_note_interest_received as decimal(38, 2)) as existing_intercompany_note_interest_received,
    cast(existing_intercompany_note_interest_not_received as decimal(38, 2)) as existing_intercompany_note_interest_not_received,
    cast(unrestricted_subsidiary_net_income as decimal(38, 2)) as unrestricted_subsidiary_net_income,
    cast(notes_1425_redemption_premium as decimal(38, 2)) as notes_1425_redemption_premium,
    cast(deferred_financing_writeoff_credit_agreement as decimal(38, 2)) as deferred_financing_writeoff_credit_agreement,
    cast(frozen_gaap_net_income_adjustment as decimal(38, 2)) as frozen_gaap_net_income_adjustment,
    coalesce(list_sort(list_distinct(missing_inputs)), []::varchar[]) as missing_inputs
from assembled
