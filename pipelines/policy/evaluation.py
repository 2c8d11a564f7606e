"""Evaluate covenant policies against the figures the SQL marts produced: one Result per clause and test date.

Comparisons are exact: a ratio is compared as a fraction, never as a rounded decimal, so "greater than 2.0 to 1"
fails at exactly 2.0. Missing or unattested input gives `indeterminate`, never `pass`, unless the mart bounds what the
missing facts can change and every value within those bounds gives the same status: that status is given, and the
missing facts are named as cautions (a status never rests on a guessed value).
"""

from __future__ import annotations

import json
import operator as op
from dataclasses import asdict, dataclass, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction

import duckdb

from pipelines.outputs.total_order import in_total_order
from pipelines.policy.limits import condition_limit, mart_limits, threshold_limits
from pipelines.policy.loading import PolicyError, PolicySet
from pipelines.policy.result import Limit, Result
from pipelines.policy.room import with_room
from pipelines.policy.schema import Condition, Covenant, ScopedTestDates, Waiver
from pipelines.policy.versions import rules_applied
from pipelines.typography import comparison, long_date, money, prose, ratio, ratio_places

COMPARE = {">": op.gt, ">=": op.ge, "<": op.lt, "<=": op.le}
RATIO_PLACES = Decimal("0.000001")  # display only; the comparison uses the exact fraction
PCT_PLACES = Decimal("0.01")
CENTS = Decimal("0.01")


@dataclass(frozen=True)
class Figures:
    """One mart row: the tested figure for one clause and test date."""

    clause_id: str
    test_date: date
    test_kind: str
    transaction_id: str | None
    value: Fraction | None
    threshold_reduction: Decimal
    computed_threshold: Decimal | None
    inputs: dict
    missing_inputs: tuple[str, ...]
    period: tuple[date | None, date | None]
    # cautions a mart may add (optional `warnings` column, a JSON array) that do not change the status, e.g. R-I38
    warnings: tuple[str, ...] = ()
    # optional mart column: why the clause does not apply on this test date although a threshold is in force (a month
    # without a ppca-2002 9.2.4(b) Trigger Event)
    not_applicable_because: str | None = None
    # optional mart column: the reductions, credits and caps behind the threshold or an input (pipelines.policy.limits)
    limits: tuple[Limit, ...] = ()
    # optional mart column `bounds`: where the missing inputs can move only the figure and the mart's threshold, the
    # least and greatest each can then be (None: no bound on that side), e.g. a Maximum Letter of Credit Amount of
    # $200,000,000 or $235,000,000 while the date the bid bond obligation ended is not attested
    bounds: Bounds | None = None
    # a ratio's numerator and its denominator over the divisor, exact (pipelines.policy.room solves on them)
    ratio_terms: tuple[Fraction, Fraction] | None = None


@dataclass(frozen=True)
class Bounds:
    actual: tuple[Fraction | None, Fraction | None]
    threshold: tuple[Decimal | None, Decimal | None]


def _bounds(text: str | None) -> Bounds | None:
    if not text:
        return None
    given = json.loads(text)
    actual = tuple(None if v is None else Fraction(v) for v in given.get("actual", (None, None)))
    threshold = tuple(None if v is None else Decimal(v) for v in given.get("threshold", (None, None)))
    return Bounds(actual=actual, threshold=threshold)


def read_marts(con: duckdb.DuckDBPyConnection, marts: set[str], transaction_id: str | None = None) -> dict[str, dict[str, list[dict]]]:
    """Each mart's rows by clause id, read once for all the covenants it holds; only the transaction's when one is
    named (`covenants check` tests one proposal; a mart without a transaction_id column then holds none)."""
    read = {}
    for mart in sorted(marts):
        query, parameters = f'select * from "{mart}"', []
        if transaction_id is not None:
            if "transaction_id" not in con.table(mart).columns:
                read[mart] = {}
                continue
            query, parameters = query + " where transaction_id = ?", [transaction_id]
        cursor = con.execute(query, parameters)
        columns = [d[0] for d in cursor.description]
        by_clause: dict[str, list[dict]] = {}
        for row in cursor.fetchall():
            named = dict(zip(columns, row))
            by_clause.setdefault(named["clause_id"], []).append(named)
        read[mart] = by_clause
    return read


