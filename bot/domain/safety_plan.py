"""The Stanley–Brown safety plan: its sections, cleaning a patient's entry, and fitting it on screen.

Pure: no Telegram, no storage. The words people see are in ``bot.texts.sos``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

# The six Stanley–Brown steps in their clinical order, then the optional "reasons for living".
SECTIONS: tuple[str, ...] = (
    "warning_signs",
    "coping",
    "distraction",
    "help",
    "professionals",
    "environment",
    "reasons",
)
# One entry per section; long enough for several lines, short enough that a whole plan fits
# beside the crisis lines in one Telegram message once cut to its share.
ENTRY_MAX = 800
ELLIPSIS = "…"


@dataclass(frozen=True)
class SafetyPlan:
    """A patient's plan: section key → their own words (sections not filled in are absent)."""

    sections: Mapping[str, str] = field(default_factory=dict)
    updated_at: datetime | None = None

    @property
    def is_empty(self) -> bool:
        """True when nothing has been written yet."""
        return not any(self.sections.get(key) for key in SECTIONS)

    def filled(self) -> list[tuple[str, str]]:
        """The sections written so far, in plan order."""
        return [(key, self.sections[key]) for key in SECTIONS if self.sections.get(key)]

    def to_dict(self) -> dict[str, object]:
        """The stored form."""
        return {
            "sections": {k: v for k, v in self.sections.items() if k in SECTIONS and v},
            "updated_at": self.updated_at.isoformat() if self.updated_at else None,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, object]) -> SafetyPlan:
        """Read the stored form, ignoring section keys this version does not know."""
        raw = d.get("sections")
        sections = (
            {str(k): str(v) for k, v in raw.items() if k in SECTIONS and v} if isinstance(raw, dict) else {}
        )
        at = d.get("updated_at")
        return cls(sections, datetime.fromisoformat(at) if isinstance(at, str) else None)


def is_section(key: str) -> bool:
    """True for a known section key (button data is checked with this)."""
    return key in SECTIONS


def next_section(key: str | None) -> str | None:
    """The section after ``key`` (the first for None), or None after the last."""
    if key is None:
        return SECTIONS[0]
    at = SECTIONS.index(key)
    return SECTIONS[at + 1] if at + 1 < len(SECTIONS) else None


def number(key: str) -> int:
    """The section's place in the plan, 1-based."""
    return SECTIONS.index(key) + 1


def clean_entry(text: str) -> tuple[str, bool]:
    """A typed entry tidied (spaces collapsed, blank lines dropped) and cut to ENTRY_MAX; True if cut."""
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.replace("\r", "").split("\n")]
    tidy = "\n".join(line for line in lines if line)
    if len(tidy) <= ENTRY_MAX:
        return tidy, False
    return cut_clean(tidy, ENTRY_MAX), True


def cut_clean(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters, cut at a line or word end and marked with "…"."""
    if len(text) <= limit:
        return text
    if limit <= len(ELLIPSIS):
        return ELLIPSIS[:limit]
    room = limit - len(ELLIPSIS)
    head = text[:room]
    # Prefer a line end, then a word end, in the last third; otherwise cut mid-word rather than lose it all.
    for sep in ("\n", " "):
        at = head.rfind(sep)
        if at >= room * 2 // 3:
            head = head[:at]
            break
    return head.rstrip() + ELLIPSIS


def fit(plan: SafetyPlan, budget: int, overhead: int = 0) -> list[tuple[str, str]]:
    """The filled sections, each cut so that all of them with ``overhead`` each fit in ``budget``.

    Short sections keep every word; the room they leave is shared among the long ones, so one very
    long section never pushes the others off the screen.
    """
    sections = plan.filled()
    room = max(budget - overhead * len(sections), 0)
    share: dict[str, int] = {}
    left = sorted(sections, key=lambda kv: len(kv[1]))
    while left:
        fair = room // len(left)
        key, text = left.pop(0)
        share[key] = min(len(text), fair)
        room -= share[key]
    return [(key, cut_clean(text, share[key])) for key, text in sections if share[key] > 0]
