-- clause: indenture-1996/4.09(a)(C)
-- clause: indenture-1996/4.09(b)(IV)
-- clause: indenture-1996/4.09(b)(VIII)
-- The attested opening balance of each 4.09 ledger at its cut-over date (R-I06): the ledgers run from 1993/1994
-- but the extracts start later, so a person attests each balance as of a date (period_end) and the models roll it
-- forward with the ledger rows dated after it. The latest cut-over of each subject governs. A subject with no
-- attestation has no row here; the models using it name it in missing_inputs.
select
    subject,
    period_end as cut_over_date,
    value_amount,
    attestation_id
from current_attestations
where subject in (
    'cumulative_consolidated_net_income_opening',
    'restricted_payments_opening',
    'restricted_investments_opening',
    'equity_proceeds_opening',
    'basket_4_09_b_viii_opening',
    'basket_4_09_b_viii_maxxam_opening',
    'subordinated_debt_retirements_opening',
    'subordinated_debt_proceeds_opening'
)
    and value_amount is not null
qualify row_number() over (partition by subject order by period_end desc, attested_on desc, attestation_id desc) = 1