def covenant_figures(read: dict[str, dict[str, list[dict]]], covenant: Covenant) -> list[Figures]:
    """The covenant's rows among the marts `read_marts` read."""
    return [_figures(row, covenant) for row in read[covenant.figure.mart].get(covenant.clause_id, [])]


def _figures(row: dict, covenant: Covenant) -> Figures:
    if covenant.figure.form == "ratio":
        numerator, denominator = row["numerator"], row["denominator"]
        divisor = row.get("denominator_divisor") or 1
        terms = None if numerator is None or denominator is None or denominator <= 0 else (Fraction(numerator), Fraction(denominator) / divisor)
        value = None if terms is None else terms[0] / terms[1]
    else:
        terms = None
        value = None if row["actual"] is None else Fraction(row["actual"])
    return Figures(
        clause_id=row["clause_id"],
        test_date=row["test_date"],
        test_kind=row["test_kind"],
        transaction_id=row.get("transaction_id"),
        value=value,
        threshold_reduction=row.get("threshold_reduction") or Decimal("0"),
        computed_threshold=row.get("threshold"),
        inputs=json.loads(row["inputs"]) if row.get("inputs") else {},
        missing_inputs=tuple(json.loads(row["missing_inputs"])) if row.get("missing_inputs") else (),
        period=(row.get("period_start"), row.get("period_end")),
        warnings=tuple(json.loads(row["warnings"])) if row.get("warnings") else (),
        not_applicable_because=row.get("not_applicable_because"),
        bounds=_bounds(row.get("bounds")),
        limits=mart_limits(row.get("limits")),
        ratio_terms=terms,
    )


def threshold_on(covenant: Covenant, test_date: date, computed: Decimal | None = None) -> tuple[Decimal, str] | None:
    """The threshold in force for a test date, with its source; None where the policy gives none.

    A computed threshold comes from the mart row (`computed`); None there means the mart could not compute it.
    """
    if covenant.threshold.computed is not None:
        rule = covenant.threshold.computed
        return None if computed is None else (computed, f"{rule.clause_id}: {rule.description}")
    if covenant.threshold.by_test_date:
        match = [v for v in covenant.threshold.by_test_date if v.test_date == test_date]
        return (match[0].value, match[0].source) if match else None
    dated = [v for v in covenant.threshold.by_effective_date if v.effective_from <= test_date]
    if not dated:
        return None
    latest = max(dated, key=lambda v: v.effective_from)
    return latest.value, latest.source


def determination_date(covenant: Covenant, test_date: date, as_of: date | None) -> date:
    """When the result for a test date is determined: the run's as-of date, or the certificate date the policy names."""
    if as_of is not None:
        return as_of
    rule = covenant.determination
    year_end = (test_date.month, test_date.day) == (12, 31)
    return test_date + timedelta(days=rule.days_after_fiscal_year_end if year_end else rule.days_after_quarter_end)


def _display(value: Fraction, form: str) -> Decimal:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    if form == "ratio":
        return exact.quantize(RATIO_PLACES, ROUND_HALF_EVEN)
    cents = exact.quantize(CENTS)
    return cents if cents == exact else exact  # money is shown in cents, and never rounded to get there


def _shown(form: str, actual: Fraction | None, threshold: Decimal):
    """How the figure and its threshold are written in the explanation: money, or a ratio to the places the clause
    uses (more where needed so the written figures agree with the exact comparison)."""
    if form != "ratio":
        return lambda value: money(_display(value, form) if isinstance(value, Fraction) else value)
    places = max(1, -threshold.as_tuple().exponent) if actual is None else ratio_places(actual, threshold)
    return lambda value: ratio(value, places)


def _headroom(actual: Fraction, threshold: Fraction, operator: str) -> Fraction:
    return actual - threshold if operator in (">", ">=") else threshold - actual


