"""A result's room to move and band in words, as every printout gives them: the run's summary, `covenants check` and
`covenants explain` (the fields are in docs/results.md, "Room to move and band")."""

from __future__ import annotations

from pipelines.policy.result import Result

# the band as a reader meets it: its name, and what it says of the figure against the policy's cushion
BAND_WORDS = {
    "comfortable": "comfortable: complying by more than the cushion the policy sets",
    "tight": "tight: complying within the cushion the policy sets",
    "breach": "breach: the figure does not comply, waived or not",
}


def band_heading(band: str) -> str:
    """A section's heading for results of one band: `Tight: complying within the cushion the policy sets`."""
    words = BAND_WORDS[band]
    return words[0].upper() + words[1:]


def room_text(result: Result) -> str | None:
    """`(band): how far its figure may move`, or None where the result has no room to move."""
    if result.room_to_move is None:
        return None
    return f"({BAND_WORDS[result.band]}): {result.room_to_move.statement}"
