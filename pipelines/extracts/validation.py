"""Checks across extracts, which a Pandera model of one frame cannot make.

Each takes the loaded extracts (`frames`: name → typed frame with `_row`, only those that were loaded) and the file
each came from (`files`: name → file name), and returns Issues. A check whose extracts were not loaded is skipped:
the missing or refused file is already an issue of its own.
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

from pipelines.extracts.contract import EXTRACTS
from pipelines.extracts.reading import ROW, Issue

Frames = dict[str, pl.DataFrame]
Files = dict[str, str]

# Entity references that must also be in the register on a date of the same row (the date's column).
DATED_ENTITY_REFERENCES: dict[tuple[str, str], str] = {
    ("entities", "parent_entity_id"): "valid_from",
    ("trial_balances", "entity_id"): "period_end",
    ("debt_instruments", "obligor_entity_id"): "issue_date",
    ("asset_sales", "seller_entity_id"): "sale_date",
    ("restricted_payments", "payer_entity_id"): "payment_date",
    ("equity_issuances", "issuer_entity_id"): "issue_date",
    ("capital_expenditures", "entity_id"): "period_end",
    ("liens", "entity_id"): "created_on",
    ("unrestricted_subsidiary_officers", "entity_id"): "appointed_on",
    ("affiliate_transactions", "entity_id"): "transaction_date",
    ("guarantees", "guarantor_entity_id"): "given_on",
    ("guarantees", "guaranteed_obligor_entity_id"): "given_on",
    ("trial_balances", "counterparty_entity_id"): "period_end",
    ("restricted_payments", "unrestricted_subsidiary_id"): "payment_date",
    ("asset_transfers", "transferor_entity_id"): "transfer_date",
    ("asset_transfers", "transferee_entity_id"): "transfer_date",
    ("default_events", "entity_id"): "event_date",
    ("sale_leasebacks", "seller_entity_id"): "transaction_date",
    ("acquisitions", "acquirer_entity_id"): "acquisition_date",
    ("mergers", "entity_id"): "effective_date",
}


def declared_references() -> dict[tuple[str, str], str]:
    """(extract, column) → "extract.column" it must be found in, as the contract declares."""
    return {(e.name, c.name): c.references for e in EXTRACTS for c in e.columns if c.references}


def references_resolve(frames: Frames, files: Files) -> list[Issue]:
    issues = []
    for (name, column), target in declared_references().items():
        target_name, target_column = target.split(".")
        if name not in frames or target_name not in frames:
            continue
        known = frames[target_name][target_column].drop_nulls().unique()
        unknown = frames[name].filter(pl.col(column).is_not_null() & ~pl.col(column).is_in(known.implode()))
        reason = f"not found in {target_name} ({target_column})"
        issues += [Issue(files[name], row, column, value, reason, "reference") for row, value in unknown.select(ROW, column).iter_rows()]
    return issues


def entities_registered_on_date(frames: Frames, files: Files) -> list[Issue]:
    """An entity named on a dated row must be in the register on that date, not only at some other time."""
    if "entities" not in frames:
        return []
    register = frames["entities"].select(pl.col("entity_id").alias("_entity"), "valid_from", "valid_to")
    issues = []
    for (name, column), date_column in DATED_ENTITY_REFERENCES.items():
        if name not in frames:
            continue
        rows = frames[name].filter(pl.col(column).is_in(register["_entity"].implode())).select(ROW, column, pl.col(date_column).alias("_on"))
        covered = (
            rows.join(register, left_on=column, right_on="_entity")
            .filter((pl.col("valid_from") <= pl.col("_on")) & (pl.col("valid_to").is_null() | (pl.col("_on") <= pl.col("valid_to"))))
            .select(ROW)
        )
        for row, entity, on in rows.join(covered, on=ROW, how="anti").sort(ROW).iter_rows():
            reason = f"entity {entity} is not in the entity register on {on} ({date_column})"
            issues.append(Issue(files[name], row, column, entity, reason, "entity_on_date"))
    return issues


def trial_balances_net_to_zero(frames: Frames, files: Files) -> list[Issue]:
    """Debits equal credits: each entity's balances for each month sum to exactly zero."""
    if "trial_balances" not in frames:
        return []
    sums = (
        frames["trial_balances"]
        .group_by("entity_id", "period_end")
        .agg(pl.col("balance").sum().alias("net"), pl.col(ROW).min().alias("first"), pl.col(ROW).max().alias("last"), pl.len().alias("rows"))
        .filter(pl.col("net") != 0)
        .sort("entity_id", "period_end")
    )
    issues = []
    for entity, month, net, first, last, count in sums.iter_rows():
        reason = f"entity {entity}, month ending {month}: balances net to {net}, not zero ({count} rows, rows {first} to {last})"
        issues.append(Issue(files["trial_balances"], None, "balance", str(net), reason, "trial_balance_nets_to_zero"))
    return issues


def entity_periods_do_not_overlap(frames: Frames, files: Files) -> list[Issue]:
    """An entity has one status on any day: no two of its register rows may cover the same day."""
    if "entities" not in frames:
        return []
    periods = frames["entities"].select(ROW, "entity_id", "valid_from", "valid_to")
    pairs = periods.join(periods, on="entity_id", suffix="_other").filter(
        # each overlapping pair once: the later-starting row (ties: the later row) is the one reported
        ((pl.col("valid_from_other") < pl.col("valid_from")) | ((pl.col("valid_from_other") == pl.col("valid_from")) & (pl.col(f"{ROW}_other") < pl.col(ROW))))
        & (pl.col("valid_to_other").is_null() | (pl.col("valid_from") <= pl.col("valid_to_other")))
    )
    issues = []
    for row in pairs.sort(ROW, f"{ROW}_other").iter_rows(named=True):
        until = row["valid_to_other"] or "open-ended"
        reason = (
            f"entity {row['entity_id']}: the period from {row['valid_from']} overlaps row {row[f'{ROW}_other']} "
            f"({row['valid_from_other']} to {until})"
        )
        issues.append(Issue(files["entities"], row[ROW], "valid_from", str(row["valid_from"]), reason, "entity_periods_overlap"))
    return issues


def trial_balances_close_a_quarter(frames: Frames, files: Files) -> list[Issue]:
    """A run closes the fiscal quarters the trial balances cover: they must reach at least one quarter's last month."""
    if "trial_balances" not in frames or frames["trial_balances"].is_empty():
        return []
    months = frames["trial_balances"]["period_end"]
    if months.dt.month().is_in([3, 6, 9, 12]).any():
        return []
    reason = f"no month is a fiscal quarter's last (March, June, September, December): the months run from {months.min()} to {months.max()}"
    return [Issue(files["trial_balances"], None, "period_end", None, reason, "trial_balances_close_a_quarter")]


CHECKS: tuple[Callable[[Frames, Files], list[Issue]], ...] = (
    references_resolve,
    entities_registered_on_date,
    trial_balances_net_to_zero,
    entity_periods_do_not_overlap,
    trial_balances_close_a_quarter,
)


def cross_extract_issues(frames: Frames, files: Files) -> list[Issue]:
    return [issue for check in CHECKS for issue in check(frames, files)]