def evaluate_covenant(
    con: duckdb.DuckDBPyConnection, covenant: Covenant, policies: PolicySet, as_of: date | None = None, figures_read: list[Figures] | None = None
) -> list[Result]:
    """The covenant's results, from its mart rows (`figures_read`, when the caller has read them already)."""
    results = []
    read = covenant_figures(read_marts(con, {covenant.figure.mart}), covenant) if figures_read is None else figures_read
    for figures in sorted(read, key=lambda f: (f.test_date, f.test_kind, f.transaction_id or "")):
        if as_of is not None and figures.test_date > as_of:
            continue
        result = _evaluate_one(con, covenant, figures, policies, determination_date(covenant, figures.test_date, as_of))
        result = replace(result, rules_applied=rules_applied(policies, covenant, result))
        if figures.warnings:
            result = replace(result, explanation=result.explanation + " Warning: " + "; ".join(figures.warnings) + ".")
        results.append(with_room(covenant, replace(result, explanation=prose(result.explanation)), figures.ratio_terms))
    return results


def _base(covenant: Covenant, figures: Figures, decided_on: date) -> Result:
    return Result(
        clause_id=covenant.clause_id,
        instrument=covenant.instrument,
        test_date=figures.test_date,
        test_kind=figures.test_kind,
        status="indeterminate",
        actual=None,
        operator=covenant.operator,
        threshold=None,
        headroom=None,
        headroom_pct=None,
        inputs=figures.inputs,
        # each reference names its agreement and section, so the clause id would only repeat it
        citations=tuple(dict.fromkeys(c.reference for c in covenant.citations)) + (covenant.figure.clause_id,),
        transaction_id=figures.transaction_id,
        figure=covenant.figure.name,
        determination_date=decided_on,
        amendments=tuple(a.note for a in covenant.amended_by),
    )


def _evaluate_one(
    con: duckdb.DuckDBPyConnection, covenant: Covenant, figures: Figures, policies: PolicySet, decided_on: date
) -> Result:
    result = _base(covenant, figures, decided_on)
    status_note = _instrument_status_note(policies, covenant.instrument, figures.test_date)
    found = threshold_on(covenant, figures.test_date, figures.computed_threshold)
    gap = next((p for p in covenant.periods_without_threshold if p.from_date <= figures.test_date <= p.until_date), None)
    ended = _instrument_ended(policies, covenant.instrument, figures.test_date)
    if ended is not None:
        return replace(result, status="not_applicable", explanation=ended)
    if gap is not None:
        # a period without threshold is an exception to the values and governs its days (docs/policies.md); a
        # computed threshold has no effective date of its own, so its policy names the dates it does not govern
        gap_result = replace(result, status=gap.status, explanation=gap.explanation)
        if covenant.threshold.computed is None and gap.status == "indeterminate":
            return _apply_waivers(con, gap_result, policies)
        return gap_result
    uncertain = bool(figures.missing_inputs) or figures.value is None or (found is None and covenant.threshold.computed is not None)
    settled = _settle(covenant, figures, found) if uncertain else None
    if settled is not None:
        found = settled.threshold
    if found is None and covenant.threshold.computed is not None:
        missing = "; ".join(figures.missing_inputs) or f"the threshold ({covenant.threshold.computed.description}) cannot be computed from the inputs"
        # the mart's reductions, credits and caps are listed even though the threshold they make up is not computed
        undetermined = replace(result, status="indeterminate", explanation=f"Cannot be determined: {missing}." + status_note, limits=figures.limits)
        return _apply_waivers(con, undetermined, policies)
    if found is None:
        return replace(result, status="not_applicable", explanation=f"No threshold of {covenant.clause_id} is in force on {long_date(figures.test_date)}.")

    if figures.not_applicable_because:
        return replace(result, status="not_applicable", explanation=figures.not_applicable_because + status_note)
    base_threshold, threshold_source = found
    threshold = base_threshold - figures.threshold_reduction
    limits = threshold_limits(covenant, figures.limits, base_threshold, threshold_source, figures.threshold_reduction)
    result = replace(result, threshold=threshold, limits=limits)
    shown = _shown(covenant.figure.form, figures.value if settled is None else settled.actual, threshold)
    reduction_note = (
        f" Threshold {shown(base_threshold)} ({threshold_source}) reduced by {shown(figures.threshold_reduction)} under "
        + ", ".join(r.clause_id for r in covenant.threshold_reductions)
        + "."
        if figures.threshold_reduction
        else f" Threshold {shown(base_threshold)} ({threshold_source})."
    )
    if settled is None and (figures.missing_inputs or figures.value is None):
        missing = list(figures.missing_inputs) or [f"{covenant.figure.name} cannot be computed from the inputs"]
        return _apply_waivers(
            con,
            replace(result, status="indeterminate", explanation="Cannot be determined: " + "; ".join(missing) + "." + reduction_note + status_note),
            policies,
        )
    if settled is not None:
        result = replace(result, cautions=settled.cautions)
        status_note = settled.caution_note(shown) + status_note

    actual = figures.value if settled is None else settled.actual
    headroom = _headroom(actual, Fraction(threshold), covenant.operator)
    complies = COMPARE[covenant.operator](actual, Fraction(threshold))
    result = replace(
        result,
        actual=_display(actual, covenant.figure.form),
        headroom=_display(headroom, covenant.figure.form),
        headroom_pct=(Decimal(headroom.numerator) / Decimal(headroom.denominator) / abs(threshold) * 100).quantize(PCT_PLACES, ROUND_HALF_EVEN)
        if threshold
        else None,
    )
    verdict = comparison(covenant.figure.name, shown(actual), covenant.operator, shown(threshold), complies)
    if figures.test_kind == "information":
        would = "would be permitted" if complies else "would not be permitted"
        return replace(
            result,
            status="not_applicable",
            explanation=f"Information only: no transaction on this date. {verdict} A transaction tested now {would} by this clause."
            + reduction_note
            + status_note,
        )
    if complies:
        return replace(result, status="pass", explanation=verdict + reduction_note + status_note)
    return _apply_waivers(con, replace(result, status="fail", explanation=verdict + reduction_note + status_note), policies)


