-- clause: indenture-1996/11.01(a)
-- clause: indenture-1996/15.03(b)
-- clause: indenture-1996/4.05
-- The attestations of each event of the mergers extract (reference_id = merger_id), one column per subject: the value
-- with the latest period_end; null when none parses (the marts then name it as missing). ccfafc_of_merged_business is
-- per four-quarter period and is read by merger_coverage_tests.
select
    m.merger_id,
    latest_attested_flag(current_attestations, 'no_default', m.merger_id) as no_default,
    latest_attested_flag(current_attestations, 'merger_officers_certificate_delivered', m.merger_id) as officers_certificate,
    latest_attested_flag(current_attestations, 'merger_opinion_of_counsel_delivered', m.merger_id) as opinion_of_counsel,
    latest_attested_flag(current_attestations, 'subsidiary_discontinuance_judgment', m.merger_id) as discontinuance_judgment,
    latest_attested_amount(current_attestations, 'surviving_corporation_consolidated_net_worth', m.merger_id) as net_worth_after,
    latest_attested_amount(current_attestations, 'subsidiary_guarantor_consolidated_net_worth_before', m.merger_id) as guarantor_net_worth_before,
    latest_attested_amount(current_attestations, 'surviving_corporation_ccfafc', m.merger_id) as survivor_ccfafc,
    latest_attested_amount(current_attestations, 'surviving_corporation_forward_fixed_charges', m.merger_id) as survivor_fixed_charges
from (select distinct merger_id from stg_mergers) as m
