"""The entity register: the Company (KACC), its parent, Subsidiary Guarantors, joint ventures and investees.

Real (indenture-1996 definitions, the Company's Form 10-K filings): the names, the Subsidiary Guarantors listed in the
indenture and the Eleventh Amendment, the Specified Parties, the Bank Guarantors named there, and the ownership shares of
Alpart (65%), KJBC (49%), VALCO (90%) and Anglesey (49%) [N36]. QAL is taken as 28.3%; the 2002 press release
[N36] calls QAL "20%-owned" (conflict noted in docs/sample.md).

Synthetic: the designation of Kaiser Center Properties as an Unrestricted Subsidiary on 1998-01-01, the release of the
two Micromill companies as Subsidiary Guarantors on 1999-07-01 (after the synthetic sale of the Nevada micromill), and the
three fabricated-products plant subsidiaries.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class Entity:
    entity_id: str
    entity_name: str
    valid_from: date
    valid_to: date | None
    parent_entity_id: str | None
    role: str
    is_subsidiary: bool
    is_unrestricted_subsidiary: bool
    is_subsidiary_guarantor: bool
    is_bank_guarantor: bool
    is_specified_party: bool
    is_foreign: bool
    is_joint_venture: bool
    ownership_pct: Decimal
    consolidation_method: str


# Register rows start on the Merger date the indenture defines (October 28, 1988), so that the obligor of every instrument
# issued before the sample period is registered on its issue date; the sample asserts no status history before 1996.
START = date(1988, 10, 28)
SAMPLE_START = date(1996, 1, 1)  # the Micromill companies and the synthetic plants enter the register here
ONE = Decimal("1")


def _guarantor(entity_id: str, name: str, parent: str = "KACC", *, specified: bool = False, foreign: bool = False) -> Entity:
    return Entity(entity_id, name, START, None, parent, "subsidiary", True, False, True, True, specified, foreign, False, ONE, "full")


def _subsidiary(entity_id: str, name: str, parent: str = "KACC", *, specified: bool = False, foreign: bool = False,
                bank_guarantor: bool = False, ownership: Decimal = ONE) -> Entity:
    return Entity(entity_id, name, START, None, parent, "subsidiary", True, False, False, bank_guarantor, specified, foreign,
                  False, ownership, "full")


MICROMILL_RELEASE = date(1999, 7, 1)  # synthetic: guarantees released after the Nevada micromill sale of 1999-06-30
UNRESTRICTED_DESIGNATION = date(1998, 1, 1)  # synthetic designation of Kaiser Center Properties (indenture 4.15)

BASE_ENTITIES: tuple[Entity, ...] = (
    # The parent is outside the Company's consolidated group; ownership_pct is the Company's interest in it (none).
    Entity("KAC", "Kaiser Aluminum Corporation", START, None, None, "parent", False, False, False, True, False, False, False,
           Decimal("0"), "none"),
    Entity("KACC", "Kaiser Aluminum & Chemical Corporation", START, None, "KAC", "company", False, False, False, False, False,
           False, False, ONE, "full"),
    _guarantor("AJI", "Alpart Jamaica Inc.", specified=True, foreign=True),
    _guarantor("KJC", "Kaiser Jamaica Corporation", specified=True, foreign=True),
    _guarantor("KFC", "Kaiser Finance Corporation"),
    _guarantor("KAAC", "Kaiser Alumina Australia Corporation", specified=True),
    replace(_guarantor("KMH", "Kaiser Micromill Holdings, LLC"), valid_from=SAMPLE_START, valid_to=date(1999, 6, 30)),
    replace(_subsidiary("KMH", "Kaiser Micromill Holdings, LLC"), valid_from=MICROMILL_RELEASE),
    replace(_guarantor("KSM", "Kaiser Sierra Micromills, LLC", parent="KMH"), valid_from=SAMPLE_START,
            valid_to=date(1999, 6, 30)),
    replace(_subsidiary("KSM", "Kaiser Sierra Micromills, LLC", parent="KMH"), valid_from=MICROMILL_RELEASE),
    replace(_guarantor("KTH", "Kaiser Texas Micromill Holdings, LLC (Texas Holdings)"), valid_from=SAMPLE_START),
    replace(_guarantor("KTS", "Kaiser Texas Sierra Micromills, LLC (Texas Sierra)", parent="KTH"), valid_from=SAMPLE_START),
    _guarantor("KBC", "Kaiser Bellwood Corporation"),
    # Joint ventures booked at the Company's share (proportional consolidation).
    Entity("ALPART", "Alumina Partners of Jamaica", START, None, "AJI", "joint_venture", True, False, False, False, True, True,
           True, Decimal("0.65"), "proportional"),
    Entity("QAL", "Queensland Alumina Limited", START, None, "KAAC", "joint_venture", False, False, False, False, False, True,
           True, Decimal("0.283"), "proportional"),
    Entity("KJBC", "Kaiser Jamaica Bauxite Company", START, None, "KACC", "joint_venture", False, False, False, False, True, True,
           True, Decimal("0.49"), "proportional"),
    # Named in the Specified Parties definition; deemed not a Subsidiary (indenture def/Subsidiary override (1)). No ledger.
    Entity("QASC", "Queensland Alumina Security Corporation", START, None, "KAAC", "joint_venture", False, False, False, False,
           True, False, True, Decimal("0.283"), "none"),
    _subsidiary("VALCO", "Volta Aluminium Company Limited", specified=True, foreign=True, ownership=Decimal("0.90")),
    _subsidiary("KAII", "Kaiser Aluminium International, Inc.", specified=True, foreign=True, bank_guarantor=True),
    _subsidiary("KBX", "Kaiser Bauxite Company", specified=True),
    _subsidiary("KCP", "Kaiser Center Properties", ownership=ONE),
    # Equity-method investee (real 49% interest [N36]; its figures are synthetic).
    Entity("ANG", "Anglesey Aluminium Limited", START, None, "KACC", "investee", False, False, False, False, False, True, True,
           Decimal("0.49"), "equity"),
)


def _with_unrestricted_designation(entities: list[Entity]) -> list[Entity]:
    rows = []
    for entity in entities:
        if entity.entity_id != "KCP":
            rows.append(entity)
            continue
        rows.append(replace(entity, valid_to=date(1997, 12, 31)))
        rows.append(replace(entity, valid_from=UNRESTRICTED_DESIGNATION, is_subsidiary=False, is_unrestricted_subsidiary=True))
    return rows


PLANT_SITES = ("Richmond", "Sherman", "London Ontario")  # synthetic fabricated-products plant subsidiaries


def plant_ids() -> list[str]:
    return [f"PLANT{n:04d}" for n in range(1, len(PLANT_SITES) + 1)]


def plants() -> list[Entity]:
    return [replace(_subsidiary(entity_id, f"Kaiser Fabricated Products {site} Plant Co. 1", foreign=(site == "London Ontario")),
                    valid_from=SAMPLE_START)
            for entity_id, site in zip(plant_ids(), PLANT_SITES)]


def register() -> list[Entity]:
    return _with_unrestricted_designation(list(BASE_ENTITIES)) + plants()


# Entities with a trial balance: every full or proportional entity, and the parent (small, outside the group).
def ledger_entities() -> list[str]:
    seen: list[str] = []
    for entity in register():
        if entity.consolidation_method in ("full", "proportional") or entity.entity_id == "KAC":
            if entity.entity_id not in seen:
                seen.append(entity.entity_id)
    return seen


def company_group() -> list[str]:
    """The Company's consolidated group used for the calibration: every ledger entity except the parent."""
    return [e for e in ledger_entities() if e != "KAC"]