@dataclass(frozen=True)
class Settled:
    """A result whose missing inputs cannot change its status: the figure and threshold of the case nearest the
    boundary (the least headroom when every case complies, the least shortfall when none does), and what is missing."""

    actual: Fraction
    threshold: tuple[Decimal, str]
    cautions: tuple[str, ...]
    bounds: Bounds

    def caution_note(self, shown) -> str:
        def span(low, high) -> str:
            if low is not None and low == high:
                return f"is {shown(low)}"
            if low is None:
                return f"is at most {shown(high)}"
            return f"is at least {shown(low)}" if high is None else f"lies between {shown(low)} and {shown(high)}"

        return (
            f" Caution: {'; '.join(self.cautions)}. Whatever the missing facts are, the figure {span(*self.bounds.actual)} and the"
            f" threshold {span(*self.bounds.threshold)}, which gives this status in every case; the figures shown are those"
            " of the case nearest the threshold."
        )


def _settle(covenant: Covenant, figures: Figures, found: tuple[Decimal, str] | None) -> Settled | None:
    """The figures to report when every value the missing inputs can take gives the same status; None otherwise (or
    when the mart gives no bounds: then the missing inputs may change more than the figure and the threshold)."""
    if figures.bounds is None:
        return None
    a_low, a_high = (figures.value, figures.value) if figures.value is not None else figures.bounds.actual
    if found is not None:
        (t_low, t_high), source = (found[0], found[0]), found[1]
    elif covenant.threshold.computed is not None:
        (t_low, t_high), rule = figures.bounds.threshold, covenant.threshold.computed
        source = f"{rule.clause_id}: {rule.description}; of the values the missing inputs allow, the one nearest the figure"
    else:
        return None
    reduction = figures.threshold_reduction
    compare = COMPARE[covenant.operator]
    upper_bound_test = covenant.operator in ("<", "<=")
    # "<=": every case complies when the greatest figure is within the least threshold; none does when the least
    # figure exceeds the greatest threshold (">=" the other way round)
    complying = (a_high, t_low) if upper_bound_test else (a_low, t_high)
    failing = (a_low, t_high) if upper_bound_test else (a_high, t_low)
    for (actual, threshold), outcome in ((complying, True), (failing, False)):
        if actual is not None and threshold is not None and compare(actual, Fraction(threshold - reduction)) is outcome:
            cautions = figures.missing_inputs or (f"{covenant.figure.name} is not known exactly",)
            shown_bounds = Bounds(actual=(a_low, a_high), threshold=tuple(None if t is None else t - reduction for t in (t_low, t_high)))
            return Settled(actual=actual, threshold=(threshold, source), cautions=cautions, bounds=shown_bounds)
    return None


