"""How a scenario's documents are marked: its name, read from the run's manifest, in their title and on every page."""

from __future__ import annotations


def scenario_name(manifest: dict) -> str | None:
    """The name of the scenario the run evaluated, or None for a run of the extracts as they are."""
    scenario = (manifest.get("options") or {}).get("scenario")
    return scenario["name"] if scenario else None


def banner(manifest: dict) -> str | None:
    """`Scenario: NAME. Not for delivery`, the words every document of a scenario's run carries; None otherwise."""
    name = scenario_name(manifest)
    return f"Scenario: {name}. Not for delivery" if name else None
