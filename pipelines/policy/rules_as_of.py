"""The agreements as they stood on a day (`covenants run --rules-as-of`, docs/time-and-scenarios.md).

Everything an amendment or a letter signed after the day introduced is left out: its dated values, its periods without
threshold, its waivers and their extensions, its parameter values. A clause it replaced stands, on that day, in the
text before it: where the policies hold that text (the amendment's register says so), its own values govern; where
they do not, every test date of the clause is `indeterminate`, naming the documents that hold it. Nothing is guessed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from pipelines.policy.loading import PolicySet
from pipelines.policy.schema import Amendment, Covenant, NoThresholdPeriod, Waiver, WaiverExtension
from pipelines.typography import long_date

UNTIL_ANY_TEST = date(9999, 12, 31)


def letter_signed(policies: PolicySet, letter: Waiver | WaiverExtension) -> date:
    """The day a waiver or an extension was signed: its letter's date, the amendment that granted it, or its date."""
    if letter.signed_on is not None:
        return letter.signed_on
    amendment = getattr(letter, "amendment", None)
    return policies.amendment(amendment).signed_on if amendment else letter.dated


def rules_on(policies: PolicySet, day: date | None) -> PolicySet:
    """The policies as they are (no day), or as the agreements stood on `day`."""
    return policies if day is None else as_they_stood(policies, day)


def as_they_stood(policies: PolicySet, day: date) -> PolicySet:
    """The policies as the agreements stood on `day` (the amendments register stays whole: it names the documents)."""
    later = {a.amendment_id for a in policies.amendments if a.signed_on > day}
    stood = _leaving_out(policies, later, lambda letter: letter_signed(policies, letter) <= day, f"Under the agreement as it stood on {long_date(day)}")
    return replace(stood, rules_as_of=day)


def without_amendment(policies: PolicySet, amendment_id: str) -> PolicySet:
    """The policies without what one amendment introduced (as they stood the day before it was signed, for that
    amendment only; `covenants impact`): its values, periods and waivers, and the text it replaced for its clauses."""
    amendment = policies.amendment(amendment_id)
    return _leaving_out(policies, {amendment_id}, lambda letter: getattr(letter, "amendment", None) != amendment_id, f"Without the {amendment.title}")


def _leaving_out(policies: PolicySet, later: set[str], letter_kept, context: str) -> PolicySet:
    """The policies less what the amendments `later` introduced and the letters `letter_kept` refuses."""
    covenants, withheld = [], []
    for covenant in policies.covenants:
        stood, pending = _covenant_without(policies, covenant, later, context)
        covenants.append(stood)
        withheld += [(covenant.clause_id, amendment.amendment_id) for amendment in pending]
    waivers = tuple(w for w in policies.waivers if letter_kept(w))
    granted = {w.waiver_id for w in waivers}
    extensions = tuple(e for e in policies.extensions if e.extends in granted and letter_kept(e))
    parameters = []
    for parameter in policies.parameters:
        values = tuple(v for v in parameter.values if v.amendment not in later)
        if values:  # a quantity no text signed by then gives is not in the table at all: the models read it as missing
            parameters.append(parameter.model_copy(update={"values": values}))
    return replace(
        policies,
        covenants=tuple(covenants),
        waivers=waivers,
        extensions=extensions,
        parameters=tuple(parameters),
        withheld=tuple(withheld),
    )


def _covenant_without(policies: PolicySet, covenant: Covenant, later: set[str], context: str) -> tuple[Covenant, list[Amendment]]:
    """The covenant without what the amendments `later` introduced, and those of them whose earlier text is not held."""
    threshold = covenant.threshold.model_copy(
        update={
            "by_effective_date": tuple(v for v in covenant.threshold.by_effective_date if v.amendment not in later),
            "by_test_date": tuple(v for v in covenant.threshold.by_test_date if v.amendment not in later),
        }
    )
    periods = tuple(p for p in covenant.periods_without_threshold if p.amendment not in later)
    pending = [policies.amendment(a.amendment) for a in covenant.amended_by if a.amendment in later]
    stood = covenant.model_copy(
        update={"threshold": threshold, "periods_without_threshold": periods, "amended_by": tuple(a for a in covenant.amended_by if a.amendment not in later)}
    )
    own = [a for a in pending if a.change_of(covenant.clause_id).change == "own_terms"]
    if own:
        # the amendment's own terms (its effectiveness, its fee): nothing to test before it was signed
        absent = NoThresholdPeriod(
            from_date=date.min,
            until_date=UNTIL_ANY_TEST,
            status="not_applicable",
            explanation=f"{context}, {covenant.clause_id} does not exist: it is a term of the {own[0].title}, signed {long_date(own[0].signed_on)}.",
        )
        return stood.model_copy(update={"periods_without_threshold": (absent,)}), []
    not_held = [a for a in pending if not a.earlier_text.held]
    if not not_held:
        return stood, []
    first = min(not_held, key=lambda a: a.signed_on)
    began = policies.instrument(covenant.instrument).dated
    # the days before the agreement existed keep their own answer; every later one is in the text not held
    before = tuple(p for p in periods if p.status == "not_applicable" and p.until_date < began)
    missing = NoThresholdPeriod(
        from_date=began,
        until_date=UNTIL_ANY_TEST,
        status="indeterminate",
        explanation=(
            f"{context}, {covenant.clause_id} is the text the {first.title} (signed "
            f"{long_date(first.signed_on)}) replaced, which is in {first.earlier_text.documents}: not held. The result "
            "cannot be determined without that text."
        ),
    )
    return stood.model_copy(update={"periods_without_threshold": before + (missing,)}), not_held
