"""Walking a patient through one coping skill: the run state, its moves, and its button data."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import time
from typing import Any, Literal

from bot.domain.coping import TAGS, Helped, Skill

Origin = Literal["cope", "practice"]
PREFIX = "cope:"
HELPED_CODES: dict[str, Helped] = {"y": "yes", "s": "somewhat", "n": "no"}
_RUN = r"[0-9a-f]{8}"
_KEY = r"[a-z0-9_]{1,40}"


@dataclass(frozen=True)
class Run:
    """One walk-through in progress; `step` == len(steps) means "asking how it went"."""

    run_id: str
    skill_key: str
    origin: Origin
    step: int = 0
    tags: tuple[str, ...] = ()
    offered: tuple[str, ...] = ()
    source: int | None = None  # the message whose button started it, so a double tap starts one run

    def to_dict(self) -> dict[str, Any]:
        """Serialise for the store."""
        return {
            "run_id": self.run_id,
            "skill_key": self.skill_key,
            "origin": self.origin,
            "step": self.step,
            "tags": list(self.tags),
            "offered": list(self.offered),
            "source": self.source,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Run:
        """Rebuild from the store."""
        origin: Origin = "practice" if d.get("origin") == "practice" else "cope"
        source = d.get("source")
        return cls(
            run_id=str(d["run_id"]),
            skill_key=str(d["skill_key"]),
            origin=origin,
            step=int(d.get("step", 0)),
            tags=tuple(d.get("tags", ())),
            offered=tuple(d.get("offered", ())),
            source=int(source) if source is not None else None,
        )


def start(
    run_id: str, skill: Skill, origin: Origin, tags: tuple[str, ...] = (), source: int | None = None
) -> Run:
    """A new walk-through at its first step; without tags, "another skill" looks for similar ones."""
    return Run(run_id, skill.key, origin, 0, tags or skill.tags, (skill.key,), source)


def advance(run: Run, skill: Skill) -> Run:
    """The next screen: the next step, or the closing question after the last one."""
    return replace(run, step=min(run.step + 1, len(skill.steps)))


def asking(run: Run, skill: Skill) -> bool:
    """True once every step was shown and the run waits for "did this help?"."""
    return run.step >= len(skill.steps)


def switch(run: Run, skill: Skill) -> Run:
    """The same run on a different skill, back at its first step."""
    return replace(run, skill_key=skill.key, step=0, offered=(*run.offered, skill.key))


Verb = Literal["tag", "go", "practice", "no", "next", "other", "stop", "helped", "time"]


@dataclass(frozen=True)
class Press:
    """A parsed button: `verb` says what it does; the other fields depend on it."""

    verb: Verb
    arg: str = ""
    run_id: str = ""
    step: int = 0


_PATTERNS: list[tuple[str, Verb]] = [
    (rf"t:(?P<arg>{_KEY})", "tag"),
    (rf"go:(?P<arg>{_KEY})", "go"),
    (rf"p:(?P<arg>{_KEY})", "practice"),
    (r"no", "no"),
    (rf"n:(?P<run>{_RUN}):(?P<step>\d{{1,2}})", "next"),
    (rf"o:(?P<run>{_RUN}):(?P<step>\d{{1,2}})", "other"),
    (rf"x:(?P<run>{_RUN}):(?P<step>\d{{1,2}})", "stop"),
    (rf"h:(?P<run>{_RUN}):(?P<step>\d{{1,2}}):(?P<arg>[ysn])", "helped"),
    (r"pt:(?P<arg>off|\d{4})", "time"),
]


def parse(data: str) -> Press | None:
    """The meaning of a "cope:" button, or None for malformed or forged data."""
    if not data.startswith(PREFIX):
        return None
    body = data.removeprefix(PREFIX)
    for pattern, verb in _PATTERNS:
        m = re.fullmatch(pattern, body)
        if m is None:
            continue
        groups = m.groupdict()
        if verb == "tag" and groups["arg"] not in TAGS:
            return None
        if verb == "time" and groups["arg"] != "off" and parse_hhmm(groups["arg"]) is None:
            return None
        return Press(verb, groups.get("arg") or "", groups.get("run") or "", int(groups.get("step") or 0))
    return None


def data(verb: str, *parts: object) -> str:
    """Button data for a verb ("n", "h", ...) and its parts, always under 64 bytes."""
    out = ":".join([PREFIX + verb, *(str(p) for p in parts)])
    assert len(out.encode()) <= 64, out
    return out


def parse_hhmm(raw: str) -> time | None:
    """A time from "HHMM" button data, or None."""
    if not re.fullmatch(r"\d{4}", raw):
        return None
    hour, minute = int(raw[:2]), int(raw[2:])
    return time(hour, minute) if hour < 24 and minute < 60 else None


def hhmm(at: time) -> str:
    """A time as "HHMM" button data."""
    return at.strftime("%H%M")
