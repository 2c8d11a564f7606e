-- clause: indenture-1996/11.01(a)
-- clause: indenture-1996/15.03(b)
-- clause: indenture-1996/4.05
-- The attestations of each event of the mergers extract (reference_id = merger_id), one column per subject: the value
-- with the latest period_end; null when none parses (the marts then name it as missing). ccfafc_of_merged_business is
-- per four-quarter period and is read by merger_coverage_tests.
select
    m.merger_id,
    max_by(a.value_flag, a.period_end) filter (where a.subject = 'no_default' and a.value_flag is not null) as no_default,
    max_by(a.value_flag, a.period_end) filter (where a.subject = 'merger_officers_certificate_delivered' and a.value_flag is not null)
        as officers_certificate,
    max_by(a.value_flag, a.period_end) filter (where a.subject = 'merger_opinion_of_counsel_delivered' and a.value_flag is not null)
        as opinion_of_counsel,
    max_by(a.value_flag, a.period_end) filter (where a.subject = 'subsidiary_discontinuance_judgment' and a.value_flag is not null)
        as discontinuance_judgment,
    max_by(a.value_amount, a.period_end) filter (where a.subject = 'surviving_corporation_consolidated_net_worth' and a.value_amount is not null)
        as net_worth_after,
    max_by(a.value_amount, a.period_end) filter (where a.subject = 'subsidiary_guarantor_consolidated_net_worth_before' and a.value_amount is not null)
        as guarantor_net_worth_before,
    max_by(a.value_amount, a.period_end) filter (where a.subject = 'surviving_corporation_ccfafc' and a.value_amount is not null)
        as survivor_ccfafc,
    max_by(a.value_amount, a.period_end) filter (where a.subject = 'surviving_corporation_forward_fixed_charges' and a.value_amount is not null)
        as survivor_fixed_charges
from stg_mergers as m
left join current_attestations as a on a.reference_id = m.merger_id
group by m.merger_id
