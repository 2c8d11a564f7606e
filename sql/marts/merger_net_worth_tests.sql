-- clause: indenture-1996/11.01(a)
-- clause: indenture-1996/15.03(b)
-- clause: indenture-1996/def/ConsolidatedNetWorth
-- transactions of: mergers
-- The surviving corporation's Consolidated Net Worth after a merger against the figure before (11.01(a)(v),
-- 15.03(b)(i)(D)), one row per event; events 11.01(b) governs are not_applicable (threshold 0, no missing input, so the
-- engine reaches the reason).

-- 11.01(a)(v) [Indenture § 11.01(a)(v)]: "immediately after giving effect to such consolidation, merger, sale or
-- conveyance, the surviving corporation ... shall have a Consolidated Net Worth equal to or greater than the
-- Consolidated Net Worth of the Company immediately prior to such transaction"; 15.03(b)(i)(D)
-- [Indenture § 15.03(b)(i)(D)]: the same against "the Consolidated Net Worth of such Subsidiary Guarantor immediately
-- prior".
with events as (
    select *
    from merger_events
    where governing_clause in ('11.01(a)', '11.01(b)', '15.03(b)(i)')
),

-- actual = the surviving corporation's Consolidated Net Worth after the transaction (attestation
-- surviving_corporation_consolidated_net_worth, a pro forma figure only officers can give, R-I11)
figures as (
    select
        e.*,
        case when e.governing_clause = '15.03(b)(i)' then 'indenture-1996/15.03(b)(i)(D)' else 'indenture-1996/11.01(a)(v)' end as clause_id,
        t.net_worth_after,
        t.guarantor_net_worth_before,
        (select max(w.quarter_end) from consolidated_net_worth as w where w.quarter_end < e.effective_date) as company_quarter_end
    from events as e
    join merger_attestations as t on t.merger_id = e.merger_id
),

-- threshold = the figure before, tested actual >= threshold (equal passes). The Company's figure before is
-- consolidated_net_worth at the last fiscal quarter end before the effective date (the latest balance sheet "prior to
-- such transaction"; its date is in the inputs); a Subsidiary Guarantor's is attested
-- (subsidiary_guarantor_consolidated_net_worth_before).
before as (
    select
        f.*,
        case when f.governing_clause = '15.03(b)(i)' then f.guarantor_net_worth_before else w.consolidated_net_worth end as net_worth_before
    from figures as f
    left join consolidated_net_worth as w on w.quarter_end = f.company_quarter_end
),

result_rows as (
    select
        clause_id, effective_date as test_date, 'transaction' as test_kind, merger_id as transaction_id,
        net_worth_after as actual,
        cast(json_object(
            'surviving_corporation_consolidated_net_worth', json_object('value', coalesce(net_worth_after::varchar, 'not attested'), 'clause_id', 'indenture-1996/def/ConsolidatedNetWorth'),
            'consolidated_net_worth_before', json_object('value', coalesce(net_worth_before::varchar, 'not known'), 'clause_id', 'indenture-1996/def/ConsolidatedNetWorth'),
            'before_as_of', json_object('value', case when governing_clause = '15.03(b)(i)' then 'attested' else coalesce(company_quarter_end::varchar, 'no quarter end') end, 'clause_id', clause_id)
        ) as varchar) as inputs,
        cast(to_json(case when governing_clause = '11.01(b)' then []::varchar[] else list_concat(
            case when net_worth_after is null then ['surviving_corporation_consolidated_net_worth attestation (R-I11) for ' || merger_id] else []::varchar[] end,
            case when net_worth_before is null and governing_clause = '15.03(b)(i)'
                then ['subsidiary_guarantor_consolidated_net_worth_before attestation (R-I11) for ' || merger_id] else []::varchar[] end,
            case when net_worth_before is null and governing_clause <> '15.03(b)(i)'
                then ['Consolidated Net Worth of the Company at a fiscal quarter end before ' || effective_date] else []::varchar[] end
        ) end) as varchar) as missing_inputs,
        -- a not_applicable row still needs a threshold for the engine to reach its reason: 0 on 11.01(b) rows
        cast(case when governing_clause = '11.01(b)' then 0 else net_worth_before end as decimal(38, 2)) as threshold,
        exempt_because as not_applicable_because
    from before
)

select * from result_without_period(result_rows)
