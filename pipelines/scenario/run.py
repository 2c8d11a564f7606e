"""A scenario in a quarter-end run: its extracts in a temporary folder the run reads instead of the user's, its
policies (policies/ with the proposed amendment's files), and, once the run has evaluated it, the comparison with the
baseline written beside the run's outputs (pipelines/assets/resources.py and results.py call these)."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pipelines.fiscal import FiscalQuarter
from pipelines.layout import ROOT
from pipelines.policy.loading import PolicySet, load_policies
from pipelines.policy.result import Result
from pipelines.scenario.comparison import baseline_results, side_by_side, summary_text, write_comparison
from pipelines.scenario.definition import Scenario, ScenarioError, load_scenario
from pipelines.scenario.overlay import overlaid_extracts

FOLDER_PREFIX = "covenants-scenario-"


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def scenario_policies(scenario: Scenario) -> PolicySet:
    """policies/ with the scenario's files replacing those that define the same thing, the others added."""
    return load_policies(adding=scenario.policy_files)


def policy_changes(scenario: Scenario, policies: PolicySet) -> list[str]:
    """A line per policy file the scenario replaces or adds."""
    if not scenario.policy_files:
        return []
    replaced = sorted(set(load_policies().files) - set(policies.files))
    line = f"policies: evaluated with {', '.join(_shown(p) for p in scenario.policy_files)}"
    return [line + (f", in place of {', '.join(_shown(p) for p in replaced)}" if replaced else ", added to policies/")]


@dataclass
class ScenarioOverlay:
    scenario: Scenario
    folder: Path  # the scenario's extracts, which the run reads
    policies: PolicySet
    changes: list[str]

    @classmethod
    def open(cls, scenario_file: Path, extracts: Path) -> ScenarioOverlay:
        """Raises ScenarioError, PolicyError or BadExtracts; leaves nothing behind when it does."""
        scenario = load_scenario(scenario_file)
        policies = scenario_policies(scenario)
        folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX))
        try:
            changes = overlaid_extracts(extracts, scenario, folder)
        except ScenarioError as refused:
            shutil.rmtree(folder, ignore_errors=True)
            raise ScenarioError(f"scenario {scenario.path}: {refused}") from None
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return cls(scenario, folder, policies, changes + policy_changes(scenario, policies))

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def compare(self, extracts: Path, as_of: date | None, quarters: list[FiscalQuarter], results: list[Result], staging: Path, text_table) -> tuple[list[Path], str]:
        """scenario.json and scenario.csv in `staging`, and the text the run prints after its summary."""
        records = side_by_side(baseline_results(extracts, as_of, quarters), results)
        return write_comparison(self.scenario, self.changes, records, staging), summary_text(self.scenario, self.changes, records, text_table)
