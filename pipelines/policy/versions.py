"""Which version of each rule a result applied (`Result.rules_applied`): the clause's text as the agreement was signed,
as an amendment left it, or the text before an amendment where that text is not held; and the waiver letters."""

from __future__ import annotations

from datetime import date

from pipelines.policy.loading import PolicySet
from pipelines.policy.result import Result, RuleVersion
from pipelines.policy.rules_as_of import letter_signed
from pipelines.policy.schema import Covenant


def _amendment_on(covenant: Covenant, policies: PolicySet, test_date: date) -> str | None:
    """The amendment whose words govern the test date: that of the period or value in force, else the latest amendment
    of the clause in effect on it."""
    period = next((p for p in covenant.periods_without_threshold if p.from_date <= test_date <= p.until_date), None)
    if period is not None:
        return period.amendment
    by_date = [v for v in covenant.threshold.by_test_date if v.test_date == test_date]
    dated = [v for v in covenant.threshold.by_effective_date if v.effective_from <= test_date]
    value = by_date[0] if by_date else max(dated, key=lambda v: v.effective_from, default=None)
    if value is not None and value.amendment:
        return value.amendment
    in_effect = [policies.amendment(a.amendment) for a in covenant.amended_by]
    latest = max((a for a in in_effect if a.effective <= test_date), key=lambda a: a.effective, default=None)
    return None if latest is None else latest.amendment_id


def clause_version(policies: PolicySet, covenant: Covenant, test_date: date) -> RuleVersion:
    file = policies.origin(f"clause {covenant.clause_id}")
    withheld = next((a for c, a in policies.withheld if c == covenant.clause_id), None)
    if withheld is not None:
        # the text in force on the rules-as-of day is the one this amendment replaced, and it is not held
        earlier = policies.amendment(withheld).earlier_text
        return RuleVersion("clause", covenant.clause_id, f"before {withheld}", f"{earlier.documents} (not held)", None, None, file)
    amendment_id = _amendment_on(covenant, policies, test_date)
    if amendment_id is None:
        instrument = policies.instrument(covenant.instrument)
        return RuleVersion("clause", covenant.clause_id, "as signed", f"{covenant.instrument} as signed, with any amendment the register does not hold", instrument.dated, instrument.dated, file)
    amendment = policies.amendment(amendment_id)
    return RuleVersion("clause", covenant.clause_id, amendment_id, amendment.title, amendment.signed_on, amendment.effective, file)


def _parameter_versions(policies: PolicySet, covenant: Covenant, test_date: date) -> list[RuleVersion]:
    """The value in force on the test date of each parameter that serves the clause itself, its figure's or computed
    threshold's clause or a clause reducing its threshold (the ones the marts read for it by name)."""
    served = {covenant.clause_id, covenant.figure.clause_id, *(r.clause_id for r in covenant.threshold_reductions)}
    if covenant.threshold.computed is not None:
        served.add(covenant.threshold.computed.clause_id)
    versions = []
    for parameter in sorted((p for p in policies.parameters if p.clause_id in served), key=lambda p: p.name):
        in_force = max((v for v in parameter.values if v.effective_from <= test_date), key=lambda v: v.effective_from, default=None)
        if in_force is None:
            continue
        file = policies.origin(f"parameter {parameter.name}")
        if in_force.amendment:
            amendment = policies.amendment(in_force.amendment)
            versions.append(RuleVersion("parameter", f"{parameter.instrument}/{parameter.name}", amendment.amendment_id, amendment.title,
                                        amendment.signed_on, in_force.effective_from, file))
        else:
            signed = policies.instrument(parameter.instrument).dated
            versions.append(RuleVersion("parameter", f"{parameter.instrument}/{parameter.name}", "as signed", f"{parameter.instrument} as signed",
                                        signed, in_force.effective_from, file))
    return versions


def rules_applied(policies: PolicySet, covenant: Covenant, result: Result) -> tuple[RuleVersion, ...]:
    """The clause's version, the value in force of each parameter serving it, then the waiver and the extensions that
    made the result `waived` (or left it indeterminate on a condition), each with its letter's signing and effective
    dates."""
    applied = [clause_version(policies, covenant, result.test_date), *_parameter_versions(policies, covenant, result.test_date)]
    waiver = next((w for w in policies.waivers if w.waiver_id == result.waiver_id), None)
    if waiver is not None:
        letter = waiver.amendment or f"letter of {waiver.signed_on or waiver.dated}"
        applied.append(RuleVersion("waiver", waiver.waiver_id, letter, waiver.title, letter_signed(policies, waiver), waiver.dated,
                                   policies.origin(f"waiver {waiver.waiver_id}")))
        for extension in policies.extensions:
            if extension.extends == waiver.waiver_id and extension.dated <= result.determination_date:
                applied.append(RuleVersion("waiver extension", extension.extension_id, f"letter of {letter_signed(policies, extension)}",
                                           extension.source, letter_signed(policies, extension), extension.dated,
                                           policies.origin(f"waiver extension {extension.extension_id}")))
    return tuple(applied)


def version_parts(version: dict) -> tuple[str, str, str | None]:
    """One rule version in words, from its plain record: the rule's id, what version it is, the policy file (a document
    keeps the first and the last whole on a line)."""
    signed = f"signed {version['signed_on']}" if version["signed_on"] else "signing date not known"
    effective = f", effective {version['effective_on']}" if version["effective_on"] else ""
    return version["rule_id"], f"{version['version']}, {version['title']}, {signed}{effective}", version["policy_file"]


def version_line(version: dict) -> str:
    """One rule version in a line (results.csv, explain)."""
    rule_id, what, file = version_parts(version)
    return f"{rule_id}: {what}" + (f" ({file})" if file else "")
