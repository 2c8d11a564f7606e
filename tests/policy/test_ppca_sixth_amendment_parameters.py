"""ppca-2002/amend6/effectiveness amendment fee (E4) and 12.1(vii) 86% vote, computed from the parameter files and
Schedule A [Sixth Amendment, Schedule A] (R-P16: commitments literal, shares at full precision; N7: commitments current at the time)."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

SCHEDULE_A = {  # [Sixth Amendment, Schedule A] Revolving Commitments as of the Sixth Amendment's effective date
    "Bank of America, N.A.": Decimal("55000000"),
    "General Electric Capital Corporation": Decimal("55000000"),
    "The CIT Group/Business Credit, Inc.": Decimal("40000000"),
    "Wells Fargo Foothill, Inc.": Decimal("45000000"),
    "Merrill Lynch Business Financial Services Inc": Decimal("35000000"),
    "GMAC Commercial Finance LLC": Decimal("30000000"),
    "PNC Bank, National Association": Decimal("25000000"),
}


def value(policies, name, on):
    [parameter] = [p for p in policies.parameters if p.instrument == "ppca-2002" and p.name == name]
    found = [v for v in parameter.values if v.effective_from <= on]
    return Decimal(found[-1].value) if found else None


def approves(consenting, basis):
    """12.1(vii): consenting Lenders' share of the basis (outstandings, or commitments if none) at least 86%."""
    return Fraction(sum(basis[name] for name in consenting)) / Fraction(sum(basis.values())) >= Fraction("0.86")


def test_amendment_fee_e4(policies):
    rate = value(policies, "sixth_amendment_fee_rate", date(2003, 8, 1))
    commitment = value(policies, "revolving_commitment_amount", date(2003, 8, 1))
    assert rate * commitment == Decimal("2280000.00000000")  # E4: .008 x 285,000,000 = 2,280,000
    assert value(policies, "sixth_amendment_fee_rate", date(2003, 7, 31)) is None  # no fee before the amendment


def test_schedule_a_adds_up_to_the_commitment(policies):
    # the printed total "$285,00,000" is a typo (R-P16); the seven commitments add up to 285,000,000
    assert sum(SCHEDULE_A.values()) == value(policies, "revolving_commitment_amount", date(2003, 8, 1))
    assert value(policies, "revolving_commitment_amount", date(2003, 7, 31)) is None  # $300,000,000 base text not available


def test_86_percent_vote(policies):
    assert value(policies, "ppe_reduction_amendment_vote_share", date(2003, 8, 1)) == Decimal("0.86")
    everyone_but_pnc = set(SCHEDULE_A) - {"PNC Bank, National Association"}
    # 260,000,000 / 285,000,000 = 91.228% >= 86%: approved without PNC
    assert approves(everyone_but_pnc, SCHEDULE_A)
    # without Merrill Lynch: 250,000,000 / 285,000,000 = 87.719% >= 86%
    assert approves(set(SCHEDULE_A) - {"Merrill Lynch Business Financial Services Inc"}, SCHEDULE_A)
    # without GE Capital: 230,000,000 / 285,000,000 = 80.702% < 86%
    assert not approves(set(SCHEDULE_A) - {"General Electric Capital Corporation"}, SCHEDULE_A)
    # exactly 86%: outstandings of 86 and 14 -> approved ("at least")
    assert approves({"A"}, {"A": Decimal("86"), "B": Decimal("14")})
    assert not approves({"A"}, {"A": Decimal("85.99"), "B": Decimal("14.01")})
