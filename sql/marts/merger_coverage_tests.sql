-- clause: indenture-1996/11.01(a)
-- clause: indenture-1996/15.03(b)
-- clause: indenture-1996/def/ConsolidatedFixedChargeCoverageRatio
-- transactions of: mergers
-- Whether the surviving corporation (11.01(a)(iii)) or the Company (15.03(b)(i)(C)) could incur $1.00 of Indebtedness
-- under 4.10(a) after a merger: one ratio row per event, as the policy engine reads it.

-- 11.01(a)(iii) [Indenture § 11.01(a)(iii)]: "immediately after giving effect to such consolidation, merger, sale or
-- conveyance, the surviving corporation (whether the Company or such other corporation) could incur $1.00 of
-- Indebtedness pursuant to Section 4.10(a)"; 15.03(b)(i)(C) [Indenture § 15.03(b)(i)(C)]: "the Company could incur
-- $1.00 ...". Could incur under 4.10(a) = the Consolidated Fixed Charge Coverage Ratio, with the full 4.10(b)(ii)
-- amount deemed Incurred, greater than 2.0 to 1 (11.01(a); strict, exactly 2.0 fails).
with events as (
    select *
    from merger_events
    where governing_clause in ('11.01(a)', '11.01(b)', '15.03(b)(i)')
),

-- The Company's ratio (the Company survives an 11.01(a) merger; every 15.03(b)(i) event): the
-- fixed_charge_coverage_tests row of the merger on its effective date (the four quarters before it, the forward year on
-- the Indebtedness outstanding that day, so debt assumed in the merger must be in the debt extracts from that day),
-- plus, "after giving effect to" the merger, the Consolidated Cash Flow Available for Fixed Charges of the business the
-- group takes in when the counterparty was not already a Subsidiary (attestation ccfafc_of_merged_business for the four
-- quarters ending on the test's period_end, R-I03), as CCFAFC (y) brings in an acquisition.
company_ratios as (
    select
        f.*,
        e.counterparty_role,
        e.merger_id,
        -- current_attestations holds one row per subject, reference and period_end, so `limit 1` picks no row at random
        (select a.value_amount from current_attestations as a
         where a.subject = 'ccfafc_of_merged_business' and a.reference_id = e.merger_id and a.period_end = f.period_end
             and a.value_amount is not null
         limit 1) as merged_business_ccfafc  -- noqa: AM09
    from fixed_charge_coverage_tests as f
    join events as e on e.merger_id = f.transaction_id and e.coverage_clause_id = f.clause_id
),

-- A surviving corporation other than the Company: its own pro forma figures, attested (surviving_corporation_ccfafc,
-- surviving_corporation_forward_fixed_charges with the 4.10(b)(ii) draw deemed, R-I03); denominator_divisor 1. Events
-- 11.01(b) governs: not_applicable with the reason (no figure needed).
survivor_figures as (
    select
        e.*,
        t.survivor_ccfafc,
        t.survivor_fixed_charges
    from events as e
    join merger_attestations as t on t.merger_id = e.merger_id
    where e.governing_clause = '11.01(b)' or (e.governing_clause = '11.01(a)' and e.survivor_role <> 'company')
)

select
    clause_id, test_date, test_kind, transaction_id, period_start, period_end, forward_start, forward_end,
    cast(numerator + case when counterparty_role = 'other' then coalesce(merged_business_ccfafc, 0) else 0 end as decimal(38, 2)) as numerator,
    denominator,
    denominator_divisor,
    cast(json_merge_patch(inputs::json, json_object(
        'ccfafc_of_merged_business', json_object(
            'value', case when counterparty_role = 'other' then coalesce(merged_business_ccfafc::varchar, 'not attested') else 'none: the counterparty was a Subsidiary' end,
            'clause_id', 'indenture-1996/def/ConsolidatedCashFlowAvailableForFixedCharges')
    )) as varchar) as inputs,
    cast(to_json(list_sort(list_concat(
        cast(missing_inputs as varchar[]),
        case when counterparty_role = 'other' and merged_business_ccfafc is null
            then ['ccfafc_of_merged_business attestation (R-I03) for ' || merger_id || ' for the four quarters ending ' || period_end] else []::varchar[] end
    ))) as varchar) as missing_inputs,
    cast(null as varchar) as not_applicable_because
from company_ratios
union all
select
    'indenture-1996/11.01(a)(iii)',
    effective_date,
    'transaction',
    merger_id,
    null,
    null,
    null,
    null,
    cast(survivor_ccfafc as decimal(38, 2)),
    cast(survivor_fixed_charges as decimal(38, 10)),
    1,
    case when exempt_because is null then cast(json_object(
        'surviving_corporation_ccfafc', json_object('value', coalesce(survivor_ccfafc::varchar, 'not attested'), 'clause_id', 'indenture-1996/def/ConsolidatedCashFlowAvailableForFixedCharges'),
        'surviving_corporation_forward_fixed_charges', json_object('value', coalesce(survivor_fixed_charges::varchar, 'not attested'), 'clause_id', 'indenture-1996/def/ConsolidatedFixedChargeCoverageRatio')
    ) as varchar) else '{}' end,
    cast(to_json(case when exempt_because is null then list_concat(
        case when survivor_ccfafc is null then ['surviving_corporation_ccfafc attestation (R-I03) for ' || merger_id] else []::varchar[] end,
        case when survivor_fixed_charges is null then ['surviving_corporation_forward_fixed_charges attestation (R-I03) for ' || merger_id] else []::varchar[] end
    ) else []::varchar[] end) as varchar),
    exempt_because
from survivor_figures
