"""An amount written twice, as a covenant's threshold and as the dated parameter the SQL reads for the same clause,
must say the same on every date: the policy compares the mart's figure with the one, the mart's ledger or cap column
is computed from the other (a basket's capacity, the amount a default counts from). Changing one without the other
would make the certificate's threshold and the ledger's capacity disagree."""

import pytest

from pipelines.policy.loading import load_policies

# (the covenant's clause, the parameter of that clause that holds the same amount)
MIRRORED = (
    ("indenture-1996/4.09(b)(VII)", "kac_expenses_fiscal_year_cap"),  # $300,000 in any fiscal year
    ("indenture-1996/4.09(b)(VIII)", "general_restricted_payments_cap"),  # would not exceed $50,000,000
    ("indenture-1996/6.01(d)", "cross_default_threshold"),  # $25,000,000 of Indebtedness accelerated
    ("indenture-1996/def/RefinancingSaleAndLeasebackTransaction", "refinancing_sale_and_leaseback_minimum_attributable_debt"),
    ("ppca-2002/9.2.7(ii)", "alpart_capital_expenditures_limit"),  # not more than $49,000,000 for ALPART, 2002-2004
)


@pytest.mark.parametrize(("clause_id", "parameter"), MIRRORED)
def test_a_threshold_and_its_parameter_say_the_same_on_every_date(clause_id, parameter):
    policies = load_policies()
    [covenant] = [c for c in policies.covenants if c.clause_id == clause_id]
    [values] = [p.values for p in policies.parameters if p.name == parameter and p.clause_id == clause_id]
    threshold = {row.effective_from: row.value for row in covenant.threshold.by_effective_date}
    assert threshold == {v.effective_from: v.value for v in values}
