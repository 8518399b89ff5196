"""Coping skills as program data, and the rules for picking one for a patient."""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from bot.config.resources import program_toml

FILE = "coping_skills.toml"
TAGS: tuple[str, ...] = ("craving", "anxiety", "low_mood", "anger", "sleep", "loneliness")
SOURCES: tuple[str, ...] = ("DBT", "CBT", "Relapse prevention", "Mindfulness")
Helped = Literal["yes", "somewhat", "no"]

# "Unknown" scores 0, so an untried skill ranks between one that helped somewhat and one that didn't.
_HELPED_SCORE: dict[str, float] = {"yes": 1.0, "somewhat": 0.5, "no": -1.0}
# Feedback loses half its weight every 30 days relative to the newest feedback.
_HALF_LIFE_DAYS = 30.0


@dataclass(frozen=True)
class Skill:
    """One coping skill with short steps a stressed person can follow on a phone."""

    key: str
    name: str
    source: str
    tags: tuple[str, ...]
    steps: tuple[str, ...]
    grounding: bool = False
    name_es: str = ""  # Spanish, optional: without it a patient who reads Spanish sees the English
    steps_es: tuple[str, ...] = ()

    def name_in(self, language: str) -> str:
        """The title in the patient's language."""
        return self.name_es if language == "es" and self.name_es else self.name

    def steps_in(self, language: str) -> tuple[str, ...]:
        """The steps in the patient's language (all of them, or the English ones)."""
        return self.steps_es if language == "es" and self.steps_es else self.steps


@dataclass(frozen=True)
class Feedback:
    """A patient's answer to "did that help?" after trying a skill."""

    skill_key: str
    helped: Helped
    at: datetime


def load_skills(path: Path | None = None) -> dict[str, Skill]:
    """Read and validate the skills file, keeping its order."""
    raw = program_toml(FILE, path)
    skills: dict[str, Skill] = {}
    for n, table in enumerate(raw.get("skill", []), start=1):
        skill = _skill(table, n)
        if skill.key in skills:
            raise ValueError(f"coping skill {skill.key!r}: duplicate key")
        skills[skill.key] = skill
    if not skills:
        raise ValueError("coping skills: the file defines no [[skill]]")
    grounding = [s.key for s in skills.values() if s.grounding]
    if len(grounding) != 1:
        raise ValueError(f"coping skills: exactly one skill needs grounding = true, found {grounding}")
    return skills


def _skill(t: dict[str, Any], n: int) -> Skill:
    key = t.get("key")
    if not isinstance(key, str) or not re.fullmatch(r"[a-z0-9_]+", key):
        raise ValueError(f"coping skill #{n}: key must be lowercase letters, digits or _, got {key!r}")
    where = f"coping skill {key!r}"
    name, source = t.get("name"), t.get("source")
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"{where}: name must be non-empty text")
    if source not in SOURCES:
        raise ValueError(f"{where}: source must be one of {', '.join(SOURCES)}, got {source!r}")
    tags = t.get("tags")
    if not isinstance(tags, list) or not tags or any(tag not in TAGS for tag in tags):
        raise ValueError(f"{where}: tags must be a non-empty list from {', '.join(TAGS)}, got {tags!r}")
    steps = t.get("steps")
    if not isinstance(steps, list) or not steps or not all(isinstance(s, str) and s.strip() for s in steps):
        raise ValueError(f"{where}: steps must be a non-empty list of text")
    grounding = t.get("grounding", False)
    if not isinstance(grounding, bool):
        raise ValueError(f"{where}: grounding must be true or false")
    name_es, steps_es = t.get("name_es", ""), t.get("steps_es", [])
    if (
        not isinstance(name_es, str)
        or not isinstance(steps_es, list)
        or not all(isinstance(s, str) and s.strip() for s in steps_es)
    ):
        raise ValueError(f"{where}: name_es must be text and steps_es a list of text")
    if steps_es and (len(steps_es) != len(steps) or not name_es.strip()):
        # A walk-through is counted by its steps: a patient may switch language in the middle of one.
        raise ValueError(f"{where}: steps_es needs name_es and as many steps as steps ({len(steps)})")
    return Skill(
        key,
        name.strip(),
        source,
        tuple(tags),
        tuple(s.strip() for s in steps),
        grounding,
        name_es.strip(),
        tuple(s.strip() for s in steps_es),
    )


