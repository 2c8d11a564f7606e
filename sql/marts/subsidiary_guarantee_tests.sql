-- clause: indenture-1996/4.12(a)
-- clause: indenture-1996/4.12(b)(J)
-- clause: indenture-1996/4.12(c)
-- transactions of: asset_transfers
-- Subsidiary guarantee triggers, as amounts the policies compare with a threshold.

-- 4.12(a) [Indenture § 4.12(a)]: per transfer (not a return) by the Company or a Subsidiary Guarantor: 1 if it claims
-- no 4.12(b) exemption, or claims (B) "to Subsidiary Guarantors", and the transferee is not a Subsidiary Guarantor on
-- the transfer date or later in the register; else 0. Tested <= 0.
with transfers as (
    select
        t.*,
        exists(
            select 1 from stg_entities as e
            where e.entity_id = t.transferee_entity_id and e.is_subsidiary_guarantor
                and (e.valid_to is null or e.valid_to >= t.transfer_date)
        ) as transferee_guarantees
    from stg_asset_transfers as t
    where not t.is_return
),

transfer_rows as (
    select
        'indenture-1996/4.12(a)' as clause_id,
        transfer_date as test_date,
        'transaction' as test_kind,
        transfer_id as transaction_id,
        cast(case when (exemption_clause is null or exemption_clause = 'B') and not transferee_guarantees then 1 else 0 end as decimal(38, 2)) as actual,
        cast(null as decimal(38, 2)) as threshold,
        json_object(
            'fair_market_value', json_object('value', cast(fair_market_value as varchar), 'clause_id', 'indenture-1996/4.12(a)'),
            'exemption_clause', json_object('value', coalesce(exemption_clause, 'none'), 'clause_id', 'indenture-1996/4.12(b)'),
            'transferee_is_subsidiary_guarantor', json_object('value', cast(transferee_guarantees as varchar), 'clause_id', 'indenture-1996/4.12(a)')
        )::varchar as inputs,
        []::varchar[] as missing_inputs
    from transfers
),

-- 4.12(b)(J): per (J) transfer or return, the basket's usage after it against its computed capacity
-- (asset_transfer_basket_ledger).
basket_rows as (
    select
        clause_id,
        entry_date as test_date,
        'transaction' as test_kind,
        transaction_id,
        usage_after as actual,
        capacity as threshold,
        json_object(
            'amount', json_object('value', cast(amount as varchar), 'clause_id', clause_id),
            'usage_after', json_object('value', cast(usage_after as varchar), 'clause_id', clause_id),
            'pro_forma_consolidated_net_worth', json_object('value', coalesce(inputs ->> 'pro_forma_consolidated_net_worth', 'missing'), 'clause_id', 'indenture-1996/def/ConsolidatedNetWorth')
        )::varchar as inputs,
        case when capacity is null
            then ['pro_forma_consolidated_net_worth attestation for ' || transaction_id || ' (R-I27)'] else []::varchar[] end as missing_inputs
    from asset_transfer_basket_ledger
),

-- 4.12(c) [Indenture § 4.12(c)]: per quarter end, the number of Subsidiaries (other than Bank Guarantors) and joint
-- ventures that are direct obligors on Credit Agreement Indebtedness (instruments classified 4.10(b)(ii) with principal
-- or letters of credit outstanding at that month end), or that guarantee it (a guarantee in the guarantees register in
-- force at the quarter end: "for as long as ... so obligated"), and are not Subsidiary Guarantors on that day. Tested
-- <= 0.
credit_agreement_parties as (
    select q.quarter_end, i.obligor_entity_id
    from fiscal_quarters as q
    join stg_debt_balances as b on b.period_end = q.quarter_end and (b.principal_outstanding <> 0 or b.letters_of_credit_outstanding <> 0)
    join stg_debt_instruments as i on i.instrument_id = b.instrument_id and i.indenture_basket = '4.10(b)(ii)'
    union
    select q.quarter_end, g.guarantor_entity_id
    from fiscal_quarters as q
    join stg_guarantees as g on g.given_on <= q.quarter_end and (g.released_on is null or q.quarter_end < g.released_on)
    join stg_debt_instruments as i on i.instrument_id = g.guaranteed_instrument_id and i.indenture_basket = '4.10(b)(ii)'
),

quarter_obligors as (
    select
        p.quarter_end,
        p.obligor_entity_id,
        bool_or(e.role in ('subsidiary', 'joint_venture') and not e.is_bank_guarantor and not e.is_subsidiary_guarantor) as out_of_line
    from credit_agreement_parties as p
    join stg_entities as e
        on e.entity_id = p.obligor_entity_id and e.valid_from <= p.quarter_end and (e.valid_to is null or p.quarter_end <= e.valid_to)
    where p.quarter_end >= date '1996-12-31'
    group by p.quarter_end, p.obligor_entity_id
),

credit_agreement_rows as (
    select
        'indenture-1996/4.12(c)' as clause_id,
        q.quarter_end as test_date,
        'maintenance' as test_kind,
        cast(null as varchar) as transaction_id,
        cast(count(o.obligor_entity_id) filter (where o.out_of_line) as decimal(38, 2)) as actual,
        cast(null as decimal(38, 2)) as threshold,
        json_object(
            'credit_agreement_obligors', json_object('value', coalesce(string_agg(o.obligor_entity_id, ', ' order by o.obligor_entity_id), 'none'), 'clause_id', 'indenture-1996/4.12(c)'),
            'not_subsidiary_guarantors', json_object('value', coalesce(string_agg(o.obligor_entity_id, ', ' order by o.obligor_entity_id) filter (where o.out_of_line), 'none'), 'clause_id', 'indenture-1996/4.12(c)')
        )::varchar as inputs,
        []::varchar[] as missing_inputs
    from fiscal_quarters as q
    left join quarter_obligors as o on o.quarter_end = q.quarter_end
    where q.quarter_end >= date '1996-12-31'
    group by q.quarter_end
),

all_rows as (
    select * from transfer_rows
    union all
    select * from basket_rows
    union all
    select * from credit_agreement_rows
),

result_rows as (
    select
        clause_id, test_date, test_kind, transaction_id, actual,
        inputs,
        to_json(missing_inputs)::varchar as missing_inputs,
        threshold
    from all_rows
)

select * from result_on_test_date(result_rows)
