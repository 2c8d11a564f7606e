-- clause: indenture-1996/def/ConsolidatedNetIncome
-- clause: indenture-1996/def/GAAP
-- Consolidated Net Income of the Company per fiscal quarter: the consolidated group's net income, each exclusion of
-- the definition [Indenture § 1.01, “Consolidated Net Income”] and each proviso as its own column, and the attested
-- frozen-1992-GAAP adjustment (R-I01). A missing attestation is named in missing_inputs; the figure is still computed
-- from what is there.
with quarters as (
    select quarter_end from fiscal_quarters
),

-- the GAAP group's members as the indenture sorts them: the Company and its Subsidiaries; Unrestricted Subsidiaries
-- ((vii)); and members consolidated proportionally that are neither (the sample's QAL, 28.3%, and KJBC, 49%), whose Net
-- Income (ii) takes out. Each item below that counts only for the Company and its Subsidiaries reads the first kind,
-- so a non-Subsidiary's extraordinary gain, say, is not excluded twice.
members as (
    select
        period_end,
        entity_id,
        not is_unrestricted_subsidiary and (role = 'company' or is_subsidiary) as is_company_or_subsidiary,
        not is_unrestricted_subsidiary and role <> 'company' and not is_subsidiary as is_not_a_subsidiary
    from consolidated_group
),

-- income-statement activity of the group, income = -activity
ledger as (
    select
        l.quarter_end,
        l.line_item,
        l.counterparty_entity_id,
        -l.activity as income,
        l.is_unrestricted_subsidiary,
        m.is_company_or_subsidiary
    from consolidated_ledger as l
    join members as m on m.entity_id = l.entity_id and m.period_end = l.period_end
    where l.statement = 'income_statement'
),

ledger_figures as (
    select
        quarter_end,
        sum(income) as group_net_income,
        -- (i) "extraordinary gains but not extraordinary losses and excluding gains from extinguishment of debt"
        -- [Indenture § 1.01, “Consolidated Net Income” (i)]
        greatest(0, coalesce(sum(income) filter (where line_item = 'extraordinary_gain' and is_company_or_subsidiary), 0)) as extraordinary_gain,
        greatest(0, coalesce(sum(income) filter (where line_item = 'debt_extinguishment_gain' and is_company_or_subsidiary), 0)) as debt_extinguishment_gain,
        -- (iii) "the Net Income of any Person accrued prior to the date it becomes a Subsidiary"
        -- [Indenture § 1.01, “Consolidated Net Income” (iii)]
        coalesce(sum(income) filter (where line_item = 'pre_acquisition_income' and is_company_or_subsidiary), 0) as pre_acquisition_income,
        -- (vi) "interest income arising from the Existing Intercompany Note"
        -- [Indenture § 1.01, “Consolidated Net Income” (vi)], as accrued
        coalesce(sum(income) filter (where line_item = 'existing_intercompany_note_interest' and is_company_or_subsidiary), 0) as existing_intercompany_note_interest_accrued,
        -- (vii) "the Net Income of any Unrestricted Subsidiary, whether or not paid or distributed"
        -- [Indenture § 1.01, “Consolidated Net Income” (vii)]
        coalesce(sum(income) filter (where is_unrestricted_subsidiary), 0) as unrestricted_subsidiary_net_income,
        -- proviso (1)(a) "any charge with respect to premiums paid in excess of the principal amount ... 14 1/4%"
        -- [Indenture § 1.01, “Consolidated Net Income”, proviso]
        -coalesce(sum(income) filter (where line_item = 'notes_1425_redemption_premium' and is_company_or_subsidiary), 0) as notes_1425_redemption_premium,
        -- proviso (1)(b) "the amortization or write-off of any unamortized deferred financing costs"
        -- [Indenture § 1.01, “Consolidated Net Income”, proviso]
        -coalesce(sum(income) filter (where line_item = 'deferred_financing_writeoff_credit_agreement' and is_company_or_subsidiary), 0) as deferred_financing_writeoff_credit_agreement
    from ledger
    group by quarter_end
),

-- (ii) "the Net Income of any Person that is not a Subsidiary of such Person or that is accounted for on the equity
-- method of accounting, except to the extent of the amount of dividends or other distributions ... actually paid to
-- such Person or any of its Subsidiaries by such other Person" [Indenture § 1.01, “Consolidated Net Income” (ii)]. Two
-- kinds of Person:
-- * an equity-method investee: its Net Income is the equity_method_income the Company or a Subsidiary books;
-- * a member consolidated proportionally that is not a Subsidiary: its own Net Income from its trial balance, dealings
--   with the group included (consolidation eliminated both sides of those, so the group's figure less the member's own
--   is the rest of the group's own), and the income tax inside it, which CCFAFC (iii) then does not add back.
person_income as (
    select
        quarter_end,
        counterparty_entity_id as person_id,
        'equity_method' as accounting,
        sum(income) as net_income,
        0 as income_tax
    from ledger
    where line_item = 'equity_method_income' and is_company_or_subsidiary
    group by quarter_end, counterparty_entity_id

    union all

    select
        a.quarter_end,
        a.entity_id as person_id,
        'not_a_subsidiary' as accounting,
        -sum(a.activity) as net_income,
        coalesce(sum(a.activity) filter (where a.line_item = 'income_tax_expense'), 0) as income_tax
    from stg_trial_balance_activity as a
    join members as m on m.entity_id = a.entity_id and m.period_end = a.period_end
    where a.statement = 'income_statement' and m.is_not_a_subsidiary
    group by a.quarter_end, a.entity_id
),

-- the distributions: a credit movement of investee_distributions_received in the books of the Company or a Subsidiary
-- ("paid to such Person or any of its Subsidiaries"), by payer. Read from the trial balance activity, because
-- consolidated_ledger eliminates a proportionally consolidated member's distribution as intra-group. A payer outside
-- the GAAP group is an equity-method investee; inside it, only a member that is not a Subsidiary pays under (ii). The
-- account holds cash distributions (D2 of docs/audit-defined-terms.md: distributions of Capital Stock have no input).
distributions as (
    select
        a.quarter_end,
        a.counterparty_entity_id as person_id,
        case when payer.entity_id is null then 'equity_method' else 'not_a_subsidiary' end as accounting,
        -sum(a.activity) as distributions_received
    from stg_trial_balance_activity as a
    join members as receiver on receiver.entity_id = a.entity_id and receiver.period_end = a.period_end
    left join members as payer on payer.entity_id = a.counterparty_entity_id and payer.period_end = a.period_end
    where a.line_item = 'investee_distributions_received'
        and receiver.is_company_or_subsidiary
        and (payer.entity_id is null or payer.is_not_a_subsidiary)
    group by a.quarter_end, a.counterparty_entity_id, payer.entity_id is null
),

person_flows as (
    select
        coalesce(i.quarter_end, d.quarter_end) as quarter_end,
        coalesce(i.person_id, d.person_id) as person_id,
        coalesce(i.accounting, d.accounting) as accounting,
        coalesce(i.net_income, 0) as net_income,
        coalesce(i.income_tax, 0) as income_tax,
        coalesce(d.distributions_received, 0) as distributions_received
    from person_income as i
    full join distributions as d
        on d.quarter_end = i.quarter_end and d.person_id = i.person_id and d.accounting = i.accounting
),

specified_party_attestations as (
    select reference_id, period_end, value_flag, attestation_id
    from current_attestations
    where subject = 'specified_party_cash_management_consistent'
),

-- (iv)(B) "in the case of a foreign Subsidiary or a Subsidiary with significant foreign source income, to the extent
-- such Net Income has not been distributed to such Person and such distribution would result in a material tax
-- liability not otherwise deducted from the calculation of Consolidated Net Income"
-- [Indenture § 1.01, “Consolidated Net Income” (iv)(B)]: attested per Subsidiary and quarter (R-I64); a row naming no
-- Subsidiary of the register on the quarter end is excluded and named
foreign_undistributed as (
    select
        a.period_end as quarter_end,
        a.reference_id as person_id,
        a.attestation_id,
        coalesce(a.value_amount, 0) as amount,
        coalesce(e.is_subsidiary and not e.is_unrestricted_subsidiary, false) as names_a_subsidiary
    from current_attestations as a
    left join stg_entities as e
        on e.entity_id = a.reference_id
        and e.valid_from <= a.period_end
        and (e.valid_to is null or a.period_end <= e.valid_to)
    where a.subject = 'foreign_subsidiary_undistributed_income'
),

-- proviso (2): "the Net Income of each of the Specified Parties otherwise included in the Consolidated Net Income of
-- the Company shall not be subject to any of the limitations contained in clauses (ii) and (iv)(B) ... so long as the
-- Company's cash management and intercompany practices ... are consistent with past practice"
-- [Indenture § 1.01, “Consolidated Net Income”, proviso]: one test per entity and quarter for the Persons of (ii) and
-- the Subsidiaries of (iv)(B); a Specified Party without an attestation for the quarter is limited and named
proviso as (
    select
        p.quarter_end,
        p.person_id,
        coalesce(e.is_specified_party, false) as is_specified_party,
        coalesce(own.value_flag, any_party.value_flag) as cash_management_consistent,
        not(coalesce(e.is_specified_party, false) and coalesce(own.value_flag, any_party.value_flag, false)) as is_limited
    from (
        select quarter_end, person_id from person_flows
        union
        select quarter_end, person_id from foreign_undistributed
    ) as p
    left join stg_entities as e
        on e.entity_id = p.person_id
        and e.valid_from <= p.quarter_end
        and (e.valid_to is null or p.quarter_end <= e.valid_to)
    left join specified_party_attestations as own
        on own.reference_id = p.person_id and own.period_end = p.quarter_end
    left join specified_party_attestations as any_party
        on any_party.reference_id is null and any_party.period_end = p.quarter_end
),

persons as (
    select f.*, p.is_specified_party, p.cash_management_consistent, p.is_limited
    from person_flows as f
    join proviso as p on p.quarter_end = f.quarter_end and p.person_id is not distinct from f.person_id
),

foreign_figures as (
    select
        u.quarter_end,
        sum(u.amount) filter (where p.is_limited) as excluded,
        sum(u.amount) filter (where not p.is_limited) as kept,
        list_concat(
            list('specified_party_cash_management_consistent (' || u.person_id || ') for the fiscal quarter ending ' || u.quarter_end
                order by u.person_id) filter (where p.is_specified_party and p.cash_management_consistent is null and u.amount <> 0),
            list('foreign_subsidiary_undistributed_income ' || u.attestation_id || ' names no Subsidiary (R-I64)'
                order by u.attestation_id) filter (where not u.names_a_subsidiary)
        ) as missing
    from foreign_undistributed as u
    join proviso as p on p.quarter_end = u.quarter_end and p.person_id is not distinct from u.person_id
    group by u.quarter_end
),

person_figures as (
    select
        quarter_end,
        sum(net_income) filter (where accounting = 'equity_method' and is_limited) as equity_method_income,
        sum(distributions_received) filter (where accounting = 'equity_method' and is_limited) as distributions_received,
        sum(net_income) filter (where accounting = 'equity_method' and not is_limited) as specified_party_income_kept,
        sum(net_income) filter (where accounting = 'not_a_subsidiary' and is_limited) as non_subsidiary_net_income,
        sum(income_tax) filter (where accounting = 'not_a_subsidiary' and is_limited) as non_subsidiary_income_tax,
        sum(distributions_received) filter (where accounting = 'not_a_subsidiary' and is_limited) as non_subsidiary_distributions_received,
        sum(net_income) filter (where accounting = 'not_a_subsidiary' and not is_limited) as specified_party_non_subsidiary_income_kept,
        list(
            'specified_party_cash_management_consistent (' || coalesce(person_id, '?') || ') for the fiscal quarter ending ' || quarter_end
            order by person_id
        ) filter (where is_specified_party and cash_management_consistent is null
                  and (net_income <> 0 or distributions_received <> 0)) as missing
    from persons
    group by quarter_end
),

-- (v) "net after tax gains from Asset Sales (but not excluding the net after tax losses from Asset Sales)"
-- [Indenture § 1.01, “Consolidated Net Income” (v)]: each Asset Sale's own gain net of its tax is excluded and each
-- loss stays in. Netting gains against losses first would take losses out to the extent of the gains, which the
-- parenthesis forbids; and only a per-sale exclusion is the same whatever the period ("taken as a single accounting
-- period" [Indenture § 1.01, “Consolidated Net Income”]): quarters summed to four quarters or to the cumulative
-- 4.09(a)(C)(I) period give the figure the whole period gives.
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
        -- a quarter's (iv) is stated by a row of (A) or of (B)
        (select count(*) from current_attestations as a
         where a.subject in ('restricted_subsidiary_income', 'foreign_subsidiary_undistributed_income')
             and a.period_end = q.quarter_end and a.value_amount is not null) as restricted_subsidiary_count,
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
        coalesce(e.non_subsidiary_net_income, 0) as non_subsidiary_net_income,
        coalesce(e.non_subsidiary_distributions_received, 0) as non_subsidiary_distributions_received,
        coalesce(e.specified_party_non_subsidiary_income_kept, 0) as specified_party_non_subsidiary_income_kept,
        coalesce(e.non_subsidiary_income_tax, 0) as non_subsidiary_income_tax,
        coalesce(l.pre_acquisition_income, 0) as pre_acquisition_income,
        -- (iv)(A) "to the extent that the declaration or payment of dividends ... is not at the time permitted"
        -- [Indenture § 1.01, “Consolidated Net Income” (iv)(A)]: every row, by Subsidiary or for the quarter
        coalesce(a.restricted_subsidiary_income, 0) as restricted_subsidiary_income,
        coalesce(ff.excluded, 0) as foreign_subsidiary_undistributed_income,
        coalesce(ff.kept, 0) as specified_party_foreign_income_kept,
        coalesce(s.net_after_tax_gain, 0) as asset_sale_net_after_tax_gain,
        coalesce(s.tax_on_gain, 0) as tax_on_excluded_asset_sale_gain,
        coalesce(l.existing_intercompany_note_interest_accrued, 0) as existing_intercompany_note_interest_accrued,
        a.intercompany_note_interest_received as existing_intercompany_note_interest_received,
        -- (vi) "except to the extent such interest income is actually received by the Company in cash"
        -- [Indenture § 1.01, “Consolidated Net Income” (vi)]: cash received for an earlier period's accrual does not
        -- create income in this one, so the floor is zero
        greatest(0, coalesce(l.existing_intercompany_note_interest_accrued, 0) - coalesce(a.intercompany_note_interest_received, 0)) as existing_intercompany_note_interest_not_received,
        coalesce(l.unrestricted_subsidiary_net_income, 0) as unrestricted_subsidiary_net_income,
        coalesce(l.notes_1425_redemption_premium, 0) as notes_1425_redemption_premium,
        coalesce(l.deferred_financing_writeoff_credit_agreement, 0) as deferred_financing_writeoff_credit_agreement,
        coalesce(a.frozen_gaap_net_income_adjustment, 0) as frozen_gaap_net_income_adjustment,
        list_concat(
            case when a.frozen_gaap_count = 0 then ['frozen_gaap_net_income_adjustment (R-I01) for the fiscal quarter ending ' || q.quarter_end] end,
            case when a.restricted_subsidiary_count = 0 then ['restricted_subsidiary_income for the fiscal quarter ending ' || q.quarter_end] end,
            case when a.intercompany_note_interest_count = 0 and coalesce(l.existing_intercompany_note_interest_accrued, 0) <> 0
                then ['existing_intercompany_note_interest_received for the fiscal quarter ending ' || q.quarter_end] end,
            e.missing,
            ff.missing,
            s.missing
        ) as missing_inputs
    from quarters as q
    left join ledger_figures as l on l.quarter_end = q.quarter_end
    left join person_figures as e on e.quarter_end = q.quarter_end
    left join asset_sale_gains as s on s.quarter_end = q.quarter_end
    left join attested as a on a.quarter_end = q.quarter_end
    left join foreign_figures as ff on ff.quarter_end = q.quarter_end
)

select
    quarter_end,
    cast(
        group_net_income
        - extraordinary_gain
        - debt_extinguishment_gain
        - equity_method_income
        + investee_distributions_received
        - non_subsidiary_net_income
        + non_subsidiary_distributions_received
        - pre_acquisition_income
        - restricted_subsidiary_income
        - foreign_subsidiary_undistributed_income
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
    cast(non_subsidiary_net_income as decimal(38, 2)) as non_subsidiary_net_income,
    cast(non_subsidiary_distributions_received as decimal(38, 2)) as non_subsidiary_distributions_received,
    cast(specified_party_non_subsidiary_income_kept as decimal(38, 2)) as specified_party_non_subsidiary_income_kept,
    cast(pre_acquisition_income as decimal(38, 2)) as pre_acquisition_income,
    cast(restricted_subsidiary_income as decimal(38, 2)) as restricted_subsidiary_income,
    cast(foreign_subsidiary_undistributed_income as decimal(38, 2)) as foreign_subsidiary_undistributed_income,
    cast(specified_party_foreign_income_kept as decimal(38, 2)) as specified_party_foreign_income_kept,
    cast(asset_sale_net_after_tax_gain as decimal(38, 2)) as asset_sale_net_after_tax_gain,
    cast(tax_on_excluded_asset_sale_gain as decimal(38, 2)) as tax_on_excluded_asset_sale_gain,
    cast(non_subsidiary_income_tax as decimal(38, 2)) as non_subsidiary_income_tax,
    -- CCFAFC (iii) leaves out "income taxes (including credits) with respect to items of Net Income not included in"
    -- CNI [Indenture § 1.01, “Consolidated Cash Flow Available for Fixed Charges” (ii)]: the tax on the Asset Sale
    -- gains (v) excludes and the tax inside the Net Income (ii) excludes
    cast(tax_on_excluded_asset_sale_gain + non_subsidiary_income_tax as decimal(38, 2)) as tax_on_items_not_in_consolidated_net_income,
    cast(existing_intercompany_note_interest_accrued as decimal(38, 2)) as existing_intercompany_note_interest_accrued,
    cast(existing_intercompany_note_interest_received as decimal(38, 2)) as existing_intercompany_note_interest_received,
    cast(existing_intercompany_note_interest_not_received as decimal(38, 2)) as existing_intercompany_note_interest_not_received,
    cast(unrestricted_subsidiary_net_income as decimal(38, 2)) as unrestricted_subsidiary_net_income,
    cast(notes_1425_redemption_premium as decimal(38, 2)) as notes_1425_redemption_premium,
    cast(deferred_financing_writeoff_credit_agreement as decimal(38, 2)) as deferred_financing_writeoff_credit_agreement,
    cast(frozen_gaap_net_income_adjustment as decimal(38, 2)) as frozen_gaap_net_income_adjustment,
    coalesce(list_sort(list_distinct(missing_inputs)), []::varchar[]) as missing_inputs
from assembled