def _tiebreak(seed: int | str, key: str) -> str:
    return hashlib.sha256(f"{seed}\x00{key}".encode()).hexdigest()


def helped_scores(feedback: Sequence[Feedback]) -> dict[str, float]:
    """Per skill, the recency-weighted mean of what the patient said (1 helped … -1 did not)."""
    if not feedback:
        return {}
    newest = max(f.at for f in feedback)
    totals: dict[str, tuple[float, float]] = {}
    for f in feedback:
        weight = 0.5 ** ((newest - f.at).total_seconds() / 86400 / _HALF_LIFE_DAYS)
        total, weights = totals.get(f.skill_key, (0.0, 0.0))
        totals[f.skill_key] = (total + weight * _HELPED_SCORE[f.helped], weights + weight)
    return {key: total / weights for key, (total, weights) in totals.items()}


def suggest(
    skills: Mapping[str, Skill],
    tags: Sequence[str],
    feedback: Sequence[Feedback],
    *,
    exclude: Sequence[str] = (),
    seed: int | str = 0,
) -> Skill:
    """The best skill for these tags (the first is the most pressing): skills mainly for it, what helped
    this patient first, seeded ties, excluded skills last."""
    if not skills:
        raise ValueError("no coping skills to suggest from")
    allowed = [s for s in skills.values() if s.key not in exclude] or list(skills.values())
    # Skills made for the most pressing need first (a skill's first tag is what it is mainly for):
    # after use with a craving of 9, urge skills, not "Move your body", which is mainly for low mood.
    focused = [s for s in allowed if tags and s.tags[0] == tags[0]]
    # With no tags (or none that fit), any allowed skill is better than repeating an excluded one.
    pool = focused or [s for s in allowed if set(s.tags) & set(tags)] or allowed
    scores = helped_scores(feedback)
    wanted = set(tags)

    def rank(s: Skill) -> tuple[float, int, str]:
        return (-scores.get(s.key, 0.0), -len(wanted & set(s.tags)), _tiebreak(seed, s.key))

    return min(pool, key=rank)


def grounding_skill(skills: Mapping[str, Skill]) -> Skill:
    """The skill shown in SOS."""
    for skill in skills.values():
        if skill.grounding:
            return skill
    raise LookupError("no coping skill is marked grounding = true")


def skill_of_the_day(
    skills: Mapping[str, Skill], *, focus: str | None, local_day: date, patient_key: str
) -> Skill:
    """The cohort's focus skill when set; otherwise a per-patient rotation through every skill."""
    if focus and focus in skills:
        return skills[focus]
    if not skills:
        raise ValueError("no coping skills to choose from")
    keys = sorted(skills)
    # A per-patient offset so a cohort doesn't all see the same skill, while one patient sees every
    # skill once before any repeats.
    offset = int(_tiebreak("day", patient_key)[:8], 16)
    return skills[keys[(local_day.toordinal() + offset) % len(keys)]]


def _folded(text: str) -> str:
    return " ".join(re.sub(r"[_\-\s]+", " ", text).casefold().split())


def find_skill(skills: Mapping[str, Skill], typed: str) -> Skill | None:
    """A skill by its key or by a name counselors and patients see, English or Spanish ("urge surfing",
    "Urge_Surfing", "Surfear la ola"; newcomer9 N37: only the internal key was taken)."""
    want = _folded(typed)
    for skill in skills.values():
        if want in {_folded(skill.key), _folded(skill.name), _folded(skill.name_es or skill.name)}:
            return skill
    return None


def near_skills(skills: Mapping[str, Skill], typed: str) -> list[Skill]:
    """Skills whose key or name is spelt close to ``typed``, closest first (for "did you mean ...?")."""
    names = {_folded(n): s for s in skills.values() for n in (s.key, s.name, s.name_es) if n}
    close = difflib.get_close_matches(_folded(typed), list(names), n=3, cutoff=0.75)
    return list(dict.fromkeys(names[n] for n in close))