def _instrument_ended(policies: PolicySet, instrument: str, on: date) -> str | None:
    """Why nothing of a terminated instrument governs `on`; None while it is in force."""
    periods = [p for p in policies.instrument(instrument).status_timeline if p.from_date <= on]
    latest = max(periods, key=lambda p: p.from_date, default=None)
    if latest is None or latest.status != "terminated":
        return None
    return f"{latest.effect} ({latest.source}): from {long_date(latest.from_date)} its covenants no longer apply."


def _instrument_status_note(policies: PolicySet, instrument: str, on: date) -> str:
    periods = [p for p in policies.instrument(instrument).status_timeline if p.from_date <= on]
    if not periods:
        return ""
    latest = max(periods, key=lambda p: p.from_date)
    return "" if latest.status == "outstanding" else f" Note: {latest.effect} ({latest.source})."


def waiver_scopes(policies: PolicySet, waiver: Waiver, on: date) -> tuple[ScopedTestDates, ...]:
    added = tuple(
        s for e in policies.extensions if e.extends == waiver.waiver_id and e.dated <= on for s in e.adds_scope
    )
    return waiver.scope + added


def covers(policies: PolicySet, waiver: Waiver, result: Result) -> bool:
    """A waiver scoped to transactions covers those transactions only, never another one under the same clause."""
    return any(
        s.clause_id == result.clause_id
        and (
            result.test_date in s.test_dates
            or (result.transaction_id is not None and (s.all_transactions or result.transaction_id in s.transaction_ids))
        )
        for s in waiver_scopes(policies, waiver, result.determination_date)
    )


def _effective_through(policies: PolicySet, waiver: Waiver, on: date) -> tuple[date | None, list[str]]:
    through, applied = waiver.effective_through, []
    for extension in sorted(policies.extensions, key=lambda e: e.dated):
        if extension.extends == waiver.waiver_id and extension.dated <= on:
            through, applied = extension.effective_through, applied + [extension.extension_id]
    return through, applied


def _check_condition(con: duckdb.DuckDBPyConnection, condition: Condition, result: Result, waiver_id: str) -> tuple[bool | None, str, tuple[Limit, ...]]:
    """(True/False, figures) for a checked condition; (None, why) when it cannot be checked; each with the condition's
    threshold as a limit when it is known."""
    label = f"condition '{condition.description}' ({condition.source})"
    fixed = condition_limit(condition, waiver_id, None if condition.threshold == "computed" else condition.threshold)
    if condition.requires:
        return None, f"{label} cannot be checked: it needs {condition.requires}", ()
    if condition.figure is None:
        return None, f"{label} cannot be checked by the engine", ()
    figure = condition.figure
    key = result.test_date if figure.match == "test_date" else result.transaction_id
    try:
        found = con.execute(
            f"select actual, threshold, missing_inputs from {figure.mart} where clause_id = ? and {figure.match} = ?",
            [figure.clause_id, key],
        ).fetchall()
    except duckdb.CatalogException:
        return None, f"{label} cannot be checked: mart {figure.mart} was not built", fixed
    if len(found) != 1:
        return None, f"{label} cannot be checked: {len(found)} rows of {figure.clause_id} in {figure.mart} for {key}", fixed
    actual, computed, missing = found[0]
    missing = json.loads(missing) if missing else []
    threshold = computed if condition.threshold == "computed" else condition.threshold
    limit = condition_limit(condition, waiver_id, threshold)
    if missing or actual is None or threshold is None:
        why = "; ".join(missing) or f"{figure.clause_id} cannot be computed for {key}"
        return None, f"{label} cannot be checked: {why}", limit
    holds = COMPARE[condition.operator](Fraction(actual), Fraction(threshold))
    return holds, f"{label}: " + comparison(figure.clause_id, money(actual), condition.operator, money(threshold), holds).rstrip("."), limit


