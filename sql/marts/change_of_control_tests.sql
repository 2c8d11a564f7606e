-- clause: indenture-1996/3.05(a)-definition
-- transactions of: none
-- One row per date on which any Change of Control input is attested [Indenture § 3.05(a)]. actual is 1 when a Change of
-- Control has occurred and 0 when not; the policy tests actual <= 0.
with dates as (
    select distinct period_end as test_date
    from current_attestations
    where subject in ('maxxam_sole_beneficial_ownership', 'maxxam_voting_stock_ownership', 'largest_other_voting_stock_holding', 'maxxam_controls_board')
),

-- Only the inputs the rule needs are required: the board flag only when 30% <= m < 40%.
inputs as (
    select
        d.test_date,
        m.value_rate as m,
        v.value_rate as m_vote,
        g.value_rate as g_max,
        b.value_flag as board_control,
        cast(parameter('indenture-1996', 'change_of_control_ownership', d.test_date) as decimal(9, 6)) as control_share,
        cast(parameter('indenture-1996', 'change_of_control_board_proviso_ownership', d.test_date) as decimal(9, 6)) as proviso_share
    from dates as d
    left join current_attestations as m on m.subject = 'maxxam_sole_beneficial_ownership' and m.period_end = d.test_date
    left join current_attestations as v on v.subject = 'maxxam_voting_stock_ownership' and v.period_end = d.test_date
    left join current_attestations as g on g.subject = 'largest_other_voting_stock_holding' and g.period_end = d.test_date
    left join current_attestations as b on b.subject = 'maxxam_controls_board' and b.period_end = d.test_date
),

-- A Change of Control "shall be deemed to have occurred at such time as MAXXAM ... shall cease to have ... sole
-- beneficial ownership ... of at least 40% of the total Voting Stock, on a fully diluted basis" (m); 30% to 40% is not
-- one if MAXXAM "controls a majority of the Board of Directors"; and "the foregoing minimum percentages shall be deemed
-- not satisfied if any person or group ... shall ... own more of the total Voting Stock entitled to vote generally in
-- the election of directors ... than MAXXAM" (g_max > m_vote, both on the voting basis: R-I31).
decided as (
    select
        *,
        case
            when g_max is not null and m_vote is not null and g_max > m_vote then 'g_max > m_vote: another person or group owns more Voting Stock than MAXXAM'
            when g_max is null or m_vote is null or m is null then null
            when m >= control_share then 'm >= 40%'
            when m >= proviso_share and board_control is null then null
            when m >= proviso_share and board_control then '30% <= m < 40% and MAXXAM controls a majority of the Board'
            when m >= proviso_share then '30% <= m < 40% without control of a majority of the Board'
            else 'm < 30%'
        end as rule_applied,
        list_concat(
            case when m is null then ['maxxam_sole_beneficial_ownership (m) attested for ' || test_date] end,
            case when m_vote is null then ['maxxam_voting_stock_ownership (m_vote) attested for ' || test_date] end,
            case when g_max is null then ['largest_other_voting_stock_holding (g_max) attested for ' || test_date] end,
            case when board_control is null and m >= proviso_share and m < control_share
                then ['maxxam_controls_board attested for ' || test_date || ' (needed when 30% <= m < 40%)'] end
        ) as missing
    from inputs
)

select
    'indenture-1996/3.05(a)-definition' as clause_id,
    test_date,
    'maintenance' as test_kind,
    cast(null as varchar) as transaction_id,
    test_date as period_start,
    test_date as period_end,
    cast(case
        when rule_applied is null then null
        when rule_applied like 'g_max%' or rule_applied like 'm < 30%' or rule_applied like '%without control%' then 1
        else 0
    end as decimal(38, 2)) as actual,
    cast(0 as decimal(38, 2)) as threshold_reduction,
    cast(json_object(
        'm', json_object('value', m::varchar, 'clause_id', 'indenture-1996/3.05(a)-definition'),
        'm_vote', json_object('value', m_vote::varchar, 'clause_id', 'indenture-1996/3.05(a)-definition'),
        'g_max', json_object('value', g_max::varchar, 'clause_id', 'indenture-1996/3.05(a)-definition'),
        'maxxam_controls_board', json_object('value', board_control::varchar, 'clause_id', 'indenture-1996/3.05(a)-definition'),
        'rule_applied', json_object('value', rule_applied, 'clause_id', 'indenture-1996/3.05(a)-definition')
    ) as varchar) as inputs,
    cast(to_json(case when rule_applied is null then coalesce(missing, []::varchar[]) else []::varchar[] end) as varchar) as missing_inputs
from decided