def _covering_waiver(policies: PolicySet, result: Result) -> Waiver | None:
    covering = [w for w in policies.waivers if covers(policies, w, result)]
    if len(covering) > 1:
        # Two waivers over one failure with no rule between them is an error in the policies, not a choice to make here.
        raise PolicyError(
            f"{result.clause_id} on {result.test_date}: waivers {', '.join(w.waiver_id for w in covering)} both apply"
        )
    return covering[0] if covering else None


def _apply_waivers(con: duckdb.DuckDBPyConnection, result: Result, policies: PolicySet) -> Result:
    """A covering waiver in force turns `fail` into `waived` only if every condition holds.

    A condition that fails leaves `fail`; one that cannot be checked leaves `indeterminate`, naming what is missing.
    On an `indeterminate` result the covering waiver and its conditions are explained and the status stays.
    """
    waiver = _covering_waiver(policies, result)
    if waiver is None:
        return result
    decided_on = result.determination_date
    through, extensions = _effective_through(policies, waiver, decided_on)
    named = waiver.waiver_id + (f" (extended by {', '.join(extensions)})" if extensions else "")
    if decided_on < waiver.dated:
        return replace(result, explanation=result.explanation + f" {named} dated {waiver.dated} was not yet granted on {decided_on}.")
    if through is not None and decided_on > through:
        return replace(result, explanation=result.explanation + f" {named} lapsed on {through}; determined on {decided_on}.")
    checks = [_check_condition(con, c, result, waiver.waiver_id) for c in waiver.conditions]
    failed = [note for holds, note, _ in checks if holds is False]
    unknown = [note for holds, note, _ in checks if holds is None]
    result = replace(result, limits=result.limits + tuple(limit for _, _, limits in checks for limit in limits))
    if result.status == "indeterminate":
        notes = "; ".join(note for _, note, _ in checks) or "no conditions"
        return replace(result, explanation=result.explanation + f" {named} covers this result if the failure is established; its conditions: {notes}.")
    if failed:
        return replace(result, explanation=result.explanation + f" {named} does not apply: " + "; ".join(failed + unknown) + ".")
    if unknown:
        return replace(
            result,
            status="indeterminate",
            status_before_waiver="fail",
            waiver_id=waiver.waiver_id,
            explanation=result.explanation + f" {named} covers this failure only if conditions hold that cannot be checked: " + "; ".join(unknown) + ".",
        )
    term = f", effective through {through}" if through else ""
    met = (" Conditions met: " + "; ".join(note for _, note, _ in checks) + ".") if checks else ""
    return replace(
        result,
        status="waived",
        status_before_waiver="fail",
        waiver_id=waiver.waiver_id,
        citations=result.citations + (f"{waiver.waiver_id} {waiver.source}",) + tuple(extensions),
        explanation=result.explanation + f" Noncompliance waived by {named}, dated {waiver.dated}{term}; determined on {decided_on}." + met,
    )


def evaluate_all(
    con: duckdb.DuckDBPyConnection, policies: PolicySet, as_of: date | None = None, transaction_id: str | None = None
) -> list[Result]:
    """Every covenant's results; with `transaction_id`, only that transaction's (each result depends on its own mart row
    alone, so the others need not be evaluated)."""
    rows = read_marts(con, {c.figure.mart for c in policies.covenants}, transaction_id)
    results = []
    for covenant in sorted(policies.covenants, key=lambda c: c.clause_id):
        results.extend(evaluate_covenant(con, covenant, policies, as_of, covenant_figures(rows, covenant)))
    return in_total_order(results, lambda r: (r.test_date, r.instrument, r.clause_id, r.transaction_id or "", r.test_kind), asdict)
